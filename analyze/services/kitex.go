package services

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// Kitex, CloudWeGo's RPC framework, generates a package per IDL service
// (kitex_gen/<namespace>/<name>service): NewServer(handler, …) serves the
// service with handler, NewServiceInfo describes it for a server that
// registers several, and NewClient(destService, …) returns a Client whose
// methods are the IDL's. archie recognizes that shape, as it does gRPC's
// generated code: the service is named "<namespace>.<Service>" after the
// handler interface NewServer takes (user.UserService), so that a client's
// calls meet the service that serves them. Calls inside the generated
// package itself are its plumbing, not the service's.

const (
	kitexServer = "github.com/cloudwego/kitex/server"
)

// kitexService returns the IDL service a package Kitex generated serves
// and calls, or "" for any other package.
func (x *extractor) kitexService(pkg *types.Package) string {
	if pkg == nil {
		return ""
	}
	if name, ok := x.kitexPkgs[pkg]; ok {
		return name
	}
	name := ""
	if fn, ok := pkg.Scope().Lookup("NewServer").(*types.Func); ok {
		sig := fn.Type().(*types.Signature)
		if sig.Params().Len() >= 1 && sig.Results().Len() == 1 && isNamedType(sig.Results().At(0).Type(), kitexServer, "Server") {
			if named, ok := types.Unalias(sig.Params().At(0).Type()).(*types.Named); ok && named.Obj().Pkg() != nil && types.IsInterface(named) {
				name = named.Obj().Pkg().Name() + "." + named.Obj().Name()
			}
		}
	}
	x.kitexPkgs[pkg] = name
	return name
}

// isNamedType reports whether t is the named type path.name.
func isNamedType(t types.Type, path, name string) bool {
	named, ok := types.Unalias(t).(*types.Named)
	return ok && named.Obj().Name() == name && named.Obj().Pkg() != nil && normPath(named.Obj().Pkg().Path()) == path
}

// kitex recognizes a call of the code Kitex generates, made by fn outside
// it: a generated client's method is a call of the service's method; the
// generated NewServer, or a Kitex server's RegisterService given the
// generated NewServiceInfo, serves the service, its methods served by the
// handler's. It reports whether the call was one.
func (x *extractor) kitex(f *facts, fn *ssa.Function, common *ssa.CallCommon, args []ssa.Value, ev Evidence, handlers map[string][]*ssa.Function) bool {
	outside := func(pkg *types.Package) bool { return fn.Pkg == nil || fn.Pkg.Pkg != pkg }
	serve := func(svc string, handler ssa.Value) bool {
		f.svc.Endpoints = append(f.svc.Endpoints, Endpoint{Protocol: "grpc", Name: svc, Pos: ev.Pos})
		for _, m := range x.methodsOf(handler) {
			name := svc + "/" + m.Name()
			handlers[name] = append(handlers[name], m)
		}
		return true
	}
	// A client's method: on the generated Client interface, or on the
	// type NewClient returns.
	var recv types.Type
	var method string
	if common.IsInvoke() {
		recv, method = common.Value.Type(), common.Method.Name()
	} else if callee := common.StaticCallee(); callee != nil && callee.Signature.Recv() != nil {
		recv, method = callee.Signature.Recv().Type(), callee.Name()
	}
	if recv != nil {
		if p, ok := recv.(*types.Pointer); ok {
			recv = p.Elem()
		}
		if named, ok := types.Unalias(recv).(*types.Named); ok && named.Obj().Pkg() != nil {
			pkg := named.Obj().Pkg()
			if svc := x.kitexService(pkg); svc != "" && outside(pkg) {
				ev.Detail = method
				ev.Method = svc + "/" + method
				f.calls = append(f.calls, &call{protocol: "grpc", proto: svc, method: method, ev: ev, fn: fn})
				return true
			}
			if isNamedType(named, kitexServer, "Server") && method == "RegisterService" && len(args) >= 2 {
				if info, ok := args[0].(*ssa.Call); ok {
					if c := info.Common().StaticCallee(); c != nil && c.Pkg != nil && c.Name() == "NewServiceInfo" && outside(c.Pkg.Pkg) {
						if svc := x.kitexService(c.Pkg.Pkg); svc != "" {
							ev.Detail = "RegisterService"
							return serve(svc, args[1])
						}
					}
				}
			}
		}
		return false
	}
	callee := common.StaticCallee()
	if callee == nil || callee.Pkg == nil || callee.Name() != "NewServer" || !outside(callee.Pkg.Pkg) || len(args) == 0 {
		return false
	}
	if svc := x.kitexService(callee.Pkg.Pkg); svc != "" {
		ev.Detail = "NewServer"
		return serve(svc, args[0])
	}
	return false
}
