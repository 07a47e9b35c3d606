// Package journal writes the accounting journal: a model package that
// accounting and settlement both call, so both touch its table.
package journal

import (
	"context"
	"database/sql"
)

// Book adds an entry to the journal.
func Book(ctx context.Context, db *sql.DB, entry string) error {
	_, err := db.ExecContext(ctx, "INSERT INTO journal (entry) VALUES ($1)", entry)
	return err
}
