package services

import (
	"regexp"
	"strings"
	"testing"
)

// FuzzRedact: whatever the user, host and database, a password written in
// a DSN never reaches archie's output, in any of the forms drivers accept,
// neither through redact (evidence) nor through dsnServer (store servers).
func FuzzRedact(f *testing.F) {
	f.Add("shop", "s3cret", "db:5432", "orders")
	f.Add("", "pw!x", "cache:6379", "0")
	f.Add("root", "p@ss", "mysql:3306", "orders")
	f.Add("a b", "x=y", "h", "d")
	f.Fuzz(func(t *testing.T, user, secret, host, db string) {
		if len(secret) < 4 || strings.ContainsAny(secret, "@/:;() \t\r\n=?#&*") || !isPrintable(secret) {
			t.Skip() // not a password a driver could read back from these forms
		}
		if strings.ContainsAny(user, "@/:;() \t\r\n=") || strings.ContainsAny(host, "@/;() \t\r\n=") || strings.ContainsAny(db, "@;() \t\r\n=?") {
			t.Skip()
		}
		for _, other := range []string{user, host, db, "postgres", "tcp", "password", "host", "dbname", "server", "database", "***"} {
			if strings.Contains(strings.ToLower(other), strings.ToLower(secret)) {
				t.Skip() // the secret is written elsewhere in the DSN too ("Pass" in "Password")
			}
		}
		for _, dsn := range []string{
			"postgres://" + user + ":" + secret + "@" + host + "/" + db,
			user + ":" + secret + "@tcp(" + host + ")/" + db,
			"host=" + host + " password=" + secret + " dbname=" + db,
			"Server=" + host + ";Password=" + secret + ";Database=" + db,
		} {
			if got := redact(dsn); strings.Contains(got, secret) {
				t.Errorf("redact(%q) = %q: the password shows", dsn, got)
			}
			if got := dsnServer(dsn); strings.Contains(got, secret) {
				t.Errorf("dsnServer(%q) = %q: the password shows", dsn, got)
			}
		}
	})
}

var identifier = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$`)

// FuzzSQLTables: any text gives table names that are SQL identifiers,
// each once, and never a keyword.
func FuzzSQLTables(f *testing.F) {
	for _, q := range []string{
		"SELECT id FROM orders o JOIN lines l ON l.order_id = o.id",
		"insert into `shop`.`orders` (id) values (?)",
		`UPDATE "orders" SET total = 1`,
		"CREATE TABLE IF NOT EXISTS payments (id int)",
		"WITH x AS (SELECT * FROM a) SELECT * FROM x, LATERAL unnest(y)",
		"select from from from",
	} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		seen := make(map[string]bool)
		for _, table := range sqlTables(q) {
			if !identifier.MatchString(table) {
				t.Errorf("sqlTables(%q) gives %q, not an identifier", q, table)
			}
			if seen[table] {
				t.Errorf("sqlTables(%q) gives %q twice", q, table)
			}
			seen[table] = true
		}
	})
}

func isPrintable(s string) bool {
	for _, r := range s {
		if r < 0x21 || r > 0x7e {
			return false
		}
	}
	return true
}
