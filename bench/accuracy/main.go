// Command accuracy scores what archie found on a real system against the
// ground truth written for it by reading its code (docs/accuracy/*.yaml).
//
//	accuracy TRUTH.yaml SERVICES.json CHECK.json
//
// SERVICES.json is `archie services --format json` on the system, CHECK.json
// `archie check --format json` with every smell on. It prints one line of
// tab-separated counts, ending with whether archie could load all the code,
// then what was missed and what was wrong, for a person to read.
//
// archie's services are matched to the truth's by name, then by the folder
// of their main package when only one service of the truth has it. A truth
// that runs one binary as several services is not matched by one archie
// service for that binary: its edges count as wrong and missed, as they
// would for a user.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

type truth struct {
	Repository string `yaml:"repository"`
	Services   []struct {
		Name  string `yaml:"name"`
		Entry string `yaml:"entry"`
	} `yaml:"services"`
	External []struct {
		Name string `yaml:"name"`
		Why  string `yaml:"why"`
	} `yaml:"external"`
	Edges []struct {
		From  string `yaml:"from"`
		To    string `yaml:"to"`
		Kind  string `yaml:"kind"`
		Topic string `yaml:"topic"`
	} `yaml:"edges"`
	Stores []struct {
		Service string   `yaml:"service"`
		Kind    string   `yaml:"kind"`
		Tables  []string `yaml:"tables"`
	} `yaml:"stores"`
	Smells []struct {
		Rule     string   `yaml:"rule"`
		Services []string `yaml:"services"`
	} `yaml:"smells"`
}

type found struct {
	Complete *bool `json:"complete"`
	Services []struct {
		Name   string `json:"name"`
		Entry  string `json:"entry"`
		Run    string `json:"run"`
		Stores []struct {
			Kind   string   `json:"kind"`
			Tables []string `json:"tables"`
		} `json:"stores"`
	} `json:"services"`
	Edges []struct {
		From     string `json:"from"`
		To       string `json:"to"`
		Kind     string `json:"kind"`
		External bool   `json:"external"`
	} `json:"edges"`
}

type checked struct {
	Violations []struct {
		Rule     string   `json:"rule"`
		Severity string   `json:"severity"`
		From     string   `json:"from"`
		To       string   `json:"to"`
		Path     []string `json:"path"`
		Message  string   `json:"message"`
	} `json:"violations"`
}

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: accuracy TRUTH.yaml SERVICES.json CHECK.json")
		os.Exit(2)
	}
	var t truth
	var f found
	var c checked
	read(os.Args[1], func(b []byte) error { return yaml.Unmarshal(b, &t) })
	read(os.Args[2], func(b []byte) error { return json.Unmarshal(b, &f) })
	read(os.Args[3], func(b []byte) error { return json.Unmarshal(b, &c) })
	s := score(&t, &f, &c)
	complete := f.Complete == nil || *f.Complete
	fmt.Printf("%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%v\n",
		s.services, s.servicesFound, s.extraServices,
		s.sync.truth, s.sync.found, s.sync.right,
		s.async.truth, s.async.found, s.async.right,
		s.tables, s.tablesFound, s.smells, s.smellsRight, s.falseErrors, complete)
	for _, l := range s.notes {
		fmt.Println(l)
	}
}

func read(path string, decode func([]byte) error) {
	b, err := os.ReadFile(path)
	if err == nil {
		err = decode(b)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "accuracy: %s: %v\n", path, err)
		os.Exit(2)
	}
}

// An edgeScore counts the edges of one kind: in the truth, found by
// archie, and found right.
type edgeScore struct{ truth, found, right int }

type scores struct {
	services, servicesFound, extraServices int
	sync, async                            edgeScore
	tables, tablesFound                    int
	smells, smellsRight, falseErrors       int
	notes                                  []string
}

func score(t *truth, f *found, c *checked) scores {
	var s scores
	name := matchServices(t, f)
	s.services = len(t.Services)
	matched := make(map[string]bool)
	for _, svc := range f.Services {
		if n, ok := name[svc.Name]; ok {
			matched[n] = true
		} else {
			s.extraServices++
			s.notes = append(s.notes, fmt.Sprintf("service not in the truth: %s (%s)", svc.Name, svc.Entry))
		}
	}
	s.servicesFound = len(matched)
	for _, svc := range t.Services {
		if !matched[svc.Name] {
			s.notes = append(s.notes, fmt.Sprintf("service missed: %s (%s)", svc.Name, svc.Entry))
		}
	}

	external := make(map[string]string)
	for _, e := range t.External {
		external[norm(e.Name)] = e.Name
	}
	// to maps an edge's callee to the truth's name: a service of the
	// system, or one outside it (not Go), named as its deployment does.
	to := func(n string) string {
		if m, ok := name[n]; ok {
			return m
		}
		if m, ok := external[norm(n)]; ok {
			return m
		}
		return "?" + n
	}
	// outside maps a host on the internet that archie names as a system
	// outside (api.stripe.com) to the truth's name for that system
	// ("stripe"): the one whose description names the host, else one
	// named as the host, the host without its public suffix
	// (open.er-api.com is "open-er-api"), or one of its labels.
	outside := func(host string) string {
		for _, e := range t.External {
			if mentions(strings.ToLower(e.Why), host) {
				return e.Name
			}
		}
		labels := strings.Split(host, ".")
		for n := len(labels); n > 1; n-- {
			if m, ok := external[norm(strings.Join(labels[:n], "."))]; ok {
				return m // the host, or the host without a suffix
			}
		}
		for _, l := range labels[:len(labels)-1] {
			if m, ok := external[norm(l)]; ok {
				return m
			}
		}
		return "?" + host
	}
	for _, kind := range []string{"sync", "async"} {
		want := make(map[string]bool)
		for _, e := range t.Edges {
			// A call to another instance of the caller is no edge
			// between services.
			if e.Kind == kind && e.From != e.To {
				want[e.From+" → "+e.To] = true
			}
		}
		got := make(map[string]bool)
		for _, e := range f.Edges {
			if e.Kind == kind {
				from, ok := name[e.From]
				if !ok {
					from = "?" + e.From
				}
				callee := to(e.To)
				if e.External {
					callee = outside(e.To)
				}
				got[from+" → "+callee] = true
			}
		}
		es := edgeScore{truth: len(want), found: len(got)}
		for k := range got {
			if want[k] {
				es.right++
			} else {
				s.notes = append(s.notes, fmt.Sprintf("%s edge wrong: %s", kind, k))
			}
		}
		for k := range want {
			if !got[k] {
				s.notes = append(s.notes, fmt.Sprintf("%s edge missed: %s", kind, k))
			}
		}
		if kind == "sync" {
			s.sync = es
		} else {
			s.async = es
		}
	}

	tables := make(map[string]bool)
	for _, svc := range f.Services {
		for _, st := range svc.Stores {
			for _, tb := range st.Tables {
				tables[name[svc.Name]+" "+caseless(st.Kind, tb)] = true
				if st.Kind == "redis" {
					tables[name[svc.Name]+" key "+keyStart(tb)] = true
				}
			}
		}
	}
	for _, st := range t.Stores {
		for _, tb := range st.Tables {
			s.tables++
			if tables[st.Service+" "+caseless(st.Kind, tb)] || tables[st.Service+" "+caseless(st.Kind, tb[strings.LastIndex(tb, ".")+1:])] ||
				st.Kind == "redis" && keyStart(tb) != "" && tables[st.Service+" key "+keyStart(tb)] {
				s.tablesFound++
			} else {
				s.notes = append(s.notes, fmt.Sprintf("table missed: %s %s", st.Service, tb))
			}
		}
	}

	s.smells = len(t.Smells)
	matchedSmell := make(map[int]bool)
	roles := make(map[string][]string) // archie's service -> the truth's services with its main
	for _, svc := range f.Services {
		for _, ts := range t.Services {
			if ts.Entry == svc.Entry {
				roles[svc.Name] = append(roles[svc.Name], ts.Name)
			}
		}
	}
	for _, v := range c.Violations {
		switch v.Rule {
		case "shared-database", "sync-chain", "cross-service-import", "hardcoded-endpoint", "dual-write":
		default:
			continue
		}
		from := name[v.From]
		if from == "" {
			// One binary whose roles the truth names apart (a config
			// file's key picks them): its smell is right when it is
			// one role's.
			from = v.From
		}
		involved := []string{from}
		if v.To != "" {
			involved = append(involved, to(v.To))
		}
		for _, p := range v.Path {
			involved = append(involved, to(p))
		}
		// An import of code several services own names them all in its
		// message; it is right when one of them is the truth's.
		if v.Rule == "cross-service-import" {
			involved = involved[:1]
			if owners := ownersIn(v.Message); len(owners) > 0 {
				for i, o := range owners {
					owners[i] = to(o)
				}
				involved = append(involved, owners...)
			}
		}
		right := false
		for i, sm := range t.Smells {
			involved := involved
			if roles := roles[v.From]; len(roles) > 1 && name[v.From] == "" {
				for _, r := range roles {
					if slices.Contains(sm.Services, r) {
						involved = append([]string{r}, involved[1:]...)
					}
				}
			}
			if sm.Rule == v.Rule && (subset(involved, sm.Services) || v.Rule == "cross-service-import" && len(involved) > 1 && subset(involved[:1], sm.Services) && overlaps(involved[1:], sm.Services)) {
				right = true
				matchedSmell[i] = true
			}
		}
		if right {
			continue
		}
		if v.Severity == "error" {
			s.falseErrors++
		}
		s.notes = append(s.notes, fmt.Sprintf("smell not in the truth (%s): %s", v.Severity, v.Message))
	}
	s.smellsRight = len(matchedSmell)
	for i, sm := range t.Smells {
		if !matchedSmell[i] {
			s.notes = append(s.notes, fmt.Sprintf("smell missed: %s %s", sm.Rule, strings.Join(sm.Services, ", ")))
		}
	}
	sort.Strings(s.notes)
	return s
}

// matchServices maps archie's service names to the truth's: the same
// name, else the only service of the truth whose main is in that folder.
func matchServices(t *truth, f *found) map[string]string {
	names := make(map[string]bool)
	byEntry := make(map[string][]string)
	for _, s := range t.Services {
		names[s.Name] = true
		byEntry[s.Entry] = append(byEntry[s.Entry], s.Name)
	}
	out := make(map[string]string)
	for _, s := range f.Services {
		if names[s.Name] {
			out[s.Name] = s.Name
		} else if ns := byEntry[s.Entry]; len(ns) == 1 {
			out[s.Name] = ns[0]
		} else if n := byRun(ns, s.Run); n != "" {
			out[s.Name] = n
		}
	}
	return out
}

// byRun returns the one of a main's services in the truth whose name
// ends in the word of the command archie says a variant runs (pipecd-ops
// for the variant that runs "ops"), or "".
func byRun(names []string, run string) string {
	words := strings.Fields(run)
	if len(words) == 0 {
		return ""
	}
	last := norm(words[len(words)-1])
	found := ""
	for _, n := range names {
		parts := strings.FieldsFunc(n, func(r rune) bool { return r == '-' || r == '_' || r == '.' })
		if len(parts) > 0 && norm(parts[len(parts)-1]) == last {
			if found != "" {
				return ""
			}
			found = n
		}
	}
	return found
}

// norm makes deployment names comparable: "cartservice", "cart-service"
// and "cart" name one service.
func norm(n string) string {
	n = strings.ToLower(strings.NewReplacer("-", "", "_", "", ".", "").Replace(n))
	return strings.TrimSuffix(n, "service")
}

func subset(xs, of []string) bool {
	for _, x := range xs {
		found := false
		for _, y := range of {
			if x == y {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// ownersIn reads the services a cross-service-import message says own the
// imported code: "code of service a" or "code of services a, b and c".
func ownersIn(msg string) []string {
	_, rest, ok := strings.Cut(msg, "code of service")
	if !ok {
		return nil
	}
	rest = strings.TrimPrefix(rest, "s")
	rest, _, _ = strings.Cut(rest, ":")
	var out []string
	for _, part := range strings.Split(strings.ReplaceAll(rest, " and ", ", "), ",") {
		if p := strings.TrimSpace(part); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func overlaps(xs, ys []string) bool {
	for _, x := range xs {
		for _, y := range ys {
			if x == y {
				return true
			}
		}
	}
	return false
}

// mentions reports whether text names a host whole: api.x.ai is not
// named by "max.ai".
func mentions(text, host string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], host)
		if j < 0 {
			return false
		}
		j += i
		const word = "abcdefghijklmnopqrstuvwxyz0123456789-"
		before := j == 0 || !strings.ContainsRune(word+".", rune(text[j-1]))
		end := j + len(host)
		after := end == len(text) || !strings.ContainsRune(word, rune(text[end])) &&
			!(text[end] == '.' && end+1 < len(text) && strings.ContainsRune(word, rune(text[end+1])))
		if before && after {
			return true
		}
		i = j + 1
	}
}

// keyStart is the known start of a Redis key: archie writes what stays
// unknown as * ("mfst|*|*"), a truth as <placeholder> ("mfst|<app>|…"),
// and may add a note in parentheses or after an arrow.
func keyStart(key string) string {
	if i := strings.IndexAny(key, "*<"); i >= 0 {
		key = key[:i]
	}
	for _, sep := range []string{" (", " ->"} {
		key, _, _ = strings.Cut(key, sep)
	}
	return key
}

// caseless gives a table's name as a database that folds unquoted names
// holds it: the truth spells a table as the code does (FROM Exposure),
// archie as PostgreSQL does (exposure).
func caseless(kind, table string) string {
	switch kind {
	case "postgres", "sqlite", "sqlserver", "cassandra":
		return strings.ToLower(table)
	}
	return table
}
