package services

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"maps"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/archie-dev/archie/analyze"
	"golang.org/x/tools/go/ssa"
)

// One binary, several services. A main may choose what it serves from its
// first argument (`app frontend`) or from an environment variable
// (SERVER_TO_RUN=grpc), and each deployment of it sets its own: each is a
// service of its own, whose code is what main runs for that choice. archie
// reads the choices main's code compares the argument or variable with,
// and the values the deployment files give them.

// A Selector is what chooses one service of a binary that runs several:
// the first argument, an environment variable or a flag, and its value.
type Selector struct {
	Env   string // the variable; "" for the first argument
	Flag  string // the flag, without dashes; "" for the first argument
	Value string
	// Name marks the name the binary is run by (a link to it, argv[0]),
	// which a command's word that is a path gives by its base name.
	Name bool
	// Unset marks a flag's value that is its default: the deployment
	// does not pass the flag.
	Unset bool
	// Given marks a flag given a value other than its zero (-kubewatcher,
	// -routerPort 8888), which chooses an entry of a table of roles
	// (flagtable.go); Bool says the flag is boolean.
	Given, Bool bool
}

// String is the selector as archie.yaml's run: writes it: "frontend",
// "SERVER_TO_RUN=grpc" or "-role=worker".
func (s *Selector) String() string {
	switch {
	case s == nil:
		return ""
	case s.Given:
		return "-" + s.Flag
	case s.Flag != "":
		return "-" + s.Flag + "=" + s.Value
	case s.Env != "":
		return s.Env + "=" + s.Value
	}
	return s.Value
}

// ParseSelector reads a run: value: -FLAG=VALUE (or --FLAG=VALUE) for a
// flag, -FLAG for a flag given (an entry of a table of roles), KEY=VALUE
// for an environment variable, else the first argument.
func ParseSelector(s string) *Selector {
	k, v, ok := strings.Cut(s, "=")
	switch {
	case !ok && strings.HasPrefix(s, "-") && strings.TrimLeft(s, "-") != "":
		return &Selector{Flag: strings.TrimLeft(s, "-"), Given: true}
	case ok && strings.HasPrefix(k, "-"):
		return &Selector{Flag: strings.TrimLeft(k, "-"), Value: v}
	case ok:
		return &Selector{Env: k, Value: v}
	}
	return &Selector{Value: s}
}

// SameBinary reports whether two services are two choices of one main:
// one code, deployed twice, that shares its tables and packages with
// itself.
func SameBinary(a, b *Service) bool {
	if a == nil || b == nil || a.Run == nil || b.Run == nil {
		return false
	}
	if a.Entry != "" || b.Entry != "" {
		return a.Entry == b.Entry
	}
	return a.EntryDir != "" && a.EntryDir == b.EntryDir
}

// Apart reports whether two services never run together: one runs all of
// the other's own code but its main (a modular monolith and a service cut
// from the same module), and no deployment puts them side by side: compose
// starts them under profiles with none in common, or no file deploys both
// (docker-compose-monolith.yml beside docker-compose.yml, or an all-in-one
// image that only a Dockerfile builds). Their code,
// tables and calls are not shared between running deployables. Two
// services of one binary are twins, not alternatives.
func (s *System) Apart(a, b *Service) bool {
	if a == nil || b == nil || a == b || SameBinary(a, b) {
		return false
	}
	// Side by side when a file deploys both: compose files or manifests
	// that run each (in profiles that meet). A service no such file runs
	// (an all-in-one image a Dockerfile builds) is beside none of them.
	// One that no compose file or manifest runs may still run beside the
	// other, unless it is an all-in-one: it runs the own code of two
	// services or more (hatchet-lite: the api's and the engine's).
	// Two that no such file runs (images a Dockerfile or goreleaser
	// builds, run by hand or by a script archie does not read) are
	// together unless one is an all-in-one, as below.
	together := !disjoint(a.Profiles, b.Profiles) && !disjoint(a.DeployedBy, b.DeployedBy)
	oneRunBy := (len(a.DeployedBy) == 0) != (len(b.DeployedBy) == 0)
	noneRunBy := len(a.DeployedBy) == 0 && len(b.DeployedBy) == 0
	if together && !oneRunBy && !noneRunBy {
		return false
	}
	k := [2]*Service{a, b}
	if a.Name > b.Name {
		k = [2]*Service{b, a}
	}
	if v, ok := s.apart[k]; ok {
		return v
	}
	if s.apart == nil {
		s.apart = make(map[[2]*Service]bool)
	}
	mains := s.mains()
	v := s.runs(a, b, mains) || s.runs(b, a, mains)
	if v && together {
		bundler := a
		if !s.runs(a, b, mains) {
			bundler = b
		}
		// It runs them when it serves what each serves, not only
		// their domain types (an admin service importing two services'
		// models is no all-in-one).
		n := 0
		for _, o := range s.Services {
			if o != bundler && !SameBinary(o, bundler) && s.runs(bundler, o, mains) && servesAll(bundler, o) {
				n++
			}
		}
		v = n >= 2
	}
	s.apart[k] = v
	return v
}

// InOtherStacks reports whether two services run in alternative compose
// stacks: compose files deploy each, none both, and a third service runs
// in a file of each under another name in each (compose.kafka.yml's
// rest-server-kafka, compose.redis.yml's rest-server-redis, each beside
// its own indexer). Run together (docker compose -f a -f b), such files
// would start the third service twice: they are ways to run one system,
// one at a time, and what the two both touch they never touch at once.
// Files that start it under one name merge into one stack when run
// together (a gateway each service's own compose file starts beside it),
// and so does an override file with the files of its folder
// (docker-compose.override.yml).
func (s *System) InOtherStacks(a, b *Service) bool {
	if a == nil || b == nil || a == b || !composeOnly(a.DeployedBy) || !composeOnly(b.DeployedBy) {
		return false
	}
	for _, fa := range a.DeployedBy {
		for _, fb := range b.DeployedBy {
			if fa == fb || path.Dir(fa) == path.Dir(fb) && (merged(fa) || merged(fb)) {
				return false
			}
		}
	}
	for _, c := range s.Services {
		if c == a || c == b {
			continue
		}
		for _, fa := range a.DeployedBy {
			for _, fb := range b.DeployedBy {
				if slices.Contains(c.DeployedBy, fa) && slices.Contains(c.DeployedBy, fb) && disjoint(c.deployedAs[fa], c.deployedAs[fb]) {
					return true
				}
			}
		}
	}
	return false
}

// composeOnly reports whether files are some, and compose files all.
func composeOnly(files []string) bool {
	return len(files) > 0 && !slices.ContainsFunc(files, func(f string) bool { return !composeFile(f) })
}

// merged reports whether compose merges a file with the others of its
// folder that it is run with: an override file.
func merged(file string) bool {
	return strings.Contains(path.Base(file), "override")
}

// RunsCodeOf reports whether a runs b's code and the two never run
// together (Apart): a is the all-in-one, or the monolith of b's modules.
// b's code is a's as much as b's; a's own code is not b's.
func (s *System) RunsCodeOf(a, b *Service) bool {
	return s.Apart(a, b) && s.runs(a, b, s.mains())
}

// mains returns the entries of the services' mains.
func (s *System) mains() []string {
	out := make([]string, 0, len(s.Services))
	for _, svc := range s.Services {
		if svc.Entry != "" {
			out = append(out, svc.Entry)
		}
	}
	return out
}

// Implementations reports whether two services are implementations of
// one API rather than two services: they serve the same gRPC services (at
// least one, not counting grpc.health or grpc.reflection), neither calls
// that API (peers that do, a proxy and its control plane, run together),
// and no deployment runs both. An example's ent, gorm and sqlc versions of
// one service use the same tables without sharing a database.
func (s *System) Implementations(a, b *Service) bool {
	if a == nil || b == nil || a == b {
		return false
	}
	api := func(svc *Service) []string {
		var out []string
		for _, ep := range svc.Endpoints {
			if ep.Protocol == "grpc" && ep.Name != "" && !strings.HasPrefix(ep.Name, "grpc.") && !slices.Contains(out, ep.Name) {
				out = append(out, ep.Name)
			}
		}
		slices.Sort(out)
		return out
	}
	x := api(a)
	if len(x) == 0 || !slices.Equal(x, api(b)) {
		return false
	}
	for _, e := range s.Edges {
		if (e.From == a.Name || e.From == b.Name) && e.Protocol == "grpc" && slices.Contains(x, e.Target) {
			return false
		}
	}
	return !together(a, b)
}

// servesAll reports whether a serves every endpoint of b, and b serves.
func servesAll(a, b *Service) bool {
	key := func(e Endpoint) string { return e.Protocol + " " + e.Name + " " + e.Method + " " + e.Route }
	mine := make(map[string]bool, len(a.Endpoints))
	for _, e := range a.Endpoints {
		mine[key(e)] = true
	}
	for _, e := range b.Endpoints {
		if !mine[key(e)] {
			return false
		}
	}
	return len(b.Endpoints) > 0
}

// disjoint reports whether two non-empty lists share no element.
func disjoint(x, y []string) bool {
	if len(x) == 0 || len(y) == 0 {
		return false
	}
	for _, e := range x {
		if slices.Contains(y, e) {
			return false
		}
	}
	return true
}

// runs reports whether a runs b's code: b's own packages (bundles), or,
// where the services hold the same packages (one package of commands
// that imports every service's), b's code as its facts place it
// (sameCode).
func (s *System) runs(a, b *Service, mains []string) bool {
	return bundles(a, b, mains) || s.sameCode(a, b)
}

// sameCode reports whether a is an all-in-one that runs b's code as b
// runs it: a holds b's facts at the lines b's code has them (holdsFacts),
// and the facts of two services at least that serve something of their
// own (b may be a worker that serves only a metrics route every service
// mounts). An all-in-one binary calls each service's own code. One
// service holding another's facts is not enough: two services that mount
// one health route and read one table through one repository function
// hold each other's facts, and a gateway that registers its backends'
// routes through their router package holds their endpoints.
func (s *System) sameCode(a, b *Service) bool {
	if s.placed == nil {
		s.placed = make(map[*Service]map[string]bool, len(s.Services))
		s.unread = make(map[*Service]map[string]string, len(s.Services))
		s.lines = make(map[*Service]map[string]string, len(s.Services))
		s.holders = make(map[string]int)
		for _, svc := range s.Services {
			facts, unread, lines := placedFacts(svc)
			s.placed[svc], s.unread[svc], s.lines[svc] = facts, unread, lines
			for k := range facts {
				s.holders[k]++
			}
		}
	}
	if !s.holdsFacts(a, b, false) {
		return false
	}
	n := 0
	for _, o := range s.Services {
		if o != a && s.holdsFacts(a, o, true) {
			if n++; n == 2 {
				return true
			}
		}
	}
	return false
}

// holdsFacts reports whether a has every endpoint of b where b registers
// it, and four in five of b's other facts (messages, tables touched)
// where b has them, one of them b's own (no other service has it there).
// serving asks that one of b's endpoints be its own too: b serves
// something of its own, which a serves as b does. One with no other fact
// is never held: an endpoint alone may be a router package's that a
// gateway registers too. A fact of b at a line where a has other facts of
// its kind is held, though not as b's own: a runs that line, with values
// of its own (a helper that prepares every statement it is handed, whose
// tables an all-in-one hands more of than archie keeps).
func (s *System) holdsFacts(a, b *Service, serving bool) bool {
	mine, theirs := s.placed[a], s.placed[b]
	ownEndpoint := !serving
	for _, e := range b.Endpoints {
		k := endpointFact(e)
		if !mine[k] {
			return false
		}
		ownEndpoint = ownEndpoint || s.holders[k] == 2
	}
	in, others, own := 0, 0, false
	for k := range theirs {
		if strings.HasPrefix(k, "serves ") || strings.HasPrefix(k, "line ") {
			continue
		}
		others++
		switch u := s.unread[b][k]; {
		case mine[k]:
			in++
			own = own || s.holders[k] == 2
		case u != "" && mine[u]:
			// The same message at the same line, whose topic a's
			// code gives it where archie cannot tell (a config read
			// another way in the all-in-one).
			in++
			own = own || s.holders[k]+s.holders[u] == 2
		case mine[s.lines[b][k]]:
			in++
		}
	}
	return ownEndpoint && own && in*5 >= others*4
}

// placedFacts keys a service's facts by what they are and where its code
// has them. unread gives, for each message fact, the key of the same
// message where its topic is not known; lines, for each fact but an
// endpoint, the key of its line ("line touches file:12:3"), which facts
// holds too.
func placedFacts(svc *Service) (facts map[string]bool, unread, lines map[string]string) {
	facts, unread, lines = make(map[string]bool), make(map[string]string), make(map[string]string)
	for _, e := range svc.Endpoints {
		facts[endpointFact(e)] = true
	}
	// at adds a fact and the line it is at.
	at := func(what, fact string, pos token.Position) string {
		k, line := placed(what, fact, pos), placed("line", what, pos)
		facts[k], facts[line], lines[k] = true, true, line
		return k
	}
	message := func(what string, m *Message) {
		for _, ev := range m.Evidence {
			k := at(what, m.Protocol+" "+m.Topic, ev.Pos)
			if m.Topic != "" {
				unread[k] = placed(what, m.Protocol+" ", ev.Pos)
			}
		}
	}
	for _, m := range svc.Publishes {
		message("publishes", m)
	}
	for _, m := range svc.Consumes {
		message("consumes", m)
	}
	for _, st := range svc.Stores {
		for t, evs := range st.Touches {
			for _, ev := range evs {
				at("touches", st.Kind+" "+t, ev.Pos)
			}
		}
	}
	return facts, unread, lines
}

func endpointFact(e Endpoint) string {
	return placed("serves", e.Protocol+" "+e.Name+" "+e.Method+" "+e.Route, e.Pos)
}

func placed(what, fact string, pos token.Position) string {
	return fmt.Sprintf("%s %s %s:%d:%d", what, fact, pos.Filename, pos.Line, pos.Column)
}

// bundles reports whether a runs b's own code, but for b's main and what
// only a main wires in (b's migrations, the commands of a main's cmd
// folder): at least four in five of the
// packages b owns, as cross-service-import says a service owns a package.
// Shared libraries both run do not count; a service that imports a part of
// another's code (a worker reading orders' store) does not bundle it. Nor
// does one that imports the single package of a service that serves
// something it does not (jaeger's agent, a helper of the all-in-one that
// runs the agent): one package is a helper as likely as a service's code.
func bundles(a, b *Service, mains []string) bool {
	own, in := 0, 0
	for _, p := range b.Packages {
		if p == b.Entry || !slices.Contains(ownerMains(p, mains), b.Entry) {
			continue
		}
		if p == b.Entry+"/cmd" || strings.HasPrefix(p, b.Entry+"/cmd/") {
			continue // its main's commands (signal/cmd of signal's main): what only the main wires in
		}
		own++
		if _, found := slices.BinarySearch(a.Packages, p); found {
			in++
		}
	}
	if own == 1 && len(b.Endpoints) > 0 && !servesAll(a, b) {
		return false
	}
	return in > 0 && in*5 >= own*4
}

// ownerMains returns the mains that own a package: those of the nearest
// folder at or above it that holds mains, when they all sit in one of its
// folders (order/internal is order-service's and order-cdc's when their
// mains are in order/cmd), or the main whose folder it is in. A folder
// that holds every service's main, or mains spread over several of its
// folders, owns nothing.
func ownerMains(pkg string, mains []string) []string {
	// In a main's folder: the nearest such main's, as cross-service-import
	// has it.
	for dir := pkg; ; {
		if slices.Contains(mains, dir) {
			return []string{dir}
		}
		i := strings.LastIndexByte(dir, '/')
		if i < 0 {
			break
		}
		dir = dir[:i]
	}
	for dir := pkg; ; {
		var in []string
		child := ""
		one := true
		for _, m := range mains {
			if m == dir {
				return []string{m}
			}
			rest, ok := strings.CutPrefix(m, dir+"/")
			if !ok {
				continue
			}
			in = append(in, m)
			c, _, _ := strings.Cut(rest, "/")
			if child == "" {
				child = c
			} else if c != child {
				one = false
			}
		}
		if len(in) > 0 {
			if one && (len(in) < len(mains) || len(mains) == 1) {
				return in
			}
			return nil // every service's, or spread over several folders: no one's
		}
		i := strings.LastIndexByte(dir, '/')
		if i < 0 {
			return nil
		}
		dir = dir[:i]
	}
}

// choice is what a comparison in main tests: the command's words (env
// ""): its first argument, or the name it is run by (argocd-server, a
// link to the binary whose main switches on filepath.Base(os.Args[0]));
// or an environment variable.
type choice struct {
	env  string
	name bool // the name it is run by, not its first argument
	// flag is a string flag's name (-role=worker), def its default.
	flag, def string
}

// chosenBy reports whether a selector makes this choice.
func (c choice) chosenBy(sel *Selector) bool {
	if c.flag != "" || sel.Flag != "" {
		return c.flag == sel.Flag
	}
	return c.env == sel.Env && c.name == sel.Name
}

// choiceOf returns what a value of main holds, when it is the first
// argument, the program's name or an environment variable, perhaps
// case-folded or trimmed: one choice, or several when the value is one of
// them in turn (the name, unless a variable overrides it).
func choiceOf(v ssa.Value) []choice {
	return choicesOf(v, 4, make(map[ssa.Value]bool))
}

func choicesOf(v ssa.Value, depth int, seen map[ssa.Value]bool) []choice {
	if depth == 0 || seen[v] {
		return nil
	}
	seen[v] = true
	switch w := v.(type) {
	case *ssa.Phi:
		// if val := os.Getenv("BINARY_NAME"); val != "" { name = val }:
		// either decides.
		var out []choice
		for _, e := range w.Edges {
			for _, ch := range choicesOf(e, depth-1, seen) {
				if !slices.Contains(out, ch) {
					out = append(out, ch)
				}
			}
		}
		return out
	case *ssa.Call:
		callee := w.Common().StaticCallee()
		if callee == nil || callee.Pkg == nil {
			return nil
		}
		args := w.Common().Args
		switch calleeKey(w.Common()) {
		case kingpin + "MustParse": // kingpin.MustParse(app.Parse(os.Args[1:]))
			if len(args) > 0 {
				return choicesOf(args[0], depth-1, seen)
			}
			return nil
		case kingpin + "Application.Parse", kingpin + "Parse": // the command's full name
			return []choice{{}}
		}
		switch callee.Pkg.Pkg.Path() + "." + callee.Name() {
		case "strings.ToLower", "strings.ToUpper", "strings.TrimSpace":
			return choicesOf(args[0], depth-1, seen)
		case "path/filepath.Base", "path.Base":
			if argIndex(args[0]) == 0 {
				return []choice{{name: true}}
			}
		case "os.Getenv":
			if k, ok := stringConst(args[0]); ok {
				return []choice{{env: k}}
			}
		case "flag.Arg":
			if c, ok := args[0].(*ssa.Const); ok && c.Value != nil && constant.Compare(c.Value, token.EQL, constant.MakeInt64(0)) {
				return []choice{{}}
			}
		}
		return nil
	case *ssa.Extract: // cmd, err := app.Parse(os.Args[1:])
		if w.Index == 0 {
			return choicesOf(w.Tuple, depth-1, seen)
		}
	case *ssa.UnOp: // os.Args[1], loaded
		if argIndex(w) == 1 {
			return []choice{{}}
		}
		if ch, ok := flagChoice(w); ok {
			return []choice{ch}
		}
		ia, ok := w.X.(*ssa.IndexAddr)
		if !ok || w.Op != token.MUL {
			return nil
		}
		idx, ok := ia.Index.(*ssa.Const)
		if !ok || idx.Value == nil {
			return nil
		}
		if call, ok := ia.X.(*ssa.Call); ok { // flag.Args()[0]
			if callee := call.Common().StaticCallee(); callee != nil && callee.Pkg != nil &&
				callee.Pkg.Pkg.Path() == "flag" && callee.Name() == "Args" &&
				constant.Compare(idx.Value, token.EQL, constant.MakeInt64(0)) {
				return []choice{{}}
			}
		}
	}
	return nil
}

// flagChoice returns the choice a load of a string flag's variable is:
// what flag.String("role", "api", …) returns, or the variable
// flag.StringVar(&role, "role", "api", …) sets (pflag's too), when its
// name and default are constants.
func flagChoice(load *ssa.UnOp) (choice, bool) {
	if load.Op != token.MUL {
		return choice{}, false
	}
	if b, ok := load.Type().Underlying().(*types.Basic); !ok || b.Kind() != types.String {
		return choice{}, false
	}
	named := func(c *ssa.CallCommon, ptr bool) (choice, bool) {
		args, name, def, isPtr, ok := flagArgs(c)
		if !ok || isPtr != ptr || !ptr && args[0] != load.X {
			return choice{}, false
		}
		n, ok1 := stringConst(args[name])
		d, ok2 := stringConst(args[def])
		return choice{flag: n, def: d}, ok1 && ok2 && n != ""
	}
	switch x := load.X.(type) {
	case *ssa.Call:
		return named(x.Common(), true)
	case *ssa.Alloc, *ssa.Global:
		// The calls that may define it: those that take the local's
		// address, or any of the functions of the package variable's
		// package (SSA keeps no referrers of a global).
		var calls []ssa.CallInstruction
		if a, ok := x.(*ssa.Alloc); ok {
			for _, r := range *a.Referrers() {
				if c, ok := r.(ssa.CallInstruction); ok {
					calls = append(calls, c)
				}
			}
		} else if pkg := load.Parent().Pkg; pkg != nil {
			calls = slices.Collect(callsIn(pkgFuncs(pkg)))
		}
		var found []choice
		for _, c := range calls {
			if ch, ok := named(c.Common(), false); ok {
				found = append(found, ch)
			}
		}
		if len(found) == 1 {
			return found[0], true
		}
	}
	return choice{}, false
}

// pkgFuncs returns the functions of a package and their closures.
func pkgFuncs(pkg *ssa.Package) []*ssa.Function {
	var fns []*ssa.Function
	var add func(fn *ssa.Function)
	add = func(fn *ssa.Function) {
		fns = append(fns, fn)
		for _, anon := range fn.AnonFuncs {
			add(anon)
		}
	}
	for _, m := range pkg.Members {
		if fn, ok := m.(*ssa.Function); ok {
			add(fn)
		}
	}
	return fns
}

// kingpin is the prefix of kingpin's callee keys (normPath's, whatever
// its import path: gopkg.in/alecthomas/kingpin.v2, …/kingpin/v2).
const kingpin = "github.com/alecthomas/kingpin."

// kingpinCommand returns the full name of the kingpin command a value
// is: what app.Command("api", …) returns, under the commands it is
// called on (queue.Command("worker", …) is "queue worker"), directly, as
// a method of its returns (….Action(run)), or through a package variable
// set once.
func kingpinCommand(v ssa.Value, depth int) (string, bool) {
	if depth > 6 {
		return "", false
	}
	switch w := v.(type) {
	case *ssa.Call:
		args := w.Common().Args
		if w.Common().IsInvoke() || len(args) < 2 {
			break
		}
		switch calleeKey(w.Common()) {
		case kingpin + "Application.Command", kingpin + "Command":
			return stringConst(args[len(args)-2]) // (app,) name, help
		case kingpin + "CmdClause.Command":
			parent, ok := kingpinCommand(args[0], depth+1)
			name, ok2 := stringConst(args[1])
			return parent + " " + name, ok && ok2
		case kingpin + "CmdClause.Action", kingpin + "CmdClause.PreAction", kingpin + "CmdClause.Alias",
			kingpin + "CmdClause.Default", kingpin + "CmdClause.Hidden":
			return kingpinCommand(args[0], depth+1)
		}
	case *ssa.UnOp:
		g, ok := w.X.(*ssa.Global)
		if !ok || w.Op != token.MUL || g.Pkg == nil {
			break
		}
		var set []ssa.Value
		for _, fn := range pkgFuncs(g.Pkg) {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					if st, ok := instr.(*ssa.Store); ok && st.Addr == g {
						set = append(set, st.Val)
					}
				}
			}
		}
		if len(set) == 1 {
			return kingpinCommand(set[0], depth+1)
		}
	}
	return "", false
}

// kingpinFull returns the name a call of a kingpin command's
// FullCommand() gives, which main compares what Parse returned with.
func kingpinFull(v ssa.Value) (string, bool) {
	c, ok := v.(*ssa.Call)
	if !ok || c.Common().IsInvoke() || len(c.Common().Args) != 1 || calleeKey(c.Common()) != kingpin+"CmdClause.FullCommand" {
		return "", false
	}
	return kingpinCommand(c.Common().Args[0], 0)
}

// argIndex returns i when v is os.Args[i], loaded, else -1.
func argIndex(v ssa.Value) int64 {
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return -1
	}
	ia, ok := load.X.(*ssa.IndexAddr)
	if !ok {
		return -1
	}
	idx, ok := ia.Index.(*ssa.Const)
	if !ok || idx.Value == nil {
		return -1
	}
	base, ok := ia.X.(*ssa.UnOp) // *os.Args
	if !ok {
		return -1
	}
	if g, ok := base.X.(*ssa.Global); ok && g.Pkg != nil && g.Pkg.Pkg.Path() == "os" && g.Name() == "Args" {
		if i, exact := constant.Int64Val(idx.Value); exact {
			return i
		}
	}
	return -1
}

func stringConst(v ssa.Value) (string, bool) {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(c.Value), true
}

// test is one comparison of main's: the choices against a value.
type test struct {
	choices []choice
	value   string
	eq      bool // == rather than !=
}

// testOf returns the comparison an if of main's branches on, if it is one
// of the choice with a constant.
func testOf(instr ssa.Instruction) (test, bool) {
	ifi, ok := instr.(*ssa.If)
	if !ok {
		return test{}, false
	}
	cmp, ok := ifi.Cond.(*ssa.BinOp)
	if !ok || cmp.Op != token.EQL && cmp.Op != token.NEQ {
		return test{}, false
	}
	x, y := cmp.X, cmp.Y
	fixed := func(v ssa.Value) (string, bool) {
		if s, ok := stringConst(v); ok {
			return s, true
		}
		return kingpinFull(v) // case serve.FullCommand():
	}
	if _, ok := fixed(x); ok {
		x, y = y, x
	}
	val, ok := fixed(y)
	if !ok {
		return test{}, false
	}
	chs := choiceOf(x)
	if len(chs) == 0 {
		return test{}, false
	}
	return test{choices: chs, value: val, eq: cmp.Op == token.EQL}, true
}

// choices returns the values main compares each choice with, and a
// flag's default: the services it can be. The empty value chooses none:
// it is the check that the choice was made.
func choices(main *ssa.Function) map[choice][]string {
	out := make(map[choice][]string)
	for _, b := range main.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		if t, ok := testOf(b.Instrs[len(b.Instrs)-1]); ok && t.value != "" {
			for _, ch := range t.choices {
				if !contains(out[ch], t.value) {
					out[ch] = append(out[ch], t.value)
				}
			}
		}
	}
	// The keys of a map main looks the choice up in.
	for _, d := range dispatches(main) {
		for _, k := range slices.Sorted(maps.Keys(d.updates)) {
			for _, ch := range d.choices {
				if k != "" && !contains(out[ch], k) {
					out[ch] = append(out[ch], k)
				}
			}
		}
	}
	// A flag's default is a choice too, compared or not: main runs what
	// its comparisons leave (if role == "worker" {…}; api()).
	for ch := range out {
		if ch.flag != "" && ch.def != "" && !contains(out[ch], ch.def) {
			out[ch] = append(out[ch], ch.def)
		}
	}
	return out
}

// A dispatch is a map main looks its choice up in (components :=
// map[string]entrypoint{"clientapi": personalities.ClientAPI, …}; start :=
// components[os.Args[1]]): each key is a service it can be, whose code is
// what the entry of that key holds. updates are the map's entries, by
// key: the instructions that put each one in.
type dispatch struct {
	choices []choice
	updates map[string][]*ssa.MapUpdate
}

// dispatches returns the maps main looks a choice up in, each made with
// constant string keys in main or, as a package variable, in its
// package's initializer.
func dispatches(main *ssa.Function) []dispatch {
	var out []dispatch
	for _, b := range main.Blocks {
		for _, instr := range b.Instrs {
			l, ok := instr.(*ssa.Lookup)
			if !ok {
				continue
			}
			// A map of functions: a map of texts looked up by the
			// choice (aliases, a setting per environment) chooses no code.
			m, isMap := l.X.Type().Underlying().(*types.Map)
			if !isMap {
				continue
			}
			if _, isFunc := m.Elem().Underlying().(*types.Signature); !isFunc {
				continue
			}
			chs := choiceOf(l.Index)
			if len(chs) == 0 {
				continue
			}
			if ups := mapUpdates(l.X); len(ups) > 0 {
				out = append(out, dispatch{choices: chs, updates: ups})
			}
		}
	}
	return out
}

// mapUpdates returns the entries put in a map value by constant string
// key: a map main makes, or the one a package variable it loads holds,
// stored once by its package's initializer. nil when any entry's key is
// not a constant, or the map is put elsewhere too.
func mapUpdates(v ssa.Value) map[string][]*ssa.MapUpdate {
	var made *ssa.MakeMap
	switch w := v.(type) {
	case *ssa.MakeMap:
		made = w
	case *ssa.UnOp:
		g, ok := w.X.(*ssa.Global)
		if !ok || w.Op != token.MUL || g.Pkg == nil {
			return nil
		}
		init := g.Pkg.Func("init")
		if init == nil {
			return nil
		}
		// An entry put in after the literal (roles["all"] = all in an
		// init) is one more choice whose key archie may not read: the
		// map is then no dispatch it knows whole.
		for _, fn := range pkgFuncs(g.Pkg) {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					if u, ok := instr.(*ssa.MapUpdate); ok {
						if l, ok := u.Map.(*ssa.UnOp); ok && l.X == g {
							return nil
						}
					}
				}
			}
		}
		for _, b := range init.Blocks {
			for _, instr := range b.Instrs {
				if st, ok := instr.(*ssa.Store); ok && st.Addr == g {
					m, isMake := st.Val.(*ssa.MakeMap)
					if !isMake || made != nil {
						return nil
					}
					made = m
				}
			}
		}
	}
	if made == nil {
		return nil
	}
	out := make(map[string][]*ssa.MapUpdate)
	for _, r := range *made.Referrers() {
		switch r := r.(type) {
		case *ssa.MapUpdate:
			k, ok := stringConst(r.Key)
			if !ok {
				return nil
			}
			out[k] = append(out[k], r)
		case *ssa.Store:
			if _, ok := r.Addr.(*ssa.Global); !ok {
				return nil // kept somewhere main does not load it from
			}
		case *ssa.Call:
			// Its length taken; a function it is handed may add to it.
			if _, builtin := r.Common().Value.(*ssa.Builtin); !builtin {
				return nil
			}
		case *ssa.Lookup, *ssa.Range, *ssa.MakeInterface:
			// Read: looked up, ranged over, logged.
		default:
			return nil
		}
	}
	return out
}

// unchosen returns the entries of main's dispatch maps that a selector
// does not choose: those of every other key, when its value is one.
func unchosen(main *ssa.Function, sel *Selector) map[ssa.Instruction]bool {
	if sel == nil || main == nil {
		return nil
	}
	var out map[ssa.Instruction]bool
	for _, d := range dispatches(main) {
		if _, ok := d.updates[sel.Value]; !ok || !slices.ContainsFunc(d.choices, func(c choice) bool { return c.chosenBy(sel) }) {
			continue
		}
		for k, ups := range d.updates {
			if k == sel.Value {
				continue
			}
			for _, u := range ups {
				if out == nil {
					out = make(map[ssa.Instruction]bool)
				}
				out[u] = true
			}
		}
	}
	return out
}

// deadBlocks returns the blocks of main that do not run when sel chooses:
// the other branches of its comparisons of the choice.
func deadBlocks(main *ssa.Function, sel *Selector) map[*ssa.BasicBlock]bool {
	if sel == nil || len(main.Blocks) == 0 {
		return nil
	}
	live := make(map[*ssa.BasicBlock]bool)
	work := []*ssa.BasicBlock{main.Blocks[0]}
	live[main.Blocks[0]] = true
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		next := b.Succs
		if len(b.Instrs) > 0 {
			if t, ok := testOf(b.Instrs[len(b.Instrs)-1]); ok && slices.ContainsFunc(t.choices, func(c choice) bool { return c.chosenBy(sel) }) {
				if (t.value == sel.Value) == t.eq {
					next = b.Succs[:1]
				} else {
					next = b.Succs[1:]
				}
			}
		}
		for _, s := range next {
			if !live[s] {
				live[s] = true
				work = append(work, s)
			}
		}
	}
	dead := make(map[*ssa.BasicBlock]bool)
	for _, b := range main.Blocks {
		if !live[b] {
			dead[b] = true
		}
	}
	return dead
}

// variants splits a service whose main chooses what it serves into one
// service per deployment that chooses differently: each named as its
// deployment names it. A service archie.yaml declares, or that fewer than
// two deployments run with distinct choices main knows, stays whole. A
// deployment named as another of the services is not one of them: two
// services would bear one name.
func (x *extractor) variants(svc *Service, entryDir string, all []*Service) []*Service {
	if svc.Declared || svc.Run != nil || svc.Entry == "" || len(svc.Roots) != 1 || svc.Roots[0] != svc.Entry {
		return []*Service{svc}
	}
	main := x.mainOf(svc.Entry)
	if main == nil {
		return []*Service{svc}
	}
	if t := x.flagTableOf(main); t != nil && x.deploy != nil {
		if out := x.tableVariants(svc, entryDir, t, otherNames(svc, all)); len(out) >= 2 {
			return out
		}
	}
	cases := choices(main)
	if len(cases[choice{}]) == 0 {
		// The subcommands of this binary: those its own packages build.
		for name, runs := range x.subcommands() {
			for _, fn := range runs {
				if fn.Pkg != nil && slices.Contains(svc.Packages, fn.Pkg.Pkg.Path()) && !contains(cases[choice{}], name) {
					cases[choice{}] = append(cases[choice{}], name)
				}
			}
		}
		slices.Sort(cases[choice{}])
	}
	if len(cases) == 0 {
		return []*Service{svc}
	}
	// One choice splits the binary: the first, in a fixed order, that
	// deployments make differently. A hostname is its service's, and a
	// second deployment of a choice is the first one's service.
	keys := make([]choice, 0, len(cases))
	for ch := range cases {
		keys = append(keys, ch)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].env != keys[j].env {
			return keys[i].env < keys[j].env
		}
		if keys[i].flag != keys[j].flag {
			return keys[i].flag < keys[j].flag
		}
		return !keys[i].name && keys[j].name // the first argument first
	})
	taken := otherNames(svc, all)
	workloads := x.deploy.forService(svc, entryDir) // by name
	for _, ch := range keys {
		var out []*Service
		chosen := make(map[string]bool)
		for _, w := range workloads {
			sel := choose(w, ch, cases[ch])
			if w.alias || taken[norm(w.name)] || sel == nil || chosen[sel.Value] {
				continue
			}
			chosen[sel.Value] = true
			v := *svc
			v.Name, v.Run = w.name, sel
			v.Endpoints, v.Stores, v.Publishes, v.Consumes, v.DualWrites = nil, nil, nil, nil, nil
			out = append(out, &v)
		}
		if len(out) >= 2 {
			return out
		}
	}
	return []*Service{svc}
}

// otherNames are the names of the services but svc, normalized: a
// deployment named as one of them is not a deployment of svc's.
func otherNames(svc *Service, all []*Service) map[string]bool {
	taken := make(map[string]bool)
	for _, s := range all {
		if s != svc {
			taken[norm(s.Name)] = true
		}
	}
	return taken
}

// choose returns the value a workload gives a choice of main's, among
// those main compares it with, or nil.
func choose(w *workload, ch choice, vals []string) *Selector {
	if ch.flag != "" {
		v, set, known := flagIn(programArgs(w.command()), ch.flag)
		switch {
		case !known:
			return nil
		case !set:
			v = ch.def
		}
		if v = foldChoice(v, vals); contains(vals, v) {
			return &Selector{Flag: ch.flag, Value: v, Unset: !set}
		}
		return nil
	}
	if ch.env != "" {
		if v, ok := w.env[ch.env]; ok && contains(vals, foldChoice(v, vals)) {
			return &Selector{Env: ch.env, Value: foldChoice(v, vals)}
		}
		return nil
	}
	words := programArgs(w.command())
	for i, a := range words {
		if v, n := commandAt(words, i, vals); n > 0 {
			return &Selector{Value: v, Name: ch.name}
		}
		if n := programName(a); ch.name && n != "" && contains(vals, n) {
			return &Selector{Value: n, Name: true}
		}
	}
	return nil
}

// flagIn returns the value a command's words give a flag (-role=api,
// --role api; the last one, as the flag package reads them), and
// whether they set it. known is false when the words may set it in a way
// archie cannot read: none are known (the image's command is not), or a
// word after the last that sets it is a variable or runs a script
// (${ARGS}, sh -c "…").
func flagIn(words []string, flag string) (value string, set, known bool) {
	if len(words) == 0 {
		return "", false, false
	}
	known = true
	for i := 0; i < len(words); i++ {
		w := words[i]
		if strings.Contains(w, "$") || strings.HasSuffix(strings.Trim(w, `"'`), ".sh") || strings.ContainsAny(w, " ;&|") {
			known = false
			continue
		}
		name, v, hasValue := strings.Cut(strings.TrimLeft(w, "-"), "=")
		if !strings.HasPrefix(w, "-") || name != flag {
			continue
		}
		switch {
		case hasValue:
		case i+1 < len(words) && !strings.Contains(words[i+1], "$"):
			i++
			v = words[i]
		default:
			return "", false, false
		}
		value, set, known = v, true, true
	}
	if !known {
		return "", false, false
	}
	return value, set, true
}

// commandAt returns the longest of vals that the words from i spell, and
// how many words spell it: a subcommand under a subcommand is chosen by
// two words (`api serve`), and cobra lets flags stand between them (`api
// --port 8080 serve`).
func commandAt(words []string, i int, vals []string) (string, int) {
	best, n, used := "", 0, 0
	for _, v := range vals {
		path := strings.Fields(v)
		if len(path) <= n {
			continue
		}
		if k := spells(words[i:], path); k > 0 {
			best, n, used = v, len(path), k
		}
	}
	return best, used
}

// spells returns how many of words spell a command's path from the
// first: its words in order, with only flags (and a flag's value) between
// them; 0 when they do not.
func spells(words, path []string) int {
	if len(path) == 0 || len(words) == 0 || words[0] != path[0] {
		return 0
	}
	j := 1
	for _, p := range path[1:] {
		for j < len(words) && words[j] != p {
			if !strings.HasPrefix(words[j], "-") {
				return 0
			}
			j++
			if j < len(words) && !strings.Contains(words[j-1], "=") && !strings.HasPrefix(words[j], "-") && words[j] != p {
				j++ // --port 8080
			}
		}
		if j == len(words) {
			return 0
		}
		j++
	}
	return j
}

// programName returns the name a word of a command runs a program by,
// when it is a path to one (/usr/local/bin/argocd-server, ./app), else "".
func programName(word string) string {
	if !strings.Contains(word, "/") || strings.ContainsAny(word, "= ") || strings.HasPrefix(word, "-") || strings.HasSuffix(word, "/") {
		return ""
	}
	return path.Base(word)
}

// programArgs returns the words of a command that may be its program's
// arguments: those after the package of `go run [flags] PKG`, whose run
// is the go command's.
func programArgs(args []string) []string {
	if len(args) < 2 || path.Base(args[0]) != "go" || args[1] != "run" {
		return args
	}
	for i := 2; i < len(args); i++ {
		flag, _, hasValue := strings.Cut(strings.TrimLeft(args[i], "-"), "=")
		switch {
		case !strings.HasPrefix(args[i], "-"):
			return args[i+1:]
		case !hasValue && valueFlags[flag]:
			i++
		}
	}
	return nil
}

// foldChoice returns the value main compares with for a deployment's
// value: main may fold its case first (strings.ToLower).
func foldChoice(v string, cases []string) string {
	if contains(cases, v) {
		return v
	}
	for _, c := range cases {
		if strings.EqualFold(c, strings.TrimSpace(v)) {
			return c
		}
	}
	return v
}

// subcommands returns the functions each cobra subcommand runs, by the
// words that choose it: a program whose arguments choose a command (`app
// chat`, or `app api serve` for a command under a command) runs that
// command's Run alone, and the PersistentPreRun (and the like) of the
// commands above it. They are read from the commands the program's code
// builds, &cobra.Command{Use: "chat", Run: …}, and the tree its
// AddCommand calls make of them; or urfave/cli's, &cli.Command{Name:
// "chat", Action: …}, under the App or Command whose Commands (v1 and
// v2: Subcommands) hold it, with Before and After run for the commands
// under it. A command is named by its Use word (or
// an alias) after those of the commands above it, up to the root: `api
// serve`, and `serve`, since the root of the binary a deployment runs may
// itself be under another command (an all-in-one). A parent archie cannot
// name (its Use is not a constant) or cannot tell (a variable that holds
// several commands) ends the path there.
func (x *extractor) subcommands() map[string][]*ssa.Function {
	if x.subcmds != nil {
		return x.subcmds
	}
	x.subcmds = make(map[string][]*ssa.Function)
	cmds := make(map[ssa.Value]*cliCommand)
	t := &cliTree{cmds: cmds, globals: make(map[*ssa.Global][]ssa.Value), calls: make(map[*ssa.Function][]*ssa.CallCommon)}
	get := func(v ssa.Value) *cliCommand {
		c := cmds[v]
		if c == nil {
			c = &cliCommand{}
			cmds[v] = c
		}
		return c
	}
	var adds [][2]ssa.Value  // parent, child
	var nests [][2]ssa.Value // parent, a slice of children
	type kingpinAction struct {
		name string
		fn   *ssa.Function
	}
	var actions []kingpinAction
	for _, fn := range x.prog.funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch instr := instr.(type) {
				case *ssa.Store:
					if g, ok := instr.Addr.(*ssa.Global); ok && (commandLib(instr.Val.Type()) != nil || commandLib(g.Type()) != nil) {
						t.globals[g] = append(t.globals[g], instr.Val)
						continue
					}
					fa, ok := instr.Addr.(*ssa.FieldAddr)
					if !ok {
						continue
					}
					lib := commandLib(fa.X.Type())
					if lib == nil {
						continue
					}
					c := get(fa.X)
					switch f := fieldName(fa); {
					case f == lib.name:
						if u, ok := stringConst(instr.Val); ok {
							use, _, _ := strings.Cut(strings.TrimSpace(u), " ")
							c.names = append([]string{use}, c.names...)
						}
					case f == "Aliases": // []string{"s"}: another name of the command
						if sl, ok := instr.Val.(*ssa.Slice); ok {
							for _, e := range sliceElems(sl.X) {
								if a, ok := stringConst(e); ok {
									c.names = append(c.names, a)
								}
							}
						}
					case f == "ShortName": // urfave/cli v1's one alias
						if a, ok := stringConst(instr.Val); ok && a != "" {
							c.names = append(c.names, a)
						}
					case slices.Contains(lib.run, f):
						c.run = append(c.run, funcsOf(instr.Val, 0)...)
					case slices.Contains(lib.persistent, f):
						c.persistent = append(c.persistent, funcsOf(instr.Val, 0)...)
					case f == lib.children:
						nests = append(nests, [2]ssa.Value{fa.X, instr.Val})
					}
				case *ssa.Call:
					callee := instr.Call.StaticCallee()
					if callee == nil {
						continue
					}
					if slices.ContainsFunc(callee.Params, func(p *ssa.Parameter) bool { return commandLib(p.Type()) != nil }) {
						t.calls[callee] = append(t.calls[callee], &instr.Call)
					}
					// kingpin: app.Command("api", …).Action(runAPI).
					if k := calleeKey(&instr.Call); (k == kingpin+"CmdClause.Action" || k == kingpin+"CmdClause.PreAction") && len(instr.Call.Args) == 2 {
						if name, ok := kingpinCommand(instr.Call.Args[0], 0); ok {
							for _, fn := range funcsOf(instr.Call.Args[1], 0) {
								actions = append(actions, kingpinAction{name, fn})
							}
						}
					}
					if callee.Name() != "AddCommand" || len(instr.Call.Args) != 2 || !isCobraCommand(instr.Call.Args[0].Type()) {
						continue
					}
					if sl, ok := instr.Call.Args[1].(*ssa.Slice); ok {
						for _, e := range sliceElems(sl.X) {
							adds = append(adds, [2]ssa.Value{instr.Call.Args[0], e})
						}
					}
				}
			}
		}
	}
	// Commands: []*cli.Command{…}, urfave/cli's commands under a command:
	// each element, stored in the slice or built in place ([]cli.Command{{
	// Name: …}}, v1's).
	for _, n := range nests {
		for _, e := range commandElems(n[1], 0) {
			adds = append(adds, [2]ssa.Value{n[0], e})
		}
	}
	// A command whose fields are set on what a function returned (c :=
	// newServe(); c.RunE = run) is the command that function built.
	for v, c := range cmds {
		if _, ok := v.(*ssa.Alloc); ok {
			continue
		}
		if to := t.originsOf(v, 0); len(to) == 1 {
			into := cmds[to[0]]
			into.names = append(into.names, c.names...)
			into.run = append(into.run, c.run...)
			into.persistent = append(into.persistent, c.persistent...)
			delete(cmds, v)
		}
	}
	for _, a := range adds {
		parents := t.commandsOf(a[0], 0)
		for _, child := range t.commandsOf(a[1], 0) {
			for _, parent := range parents {
				if parent != child && !slices.Contains(cmds[child].parents, parent) {
					cmds[child].parents = append(cmds[child].parents, parent)
				}
			}
		}
	}
	chains := make(map[ssa.Value][][]ssa.Value)
	for v, c := range cmds {
		if len(c.names) == 0 || c.names[0] == "" {
			continue
		}
		for _, chain := range chainsTo(v, cmds, chains, nil) {
			var runs []*ssa.Function
			for _, a := range chain {
				runs = append(runs, cmds[a].persistent...)
			}
			if runs = append(runs, c.run...); len(runs) == 0 {
				continue
			}
			for _, name := range commandNames(chain, cmds) {
				for _, fn := range runs {
					if !slices.Contains(x.subcmds[name], fn) {
						x.subcmds[name] = append(x.subcmds[name], fn)
					}
				}
				if len(chain) > 1 && x.deploy != nil && !slices.Contains(x.deploy.commands, name) {
					x.deploy.commands = append(x.deploy.commands, name)
				}
			}
		}
	}
	for _, a := range actions {
		if !slices.Contains(x.subcmds[a.name], a.fn) {
			x.subcmds[a.name] = append(x.subcmds[a.name], a.fn)
		}
		if strings.Contains(a.name, " ") && x.deploy != nil && !slices.Contains(x.deploy.commands, a.name) {
			x.deploy.commands = append(x.deploy.commands, a.name)
		}
	}
	return x.subcmds
}

// A cliCommand is a command the code builds: &cobra.Command{…},
// &cli.Command{…}.
type cliCommand struct {
	names      []string // Use's first word (urfave/cli: Name), then Aliases
	run        []*ssa.Function
	persistent []*ssa.Function // its PersistentPreRun and the like, run for the commands under it too
	parents    []ssa.Value     // the commands it is added to
}

// chainsTo returns the paths of commands from a root down to v, each
// ending at v: one per parent it is added to, a few at most. A path stops
// going up at a command with no name, and at a cycle (a tree misread).
func chainsTo(v ssa.Value, cmds map[ssa.Value]*cliCommand, memo map[ssa.Value][][]ssa.Value, visiting []ssa.Value) [][]ssa.Value {
	if out, ok := memo[v]; ok {
		return out
	}
	c := cmds[v]
	var out [][]ssa.Value
	if len(c.parents) == 0 || len(visiting) > 8 {
		out = [][]ssa.Value{{v}}
	} else {
		for _, p := range c.parents {
			if slices.Contains(visiting, p) || len(cmds[p].names) == 0 || cmds[p].names[0] == "" {
				out = append(out, []ssa.Value{v})
				continue
			}
			for _, up := range chainsTo(p, cmds, memo, append(visiting, v)) {
				if len(out) < 16 {
					out = append(out, append(slices.Clip(up), v))
				}
			}
		}
	}
	memo[v] = out
	return out
}

// commandNames returns the words that choose the last command of a chain:
// a root's (the chain's only command) by its own names; a command under
// a root by the names of each tail of the chain below the root, `api
// serve` and `serve`.
func commandNames(chain []ssa.Value, cmds map[ssa.Value]*cliCommand) []string {
	if len(chain) == 1 {
		return cmds[chain[0]].names
	}
	var out []string
	for from := 1; from < len(chain); from++ {
		words := []string{""}
		for _, v := range chain[from:] {
			var next []string
			for _, pre := range words {
				for _, n := range cmds[v].names {
					if len(next) < 32 {
						next = append(next, strings.TrimSpace(pre+" "+n))
					}
				}
			}
			words = next
		}
		for _, w := range words {
			if !slices.Contains(out, w) {
				out = append(out, w)
			}
		}
	}
	return out
}

// A cliTree is what subcommands reads the tree of commands from.
type cliTree struct {
	cmds    map[ssa.Value]*cliCommand
	globals map[*ssa.Global][]ssa.Value         // what each package variable is set to
	calls   map[*ssa.Function][]*ssa.CallCommon // the static calls of each function that takes a command
}

// commandsOf returns the cobra commands a value is: one built in sight
// (its allocation, whose fields the code sets), a package variable that
// holds one (and only one: a variable the code keeps reassigning tells
// nothing), what a function that builds one returns, an element of a
// slice of them (a loop over []*cobra.Command{a, b}), or a parameter
// each caller hands one (register(root)).
func (t *cliTree) commandsOf(v ssa.Value, depth int) []ssa.Value {
	if _, ok := v.(*ssa.Alloc); ok && t.cmds[v] != nil {
		return []ssa.Value{v}
	}
	if out := t.originsOf(v, depth); len(out) > 0 || t.cmds[v] == nil {
		return out
	}
	return []ssa.Value{v}
}

// originsOf returns the commands built in sight that v comes from.
func (t *cliTree) originsOf(v ssa.Value, depth int) []ssa.Value {
	if depth > 4 {
		return nil
	}
	var out []ssa.Value
	switch v := v.(type) {
	case *ssa.UnOp:
		if v.Op != token.MUL {
			break
		}
		switch x := v.X.(type) {
		case *ssa.Global:
			if len(t.globals[x]) == 1 {
				out = t.commandsOf(t.globals[x][0], depth)
			} else if t.cmds[x] != nil && len(t.globals[x]) == 0 {
				out = []ssa.Value{x} // var serve = cli.Command{…}, built in place
			}
		case *ssa.Alloc: // a cli.Command value, copied where it is used
			if t.cmds[x] != nil {
				out = []ssa.Value{x}
			}
		case *ssa.IndexAddr: // for _, c := range []*cobra.Command{a, b}
			arr := x.X
			if sl, ok := arr.(*ssa.Slice); ok {
				arr = sl.X
			}
			if _, ok := arr.(*ssa.Alloc); ok {
				for _, e := range sliceElems(arr) {
					out = append(out, t.commandsOf(e, depth+1)...)
				}
			}
		}
	case *ssa.Call:
		out = returnsOf(v, depth, t.commandsOf)
	case *ssa.Phi:
		for _, e := range v.Edges {
			out = append(out, t.commandsOf(e, depth+1)...)
		}
	case *ssa.Parameter:
		fn := v.Parent()
		if i := slices.Index(fn.Params, v); i >= 0 {
			for _, c := range t.calls[fn] {
				if len(c.Args) == len(fn.Params) {
					out = append(out, t.commandsOf(c.Args[i], depth+1)...)
				}
			}
		}
	}
	if len(out) > 16 {
		return nil // too many to tell
	}
	return out
}

// funcsOf returns the functions a func value is: a function, a closure,
// or what a function that makes one returns (RunE: runServer(version)).
func funcsOf(v ssa.Value, depth int) []*ssa.Function {
	switch v := v.(type) {
	case *ssa.Function:
		return []*ssa.Function{v}
	case *ssa.MakeClosure:
		fn := v.Fn.(*ssa.Function)
		if m := boundMethod(fn); m != nil && m.Pkg != nil {
			return []*ssa.Function{m} // RunE: s.run, the method of s's type
		}
		return []*ssa.Function{fn}
	case *ssa.MakeInterface: // urfave/cli v1's Action is an interface{}
		return funcsOf(v.X, depth)
	case *ssa.ChangeType: // a func as cli.ActionFunc
		return funcsOf(v.X, depth)
	case *ssa.Call:
		// What the call returns, and the functions it is handed: an
		// adapter's closure (RunE: cli.WithContext(s.run)) runs them,
		// and it is every command's, s.run only this one's.
		out := returnsOf(v, depth, funcsOf)
		for _, a := range v.Call.Args {
			if _, ok := a.Type().Underlying().(*types.Signature); ok {
				out = append(out, funcsOf(a, depth+1)...)
			}
		}
		return out
	}
	return nil
}

// returnsOf applies of to what a call's static callee returns (its one
// result), a few calls deep.
func returnsOf[T any](call *ssa.Call, depth int, of func(ssa.Value, int) []T) []T {
	callee := call.Call.StaticCallee()
	if callee == nil || depth > 3 {
		return nil
	}
	var out []T
	for _, b := range callee.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && len(ret.Results) >= 1 {
			out = append(out, of(ret.Results[0], depth+1)...)
		}
	}
	return out
}

// A cliLib is a library whose programs build their commands as values:
// the fields of its command type that name a command, run it, run for
// the commands under it too, and hold the commands under it (cobra's
// are added by AddCommand instead).
type cliLib struct {
	name       string
	run        []string
	persistent []string
	children   string
}

// cliLibs are the command types of the CLI libraries, by package and
// name: cobra's, and urfave/cli's (v1 and v2 build an App whose Commands
// are the commands under it; v3's root is a Command).
var cliLibs = func() map[string]*cliLib {
	cobra := &cliLib{name: "Use", run: []string{"Run", "RunE", "PreRun", "PreRunE", "PostRun", "PostRunE"},
		persistent: []string{"PersistentPreRun", "PersistentPreRunE", "PersistentPostRun", "PersistentPostRunE"}}
	urfaveApp := &cliLib{name: "Name", run: []string{"Action"}, persistent: []string{"Before", "After"}, children: "Commands"}
	urfave := &cliLib{name: "Name", run: []string{"Action"}, persistent: []string{"Before", "After"}, children: "Subcommands"}
	return map[string]*cliLib{
		"github.com/spf13/cobra.Command":   cobra,
		"github.com/urfave/cli.App":        urfaveApp,
		"github.com/urfave/cli.Command":    urfave,
		"github.com/urfave/cli/v2.App":     urfaveApp,
		"github.com/urfave/cli/v2.Command": urfave,
		"github.com/urfave/cli/v3.Command": urfaveApp, // v3's commands under a command are its Commands
	}
}()

// commandLib returns the library of a pointer to a command, else nil.
func commandLib(t types.Type) *cliLib {
	p, ok := t.(*types.Pointer)
	if !ok {
		return nil
	}
	n, ok := p.Elem().(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return nil
	}
	return cliLibs[n.Obj().Pkg().Path()+"."+n.Obj().Name()]
}

// commandElems returns the commands of a slice of them a command's field
// is set to: each element stored in a slice literal, or built in place
// in one ([]cli.Command{{Name: …}}), or those of a function that returns
// such a slice.
func commandElems(v ssa.Value, depth int) []ssa.Value {
	switch w := v.(type) {
	case *ssa.ChangeType: // []cli.Command{…} as cli.Commands
		return commandElems(w.X, depth)
	case *ssa.Call:
		return returnsOf(w, depth, commandElems)
	case *ssa.Slice:
		out := sliceElems(w.X)
		refs := w.X.Referrers() // nil for a package variable's array
		if refs == nil {
			return out
		}
		for _, r := range *refs {
			if ia, ok := r.(*ssa.IndexAddr); ok && ia.X == w.X && commandLib(ia.Type()) != nil {
				out = append(out, ia)
			}
		}
		return out
	}
	return nil
}

func isCobraCommand(t types.Type) bool {
	p, ok := t.(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := p.Elem().(*types.Named)
	return ok && n.Obj().Name() == "Command" && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "github.com/spf13/cobra"
}

func fieldName(fa *ssa.FieldAddr) string {
	st, ok := fa.X.Type().(*types.Pointer).Elem().Underlying().(*types.Struct)
	if !ok || fa.Field >= st.NumFields() {
		return ""
	}
	return st.Field(fa.Field).Name()
}

// killFunc marks every block of fn and of its closures dead.
func killFunc(dead map[*ssa.BasicBlock]bool, fn *ssa.Function) {
	for _, b := range fn.Blocks {
		dead[b] = true
	}
	for _, anon := range fn.AnonFuncs {
		killFunc(dead, anon)
	}
}

// otherCommands returns the blocks of the subcommands sel does not choose:
// they do not run.
func (x *extractor) otherCommands(sel *Selector, dead map[*ssa.BasicBlock]bool) map[*ssa.BasicBlock]bool {
	cmds := x.subcommands()
	if sel == nil || sel.Env != "" || sel.Flag != "" || cmds[sel.Value] == nil {
		return dead
	}
	if dead == nil {
		dead = make(map[*ssa.BasicBlock]bool)
	}
	for name, runs := range cmds {
		if name != sel.Value {
			for _, fn := range runs {
				if !slices.Contains(cmds[sel.Value], fn) {
					killFunc(dead, fn)
				}
			}
		}
	}
	return dead
}

// rootCommandOnly returns the blocks of a cobra program's subcommands as
// dead when every deployment of the service runs it naming none of them:
// cobra then runs the root command alone (hatchet-admin, whose compose
// service runs it bare, never runs its seed or quickstart). The root is
// the command named as the main's folder, built by the service's own
// code. A deployment whose command archie cannot read whole (a variable
// in it, a script that runs the program), or a program that sets its own
// arguments (SetArgs), may run any of them. Only the subcommands' own
// closures die: a function the root's Run calls too stays.
func (x *extractor) rootCommandOnly(svc *Service, entryDir string, dead map[*ssa.BasicBlock]bool) map[*ssa.BasicBlock]bool {
	root := path.Base(svc.Entry)
	cmds := x.subcommands()
	own := func(fn *ssa.Function) bool { return fn.Pkg != nil && slices.Contains(svc.Packages, fn.Pkg.Pkg.Path()) }
	if x.deploy == nil || !slices.ContainsFunc(cmds[root], own) || x.setsArgs(svc) {
		return dead
	}
	var names []string
	for name, runs := range cmds {
		if name != root && slices.ContainsFunc(runs, own) {
			names = append(names, name)
		}
	}
	ws := x.deploy.forService(svc, entryDir)
	if len(names) == 0 || len(ws) == 0 {
		return dead
	}
	for _, w := range ws {
		args := w.command()
		if len(args) == 0 {
			return dead
		}
		for _, a := range programArgs(args) {
			a = x.deploy.imageExpand(w, a)
			if strings.Contains(a, "$") || strings.HasSuffix(strings.Trim(a, `"'`), ".sh") {
				return dead // ${CMD}, or an entrypoint script: what it runs is not known
			}
			for _, word := range strings.Fields(a) { // sh -c "app seed" is one word
				word = strings.Trim(word, `"';&|()<>`)
				if slices.ContainsFunc(names, func(n string) bool { first, _, _ := strings.Cut(n, " "); return first == word }) {
					return dead
				}
			}
		}
	}
	if dead == nil {
		dead = make(map[*ssa.BasicBlock]bool)
	}
	for name, runs := range cmds {
		if name == root {
			continue
		}
		for _, fn := range runs {
			// A closure is the command's own; a named function may be
			// the root's too.
			if fn.Parent() != nil && own(fn) && !slices.Contains(cmds[root], fn) {
				for _, b := range fn.Blocks {
					dead[b] = true
				}
			}
		}
	}
	return dead
}

// setsArgs reports whether the service's code sets a cobra command's
// arguments itself (root.SetArgs(…)): a bare deployment may run any
// subcommand.
func (x *extractor) setsArgs(svc *Service) bool {
	for _, fn := range x.prog.funcs {
		if fn.Pkg == nil || !slices.Contains(svc.Packages, fn.Pkg.Pkg.Path()) {
			continue
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if c, ok := instr.(ssa.CallInstruction); ok {
					if callee := c.Common().StaticCallee(); callee != nil && callee.Name() == "SetArgs" && callee.Pkg != nil && callee.Pkg.Pkg.Path() == "github.com/spf13/cobra" {
						return true
					}
				}
			}
		}
	}
	return false
}

// mainOf returns the main function of a source main package.
func (x *extractor) mainOf(path string) *ssa.Function {
	for pkg := range x.prog.source {
		if pkg.Pkg.Path() == path && pkg.Pkg.Name() == "main" {
			return pkg.Func("main")
		}
	}
	return nil
}

// unsplit reports a main that deployments run side by side under names
// of their own and with arguments or an environment of their own (loki's
// read, write and backend, each -target=…), when variants found nothing
// in main that chooses by them: it is read as one service, and what its
// deployments do to each other is not seen. The run must say so. Only
// workloads declared in one file count: a compose file for development
// beside one for production runs one service twice, not two.
func (x *extractor) unsplit(svc *Service, root string, all []*Service) (analyze.Error, bool) {
	if x.deploy == nil || svc.Declared || svc.Run != nil || svc.Entry == "" {
		return analyze.Error{}, false
	}
	taken := otherNames(svc, all)
	byFile := make(map[string][]*workload)
	var files []string
	for _, w := range x.deploy.forService(svc, x.dirs[svc.Entry]) {
		if w.alias || w.oneShot || taken[norm(w.name)] || !w.runsProgram() {
			continue
		}
		if byFile[w.file] == nil {
			files = append(files, w.file)
		}
		byFile[w.file] = append(byFile[w.file], w)
	}
	slices.Sort(files)
	for _, file := range files {
		names := make(map[string]string) // workload -> how it is run
		for _, w := range byFile[file] {
			names[w.name] = runsAs(w)
		}
		if len(names) < 2 || !differ(names) {
			continue
		}
		roles := slices.Sorted(maps.Keys(names))
		at := filepath.Join(root, filepath.FromSlash(file))
		return analyze.Error{
			NotChecked: true,
			Pos:        token.Position{Filename: at, Line: declLine(root, at, roles[0]), Column: 1},
			Msg: fmt.Sprintf("%s runs %s as %s, with arguments or environments of their own, but archie found nothing in its main that chooses by them "+
				"(it reads a choice main compares its first argument, an environment variable or a string flag with, or a cobra, urfave/cli or kingpin command): they are read as one service, %s, "+
				"so the calls and tables between them are not seen; declaring the service in archie.yaml's services: says they are one",
				file, svc.EntryDir, joinNames(roles), svc.Name),
		}, true
	}
	return analyze.Error{}, false
}

// runsProgram reports whether a workload says what it runs: an image, a
// build or a command. A Kubernetes Service of the name says none: it
// routes to pods, and runs nothing of its own.
func (w *workload) runsProgram() bool {
	return w.image != "" || len(w.args) > 0 || w.dir != "" || w.src != "" || w.dockerfile != "" || w.context != ""
}

// runsAs is how a workload runs its program: its arguments and its
// environment, as one string.
func runsAs(w *workload) string {
	var b strings.Builder
	for _, a := range programArgs(w.command()) {
		b.WriteString(a + "\x00")
	}
	for _, k := range slices.Sorted(maps.Keys(w.env)) {
		b.WriteString("\x01" + k + "=" + w.env[k])
	}
	return b.String()
}

// differ reports whether the values are not all the same.
func differ(m map[string]string) bool {
	first, set := "", false
	for _, v := range m {
		if set && v != first {
			return true
		}
		first, set = v, true
	}
	return false
}

// joinNames writes names as a list: "a, b and c".
func joinNames(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// declLine returns the line of a file that declares a workload of the
// name (a compose service's key, a manifest's name:), else 1.
func declLine(root, file, name string) int {
	data, ok := readSmall(root, file)
	if !ok {
		return 1
	}
	for i, line := range strings.Split(string(data), "\n") {
		t := strings.TrimPrefix(strings.TrimSpace(line), "- ")
		if v, ok := strings.CutPrefix(t, "name:"); ok {
			t = strings.Trim(strings.TrimSpace(v), `"'`) + ":"
		}
		if strings.Trim(strings.TrimSuffix(t, ":"), `"'`) == name && strings.HasSuffix(t, ":") {
			return i + 1
		}
	}
	return 1
}
