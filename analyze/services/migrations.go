package services

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/archie-dev/archie/analyze"
)

// markMigrated lists, in each SQL store of a service, the tables a schema
// file kept in the service's own folder creates (Store.Migrated): a
// migration (orders/db/migrations/0002_create_outbox.up.sql) or a schema
// sqlc reads. A service that creates a table in its own migrations keeps
// one of its own, wherever its database is: outbox_events in the
// migrations of each of five services are five tables unless the five
// are known to open one database. A table a service names but does not
// create (the orders table its neighbour's migrations create) is not
// marked.
//
// A service's own folder is the highest folder above its main, inside
// the main's module, that holds no other service's main: the module of
// a service that has one (orders/ with its go.mod), services/orders of
// services/orders/cmd/orders beside services/payments. A folder every
// service's main sits in (the root of cmd/* and migrations/) is no one's.
func (s *System) markMigrated(g *analyze.Graph) {
	var entries []string // the folders of every service's main
	for _, svc := range s.Services {
		if d, ok := g.Dir(svc.Entry); ok && svc.Entry != "" {
			entries = append(entries, d)
		}
	}
	created := make(map[string]map[string]bool) // own folder -> tables its schema files create
	for _, svc := range s.Services {
		if !hasSQLTables(svc) {
			continue
		}
		own := ownFolder(g, svc.Entry, entries)
		if own == "" {
			continue
		}
		tables, ok := created[own]
		if !ok {
			tables = createdTables(own)
			created[own] = tables
		}
		for _, st := range svc.Stores {
			if !SQLKind(st.Kind) {
				continue
			}
			for _, t := range st.Tables {
				if createsTable(tables, t) && !slices.Contains(st.Migrated, t) {
					st.Migrated = append(st.Migrated, t)
				}
			}
			slices.Sort(st.Migrated)
		}
	}
}

func hasSQLTables(svc *Service) bool {
	return slices.ContainsFunc(svc.Stores, func(st *Store) bool { return SQLKind(st.Kind) && len(st.Tables) > 0 })
}

// ownFolder returns the highest folder above the main entry, inside its
// module, that holds no other service's main, or "" when there is none.
func ownFolder(g *analyze.Graph, entry string, entries []string) string {
	p := g.Package(entry)
	dir, ok := g.Dir(entry)
	if p == nil || p.Module == nil || !ok || entry == "" {
		return ""
	}
	top := p.Module.Dir
	if dir != top && !strings.HasPrefix(dir, top+string(filepath.Separator)) {
		return ""
	}
	own := ""
	for a := dir; ; a = filepath.Dir(a) {
		for _, e := range entries {
			// Another service's main (services that one main runs
			// share its folder, and are one program's).
			if e != dir && (e == a || strings.HasPrefix(e, a+string(filepath.Separator))) {
				return own
			}
		}
		own = a
		if a == top || filepath.Dir(a) == a {
			return own
		}
	}
}

// Bounds of the walk over a service's own folder: a folder holding more
// is read only up to them.
const (
	maxSchemaEntries = 100_000
	maxSchemaFile    = 8 << 20
)

// createdTables returns the tables the .sql files under dir create, by
// lower-cased name as written (schema.table or table). Folders of other
// modules, vendored code, tests' data and hidden folders are not read,
// nor files reached through symbolic links.
func createdTables(dir string) map[string]bool {
	out := make(map[string]bool)
	seen := 0
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if seen++; seen > maxSchemaEntries {
			return filepath.SkipAll
		}
		if d.IsDir() {
			if path == dir {
				return nil
			}
			switch name := d.Name(); {
			case strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "vendor" || name == "testdata" || name == "node_modules":
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
				return filepath.SkipDir // another module's
			}
			return nil
		}
		if !d.Type().IsRegular() || !strings.EqualFold(filepath.Ext(path), ".sql") {
			return nil
		}
		if info, err := d.Info(); err != nil || info.Size() > maxSchemaFile {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return nil
		}
		for _, t := range sqlCreates(string(data)) {
			out[t] = true
		}
		return nil
	})
	return out
}

// createTable matches the head of a CREATE TABLE statement and the
// table's name; temporary tables, which live as long as a session, are
// left out by the caller.
var createTable = regexp.MustCompile("(?i)\\bcreate\\s+(?:or\\s+replace\\s+)?(?:(?:global|local)\\s+)?((?:temp|temporary)\\s+)?(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?([`\"\\[]?[A-Za-z_][A-Za-z0-9_$]*[`\"\\]]?(?:\\.[`\"\\[]?[A-Za-z_][A-Za-z0-9_$]*[`\"\\]]?)?)")

// sqlCreates returns the tables a SQL file's CREATE TABLE statements
// create, lower-cased and unquoted.
func sqlCreates(text string) []string {
	var out []string
	for _, m := range createTable.FindAllStringSubmatch(sqlCode(text), -1) {
		if m[1] != "" {
			continue
		}
		t := strings.ToLower(strings.NewReplacer("`", "", `"`, "", "[", "", "]", "").Replace(m[2]))
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// createsTable reports whether a store's table is one the schema files
// create: by its name, or by its name in a schema where one side leaves
// the schema out (public.outbox_events and outbox_events).
func createsTable(created map[string]bool, table string) bool {
	t := strings.ToLower(table)
	if created[t] {
		return true
	}
	if _, name, ok := strings.Cut(t, "."); ok {
		return created[name]
	}
	for c := range created {
		if _, name, ok := strings.Cut(c, "."); ok && name == t {
			return true
		}
	}
	return false
}
