package services

import (
	"go/constant"
	"go/token"
	"slices"
	"sync"

	"golang.org/x/tools/go/ssa"
)

// A feature a variable turns on (if os.Getenv("ENABLE_EXTRA_LOGS") ==
// "true" { l.extra = newShipper() }) runs only where a deployment sets
// it. A service every deployment of which leaves the variable unset, in
// files archie reads whole, does not run what the switch guards: a
// logger shipping lines to Elasticsearch and Datadog that no deployment
// turns on calls neither.

// An envGate is an if that branches on an environment variable: taken
// says which successor runs when the variable is unset.
type envGate struct {
	block *ssa.BasicBlock
	key   string
	taken int // the index of the successor that runs when key is unset
}

// gates lists the program's envGates once.
type gates struct {
	once sync.Once
	all  []envGate
}

func (p *program) envGates() []envGate {
	p.gates.once.Do(func() {
		for _, fn := range p.funcs {
			for _, b := range fn.Blocks {
				if len(b.Instrs) == 0 || len(b.Succs) != 2 {
					continue
				}
				if key, taken, ok := gateOf(b.Instrs[len(b.Instrs)-1]); ok {
					p.gates.all = append(p.gates.all, envGate{b, key, taken})
				}
			}
		}
	})
	return p.gates.all
}

// gateOf reads an if as an envGate: os.Getenv(K) compared with a
// constant (== "true", != ""), os.LookupEnv(K)'s ok, or
// strconv.ParseBool(os.Getenv(K))'s value. An unset variable reads as
// "", not found, and false.
func gateOf(instr ssa.Instruction) (key string, taken int, ok bool) {
	ifi, isIf := instr.(*ssa.If)
	if !isIf {
		return "", 0, false
	}
	branch := func(holds bool) int {
		if holds {
			return 0
		}
		return 1
	}
	switch c := ifi.Cond.(type) {
	case *ssa.BinOp:
		if c.Op != token.EQL && c.Op != token.NEQ {
			return "", 0, false
		}
		x, y := c.X, c.Y
		if _, isConst := y.(*ssa.Const); !isConst {
			x, y = y, x
		}
		k, ok := getenvKey(x)
		lit, isConst := y.(*ssa.Const)
		if !ok || !isConst || lit.Value == nil || lit.Value.Kind() != constant.String {
			return "", 0, false
		}
		return k, branch((constant.StringVal(lit.Value) == "") == (c.Op == token.EQL)), true
	case *ssa.Extract:
		call, isCall := c.Tuple.(*ssa.Call)
		if !isCall {
			return "", 0, false
		}
		switch calleeKey(call.Common()) {
		case "os.LookupEnv":
			if k, ok := stringConst(call.Common().Args[0]); ok && c.Index == 1 {
				return k, 1, true
			}
		case "strconv.ParseBool":
			if k, ok := getenvKey(call.Common().Args[0]); ok && c.Index == 0 {
				return k, 1, true
			}
		}
	}
	return "", 0, false
}

// getenvKey returns the variable a value is os.Getenv of, perhaps
// case-folded or trimmed.
func getenvKey(v ssa.Value) (string, bool) {
	for range 3 {
		call, ok := v.(*ssa.Call)
		if !ok {
			return "", false
		}
		switch calleeKey(call.Common()) {
		case "os.Getenv":
			return stringConst(call.Common().Args[0])
		case "strings.ToLower", "strings.ToUpper", "strings.TrimSpace":
			v = call.Common().Args[0]
		default:
			return "", false
		}
	}
	return "", false
}

// gatedOff adds to dead the blocks of the service's code that the
// variables its deployments leave unset switch off: each function's
// blocks no path from its entry reaches, its gates' unset branches taken.
// A service no deployment runs, or one whose deployments may set
// variables archie does not read (an env_file, a ConfigMap it does not
// hold, a template it could not render), keeps all.
func (x *extractor) gatedOff(svc *Service, entryDir string, dead map[*ssa.BasicBlock]bool) map[*ssa.BasicBlock]bool {
	gs := x.prog.envGates()
	if len(gs) == 0 || x.deploy == nil || len(x.deploy.forService(svc, entryDir)) == 0 || x.deploy.envFiles(svc, entryDir) {
		return dead
	}
	unset := make(map[string]bool)
	decided := make(map[*ssa.BasicBlock]int)
	for _, g := range gs {
		set, seen := unset[g.key]
		if !seen {
			set = x.deploy.unsetEnv(svc, entryDir, g.key)
			unset[g.key] = set
		}
		if set {
			decided[g.block] = g.taken
		}
	}
	if len(decided) == 0 {
		return dead
	}
	var fns []*ssa.Function
	for b := range decided {
		if !slices.Contains(fns, b.Parent()) {
			fns = append(fns, b.Parent())
		}
	}
	for _, fn := range fns {
		live := make(map[*ssa.BasicBlock]bool, len(fn.Blocks))
		work := []*ssa.BasicBlock{fn.Blocks[0]}
		live[fn.Blocks[0]] = true
		for len(work) > 0 {
			b := work[len(work)-1]
			work = work[:len(work)-1]
			next := b.Succs
			if i, ok := decided[b]; ok {
				next = b.Succs[i : i+1]
			}
			for _, s := range next {
				if !live[s] {
					live[s] = true
					work = append(work, s)
				}
			}
		}
		for _, b := range fn.Blocks {
			if !live[b] {
				if dead == nil {
					dead = make(map[*ssa.BasicBlock]bool)
				}
				dead[b] = true
			}
		}
	}
	return dead
}

// unsetEnv reports whether every deployment of the service leaves a
// variable unset, as far as archie can read them all: no workload, image
// or env file it loads sets it, no template it could not render may, no
// ConfigMap or Secret binds it.
func (d *deployment) unsetEnv(svc *Service, entryDir, key string) bool {
	if _, set := d.env(svc, entryDir, key); set {
		return false
	}
	if _, _, set := d.imageEnv(svc, entryDir, key); set {
		return false
	}
	return !d.templateSets(svc, entryDir, key) && !d.binds(svc, entryDir, key) && len(d.unreadSources(svc, entryDir, key)) == 0
}
