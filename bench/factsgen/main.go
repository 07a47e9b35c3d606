// Command factsgen writes the facts of many repositories, as archie
// services --format json would, for timing archie check --facts on an
// organisation's scale.
//
//	factsgen DIR [REPOS [SERVICES]]
//
// writes DIR/repoN.json for REPOS repositories (1000) of SERVICES services
// (30) each. Every service serves a gRPC service and two HTTP routes, owns
// a table, and calls three services of other repositories from its request
// handler: one by gRPC and one by HTTP path, which only merging can place,
// and one by a name its deployment gave it. One service in fifty reads
// another's table. The output depends only on the arguments.
package main

import (
	"fmt"
	"go/token"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"

	"github.com/archie-dev/archie/analyze/services"
)

func main() {
	if len(os.Args) < 2 || len(os.Args) > 4 {
		fmt.Fprintln(os.Stderr, "usage: factsgen DIR [REPOS [SERVICES]]")
		os.Exit(2)
	}
	repos, perRepo := arg(2, 1000), arg(3, 30)
	if err := os.MkdirAll(os.Args[1], 0o755); err != nil {
		fail(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	name := func(r, s int) string { return fmt.Sprintf("r%d-s%d", r, s) }
	other := func(r int) (int, int) {
		o := rng.IntN(repos)
		if o == r && repos > 1 {
			o = (o + 1) % repos
		}
		return o, rng.IntN(perRepo)
	}
	for r := range repos {
		sys := &services.System{Dir: fmt.Sprintf("/src/repo%d", r)}
		for s := range perRepo {
			n := name(r, s)
			at := func(line int, detail, handler, method string) []services.Evidence {
				pos := token.Position{Filename: fmt.Sprintf("cmd/%s/main.go", n), Line: line, Column: 2}
				return []services.Evidence{{Pos: pos, Detail: detail, Handler: handler, Method: method}}
			}
			table := fmt.Sprintf("r%d_s%d_items", r, s)
			st := &services.Store{Kind: "postgres", Server: fmt.Sprintf("db%d:5432/s%d", r, s), Tables: []string{table},
				Evidence: at(10, "open postgres", "", ""), Touches: map[string][]services.Evidence{table: at(11, "table "+table, "", "")}}
			if rng.IntN(50) == 0 {
				or, os := other(r)
				t := fmt.Sprintf("r%d_s%d_items", or, os)
				st.Tables = append(st.Tables, t)
				st.Touches[t] = at(12, "table "+t, "", "")
			}
			sys.Services = append(sys.Services, &services.Service{
				Name: n, EntryDir: "cmd/" + n, Packages: []string{fmt.Sprintf("example.com/repo%d/cmd/%s", r, n)},
				Endpoints: []services.Endpoint{
					{Protocol: "grpc", Name: fmt.Sprintf("r%d.S%d", r, s)},
					{Protocol: "http", Method: "GET", Route: fmt.Sprintf("/r%d/s%d/items/{id}", r, s)},
					{Protocol: "http", Method: "POST", Route: fmt.Sprintf("/r%d/s%d/items", r, s)},
				},
				Stores: []*services.Store{st},
			})
			handler := fmt.Sprintf("r%d.S%d/Get", r, s)
			gr, gs := other(r)
			sys.Unresolved = append(sys.Unresolved, &services.Unresolved{From: n, Protocol: "grpc", Target: fmt.Sprintf("r%d.S%d", gr, gs),
				Evidence: at(20, "Get", handler, fmt.Sprintf("r%d.S%d/Get", gr, gs))})
			hr, hs := other(r)
			sys.Unresolved = append(sys.Unresolved, &services.Unresolved{From: n, Protocol: "http", Target: "env API_URL",
				Evidence: at(21, "GET", handler, fmt.Sprintf("GET /r%d/s%d/items/7", hr, hs))})
			nr, ns := other(r)
			sys.Edges = append(sys.Edges, &services.Edge{From: n, To: name(nr, ns), Kind: "sync", Protocol: "http",
				Target: "http://" + name(nr, ns) + "/ping", Evidence: at(22, "GET", handler, "GET /ping")})
		}
		f, err := os.Create(filepath.Join(os.Args[1], "repo"+strconv.Itoa(r)+".json"))
		if err != nil {
			fail(err)
		}
		if err := services.Write(f, sys); err != nil {
			fail(err)
		}
		if err := f.Close(); err != nil {
			fail(err)
		}
	}
}

func arg(i, def int) int {
	if len(os.Args) <= i {
		return def
	}
	n, err := strconv.Atoi(os.Args[i])
	if err != nil || n < 1 {
		fail(fmt.Errorf("%q is not a positive number", os.Args[i]))
	}
	return n
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "factsgen:", err)
	os.Exit(1)
}
