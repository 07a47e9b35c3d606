// Command factsgen writes the facts of many repositories, as archie
// services --format json would, for timing archie check --facts on an
// organisation's scale.
//
//	factsgen DIR [REPOS [SERVICES]]
//
// writes DIR/repoN.json for REPOS repositories (1000) of SERVICES services
// (30) each. Every service serves two gRPC methods and two HTTP routes,
// owns a table, and calls three services of other repositories: one by
// gRPC and one by HTTP path, which only merging can place, and one by a
// name its deployment gave it. One service in fifty reads another's table.
// The output depends only on the arguments.
package main

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
)

type (
	doc struct {
		Schema     string       `json:"schema"`
		Repository string       `json:"repository"`
		Services   []service    `json:"services"`
		Edges      []edge       `json:"edges"`
		Unresolved []unresolved `json:"unresolved"`
		Hardcoded  []any        `json:"hardcoded"`
		Complete   bool         `json:"complete"`
	}
	service struct {
		Name      string     `json:"name"`
		Entry     string     `json:"entry"`
		Packages  []string   `json:"packages"`
		Endpoints []endpoint `json:"endpoints"`
		Stores    []store    `json:"stores"`
		Publishes []any      `json:"publishes"`
		Consumes  []any      `json:"consumes"`
	}
	endpoint struct {
		Protocol string `json:"protocol"`
		Name     string `json:"name,omitempty"`
		Method   string `json:"method,omitempty"`
		Route    string `json:"route,omitempty"`
	}
	store struct {
		Kind     string                `json:"kind"`
		Server   string                `json:"server,omitempty"`
		Tables   []string              `json:"tables"`
		Evidence []evidence            `json:"evidence"`
		Touches  map[string][]evidence `json:"touches"`
	}
	edge struct {
		From     string     `json:"from"`
		To       string     `json:"to"`
		Kind     string     `json:"kind"`
		Protocol string     `json:"protocol"`
		Target   string     `json:"target"`
		Known    bool       `json:"known"`
		Evidence []evidence `json:"evidence"`
	}
	unresolved struct {
		From     string     `json:"from"`
		Protocol string     `json:"protocol"`
		Target   string     `json:"target"`
		Evidence []evidence `json:"evidence"`
	}
	evidence struct {
		File    string `json:"file"`
		Line    int    `json:"line"`
		Column  int    `json:"column"`
		Detail  string `json:"detail,omitempty"`
		Handler string `json:"handler,omitempty"`
		Method  string `json:"method,omitempty"`
	}
)

func main() {
	if len(os.Args) < 2 || len(os.Args) > 4 {
		fmt.Fprintln(os.Stderr, "usage: factsgen DIR [REPOS [SERVICES]]")
		os.Exit(2)
	}
	repos, services := arg(2, 1000), arg(3, 30)
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
		return o, rng.IntN(services)
	}
	for r := range repos {
		d := doc{Schema: "archie.services/v1", Repository: fmt.Sprintf("repo%d", r), Complete: true,
			Edges: []edge{}, Unresolved: []unresolved{}, Hardcoded: []any{}}
		for s := range services {
			n := name(r, s)
			file := fmt.Sprintf("cmd/%s/main.go", n)
			at := func(line int, detail, handler, method string) []evidence {
				return []evidence{{File: file, Line: line, Column: 2, Detail: detail, Handler: handler, Method: method}}
			}
			table := fmt.Sprintf("r%d_s%d_items", r, s)
			svc := service{Name: n, Entry: "cmd/" + n, Packages: []string{fmt.Sprintf("example.com/repo%d/cmd/%s", r, n)},
				Endpoints: []endpoint{
					{Protocol: "grpc", Name: fmt.Sprintf("r%d.S%d", r, s)},
					{Protocol: "http", Method: "GET", Route: fmt.Sprintf("/r%d/s%d/items/{id}", r, s)},
					{Protocol: "http", Method: "POST", Route: fmt.Sprintf("/r%d/s%d/items", r, s)},
				},
				Publishes: []any{}, Consumes: []any{}}
			st := store{Kind: "postgres", Server: fmt.Sprintf("db%d:5432/s%d", r, s), Tables: []string{table},
				Evidence: at(10, "open postgres", "", ""), Touches: map[string][]evidence{table: at(11, "table "+table, "", "")}}
			if rng.IntN(50) == 0 {
				or, os := other(r)
				t := fmt.Sprintf("r%d_s%d_items", or, os)
				st.Tables = append(st.Tables, t)
				st.Touches[t] = at(12, "table "+t, "", "")
			}
			svc.Stores = []store{st}
			d.Services = append(d.Services, svc)
			handler := fmt.Sprintf("r%d.S%d/Get", r, s)
			gr, gs := other(r)
			d.Unresolved = append(d.Unresolved, unresolved{From: n, Protocol: "grpc", Target: fmt.Sprintf("r%d.S%d", gr, gs),
				Evidence: at(20, "Get", handler, fmt.Sprintf("r%d.S%d/Get", gr, gs))})
			hr, hs := other(r)
			d.Unresolved = append(d.Unresolved, unresolved{From: n, Protocol: "http", Target: "env API_URL",
				Evidence: at(21, "GET", handler, fmt.Sprintf("GET /r%d/s%d/items/7", hr, hs))})
			nr, ns := other(r)
			d.Edges = append(d.Edges, edge{From: n, To: name(nr, ns), Kind: "sync", Protocol: "http", Target: "http://" + name(nr, ns) + "/ping",
				Evidence: at(22, "GET", handler, "GET /ping")})
		}
		f, err := os.Create(filepath.Join(os.Args[1], "repo"+strconv.Itoa(r)+".json"))
		if err != nil {
			fail(err)
		}
		enc := json.NewEncoder(f)
		enc.SetIndent("", "  ")
		if err := enc.Encode(d); err != nil {
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
