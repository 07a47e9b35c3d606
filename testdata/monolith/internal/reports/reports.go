// Package reports is not used by the shop's main: nothing of it runs.
package reports

import (
	"context"

	"example.com/monolith/internal/ordering"
)

// Daily places nothing; it is never called.
func Daily(ctx context.Context, s *ordering.Service) error {
	return s.MarkPaid(ctx, "none")
}
