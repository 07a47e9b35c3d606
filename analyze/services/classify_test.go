package services

import "testing"

func TestMigrationMain(t *testing.T) {
	for rel, want := range map[string]bool{
		"api/cmd/migration/v2":  true,
		"cmd/migrate":           true,
		"tools/seeder":          true,
		"cmd/migrate-indexer":   false, // a daemon named for what it moves
		"cmd/seed-node":         false,
		"services/migrations-x": false,
		"cmd/api":               false,
	} {
		if got := migrationMain(rel); got != want {
			t.Errorf("migrationMain(%q) = %v, want %v", rel, got, want)
		}
	}
}
