package archieimports_test

import (
	"path/filepath"
	"testing"

	"github.com/archie-dev/archie/rules/archieimports"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestAnalyzer runs the analyzer over testdata/shop, a module with an
// archie.yaml, where each import that breaks a rule carries a want comment.
func TestAnalyzer(t *testing.T) {
	dir, err := filepath.Abs("testdata/shop")
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, archieimports.Analyzer, "./...")
}
