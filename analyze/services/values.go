package services

import (
	"cmp"
	"go/constant"
	"go/token"
	"go/types"
	"maps"
	"math/big"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/iancoleman/strcase"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"
)

// A value is what archie can tell about a string the code computes: its
// text, with "${KEY}" for what an environment variable supplies and "…"
// for what stays unknown.
type value struct {
	text string
	env  []string // environment keys read
	flag string   // the flag whose default this is, if any
	lit  bool     // the whole text is written in the code
	// config is the configuration file the text is read from, if any.
	config string
	// group is the call that received the text through a function
	// argument: the Configure(Exchange("a"), Key("b")) options give their
	// texts one group, and two texts of different groups are never paired
	// (see pair).
	group ssa.Instruction
	// list marks a text that holds a comma-separated list
	// (strings.Split(os.Getenv("TOPICS"), ",")): who reads it splits it.
	list bool
	// fallbackOf is the environment key a literal stands in for when
	// the environment does not set it (see envFallbacks), or keys,
	// comma-separated, when it stands in for any of them (envconfig's
	// prefixed name and the field's own): a deployment that sets one
	// overrides it. fallbackText is that literal, which
	// may be only part of text ("http" of "http://core:8080").
	fallbackOf, fallbackText string
	// fallbackAt is where fallbackText begins in text, as far as a
	// concatenation tells; a text made another way keeps 0.
	fallbackAt int
	// flagText is the default of flag in text, which may be only part of
	// it ("orders:8080" of "http://orders:8080/buy"): where a deployment
	// passes the flag, its value stands there instead. It is "" when the
	// flag's name is not one text (a helper that defines flags of several
	// names).
	flagText string
	// flagAt is where flagText begins in text.
	flagAt int
	// flagEmpty marks a flag's default that is "" (a flag every
	// deployment must pass: -executorUrl), at the start of text: the
	// value passed stands before it.
	flagEmpty bool
	// fixed marks a text the code passes as a constant where it is used
	// (a literal, a const, their concatenation; see constantArg): no
	// flag, variable or configuration replaces it at run time.
	fixed bool
	// listed marks a name the server lists at run time (a database of
	// mongo's ListDatabaseNames), read as it comes: the code visits one
	// that exists, made by whoever named it, and names none of its own.
	// Its text is "…"; a name the code builds from one is not listed.
	listed bool
	// via is the call that handed the text in as a function's argument,
	// the outermost one: a helper's topic parameter, given "orders" at
	// one line and "audit" at another, has a text of each call; two
	// texts of one call are alternatives of one value.
	via token.Pos
}

// constantArg reports whether v is the same text on every run: a
// constant (a literal, a const), a concatenation of constants, or what a
// parameterless function of the service's code returns on every path
// when that is one. A variable, a parameter or a field may be replaced at
// run time (by a flag, the environment, a config file), so is not.
func (r *resolver) constantArg(v ssa.Value, depth int) bool {
	if v == nil || depth <= 0 {
		return false
	}
	switch w := v.(type) {
	case *ssa.Const:
		return w.Value != nil
	case *ssa.MakeInterface:
		return r.constantArg(w.X, depth)
	case *ssa.ChangeType:
		return r.constantArg(w.X, depth)
	case *ssa.Convert:
		return r.constantArg(w.X, depth)
	case *ssa.BinOp:
		return w.Op == token.ADD && r.constantArg(w.X, depth) && r.constantArg(w.Y, depth)
	case *ssa.Call:
		callee := w.Common().StaticCallee()
		if callee == nil || callee.Blocks == nil || !r.prog.source[callee.Pkg] || len(w.Common().Args) > 0 {
			return false
		}
		returns := 0
		for _, b := range callee.Blocks {
			if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && len(ret.Results) > 0 {
				if !r.constantArg(ret.Results[0], depth-1) {
					return false
				}
				returns++
			}
		}
		return returns > 0
	}
	return false
}

// fixedIf marks vals fixed when the code passes v, what they were read
// from, as a constant.
func (r *resolver) fixedIf(vals []value, v ssa.Value) []value {
	if r.constantArg(v, 4) {
		for i := range vals {
			vals[i].fixed = true
		}
	}
	return vals
}

// flagDefaults are the flag packages' definitions whose default names an
// address or a port: flag's and pflag's (cobra's flags), by callee key,
// with the argument indexes (receiver not counted) of the flag's name and
// of its default. The pointer forms (flag.String) return the variable;
// the Var forms (flag.StringVar(&addr, …)) store into their first
// argument. pflag's P forms take the flag's shorthand (-t for --topic)
// as argument short, 0 for none.
var flagDefaults = map[string]struct {
	name, def, short int
	ptr              bool // returns the variable
}{
	"flag.String": {0, 1, 0, true}, "flag.FlagSet.String": {0, 1, 0, true}, "flag.Int": {0, 1, 0, true}, "flag.FlagSet.Int": {0, 1, 0, true},
	"flag.StringVar": {1, 2, 0, false}, "flag.FlagSet.StringVar": {1, 2, 0, false}, "flag.IntVar": {1, 2, 0, false}, "flag.FlagSet.IntVar": {1, 2, 0, false},
	"github.com/spf13/pflag.String": {0, 1, 0, true}, "github.com/spf13/pflag.FlagSet.String": {0, 1, 0, true},
	"github.com/spf13/pflag.Int": {0, 1, 0, true}, "github.com/spf13/pflag.FlagSet.Int": {0, 1, 0, true},
	"github.com/spf13/pflag.StringP": {0, 2, 1, true}, "github.com/spf13/pflag.FlagSet.StringP": {0, 2, 1, true},
	"github.com/spf13/pflag.IntP": {0, 2, 1, true}, "github.com/spf13/pflag.FlagSet.IntP": {0, 2, 1, true},
	"github.com/spf13/pflag.StringVar": {1, 2, 0, false}, "github.com/spf13/pflag.FlagSet.StringVar": {1, 2, 0, false},
	"github.com/spf13/pflag.IntVar": {1, 2, 0, false}, "github.com/spf13/pflag.FlagSet.IntVar": {1, 2, 0, false},
	"github.com/spf13/pflag.StringVarP": {1, 3, 2, false}, "github.com/spf13/pflag.FlagSet.StringVarP": {1, 3, 2, false},
	"github.com/spf13/pflag.IntVarP": {1, 3, 2, false}, "github.com/spf13/pflag.FlagSet.IntVarP": {1, 3, 2, false},
}

// flagShort returns the shorthand argument of a flag definition, or nil.
func flagShort(c *ssa.CallCommon) ssa.Value {
	args, _, _, _, ok := flagArgs(c)
	if i := flagDefaults[calleeKey(c)].short; ok && i > 0 && i < len(args) {
		return args[i]
	}
	return nil
}

// flagArgs returns the arguments of a call to a flag definition, without
// its receiver, and the definition; ok is false for any other call.
func flagArgs(c *ssa.CallCommon) (args []ssa.Value, name, def int, ptr, ok bool) {
	k := calleeKey(c)
	d, ok := flagDefaults[k]
	if !ok {
		return nil, 0, 0, false, false
	}
	args = c.Args
	if c.Signature().Recv() != nil && !c.IsInvoke() {
		args = args[1:]
	}
	if d.name >= len(args) || d.def >= len(args) {
		return nil, 0, 0, false, false
	}
	return args, d.name, d.def, d.ptr, true
}

// resolveDepth bounds how many steps a value is followed back: a queue's
// name read from viper, handed to an option, captured by its closure,
// stored in a field and echoed by QueueDeclare takes seven. Each step
// through a parameter reads every caller, unmemoized: ten steps took a
// chain of helpers each called from eight places from 0.6 s to 29 s.
const resolveDepth = 8

// maxValues bounds how many alternatives one resolution keeps. A key
// helper or a cache's Set is a funnel: every key the program keeps passes
// through its parameter, argo-cd's about thirty, each in two or three
// variants (a version suffix, a compression extension); at 16 the last
// prefixes were cut off.
const maxValues = 48

// resolver follows strings through an SSA program, flow-insensitively:
// constants, concatenation, fmt.Sprintf, os.Getenv, flag defaults, and
// stores to struct fields, globals, locals and through pointer parameters.
type resolver struct {
	*tables
	// nonEmpty counts, for the values a return being resolved is guarded
	// to hold text (if uid == "" { return q }; return uid + "-" + q),
	// the returns under way that say so; infeasible says such a value
	// had no other text, so the return does not happen.
	nonEmpty   map[ssa.Value]int
	infeasible bool
	// naming, while a type's name is resolved (typeNames), is how many
	// Elem steps lead from the types handed in to the one named: an
	// interface value made of a concrete one resolves to that type's
	// name, not to the value.
	naming *int
	// within, when set, limits stores and callers to one service's code:
	// the one service a resolver walks at a time, while the tables are
	// every walker's.
	within map[*ssa.Function]bool
	// dead, set with within, are the blocks the service does not run
	// (gates.go, variants.go): a call there hands its arguments to no one.
	dead map[*ssa.BasicBlock]bool
	// held keeps what heldWalk found each interface value holds within
	// the service being walked (reset with within).
	held map[ssa.Value]heldResult
	// workloads are, while a service is walked, those that run it: a
	// config file one of them names (CONFIG_PATH=/config/config.yaml,
	// mounted from the repository) is this service's alone.
	workloads map[*workload]bool
	// topics says a message's topic is being resolved: only a topic
	// takes the values a gRPC request's clients send (load).
	topics bool
	// steps counts what a resolution has visited against limit, when
	// limit is set: a key followed deep (see keyValues) through helpers
	// each called from many places would otherwise take time exponential
	// in the depth.
	steps, limit int
	// deeper is how many steps further than resolveDepth the value at
	// hand is followed (a database name, see databaseDepth).
	deeper int
	// unfollowed, when set, is told that a maker's argument was read
	// through a value archie could not follow to its maker (callArgBound):
	// where all of them must be known, one missing is no answer.
	unfollowed *bool
}

// tables are what a resolver reads of the program, made with it
// (newResolver, readConfigs) and read only once the services are walked:
// the workers that walk them in parallel share them.
type tables struct {
	prog *program
	// stores are the values stored in each struct field ("pkg.T.Field"),
	// global and local variable, with the function that stores them.
	fields  map[string][]stored
	globals map[*ssa.Global][]stored
	// maps are the entries put into each map a struct field or global
	// holds (maps.go).
	maps map[string][]mapEntry
	// callers are the static call sites of each function; valued, the
	// functions the code uses as values (f := load), which may run
	// anywhere.
	callers map[*ssa.Function][]ssa.CallInstruction
	valued  map[*ssa.Function]bool
	// invokes are the calls through an interface; invokers, made from
	// them when first asked, the ones that may run each method.
	invokes   []ssa.CallInstruction
	invokesOf map[string][]ssa.CallInstruction // by method name
	invokers  *memo[*ssa.Function, []ssa.CallInstruction]
	// handedTo are the calls of a function a parameter holds, by each
	// function a caller hands that parameter (handedCalls).
	handedTo map[*ssa.Function][]handedCall
	// fieldsEscaped are the fields whose stores are not all seen,
	// methodValues the methods the code takes as values, and thunks the
	// interfaces' methods it does, by name (noteEscapes): what they
	// hold, or are called with, is not known.
	fieldsEscaped map[string]bool
	methodValues  map[*ssa.Function]bool
	thunks        map[string][]thunk
	embedded      map[*types.TypeName]bool // types embedded in a struct made an interface value
	// libraryTypeArgs are the types a library's generic code is
	// instantiated with.
	libraryTypeArgs map[*types.TypeName]bool
	// globalLoads are each global's loads, and globalEscaped the
	// globals whose address the code puts to another use.
	globalLoads   map[*ssa.Global][]*ssa.UnOp
	globalEscaped map[*ssa.Global]bool
	// convertedTo are the interfaces each named type (or a pointer to it)
	// is converted to: only calls through those, or through an interface
	// one of them satisfies, may run its methods.
	convertedTo map[*types.TypeName][]types.Type
	// genericConverts are the conversions made in generic bodies
	// (NewConsumer[T] returning a *Consumer[T] as an IConsumer[T]), by
	// the type converted, and instances the instantiations the code
	// calls of each generic function: which instances of the interface a
	// generic type's instances are converted to.
	genericConverts map[*types.TypeName][]genericConvert
	instances       map[*ssa.Function][]*ssa.Function
	// configLoads are the calls that load a config file into a struct,
	// and configs the files loaded into each struct type (config.go).
	configLoads []configLoad
	viperSets   []ssa.CallInstruction // viper's SetConfigFile calls
	// viperSearch are viper's SetConfigName, AddConfigPath and
	// SetConfigType calls: the files it looks for (viperSearched).
	viperSearch []ssa.CallInstruction
	viperDefs   []ssa.CallInstruction // viper's SetDefault calls, and an interface's that may be viper's
	// depFiles are the Go files of the dependencies read from export
	// data, by package path, and echoes, read from them when first
	// asked, their methods that give their receiver back as a string
	// (echoesReceiver).
	depFiles  map[string][]string
	echoes    *memo[string, map[string]bool]
	viperDocs []*configDoc // the files viper's SetConfigFile calls name
	// viperBinds are viper's BindPFlags and BindPFlag calls, which make
	// a flag's default (or the value a deployment passes) a key's, and
	// flagDefs every flag definition (flag.String, pflag's StringVarP).
	viperBinds []ssa.CallInstruction
	flagDefs   []ssa.CallInstruction
	// cliFlags are the fields of urfave/cli's flag structs (urfave.go).
	cliFlags cliFlagFields
	flagAdds []ssa.CallInstruction // pflag's AddGoFlagSet calls
	// viperEnv are viper's AutomaticEnv, SetEnvPrefix, SetEnvKeyReplacer
	// and BindEnv calls: the environment over files and defaults.
	viperEnv []ssa.CallInstruction
	configs  typeutil.Map // types.Type -> []*configDoc
	// envDefaults are the defaults the tags of config structs read from
	// the environment give each variable (envDefault:"localhost").
	envDefaults map[string]tagDefault
}

// A tagDefault is what a variable holds where no deployment sets it.
type tagDefault struct {
	text    string
	several bool // two structs' tags disagree: which one is read is not known
}

type stored struct {
	fn  *ssa.Function
	val ssa.Value
	// fresh is set for a field of a struct its function allocates and
	// returns: a constructor's default, which a later store overrides.
	fresh bool
	// call and param are set when the store is made through a pointer
	// parameter: val is then read in the callee with param bound to the
	// call's argument.
	call ssa.CallInstruction
	// flagName is set when val is a flag's default (flag.StringVar):
	// the flag's name.
	flagName  ssa.Value
	flagShort ssa.Value // its shorthand, if it has one (StringVarP)
	// base is the struct a field store is made into (the header literal
	// whose Key headerValues pairs with its Value).
	base ssa.Value
}

func newResolver(p *program) *resolver {
	r := &resolver{tables: &tables{prog: p, fields: make(map[string][]stored), globals: make(map[*ssa.Global][]stored), callers: make(map[*ssa.Function][]ssa.CallInstruction), maps: make(map[string][]mapEntry), valued: make(map[*ssa.Function]bool)}}
	// Stores through a pointer parameter (func set(dst *string, key string)
	// { *dst = os.Getenv(key) }) are recorded per parameter, then charged
	// to whatever each caller passes.
	paramStores := make(map[*ssa.Parameter][]ssa.Value)
	// The program's functions, and the instances of generic functions
	// they call: an instance delegates to its generic body, so the
	// body's parameters come from the instance's callers.
	funcs := p.funcs[:len(p.funcs):len(p.funcs)]
	seen := make(map[*ssa.Function]bool, len(funcs))
	var rands []*ssa.Value
	var paramCalls []ssa.CallInstruction // calls of a function a parameter holds
	for i := 0; i < len(funcs); i++ {
		fn := funcs[i]
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				rands = instr.Operands(rands[:0])
				r.noteEscapes(instr, rands)
				for j, v := range rands {
					if f, ok := (*v).(*ssa.Function); ok {
						if _, isCall := instr.(ssa.CallInstruction); !isCall || j > 0 {
							r.valued[f] = true
						}
					}
				}
				switch in := instr.(type) {
				case *ssa.MakeInterface:
					if obj := namedOf(in.X.Type()); obj != nil {
						if r.convertedTo == nil {
							r.convertedTo = make(map[*types.TypeName][]types.Type)
						}
						if !slices.ContainsFunc(r.convertedTo[obj], func(t types.Type) bool { return types.Identical(t, in.Type()) }) {
							r.convertedTo[obj] = append(r.convertedTo[obj], in.Type())
						}
						if fn.TypeParams().Len() > 0 {
							if r.genericConverts == nil {
								r.genericConverts = make(map[*types.TypeName][]genericConvert)
							}
							r.genericConverts[obj] = append(r.genericConverts[obj], genericConvert{fn, in.Type()})
						}
					}
				case *ssa.MapUpdate:
					if name := mapName(in.Map); name != "" {
						r.maps[name] = append(r.maps[name], mapEntry{fn: fn, key: in.Key, val: in.Value, recv: mapOwner(in.Map)})
					}
				case *ssa.Store:
					r.addStore(fn, in.Addr, stored{fn: fn, val: in.Val, fresh: constructed(in.Addr)})
					r.noteCLIFlag(in)
					if param, ok := in.Addr.(*ssa.Parameter); ok {
						paramStores[param] = append(paramStores[param], in.Val)
					}
				case ssa.CallInstruction:
					callee := in.Common().StaticCallee()
					if callee == nil {
						// kratos's config is an interface.
						if in.Common().IsInvoke() && calleeKey(in.Common()) == "github.com/go-kratos/kratos/config.Config.Scan" && len(in.Common().Args) > 0 {
							r.configLoads = append(r.configLoads, configLoad{call: in, into: in.Common().Args[0], tag: "json", kratos: true})
						}
						if in.Common().IsInvoke() {
							r.invokes = append(r.invokes, in)
							if settingDefault(in.Common()) {
								r.viperDefs = append(r.viperDefs, in)
							}
						} else if _, ok := in.Common().Value.(*ssa.Parameter); ok {
							paramCalls = append(paramCalls, in)
						}
						continue
					}
					r.callers[callee] = append(r.callers[callee], in)
					if l, ok := configLoadOf(callee, in); ok {
						r.configLoads = append(r.configLoads, l)
					} else if isViperFile(callee) {
						r.viperSets = append(r.viperSets, in)
					} else if isViper(callee, "SetConfigName") || isViper(callee, "AddConfigPath") || isViper(callee, "SetConfigType") {
						r.viperSearch = append(r.viperSearch, in)
					} else if isViper(callee, "SetDefault") {
						r.viperDefs = append(r.viperDefs, in)
					} else if isViper(callee, "BindPFlags") || isViper(callee, "BindPFlag") {
						r.viperBinds = append(r.viperBinds, in)
					} else if calleeKey(in.Common()) == "github.com/spf13/pflag.FlagSet.AddGoFlagSet" {
						r.flagAdds = append(r.flagAdds, in)
					} else if isViper(callee, "AutomaticEnv") || isViper(callee, "SetEnvPrefix") || isViper(callee, "SetEnvKeyReplacer") || isViper(callee, "BindEnv") {
						r.viperEnv = append(r.viperEnv, in)
					}
					if o := callee.Origin(); o != nil && !slices.Contains(r.instances[o], callee) {
						if r.instances == nil {
							r.instances = make(map[*ssa.Function][]*ssa.Function)
						}
						r.instances[o] = append(r.instances[o], callee)
					}
					if callee.Origin() != nil && callee.Blocks != nil && !seen[callee] {
						seen[callee] = true
						funcs = append(funcs, callee)
					}
					// flag.StringVar(&dst, name, default, usage) stores
					// its default.
					if args, name, def, ptr, ok := flagArgs(in.Common()); ok {
						r.flagDefs = append(r.flagDefs, in)
						if !ptr {
							r.addStore(fn, args[0], stored{fn: fn, val: args[def], flagName: args[name], flagShort: flagShort(in.Common())})
						}
					}
				}
			}
		}
	}
	for param, vals := range paramStores {
		fn := param.Parent()
		idx := paramIndex(param)
		for _, call := range r.callers[fn] {
			args := call.Common().Args
			if idx < len(args) {
				for _, v := range vals {
					r.addStore(call.Parent(), args[idx], stored{fn: call.Parent(), val: v, call: call})
				}
			}
		}
	}
	r.handedCalls(paramCalls)
	r.invokers = new(memo[*ssa.Function, []ssa.CallInstruction])
	r.invokesOf = make(map[string][]ssa.CallInstruction)
	for _, call := range r.invokes {
		name := call.Common().Method.Name()
		r.invokesOf[name] = append(r.invokesOf[name], call)
	}
	return r
}

// callersIn returns the static calls of fn from the functions being
// read (the service's, while one is walked).
func (r *resolver) callersIn(fn *ssa.Function) []ssa.CallInstruction {
	var out []ssa.CallInstruction
	for _, c := range r.callers[fn] {
		if r.ok(c.Parent()) {
			out = append(out, c)
		}
	}
	return out
}

// A handedCall is a call of a function a parameter holds (publish(ctx,
// key, msg) in traced) made with what one call of the function that
// holds it (traced(ctx, "orders", key, msg, r.send)) hands it.
type handedCall struct {
	call ssa.CallInstruction // the call through the parameter
	via  ssa.CallInstruction // the call that hands the function
	// recv marks a method's value (r.send): the call's arguments are
	// the method's, the receiver aside.
	recv bool
}

// handedCalls records each call of a function a parameter holds (func
// traced(…, publish func(…) error) { return publish(ctx, key, msg) }) as
// a call of each function the parameter's callers hand it: a function,
// a closure, a method's value (r.send). Its arguments are read as that
// caller gives them: withSpan(ctx, "a", toA) and withSpan(ctx, "b", toB)
// hand toA "a" only. Only what a caller hands directly; a function value
// kept in a field and called later is not followed.
func (r *resolver) handedCalls(calls []ssa.CallInstruction) {
	for _, call := range calls {
		p := call.Common().Value.(*ssa.Parameter)
		idx := paramIndex(p)
		for _, c := range r.callers[p.Parent()] {
			args := c.Common().Args
			if idx < 0 || idx >= len(args) {
				continue
			}
			var fn *ssa.Function
			recv := false
			switch f := args[idx].(type) {
			case *ssa.Function:
				fn = f
			case *ssa.MakeClosure:
				fn = f.Fn.(*ssa.Function)
				if m := boundMethod(fn); m != nil {
					fn, recv = m, true
				} else if fn.Synthetic != "" {
					fn = nil
				}
			}
			if fn == nil {
				continue
			}
			if r.handedTo == nil {
				r.handedTo = make(map[*ssa.Function][]handedCall)
			}
			r.handedTo[fn] = append(r.handedTo[fn], handedCall{call: call, via: c, recv: recv})
		}
	}
}

func (r *resolver) addStore(fn *ssa.Function, addr ssa.Value, s stored) {
	switch a := addr.(type) {
	case *ssa.FieldAddr:
		s.base = a.X
		r.fields[fieldKey(a.X.Type(), a.Field)] = append(r.fields[fieldKey(a.X.Type(), a.Field)], s)
	case *ssa.Global:
		r.globals[a] = append(r.globals[a], s)
	case *ssa.Alloc:
		r.fields[allocKey(a)] = append(r.fields[allocKey(a)], s)
	}
}

// bindArgs binds a function's parameters to a call's arguments.
func bindArgs(fn *ssa.Function, args []ssa.Value) map[*ssa.Parameter]ssa.Value {
	bind := make(map[*ssa.Parameter]ssa.Value, len(fn.Params))
	for i, p := range fn.Params {
		if i < len(args) {
			bind[p] = args[i]
		}
	}
	return bind
}

func paramIndex(p *ssa.Parameter) int {
	for i, q := range p.Parent().Params {
		if q == p {
			return i
		}
	}
	return -1
}

// fieldKey names a struct field by its struct type and index.
func fieldKey(ptr types.Type, field int) string {
	t := ptr
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok || field >= st.NumFields() {
		return ""
	}
	return types.TypeString(t, nil) + "." + st.Field(field).Name()
}

func allocKey(a *ssa.Alloc) string {
	return "alloc " + a.Parent().String() + " " + a.Name()
}

// strings resolves v to the strings it may hold.
func (r *resolver) strings(v ssa.Value) []value {
	return r.resolve(v, nil, r.depth(), make(map[ssa.Value]bool))
}

// depth is how many steps the value at hand is followed back.
func (r *resolver) depth() int { return resolveDepth + r.deeper }

func (r *resolver) ok(fn *ssa.Function) bool { return r.within == nil || fn == nil || r.within[fn] }

// live reports whether a call runs in the service walked: its function is
// reached and its block not dead.
func (r *resolver) live(call ssa.CallInstruction) bool {
	return r.ok(call.Parent()) && !r.dead[call.Block()]
}

// spend takes one step of the resolver's budget, when it has one; false
// once the budget is spent.
func (r *resolver) spend() bool {
	if r.limit > 0 {
		if r.steps >= r.limit {
			return false
		}
		r.steps++
	}
	return true
}

func (r *resolver) resolve(v ssa.Value, bind map[*ssa.Parameter]ssa.Value, depth int, busy map[ssa.Value]bool) []value {
	vals := r.resolveValue(v, bind, depth, busy)
	if r.nonEmpty[v] > 0 && len(vals) > 0 {
		// A value the return is guarded to hold text: its empty
		// alternatives (an unset variable's "") take the other branch.
		if vals = slices.DeleteFunc(vals, func(x value) bool { return x.text == "" }); len(vals) == 0 {
			r.infeasible = true
		}
	}
	return vals
}

func (r *resolver) resolveValue(v ssa.Value, bind map[*ssa.Parameter]ssa.Value, depth int, busy map[ssa.Value]bool) []value {
	if v == nil || depth <= 0 || busy[v] {
		return nil
	}
	if !r.spend() {
		return nil
	}
	busy[v] = true
	defer delete(busy, v)
	switch v := v.(type) {
	case *ssa.Const:
		if v.Value != nil && v.Value.Kind() == constant.String {
			return []value{{text: constant.StringVal(v.Value), lit: true}}
		}
		if v.Value != nil && v.Value.Kind() == constant.Int {
			return []value{{text: v.Value.ExactString(), lit: true}}
		}
		return nil
	case *ssa.BinOp:
		if v.Op != token.ADD {
			return nil
		}
		if b, ok := v.Type().Underlying().(*types.Basic); ok && b.Info()&types.IsInteger != 0 {
			// retries + 1: a sum, not the digits joined ("01").
			return sums(r.resolve(v.X, bind, depth-1, busy), r.resolve(v.Y, bind, depth-1, busy))
		}
		return concat(r.resolveOr(v.X, bind, depth, busy), r.resolveOr(v.Y, bind, depth, busy))
	case *ssa.Alloc, *ssa.FieldAddr:
		// &table or &c.url, a *string a request's field takes (the AWS
		// SDKs' TableName: &table): the string stored there.
		if p, ok := v.Type().(*types.Pointer); ok && types.Identical(p.Elem(), types.Typ[types.String]) {
			return r.load(v, bind, depth, busy)
		}
		return nil
	case *ssa.Phi:
		var out []value
		for _, e := range v.Edges {
			out = appendValues(out, r.resolve(e, bind, depth-1, busy))
		}
		return envFallbacks(out)
	case *ssa.ChangeType:
		return r.resolve(v.X, bind, depth, busy)
	case *ssa.Slice:
		// []string{a, b}: each of its strings.
		var out []value
		for _, e := range sliceElems(v.X) {
			out = appendValues(out, r.resolve(e, bind, depth-1, busy))
		}
		return out
	case *ssa.Convert:
		return r.resolve(v.X, bind, depth, busy)
	case *ssa.MakeInterface:
		if r.naming != nil {
			// One type per conversion: a name is never paired with
			// another type's (an exchange and a routing key named
			// after one message).
			out := typeName(v.X.Type(), *r.naming)
			for i := range out {
				out[i].group = v
			}
			return out
		}
		return r.resolve(v.X, bind, depth, busy)
	case *ssa.Extract:
		switch t := v.Tuple.(type) {
		case *ssa.Call:
			if v.Index == 0 {
				return r.call(t.Common(), bind, depth, busy)
			}
		case *ssa.Next:
			return r.ranged(t, v.Index, bind, depth, busy)
		case *ssa.Lookup:
			if v.Index == 0 {
				return r.looked(t, bind, depth, busy)
			}
		}
		return nil
	case *ssa.Lookup:
		return r.looked(v, bind, depth, busy)
	case *ssa.Call:
		return r.call(v.Common(), bind, depth, busy)
	case *ssa.UnOp:
		if v.Op.String() == "*" {
			return r.load(v.X, bind, depth, busy)
		}
		return nil
	case *ssa.Field:
		if headerValue(v.X.Type(), v.Field) {
			return r.headerValues(v.X, v.Field, v.Block(), bind, depth, busy)
		}
		if c, arg := echoed(v.X, v.Field); c != nil {
			return r.resolve(c.Args[arg], bind, depth-1, busy)
		}
		if out := r.echoedThrough(v.X, v.Field, depth, busy); len(out) > 0 {
			return out
		}
		if out := r.echoedKept(v.X, v.Field, depth, busy); len(out) > 0 {
			return out
		}
		if out := r.storedIn(r.fields[fieldKey(v.X.Type(), v.Field)], depth, busy); len(out) > 0 {
			return out
		}
		if out := r.fromConfig(v); len(out) > 0 {
			return out
		}
		return r.unsetIn(v.X, v.Field, depth)
	case *ssa.Parameter:
		if b, ok := bind[v]; ok {
			// The value a call gives v is read under the same binding:
			// it may be the caller's parameter, bound a level up
			// (throughWrappers). One way back: no step taken.
			return r.resolve(b, bind, depth, busy)
		}
		idx := paramIndex(v)
		callers, invokers := liveCalls(r, r.callers[v.Parent()]), liveCalls(r, r.invokersOf(v.Parent()))
		var handed []handedCall
		for _, h := range r.handedTo[v.Parent()] {
			if r.ok(h.call.Parent()) && r.ok(h.via.Parent()) {
				handed = append(handed, h)
			}
		}
		next := r.oneWay(depth, len(callers)+len(invokers)+len(handed))
		var out []value
		for _, call := range callers {
			if args := call.Common().Args; idx >= 0 && idx < len(args) {
				out = appendValues(out, handedVia(grouped(r.resolve(args[idx], nil, next, busy), call), call))
			}
		}
		// A method called through an interface (a messaging library's
		// Subscribe behind its MessageSubscriber) takes what the calls
		// give, the receiver aside.
		for _, call := range invokers {
			if args := call.Common().Args; idx >= 1 && idx-1 < len(args) {
				out = appendValues(out, grouped(r.resolve(args[idx-1], nil, next, busy), call))
			}
		}
		for _, h := range handed {
			i := idx
			if h.recv {
				i--
			}
			if args := h.call.Common().Args; i >= 0 && i < len(args) {
				bind := bindArgs(h.call.Parent(), h.via.Common().Args)
				out = appendValues(out, grouped(r.resolve(args[i], bind, next, busy), h.via))
			}
		}
		return out
	case *ssa.FreeVar:
		bindings := freeVarBindings(v)
		var out []value
		for _, b := range bindings {
			out = appendValues(out, r.resolve(b, bind, r.oneWay(depth, len(bindings)), busy))
		}
		return out
	}
	return nil
}

// oneWay is the depth left after a step back through a parameter or a
// captured variable with ways ways back: a step with one (a helper's
// parameter that one call gives, an option a closure captures) takes
// none of the depth, which bounds the fan-out of callers, not the length
// of a chain. A topic handed down through a library's layers (PublishContext
// to options to a closure to the client's publish) is as deep as the code
// is, and each layer leads to one value. busy keeps a cycle from looping.
// Under a budget (a key's, a database name's), which bounds the work
// itself, every step takes one: a longer chain followed first would
// spend the budget before the other ways were read.
func (r *resolver) oneWay(depth, ways int) int {
	if ways == 1 && r.limit == 0 {
		return depth
	}
	return depth - 1
}

// liveCalls keeps the calls that run in the service walked.
func liveCalls(r *resolver, calls []ssa.CallInstruction) []ssa.CallInstruction {
	var out []ssa.CallInstruction
	for _, c := range calls {
		if r.live(c) {
			out = append(out, c)
		}
	}
	return out
}

// replaced applies a replacement to the literals among vals. A value
// that is not one (a variable a deployment sets, a default standing in
// for it, a text with parts not known) is kept only where the
// replacement leaves its text as it is: the variable's value would be
// replaced too, which archie cannot show.
func replaced(vals []value, replace func(string) string) []value {
	out := vals[:0]
	for _, v := range vals {
		switch r := replace(v.text); {
		case v.lit && v.fallbackOf == "":
			v.text = r
		case r != v.text || strings.Contains(v.text, "${"):
			continue
		}
		out = append(out, v)
	}
	return out
}

// applyTrim applies one of strings' trimming or case functions, named by
// its key, to a literal.
func applyTrim(key, s, cut string) string {
	switch key {
	case "strings.TrimSpace":
		return strings.TrimSpace(s)
	case "strings.TrimSuffix":
		return strings.TrimSuffix(s, cut)
	case "strings.TrimPrefix":
		return strings.TrimPrefix(s, cut)
	case "strings.TrimRight":
		return strings.TrimRight(s, cut)
	case "strings.TrimLeft":
		return strings.TrimLeft(s, cut)
	case "strings.Trim":
		return strings.Trim(s, cut)
	case "strings.ToLower":
		return strings.ToLower(s)
	case "strings.ToUpper":
		return strings.ToUpper(s)
	}
	return s
}

// resolveOr is resolve, with "…" standing for what stays unknown.
func (r *resolver) resolveOr(v ssa.Value, bind map[*ssa.Parameter]ssa.Value, depth int, busy map[ssa.Value]bool) []value {
	if out := r.resolve(v, bind, depth-1, busy); len(out) > 0 {
		return out
	}
	return []value{{text: "…"}}
}

// load resolves what is read through the pointer addr.
func (r *resolver) load(addr ssa.Value, bind map[*ssa.Parameter]ssa.Value, depth int, busy map[ssa.Value]bool) []value {
	switch a := addr.(type) {
	case *ssa.FieldAddr:
		if headerValue(a.X.Type(), a.Field) {
			return r.headerValues(a.X, a.Field, a.Block(), bind, depth, busy)
		}
		if out := r.storedIn(r.fields[fieldKey(a.X.Type(), a.Field)], depth, busy); len(out) > 0 {
			return out
		}
		// A topic in a field of a gRPC request the service serves and
		// no code of its own fills: what its clients put there when
		// they call that RPC, in any service (an event store
		// publishing on the type each event's sender names).
		if r.topics && r.within != nil {
			if rpcs := r.servedTaking(a.X.Type()); len(rpcs) > 0 {
				var sent []stored
				for _, st := range r.fields[fieldKey(a.X.Type(), a.Field)] {
					if st.fn != nil && callsClient(st.fn, rpcs, a.X.Type()) {
						sent = append(sent, st)
					}
				}
				within := r.within
				r.within = nil
				out := r.storedIn(sent, depth, busy)
				r.within = within
				if len(out) > 0 {
					return out
				}
			}
		}
		// q, _ := ch.QueueDeclare("orders", …); ch.Consume(q.Name, …)
		if local, ok := a.X.(*ssa.Alloc); ok && local.Referrers() != nil {
			var out []value
			for _, ref := range *local.Referrers() {
				if st, ok := ref.(*ssa.Store); ok && st.Addr == local {
					if c, arg := echoed(st.Val, a.Field); c != nil {
						out = appendValues(out, r.resolve(c.Args[arg], bind, depth-1, busy))
					} else {
						out = appendValues(out, r.echoedThrough(st.Val, a.Field, depth, busy))
					}
				}
			}
			if len(out) > 0 {
				return out
			}
		}
		// p.queue.Name, p's queue declared in its constructor.
		if inner, ok := a.X.(*ssa.FieldAddr); ok {
			if out := r.echoedKept(inner, a.Field, depth, busy); len(out) > 0 {
				return out
			}
		}
		if out := r.fromConfig(a); len(out) > 0 {
			return out
		}
		return r.unset(a.X, a.Field, depth)
	case *ssa.Global:
		out := r.storedIn(r.globals[a], depth, busy)
		return out
	case *ssa.Alloc:
		// A variable a closure captures lives in a cell: v :=
		// os.Getenv(K); if v == "" { v = "…" } stores the fallback
		// there, as a phi would join it.
		return envFallbacks(r.storedIn(r.fields[allocKey(a)], depth, busy))
	case *ssa.IndexAddr:
		// An element of a slice or array the code builds in sight: the
		// one at a constant index, else each (for _, t := range
		// []string{"a", "b"}).
		var arr ssa.Value
		var extra []ssa.Value
		switch x := a.X.(type) {
		case *ssa.Slice:
			if _, ok := x.X.(*ssa.Alloc); ok {
				arr, extra = x.X, indexStores(x)
			}
		case *ssa.Alloc:
			arr = x
		}
		if arr == nil {
			if i, constant := a.Index.(*ssa.Const); constant {
				if c, ok := a.X.(*ssa.Call); ok && calleeKey(c.Common()) == "flag.Args" {
					if i.Value == nil || i.Int64() < 0 {
						return nil
					}
					return r.passedArgs(int(i.Int64())) // flag.Args()[0]
				}
				// route[1]: one element, which members do not tell,
				// unless they are all one (peers[0], each peer a
				// deployment's one argument).
				return r.sameMembers(a.X, bind, depth, busy)
			}
			if skipsFirst(a.Index) {
				// for i := 1; i < len(args); i++: not every element,
				// and which is not followed.
				return nil
			}
			return r.members(a.X, bind, depth, busy)
		}
		idx, constant := a.Index.(*ssa.Const)
		var out []value
		storesOf(arr, func(index, val ssa.Value) {
			if c, ok := index.(*ssa.Const); constant && ok && c.Int64() != idx.Int64() {
				return
			}
			out = appendValues(out, r.resolve(val, bind, depth-1, busy))
		})
		if !constant {
			for _, e := range extra {
				out = appendValues(out, r.resolve(e, bind, depth-1, busy))
			}
		}
		return out
	case *ssa.Call:
		// *flag.String(name, default, usage)
		if args, name, def, ptr, ok := flagArgs(a.Common()); ok && ptr {
			return r.flagDefault(args[name], flagShort(a.Common()), args[def], bind, depth, busy)
		}
	case *ssa.UnOp:
		// a field holding a pointer: c.DbName = &name, read *c.DbName.
		// A copy from the same field of another value (a.DbName =
		// b.DbName, options merged) adds nothing the other stores do not.
		if fa, ok := a.X.(*ssa.FieldAddr); ok && a.Op == token.MUL && depth > 0 && !busy[a] {
			if !r.spend() {
				return nil
			}
			busy[a] = true
			defer delete(busy, a)
			key := fieldKey(fa.X.Type(), fa.Field)
			var out []value
			for _, s := range r.fields[key] {
				if load, ok := s.val.(*ssa.UnOp); ok {
					if from, ok := load.X.(*ssa.FieldAddr); ok && fieldKey(from.X.Type(), from.Field) == key {
						continue
					}
				}
				if r.ok(s.fn) {
					out = appendValues(out, r.load(s.val, bind, depth-1, busy))
				}
			}
			if len(out) > 0 {
				return out
			}
		}
		// a global holding a pointer: var addr = flag.String(...)
		if g, ok := a.X.(*ssa.Global); ok {
			var out []value
			for _, s := range r.globals[g] {
				if r.ok(s.fn) {
					out = appendValues(out, r.load(s.val, bind, depth-1, busy))
				}
			}
			return out
		}
		// a local variable holding a pointer, captured by a closure:
		// peer := flag.String(…); go func() { use(*peer) }()
		var out []value
		for _, l := range cellsOf(a.X) {
			if al, ok := l.(*ssa.Alloc); ok {
				for _, s := range r.fields[allocKey(al)] {
					if r.ok(s.fn) {
						out = appendValues(out, r.load(s.val, bind, depth-1, busy))
					}
				}
			}
		}
		if len(out) > 0 {
			return out
		}
	case *ssa.Parameter:
		if b, ok := bind[a]; ok {
			return r.load(b, nil, depth-1, busy)
		}
	case *ssa.FreeVar:
		// A variable a closure captures: func(p *T) { p.f = name }.
		var out []value
		for _, b := range freeVarBindings(a) {
			out = appendValues(out, r.load(b, bind, depth-1, busy))
		}
		return out
	}
	return nil
}

func (r *resolver) storedIn(stores []stored, depth int, busy map[ssa.Value]bool) []value {
	var out, defaults, kept []value
	overridden := false
	for _, s := range stores {
		if !r.ok(s.fn) {
			continue
		}
		if s.fresh {
			d := r.resolve(s.val, nil, depth-1, busy)
			defaults = appendValues(defaults, d)
			if r.keepsDefaults(s.fn) {
				kept = appendValues(kept, d)
			}
			continue
		}
		var bind map[*ssa.Parameter]ssa.Value
		if s.call != nil {
			if callee := s.call.Common().StaticCallee(); callee != nil {
				bind = bindArgs(callee, s.call.Common().Args)
			}
		}
		if s.flagName != nil {
			out = appendValues(out, r.flagDefault(s.flagName, s.flagShort, s.val, nil, depth, busy))
		} else {
			out = appendValues(out, r.resolve(s.val, bind, depth-1, busy))
		}
		overridden = true
	}
	if overridden {
		return appendValues(out, kept)
	}
	return defaults
}

// keepsDefaults reports whether a constructor that takes options is
// called, in the code at hand, without them or with options chosen at run
// time (if … { opts = append(opts, WithTopic("x")) }): the default it
// writes may then hold whatever the options write.
func (r *resolver) keepsDefaults(ctor *ssa.Function) bool {
	if !ctor.Signature.Variadic() {
		return false // a setter's store overrides, as before
	}
	for _, call := range r.callers[ctor] {
		if !r.live(call) {
			continue
		}
		args := call.Common().Args
		if len(args) == 0 {
			continue
		}
		if _, literal := args[len(args)-1].(*ssa.Slice); !literal {
			return true // New(nc), or New(nc, opts...)
		}
	}
	return false
}

// echoes are library results whose field holds an argument of the call
// that made them: the Name of the queue QueueDeclare declares.
var echoes = map[string]map[string]int{
	"github.com/rabbitmq/amqp091-go.Channel.QueueDeclare": {"Name": 0},
	"github.com/streadway/amqp.Channel.QueueDeclare":      {"Name": 0},
}

// echoedKept resolves a field of a struct kept in another struct's field
// (s.queue.Name) from the calls that made what was stored there: the
// queue a constructor declared.
func (r *resolver) echoedKept(x ssa.Value, field int, depth int, busy map[ssa.Value]bool) []value {
	var key string
	switch k := x.(type) {
	case *ssa.Field:
		key = fieldKey(k.X.Type(), k.Field)
	case *ssa.FieldAddr:
		key = fieldKey(k.X.Type(), k.Field)
	case *ssa.UnOp:
		if fa, ok := k.X.(*ssa.FieldAddr); ok && k.Op == token.MUL {
			key = fieldKey(fa.X.Type(), fa.Field)
		}
	}
	if key == "" {
		return nil
	}
	var out []value
	for _, st := range r.fields[key] {
		if !r.ok(st.fn) {
			continue
		}
		if c, arg := echoed(st.val, field); c != nil {
			out = appendValues(out, r.resolve(c.Args[arg], nil, depth-1, busy))
		}
	}
	return out
}

// argStrings resolves a recognized call's argument: when it is the
// element a range over a slice handed in reads (for _, key := range
// topics { ch.QueueBind(q.Name, key, "logs", …) }, topics a parameter),
// each member the callers pass. Only the call's own argument is read so:
// an element built into a longer string (a Join helper's loop over its
// parts) is no value of its own.
func (r *resolver) argStrings(v ssa.Value, bind map[*ssa.Parameter]ssa.Value) []value {
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		if ia, ok := u.X.(*ssa.IndexAddr); ok {
			if _, constant := ia.Index.(*ssa.Const); !constant {
				x := ia.X
				if p, ok := x.(*ssa.Parameter); ok && bind[p] != nil {
					x = bind[p]
				}
				if _, isParam := x.(*ssa.Parameter); isParam || x != ia.X {
					elems, _ := r.sliceMembers(x, make(map[ssa.Value]bool))
					var out []value
					for _, e := range elems {
						out = appendValues(out, r.strings(e))
					}
					return out
				}
			}
		}
	}
	return r.resolve(v, bind, r.depth(), make(map[ssa.Value]bool))
}

// echoedThrough resolves a field of what a helper of the program returns
// when the helper returns an echoing call's result (func declare(ch)
// (amqp.Queue, error) { return ch.QueueDeclare("", …) }): the argument
// the field echoes, read with the helper's parameters bound to the call's
// arguments.
func (r *resolver) echoedThrough(x ssa.Value, field int, depth int, busy map[ssa.Value]bool) []value {
	if e, ok := x.(*ssa.Extract); ok && e.Index == 0 {
		x = e.Tuple
	}
	call, ok := x.(*ssa.Call)
	if !ok {
		return nil
	}
	callee := call.Common().StaticCallee()
	if callee == nil || callee.Blocks == nil || !r.prog.source[callee.Pkg] {
		return nil
	}
	bind := bindArgs(callee, call.Common().Args)
	var out []value
	for _, b := range callee.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) == 0 || failed(ret) {
			continue
		}
		if c, arg := echoed(ret.Results[0], field); c != nil {
			out = appendValues(out, r.resolve(c.Args[arg], bind, depth-1, busy))
		}
	}
	return out
}

// echoed returns the call and the argument index (receiver included) that
// field of the struct x echoes, if it does.
func echoed(x ssa.Value, field int) (*ssa.CallCommon, int) {
	st, ok := x.Type().Underlying().(*types.Struct)
	if e, ok := x.(*ssa.Extract); ok && e.Index == 0 {
		x = e.Tuple
	}
	c, isCall := x.(*ssa.Call)
	if !ok || !isCall {
		return nil, 0
	}
	fields := echoes[calleeKey(c.Common())]
	if fields == nil || field >= st.NumFields() {
		return nil, 0
	}
	i, ok := fields[st.Field(field).Name()]
	if !ok {
		return nil, 0
	}
	if c.Common().Signature().Recv() != nil || c.Common().IsInvoke() {
		if !c.Common().IsInvoke() {
			i++ // the receiver is Args[0]
		}
	}
	if i >= len(c.Common().Args) {
		return nil, 0
	}
	return c.Common(), i
}

// handedVia marks the values a call hands in as an argument with that
// call, where no call further out did.
func handedVia(vs []value, call ssa.CallInstruction) []value {
	for i := range vs {
		if !vs[i].via.IsValid() {
			vs[i].via = call.Pos()
		}
	}
	return vs
}

// grouped gives the values that come from one call's argument the group of
// the call its result is handed to, if they have none yet: the options of
// one Configure(Exchange("a"), Key("b")).
func grouped(vs []value, call ssa.CallInstruction) []value {
	c, ok := call.(*ssa.Call)
	if !ok {
		return vs
	}
	g := receiverOf(c, 3)
	if g == nil {
		return vs
	}
	for i := range vs {
		if vs[i].group == nil {
			vs[i].group = g
		}
	}
	return vs
}

// receiverOf returns the call that v is handed to as an argument, directly
// or as an element of a variadic slice.
func receiverOf(v ssa.Value, depth int) ssa.CallInstruction {
	if depth == 0 || v.Referrers() == nil {
		return nil
	}
	for _, ref := range *v.Referrers() {
		switch u := ref.(type) {
		case ssa.CallInstruction:
			if slices.Contains(u.Common().Args, v) {
				return u
			}
		case *ssa.MakeInterface:
			if c := receiverOf(u, depth-1); c != nil {
				return c
			}
		case *ssa.Store:
			ia, ok := u.Addr.(*ssa.IndexAddr)
			if !ok || u.Val != v {
				continue
			}
			if a, ok := ia.X.(*ssa.Alloc); ok && a.Referrers() != nil {
				for _, ref2 := range *a.Referrers() {
					if sl, ok := ref2.(*ssa.Slice); ok {
						if c := receiverOf(sl, depth-1); c != nil {
							return c
						}
					}
				}
			}
		}
	}
	return nil
}

// pairs joins two values read from the same place, as an AMQP exchange and
// routing key, as "a/b", or b alone when a is empty; values of different
// groups are not paired.
func pairs(as, bs []value) []value {
	return pairsOf(as, bs, false)
}

// exchangeKeys pairs the texts of an exchange and a routing key. Where
// both are one value of the code (an exchange named after its message,
// its routing key the same name), only equal texts pair.
func (x *extractor) exchangeKeys(exchange, key ssa.Value, bind map[*ssa.Parameter]ssa.Value) []value {
	return pairsOf(x.res.argStrings(exchange, bind), x.res.argStrings(key, bind), exchange != nil && exchange == key)
}

// pairsOf is pairs, of equal texts only when same.
func pairsOf(as, bs []value, same bool) []value {
	var out []value
	for _, a := range as {
		for _, b := range bs {
			if a.group != nil && b.group != nil && a.group != b.group || same && a.text != b.text {
				continue
			}
			v := b
			if a.text != "" {
				v.text = a.text + "/" + b.text
				v.lit = a.lit && b.lit
				v.env = append(slices.Clip(a.env), b.env...)
				v.flagAt += len(a.text) + 1 // b's default follows a's text
				v.flagEmpty = false
			}
			out = appendValues(out, []value{v})
		}
	}
	return out
}

// constructed reports whether addr is a field of a struct its function
// allocates and returns: a constructor's default.
func constructed(addr ssa.Value) bool {
	fa, ok := addr.(*ssa.FieldAddr)
	if !ok {
		return false
	}
	a, ok := fa.X.(*ssa.Alloc)
	if !ok || !a.Heap {
		return false
	}
	for _, ref := range *a.Referrers() {
		v := ssa.Value(nil)
		switch u := ref.(type) {
		case *ssa.Return:
			return true
		case *ssa.MakeInterface:
			v = u
		case *ssa.ChangeType:
			v = u
		}
		if v != nil && v.Referrers() != nil {
			for _, ref2 := range *v.Referrers() {
				if _, ok := ref2.(*ssa.Return); ok {
					return true
				}
			}
		}
	}
	return false
}

// passedArgs resolves the arguments that the workloads running the
// service walked pass its program after its flags (flag.Args()), or the
// i-th of them (flag.Arg(i)) when i >= 0: a deployment's values, as an
// environment variable's are, each file's and each container's command
// read on its own. A word archie cannot read (a shell's variable) is
// none; a pod whose containers run several programs, of which archie
// does not know the service's, passes none.
func (r *resolver) passedArgs(i int) []value {
	ws := slices.Collect(maps.Keys(r.workloads))
	slices.SortFunc(ws, func(a, b *workload) int {
		return cmp.Or(strings.Compare(a.file, b.file), strings.Compare(a.name, b.name))
	})
	var out []value
	for _, w := range ws {
		for _, run := range w.runWords {
			if run.container != "" && run.container != w.name && w.containers() > 1 {
				continue // a sidecar's, or a pod's whose service's container is not known
			}
			words := slices.Clone(run.words)
			for j := range words {
				words[j] = w.kubeVars(words[j]) // args: [$(UPSTREAM)]
			}
			pos, program, inOrder, ok := positionalArgs(words)
			if run.afterEntry {
				inOrder = false // an image's ENTRYPOINT archie has not read may hold arguments
			}
			if !ok || i >= 0 && (!inOrder || i >= len(pos)) {
				continue
			}
			if i >= 0 {
				pos = pos[i : i+1]
			}
			for _, a := range pos {
				a = strings.Trim(a, `"'`)
				if a != "" && a != program && !strings.ContainsAny(a, " \t{}$") {
					out = appendValues(out, []value{{text: a}})
				}
			}
		}
	}
	return out
}

// flagDefault is a flag's default, marked as the default of the flag the
// name gives (and the shorthand short, when not nil, as "topic|t"): a
// deployment that sets the flag overrides it.
func (r *resolver) flagDefault(name, short, def ssa.Value, bind map[*ssa.Parameter]ssa.Value, depth int, busy map[ssa.Value]bool) []value {
	var out []value
	// The name and default sit in the call: reading them is no step.
	names := r.resolve(name, bind, depth, busy)
	flag := ""
	if len(names) > 0 {
		flag = names[0].text
	}
	if short != nil && len(names) == 1 {
		if s := r.resolve(short, bind, depth, busy); len(s) == 1 && s[0].lit && s[0].text != "" {
			flag += "|" + s[0].text
		}
	}
	for _, d := range r.resolve(def, bind, depth, busy) {
		// A default read from the environment (or a literal that is an
		// environment variable's fallback) is the environment's to
		// decide, not the flag's.
		if d.lit && d.fallbackOf == "" {
			d.lit = false
			d.flag = flag
			if len(names) == 1 {
				d.flagText, d.flagAt, d.flagEmpty = d.text, 0, d.text == ""
			}
		}
		out = appendValues(out, []value{d})
	}
	return out
}

// bufferText resolves what a bytes.Buffer or strings.Builder holds where
// its text is read: the string it was made from (bytes.NewBufferString(q))
// or first written (b.WriteString(q)), followed by "…" when more is
// written to it.
func (r *resolver) bufferText(buf ssa.Value, bind map[*ssa.Parameter]ssa.Value, depth int, busy map[ssa.Value]bool) []value {
	var start []value
	if c, ok := buf.(*ssa.Call); ok {
		switch calleeKey(c.Common()) {
		case "bytes.NewBufferString":
			start = r.resolve(c.Common().Args[0], bind, depth-1, busy)
		case "bytes.NewBuffer":
			if conv, ok := c.Common().Args[0].(*ssa.Convert); ok {
				start = r.resolve(conv.X, bind, depth-1, busy)
			}
		default:
			return nil
		}
	} else if _, ok := buf.(*ssa.Alloc); !ok {
		return nil
	}
	if buf.Referrers() == nil {
		return nil
	}
	// What else writes to it, in the order of positions: its writes, and
	// anything it is handed to (a helper adding a filter, a Fprintf).
	type write struct {
		pos  token.Pos
		text ssa.Value // a WriteString's text; nil for other writes
	}
	var writes []write
	for _, ref := range *buf.Referrers() {
		if _, ok := ref.(*ssa.DebugRef); ok {
			continue
		}
		call, ok := ref.(ssa.CallInstruction)
		if !ok {
			writes = append(writes, write{pos: ref.Pos()})
			continue
		}
		if args := call.Common().Args; call.Common().StaticCallee() != nil && len(args) > 0 && args[0] == buf {
			switch key := calleeKey(call.Common()); key {
			case "bytes.Buffer.String", "strings.Builder.String", "bytes.Buffer.Len", "strings.Builder.Len", "bytes.Buffer.Grow", "strings.Builder.Grow":
				continue
			case "bytes.Buffer.Reset", "strings.Builder.Reset", "bytes.Buffer.Truncate":
				return nil // what it starts with is gone
			case "bytes.Buffer.WriteString", "strings.Builder.WriteString":
				writes = append(writes, write{pos: call.Pos(), text: args[1]})
				continue
			}
		}
		writes = append(writes, write{pos: call.Pos()})
	}
	// A write without a position (an implicit conversion of its address,
	// &sb to an io.Writer) is taken to come after the others.
	slices.SortFunc(writes, func(a, b write) int {
		if a.pos.IsValid() != b.pos.IsValid() {
			if a.pos.IsValid() {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.pos, b.pos)
	})
	if start == nil {
		if len(writes) == 0 || writes[0].text == nil {
			return nil
		}
		start = r.resolve(writes[0].text, bind, depth-1, busy)
		writes = writes[1:]
	}
	if len(writes) > 0 {
		start = concat(start, []value{{text: "…"}})
	}
	return start
}

// joinFlags names the flags whose defaults a text is made of, once each,
// comma-separated: a deployment that sets any of them moves the address.
// flagNames returns the names one flag of a marker goes by: "topic|t"
// is --topic or its shorthand -t.
func flagNames(flag string) []string { return strings.Split(flag, "|") }

// shownFlags returns a marker's flags by their names, without
// shorthands: "addr|a,port" is "addr,port".
func shownFlags(flags string) string {
	parts := strings.Split(flags, ",")
	for i, f := range parts {
		parts[i], _, _ = strings.Cut(f, "|")
	}
	return strings.Join(parts, ",")
}

func joinFlags(a, b string) string {
	var out []string
	for _, f := range strings.Split(a+","+b, ",") {
		if f != "" && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return strings.Join(out, ",")
}

// call resolves the string a call returns: environment lookups, formatting,
// joins, and functions of the program whose returns resolve.
func (r *resolver) call(c *ssa.CallCommon, bind map[*ssa.Parameter]ssa.Value, depth int, busy map[ssa.Value]bool) []value {
	args := c.Args
	if i, ok := urfaveGetters[calleeKey(c)]; ok && i < len(args) && !c.IsInvoke() {
		return r.cliFlag(args[i], bind, depth, busy)
	}
	switch key := calleeKey(c); key {
	case "flag.Args":
		return r.passedArgs(-1)
	case "flag.Arg":
		if i, ok := args[0].(*ssa.Const); ok && i.Value != nil && i.Int64() >= 0 {
			return r.passedArgs(int(i.Int64()))
		}
		return nil // flag.Arg(-1) is ""
	case "os.Getenv", "os.LookupEnv", "syscall.Getenv":
		var out []value
		for _, k := range r.resolve(args[0], bind, depth-1, busy) {
			if k.lit {
				out = append(out, value{text: "${" + k.text + "}", env: []string{k.text}})
			}
		}
		return out
	case "fmt.Sprintf":
		if len(args) == 0 {
			return nil
		}
		parts := varargs(args[1])
		var out []value
		for _, format := range r.resolve(args[0], bind, depth-1, busy) {
			out = appendValues(out, r.sprintf(format, parts, bind, depth, busy))
		}
		return out
	case "github.com/spf13/viper.GetString", "github.com/spf13/viper.Viper.GetString":
		// viper.GetString("kafka.topic"): the files viper reads, then
		// the defaults the code sets.
		i := 0
		if c.Signature().Recv() != nil && !c.IsInvoke() {
			i = 1
		}
		if i >= len(args) {
			return nil
		}
		var recv ssa.Value
		if i == 1 {
			recv = args[0]
		}
		var out []value
		for _, k := range r.resolve(args[i], bind, depth-1, busy) {
			if k.lit {
				out = appendValues(out, r.viperValue(k.text, recv, depth, busy))
			}
		}
		return out
	case "bytes.Buffer.String", "strings.Builder.String":
		// A query built in a buffer: the text it starts with, and "…"
		// for what is written after (a filter, an ORDER BY).
		if len(args) == 1 {
			return r.bufferText(args[0], bind, depth, busy)
		}
		return nil
	case "github.com/aws/aws-sdk-go-v2/aws.String", "github.com/aws/aws-sdk-go/aws.String":
		// The SDKs' pointer of a string: the string.
		return r.resolve(args[0], bind, depth, busy)
	case "strconv.Itoa", "strconv.FormatInt", "strconv.FormatUint":
		// A port: strconv.Itoa(port), strconv.FormatInt(n, 10).
		if len(args) == 2 {
			if c, ok := args[1].(*ssa.Const); !ok || c.Value == nil || c.Value.ExactString() != "10" {
				return nil
			}
		}
		return r.resolve(args[0], bind, depth, busy) // a conversion, as Convert is: no step
	case "net.JoinHostPort":
		return concat(concat(r.resolveOr(args[0], bind, depth, busy), []value{{text: ":", lit: true}}), r.resolveOr(args[1], bind, depth, busy))
	case "path.Join", "path/filepath.Join":
		// Join(elems...): a path whose parts may each have several
		// values (filepath.Join("conf", env(), "conf.yaml")).
		var elems []ssa.Value
		for i := 0; ; i++ {
			e := sliceElem(args[0], i)
			if e == nil {
				break
			}
			elems = append(elems, e)
		}
		// Empty parts are left out, as Join leaves them.
		elems = slices.DeleteFunc(elems, func(e ssa.Value) bool {
			c, ok := e.(*ssa.Const)
			return ok && c.Value != nil && c.Value.Kind() == constant.String && constant.StringVal(c.Value) == ""
		})
		if len(elems) == 0 {
			return r.resolve(args[0], bind, depth-1, busy)
		}
		return r.joined(r.resolveOr(elems[0], bind, depth, busy), elems[1:], bind, depth, busy, path.Clean)
	case "net/url.Parse", "net/url.ParseRequestURI":
		// The URL parsed, as a reverse proxy's target is: the text
		// itself, no step of its own.
		return r.resolve(args[0], bind, depth, busy)
	case "net/url.JoinPath":
		// JoinPath(base, elems...): the base URL's path joined with
		// the elements, its scheme and host kept.
		var elems []ssa.Value
		for i := 0; len(args) > 1; i++ {
			e := sliceElem(args[1], i)
			if e == nil {
				break
			}
			elems = append(elems, e)
		}
		return r.joined(r.resolveOr(args[0], bind, depth, busy), elems, bind, depth, busy, cleanURL)
	case "net/url.URL.JoinPath":
		// u.JoinPath(elems...): as the function, on the URL u holds.
		return r.joined(r.resolveOr(args[0], bind, depth, busy), varargs(args[1]), bind, depth, busy, cleanURL)
	case "net/url.URL.ResolveReference", "net/url.URL.Parse":
		// base.ResolveReference(ref), base.Parse(ref): ref where it is
		// absolute, else its path on base's scheme and host (an
		// OpenAPI client's serverURL.Parse("./pets/" + id)).
		var out []value
		base, refs := slashedBases(r.resolveOr(args[0], bind, depth, busy)), dotRefs(r.resolveOr(args[1], bind, depth, busy))
		for _, ref := range refs {
			ref = dotRelative(ref)
			switch {
			case strings.Contains(ref.text, "://"):
				out = appendValues(out, []value{ref})
			case strings.HasPrefix(ref.text, "/"):
				out = appendValues(out, concat(urlOrigins(base), []value{ref}))
			default:
				// "invoices" against http://billing/v2/: beside the
				// base's last segment.
				for _, b := range base {
					dir := b.text[:strings.LastIndex(b.text, "/")+1]
					if origin := urlOrigins([]value{b})[0].text; len(dir) <= len(origin) {
						dir = origin + "/" // http://billing:8080 or ${BILLING_URL}: no path
					}
					out = appendValues(out, concat([]value{b.cut(dir)}, []value{ref}))
				}
			}
		}
		return out
	case "net/url.URL.String":
		// u.String(), u parsed from a text (url.Parse) and given a path
		// after: u.Path = path.Join(u.Path, p) joins p to the text's,
		// u.Path = p puts p in its place.
		base := r.resolve(args[0], bind, depth, busy)
		if p, joins := pathSet(args[0]); p != nil {
			if joins {
				return r.joined(base, varargs(p.(*ssa.Call).Call.Args[0])[1:], bind, depth, busy, cleanURL)
			}
			return concat(urlOrigins(base), r.resolveOr(p, bind, depth, busy))
		}
		return base
	case "strings.Join":
		return r.resolve(args[0], bind, depth-1, busy)
	case "reflect.Type.Name":
		return r.typeNames(c.Value, bind, depth, busy)
	case "github.com/iancoleman/strcase.ToSnake", "github.com/iancoleman/strcase.ToScreamingSnake", "github.com/iancoleman/strcase.ToKebab",
		"github.com/iancoleman/strcase.ToScreamingKebab", "github.com/iancoleman/strcase.ToCamel", "github.com/iancoleman/strcase.ToLowerCamel":
		// A topic named after its message's type (ProductCreated →
		// product_created): the library's own conversion.
		// What a variable may hold is not converted here: it is
		// dropped, not shown as it is.
		out := slices.DeleteFunc(r.resolve(args[0], bind, depth, busy), func(v value) bool { return !v.lit || v.fallbackOf != "" })
		for i := range out {
			out[i].text = strcaseOf(key)(out[i].text)
		}
		return out
	case "strings.TrimSpace", "strings.TrimSuffix", "strings.TrimPrefix", "strings.TrimRight", "strings.TrimLeft", "strings.Trim", "strings.ToLower", "strings.ToUpper":
		// strings.TrimRight(os.Getenv("USERS_URL"), "/"): the variable,
		// as a deployment sets it; a literal, trimmed. Like a
		// conversion, it takes no step of the depth: it leads to one
		// value, the one it trims.
		out := r.resolve(args[0], bind, depth, busy)
		cut, known := "", len(args) < 2
		if !known {
			if a := r.resolve(args[1], bind, depth-1, busy); len(a) == 1 && a[0].lit {
				cut, known = a[0].text, true
			}
		}
		for i := range out {
			if out[i].lit && known && out[i].fallbackOf == "" {
				out[i].text = applyTrim(key, out[i].text, cut)
			}
		}
		return out
	case "strings.ReplaceAll", "strings.Replace", "strings.Replacer.Replace":
		// A topic made of another by replacing its separators
		// ("supermq.user.create" → "supermq/user/create").
		var replace func(string) string
		text := args[0]
		if key == "strings.Replacer.Replace" {
			pairs, ok := r.replacerPairs(args[0])
			if !ok {
				return nil
			}
			replace, text = strings.NewReplacer(pairs...).Replace, args[1]
		} else {
			old, new := r.resolve(args[1], bind, depth-1, busy), r.resolve(args[2], bind, depth-1, busy)
			n := -1
			if key == "strings.Replace" {
				c, ok := args[3].(*ssa.Const)
				if !ok || c.Value == nil || c.Value.Kind() != constant.Int {
					return nil
				}
				n = int(c.Int64())
			}
			if len(old) != 1 || len(new) != 1 || !old[0].lit || !new[0].lit || old[0].text == "" {
				return nil
			}
			replace = func(s string) string { return strings.Replace(s, old[0].text, new[0].text, n) }
		}
		return replaced(r.resolve(text, bind, depth, busy), replace)
	case "go.mongodb.org/mongo-driver/mongo.Client.ListDatabaseNames":
		// The databases on the server, each read as it comes: listed.
		return []value{{text: "…", listed: true}}
	case "strings.Split", "strings.SplitN":
		// A list kept in one string, "kafka-1:9092,kafka-2:9092" or a
		// variable a deployment sets so, stays one, marked: who reads it
		// splits it, once the deployment's value is known.
		if sep := r.resolve(args[1], bind, depth-1, busy); len(sep) != 1 || sep[0].text != "," {
			return nil
		}
		out := r.resolve(args[0], bind, depth-1, busy)
		for i := range out {
			out[i].list = true
		}
		return out
	}
	if c.IsInvoke() && gettingString(c) {
		// c.GetString("mongo-dbname"), c a Reader interface of the
		// program's own that its callers hand viper's instance.
		var out []value
		for _, h := range r.holders(c.Value, 3) {
			if !isViperPtr(h.Type()) {
				continue
			}
			for _, k := range r.resolve(args[0], bind, depth-1, busy) {
				if k.lit {
					out = appendValues(out, r.viperValue(k.text, h, depth, busy))
				}
			}
		}
		if len(out) > 0 {
			// Other implementations the interface may hold (a Reader
			// over the environment) give theirs too.
			return appendValues(out, r.invoked(c, bind, depth, busy))
		}
	}
	if c.IsInvoke() {
		return r.invoked(c, bind, depth, busy)
	}
	callee := c.StaticCallee()
	if callee != nil && callee.Blocks == nil && len(args) == 1 && r.echoesReceiver(callee) {
		// queues.HorusecEmail.ToString(), of a dependency read from
		// export data: its source says it gives the constant back.
		return r.resolve(args[0], bind, depth-1, busy)
	}
	if callee == nil || callee.Blocks == nil || !r.prog.source[callee.Pkg] {
		return nil
	}
	cb := make(map[*ssa.Parameter]ssa.Value, len(callee.Params))
	for i, p := range callee.Params {
		if i < len(args) {
			cb[p] = args[i]
		}
	}
	var out []value
	for _, b := range callee.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && len(ret.Results) > 0 && !failed(ret) {
			guards, empty := stringGuards(b)
			if r.holdsText(empty, cb, depth, busy) {
				// if path == "" { return prefix }, path known to hold
				// text under this call's arguments: not returned.
				continue
			}
			if len(guards) > 0 && r.nonEmpty == nil {
				r.nonEmpty = make(map[ssa.Value]int)
			}
			for _, g := range guards {
				r.nonEmpty[g]++
			}
			outer := r.infeasible
			r.infeasible = false
			vals := r.resolve(ret.Results[0], cb, depth-1, busy)
			if !r.infeasible {
				out = appendValues(out, vals)
			}
			r.infeasible = outer
			for _, g := range guards {
				r.nonEmpty[g]--
			}
		}
	}
	return envFallbacks(out)
}

// holdsText reports whether one of vs holds text for certain: each of
// the values it may take, under bind, is a literal other than "".
func (r *resolver) holdsText(vs []ssa.Value, bind map[*ssa.Parameter]ssa.Value, depth int, busy map[ssa.Value]bool) bool {
	for _, v := range vs {
		vals := r.resolve(v, bind, depth-1, busy)
		if len(vals) > 0 && !slices.ContainsFunc(vals, func(x value) bool { return !x.lit || x.text == "" || x.fallbackOf != "" }) {
			return true
		}
	}
	return false
}

// stringGuards returns the strings a block runs only when they hold text,
// those a block dominating it compares with "" and branches away from
// when empty (if uid == "" { return q }, if v != "" { … }), and those it
// runs only when they are empty (the q returned there).
func stringGuards(b *ssa.BasicBlock) (nonEmpty, empty []ssa.Value) {
	for p := b.Idom(); p != nil; p = p.Idom() {
		ifi, ok := p.Instrs[len(p.Instrs)-1].(*ssa.If)
		if !ok || len(p.Succs) != 2 {
			continue
		}
		cmp, ok := ifi.Cond.(*ssa.BinOp)
		if !ok || cmp.Op != token.EQL && cmp.Op != token.NEQ {
			continue
		}
		x := cmp.X
		if isEmptyString(x) {
			x = cmp.Y
		} else if !isEmptyString(cmp.Y) {
			continue
		}
		// The branch leads to b only when its block is entered from p
		// alone and rules b: a block both branches join is no branch.
		leads := func(s *ssa.BasicBlock) bool { return len(s.Preds) == 1 && s.Dominates(b) }
		var whenTrue bool
		switch t, f := leads(p.Succs[0]), leads(p.Succs[1]); {
		case t && !f:
			whenTrue = true
		case f && !t:
			whenTrue = false
		default:
			continue
		}
		// x != "" where b runs: the false branch of ==, the true of !=.
		if (cmp.Op == token.NEQ) == whenTrue {
			nonEmpty = append(nonEmpty, x)
		} else {
			empty = append(empty, x)
		}
	}
	return nonEmpty, empty
}

// isEmptyString reports whether v is the constant "".
func isEmptyString(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.Value != nil && c.Value.Kind() == constant.String && constant.StringVal(c.Value) == ""
}

// failed reports whether a return gives up: a zero value with an error
// (return "", fmt.Errorf("missing %s", key)). Its value is no value the
// caller goes on with.
func failed(ret *ssa.Return) bool {
	n := len(ret.Results)
	if n < 2 || !types.Identical(ret.Results[n-1].Type(), types.Universe.Lookup("error").Type()) {
		return false
	}
	if c, ok := ret.Results[n-1].(*ssa.Const); ok && c.IsNil() {
		return false
	}
	c, ok := ret.Results[0].(*ssa.Const)
	return ok && (c.Value == nil || c.Value.ExactString() == `""` || c.Value.ExactString() == "0")
}

// envFallbacks marks the literals among a value's alternatives that stand
// in for one environment variable read whole, the Go idiom of a default
// (if v := os.Getenv("CORE_URL"); v != "" { return v }; return
// "http://core:8080"): the literal is the key's fallback, which a
// deployment that sets the key overrides.
func envFallbacks(vals []value) []value {
	key := ""
	for _, v := range vals {
		if len(v.env) == 1 && v.text == "${"+v.env[0]+"}" {
			if key != "" && key != v.env[0] {
				return vals // two keys: which one a literal stands in for is unknown
			}
			key = v.env[0]
		}
	}
	if key == "" {
		return vals
	}
	for i := range vals {
		if vals[i].lit && vals[i].fallbackOf == "" {
			vals[i].fallbackOf, vals[i].fallbackText = key, vals[i].text
		}
	}
	return vals
}

// joined joins the values of base and of each of elems with "/", each
// whole value cleaned by clean.
func (r *resolver) joined(base []value, elems []ssa.Value, bind map[*ssa.Parameter]ssa.Value, depth int, busy map[ssa.Value]bool, clean func(string) string) []value {
	out := base
	for _, e := range elems {
		out = concat(concat(out, []value{{text: "/", lit: true}}), r.resolveOr(e, bind, depth, busy))
	}
	for i := range out {
		if c := clean(out[i].text); c != out[i].text {
			// Cleaned (http://legacy//orders → http://legacy/orders), a
			// flag's default no longer sits whole where it did.
			out[i].text, out[i].flagText, out[i].flagEmpty = c, "", false
		}
	}
	return out
}

// cleanURL cleans a URL's path as url.JoinPath does, its scheme and host
// kept.
func cleanURL(u string) string {
	scheme, rest, ok := strings.Cut(u, "://")
	if !ok {
		return path.Clean(u)
	}
	host, p, ok := strings.Cut(rest, "/")
	if !ok {
		return u
	}
	return scheme + "://" + host + path.Clean("/"+p)
}

// urlOrigins returns the scheme and host of each URL, without its path:
// "http://orders:8080/v1" gives "http://orders:8080", "${ORDERS_URL}/v1"
// gives "${ORDERS_URL}". Another text gives "…", for what archie cannot
// place.
func urlOrigins(vals []value) []value {
	out := make([]value, 0, len(vals))
	for _, v := range vals {
		origin := "…"
		if scheme, rest, ok := strings.Cut(v.text, "://"); ok {
			host, _, _ := strings.Cut(rest, "/")
			origin = scheme + "://" + host
		} else if strings.HasPrefix(v.text, "${") {
			origin, _, _ = strings.Cut(v.text, "/") // ${ORDERS_URL}/v1: the variable's URL
		}
		out = appendValues(out, []value{v.cut(origin)})
	}
	return out
}

// cut returns v with text, a start of v's own text or "…" in its place,
// what v says of its origin kept where it still holds: a literal stays
// one, a flag's default that no longer sits whole in it is dropped.
func (v value) cut(text string) value {
	o := v
	o.text = text
	if !strings.HasPrefix(v.text, text) {
		o.lit, o.fallbackText, o.flagText, o.flagEmpty = false, "", "", false
		return o
	}
	if o.flagText != "" && o.flagAt+len(o.flagText) > len(text) {
		o.flagText = ""
	}
	return o
}

// slashedBases drops, of the URLs a base may be, those the code then ends
// with a slash (if !strings.HasSuffix(server, "/") { server += "/" }, as
// an OpenAPI client's constructor does): the text without it, and the
// one with a second.
func slashedBases(bases []value) []value {
	has := func(t string) bool { return slices.ContainsFunc(bases, func(b value) bool { return b.text == t }) }
	return slices.DeleteFunc(slices.Clone(bases), func(b value) bool {
		return !strings.HasSuffix(b.text, "/") && has(b.text+"/") || strings.HasSuffix(b.text, "//") && has(b.text[:len(b.text)-1])
	})
}

// dotRefs drops, of the references a path may be, an absolute one the
// code makes relative (if path[0] == '/' { path = "." + path }): "/pets"
// beside "./pets".
func dotRefs(refs []value) []value {
	return slices.DeleteFunc(slices.Clone(refs), func(ref value) bool {
		return strings.HasPrefix(ref.text, "/") && slices.ContainsFunc(refs, func(o value) bool { return o.text == "."+ref.text })
	})
}

// dotRelative returns a reference relative to its base's folder without
// its leading "./", which names that folder: "./pets/1" is "pets/1".
func dotRelative(ref value) value {
	if !strings.HasPrefix(ref.text, "./") {
		return ref
	}
	o := ref
	o.text = ref.text[2:]
	o.flagEmpty = false
	if o.flagText != "" {
		if o.flagAt -= 2; o.flagAt < 0 {
			o.flagText, o.flagAt = "", 0
		}
	}
	if o.fallbackText != "" {
		if o.fallbackAt -= 2; o.fallbackAt < 0 {
			o.fallbackOf, o.fallbackText, o.fallbackAt = "", "", 0
		}
	}
	return o
}

// pathSet returns the value the code stores in u.Path, where u is a
// *url.URL and the function that has it stores one, and whether that value
// is path.Join(u.Path, …), which keeps u's path.
func pathSet(u ssa.Value) (val ssa.Value, joins bool) {
	if u.Referrers() == nil {
		return nil, false
	}
	for _, ref := range *u.Referrers() {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || fa.X != u || fieldName(fa) != "Path" || fa.Referrers() == nil {
			continue
		}
		for _, use := range *fa.Referrers() {
			st, ok := use.(*ssa.Store)
			if !ok || st.Addr != fa {
				continue
			}
			if val != nil {
				return nil, false // set twice: which reaches String is not known
			}
			val = st.Val
		}
	}
	if c, ok := val.(*ssa.Call); ok && calleeKey(&c.Call) == "path.Join" && len(c.Call.Args) == 1 {
		if elems := varargs(c.Call.Args[0]); len(elems) > 0 {
			if load, ok := elems[0].(*ssa.UnOp); ok {
				if fa, ok := load.X.(*ssa.FieldAddr); ok && fa.X == u && fieldName(fa) == "Path" {
					return val, true
				}
			}
		}
	}
	return val, false
}

// invoked resolves the string a call through an interface returns: what
// the implementations of the program's code return (msg.Subject() of a
// message type that keeps its subject in a field).
func (r *resolver) invoked(c *ssa.CallCommon, bind map[*ssa.Parameter]ssa.Value, depth int, busy map[ssa.Value]bool) []value {
	iface, ok := c.Value.Type().Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	impls := r.prog.implementers(iface, c.Method.Name())
	generic := false
	if origin := paramInterface(c.Value.Type()); len(impls) == 0 && origin != nil {
		impls, generic = r.originImplementers(origin, c.Method.Name()), true
	}
	impls = r.mayRun(c, impls, bind)
	var out []value
	for _, m := range impls {
		// A pointer type's wrapper of a value method has no package.
		if m.Blocks == nil || !r.ok(m) || !r.prog.source[m.Pkg] && m.Synthetic == "" || len(m.Params) != len(c.Args)+1 ||
			!generic && !r.mayHold(c.Value.Type(), m.Signature.Recv().Type()) {
			continue
		}
		cb := make(map[*ssa.Parameter]ssa.Value, len(m.Params))
		cb[m.Params[0]] = c.Value
		for i, a := range c.Args {
			cb[m.Params[i+1]] = a
		}
		for _, b := range m.Blocks {
			if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && len(ret.Results) > 0 {
				out = appendValues(out, r.resolve(ret.Results[0], cb, depth-1, busy))
			}
		}
	}
	return out
}

// uncalled reports whether nothing the program runs can call fn: no
// static call, no use as a value, no call through an interface that may
// hold its receiver. A promoted method's wrapper nobody calls is one.
func (r *resolver) uncalled(fn *ssa.Function) bool {
	return len(r.callers[fn]) == 0 && !r.valued[fn] && len(r.invokersOf(fn)) == 0
}

// invokersOf returns the calls through an interface that may run method
// fn: those of its name whose interface fn's receiver type (or a pointer
// to it) implements. Found when first asked, for the methods whose
// parameters are read.
func (r *resolver) invokersOf(fn *ssa.Function) []ssa.CallInstruction {
	recv := fn.Signature.Recv()
	if recv == nil || len(r.invokes) == 0 {
		return nil
	}
	return r.invokers.get(fn, func() []ssa.CallInstruction { return r.invokersOfType(fn, recv.Type()) })
}

func (r *resolver) invokersOfType(fn *ssa.Function, t types.Type) []ssa.CallInstruction {
	// Each interface is judged once, not once per call through it.
	judged := make(map[types.Type]bool)
	may := func(it types.Type) bool {
		if v, ok := judged[it]; ok {
			return v
		}
		v := r.mayHold(it, t)
		judged[it] = v
		return v
	}
	var out []ssa.CallInstruction
	for _, call := range r.invokesOf[fn.Name()] {
		if may(call.Common().Value.Type()) {
			out = append(out, call)
		}
	}
	return out
}

// mayHold reports whether a value of interface type it may hold a t: t
// (or a pointer to it) implements it, and the code converts t to it, or to
// an interface that satisfies it, or to any (which may be asserted to
// anything).
func (r *resolver) mayHold(it, t types.Type) bool {
	iface, _ := it.Underlying().(*types.Interface)
	if iface == nil {
		return false
	}
	if genericType(t) {
		// A generic type's method body (Consumer[T].Consume) runs for
		// every instance: it may run where an instance is converted to
		// the interface (NewConsumer[T] returning an IConsumer[T],
		// instantiated with *deps), which implements it by that.
		// The conversion is made in a generic body (to IConsumer[T]):
		// it is one to it where an instantiation the code calls makes
		// that IConsumer[*deps].
		if slices.ContainsFunc(r.convertedTo[namedOf(t)], func(c types.Type) bool {
			ci, _ := c.Underlying().(*types.Interface)
			return ci != nil && ci.NumMethods() > 0 && types.AssignableTo(c, it)
		}) {
			return true
		}
		for _, gc := range r.genericConverts[namedOf(t)] {
			for _, inst := range r.instances[gc.fn] {
				if c := substituted(gc.iface, gc.fn.TypeParams(), inst.TypeArgs()); c != nil && types.Identical(c, it) {
					return true
				}
			}
		}
		return false
	}
	if !types.Implements(t, iface) && (isPointer(t) || !types.Implements(types.NewPointer(t), iface)) {
		return false
	}
	return slices.ContainsFunc(r.convertedTo[namedOf(t)], func(c types.Type) bool {
		ci, _ := c.Underlying().(*types.Interface)
		return ci != nil && (ci.NumMethods() == 0 || types.AssignableTo(c, it))
	})
}

// paramInterface returns the generic interface of an interface type
// instantiated over type parameters (Saga[T] in the body of a generic
// function), or nil. No type implements such an instance: types are
// instantiated with the types the code gives.
func paramInterface(t types.Type) *types.Named {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || !types.IsInterface(n) || n.TypeArgs().Len() == 0 || concreteInstance(n) {
		return nil
	}
	return n.Origin()
}

// originImplementers returns the methods name of the types the code
// converts to some instance of the generic interface origin: what an
// interface call in a generic body (o.saga.ReplyTopic() on a Saga[T]) may
// run.
func (r *resolver) originImplementers(origin *types.Named, name string) []*ssa.Function {
	var out []*ssa.Function
	for _, t := range r.prog.withMethod[name] {
		if !slices.ContainsFunc(r.convertedTo[namedOf(t)], func(c types.Type) bool {
			n, ok := types.Unalias(c).(*types.Named)
			return ok && n.Origin() == origin
		}) {
			continue
		}
		if m := r.prog.method(t, name); m != nil && !slices.Contains(out, m) {
			out = append(out, m)
		}
	}
	return out
}

// A genericConvert is a conversion in a generic function's body to an
// interface instance of its type parameters.
type genericConvert struct {
	fn    *ssa.Function
	iface types.Type
}

// substituted returns the instance of a generic interface instance
// (IConsumer[T]) with the type parameters of tparams that are its type
// arguments replaced by targs (IConsumer[*deps]), or nil where an
// argument is another type holding type parameters.
func substituted(iface types.Type, tparams *types.TypeParamList, targs []types.Type) types.Type {
	n, ok := types.Unalias(iface).(*types.Named)
	if !ok || n.TypeArgs().Len() == 0 || tparams.Len() != len(targs) {
		return nil
	}
	args := make([]types.Type, n.TypeArgs().Len())
	for i := range args {
		a := n.TypeArgs().At(i)
		tp, ok := a.(*types.TypeParam)
		switch {
		case ok:
			j := -1
			for k := range tparams.Len() {
				if tparams.At(k) == tp {
					j = k
				}
			}
			if j < 0 {
				return nil
			}
			args[i] = targs[j]
		case concreteType(a):
			args[i] = a
		default:
			return nil
		}
	}
	inst, err := types.Instantiate(nil, n.Origin(), args, false)
	if err != nil {
		return nil
	}
	return inst
}

// concreteType reports whether t holds no type parameter at its top or
// as a pointer's element.
func concreteType(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	_, param := t.(*types.TypeParam)
	if n, ok := types.Unalias(t).(*types.Named); ok && n.TypeArgs().Len() > 0 {
		return concreteInstance(n)
	}
	return !param
}

// genericType reports whether t, or what it points to, is a generic
// type not instantiated: the receiver of a generic method's body.
func genericType(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.TypeParams().Len() > 0 && !concreteInstance(n)
}

// namedOf returns the type name of a named type or a pointer to one.
func namedOf(t types.Type) *types.TypeName {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Origin().Obj()
	}
	return nil
}

func isPointer(t types.Type) bool {
	_, ok := t.Underlying().(*types.Pointer)
	return ok
}

// sprintf fills format's verbs with what its arguments resolve to.
func (r *resolver) sprintf(format value, args []ssa.Value, bind map[*ssa.Parameter]ssa.Value, depth int, busy map[ssa.Value]bool) []value {
	out := []value{{lit: format.lit, env: format.env}}
	text := format.text
	argi := 0
	for {
		i := strings.IndexByte(text, '%')
		if i < 0 || i == len(text)-1 {
			return concat(out, []value{{text: text, lit: true}})
		}
		out = concat(out, []value{{text: text[:i], lit: true}})
		// Flags, width and precision; a * takes an argument, and [n]
		// names the argument the next verb (or *) takes: %[2]s.
		j := i + 1
	spec:
		for j < len(text) {
			switch c := text[j]; {
			case strings.IndexByte("+-# 0123456789.", c) >= 0:
				j++
			case c == '*':
				argi++
				j++
			case c == '[':
				k := strings.IndexByte(text[j:], ']')
				n, err := strconv.Atoi(text[j+1 : j+max(k, 1)])
				if k < 0 || err != nil || n < 1 {
					return concat(out, []value{{text: "…"}}) // a bad index: what follows is not known
				}
				argi = n - 1
				j += k + 1
			default:
				break spec
			}
		}
		if j >= len(text) {
			return out
		}
		if text[j] == '%' {
			out = concat(out, []value{{text: "%", lit: true}})
		} else {
			var vals []value
			if argi < len(args) {
				vals = r.resolve(args[argi], bind, depth-1, busy)
			}
			if len(vals) == 0 {
				vals = []value{{text: "…"}}
			}
			out = concat(out, vals)
			argi++
		}
		text = text[j+1:]
	}
}

// varargs returns the leading values of a variadic argument that are
// known: a slice built in place, or one such slice appended to
// (params := []any{table}; fmt.Sprintf(q, append(params, args...)...)).
func varargs(v ssa.Value) []ssa.Value {
	switch w := v.(type) {
	case *ssa.Slice:
		return sliceElems(w.X)
	case *ssa.Call:
		if b, ok := w.Call.Value.(*ssa.Builtin); ok && b.Name() == "append" && len(w.Call.Args) > 0 {
			return varargs(w.Call.Args[0])
		}
	}
	return nil
}

// sliceElems returns the values stored in the elements of an array
// allocation, as the ...any of a variadic call builds it.
func sliceElems(arr ssa.Value) []ssa.Value {
	var elems []ssa.Value
	storesOf(arr, func(_, val ssa.Value) { elems = append(elems, val) })
	return elems
}

// sliceMembers returns the elements of a slice built in sight of the
// service: a literal (the variadic arguments of a call), appends to one, a
// loop's appends (a phi), nil, or a parameter each of whose callers in the
// service hands one of those. ok is false when any part comes from
// elsewhere (a field, a library call's result, a caller outside the service).
func (r *resolver) sliceMembers(v ssa.Value, seen map[ssa.Value]bool) (elems []ssa.Value, ok bool) {
	if v == nil || len(seen) > 64 {
		return nil, false
	}
	if seen[v] {
		return nil, true // a loop's append to itself adds nothing new
	}
	seen[v] = true
	all := func(vs []ssa.Value) ([]ssa.Value, bool) {
		var out []ssa.Value
		for _, a := range vs {
			more, ok := r.sliceMembers(a, seen)
			if !ok {
				return nil, false
			}
			out = append(out, more...)
		}
		return out, true
	}
	switch w := v.(type) {
	case *ssa.Const:
		return nil, w.IsNil()
	case *ssa.Slice:
		if _, isAlloc := w.X.(*ssa.Alloc); isAlloc {
			return append(sliceElems(w.X), indexStores(w)...), true
		}
		// dbs[:n]: what the code put in dbs, and in the reslice.
		if c, ok := w.X.(*ssa.Call); ok && calleeKey(c.Common()) == "flag.Args" && w.Low != nil {
			return nil, false // flag.Args()[1:]: which arguments, not followed
		}
		elems, ok := r.sliceMembers(w.X, seen)
		return append(elems, indexStores(w)...), ok
	case *ssa.Extract:
		// tenants, err := tenantDbs(…): the slice its function returns.
		if c, isCall := w.Tuple.(*ssa.Call); isCall && w.Index == 0 {
			if listsDatabases[calleeKey(c.Common())] {
				return []ssa.Value{w}, true // one value, each name the server lists (see call)
			}
			return r.sliceMembers(c, seen)
		}
	case *ssa.MakeSlice:
		// make([]*T, 0, len(ids)), then appends; or make([]*T, n) and
		// msgs[i] = m.
		return indexStores(w), true
	case *ssa.Call:
		if b, isBuiltin := w.Common().Value.(*ssa.Builtin); isBuiltin && b.Name() == "append" {
			return all(w.Common().Args)
		}
		if calleeKey(w.Common()) == "flag.Args" {
			return []ssa.Value{w}, true // each argument the deployment passes (see call)
		}
		// A batch a function of the program builds and returns.
		if callee := w.Common().StaticCallee(); callee != nil && len(callee.Blocks) > 0 && r.ok(callee) {
			var rets []ssa.Value
			for _, b := range callee.Blocks {
				if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && len(ret.Results) > 0 {
					rets = append(rets, ret.Results[0])
				}
			}
			if len(rets) > 0 {
				return all(rets)
			}
		}
	case *ssa.Phi:
		return all(w.Edges)
	case *ssa.FreeVar:
		// A slice a closure captures: the one each closure is made with.
		if bs := freeVarBindings(w); len(bs) > 0 {
			return all(bs)
		}
	case *ssa.UnOp:
		if w.Op != token.MUL {
			break
		}
		// d.topics: the slices the service's code stores in the field
		// (&Deleter{topics: topics}, then the constructor's callers).
		if fa, isField := w.X.(*ssa.FieldAddr); isField {
			return r.fieldMembers(fieldKey(fa.X.Type(), fa.Field), fa.X, seen)
		}
		// A variable a closure captures lives in a cell: the slices
		// stored there.
		cells := []ssa.Value{w.X}
		if fv, ok := w.X.(*ssa.FreeVar); ok {
			cells = freeVarBindings(fv)
		}
		var stored []ssa.Value
		for _, c := range cells {
			alloc, ok := c.(*ssa.Alloc)
			if !ok || alloc.Referrers() == nil {
				return nil, false
			}
			for _, ref := range *alloc.Referrers() {
				switch ref := ref.(type) {
				case *ssa.Store:
					if ref.Addr != alloc {
						return nil, false // its address stored somewhere
					}
					stored = append(stored, ref.Val)
				case *ssa.MakeClosure:
					if setByClosure(ref, alloc) {
						return nil, false // what it stores is another's
					}
				case *ssa.UnOp, *ssa.DebugRef:
				default:
					return nil, false // its address handed on (override(&peers))
				}
			}
		}
		if len(stored) > 0 {
			return all(stored)
		}
	case *ssa.Parameter:
		idx := paramIndex(w)
		var args []ssa.Value
		for _, call := range r.callers[w.Parent()] {
			if a := call.Common().Args; r.live(call) && idx >= 0 && idx < len(a) {
				args = append(args, a[idx])
			}
		}
		for _, call := range r.invokersOf(w.Parent()) {
			if a := call.Common().Args; r.live(call) && idx >= 1 && idx-1 < len(a) {
				args = append(args, a[idx-1])
			}
		}
		if len(args) == 0 {
			return nil, false
		}
		return all(args)
	}
	return nil, false
}

// fieldMembers returns the elements of the slices the service's code
// stores in a field of owner's: what a constructor is handed and keeps
// (&Deleter{topics: topics}), from the calls that made owner when that is
// known; what a later store puts there instead; and what the code appends
// to the field's own slice. ok is false where the field may hold what
// archie does not see: a default the code writes itself (a decoder may
// fill the struct over it), a store through a pointer a callee is handed,
// or no store at all.
func (r *resolver) fieldMembers(key string, owner ssa.Value, seen map[ssa.Value]bool) (elems []ssa.Value, ok bool) {
	var set, handed, added []ssa.Value
	ownDefault := false
	makers := r.makers(owner)
	for _, s := range r.fields[key] {
		if !r.ok(s.fn) {
			continue
		}
		if s.fresh && len(makers) > 0 && !madeIn(makers, s.fn) {
			continue // a constructor (or a clone) of another value of the type
		}
		if s.call != nil || s.flagName != nil {
			return nil, false
		}
		if more, to, isAppend := selfAppend(s.val, key); isAppend {
			// pub.Add("orders.audit") appends to pub's, not sub's.
			if want, got := r.origins(owner, false, 4), r.origins(to, false, 4); want == nil || got == nil || intersects(want, got) {
				added = append(added, more...)
			}
			continue
		}
		p, isParam := s.val.(*ssa.Parameter)
		switch {
		case s.fresh && isParam && !r.keepsDefaults(s.fn):
			args, known := r.handedArgs(p, makers)
			if !known {
				return nil, false
			}
			handed = append(handed, args...)
		case s.fresh && !r.keepsDefaults(s.fn) && madeSlice(s.val):
			ownDefault = true // which a decoder may replace
		case s.fresh && !r.keepsDefaults(s.fn):
			handed = append(handed, s.val) // another value's, as a clone copies it
		default:
			set = append(set, s.val)
		}
	}
	if len(set) == 0 {
		if ownDefault {
			return nil, false
		}
		set = handed
	}
	if len(set) == 0 {
		return nil, false
	}
	for _, v := range append(set, added...) {
		more, ok := r.sliceMembers(v, seen)
		if !ok {
			return nil, false
		}
		elems = append(elems, more...)
	}
	return elems, true
}

// madeSlice reports whether a slice is one the code writes itself: a
// literal, a make, nil, or an append to one of those.
func madeSlice(v ssa.Value) bool {
	switch w := v.(type) {
	case *ssa.Slice:
		_, isAlloc := w.X.(*ssa.Alloc)
		return isAlloc
	case *ssa.MakeSlice, *ssa.Const:
		return true
	case *ssa.Call:
		b, isBuiltin := w.Common().Value.(*ssa.Builtin)
		return isBuiltin && b.Name() == "append" && len(w.Common().Args) > 0 && madeSlice(w.Common().Args[0])
	}
	return false
}

// selfAppend reports whether v appends to the slice already in the field
// key (d.topics = append(d.topics, t)), with the slices it appends and
// the struct whose field it is.
func selfAppend(v ssa.Value, key string) (more []ssa.Value, to ssa.Value, ok bool) {
	c, isCall := v.(*ssa.Call)
	if !isCall {
		return nil, nil, false
	}
	if b, isBuiltin := c.Common().Value.(*ssa.Builtin); !isBuiltin || b.Name() != "append" || len(c.Common().Args) < 1 {
		return nil, nil, false
	}
	ld, isLoad := c.Common().Args[0].(*ssa.UnOp)
	if !isLoad || ld.Op != token.MUL {
		return nil, nil, false
	}
	fa, isField := ld.X.(*ssa.FieldAddr)
	if !isField || fieldKey(fa.X.Type(), fa.Field) != key {
		return nil, nil, false
	}
	return c.Common().Args[1:], fa.X, true
}

// makers returns the calls and allocations a struct value may be made
// by (origins), with the calls the constructors among them return
// (NewUserCache(…) returns newDeleter(…): that call made it too); empty
// when that is not known.
func (r *resolver) makers(owner ssa.Value) map[ssa.Value]bool {
	want := r.origins(owner, true, 4)
	for range 3 {
		grew := false
		for v := range want {
			for _, res := range results(v) {
				if c, isCall := concrete(res.v).(*ssa.Call); isCall && !want[c] {
					want[c], grew = true, true
				}
			}
		}
		if !grew {
			break
		}
	}
	return want
}

// madeIn reports whether one of makers is made in fn or is a call of it.
func madeIn(makers map[ssa.Value]bool, fn *ssa.Function) bool {
	for v := range makers {
		if instr, ok := v.(ssa.Instruction); ok && instr.Parent() == fn {
			return true
		}
		if c, isCall := v.(*ssa.Call); isCall && c.Common().StaticCallee() == fn {
			return true
		}
	}
	return false
}

// handedArgs returns what the callers of p's function hand it as p: of
// the calls among want (makers) that made the value, when they are known
// (a := newBus("a"); b := newBus("b"): a's is "a"). known is false when
// the value was made by a call archie does not see, or no caller in the
// service hands p.
func (r *resolver) handedArgs(p *ssa.Parameter, want map[ssa.Value]bool) (args []ssa.Value, known bool) {
	idx := paramIndex(p)
	calls := r.callers[p.Parent()]
	mine := slices.ContainsFunc(calls, func(c ssa.CallInstruction) bool { return c.Value() != nil && want[c.Value()] })
	if len(want) > 0 && !mine {
		return nil, false
	}
	for _, call := range calls {
		a := call.Common().Args
		if !r.live(call) || idx < 0 || idx >= len(a) || mine && (call.Value() == nil || !want[call.Value()]) {
			continue
		}
		args = append(args, a[idx])
	}
	return args, len(args) > 0
}

// members returns the values of the elements of a slice the code builds
// out of sight of one literal: appended to, returned by a function of its
// own (append(tenants, name)), or a reslice of one (dbs[:n]). Reading
// them takes no step of the depth: they are the slice's own values, as a
// conversion's is its operand.
func (r *resolver) members(sl ssa.Value, bind map[*ssa.Parameter]ssa.Value, depth int, busy map[ssa.Value]bool) []value {
	if p, isParam := sl.(*ssa.Parameter); isParam && bind[p] != nil {
		sl = bind[p] // the slice this call hands, not every caller's
	}
	elems, ok := r.sliceMembers(sl, make(map[ssa.Value]bool))
	if !ok {
		return nil
	}
	var out []value
	for _, e := range elems {
		out = appendValues(out, r.resolve(e, bind, depth, busy))
	}
	return out
}

// setByClosure reports whether the closure mc stores to the variable
// cell it captures.
func setByClosure(mc *ssa.MakeClosure, cell *ssa.Alloc) bool {
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok {
		return true
	}
	for i, b := range mc.Bindings {
		if b != cell || i >= len(fn.FreeVars) || fn.FreeVars[i].Referrers() == nil {
			continue
		}
		for _, ref := range *fn.FreeVars[i].Referrers() {
			switch ref.(type) {
			case *ssa.UnOp, *ssa.DebugRef: // read
			default:
				return true // stored to, or handed on (to a call, a closure within)
			}
		}
	}
	return false
}

// sameMembers resolves the one value every element of a slice holds, or
// nil when they differ or one of them is not known.
func (r *resolver) sameMembers(sl ssa.Value, bind map[*ssa.Parameter]ssa.Value, depth int, busy map[ssa.Value]bool) []value {
	if p, isParam := sl.(*ssa.Parameter); isParam && bind[p] != nil {
		sl = bind[p]
	}
	elems, ok := r.sliceMembers(sl, make(map[ssa.Value]bool))
	if !ok || written(sl, 3) {
		return nil
	}
	var one []value
	for _, e := range elems {
		vals := r.resolve(e, bind, depth, busy)
		if len(vals) != 1 || one != nil && vals[0].text != one[0].text {
			return nil
		}
		one = vals
	}
	return one
}

// skipsFirst reports whether a loop's index starts past the first
// element (for i := 1; …): a range loop's starts before it.
func skipsFirst(idx ssa.Value) bool {
	phi, ok := idx.(*ssa.Phi)
	if !ok {
		return false
	}
	for _, e := range phi.Edges {
		if c, ok := e.(*ssa.Const); ok && c.Value != nil && c.Int64() > 0 {
			return true
		}
	}
	return false
}

// written reports whether the code may change the elements of slice sl
// after it is made: it stores at an index of it (backends[0] = …) or hands
// it to a function (which may), directly or through a reslice; for a
// variable's slice (a load of its cell), through any load of that cell.
func written(sl ssa.Value, depth int) bool {
	if depth == 0 {
		return true
	}
	vals := []ssa.Value{sl}
	if u, ok := sl.(*ssa.UnOp); ok && u.Op == token.MUL {
		cells := []ssa.Value{u.X}
		if fv, ok := u.X.(*ssa.FreeVar); ok {
			cells = freeVarBindings(fv)
		}
		vals = nil
		for _, c := range cells {
			if c.Referrers() == nil {
				continue
			}
			for _, ref := range *c.Referrers() {
				if load, ok := ref.(*ssa.UnOp); ok && load.Op == token.MUL {
					vals = append(vals, load)
				}
				if mc, ok := ref.(*ssa.MakeClosure); ok {
					fn, _ := mc.Fn.(*ssa.Function)
					for i, b := range mc.Bindings {
						if b != c || fn == nil || i >= len(fn.FreeVars) || fn.FreeVars[i].Referrers() == nil {
							continue
						}
						for _, fref := range *fn.FreeVars[i].Referrers() {
							if load, ok := fref.(*ssa.UnOp); ok && load.Op == token.MUL {
								vals = append(vals, load)
							}
						}
					}
				}
			}
		}
	}
	for _, v := range vals {
		if v.Referrers() == nil {
			continue
		}
		for _, ref := range *v.Referrers() {
			switch ref := ref.(type) {
			case *ssa.IndexAddr:
				if ref.Referrers() != nil {
					for _, u := range *ref.Referrers() {
						if _, load := u.(*ssa.UnOp); !load {
							if _, dbg := u.(*ssa.DebugRef); !dbg {
								return true
							}
						}
					}
				}
			case *ssa.Slice:
				if written(ref, depth-1) {
					return true
				}
			case ssa.CallInstruction:
				// len, cap and append read it (append writes past its
				// length); copy writes into its first argument.
				if b, ok := ref.Common().Value.(*ssa.Builtin); ok {
					if args := ref.Common().Args; b.Name() != "copy" || len(args) > 0 && args[0] != v {
						continue
					}
				}
				return true
			}
		}
	}
	return false
}

// listsDatabases holds the calls that return the names of the databases
// on a server.
var listsDatabases = map[string]bool{
	"go.mongodb.org/mongo-driver/mongo.Client.ListDatabaseNames": true,
}

// indexStores returns what the code stores at an index of a slice value
// itself: msgs[0] = m.
func indexStores(sl ssa.Value) []ssa.Value {
	var out []ssa.Value
	if refs := sl.Referrers(); refs != nil {
		for _, ref := range *refs {
			ia, ok := ref.(*ssa.IndexAddr)
			if !ok || ia.X != sl || ia.Referrers() == nil {
				continue
			}
			for _, u := range *ia.Referrers() {
				if st, ok := u.(*ssa.Store); ok && st.Addr == ia {
					out = append(out, st.Val)
				}
			}
		}
	}
	return out
}

// sliceElem returns what is stored at index i of a slice literal (the
// variadic arguments of a call), or nil.
func sliceElem(v ssa.Value, i int) ssa.Value {
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return nil
	}
	var elem ssa.Value
	storesOf(sl.X, func(index, val ssa.Value) {
		if c, ok := index.(*ssa.Const); ok && elem == nil && c.Int64() == int64(i) {
			elem = val
		}
	})
	return elem
}

// storesOf calls f with each index of a local array and the value stored
// there.
func storesOf(arr ssa.Value, f func(index, val ssa.Value)) {
	alloc, ok := arr.(*ssa.Alloc)
	if !ok || alloc.Referrers() == nil {
		return
	}
	for _, ref := range *alloc.Referrers() {
		ia, ok := ref.(*ssa.IndexAddr)
		if !ok || ia.Referrers() == nil {
			continue
		}
		for _, ref2 := range *ia.Referrers() {
			if st, ok := ref2.(*ssa.Store); ok && st.Addr == ia {
				f(ia.Index, st.Val)
			}
		}
	}
}

func referrersOf(fn *ssa.Function) []ssa.Instruction {
	if fn.Parent() == nil {
		return nil
	}
	var out []ssa.Instruction
	for _, b := range fn.Parent().Blocks {
		for _, instr := range b.Instrs {
			if mc, ok := instr.(*ssa.MakeClosure); ok && mc.Fn == fn {
				out = append(out, instr)
			}
		}
	}
	return out
}

// headerValue reports whether a field of a struct (or of the struct a
// pointer points to) is the value of a message header a messaging
// library declares: a Key and a Value, as confluent's and kafka-go's
// kafka.Header, sarama's and franz-go's RecordHeader. What a header
// holds arrives with the message; the values the code puts in headers
// of every key (a retry count, an error) are none of them: a retry
// consumer republishing to the topic its "original_topic" header names
// publishes to no topic the code writes.
func headerValue(t types.Type, field int) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || !strings.HasSuffix(n.Obj().Name(), "Header") {
		return false // a message (kafka-go's Message, a Key and a Value too) is the code's to fill
	}
	st, ok := n.Underlying().(*types.Struct)
	if !ok || field >= st.NumFields() || st.Field(field).Name() != "Value" {
		return false
	}
	for i := range st.NumFields() {
		if st.Field(i).Name() == "Key" {
			_, lib := libOf(n.Obj().Pkg().Path(), headerLibs)
			return lib
		}
	}
	return false
}

// headerValues resolves the Value of a header read in block at, under
// the key the code compares its Key with before (for _, h := range
// m.Headers { if h.Key == key { return string(h.Value) } }): the values
// the code puts in headers under that key (Header{Key: key, Value: v}),
// each paired with its key through the same call. A read no comparison
// of its Key guards, or whose key is not known, gives nothing: a header
// of another key holds anything.
func (r *resolver) headerValues(base ssa.Value, field int, at *ssa.BasicBlock, bind map[*ssa.Parameter]ssa.Value, depth int, busy map[ssa.Value]bool) []value {
	st := structOf(base.Type())
	if st == nil || at == nil {
		return nil
	}
	keyField := -1
	for i := range st.NumFields() {
		if st.Field(i).Name() == "Key" {
			keyField = i
		}
	}
	var keys []string
	for _, b := range at.Parent().Blocks {
		ifi, ok := lastInstr(b).(*ssa.If)
		if !ok || len(b.Succs) != 2 || !b.Succs[0].Dominates(at) {
			continue
		}
		cmp, ok := ifi.Cond.(*ssa.BinOp)
		if !ok || cmp.Op != token.EQL {
			continue
		}
		for _, pair := range [][2]ssa.Value{{cmp.X, cmp.Y}, {cmp.Y, cmp.X}} {
			if readsField(pair[0], base, keyField) {
				for _, k := range r.resolve(pair[1], bind, depth-1, busy) {
					if k.lit || k.text != "" && !strings.Contains(k.text, "…") {
						keys = append(keys, k.text)
					}
				}
			}
		}
	}
	if len(keys) == 0 {
		return nil
	}
	var out []value
	for _, s := range r.fields[fieldKey(base.Type(), field)] {
		if s.base == nil || s.base.Referrers() == nil || !r.ok(s.fn) {
			continue
		}
		key := storedField(s.base, keyField)
		if key == nil {
			continue
		}
		// The key and the value of one literal, under each call of the
		// function that builds it (put(&hs, "original_topic", topic)).
		binds := []map[*ssa.Parameter]ssa.Value{nil}
		if _, isParam := key.(*ssa.Parameter); isParam {
			binds = nil
			for _, call := range r.callers[s.fn] {
				if r.live(call) {
					binds = append(binds, bindArgs(s.fn, call.Common().Args))
				}
			}
		}
		for _, b := range binds {
			if !r.spend() {
				return out
			}
			if slices.ContainsFunc(r.resolve(key, b, depth-1, busy), func(k value) bool { return slices.Contains(keys, k.text) }) {
				out = appendValues(out, r.resolve(s.val, b, depth-1, busy))
			}
		}
	}
	return out
}

// lastInstr returns a block's last instruction, or nil.
func lastInstr(b *ssa.BasicBlock) ssa.Instruction {
	if len(b.Instrs) == 0 {
		return nil
	}
	return b.Instrs[len(b.Instrs)-1]
}

// readsField reports whether v reads field of base: base.f, or *(&base.f).
func readsField(v, base ssa.Value, field int) bool {
	switch v := v.(type) {
	case *ssa.Field:
		return v.X == base && v.Field == field
	case *ssa.UnOp:
		fa, ok := v.X.(*ssa.FieldAddr)
		return ok && v.Op == token.MUL && fa.X == base && fa.Field == field
	}
	return false
}

// headerLibs are messagingLibs, set apart for headerValue: messagingLibs
// is made from the recognizers, whose rows hold functions that resolve
// values, so the resolver naming it would make Go's package
// initialization a cycle. init sets it once the recognizers are made.
var headerLibs map[string]string

func init() { headerLibs = messagingLibs }

// sums adds the integers of a to those of b, where both are written in
// the code; a number read at run time makes the sum unknown.
func sums(a, b []value) []value {
	var out []value
	for _, x := range a {
		for _, y := range b {
			i, ok1 := new(big.Int).SetString(x.text, 10)
			j, ok2 := new(big.Int).SetString(y.text, 10)
			if !ok1 || !ok2 || !x.lit || !y.lit {
				return nil
			}
			if len(out) < maxValues {
				out = appendValues(out, []value{{text: i.Add(i, j).String(), lit: true}})
			}
		}
	}
	return out
}

func concat(a, b []value) []value {
	var out []value
	for _, x := range a {
		for _, y := range b {
			if len(out) == maxValues {
				return out
			}
			if typeGroup(x.group) && typeGroup(y.group) && x.group != y.group {
				continue // two types' names: one message has one type
			}
			v := value{text: x.text + y.text, lit: x.lit && y.lit, listed: x.listed && y.listed, flag: joinFlags(x.flag, y.flag), config: cmp.Or(x.config, y.config), fallbackOf: cmp.Or(x.fallbackOf, y.fallbackOf), fallbackText: cmp.Or(x.fallbackText, y.fallbackText)}
			if typeGroup(x.group) {
				v.group = x.group
			} else if typeGroup(y.group) {
				v.group = y.group
			}
			switch {
			case x.flagText != "":
				v.flagText, v.flagAt = x.flagText, x.flagAt
			case y.flagText != "":
				v.flagText, v.flagAt = y.flagText, len(x.text)+y.flagAt
			}
			v.flagEmpty = x.flagEmpty || x.text == "" && y.flagEmpty
			if x.fallbackText == "" && y.fallbackText != "" {
				v.fallbackAt = len(x.text) + y.fallbackAt
			} else {
				v.fallbackAt = x.fallbackAt
			}
			v.env = append(append(v.env, x.env...), y.env...)
			out = append(out, v)
		}
	}
	return out
}

// typeGroup reports whether a value's group is the conversion of one
// type that names it (typeNames).
func typeGroup(g ssa.Instruction) bool {
	_, ok := g.(*ssa.MakeInterface)
	return ok
}

func appendValues(out, more []value) []value {
next:
	for _, v := range more {
		if len(out) == maxValues {
			break
		}
		for i, o := range out {
			if o.text == v.text && o.lit == v.lit && o.group == v.group {
				// Two flags of one default are one text, read from
				// either: a deployment that passes one leaves the other.
				out[i].flag = joinFlags(o.flag, v.flag)
				out[i].listed = o.listed && v.listed // an unknown text may be any
				continue next
			}
		}
		out = append(out, v)
	}
	return out
}

// withFlag returns the text with the value a deployment passes the flag
// in place of the flag's default, where that default is known to sit; a
// text whose flag is not one, or whose default archie cannot place, has
// none.
func (v value) withFlag(passed string) (string, bool) {
	if v.flag == "" || v.lit || strings.Contains(v.flag, ",") {
		return "", false
	}
	if v.flagText == "" {
		if v.flagEmpty {
			return passed + v.text, true
		}
		return "", false
	}
	at := v.flagAt
	if at < 0 || at+len(v.flagText) > len(v.text) || v.text[at:at+len(v.flagText)] != v.flagText {
		// Made into another text since (trimmed, joined as a path):
		// only a default found once is placed.
		if strings.Count(v.text, v.flagText) != 1 {
			return "", false
		}
		at = strings.Index(v.text, v.flagText)
	}
	return v.text[:at] + passed + v.text[at+len(v.flagText):], true
}

// unset resolves a string field that no code of the service stores to,
// read through ptr: when ptr is a local composite literal, or a copy of
// one, whose address goes nowhere the field could be set, the field holds
// its zero value, "". oapi-codegen's HandlerFromMux leaves
// ChiServerOptions.BaseURL out, and the routes are at BaseURL+"/pets".
// It is nil when the struct comes from anywhere else.
func (r *resolver) unset(ptr ssa.Value, field, depth int) []value {
	if depth <= 0 {
		return nil
	}
	switch p := ptr.(type) {
	case *ssa.FreeVar:
		return everyUnset(freeVarBindings(p), func(b ssa.Value) []value { return r.unset(b, field, depth-1) })
	case *ssa.UnOp:
		// A pointer variable a closure captures (runWithContext(ctx,
		// func() error { return c.publish(opts) })): what is stored in
		// its cell.
		if _, ok := p.Type().Underlying().(*types.Pointer); !ok || p.Op != token.MUL {
			return nil
		}
		var out []value
		for _, c := range cellsOf(p.X) {
			cell, ok := c.(*ssa.Alloc)
			if !ok || cell.Referrers() == nil {
				return nil
			}
			var stored []ssa.Value
			for _, ref := range *cell.Referrers() {
				if st, ok := ref.(*ssa.Store); ok && st.Addr == cell {
					stored = append(stored, st.Val)
				}
			}
			vs := everyUnset(stored, func(v ssa.Value) []value { return r.unset(v, field, depth-1) })
			if vs == nil {
				return nil
			}
			out = appendValues(out, vs)
		}
		return out
	case *ssa.Parameter:
		// An options struct each caller makes and hands down
		// (PublishContext → PublishWithOptions(&Options{Topic: t})):
		// unset where every caller's is.
		fn := p.Parent()
		calls := liveCalls(r, r.callers[fn])
		idx := paramIndex(p)
		if len(calls) == 0 || idx < 0 || r.valued[fn] || len(r.invokersOf(fn)) > 0 {
			return nil // called in ways not all seen
		}
		args, ok := argsAt(calls, idx)
		if !ok {
			return nil
		}
		return everyUnset(args, func(v ssa.Value) []value { return r.unset(v, field, r.oneWay(depth, len(calls))) })
	case *ssa.Alloc:
		copies, ok := localStruct(p, field, 3)
		if !ok && !r.setIn(fieldKey(p.Type(), field)) && handedTyped(p, field, 6, make(map[ssa.Value]bool)) {
			// A literal handed down by its type to functions that read
			// the field, and the service's code sets that field of no
			// such struct: the field is "".
			return []value{{text: "", lit: true}}
		}
		if !ok {
			return nil
		}
		if len(copies) == 0 {
			return []value{{text: "", lit: true}}
		}
		var out []value
		for _, c := range copies {
			vs := r.unsetIn(c, field, depth-1)
			if vs == nil {
				return nil
			}
			out = appendValues(out, vs)
		}
		return out
	}
	return nil
}

// unsetIn is unset for a struct value: a local one loaded, or a
// parameter each caller of the service passes one to.
func (r *resolver) unsetIn(v ssa.Value, field, depth int) []value {
	if depth <= 0 {
		return nil
	}
	switch w := v.(type) {
	case *ssa.UnOp:
		if w.Op == token.MUL {
			return r.unset(w.X, field, depth)
		}
	case *ssa.Const:
		if w.Value == nil {
			return []value{{text: "", lit: true}}
		}
	case *ssa.Parameter:
		args, ok := argsAt(liveCalls(r, r.callers[w.Parent()]), paramIndex(w))
		if !ok {
			return nil
		}
		return everyUnset(args, func(v ssa.Value) []value { return r.unsetIn(v, field, depth-1) })
	}
	return nil
}

// argsAt returns the argument each call gives at index i; false when one
// gives none there.
func argsAt(calls []ssa.CallInstruction, i int) ([]ssa.Value, bool) {
	out := make([]ssa.Value, 0, len(calls))
	for _, c := range calls {
		args := c.Common().Args
		if i < 0 || i >= len(args) {
			return nil, false
		}
		out = append(out, args[i])
	}
	return out, true
}

// everyUnset joins the values each of vs leaves its field with, as unset
// reads them; nil when there is none, or one is not known to leave it
// unset.
func everyUnset(vs []ssa.Value, unset func(ssa.Value) []value) []value {
	var out []value
	for _, v := range vs {
		got := unset(v)
		if got == nil {
			return nil
		}
		out = appendValues(out, got)
	}
	return out
}

// localStruct reports whether a struct allocation keeps its field to
// itself: the field's address is only read from, and the struct's address
// only used for its fields, loaded, or captured by closures that do the
// same. It returns the struct values copied into it whole.
func localStruct(a ssa.Value, field, depth int) (copies []ssa.Value, ok bool) {
	if depth <= 0 || a.Referrers() == nil {
		return nil, false
	}
	for _, ref := range *a.Referrers() {
		switch u := ref.(type) {
		case *ssa.FieldAddr:
			if u.Field != field {
				continue
			}
			for _, ref2 := range *u.Referrers() {
				switch l := ref2.(type) {
				case *ssa.UnOp:
					if l.Op != token.MUL {
						return nil, false
					}
				case *ssa.DebugRef:
				default:
					return nil, false
				}
			}
		case *ssa.UnOp:
			if u.Op != token.MUL {
				return nil, false
			}
		case *ssa.Store:
			if u.Addr != a {
				return nil, false // the struct's address is stored away
			}
			copies = append(copies, u.Val)
		case *ssa.MakeClosure:
			fn := u.Fn.(*ssa.Function)
			for i, b := range u.Bindings {
				if b == a && i < len(fn.FreeVars) {
					more, ok := localStruct(fn.FreeVars[i], field, depth-1)
					if !ok {
						return nil, false
					}
					copies = append(copies, more...)
				}
			}
		case *ssa.DebugRef:
		default:
			return nil, false
		}
	}
	return copies, true
}

// setIn reports whether the service's code stores to the field key.
func (r *resolver) setIn(key string) bool {
	return slices.ContainsFunc(r.fields[key], func(s stored) bool { return r.ok(s.fn) })
}

// handedTyped reports whether the struct a points to, a literal, only
// ever has its field read: its address goes to functions that take it as
// its own pointer type (never as an interface a decoder could fill by
// reflection), compare it, read its fields, or capture it in closures
// that do the same. Stores to the field itself are the caller's to rule
// out (the resolver's table of field stores).
func handedTyped(a ssa.Value, field, depth int, seen map[ssa.Value]bool) bool {
	if depth <= 0 || a.Referrers() == nil {
		return false
	}
	if seen[a] {
		return true
	}
	seen[a] = true
	for _, ref := range *a.Referrers() {
		switch u := ref.(type) {
		case *ssa.FieldAddr:
			if u.Field != field {
				continue // the literal's other fields, set or read
			}
			if !onlyLoaded(u) {
				return false
			}
		case *ssa.Store:
			if u.Addr == a {
				return false // the whole struct overwritten: *opts = defaults
			}
			if u.Val != a {
				continue
			}
			// Kept only in a local variable's cell (one a closure
			// captures): read wherever the cell is loaded.
			cell, ok := u.Addr.(*ssa.Alloc)
			if !ok || !cellTyped(cell, field, depth-1, seen) {
				return false
			}
		case *ssa.BinOp, *ssa.DebugRef:
		case *ssa.UnOp:
			if u.Op != token.MUL {
				return false
			}
		case *ssa.Call:
			fn := u.Call.StaticCallee()
			if fn == nil || u.Call.Value == a || len(fn.Params) != len(u.Call.Args) {
				return false
			}
			for i, arg := range u.Call.Args {
				if arg != a {
					continue
				}
				if !types.Identical(fn.Params[i].Type(), a.Type()) || !handedTyped(fn.Params[i], field, depth-1, seen) {
					return false
				}
			}
		case *ssa.MakeClosure:
			if !capturesOnly(u, a, func(fv ssa.Value) bool { return handedTyped(fv, field, depth-1, seen) }) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// capturesOnly reports whether each free variable of the closure mc that
// binds v is one ok accepts.
func capturesOnly(mc *ssa.MakeClosure, v ssa.Value, ok func(fv ssa.Value) bool) bool {
	fn, isFn := mc.Fn.(*ssa.Function)
	if !isFn {
		return false
	}
	for i, b := range mc.Bindings {
		if b == v && (i >= len(fn.FreeVars) || !ok(fn.FreeVars[i])) {
			return false
		}
	}
	return true
}

// cellTyped is handedTyped for a variable's cell, a local one or the
// free variable a closure reads it through: each value loaded from it.
func cellTyped(cell ssa.Value, field, depth int, seen map[ssa.Value]bool) bool {
	if depth <= 0 || cell.Referrers() == nil {
		return false
	}
	for _, ref := range *cell.Referrers() {
		switch u := ref.(type) {
		case *ssa.Store:
			if u.Addr != cell {
				return false
			}
		case *ssa.UnOp:
			if u.Op != token.MUL || !handedTyped(u, field, depth-1, seen) {
				return false
			}
		case *ssa.MakeClosure:
			if !capturesOnly(u, cell, func(fv ssa.Value) bool { return cellTyped(fv, field, depth-1, seen) }) {
				return false
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

// servedTaking returns the RPCs the service serves that take t (a
// pointer to a message protoc generates) as their request: methods of a
// generated server interface of t's package, by name, that the
// service's code implements with t as a parameter.
func (r *resolver) servedTaking(t types.Type) []string {
	p, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return nil
	}
	named, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return nil
	}
	if m, _, _ := types.LookupFieldOrMethod(p, false, named.Obj().Pkg(), "ProtoMessage"); m == nil {
		return nil
	}
	var rpcs []string
	scope := named.Obj().Pkg().Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || !strings.HasSuffix(name, "Server") {
			continue
		}
		iface, ok := tn.Type().Underlying().(*types.Interface)
		if !ok {
			continue
		}
		for i := range iface.NumMethods() {
			m := iface.Method(i)
			if params := m.Signature().Params(); params.Len() >= 2 && types.Identical(params.At(1).Type(), p) && !slices.Contains(rpcs, m.Name()) {
				rpcs = append(rpcs, m.Name())
			}
		}
	}
	if len(rpcs) == 0 {
		return nil
	}
	var served []string
	for fn := range r.within {
		if fn.Signature.Recv() == nil || !slices.Contains(rpcs, fn.Name()) || slices.Contains(served, fn.Name()) {
			continue
		}
		if params := fn.Signature.Params(); params.Len() >= 2 && types.Identical(params.At(1).Type(), p) {
			served = append(served, fn.Name())
		}
	}
	return served
}

// callsClient reports whether fn calls one of the RPCs on a generated
// client, with a request of type t.
func callsClient(fn *ssa.Function, rpcs []string, t types.Type) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			c, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			named, method := calledOn(c.Common())
			if named == nil || !strings.HasSuffix(named.Obj().Name(), "Client") || !slices.Contains(rpcs, method) {
				continue
			}
			if slices.ContainsFunc(c.Common().Args, func(a ssa.Value) bool { return types.Identical(a.Type(), t) }) {
				return true
			}
		}
	}
	return false
}

// typeNames resolves the name of the type a reflect.Type value stands
// for, reflect.TypeOf(msg).Name() or .Elem().Name(): the names of the
// types the code hands msg in, through its callers as any value is
// followed. An Elem of a type that has none (a struct handed where a
// pointer is taken) panics, and names nothing.
func (r *resolver) typeNames(t ssa.Value, bind map[*ssa.Parameter]ssa.Value, depth int, busy map[ssa.Value]bool) []value {
	elems := 0
	for range 4 {
		c, ok := t.(*ssa.Call)
		if !ok {
			return nil
		}
		switch calleeKey(c.Common()) {
		case "reflect.Type.Elem":
			elems++
			t = c.Call.Value
			continue
		case "reflect.TypeOf":
			if len(c.Call.Args) != 1 || r.naming != nil {
				return nil
			}
			r.naming = &elems
			defer func() { r.naming = nil }()
			return r.resolve(c.Call.Args[0], bind, depth-1, busy)
		}
		return nil
	}
	return nil
}

// typeName returns the name of the type elems Elem steps from t, as
// reflect's Name gives it, or nothing for a type without one.
func typeName(t types.Type, elems int) []value {
	for range elems {
		switch u := t.Underlying().(type) {
		case *types.Pointer:
			t = u.Elem()
		case *types.Slice:
			t = u.Elem()
		case *types.Array:
			t = u.Elem()
		case *types.Map:
			t = u.Elem()
		case *types.Chan:
			t = u.Elem()
		default:
			return nil
		}
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.TypeArgs().Len() > 0 {
		return nil // a generic instance's name holds its arguments' paths
	}
	return []value{{text: named.Obj().Name(), lit: true}}
}

// strcaseOf returns iancoleman/strcase's conversion a key names.
func strcaseOf(key string) func(string) string {
	switch key[strings.LastIndexByte(key, '.')+1:] {
	case "ToSnake":
		return strcase.ToSnake
	case "ToScreamingSnake":
		return strcase.ToScreamingSnake
	case "ToKebab":
		return strcase.ToKebab
	case "ToScreamingKebab":
		return strcase.ToScreamingKebab
	case "ToCamel":
		return strcase.ToCamel
	default:
		return strcase.ToLowerCamel
	}
}
