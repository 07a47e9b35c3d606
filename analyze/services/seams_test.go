package services

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestReadViews(t *testing.T) {
	dir := t.TempDir()
	sql := `-- Version: 1.03
CREATE OR REPLACE VIEW view_products AS
SELECT p.name, u.name AS user_name
FROM
    products AS p
JOIN
    users AS u ON u.user_id = p.user_id

-- Version: 1.04
CREATE TABLE homes (home_id UUID NOT NULL);
create materialized view if not exists totals as select sum(total) from orders;
`
	if err := os.WriteFile(filepath.Join(dir, "migrate.sql"), []byte(sql), 0o644); err != nil {
		t.Fatal(err)
	}
	views := readViews(dir)
	if got := views["view_products"].tables; !slices.Equal(got, []string{"products", "users"}) {
		t.Errorf("view_products reads %q, want products and users (and not homes, after it)", got)
	}
	if got := views["view_products"].pos.Line; got != 2 {
		t.Errorf("view_products defined at line %d, want 2", got)
	}
	if got := views["totals"].tables; !slices.Equal(got, []string{"orders"}) {
		t.Errorf("totals reads %q, want orders", got)
	}

	s := &Seams{Touches: []Touch{{Package: "p", Kind: "sql", Table: "view_products", Access: "read"}}}
	s.expandViews(views)
	s.sort()
	var got []string
	for _, tc := range s.Touches {
		got = append(got, tc.Table+" "+tc.Access)
	}
	if want := []string{"products read", "users read", "view_products read"}; !slices.Equal(got, want) {
		t.Errorf("touches after expanding views = %q, want %q", got, want)
	}
}
