package rules

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/archie-dev/archie/analyze/services"
)

var godServiceFamily = &Family{
	Name: "god-service", Kind: "god-service",
	Summary: "most other services call one service synchronously, or it serves too many endpoints",
	Doc: `A service that most of the others call synchronously fails them all when it
fails, and every team waits on it to change: it is the monolith again, behind a
network. archie reports a service that at least min-callers services (default 3)
call synchronously, when they are more than fan-in (default 0.5) of the other
services, with each caller's first call; and a service that serves more than
endpoints (default 50) HTTP routes and gRPC services, when the system has
another service (one deployable is a monolith, its endpoints all there are). Two
services of one binary count as one caller. Split the service by what its callers use, or let them
read its data from messages.`,
	run: func(c *checker) { c.smell("god-service", c.godService) },
}

func (c *checker) godService(sm *Smell, sev Severity) {
	sys := c.opts.System
	fanIn := sm.FanIn
	if fanIn == 0 {
		fanIn = 0.5
	}
	minCallers := sm.MinCallers
	if minCallers == 0 {
		minCallers = 3
	}
	maxEndpoints := sm.Endpoints
	if maxEndpoints == 0 {
		maxEndpoints = 50
	}
	byName := make(map[string]*services.Service, len(sys.Services))
	for _, s := range sys.Services {
		byName[s.Name] = s
	}
	// The system's services: its own, and those outside it its code calls.
	all := make(map[string]bool, len(sys.Services))
	for _, s := range sys.Services {
		all[s.Name] = true
	}
	callers := make(map[string]map[string]services.Evidence) // callee -> caller -> first call
	for _, e := range sys.Edges {
		if e.Infrastructure || e.External {
			// A datastore's image, a mail relay or a system on the
			// internet is data access or another's: no service here.
			continue
		}
		if e.Kind == "sync" {
			all[e.To] = true // a broker a message goes to is no service
		}
		if e.Kind != "sync" || e.From == e.To || e.Ambiguous != "" || len(e.Evidence) == 0 ||
			services.SameBinary(byName[e.From], byName[e.To]) {
			continue
		}
		if callers[e.To] == nil {
			callers[e.To] = make(map[string]services.Evidence)
		}
		if _, ok := callers[e.To][e.From]; !ok {
			callers[e.To][e.From] = e.Site()
		}
	}
	// Services of one binary are one service to call.
	system := make(map[string]services.Evidence, len(all))
	for n := range all {
		system[n] = services.Evidence{}
	}
	others := len(distinctCallers(system, byName)) - 1
	for _, to := range slices.Sorted(maps.Keys(callers)) {
		from := distinctCallers(callers[to], byName)
		if len(from) < minCallers || others <= 0 || float64(len(from)) <= fanIn*float64(others) {
			continue
		}
		var ev []services.Evidence
		for _, name := range from {
			e := callers[to][name]
			e.Detail = fmt.Sprintf("%s calls %s", name, to)
			ev = append(ev, e)
		}
		msg := fmt.Sprintf("%s is called synchronously by %d of the %d other services (%s), more than fan-in %g: when it fails or changes, they all do",
			to, len(from), others, strings.Join(from, ", "), fanIn)
		v := c.smellViolation("god-service", sm, sev, to, "", msg, ev)
		v.Resource = "callers of service " + to
		c.out = append(c.out, v)
	}
	// A system of one deployable is a monolith, not a service everyone's
	// API has gathered in: its endpoints are all there are.
	if others < 1 {
		return
	}
	for _, s := range sys.Services {
		n := 0
		for _, ep := range s.Endpoints {
			if ep.Protocol == "http" || ep.Protocol == "grpc" {
				n++
			}
		}
		if n <= maxEndpoints || alone(sys, s) {
			continue
		}
		var ev []services.Evidence
		for _, ep := range s.Endpoints {
			if ep.Pos.IsValid() && len(ev) < 5 {
				ev = append(ev, services.Evidence{Pos: ep.Pos, Detail: "serves " + strings.TrimSpace(ep.Protocol+" "+ep.Method+" "+ep.Route+ep.Name)})
			}
		}
		msg := fmt.Sprintf("%s serves %d endpoints (HTTP routes and gRPC services), more than %d: one team's service has become everyone's API", s.Name, n, maxEndpoints)
		v := c.smellViolation("god-service", sm, sev, s.Name, "", msg, ev)
		v.Resource = "endpoints of service " + s.Name
		c.out = append(c.out, v)
	}
}

// distinctCallers names the callers of a service, the services of one
// binary counted once (by the first of them), sorted.
func distinctCallers(calls map[string]services.Evidence, byName map[string]*services.Service) []string {
	names := make([]string, 0, len(calls))
	for n := range calls {
		names = append(names, n)
	}
	sort.Strings(names)
	var out []string
	for _, n := range names {
		twin := slices.ContainsFunc(out, func(o string) bool { return services.SameBinary(byName[o], byName[n]) })
		if !twin {
			out = append(out, n)
		}
	}
	return out
}

// alone reports whether a service never runs beside any other: a modular
// monolith offered instead of the services cut from it is the one
// deployable of its deployment, and its endpoints are all there are.
func alone(sys *services.System, s *services.Service) bool {
	for _, o := range sys.Services {
		if o != s && !sys.Apart(s, o) {
			return false
		}
	}
	return len(sys.Services) > 1
}
