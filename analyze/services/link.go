package services

import (
	"go/token"
	"maps"
	"net"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/net/publicsuffix"
)

// A Message is a topic, subject, queue or task type a service publishes
// to or consumes from.
type Message struct {
	Protocol string
	Topic    string // "" when it is not static
	Evidence []Evidence
}

// A Hardcoded address is a host:port or URL of another service, written as
// a literal, that reaches a client call or a dial.
type Hardcoded struct {
	From, To string
	Address  string
	// Flag is the flag whose default the address is, when no deployment
	// sets it; "" for a literal.
	Flag string
	// Env is the environment variable, or variables comma-separated, the
	// address stands in for when the environment does not set it (the
	// code's fallback, a viper default), when no deployment sets it; ""
	// for a literal.
	Env      string
	Evidence []Evidence
}

// link turns each service's facts into edges between services: gRPC calls
// go to the service that registers the proto service, HTTP calls to the
// service their host names, messages from publishers to consumers of the
// same topic. What cannot be attributed is listed as unresolved.
func link(sys *System, found []*facts, deploy *deployment) {
	l := &linker{sys: sys, deploy: deploy, serves: make(map[string][]string), edges: make(map[string]*Edge), entryDirs: make(map[string]string)}
	for _, f := range found {
		l.listening(f)
		l.entryDirs[f.svc.Name] = f.entryDir
		f.svc.Profiles = deploy.profiles(f.svc, f.entryDir)
		f.svc.DeployedBy = deploy.deployedBy(f.svc, f.entryDir)
		f.svc.deployedAs = deploy.deployedAs(f.svc, f.entryDir)
		for _, ep := range f.svc.Endpoints {
			if ep.Protocol == "grpc" && !contains(l.serves[ep.Name], f.svc.Name) {
				l.serves[ep.Name] = append(l.serves[ep.Name], f.svc.Name)
			}
		}
	}
	// The messages first: whether two services run together (Apart)
	// reads every service's facts, messages included.
	pubs, subs := l.gather(found)
	for _, f := range found {
		for _, c := range f.calls {
			switch c.protocol {
			case "grpc":
				l.grpc(f, c)
			case "http", "rpc", "smtp", "s3":
				l.http(f, c)
			}
		}
		for _, d := range f.dials {
			for _, v := range d.targets {
				if l.fixed(f, v) {
					if to, _, ok := l.host(f, v.text); ok && to != f.svc.Name {
						l.hardcoded(f, to, v, d.ev)
					}
				}
			}
		}
	}
	l.messages(found, pubs, subs)
	// A service with no message of its own that imports a library over a
	// messaging client may send and receive through it: say so.
	for _, f := range found {
		if len(f.messages) > 0 {
			continue
		}
		for _, u := range f.unseen {
			l.unresolved(f.svc.Name, u.kind, "messages through "+u.pkg+", a library over "+u.wraps+" whose code archie does not read", u.ev)
		}
	}
	l.byRoute()
	for _, e := range l.edges {
		e.Evidence = sortEvidence(e.Evidence)
		sys.Edges = append(sys.Edges, e)
	}
	for _, h := range l.hard {
		h.Evidence = sortEvidence(h.Evidence)
	}
	sys.Hardcoded = l.hard
	sort.Slice(sys.Hardcoded, func(i, j int) bool {
		a, b := sys.Hardcoded[i], sys.Hardcoded[j]
		return a.From+"\x00"+a.To+"\x00"+a.Address < b.From+"\x00"+b.To+"\x00"+b.Address
	})
	sys.sort()
}

type linker struct {
	sys       *System
	deploy    *deployment
	serves    map[string][]string // proto service -> Go services registering it
	edges     map[string]*Edge
	hard      []*Hardcoded
	entryDirs map[string]string
	// onPort are the services that run on the machine itself (no
	// workload runs them) by the ports they listen on.
	onPort map[string][]string
	// deploys counts the services each deployment file runs (stacked).
	deploys map[string]int
	// hostUnread are the unresolved HTTP calls no part of whose host
	// archie read: byRoute may place them by their paths.
	hostUnread map[Evidence]bool
}

func (l *linker) edge(from, to, kind, protocol, target, topic string, known bool, ev ...Evidence) *Edge {
	e := &Edge{From: from, To: to, Kind: kind, Protocol: protocol, Target: target, Topic: topic, Known: known}
	if l.sys.Apart(l.sys.Service(from), l.sys.Service(to)) {
		return e // never deployed together: the callee is another's
	}
	if old := l.edges[e.key()]; old != nil {
		e = old
	} else {
		l.edges[e.key()] = e
	}
	e.Evidence = append(e.Evidence, ev...)
	return e
}

func (l *linker) unresolved(from, protocol, target string, ev Evidence) {
	for _, u := range l.sys.Unresolved {
		if u.From == from && u.Protocol == protocol && u.Target == target {
			u.Evidence = sortEvidence(append(u.Evidence, ev))
			return
		}
	}
	l.sys.Unresolved = append(l.sys.Unresolved, &Unresolved{From: from, Protocol: protocol, Target: target, Evidence: []Evidence{ev}})
}

// fixed reports whether an address is fixed in the code: written as a
// literal that is no environment variable's fallback a deployment sets
// (or binds to a ConfigMap's or Secret's key an operator may set),
// or a flag's default that no deployment of the service overrides. A flag
// nothing deploys says nothing: it may be set by hand.
func (l *linker) fixed(f *facts, v value) bool {
	if v.lit {
		// The fallback of an environment variable a deployment sets for
		// the service, or that a template of the service's archie cannot
		// render sets, is not fixed when it names the host: the
		// deployment decides. A fallback scheme leaves the host fixed.
		if v.fallbackOf != "" && l.deploy != nil && fallbackHost(v) {
			// Variables an env_file or a ConfigMap archie does not have
			// may set: the deployment may decide.
			if l.deploy.envFiles(f.svc, f.entryDir) {
				return false
			}
			for _, k := range strings.Split(v.fallbackOf, ",") {
				if _, set := l.deploy.env(f.svc, f.entryDir, k); set || l.deploy.templateSets(f.svc, f.entryDir, k) || l.deploy.binds(f.svc, f.entryDir, k) {
					return false
				}
				if _, _, set := l.deploy.imageEnv(f.svc, f.entryDir, k); set {
					return false
				}
			}
		}
		return true
	}
	if v.flag == "" || l.deploy == nil || len(l.deploy.forService(f.svc, f.entryDir)) == 0 {
		return false
	}
	return !l.deploy.setsFlags(f.svc, f.entryDir, v.flag)
}

// overridden reports whether a value is the fallback of an environment
// variable every deployment of the service sets (a tag's default, or the
// code's if v := os.Getenv(K); v != "" {…} return "…"): their values are
// the ones used, and the fallback no address the service calls. One
// deployment that leaves it unset (Kubernetes beside compose) runs with
// the fallback; so may a workload several files run (compose's and a
// manifest's of one name), whichever of them set it. A Service in a file
// beside its Deployment's runs nothing.
func (l *linker) overridden(f *facts, v value) bool {
	if v.fallbackOf == "" || l.deploy == nil {
		return false
	}
	ws := l.deploy.forService(f.svc, f.entryDir)
	for _, w := range ws {
		set := false
		for _, k := range strings.Split(v.fallbackOf, ",") {
			_, ok := w.env[k]
			set = set || ok
		}
		if !set || len(w.runBy) > 1 {
			return false
		}
	}
	return len(ws) > 0
}

// unsetBeside reports whether a value is an environment variable that
// every workload of the service leaves unset, while another of the
// call's values is that variable's fallback: the fallback is the address
// used (viper's AutomaticEnv puts a variable over each key the files or
// defaults give). A service no workload runs may be given the variable
// by hand, and keeps it.
func (l *linker) unsetBeside(f *facts, v value, all []value) bool {
	if len(v.env) != 1 || l.deploy == nil {
		return false
	}
	k := v.env[0]
	if !slices.ContainsFunc(all, func(o value) bool { return slices.Contains(strings.Split(o.fallbackOf, ","), k) }) {
		return false
	}
	if len(l.deploy.forService(f.svc, f.entryDir)) == 0 {
		return false
	}
	// Set where archie does not look (an env_file, a ConfigMap it does
	// not have) or in the image (a Dockerfile's ENV), it may be used.
	if l.deploy.envFiles(f.svc, f.entryDir) {
		return false
	}
	if _, _, ok := l.deploy.imageEnv(f.svc, f.entryDir, k); ok {
		return false
	}
	_, set := l.deploy.env(f.svc, f.entryDir, k)
	return !set && !l.deploy.templateSets(f.svc, f.entryDir, k) && !l.deploy.binds(f.svc, f.entryDir, k)
}

// setsFlag reports whether a command's words set a flag: -name, --name,
// -name=…, --name=…, or with short its shorthand (flagNames): -t, -t=…,
// -tvalue. A shorthand is a letter any other program's words have (go
// build -o, docker build -t): it is read only in the service's own
// command.
func setsFlag(args []string, flag string, short bool) bool {
	for _, arg := range args {
		// sh -c "app -addr=x" is one word of many.
		for _, a := range strings.Fields(arg) {
			if _, ok := flagWord(strings.Trim(a, `"'`), flag, short); ok {
				return true
			}
		}
	}
	return false
}

// flagWord reads one word of a command as a setting of flag (a marker,
// "topic|t"): the value it gives after "=", or after a shorthand's
// letter (-tvalue), else "" for the next word to give; ok is false for a
// word that does not set it.
func flagWord(w, flag string, short bool) (val string, ok bool) {
	if !strings.HasPrefix(w, "-") {
		return "", false
	}
	dashes := len(w) - len(strings.TrimLeft(w, "-"))
	w = w[dashes:]
	names := flagNames(flag)
	for i, name := range names {
		if i > 0 && (!short || dashes != 1) {
			continue // a shorthand takes one dash, and only in the service's command
		}
		if v, found := strings.CutPrefix(w, name+"="); found {
			return v, true
		}
		if w == name {
			return "", true
		}
		if i > 0 && len(name) == 1 && strings.HasPrefix(w, name) && !strings.HasPrefix(w, names[0]) {
			return w[1:], true // -tvalue, not -topic
		}
	}
	return "", false
}

func (l *linker) hardcoded(f *facts, to string, v value, ev Evidence) {
	if l.sys.Apart(f.svc, l.sys.Service(to)) {
		return // the address names a service never deployed beside it
	}
	addr, flag, env := v.text, "", ""
	switch {
	case !v.lit:
		flag = shownFlags(v.flag)
	case v.fallbackOf != "" && fallbackHost(v):
		// The variable would give the host; a fallback of the scheme
		// alone leaves the host written in the code.
		env = v.fallbackOf
	}
	for _, h := range l.hard {
		if h.From == f.svc.Name && h.To == to && h.Address == addr && h.Flag == flag && h.Env == env {
			h.Evidence = append(h.Evidence, ev)
			return
		}
	}
	ev.Literal = addr
	l.hard = append(l.hard, &Hardcoded{From: f.svc.Name, To: to, Address: addr, Flag: flag, Env: env, Evidence: []Evidence{ev}})
}

func (l *linker) grpc(f *facts, c *call) {
	if c.proto == "" {
		l.unresolved(f.svc.Name, "grpc", "a gRPC client whose proto service archie could not read", c.ev)
		return
	}
	to := l.deployedFirst(f.svc, l.serves[c.proto])
	if !infrastructureProto(c.proto) {
		to = l.besideFirst(f.svc, to)
	}
	if len(to) > 0 {
		if infrastructureProto(c.proto) && (len(to) > 1 || contains(to, f.svc.Name)) {
			// Every gRPC server may serve it: the call goes where its
			// connection dials, when that names one of them (the
			// caller's own health check of a peer among them).
			if t, ok := l.dialed(f, c, to); ok {
				l.edge(f.svc.Name, t, "sync", "grpc", c.proto, "", true, c.ev)
				return
			}
			l.unresolved(f.svc.Name, "grpc", c.proto+", which several services serve", c.ev)
			return
		}
		ambiguous := ""
		if contains(to, f.svc.Name) {
			// A proxy or a peer: it serves the API it calls, so the call
			// may well go to another instance of its own kind.
			ambiguous = f.svc.Name + " serves " + c.proto + " too"
		} else if a, b, ok := l.alternatives(f.svc, to); ok {
			// A caller deployed beside neither, or beside both, of two
			// servers that never run together: the call goes to
			// whichever is deployed.
			ambiguous = a + " and " + b + " both serve " + c.proto + " and never run together"
		}
		for _, t := range to {
			if t != f.svc.Name { // a service calling itself is not an edge between services
				if e := l.edge(f.svc.Name, t, "sync", "grpc", c.proto, "", true, c.ev); ambiguous != "" {
					e.Ambiguous = ambiguous
				}
			}
		}
		return
	}
	if infrastructureProto(c.proto) {
		// A library registers it (grpc/health's server), unseen: the
		// service the connection dials serves it.
		if t, ok := l.dialed(f, c, nil); ok {
			l.edge(f.svc.Name, t, "sync", "grpc", c.proto, "", true, c.ev)
			return
		}
	}
	short := c.proto[strings.LastIndexByte(c.proto, '.')+1:]
	if to, known, ok := l.name(short); ok {
		l.edge(f.svc.Name, to, "sync", "grpc", c.proto, "", known, c.ev)
		return
	}
	l.unresolved(f.svc.Name, "grpc", c.proto, c.ev)
}

// dialed returns the one service among to (any, when to is nil) that
// the targets of a call's connection name (grpc.NewClient("users:50051")),
// other than the caller; ok is false where they name none, or several.
func (l *linker) dialed(f *facts, c *call, to []string) (string, bool) {
	found := ""
	for _, v := range c.targets {
		t, known, ok := l.host(f, v.text)
		if !ok || !known || t == f.svc.Name || to != nil && !contains(to, t) || found != "" && found != t || l.sys.Apart(f.svc, l.sys.Service(t)) {
			return "", false
		}
		found = t
	}
	return found, found != ""
}

// infrastructureProto reports whether a gRPC service is one that servers
// register beside their own API (health checks, reflection, channelz):
// its name says nothing of which server a call reaches.
func infrastructureProto(name string) bool {
	switch name {
	case "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection", "grpc.channelz.v1.Channelz":
		return true
	}
	return false
}

// deployedFirst narrows the services that serve a call made by a
// deployed service to those some deployment file runs, when there are
// any: an example, a tutorial's copy or an all-in-one test binary that
// serves the same API is not where the deployed caller's call goes. The
// caller stays among them, to be seen calling itself.
func (l *linker) deployedFirst(caller *Service, to []string) []string {
	if len(caller.DeployedBy) == 0 && len(caller.Profiles) == 0 {
		return to
	}
	var out []string
	for _, t := range to {
		if s := l.sys.Service(t); t == caller.Name || s != nil && (len(s.DeployedBy) > 0 || len(s.Profiles) > 0) {
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		return to // none is deployed: any may be the callee
	}
	return out
}

// besideFirst narrows the services that serve a call further where every
// file that deploys the caller is a compose file (or a Dapr run file) that
// starts other services beside it, on a network of its own: a server
// deployed only where the caller is not is not where its call goes, while
// another server runs beside the caller. jaeger's agent, deployed beside
// the collector, asks the collector for sampling strategies, not the v2
// binary that serves the same API in other compose files. A caller
// deployed alone, or by Kubernetes manifests (one cluster, whatever the
// file), says nothing of where its call goes; nor does the caller's own
// serving of the API (a proxy forwards to another stack's server); a
// server deployed nowhere is left to deployedFirst.
func (l *linker) besideFirst(caller *Service, to []string) []string {
	if !l.stacked(caller) {
		return to
	}
	var out []string
	near := false
	for _, t := range to {
		s := l.sys.Service(t)
		switch {
		case t == caller.Name:
		case s != nil && together(caller, s):
			near = true
		case s != nil && len(s.DeployedBy) > 0:
			continue // deployed only where the caller is not
		}
		out = append(out, t)
	}
	if !near {
		return to
	}
	return out
}

// stacked reports whether a service is deployed, each time, by a compose
// file (or a Dapr run file) that starts another service too.
func (l *linker) stacked(svc *Service) bool {
	if len(svc.DeployedBy) == 0 || l.deploy == nil {
		return false
	}
	if l.deploys == nil {
		l.deploys = make(map[string]int)
		for _, s := range l.sys.Services {
			for _, file := range s.DeployedBy {
				l.deploys[file]++
			}
		}
	}
	for _, file := range svc.DeployedBy {
		if !l.deploy.stacks[file] || l.deploys[file] < 2 {
			return false
		}
	}
	return true
}

// together reports whether a deployment file runs both services, in
// profiles that meet.
func together(a, b *Service) bool {
	return len(a.DeployedBy) > 0 && len(b.DeployedBy) > 0 && !disjoint(a.DeployedBy, b.DeployedBy) && !disjoint(a.Profiles, b.Profiles)
}

// alternatives returns two of the services that serve a call and are
// apart from each other, though neither is apart from the caller.
func (l *linker) alternatives(caller *Service, to []string) (string, string, bool) {
	var cands []*Service
	for _, t := range to {
		if s := l.sys.Service(t); s != nil && t != caller.Name && !l.sys.Apart(caller, s) {
			cands = append(cands, s)
		}
	}
	for i, a := range cands {
		for _, b := range cands[i+1:] {
			if l.sys.Apart(a, b) {
				return a.Name, b.Name, true
			}
		}
	}
	return "", "", false
}

// http links a call to the service its URL's host names: an HTTP call,
// or a net/rpc call to the address its client dialled.
func (l *linker) http(f *facts, c *call) {
	if len(c.targets) == 0 {
		l.unresolved(f.svc.Name, c.protocol, unfollowed(c.protocol), c.ev)
		return
	}
	for _, v := range c.targets {
		texts, unread, keep := l.deploy.passed(f.svc, f.entryDir, v)
		for _, text := range texts {
			l.httpTarget(f, c, value{text: redact(text)}, c.targets) // a URL's password is used, never shown
		}
		if unread {
			l.unresolved(f.svc.Name, c.protocol, "flag -"+shownFlags(v.flag)+" the deployment passes", c.ev)
		}
		if !keep {
			continue
		}
		l.httpTarget(f, c, v, c.targets)
	}
}

// httpTarget links a call to the service one of its addresses names.
func (l *linker) httpTarget(f *facts, c *call, v value, all []value) {
	if l.overridden(f, v) {
		return // the deployment sets the variable this stands in for
	}
	if l.unsetBeside(f, v, all) {
		return // the deployment leaves it unset: the fallback beside it is used
	}
	to, known, ok := l.host(f, v.text)
	if h := hostOf(l.expand(f, v.text)); !ok && l.outside(h) {
		// A system on the internet: named by its host, and kept out of
		// the unresolved targets, which are the calls archie could not
		// place.
		ev := c.ev
		ev.Method = strings.TrimSpace(c.method + " " + urlPath(v.text))
		e := l.edge(f.svc.Name, strings.ToLower(strings.TrimSuffix(h, ".")), "sync", c.protocol, redact(v.text), "", false, ev)
		e.External, e.Infrastructure = true, sink(c.protocol)
		return
	}
	if !ok {
		target := v.text
		switch {
		case len(v.env) > 0:
			target = "env " + strings.Join(v.env, ", ")
		case target == "":
			// An empty default (a flag's "") names no URL at all.
			target = unfollowed(c.protocol)
		}
		// The path stays with the call: another repository's facts
		// may say which service serves it, and, where no part of the
		// host was read, this repository's routes (byRoute).
		ev := c.ev
		if p := urlPath(v.text); strings.HasPrefix(p, "/") {
			ev.Method = strings.TrimSpace(c.method + " " + p)
		}
		if unknownHost(v.text) {
			if l.hostUnread == nil {
				l.hostUnread = make(map[Evidence]bool)
			}
			l.hostUnread[ev] = true
		}
		l.unresolved(f.svc.Name, c.protocol, target, ev)
		return
	}
	if to == f.svc.Name {
		return // a service calling itself is not an edge between services
	}
	ev := c.ev
	ev.Method = strings.TrimSpace(c.method + " " + urlPath(v.text))
	// A mail relay or an object store at a literal host is
	// configuration, not a service reached by its address; so is the
	// system's own public name, which its Ingress routes.
	if l.fixed(f, v) && !sink(c.protocol) && !l.ingressHost(v.text) {
		l.hardcoded(f, to, v, c.ev)
	}
	e := l.edge(f.svc.Name, to, "sync", c.protocol, v.text, "", known, ev)
	e.Infrastructure = e.Infrastructure || !known && l.infrastructure(to) || sink(c.protocol)
}

// passed returns the texts a value takes where it holds a flag's default
// and the workloads that run the service pass the flag: the value passed
// in the default's place, whether some value passed is one archie cannot
// read, and whether the value as it is (the default) still runs
// somewhere, a workload leaving the flag unset. A value that holds no
// default archie can place is kept as it is.
func (d *deployment) passed(svc *Service, entryDir string, v value) (texts []string, unread, keep bool) {
	if _, ok := v.withFlag(""); !ok {
		return nil, false, true
	}
	vals, every := d.passedFlag(svc, entryDir, v.flag)
	for _, p := range vals {
		if p == "" {
			unread = true
			continue
		}
		text, _ := v.withFlag(p)
		texts = append(texts, text)
	}
	return texts, unread, !every
}

// passedFlag returns the values the workloads that run a service pass
// one of its flags (-name=v, --name=v, -name v; "" for a value archie
// cannot tell), and whether every one of them passes it.
func (d *deployment) passedFlag(svc *Service, entryDir, name string) (vals []string, every bool) {
	if d == nil {
		return nil, false
	}
	ws := d.forService(svc, entryDir)
	// A chart archie does not render may deploy it without the flag.
	every = len(ws) > 0 && d.helmDeployed(svc) == ""
	for _, w := range ws {
		args := w.args
		if len(w.ownArgs) > 0 {
			args = w.ownArgs // the pod's own container's, not a sidecar's
		} else if w.containers() > 1 {
			every = false // which container is the service's is not known
			continue
		}
		v, ok := flagValue(args, name, w.kubeVars)
		if !ok || len(w.runBy) > 1 {
			// A workload several files run (compose's and a
			// manifest's of one name) may run without it in one; a
			// Service beside a Deployment runs nothing.
			every = false
		}
		if ok && !slices.Contains(vals, v) {
			vals = append(vals, v)
		}
	}
	return vals, every
}

// flagValue returns the value a command gives a flag, and whether it sets
// it; "" when it sets it with a value archie cannot tell. The last setting
// counts, as the flag packages keep it. A shell's -c line runs the
// program as its last command (after a wait or a migration, whose flags
// are their own). A word of an exec-form list is one argument, spaces
// and all.
func flagValue(args []string, name string, expand func(string) string) (string, bool) {
	words := lastCommand(programArgs(args))
	val, set := "", false
	for i, w := range words {
		w = strings.Trim(w, `"'`)
		if !strings.HasPrefix(w, "-") {
			continue
		}
		v, ok := flagWord(w, name, true)
		if !ok {
			continue
		}
		val, set = strings.Trim(v, `"'`), true
		if v == "" && !strings.Contains(w, "=") && i+1 < len(words) && !strings.HasPrefix(words[i+1], "-") {
			val = strings.Trim(words[i+1], `"'`)
		}
	}
	if expand != nil {
		val = expand(val)
	}
	if strings.ContainsAny(val, " \t{}$") {
		// A template's, a script's, or a variable the container's
		// environment or shell fills ($(DB_URL), $DB_URL) that archie
		// cannot: not a value.
		val = ""
	}
	return val, set
}

// positionalArgs returns the arguments the flag package leaves a program
// after its flags (flag.Args()) in the words a workload runs it with
// (grafana/tns: `command: [-log.level=debug, http://db]`), and whether
// they are all of them, in order, so that flag.Arg(i) is the i-th. A
// first word that is neither a flag nor an address is the program (an
// image's /app, a compose command's orders) and is dropped; only a path
// says so for sure: `serve http://db` run by an image's entrypoint has
// serve for its first argument. ok is false where the words do not tell
// the arguments from a flag's value: in `-v x`, x is -v's value, or the
// first argument when -v is a boolean flag. program is the word dropped.
//
// A program in front of the service's (tini --, wait-for-it.sh host --,
// an entrypoint script handed the binary) makes the words another
// program's: a word that is a path of a program (/app) among the
// arguments, or a script for the program, gives up. So do flags after
// an argument, which the flag package leaves as arguments: a program
// whose words read so parses a subcommand's flags itself.
func positionalArgs(args []string) (pos []string, program string, inOrder, ok bool) {
	for i := 1; i+1 < len(args); i++ {
		if shells[path.Base(args[i])] && args[i+1] == "-c" && !shells[path.Base(args[0])] && args[0] != "env" {
			return nil, "", false, false // /app sh -c "…": the shell is the program's argument
		}
	}
	_, words := leadingAssigns(lastCommand(args)) // env GODEBUG=… /app
	rest := programArgs(words)                    // go run's words: its program's arguments only
	if len(rest) < len(words) {
		for len(rest) > 0 && strings.HasSuffix(rest[0], ".go") {
			rest = rest[1:] // go run main.go helper.go ARGS
		}
	}
	inOrder = true
	if len(rest) == len(words) && len(rest) > 0 && !strings.HasPrefix(rest[0], "-") && !isAddress(rest[0]) {
		program, inOrder = rest[0], strings.Contains(rest[0], "/")
		rest = rest[1:]
	}
	if strings.HasSuffix(program, ".sh") || shellUtilities[path.Base(program)] {
		return nil, program, false, false // a script's, or a shell line's last command not the service's
	}
	for i, w := range rest {
		switch {
		case w == "--":
			pos = rest[i+1:]
		case w == "-" || !strings.HasPrefix(w, "-"):
			pos = rest[i:]
		case !strings.Contains(w, "=") && i+1 < len(rest) && !strings.HasPrefix(rest[i+1], "-"):
			return nil, program, false, false
		default:
			continue
		}
		break
	}
	for _, w := range pos {
		if strings.HasPrefix(w, "-") || isProgramPath(w) {
			return nil, program, false, false
		}
	}
	return pos, program, inOrder, true
}

// shells are the programs whose -c line lastCommand reads.
var shells = map[string]bool{"sh": true, "bash": true, "ash": true, "dash": true, "zsh": true}

// shellUtilities are programs a shell line runs after the service's, or
// instead of it (sh -c "/app http://db && echo done").
var shellUtilities = map[string]bool{
	"echo": true, "printf": true, "tee": true, "cat": true, "sleep": true, "true": true, "false": true,
	"exit": true, "wait": true, "test": true, "[": true, "ls": true, "sh": true, "bash": true,
}

// isProgramPath reports whether a command's word may be a program's path
// (/app, ./bin/orders): a path that is no address.
func isProgramPath(word string) bool {
	return (strings.HasPrefix(word, "/") || strings.HasPrefix(word, "./")) && !isAddress(word)
}

// isAddress reports whether a command's word is an address, never a
// program: a URL (http://db) or a host and port (db:5432).
func isAddress(word string) bool {
	if strings.Contains(word, "://") {
		return true
	}
	host, port, ok := strings.Cut(word, ":")
	if !ok || host == "" || port == "" || strings.ContainsAny(host, "/= ") {
		return false
	}
	_, err := strconv.Atoi(port)
	return err == nil
}

// kubeVar is a Kubernetes container's reference to one of its variables
// in its command and args.
var kubeVar = regexp.MustCompile(`\$\([A-Za-z_][A-Za-z0-9_]*\)`)

// kubeVars expands what a Kubernetes container's args name of its own
// variables (--db=$(DATABASE_URL)) with the values its manifest gives
// them, as the kubelet does; a Secret's value, one archie does not have,
// an escaped $$(NAME) and any in a pod of several containers stay as
// written. Compose expands no container variable in a command.
func (w *workload) kubeVars(s string) string {
	if w.compose || !strings.Contains(s, "$(") || strings.Contains(s, "$$(") || w.containers() > 1 {
		// The pod's variables are kept together: which are the
		// service's container's own, that the kubelet expands from, is
		// not known where it runs beside a sidecar.
		return s
	}
	return kubeVar.ReplaceAllStringFunc(s, func(ref string) string {
		name := ref[2 : len(ref)-1]
		if _, secret := w.secret[name]; secret {
			return ref
		}
		if v, ok := w.env[name]; ok && !strings.Contains(v, "$") {
			return v
		}
		return ref
	})
}

// lastCommand returns the words of the command a shell's -c line runs
// last (exec'd), or the words as they are when they are no shell's.
func lastCommand(words []string) []string {
	for i := 1; i+1 < len(words); i++ {
		if !shells[path.Base(words[i-1])] || words[i] != "-c" {
			continue
		}
		cmds := shellCommands(words[i+1])
		if len(cmds) == 0 {
			return nil
		}
		last := cmds[len(cmds)-1]
		if len(last) > 0 && last[0] == "exec" {
			last = last[1:]
		}
		return last
	}
	return words
}

// infrastructure reports whether a callee with no Go code here is a
// workload that runs a third-party image that keeps or takes data
// (elasticsearch, vault, minio, a broker, a telemetry collector), not
// one built from the repository, nor a proxy or an identity provider
// a request passes through.
func (l *linker) infrastructure(name string) bool {
	if l.deploy == nil {
		return false
	}
	w := l.deploy.workloads[name]
	if w == nil || w.dir != "" || w.src != "" || w.dockerfile != "" || w.context != "" || !infrastructureImage(w.image) || hopImage(w.image) {
		return false
	}
	// An image of that name the repository builds, or a folder of its
	// name holding a service (acme's vault/cmd/server, pushed as
	// ghcr.io/acme/vault), is the repository's own.
	df, _ := l.deploy.imageBuild(w.image)
	return df == "" && l.belowFolder([]string{name}) == ""
}

var envRef = regexp.MustCompile(`\$\{([^}]+)\}`)

// host resolves the host of an address or URL to a service: through the
// caller's deployment environment for ${KEY} parts, then by name.
func (l *linker) host(f *facts, addr string) (to string, known, ok bool) {
	expanded := l.expand(f, addr)
	h := hostOf(expanded)
	if m := envRef.FindStringSubmatch(h); m != nil {
		return l.envName(m[1])
	}
	if h == "" || strings.Contains(h, "…") {
		return "", false, false
	}
	if publicHost(h) {
		h = strings.ToLower(strings.TrimSuffix(h, "."))
		if to, known, ok := l.exactly(h); ok {
			return to, known, ok
		}
		if _, ok := l.deploy.ingress[h]; ok {
			// The system's own public name: where its Ingress sends
			// the call's path, or nothing archie can tell.
			return l.ingressed(h, urlPath(expanded))
		}
		// api.stripe.com is no service named api; orders.prod is
		// Kubernetes' name of orders in namespace prod, whatever the
		// registry of top-level domains says of prod.
		if !l.cluster(h) && strings.Count(h, ".") > 1 {
			return "", false, false
		}
	}
	if to := l.local(f, h, expanded); to != "" {
		return to, true, true
	}
	return l.name(h)
}

// listening records the ports a service that no workload runs listens
// on: run on the machine itself (go run, with its .env), it is what
// localhost:PORT reaches there.
func (l *linker) listening(f *facts) {
	if len(f.listens) == 0 || len(l.deploy.forService(f.svc, f.entryDir)) > 0 {
		return
	}
	for _, v := range f.listens {
		addr := l.expand(f, v.text)
		if v.fallbackOf != "" {
			if val, ok := l.deploy.env(f.svc, f.entryDir, v.fallbackOf); ok {
				addr = ":" + val
			}
		}
		if port := portOf(addr); port != "" && !slices.Contains(l.onPort[port], f.svc.Name) {
			if l.onPort == nil {
				l.onPort = make(map[string][]string)
			}
			l.onPort[port] = append(l.onPort[port], f.svc.Name)
		}
	}
}

// local returns the service a call to localhost:PORT reaches: the one
// other service on the machine that listens on PORT, when no workload
// runs the caller either.
func (l *linker) local(f *facts, host, addr string) string {
	if !loopbackHost(host) {
		return ""
	}
	port := portOf(addr)
	if port == "" || len(l.deploy.forService(f.svc, f.entryDir)) > 0 {
		return ""
	}
	if svcs := l.onPort[port]; len(svcs) == 1 && svcs[0] != f.svc.Name {
		return svcs[0]
	}
	return ""
}

// unfollowed names a call's target that archie could not follow: a URL
// for HTTP, an address for a mail relay or an object store.
func unfollowed(protocol string) string {
	if sink(protocol) {
		return "an address archie could not follow"
	}
	return "a URL archie could not follow"
}

// sink reports whether a protocol hands data to a store or relay rather
// than asking a service: mail sent to an SMTP relay, objects put in an
// S3 store. Such a call is data access, no hop of a chain.
func sink(protocol string) bool { return protocol == "smtp" || protocol == "s3" }

// publicHost reports whether a host is a name on the internet: one below
// a public suffix (api.stripe.com, fcm.googleapis.com), not a cluster's
// (orders.default.svc.cluster.local), a private network's (db.internal,
// vault.service.consul), an address, or a documentation example's.
func publicHost(h string) bool {
	h = strings.ToLower(strings.TrimSuffix(h, "."))
	if cloudMetadata[h] {
		return true // the platform's, outside the system whatever its name
	}
	if !strings.Contains(h, ".") || net.ParseIP(h) != nil {
		return false
	}
	for _, r := range h {
		// A DNS name's letters, digits and hyphens, IDN's letters too:
		// no placeholder, template, control or formatting character.
		if !(r == '.' || r == '-' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 0x7f && (unicode.IsLetter(r) || unicode.IsDigit(r))) {
			return false
		}
	}
	suffix, icann := publicsuffix.PublicSuffix(h)
	if !icann && !strings.Contains(suffix, ".") {
		return false // a suffix of no registry (local, svc, internal)
	}
	if suffix == h {
		// A cloud's endpoint the list holds as a suffix its customers'
		// names go below (s3.amazonaws.com) is a host; com and co.uk
		// are not.
		return !icann && strings.Count(h, ".") > 1
	}
	site, err := publicsuffix.EffectiveTLDPlusOne(h)
	if err != nil {
		return false
	}
	switch site {
	case "example.com", "example.net", "example.org":
		return false // RFC 2606's, written where the real host is set
	}
	return true
}

// cloudMetadata are the clouds' instance metadata services (GCP's name,
// the link-local address AWS, Azure and others answer on), which a
// service asks for its region or credentials: an outside endpoint, not
// a private host of the system's.
var cloudMetadata = map[string]bool{"metadata.google.internal": true, "169.254.169.254": true}

// exactly returns the service or workload a public host names whole: a
// compose service's hostname or network alias may be a domain.
func (l *linker) exactly(h string) (to string, known, ok bool) {
	for _, svc := range l.sys.Services {
		if strings.EqualFold(svc.Name, h) {
			return svc.Name, true, true
		}
	}
	for _, n := range slices.Sorted(maps.Keys(l.deploy.workloads)) {
		if strings.EqualFold(n, h) {
			return l.workloadService(n, []string{norm(n)})
		}
	}
	return "", false, false
}

// outside reports whether a host is a system on the internet, outside the
// one analysed: a public name that is not the cluster's, nor of the
// system's own domain, nor one its Ingresses route.
func (l *linker) outside(h string) bool {
	if !publicHost(h) {
		return false
	}
	h = strings.ToLower(strings.TrimSuffix(h, "."))
	if _, ok := l.deploy.ingress[h]; ok {
		return false
	}
	return !l.cluster(h) && !l.ownDomain(h)
}

// ingressHost reports whether an address is at a host the system's
// Ingresses route.
func (l *linker) ingressHost(addr string) bool {
	_, ok := l.deploy.ingress[strings.ToLower(strings.TrimSuffix(hostOf(addr), "."))]
	return ok
}

// cluster reports whether a host has the shape of a name in a namespace
// the manifests name: a Service's (orders.prod) or one of its pods'
// (search-0.search.data, search being a workload here). api.clerk.dev is
// not, though the manifests deploy into dev.
func (l *linker) cluster(h string) bool {
	labels := strings.Split(h, ".")
	if l.deploy == nil || !l.deploy.namespaces[labels[len(labels)-1]] {
		return false
	}
	switch len(labels) {
	case 2:
		return true
	case 3:
		return l.sys.Service(labels[1]) != nil || l.deploy.workloads[labels[1]] != nil
	}
	return false
}

// ownDomain reports whether a host is in a domain the system's Ingresses
// serve (orders.myshop.com beside api.myshop.com): not outside, but not
// known to go to any service either.
func (l *linker) ownDomain(h string) bool {
	if l.deploy == nil || len(l.deploy.ingress) == 0 {
		return false
	}
	site, err := publicsuffix.EffectiveTLDPlusOne(h)
	if err != nil {
		return false
	}
	for in := range l.deploy.ingress {
		if s, err := publicsuffix.EffectiveTLDPlusOne(strings.TrimPrefix(in, "*.")); err == nil && s == site {
			return true
		}
	}
	return false
}

// ingressed returns the service an Ingress routes a call to a host and
// path to: the route of the longest path that starts the call's, when
// that route names one Service or workload archie knows.
func (l *linker) ingressed(h, path string) (to string, known, ok bool) {
	best, names := -1, []string(nil)
	for _, r := range l.deploy.ingress[h] {
		p := strings.TrimSuffix(r.path, "/")
		if !strings.HasPrefix(path, p) || len(path) > len(p) && p != "" && path[len(p)] != '/' {
			continue
		}
		switch {
		case len(p) > best:
			best, names = len(p), []string{r.to}
		case len(p) == best && !slices.Contains(names, r.to):
			names = append(names, r.to)
		}
	}
	if len(names) != 1 || names[0] == "" {
		return "", false, false
	}
	return l.name(names[0])
}

// portOf returns the port of a URL or host:port, when it is a number.
func portOf(addr string) string {
	s := addr
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
	}
	if i := strings.IndexAny(s, "/?"); i >= 0 {
		s = s[:i]
	}
	if at := strings.LastIndexByte(s, '@'); at >= 0 {
		s = s[at+1:]
	}
	_, port, err := net.SplitHostPort(s)
	if err != nil || port == "" || strings.Trim(port, "0123456789") != "" {
		return ""
	}
	return port
}

// expand fills an address's ${KEY} parts with the values the service's
// deployment gives them.
func (l *linker) expand(f *facts, addr string) string {
	return envRef.ReplaceAllStringFunc(addr, func(ref string) string {
		if v, found := l.deploy.env(f.svc, f.entryDir, ref[2:len(ref)-1]); found {
			return v
		}
		return ref
	})
}

// fallbackHost reports whether the fallback of a value stands where its
// host is: it names the same host, and, where archie knows where in the
// address it stands, it covers the host's start ("http://core:8080" of
// "http://core:8080/v1", or "core:8080" after "http://"); not a part of
// the path that reads as the host ("core" of "http://core:8080/core").
func fallbackHost(v value) bool {
	part := v.fallbackText
	if part == "" || hostOf(part) != hostOf(v.text) {
		return false
	}
	at := v.fallbackAt
	if at < 0 || at > len(v.text) || !strings.HasPrefix(v.text[at:], part) {
		return true // where it stands is not known
	}
	start := 0
	if i := strings.Index(v.text, "://"); i >= 0 {
		start = i + 3
	}
	return at <= start && at+len(part) > start
}

// loopbackHost reports whether a host is this machine's.
func loopbackHost(host string) bool {
	return host == "localhost" || host == "127.0.0.1" || host == "::1"
}

// hostOf returns the host of a URL or host:port, without the port.
func hostOf(addr string) string {
	s := addr
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
	}
	s = strings.TrimPrefix(s, "dns:///")
	if i := strings.IndexAny(s, "/?"); i >= 0 {
		s = s[:i]
	}
	if at := strings.LastIndexByte(s, '@'); at >= 0 {
		s = s[at+1:]
	}
	if h, _, err := net.SplitHostPort(s); err == nil {
		s = h
	}
	return s
}

func urlPath(u string) string {
	s := u
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
	}
	if i := strings.IndexByte(s, '/'); i >= 0 {
		return s[i:]
	}
	return ""
}

// name resolves a host or service name: a Go service of the tree (known),
// else a workload of the deployment files. Local and numeric hosts name
// nothing.
func (l *linker) name(host string) (to string, known, ok bool) {
	label, _, _ := strings.Cut(host, ".")
	if net.ParseIP(host) != nil || label == "localhost" || label == "" {
		return "", false, false
	}
	candidates := []string{norm(label)}
	if n := strings.TrimSuffix(norm(label), "service"); n != norm(label) && n != "" {
		candidates = append(candidates, n)
	} else {
		candidates = append(candidates, norm(label)+"service")
	}
	for _, c := range candidates {
		for _, svc := range l.sys.Services {
			if norm(svc.Name) == c {
				return svc.Name, true, true
			}
		}
	}
	names := make([]string, 0, len(l.deploy.workloads))
	for n := range l.deploy.workloads {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, c := range candidates {
		for _, n := range names {
			if norm(n) == c {
				return l.workloadService(n, candidates)
			}
		}
	}
	return "", false, false
}

// workloadService returns the service a workload runs, or the workload
// when it runs no Go code here.
func (l *linker) workloadService(n string, candidates []string) (to string, known, ok bool) {
	// A workload built from a Go service's folder is that service (that
	// one of the services its binary runs).
	w := l.deploy.workloads[n]
	if t := l.deploy.workloads[w.aliasOf]; w.alias && !w.compose && t != nil && !t.alias {
		// A Kubernetes Service named apart from the workload it
		// selects: that workload's service.
		return l.workloadService(w.aliasOf, candidates)
	}
	for _, svc := range l.sys.Services {
		if l.entryDirs[svc.Name] != "" && l.deploy.builds(w, l.entryDirs[svc.Name]) && w.runs(svc.Run, l.deploy.commands) {
			return svc.Name, true, true
		}
	}
	// A pod of one container that runs the project's own image of a
	// service (a chart's shop-payments running acme/payments), or that
	// is named after one service (a chart's release-prefixed names). A
	// pod of several may be named for a sidecar's program.
	if len(w.containerNames) <= 1 && w.containers() <= 1 {
		var found []string
		for _, svc := range l.sys.Services {
			if w.runs(svc.Run, l.deploy.commands) && l.deploy.runsImageOf(w, func(o *Service) bool { return o == svc }) {
				found = append(found, svc.Name)
			}
		}
		if len(found) == 1 {
			return found[0], true, true
		}
		if svc := l.containerService(w); svc != "" && len(found) == 0 {
			return svc, true, true
		}
	}
	// One that runs an image built where archie cannot follow (docker
	// stack deploy of tsawler/broker-service, pushed by hand) is the one
	// service below a folder named as it (broker-service/cmd/api).
	if df, _ := l.deploy.imageBuild(w.image); w.dir == "" && w.src == "" && df == "" && w.image != "" && !infrastructureImage(w.image) {
		if svc := l.belowFolder(candidates); svc != "" {
			return svc, true, true
		}
	}
	if w.alias && l.deploy.workloads[w.aliasOf] != nil {
		return w.aliasOf, false, true // the compose service's name, not its container's or host's
	}
	return n, false, true
}

// containerService returns the one service a pod's containers are named
// after, if one is and the pod runs an image that is not a database's
// or a broker's, nor an official image of Docker Hub (nginx, with no
// namespace: a proxy named gateway is not the Go gateway); "" otherwise.
// Its caller asks of pods of one container.
func (l *linker) containerService(w *workload) string {
	if w == nil || w.image == "" || infrastructureImage(w.image) || !strings.Contains(w.image, "/") {
		return ""
	}
	found := ""
	for _, svc := range l.sys.Services {
		if !slices.ContainsFunc(w.containerNames, func(c string) bool { return norm(c) == norm(svc.Name) }) || !w.runs(svc.Run, l.deploy.commands) {
			continue
		}
		if found != "" {
			return ""
		}
		found = svc.Name
	}
	return found
}

// belowFolder returns the one service whose entry lies below a folder
// named as one of names (normalized), or "" when none or several do.
func (l *linker) belowFolder(names []string) string {
	found := ""
	for _, svc := range l.sys.Services {
		dir := l.entryDirs[svc.Name]
		if dir == "" || len(l.deploy.forService(svc, dir)) > 0 {
			continue // another workload runs it
		}
		parts := strings.Split(filepath.ToSlash(relTo(l.sys.Dir, dir)), "/")
		if !slices.ContainsFunc(parts[:len(parts)-1], func(p string) bool { return slices.Contains(names, norm(p)) }) {
			continue
		}
		if found != "" {
			return ""
		}
		found = svc.Name
	}
	return found
}

var envSuffix = regexp.MustCompile(`(?i)(_(SVC|SERVICE))?_(ADDR|ADDRESS|URL|URI|HOST|HOSTNAME|ENDPOINT|TARGET|SERVER)$`)

// envName resolves an environment key by naming convention:
// CHECKOUT_SERVICE_ADDR names checkoutservice (or checkout).
func (l *linker) envName(key string) (string, bool, bool) {
	m := envSuffix.FindStringSubmatch(key)
	if m == nil {
		return "", false, false
	}
	full := key[:len(key)-len(m[0])+len(m[1])] // CHECKOUT_SERVICE
	base := key[:len(key)-len(m[0])]           // CHECKOUT
	for _, n := range []string{full, base} {
		if to, known, ok := l.name(strings.ReplaceAll(n, "_", "-")); ok {
			return to, known, ok
		}
	}
	return "", false, false
}

// messages pairs publishers and consumers of the same topic.
// A side is a service's end of a message: where it publishes or
// consumes.
type side struct {
	svc string
	ev  Evidence
	via token.Pos // the call that handed a publish its topic (message.via)
}

// gather settles each service's messages (topics the deployment names,
// Redis lists that are queues, AMQP bindings), sets its Publishes and
// Consumes, and returns the publishing and consuming sides by protocol
// and topic.
func (l *linker) gather(found []*facts) (pubs, subs map[string][]side) {
	pubs = make(map[string][]side)
	subs = make(map[string][]side)
	// The topic of each Pub/Sub subscription: infrastructure's, and what
	// the code creates.
	topicOf := make(map[string]string)
	if l.deploy != nil {
		maps.Copy(topicOf, l.deploy.subscriptions)
	}
	for _, f := range found {
		maps.Copy(topicOf, f.subscriptions)
	}
	queues(found)
	for _, f := range found {
		var ms []*message
		f.messages = slices.DeleteFunc(f.messages, func(m *message) bool {
			return l.overridden(f, value{fallbackOf: m.fallbackOf}) // the deployment's value is the topic
		})
		for _, m := range f.messages {
			// A topic the deployment names: ${ORDERS_TOPIC} is its value.
			if l.deploy != nil {
				shown := func(ref string) string { return l.deploy.shown(f.svc, f.entryDir, ref) }
				m.topic = envRef.ReplaceAllStringFunc(m.topic, shown)
				m.queue = envRef.ReplaceAllStringFunc(m.queue, shown)
			}
			switch m.protocol {
			case "sqs", "sns", "kinesis":
				m.topic = awsName(m.topic) // a queue URL or ARN the deployment gives
			}
			if !m.list {
				ms = append(ms, m)
				continue
			}
			for part := range strings.SplitSeq(m.topic, ",") {
				if part = strings.TrimSpace(part); part != "" {
					one := *m
					one.topic, one.list = part, false
					ms = append(ms, &one)
				}
			}
		}
		f.messages = ms
	}
	bindings(found)
	for _, f := range found {
		topics := make(map[string]*Message)
		for _, m := range f.messages {
			k := m.protocol + "\x00" + m.topic
			if m.topic != "" {
				if m.publish {
					pubs[k] = append(pubs[k], side{f.svc.Name, m.ev, m.via})
				} else {
					subs[k] = append(subs[k], side{svc: f.svc.Name, ev: m.ev})
					if t := topicOf[m.topic]; m.protocol == "pubsub" && t != "" && t != m.topic {
						subs[m.protocol+"\x00"+t] = append(subs[m.protocol+"\x00"+t], side{svc: f.svc.Name, ev: m.ev})
					}
					// A queue subscribed to SNS topics receives them.
					if m.protocol == "sqs" && l.deploy != nil {
						for _, t := range l.deploy.snsQueues[m.topic] {
							subs["sns\x00"+t] = append(subs["sns\x00"+t], side{svc: f.svc.Name, ev: m.ev})
						}
					}
				}
			}
			if m.publish {
				k = "p" + k
			} else {
				k = "c" + k
			}
			t := topics[k]
			if t == nil {
				t = &Message{Protocol: m.protocol, Topic: m.topic}
				topics[k] = t
				if m.publish {
					f.svc.Publishes = append(f.svc.Publishes, t)
				} else {
					f.svc.Consumes = append(f.svc.Consumes, t)
				}
			}
			t.Evidence = append(t.Evidence, m.ev)
		}
		for _, ms := range [][]*Message{f.svc.Publishes, f.svc.Consumes} {
			sort.Slice(ms, func(i, j int) bool { return ms[i].Protocol+ms[i].Topic < ms[j].Protocol+ms[j].Topic })
			for _, m := range ms {
				m.Evidence = sortEvidence(m.Evidence)
			}
		}
	}
	return pubs, subs
}

// messages links the publishers of each topic to its consumers.
func (l *linker) messages(found []*facts, pubs, subs map[string][]side) {
	// A call site that publishes to several topics (values archie could
	// not pair, a default beside the name a deployment gives) of which
	// one is consumed here publishes to that one: the others are no edge
	// to a broker. Unless calls hand the site its topics: each call's is
	// judged apart (a helper given "orders" at one line, "audit" at
	// another, publishes both); but not AMQP's, whose exchange and key
	// may each come from calls of their own and be paired wrongly.
	type site struct {
		svc string
		pos token.Position
		via token.Pos
	}
	at := func(p side, protocol string) site {
		if protocol == "amqp" {
			return site{p.svc, p.ev.Pos, token.NoPos}
		}
		return site{p.svc, p.ev.Pos, p.via}
	}
	consumedAt := make(map[site]bool)
	var outside []string
	for _, k := range slices.Sorted(maps.Keys(pubs)) {
		ps := pubs[k]
		protocol, topic, _ := strings.Cut(k, "\x00")
		consumed := false
		for _, sk := range slices.Sorted(maps.Keys(subs)) {
			ss := subs[sk]
			sp, pattern, _ := strings.Cut(sk, "\x00")
			if sp != protocol || !topicMatches(protocol, topic, pattern) {
				continue
			}
			consumed = true
			for _, p := range ps {
				consumedAt[at(p, protocol)] = true
				for _, s := range ss {
					if p.svc != s.svc {
						l.edge(p.svc, s.svc, "async", protocol, topic, topic, true, p.ev, s.ev)
					}
				}
			}
		}
		if !consumed {
			outside = append(outside, k)
		}
	}
	// A message nobody here consumes is consumed outside the tree, by
	// code in another language or another repository: its edge goes as
	// far as archie can follow it, to the broker the publisher connects to.
	byName := make(map[string]*facts, len(found))
	for _, f := range found {
		byName[f.svc.Name] = f
	}
	for _, k := range outside {
		protocol, topic, _ := strings.Cut(k, "\x00")
		if strings.Contains(topic, "${") {
			continue // a topic no deployment names: whether it is consumed is unknown
		}
		for _, p := range pubs[k] {
			if consumedAt[at(p, protocol)] {
				continue
			}
			if to, known, ev, ok := l.broker(byName[p.svc], protocol); ok {
				l.edge(p.svc, to, "async", protocol, topic, topic, known, p.ev, ev)
			}
		}
	}
}

// bindings gives each AMQP binding to the services that consume its
// queue. A service that binds a queue to an exchange's routing key
// declares where messages go; the one that consumes the queue receives
// them. Services often run one shared setup that declares every queue
// and binding the system has, so the binder is no consumer unless it
// consumes the queue too. A binding of a queue no service here consumes
// by name (the broker names it, or the name does not resolve) stays with
// the services that bind it, and so does one whose queue's name the
// deployment does not give. A consumer's binding is shown where it
// consumes the queue.
func bindings(found []*facts) {
	type consumer struct {
		f *facts
		m *message
	}
	// A name the deployment does not give (${QUEUE}) may be any queue:
	// each service may be given its own.
	known := func(queue string) bool { return queue != "" && !strings.Contains(queue, "${") }
	consumers := make(map[string][]consumer) // by queue
	for _, f := range found {
		for _, m := range f.messages {
			if m.protocol == "amqp" && !m.publish && !m.bound && known(m.topic) {
				if !slices.ContainsFunc(consumers[m.topic], func(c consumer) bool { return c.f == f }) {
					consumers[m.topic] = append(consumers[m.topic], consumer{f, m})
				}
			}
		}
	}
	given := make(map[*facts][]*message)
	for _, f := range found {
		f.messages = slices.DeleteFunc(f.messages, func(m *message) bool {
			cs := consumers[m.queue]
			if !m.bound || !known(m.queue) || len(cs) == 0 {
				return false
			}
			for _, c := range cs {
				if !slices.ContainsFunc(given[c.f], func(g *message) bool { return g.topic == m.topic && g.queue == m.queue }) {
					ev := c.m.ev
					ev.Detail = "consumes " + m.topic + " through queue " + m.queue
					given[c.f] = append(given[c.f], &message{protocol: m.protocol, topic: m.topic, ev: ev, fn: c.m.fn, queue: m.queue, bound: true})
				}
			}
			return true
		})
	}
	for _, f := range found {
		f.messages = append(f.messages, given[f]...)
	}
}

// queues keeps the pushes to and pops from a Redis list only where it is
// a queue between services: one service pushes it and another pops it.
// A list no other service pops (a timeline a service caps itself, a
// cart per user) is data, which its keys already show. A queue is a
// channel, not data its services share: its key is no table of their
// Redis, unless some service names it otherwise too (a dashboard reading
// it, an EXPIRE), when it stays a key wherever it is named.
func queues(found []*facts) {
	pushers, poppers := make(map[string][]string), make(map[string][]string)
	for _, f := range found {
		for _, m := range f.messages {
			if m.protocol != "redis-list" {
				continue
			}
			if m.publish {
				pushers[m.topic] = append(pushers[m.topic], f.svc.Name)
			} else {
				poppers[m.topic] = append(poppers[m.topic], f.svc.Name)
			}
		}
	}
	queue := func(topic string) bool {
		for _, p := range pushers[topic] {
			if slices.ContainsFunc(poppers[topic], func(c string) bool { return c != p }) {
				return true
			}
		}
		return false
	}
	at := make(map[*facts]map[string][]token.Position) // where each service pushes or pops each queue
	for _, f := range found {
		f.messages = slices.DeleteFunc(f.messages, func(m *message) bool {
			return m.protocol == "redis-list" && !queue(m.topic)
		})
		for _, m := range f.messages {
			if m.protocol == "redis-list" {
				if at[f] == nil {
					at[f] = make(map[string][]token.Position)
				}
				at[f][m.topic] = append(append(at[f][m.topic], m.ev.Pos), m.part...)
			}
		}
	}
	// A queue's key named only by its pushes and pops, in every service
	// that names it, is no key.
	channel := make(map[string]bool)
	for _, f := range found {
		for k := range at[f] {
			channel[k] = true
		}
	}
	for _, f := range found {
		for _, s := range f.svc.Stores {
			if s.Kind != "redis" {
				continue
			}
			for _, k := range s.Tables {
				if channel[k] && slices.ContainsFunc(s.Touches[k], func(ev Evidence) bool { return !slices.Contains(at[f][k], ev.Pos) }) {
					channel[k] = false
				}
			}
		}
	}
	for _, f := range found {
		for _, s := range f.svc.Stores {
			if s.Kind == "redis" {
				s.Tables = slices.DeleteFunc(s.Tables, func(k string) bool { return channel[k] })
				for k := range s.Touches {
					if channel[k] {
						delete(s.Touches, k)
					}
				}
			}
		}
	}
}

// broker names the one broker of a protocol that a service connects to,
// as its deployment names it, with the evidence of the connection. The
// addresses one connection lists are seeds of one cluster, named by the
// first; a service whose connections go to different brokers, or to one
// archie cannot name, has none.
func (l *linker) broker(f *facts, protocol string) (to string, known bool, ev Evidence, ok bool) {
	if f == nil {
		return "", false, Evidence{}, false
	}
	for _, b := range f.brokers {
		if b.protocol != protocol {
			continue
		}
		for _, v := range b.targets {
			name, k, found := l.seed(f, v.text)
			if !found || name == f.svc.Name || to != "" && to != name {
				return "", false, Evidence{}, false
			}
			to, known, ev = name, k, b.ev
			ev.Detail = "connects to " + protocol + " broker " + redact(envRef.ReplaceAllStringFunc(v.text, func(ref string) string {
				return l.deploy.shown(f.svc, f.entryDir, ref)
			}))
		}
	}
	return to, known, ev, to != ""
}

// seed names the first host of a broker list, "kafka-1:9092,kafka-2:9092",
// that resolves.
func (l *linker) seed(f *facts, list string) (to string, known, ok bool) {
	for addr := range strings.SplitSeq(l.expand(f, list), ",") {
		if to, known, ok = l.host(f, strings.TrimSpace(addr)); ok {
			return to, known, ok
		}
	}
	return "", false, false
}

// topicMatches reports whether a message published to topic reaches a
// consumer of pattern: the same name, or for NATS a subject matched by
// * (one token) and > (the rest), for MQTT a topic matched by + (one
// level) and # (any number of levels, none too: sport/# matches sport),
// for Redis a PSUBSCRIBE glob, and for AMQP a routing key matched by a
// topic exchange binding's * (one word) and # (any number of words).
func topicMatches(protocol, topic, pattern string) bool {
	if topic == pattern {
		return true
	}
	switch protocol {
	case "nats":
		return wordsMatch(strings.Split(topic, "."), strings.Split(pattern, "."), "*", ">", false)
	case "mqtt":
		// A filter that starts with a wildcard matches no topic that
		// starts with $ ($SYS/…); # is only ever a filter's last level.
		if strings.HasPrefix(topic, "$") && (strings.HasPrefix(pattern, "+") || strings.HasPrefix(pattern, "#")) ||
			strings.Contains(strings.TrimSuffix(pattern, "#"), "#") {
			return false
		}
		return wordsMatch(strings.Split(topic, "/"), strings.Split(pattern, "/"), "+", "#", true)
	case "redis":
		return redisGlob(pattern, topic)
	case "amqp":
		ex, key, ok := strings.Cut(topic, "/")
		pex, pkey, pok := strings.Cut(pattern, "/")
		if !ok || !pok || ex != pex {
			return false
		}
		return wordsMatch(strings.Split(key, "."), strings.Split(pkey, "."), "*", "#", true)
	}
	return false
}

// redisGlob matches a channel against a PSUBSCRIBE pattern: * any run of
// characters, / included; ? one; [...] one of a class; \x the character x.
func redisGlob(pattern, s string) bool {
	var re strings.Builder
	re.WriteString("^")
	for i := 0; i < len(pattern); i++ {
		switch c := pattern[i]; c {
		case '*':
			re.WriteString("(?s:.*)")
		case '?':
			re.WriteString("(?s:.)")
		case '[':
			end := strings.IndexByte(pattern[i+1:], ']')
			if end < 0 {
				re.WriteString(regexp.QuoteMeta("["))
				continue
			}
			class := pattern[i+1 : i+1+end]
			if strings.HasPrefix(class, "^") {
				class = "^" + regexp.QuoteMeta(class[1:])
			} else {
				class = regexp.QuoteMeta(class)
			}
			re.WriteString("[" + strings.ReplaceAll(class, `\-`, "-") + "]")
			i += end + 1
		case '\\':
			if i+1 < len(pattern) {
				i++
				re.WriteString(regexp.QuoteMeta(pattern[i : i+1]))
			}
		default:
			re.WriteString(regexp.QuoteMeta(pattern[i : i+1]))
		}
	}
	re.WriteString("$")
	globMu.Lock()
	rx, ok := globs[pattern]
	if !ok {
		rx, _ = regexp.Compile(re.String()) // nil: a pattern that does not compile matches only itself
		globs[pattern] = rx
	}
	globMu.Unlock()
	if rx == nil {
		return pattern == s
	}
	return rx.MatchString(s)
}

var (
	globMu sync.Mutex
	globs  = make(map[string]*regexp.Regexp)
)

// wordsMatch matches words against a pattern whose one word matches any
// one word and whose rest word matches what is left: at least one word,
// or any number when zero is allowed. Where a rest word may stand for any
// number of words, what it failed to match is remembered: a pattern of
// many # would otherwise try every way to split the words between them.
func wordsMatch(words, pattern []string, one, rest string, zero bool) bool {
	failed := make(map[[2]int]bool) // pattern[i:] does not match words[j:]
	var match func(i, j int) bool
	match = func(i, j int) bool {
		for ; i < len(pattern); i, j = i+1, j+1 {
			p := pattern[i]
			if p == rest {
				if !zero {
					return i == len(pattern)-1 && len(words) > j
				}
				if failed[[2]int{i, j}] {
					return false
				}
				for k := j; k <= len(words); k++ {
					if match(i+1, k) {
						return true
					}
				}
				failed[[2]int{i, j}] = true
				return false
			}
			if j >= len(words) || (p != one && p != words[j]) {
				return false
			}
		}
		return j == len(words)
	}
	return match(0, 0)
}

// byRoute places the HTTP calls whose host archie could not read (one
// that arrives at run time: a discovery answer, a flag or variable no
// deployment sets) on the one service whose specific route serves their
// method and path, as facts merged from several repositories are. A
// host named but not found here (http://legacy:8080/orders) is some
// other system's: its path says nothing of which.
func (l *linker) byRoute() {
	routes := l.sys.routeIndex()
	kept := l.sys.Unresolved[:0]
	for _, u := range l.sys.Unresolved {
		if u.Protocol == "http" {
			var left []Evidence
			for _, ev := range u.Evidence {
				if to, ok := routes.server(u.From, ev.Method); ok && l.hostUnread[ev] {
					// The path placed it: say which, where the target
					// does not (env ORDERS_URL: POST /orders/42).
					target := u.Target
					if _, p, _ := strings.Cut(ev.Method, " "); !strings.Contains(target, p) {
						target += ": " + ev.Method
					}
					l.edge(u.From, to, "sync", "http", target, "", true, ev)
				} else {
					left = append(left, ev)
				}
			}
			if u.Evidence = left; len(left) == 0 {
				continue
			}
		}
		kept = append(kept, u)
	}
	l.sys.Unresolved = kept
}

// unknownHost reports whether a call's URL leaves its host wholly
// unread: a part archie could not follow (http://…:…/stats) or a variable
// no deployment sets (${ORDERS_URL}/orders). A host with any part read
// (https://${REGION}.s3.amazonaws.com, localhost, a relative URL whose
// host is set elsewhere) is not: it may be a system outside, or a
// container the port names.
func unknownHost(url string) bool {
	h := hostOf(url)
	if h == "" {
		return false
	}
	return hostRef.ReplaceAllString(strings.ReplaceAll(h, "…", ""), "") == ""
}

// hostRef matches a variable in a host: ${HOST}, $HOST.
var hostRef = regexp.MustCompile(`\$(?:\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)`)
