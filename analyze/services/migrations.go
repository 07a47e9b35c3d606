package services

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/archie-dev/archie/analyze"
)

// markMigrated lists, in each SQL store of a service, the tables a
// migration kept in the service's own folder creates (Store.Migrated):
// orders/db/migrations/0002_create_outbox.up.sql. A service that creates
// a table in its own migrations keeps one of its own, wherever its
// database is: outbox_events in the migrations of each of five services
// are five tables unless the five are known to open one database. A
// table a service names but does not create (the orders table its
// neighbour's migrations create) is not marked, nor one a later
// migration drops, nor one named in a schema other than the one a
// database puts unqualified names in (services that share one database
// of a schema per service copy the schemas they read into their
// migrations), nor one only another .sql file creates (sqlc's
// schema.sql, which copies the tables a service reads, is no
// migration). Nor are the tables of a store whose configuration another
// service's deployment hands it from the same unread source (both given
// ${DATABASE_URL}, or one Secret's key the repository does not hold):
// that is one database, whatever it is.
//
// A service's own folder is the highest folder above its main, inside
// the main's module, that holds no other service's main: the module of
// a service that has one (orders/ with its go.mod), services/orders of
// services/orders/cmd/orders beside services/payments. A folder every
// service's main sits in (the root of cmd/* and migrations/) is no one's.
// Only tables two services name are looked for.
func (s *System) markMigrated(g *analyze.Graph) {
	named := make(map[string][]*Service)  // table -> the services whose SQL stores name it
	unread := make(map[string][]*Service) // unread source -> the services handed it
	for _, svc := range s.Services {
		for _, st := range svc.Stores {
			if !SQLKind(st.Kind) {
				continue
			}
			for _, t := range st.Tables {
				if !slices.Contains(named[t], svc) {
					named[t] = append(named[t], svc)
				}
			}
			for _, u := range st.unread {
				if !slices.Contains(unread[u], svc) {
					unread[u] = append(unread[u], svc)
				}
			}
		}
	}
	var entries []string // the folders of every service's main
	for _, svc := range s.Services {
		if d, ok := g.Dir(svc.Entry); ok && svc.Entry != "" {
			entries = append(entries, d)
		}
	}
	created := make(map[string]map[string]bool) // own folder -> tables its migrations create
	for _, svc := range s.Services {
		own, looked := "", false
		for _, st := range svc.Stores {
			if !SQLKind(st.Kind) || slices.ContainsFunc(st.unread, func(u string) bool { return len(unread[u]) > 1 }) {
				continue
			}
			for _, t := range st.Tables {
				if len(named[t]) < 2 || strings.Contains(tableKey(t), ".") {
					// A table in a schema of its own (orders.sub_orders)
					// is one of a database that holds several schemas,
					// each service's: services that share it copy the
					// schemas they read into their migrations.
					continue
				}
				if !looked {
					own, looked = ownFolder(g, svc.Entry, entries), true
				}
				if own == "" {
					break
				}
				tables, ok := created[own]
				if !ok {
					tables = createdTables(own)
					created[own] = tables
				}
				if createsTable(tables, t) && !slices.Contains(st.Migrated, t) {
					st.Migrated = append(st.Migrated, t)
				}
			}
			slices.Sort(st.Migrated)
		}
	}
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
// is read only up to them, and what is not read creates nothing.
const (
	maxSchemaEntries = 100_000
	maxSchemaFile    = 8 << 20
	maxSchemaBytes   = 64 << 20
)

// createdTables returns the tables the migrations under dir create and
// no migration drops, by name as createsTable compares them. Folders of
// other modules, vendored code, tests' data and hidden folders are not
// read, nor files reached through symbolic links.
func createdTables(dir string) map[string]bool {
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real // a module go.work reaches through a link
	}
	created, dropped := make(map[string]bool), make(map[string]bool)
	entries, read := 0, 0
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if entries++; entries > maxSchemaEntries || read > maxSchemaBytes {
			return filepath.SkipAll
		}
		if d.IsDir() {
			if path == dir {
				return nil
			}
			if name := d.Name(); strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "vendor" || name == "testdata" || name == "node_modules" {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
				return filepath.SkipDir // another module's
			}
			return nil
		}
		rel, _ := filepath.Rel(dir, path)
		if !d.Type().IsRegular() || !migrationFile(filepath.ToSlash(rel)) {
			return nil
		}
		if info, err := d.Info(); err != nil || info.Size() > maxSchemaFile {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return nil
		}
		read += len(data)
		up, down := sqlSchemaChanges(upPart(string(data)))
		for _, t := range up {
			created[t] = true
		}
		for _, t := range down {
			dropped[t] = true
		}
		return nil
	})
	for t := range dropped {
		delete(created, t) // a table moved to another service, read from a database both open
	}
	return created
}

// migrationFile reports whether a file, by its path in a service's
// folder, is a schema migration: a .sql file in a folder named for
// migrations (migrations/, db/migrate/), or one named as migration tools
// name their versions (0002_create_outbox.sql, V2__outbox.sql). A file
// that undoes one (0002_create_outbox.down.sql) is not: it runs only to
// go back. Other .sql files (sqlc's schema.sql, which copies the tables
// the service reads, test fixtures, seeds) create nothing here.
func migrationFile(rel string) bool {
	name := path.Base(rel)
	if !strings.EqualFold(path.Ext(name), ".sql") || undoFile.MatchString(name) {
		return false
	}
	if versionedFile.MatchString(name) {
		return true
	}
	for _, dir := range strings.Split(path.Dir(rel), "/") {
		if strings.Contains(strings.ToLower(dir), "migrat") {
			return true
		}
	}
	return false
}

var (
	undoFile      = regexp.MustCompile(`(?i)(?:^|[._-])(?:down|undo|rollback)(?:[._-]|$)|^U\d+__`)
	versionedFile = regexp.MustCompile(`^(?:\d{1,14}[_-]|V\d+(?:[._]\d+)*__)`)
	// downSection starts the part of a migration that undoes it: goose's
	// -- +goose Down, sql-migrate's -- +migrate Down, dbmate's
	// -- migrate:down.
	downSection = regexp.MustCompile(`(?im)^\s*--\s*(?:\+goose\s+down|\+migrate\s+down|migrate:down)\b`)
)

// upPart is a migration's text without the section that undoes it.
func upPart(text string) string {
	if loc := downSection.FindStringIndex(text); loc != nil {
		return text[:loc[0]]
	}
	return text
}

// sqlIdent is one part of a SQL name: quoted ("Order Items", `a-b`,
// [dbo]) or not.
const sqlIdent = "(?:\"(?:[^\"]|\"\")+\"|`[^`]+`|\\[[^\\]]+\\]|[A-Za-z_][A-Za-z0-9_$]*)"

// schemaChange matches the head of a CREATE TABLE or DROP TABLE
// statement and the table's name, of up to three parts; temporary
// tables, which live as long as a session, are left out by the caller.
var schemaChange = regexp.MustCompile(`(?i)\b(create|drop)\s+(?:or\s+replace\s+)?(?:(?:global|local)\s+)?((?:temp|temporary)\s+)?(?:unlogged\s+)?table\s+(?:if\s+(?:not\s+)?exists\s+)?(` + sqlIdent + `(?:\s*\.\s*` + sqlIdent + `){0,2})`)

// sqlSchemaChanges returns the tables a migration's statements create
// and drop, named as createsTable compares them.
func sqlSchemaChanges(text string) (created, dropped []string) {
	seen := make(map[string]bool)
	for _, m := range schemaChange.FindAllStringSubmatch(sqlCode(text), -1) {
		if m[2] != "" {
			continue
		}
		t := tableKey(m[3])
		verb := strings.ToLower(m[1])
		if seen[verb+" "+t] {
			continue
		}
		seen[verb+" "+t] = true
		if verb == "create" {
			created = append(created, t)
		} else {
			dropped = append(dropped, t)
		}
	}
	return created, dropped
}

// tableKey is the name a table is compared by: its parts unquoted and
// lower-cased, the database of a three-part name left out, and the
// schema a database puts an unqualified name in (public, dbo, main) left
// out: public.outbox_events and outbox_events are one table,
// reporting.orders and orders two.
func tableKey(name string) string {
	var parts []string
	for _, p := range splitName(name) {
		parts = append(parts, strings.ToLower(p))
	}
	if len(parts) == 3 {
		parts = parts[1:]
	}
	if len(parts) == 2 && defaultSchema[parts[0]] {
		parts = parts[1:]
	}
	return strings.Join(parts, ".")
}

var defaultSchema = map[string]bool{"public": true, "dbo": true, "main": true}

// splitName splits a SQL name at the dots outside quotes and unquotes
// each part.
func splitName(name string) []string {
	var parts []string
	var b strings.Builder
	var quote byte
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case quote != 0:
			if c == quote {
				if quote == '"' && i+1 < len(name) && name[i+1] == '"' {
					b.WriteByte('"')
					i++
					continue
				}
				quote = 0
				continue
			}
			b.WriteByte(c)
		case c == '"' || c == '`':
			quote = c
		case c == '[':
			quote = ']'
		case c == '.':
			parts = append(parts, b.String())
			b.Reset()
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
		default:
			b.WriteByte(c)
		}
	}
	return append(parts, b.String())
}

// createsTable reports whether a store's table is one the migrations
// create.
func createsTable(created map[string]bool, table string) bool {
	return created[tableKey(table)]
}
