package services

import (
	"bufio"
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/archie-dev/archie/analyze"
	"golang.org/x/tools/go/packages"
)

// recognizerFixtures is a workspace of one small module per library or
// family of libraries, each a main package calling the library's APIs;
// third_party holds stand-ins for the libraries, with their real import
// paths, wired by the go.work's replace directives.
const recognizerFixtures = "testdata/recognizers"

// TestRecognizers checks the facts each fixture's calls yield against the
// expectations written next to them: a `// want "publish kafka orders"`
// comment expects that fact at that line, written out exactly (see
// factString); every fact must be expected. It also checks that every
// API of the recognizers table is called by some fixture.
func TestRecognizers(t *testing.T) {
	if testing.Short() {
		t.Skip("loads a workspace with the go command")
	}
	root, err := filepath.Abs(recognizerFixtures)
	if err != nil {
		t.Fatal(err)
	}
	mods, err := filepath.Glob(filepath.Join(root, "*", "go.mod"))
	if err != nil || len(mods) == 0 {
		t.Fatalf("no fixture modules: %v", err)
	}
	var patterns []string
	for _, m := range mods {
		if name := filepath.Base(filepath.Dir(m)); name != "third_party" {
			patterns = append(patterns, "./"+name+"/...")
		}
	}
	// The facts are the same however the dependencies' types are read:
	// from export data by go/packages (the reference), or from source
	// by typeCheck, as on a runner whose build cache is empty.
	t.Run("packages", func(t *testing.T) {
		cfg := &packages.Config{Context: context.Background(), Mode: systemMode, Dir: root, Env: analyze.GoEnv(nil, true)}
		loaded, err := packages.Load(cfg, patterns...)
		if err != nil {
			t.Fatal(err)
		}
		checkRecognizers(t, root, loaded)
	})
	t.Run("source", func(t *testing.T) {
		cfg := &packages.Config{Context: context.Background(), Dir: root, Env: append(analyze.GoEnv(nil, true), "GOCACHE="+t.TempDir())}
		loaded, fromSource, err := typeCheck(cfg, patterns, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if fromSource == 0 {
			t.Fatal("no dependency was read from source")
		}
		checkRecognizers(t, root, loaded)
	})
	// And from the export data archie's cache kept of them.
	t.Run("cached", func(t *testing.T) {
		cfg := &packages.Config{Context: context.Background(), Dir: root, Env: append(analyze.GoEnv(nil, true), "GOCACHE="+t.TempDir())}
		opts := Options{Cache: analyze.OpenCache(t.TempDir(), 0, func(msg string) { t.Error(msg) })}
		for range 2 { // the second run keeps what it reads
			if _, _, err := typeCheck(cfg, patterns, opts); err != nil {
				t.Fatal(err)
			}
		}
		loaded, fromSource, err := typeCheck(cfg, patterns, opts)
		if err != nil {
			t.Fatal(err)
		}
		if fromSource != 0 {
			t.Fatalf("%d dependencies read from source again", fromSource)
		}
		checkRecognizers(t, root, loaded)
	})
}

// checkRecognizers checks the facts of the fixtures loaded against their
// want comments.
func checkRecognizers(t *testing.T, root string, loaded []*packages.Package) {
	var errs []analyze.Error
	syn := scanSyntax(loaded)
	modules := make(map[string][]string) // fixture -> its packages
	for _, lp := range loaded {
		for _, e := range lp.Errors {
			t.Errorf("%s: %s", e.Pos, e.Msg)
		}
		if name, ok := strings.CutPrefix(lp.PkgPath, "example.com/"); ok {
			name, _, _ = strings.Cut(name, "/")
			modules[name] = append(modules[name], lp.PkgPath)
		}
	}
	prog, source := buildSSA(loaded, &errs)
	x := newExtractor(newProgram(prog, source), syn, &deployment{}, root)

	// What each row matched, and where.
	covered := make(map[string]bool) // expanded key
	libsAt := make(map[string][]string)
	x.trace = func(r *recognizer, s *site) {
		covered[s.key] = true
		at := posKey(root, s.ev.Pos.Filename, s.ev.Pos.Line)
		if !contains(libsAt[at], r.lib) {
			libsAt[at] = append(libsAt[at], r.lib)
		}
	}

	names := make([]string, 0, len(modules))
	for name := range modules {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		pkgs := uniq(modules[name])
		entry := "example.com/" + name
		f := x.service(&Service{Name: name, Entry: entry, Packages: pkgs, Roots: []string{entry}})
		t.Run(name, func(t *testing.T) {
			wants := readFactWants(t, root, filepath.Join(root, name))
			for _, got := range factStrings(root, f) {
				ws := wants[got.at]
				if i := indexOf(ws, got.fact); i >= 0 {
					wants[got.at] = append(ws[:i], ws[i+1:]...)
					continue
				}
				t.Errorf("%s: unexpected fact %q (%s)", got.at, got.fact, strings.Join(libsAt[got.at], ", "))
			}
			for _, at := range slices.Sorted(maps.Keys(wants)) {
				for _, w := range wants[at] {
					lib := strings.Join(libsAt[at], ", ")
					if lib == "" {
						lib = "no recognizer matched the call"
					}
					t.Errorf("%s: no fact %q (%s)", at, w, lib)
				}
			}
			// Once shed, the facts hold nothing of the program, which
			// the next build's program would otherwise share memory with.
			f.shed()
			if at := holdsProgram(reflect.ValueOf(f), "facts", make(map[uintptr]bool)); at != "" {
				t.Errorf("shed facts still hold the program at %s", at)
			}
		})
	}

	for _, r := range recognizers {
		for _, k := range recognized.keys[r] {
			if !covered[k] && !(r.fact == takesSQL && coveredPrefix(covered, k)) {
				t.Errorf("%s: no fixture calls %s (a %s row)", r.lib, k, r.fact)
			}
		}
	}
}

// holdsProgram returns the path from v to a value of go/ssa, go/types or
// go/ast, or "" when there is none.
func holdsProgram(v reflect.Value, at string, seen map[uintptr]bool) string {
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			return ""
		}
		return holdsProgram(v.Elem(), at, seen)
	case reflect.Pointer, reflect.Map, reflect.Slice:
		if v.IsNil() {
			return ""
		}
		if seen[v.Pointer()] && v.Kind() != reflect.Slice {
			return ""
		}
		seen[v.Pointer()] = true
	}
	switch v.Type().PkgPath() {
	case "golang.org/x/tools/go/ssa", "go/types", "go/ast":
		return at + " (" + v.Type().String() + ")"
	}
	switch v.Kind() {
	case reflect.Pointer:
		return holdsProgram(v.Elem(), at, seen)
	case reflect.Struct:
		for i := range v.NumField() {
			if p := holdsProgram(v.Field(i), at+"."+v.Type().Field(i).Name, seen); p != "" {
				return p
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			if p := holdsProgram(v.Index(i), fmt.Sprintf("%s[%d]", at, i), seen); p != "" {
				return p
			}
		}
	case reflect.Map:
		it := v.MapRange()
		for it.Next() {
			if p := holdsProgram(it.Key(), at+"[key]", seen); p != "" {
				return p
			}
			if p := holdsProgram(it.Value(), fmt.Sprintf("%s[%v]", at, it.Key()), seen); p != "" {
				return p
			}
		}
	}
	return ""
}

func coveredPrefix(covered map[string]bool, prefix string) bool {
	for k := range covered {
		if strings.HasPrefix(k, prefix) {
			return true
		}
	}
	return false
}

// A gotFact is one fact as the fixtures' want comments spell it.
type gotFact struct {
	at   string // file:line, relative to the fixtures
	fact string
}

// factStrings spells out every fact of a service, one per evidence:
//
//	serve http GET /orders/{id}      serve grpc shop.Payments
//	call http POST http://orders/x   call grpc shop.Payments/Charge
//	call http GET http://ledger/x in GET /orders/{id}, shop.Payments/Charge
//	dial payments:9090               broker kafka kafka:9092
//	publish kafka orders             consume nats (topic not static)
//	store postgres dsn postgres://…  store postgres table orders
//	store mongo collection carts
func factStrings(root string, f *facts) []gotFact {
	var out []gotFact
	add := func(file string, line int, format string, args ...any) {
		out = append(out, gotFact{posKey(root, file, line), strings.TrimSpace(fmt.Sprintf(format, args...))})
	}
	texts := func(vs []value) string {
		var s []string
		for _, v := range vs {
			s = append(s, v.text)
		}
		return strings.Join(s, " | ")
	}
	for _, e := range f.svc.Endpoints {
		if e.Protocol == "grpc" {
			add(e.Pos.Filename, e.Pos.Line, "serve grpc %s", e.Name)
		} else {
			add(e.Pos.Filename, e.Pos.Line, "serve %s %s", e.Protocol, strings.TrimSpace(e.Method+" "+e.Route))
		}
	}
	for _, c := range f.calls {
		in := ""
		if len(c.handlers) > 0 {
			in = " in " + strings.Join(c.handlers, ", ")
		}
		if c.protocol == "grpc" {
			add(c.ev.Pos.Filename, c.ev.Pos.Line, "call grpc %s/%s%s", c.proto, c.method, in)
		} else {
			add(c.ev.Pos.Filename, c.ev.Pos.Line, "call %s %s %s%s", c.protocol, c.method, texts(c.targets), in)
		}
	}
	for _, d := range f.dials {
		add(d.ev.Pos.Filename, d.ev.Pos.Line, "dial %s", texts(d.targets))
	}
	for _, b := range f.brokers {
		add(b.ev.Pos.Filename, b.ev.Pos.Line, "broker %s %s", b.protocol, texts(b.targets))
	}
	for _, m := range f.messages {
		verb, topic := "consume", m.topic
		if m.publish {
			verb = "publish"
		}
		if topic == "" {
			topic = "(topic not static)"
		}
		add(m.ev.Pos.Filename, m.ev.Pos.Line, "%s %s %s", verb, m.protocol, topic)
	}
	for _, s := range f.svc.Stores {
		for _, ev := range s.Evidence {
			add(ev.Pos.Filename, ev.Pos.Line, "store %s %s", s.Kind, s.Resource)
		}
		for _, tb := range s.Tables {
			for _, ev := range s.Touches[tb] {
				noun := "table"
				switch {
				case strings.HasPrefix(ev.Detail, "collection "):
					noun = "collection"
				case strings.HasPrefix(ev.Detail, "key "):
					noun = "key"
				}
				in := ""
				if dbs := s.Databases[tb]; len(dbs) > 0 && strings.Contains(ev.Detail, " in database ") {
					in = " in " + strings.Join(dbs, ", ")
				}
				add(ev.Pos.Filename, ev.Pos.Line, "store %s %s %s%s", s.Kind, noun, tb, in)
			}
		}
	}
	return out
}

func posKey(root, file string, line int) string {
	if rel, err := filepath.Rel(root, file); err == nil {
		file = filepath.ToSlash(rel)
	}
	return fmt.Sprintf("%s:%d", file, line)
}

func indexOf(s []string, x string) int {
	for i, v := range s {
		if v == x {
			return i
		}
	}
	return -1
}

var factWant = regexp.MustCompile(`//\s*want\s+(".*)$`)

// readFactWants collects the want comments of a fixture module by
// file:line.
func readFactWants(t *testing.T, root, dir string) map[string][]string {
	t.Helper()
	wants := make(map[string][]string)
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for line := 1; sc.Scan(); line++ {
			m := factWant.FindStringSubmatch(sc.Text())
			if m == nil {
				continue
			}
			at := posKey(root, path, line)
			for rest := strings.TrimSpace(m[1]); rest != ""; rest = strings.TrimSpace(rest) {
				q, err := strconv.QuotedPrefix(rest)
				if err != nil {
					t.Fatalf("%s: bad want comment: %v", at, err)
				}
				rest = rest[len(q):]
				s, _ := strconv.Unquote(q)
				wants[at] = append(wants[at], s)
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	return wants
}
