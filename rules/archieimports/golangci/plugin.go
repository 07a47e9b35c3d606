// Package golangci registers archie's import rules as a golangci-lint
// module plugin, named "archie": built into a custom golangci-lint with
// `golangci-lint custom`, it reports what archieimports reports, beside
// depguard and the other linters of a run.
//
// .custom-gcl.yml:
//
//	version: v2.15.0
//	plugins:
//	  - module: github.com/archie-dev/archie
//	    import: github.com/archie-dev/archie/rules/archieimports/golangci
//	    version: main
//
// .golangci.yml:
//
//	version: "2"
//	linters:
//	  enable: [archie]
//	  settings:
//	    custom:
//	      archie:
//	        type: module
//	        description: archie.yaml's import rules
package golangci

import (
	"github.com/archie-dev/archie/rules/archieimports"
	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
)

func init() {
	register.Plugin("archie", New)
}

// New makes the plugin. It takes no settings: archie.yaml, found from
// each package's folder up, says everything.
func New(any) (register.LinterPlugin, error) { return plugin{}, nil }

type plugin struct{}

func (plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{archieimports.Analyzer}, nil
}

// GetLoadMode asks for syntax only, as depguard does: the analyzer reads
// imports, and the package's path from its module and folder. Asking for
// types cost 74% more time than depguard alone on go-clean-template;
// syntax costs 3% (bench/golangci.sh).
func (plugin) GetLoadMode() string { return register.LoadModeSyntax }
