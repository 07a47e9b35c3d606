package services

import (
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// Kitex, CloudWeGo's RPC framework, generates a package per IDL service
// (kitex_gen/<namespace>/<name>service): NewServer(handler, …) serves the
// service with handler, NewServiceInfo describes it for a server that
// registers several, and NewClient(destService, …) returns a Client whose
// methods are the IDL's. archie recognizes that shape, all three together,
// as it does gRPC's generated code: the service is named as the IDL names
// it ("<namespace>.<Service>", read from the literal NewServiceInfo
// builds) or, when that code is not read, after the handler interface
// NewServer takes, by its import path; the same for the server and its
// clients, so that calls meet the service that serves them. Only calls of
// the generated Client's methods are calls of the service, and calls
// inside the generated package itself are its plumbing.

const (
	kitexServer      = "github.com/cloudwego/kitex/server"
	kitexServiceInfo = "github.com/cloudwego/kitex/pkg/serviceinfo"
)

// kitexService returns the IDL service a package Kitex generated serves
// and calls, or "" for any other package.
func (x *extractor) kitexService(pkg *types.Package) string {
	if pkg == nil {
		return ""
	}
	return x.kitexPkgs.get(pkg, func() string {
		if strings.HasPrefix(pkg.Path(), "github.com/cloudwego/kitex/") || !isFunc(pkg, "NewServiceInfo", kitexServiceInfo, "ServiceInfo") || !isFunc(pkg, "NewClient", pkg.Path(), "Client") {
			return ""
		}
		fn, ok := pkg.Scope().Lookup("NewServer").(*types.Func)
		if !ok {
			return ""
		}
		sig := fn.Type().(*types.Signature)
		if sig.Params().Len() < 1 || sig.Results().Len() != 1 || !isNamedType(sig.Results().At(0).Type(), kitexServer, "Server") {
			return ""
		}
		named, ok := types.Unalias(sig.Params().At(0).Type()).(*types.Named)
		if !ok || named.Obj().Pkg() == nil || !types.IsInterface(named) {
			return ""
		}
		if name := x.kitexIDLName(pkg); name != "" {
			return name
		}
		return named.Obj().Pkg().Path() + "." + named.Obj().Name()
	})
}

// isFunc reports whether pkg has a function name whose first result is
// (a pointer to) the named type path.typ.
func isFunc(pkg *types.Package, name, path, typ string) bool {
	fn, ok := pkg.Scope().Lookup(name).(*types.Func)
	if !ok {
		return false
	}
	res := fn.Type().(*types.Signature).Results()
	if res.Len() == 0 {
		return false
	}
	t := res.At(0).Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	return ok && named.Obj().Name() == typ && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == path
}

// kitexIDLName reads the IDL's name of the service from the ServiceInfo
// the package's NewServiceInfo builds: its ServiceName, after the
// "PackageName" of its Extra map. It is "" when the function's code is not
// read (a dependency's) or does not say.
func (x *extractor) kitexIDLName(pkg *types.Package) string {
	obj, ok := pkg.Scope().Lookup("NewServiceInfo").(*types.Func)
	if !ok {
		return ""
	}
	fn := x.prog.prog.FuncValue(obj)
	if fn == nil || fn.Blocks == nil {
		return ""
	}
	service, namespace := "", ""
	seen := map[*ssa.Function]bool{}
	var scan func(fn *ssa.Function, depth int)
	scan = func(fn *ssa.Function, depth int) {
		if fn == nil || fn.Blocks == nil || seen[fn] || depth == 0 {
			return
		}
		seen[fn] = true
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				switch in := in.(type) {
				case *ssa.Store:
					if fa, ok := in.Addr.(*ssa.FieldAddr); ok && isNamedType(typeDeref(fa.X.Type()), kitexServiceInfo, "ServiceInfo") &&
						structOf(fa.X.Type()).Field(fa.Field).Name() == "ServiceName" {
						if c, ok := in.Val.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.String {
							service = constant.StringVal(c.Value)
						}
					}
				case *ssa.MapUpdate:
					k, kok := in.Key.(*ssa.Const)
					v := in.Value
					if mi, ok := v.(*ssa.MakeInterface); ok {
						v = mi.X
					}
					vc, vok := v.(*ssa.Const)
					if kok && vok && k.Value != nil && vc.Value != nil && k.Value.Kind() == constant.String && vc.Value.Kind() == constant.String &&
						constant.StringVal(k.Value) == "PackageName" {
						namespace = constant.StringVal(vc.Value)
					}
				case *ssa.Call:
					// newServiceInfo(…), as newer Kitex writes it.
					if callee := in.Common().StaticCallee(); callee != nil && callee.Pkg != nil && callee.Pkg.Pkg == pkg {
						scan(callee, depth-1)
					}
				}
			}
		}
	}
	scan(fn, 3)
	if service == "" {
		return ""
	}
	if namespace != "" {
		return namespace + "." + service
	}
	return service
}

func typeDeref(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
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
		x.serveGRPC(f, svc, handler, ev, handlers)
		return true
	}
	// A client's method: on the generated Client interface, which
	// NewClient returns.
	if named, method := calledOn(common); named != nil {
		pkg := named.Obj().Pkg()
		if named.Obj().Name() == "Client" && outside(pkg) {
			if svc := x.kitexService(pkg); svc != "" {
				ev.Detail = method
				ev.Method = svc + "/" + method
				f.calls = append(f.calls, &call{protocol: "grpc", proto: svc, method: method, ev: ev, fn: fn})
				return true
			}
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
