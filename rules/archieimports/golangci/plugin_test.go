package golangci

import (
	"testing"

	"github.com/archie-dev/archie/rules/archieimports"
	"github.com/golangci/plugin-module-register/register"
)

// The plugin is registered under the name .golangci.yml enables, and
// builds archie's analyzer from syntax alone.
func TestPlugin(t *testing.T) {
	newPlugin, err := register.GetPlugin("archie")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(nil)
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil || len(as) != 1 || as[0] != archieimports.Analyzer {
		t.Errorf("BuildAnalyzers = %v, %v; want archieimports.Analyzer", as, err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeSyntax {
		t.Errorf("GetLoadMode = %q, want %q", got, register.LoadModeSyntax)
	}
}
