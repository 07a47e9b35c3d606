package rules

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/archie-dev/archie/analyze/services"
)

// A hop is one synchronous call on a chain: from a service, reachable from
// one of its request handlers (or from anywhere, for cycles), to a
// service's endpoint.
type hop struct {
	from, to string
	handler  string // the caller's endpoint whose handler reaches the call
	method   string // the called endpoint, when known
	ev       services.Evidence
}

// forwarded reports whether a called endpoint is a forwarded request's,
// whose method (and path) are those the caller was asked with.
func forwarded(method string) bool {
	return method == "*" || strings.HasPrefix(method, "* ")
}

// forwardsTo reports whether a forwarded request (h) may reach a
// handler of its target: one its path may be, when its path is known
// ("* /admin/platform…", "* /orders"); else, since a reverse proxy
// forwards the path it is asked for, one under a route of the
// forwarding service (routes: its handlers).
func forwardsTo(h hop, handler string, routes []string) bool {
	path := strings.TrimSpace(strings.TrimPrefix(h.method, "*"))
	if known, _, _ := strings.Cut(path, "…"); strings.HasPrefix(known, "/") {
		if !strings.Contains(path, "…") {
			_, route, ok := strings.Cut(handler, " ")
			if !ok {
				route = handler
			}
			return services.RouteServes(route, "* "+path)
		}
		return routeUnder(handler, known)
	}
	for _, r := range routes {
		if _, route, ok := strings.Cut(r, " "); ok {
			r = route
		}
		if strings.HasPrefix(r, "/") && routeUnder(handler, r) {
			return true
		}
	}
	return false
}

// routeUnder reports whether a handler's route ("GET /admin/x/{id}") may
// serve a path that starts with prefix ("/admin/x"). A route that ends in
// "/" (net/http's subtree) or a catch-all serves all below it.
func routeUnder(handler, prefix string) bool {
	if i := strings.IndexAny(prefix, "?#"); i >= 0 {
		prefix = prefix[:i]
	}
	route := handler
	if _, r, ok := strings.Cut(handler, " "); ok {
		route = r
	}
	ps := strings.Split(strings.TrimPrefix(prefix, "/"), "/")
	hs := strings.Split(strings.Trim(route, "/"), "/")
	// A part of the prefix that is not text (a gateway's route mounted for
	// each name of a list, /api/…/*; a parameter; a catch-all) stands
	// for what it may be only after a segment written out: /{page} or
	// /{path...} is a gateway's own page, not the path of every target.
	written := false
	for i, p := range ps {
		if i >= len(hs) {
			return p == "" || strings.HasSuffix(route, "/")
		}
		h := hs[i]
		last := i == len(ps)-1
		switch {
		case strings.HasPrefix(h, "*") || strings.HasSuffix(h, "...}") || strings.HasSuffix(h, ":.*}"):
			return true // the rest of the path, whatever it is
		case strings.HasPrefix(h, ":") || strings.HasPrefix(h, "{"):
		case written && strings.Contains(p, "…"):
			// One segment not known: any that starts and ends as it
			// does.
			start, end, _ := strings.Cut(p, "…")
			if !strings.HasPrefix(h, start) || !strings.HasSuffix(h, end) {
				return false
			}
		case written && (p == "*" || strings.HasSuffix(p, "...}") || strings.HasSuffix(p, ":.*}")):
			return true // the forwarding route's catch-all
		case written && (strings.HasPrefix(p, ":") || strings.HasPrefix(p, "{")):
			// A parameter of the forwarding route: any one segment.
		case last:
			return strings.HasPrefix(h, p) // the path may go on within it
		case h != p:
			return false
		default:
			written = true
		}
	}
	return true
}

// String says what the call is: "a calls b GET /x", or, for a reverse
// proxy's (method "*"), that a forwards requests to b. Which of a's
// routes a proxy serves is not known, so a proxy's handler is not named.
func (h hop) String() string {
	switch {
	case h.method == "":
		return fmt.Sprintf("%s calls %s", h.from, h.to)
	case forwarded(h.method):
		return fmt.Sprintf("%s forwards the requests it is sent to %s", h.from, h.to)
	}
	return fmt.Sprintf("%s calls %s %s", h.from, h.to, h.method)
}

// syncChain reports chains of synchronous calls, started in a request
// handler and continued in the handler each call reaches, longer than
// max-depth; and every cycle of synchronous calls between services.
func (c *checker) syncChain(sm *Smell, sev Severity) {
	sys := c.opts.System
	maxDepth := sm.MaxDepth
	if maxDepth == 0 {
		maxDepth = 2
	}
	endpoints := make(map[string][]string) // service -> handler names
	for _, s := range sys.Services {
		for _, e := range s.Endpoints {
			endpoints[s.Name] = append(endpoints[s.Name], endpointName(e))
		}
	}
	out := make(map[string][]hop) // service -> its calls
	for _, e := range sys.Edges {
		if e.Kind != "sync" || e.Ambiguous != "" || e.Infrastructure || e.External {
			// A call to a datastore's image is data access, one to a
			// system on the internet leaves the system: no hop.
			continue
		}
		for _, ev := range e.Evidence {
			// A call that several handlers reach is a hop from each.
			handlers := ev.Handlers()
			if len(handlers) == 0 {
				handlers = []string{""}
			}
			for _, h := range handlers {
				out[e.From] = append(out[e.From], hop{from: e.From, to: e.To, handler: h, method: ev.Method, ev: ev})
			}
		}
	}

	// continues reports whether a call made by the service reached through
	// h continues the chain: it is reachable from the handler h reached.
	continues := func(h hop, next hop) bool {
		if next.handler == "" {
			return false
		}
		// A forwarded request (a reverse proxy's, method "*") goes on
		// to the target's handlers its path may reach (forwardsTo);
		// which of the service's routes forwards to which target is
		// not known, so a forwarding starts a chain but does not
		// continue one.
		if forwarded(next.method) {
			return false
		}
		if forwarded(h.method) {
			return forwardsTo(h, next.handler, endpoints[h.from])
		}
		if h.method == "" {
			return true // the handler reached is not known: any handler may be it
		}
		return services.RouteServes(next.handler, h.method)
	}

	// Each chain of max-depth+1 hops is a violation, shown continued as
	// far as it goes. Enumerating every maximal chain instead
	// grows exponentially with the services an organisation merges;
	// chains of a bounded length do not.
	var chains [][]hop
	var walk func(path []hop, seen map[string]bool)
	walk = func(path []hop, seen map[string]bool) {
		if len(path) > maxDepth {
			chains = append(chains, continued(path, seen, out, continues))
			return
		}
		last := path[len(path)-1]
		for _, next := range out[last.to] {
			if seen[next.to] || !continues(last, next) {
				continue
			}
			seen[next.to] = true
			walk(append(path[:len(path):len(path)], next), seen)
			delete(seen, next.to)
		}
	}
	for _, s := range slices.Sorted(maps.Keys(out)) {
		for _, h := range out[s] {
			// A request forwarded (a proxy's, method "*") is made for
			// a request the service serves, whichever route it is.
			if h.handler == "" && !forwarded(h.method) || h.to == h.from {
				continue
			}
			walk([]hop{h}, map[string]bool{h.from: true, h.to: true})
		}
	}

	// One violation per path of services, with the first calls found; a
	// path within a longer one reported is not reported again.
	reported := &chainIndex{at: make(map[[2]string][][2]int)}
	sort.SliceStable(chains, func(i, j int) bool { return len(chains[i]) > len(chains[j]) })
	for _, ch := range chains {
		names := []string{ch[0].from}
		for _, h := range ch {
			names = append(names, h.to)
		}
		if reported.covers(names) {
			continue
		}
		reported.add(names)
		key := strings.Join(names, " → ")
		var ev []services.Evidence
		for _, h := range ch {
			e := h.ev
			e.Detail = h.String()
			if h.handler != "" && !forwarded(h.method) {
				e.Detail += " in handler " + h.handler
			}
			ev = append(ev, e)
		}
		msg := fmt.Sprintf("a request to %s waits on %d synchronous hops (%s), more than max-depth %d: latency and failures add up along the chain", names[0], len(ch), key, maxDepth)
		v := c.smellViolation("sync-chain", sm, sev, names[0], names[len(names)-1], msg, ev)
		v.Path = names
		c.out = append(c.out, v)
	}

	for _, cyc := range syncCycles(sys) {
		key := strings.Join(cyc, " → ")
		var ev []services.Evidence
		for i := 0; i+1 < len(cyc); i++ {
			for _, h := range out[cyc[i]] {
				if h.to == cyc[i+1] {
					e := h.ev
					e.Detail = h.String()
					ev = append(ev, e)
					break
				}
			}
		}
		msg := fmt.Sprintf("synchronous cycle %s: these services wait on each other and cannot fail or deploy alone", key)
		v := c.smellViolation("sync-chain", sm, sev, cyc[0], cyc[len(cyc)-2], msg, ev)
		v.Path = cyc
		c.out = append(c.out, v)
	}
}

// maxShownExtra is how many hops beyond its first max-depth+1 a chain is
// shown with at most.
const maxShownExtra = 8

// continued returns path continued as long as it goes, by the first call
// that continues it each time: the chain a violation shows. The violation
// stands on path alone, which is already longer than max-depth.
func continued(path []hop, seen map[string]bool, out map[string][]hop, continues func(hop, hop) bool) []hop {
	path = path[:len(path):len(path)]
	var added []string
	defer func() {
		for _, n := range added {
			delete(seen, n)
		}
	}()
	for extra := 0; extra < maxShownExtra; extra++ {
		last := path[len(path)-1]
		found := false
		for _, next := range out[last.to] {
			if !seen[next.to] && continues(last, next) {
				seen[next.to] = true
				added = append(added, next.to)
				path = append(path, next)
				found = true
				break
			}
		}
		if !found {
			break
		}
	}
	return path
}

// A chainIndex tells whether a path of services lies within a chain
// already reported, by the chains' consecutive pairs.
type chainIndex struct {
	chains [][]string
	at     map[[2]string][][2]int // pair -> (chain, position) where it starts
}

func (ix *chainIndex) covers(names []string) bool {
	for _, p := range ix.at[[2]string{names[0], names[1]}] {
		ch := ix.chains[p[0]]
		if p[1]+len(names) <= len(ch) && slices.Equal(ch[p[1]:p[1]+len(names)], names) {
			return true
		}
	}
	return false
}

func (ix *chainIndex) add(names []string) {
	i := len(ix.chains)
	ix.chains = append(ix.chains, names)
	for j := 0; j+1 < len(names); j++ {
		k := [2]string{names[j], names[j+1]}
		ix.at[k] = append(ix.at[k], [2]int{i, j})
	}
}

func endpointName(e services.Endpoint) string {
	if e.Protocol == "grpc" {
		return e.Name
	}
	return strings.TrimSpace(e.Method + " " + e.Route)
}

// syncCycles returns one cycle, as service names ending where they start,
// for each group of services that call each other synchronously in a circle.
func syncCycles(sys *services.System) [][]string {
	adj := make(map[string][]string)
	for _, e := range sys.Edges {
		if e.Kind == "sync" && e.Ambiguous == "" && !e.Infrastructure && !e.External && e.From != e.To && !contains(adj[e.From], e.To) {
			adj[e.From] = append(adj[e.From], e.To)
		}
	}
	// stronglyConnected sorts each list of successors, so the walk below
	// is deterministic too.
	var comps [][]string
	for _, comp := range stronglyConnected(adj) {
		if len(comp) > 1 {
			comps = append(comps, comp)
		}
	}
	var out [][]string
	for _, comp := range comps {
		in := make(map[string]bool)
		for _, v := range comp {
			in[v] = true
		}
		// Shortest way back to the first member, breadth first.
		start := comp[0]
		prev := map[string]string{}
		queue := []string{start}
		found := false
		for len(queue) > 0 && !found {
			v := queue[0]
			queue = queue[1:]
			for _, w := range adj[v] {
				if !in[w] {
					continue
				}
				if w == start {
					prev[start] = v
					found = true
					break
				}
				if _, ok := prev[w]; !ok {
					prev[w] = v
					queue = append(queue, w)
				}
			}
		}
		cyc := []string{start}
		for v := prev[start]; v != start; v = prev[v] {
			cyc = append([]string{v}, cyc...)
		}
		cyc = append([]string{start}, cyc...)
		out = append(out, cyc)
	}
	sort.Slice(out, func(i, j int) bool { return strings.Join(out[i], " ") < strings.Join(out[j], " ") })
	return out
}
