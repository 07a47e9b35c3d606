package services

import (
	"bytes"
	"go/constant"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/ssa"
)

// A feature a variable switches on (if os.Getenv("ENABLE_EXTRA_LOGS") ==
// "true" { l.extra = newShipper() }) runs only where something sets it.
// A service every deployment of which leaves the variable unset, in
// files archie reads whole, whose repository names the variable nowhere
// but in its Go code (no script, values file, env file or document), and
// whose code never sets it, does not run what the switch guards: a
// logger shipping lines to Elasticsearch and Datadog that nothing turns
// on calls neither. Only switches count (compared with "true", "1",
// "yes", "on", or read by strconv.ParseBool): a test of whether a
// variable is set at all is how code asks where it runs
// (KUBERNETES_SERVICE_HOST), which the platform answers.

// An envGate is an if that branches on an environment variable: taken
// says which successor runs when the variable is unset.
type envGate struct {
	block *ssa.BasicBlock
	key   string
	taken int       // the index of the successor that runs when key is unset
	pos   token.Pos // where the code reads the variable
}

// gates are the program's envGates, and the variables its code sets
// (os.Setenv); anySet says it sets one archie cannot name.
type gates struct {
	once   sync.Once
	all    []envGate
	set    map[string]bool
	anySet bool
}

// envGates returns the program's envGates on variables its code does
// not set, none where it sets one archie cannot name.
func (p *program) envGates() []envGate {
	p.gates.once.Do(func() {
		p.gates.set = make(map[string]bool)
		for _, fn := range p.funcs {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					if c, ok := instr.(*ssa.Call); ok && calleeKey(c.Common()) == "os.Setenv" {
						if k, ok := stringConst(c.Common().Args[0]); ok {
							p.gates.set[k] = true
						} else {
							p.gates.anySet = true
						}
					}
				}
				if len(b.Succs) != 2 {
					continue
				}
				if g, ok := gateOf(lastInstr(b)); ok {
					g.block = b
					p.gates.all = append(p.gates.all, g)
				}
			}
		}
	})
	if p.gates.anySet {
		return nil
	}
	return slices.DeleteFunc(slices.Clone(p.gates.all), func(g envGate) bool { return p.gates.set[g.key] })
}

// switchWords are the values a switch is compared with: none is what an
// unset variable reads as.
var switchWords = map[string]bool{"true": true, "1": true, "yes": true, "on": true, "enabled": true, "enable": true,
	"false": true, "0": true, "no": true, "off": true, "disabled": true, "disable": true}

// gateOf reads an if as an envGate: os.Getenv(K) compared with a
// switch's word (== "true", != "1"), or strconv.ParseBool(os.Getenv(K))'s
// value. An unset variable reads as "" and false.
func gateOf(instr ssa.Instruction) (envGate, bool) {
	ifi, isIf := instr.(*ssa.If)
	if !isIf {
		return envGate{}, false
	}
	switch c := ifi.Cond.(type) {
	case *ssa.BinOp:
		if c.Op != token.EQL && c.Op != token.NEQ {
			return envGate{}, false
		}
		x, y := c.X, c.Y
		if _, isConst := y.(*ssa.Const); !isConst {
			x, y = y, x
		}
		k, at, ok := getenvKey(x)
		lit, isConst := y.(*ssa.Const)
		if !ok || !isConst || lit.Value == nil || lit.Value.Kind() != constant.String || !switchWords[strings.ToLower(constant.StringVal(lit.Value))] {
			return envGate{}, false
		}
		// Unset, the variable equals no switch's word: == is false.
		taken := 1
		if c.Op == token.NEQ {
			taken = 0
		}
		return envGate{key: k, taken: taken, pos: at}, true
	case *ssa.Extract:
		call, isCall := c.Tuple.(*ssa.Call)
		if isCall && calleeKey(call.Common()) == "strconv.ParseBool" && c.Index == 0 {
			if k, at, ok := getenvKey(call.Common().Args[0]); ok {
				return envGate{key: k, taken: 1, pos: at}, true
			}
		}
	}
	return envGate{}, false
}

// getenvKey returns the variable a value is os.Getenv of, perhaps
// case-folded or trimmed, and where it is read.
func getenvKey(v ssa.Value) (string, token.Pos, bool) {
	for range 3 {
		call, ok := v.(*ssa.Call)
		if !ok {
			return "", token.NoPos, false
		}
		switch calleeKey(call.Common()) {
		case "os.Getenv":
			k, ok := stringConst(call.Common().Args[0])
			return k, call.Pos(), ok
		case "strings.ToLower", "strings.ToUpper", "strings.TrimSpace":
			v = call.Common().Args[0]
		default:
			return "", token.NoPos, false
		}
	}
	return "", token.NoPos, false
}

// gatedOff adds to dead the blocks of the service's code that the
// variables its deployments leave unset switch off: each function's
// blocks no path from its entry reaches, its gates' unset branches taken.
// A service no deployment runs, or one whose deployments may set
// variables archie does not read (an env_file, a ConfigMap it does not
// hold, a template it could not render), keeps all.
func (x *extractor) gatedOff(svc *Service, entryDir string, dead map[*ssa.BasicBlock]bool) (map[*ssa.BasicBlock]bool, []envGate) {
	gs := x.prog.envGates()
	if len(gs) == 0 || x.deploy == nil || len(x.deploy.forService(svc, entryDir)) == 0 || x.deploy.envFiles(svc, entryDir) {
		return dead, nil
	}
	var off []envGate
	keys := x.prog.gateKeys()
	unset := make(map[string]bool)
	decided := make(map[*ssa.BasicBlock]int)
	fns := make(map[*ssa.Function]bool)
	for _, g := range gs {
		isOff, seen := unset[g.key]
		if !seen {
			isOff = x.deploy.unsetEnv(svc, entryDir, g.key) && !x.deploy.mentioned(g.key, keys)
			unset[g.key] = isOff
		}
		if isOff {
			decided[g.block] = g.taken
			fns[g.block.Parent()] = true
			off = append(off, g)
		}
	}
	return deadUnder(decided, fns, dead), off
}

// deadUnder adds to dead the blocks of fns that no path from their entry
// reaches, the branch decided gives each block it holds taken.
func deadUnder(decided map[*ssa.BasicBlock]int, fns map[*ssa.Function]bool, dead map[*ssa.BasicBlock]bool) map[*ssa.BasicBlock]bool {
	for fn := range fns {
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

// storedOnce returns what a load of a local variable loads when one store
// sets it (a variable a closure captures), else v.
func storedOnce(v ssa.Value) ssa.Value {
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return v
	}
	alloc, ok := load.X.(*ssa.Alloc)
	if !ok || alloc.Referrers() == nil {
		return v
	}
	var val ssa.Value
	for _, r := range *alloc.Referrers() {
		if st, ok := r.(*ssa.Store); ok && st.Addr == alloc {
			if val != nil {
				return v
			}
			val = st.Val
		}
	}
	if val == nil {
		return v
	}
	return val
}

// unsetBranch returns, for an if that tests whether an environment
// variable is set (os.Getenv(K) != "", == "", or os.LookupEnv's ok), the
// successor taken when it is not: a listener only a variable turns on
// (if addr := os.Getenv("PPROFLISTEN"); addr != "" { go serve(addr) }).
func unsetBranch(instr ssa.Instruction) (int, bool) {
	ifi, ok := instr.(*ssa.If)
	if !ok {
		return 0, false
	}
	switch c := ifi.Cond.(type) {
	case *ssa.BinOp:
		if c.Op != token.EQL && c.Op != token.NEQ {
			return 0, false
		}
		x, y := c.X, c.Y
		if _, isConst := y.(*ssa.Const); !isConst {
			x, y = y, x
		}
		if text, ok := stringConst(y); !ok || text != "" {
			return 0, false
		}
		if _, _, ok := getenvKey(storedOnce(x)); !ok {
			return 0, false
		}
		if c.Op == token.NEQ {
			return 1, true // unset: "" != "" is false
		}
		return 0, true
	case *ssa.Extract:
		call, isCall := c.Tuple.(*ssa.Call)
		if isCall && c.Index == 1 && calleeKey(call.Common()) == "os.LookupEnv" {
			return 1, true
		}
	}
	return 0, false
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

// gateKeys are the variables the program's envGates branch on.
func (p *program) gateKeys() []string {
	var out []string
	for _, g := range p.envGates() {
		if !slices.Contains(out, g.key) {
			out = append(out, g.key)
		}
	}
	return out
}

// mentioned reports whether a file of the repository other than Go code
// and tests' data names a variable: a script or Makefile that sets it, a
// values or env file, a kustomize patch, a document telling operators to
// set it. The files are read once, for every key of keys.
func (d *deployment) mentioned(key string, keys []string) bool {
	d.mentionsOnce.Do(func() {
		d.mentions = make(map[string]bool)
		filepath.WalkDir(d.root, func(path string, e fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			name := e.Name()
			if e.IsDir() {
				if path != d.root && (name == ".git" || name == "vendor" || name == "node_modules" || name == "testdata") {
					return filepath.SkipDir
				}
				return nil
			}
			if strings.HasSuffix(name, ".go") || len(d.mentions) == len(keys) {
				return nil
			}
			data, ok := readSmall(d.root, path)
			if !ok {
				return nil
			}
			for _, k := range keys {
				if !d.mentions[k] && bytes.Contains(data, []byte(k)) {
					d.mentions[k] = true
				}
			}
			return nil
		})
	})
	return d.mentions[key]
}
