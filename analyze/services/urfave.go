package services

import (
	"cmp"
	"go/types"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// urfave/cli declares a flag as a struct (&cli.StringFlag{Name:
// "upstream-host", Value: "http://localhost:2470", EnvVars:
// []string{"ATP_RELAY_HOST"}}) and the program reads it by name
// (cctx.String("upstream-host")): the flag passed, else the first of its
// environment variables a deployment sets, else the default. v1 names the
// variables in one comma-separated EnvVar, v3 in Sources:
// cli.EnvVars("A", "B").

// cliFlagFields are the fields of the urfave/cli flag structs stored in
// the program's code, by the struct they are stored into.
type cliFlagFields map[ssa.Value]*cliFlagStores

// cliFlagStores are the values stored into one flag struct's fields, by
// field, and the functions that store them.
type cliFlagStores struct {
	fields map[string][]ssa.Value
	fns    []*ssa.Function
}

// urfaveStringFlag reports whether t is a pointer to urfave/cli's
// StringFlag, of any major version.
func urfaveStringFlag(t types.Type) bool {
	p, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	named, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok || named.Obj().Pkg() == nil || named.Obj().Name() != "StringFlag" {
		return false
	}
	path := named.Obj().Pkg().Path()
	return path == "github.com/urfave/cli" || strings.HasPrefix(path, "github.com/urfave/cli/v")
}

// noteCLIFlag records a store into a field of a urfave/cli StringFlag.
func (r *resolver) noteCLIFlag(st *ssa.Store) {
	fa, ok := st.Addr.(*ssa.FieldAddr)
	if !ok || !urfaveStringFlag(fa.X.Type()) {
		return
	}
	if r.cliFlags == nil {
		r.cliFlags = make(cliFlagFields)
	}
	fl := r.cliFlags[fa.X]
	if fl == nil {
		fl = &cliFlagStores{fields: make(map[string][]ssa.Value)}
		r.cliFlags[fa.X] = fl
	}
	f := fieldName(fa)
	fl.fields[f] = append(fl.fields[f], st.Val)
	fl.fns = append(fl.fns, st.Parent())
}

// urfaveGetters are urfave/cli's reads of a string flag by name, by
// callee key (which drops the major version: v2's *Context and v3's
// *Command), with the index of the name among their arguments (the
// receiver counted).
var urfaveGetters = map[string]int{
	"github.com/urfave/cli.Context.String": 1, "github.com/urfave/cli.Context.GlobalString": 1,
	"github.com/urfave/cli.Command.String": 1,
}

// cliFlag resolves a urfave/cli read of a string flag by name: each
// environment variable the flag declares, which a deployment may set, and
// its default, which stands in for them where none is set; each is the
// flag's, which a deployment's argument replaces.
func (r *resolver) cliFlag(name ssa.Value, bind map[*ssa.Parameter]ssa.Value, depth int, busy map[ssa.Value]bool) []value {
	names := r.resolve(name, bind, depth-1, busy)
	if len(names) != 1 || !names[0].lit {
		return nil
	}
	flag := names[0].text
	var out []value
	structs := slices.Collect(maps.Keys(r.cliFlags))
	slices.SortFunc(structs, func(a, b ssa.Value) int { return cmp.Compare(a.Pos(), b.Pos()) })
	for _, st := range structs {
		fields := r.cliFlags[st].fields
		// Only the flags of the binary being read: two mains may each
		// declare a flag of one name.
		if !slices.ContainsFunc(r.cliFlags[st].fns, r.ok) {
			continue
		}
		if !slices.ContainsFunc(fields["Name"], func(v ssa.Value) bool {
			n, ok := stringConst(v)
			return ok && n == flag
		}) {
			continue
		}
		var keys []string
		for _, v := range fields["EnvVar"] { // v1: "A,B"
			if s, ok := stringConst(v); ok {
				for _, k := range strings.Split(s, ",") {
					if k = strings.TrimSpace(k); k != "" {
						keys = append(keys, k)
					}
				}
			}
		}
		for _, v := range fields["EnvVars"] { // v2: []string{"A", "B"}
			keys = append(keys, r.literalTexts(varargs(v), bind, depth, busy)...)
		}
		for _, v := range fields["Sources"] { // v3: cli.EnvVars("A", "B")
			if c, ok := v.(*ssa.Call); ok && len(c.Common().Args) == 1 && strings.HasSuffix(calleeKey(c.Common()), ".EnvVars") {
				keys = append(keys, r.literalTexts(varargs(c.Common().Args[0]), bind, depth, busy)...)
			}
		}
		for _, k := range keys {
			out = append(out, value{text: "${" + k + "}", env: []string{k}, flag: flag, flagText: "${" + k + "}"})
		}
		for _, v := range fields["Value"] {
			for _, d := range r.resolve(v, bind, depth-1, busy) {
				if d.lit && d.fallbackOf == "" {
					d.lit, d.flag, d.flagText, d.flagAt = false, flag, d.text, 0
					if len(keys) > 0 {
						d.fallbackOf, d.fallbackText = strings.Join(keys, ","), d.text
					}
				}
				out = appendValues(out, []value{d})
			}
		}
	}
	return out
}

// literalTexts returns the texts of values written in the code.
func (r *resolver) literalTexts(vs []ssa.Value, bind map[*ssa.Parameter]ssa.Value, depth int, busy map[ssa.Value]bool) []string {
	var out []string
	for _, v := range vs {
		for _, t := range r.resolve(v, bind, depth-1, busy) {
			if t.lit && t.text != "" {
				out = append(out, t.text)
			}
		}
	}
	return out
}
