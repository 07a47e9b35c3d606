package rules

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// YAML renders the inferred architecture as an archie.yaml whose comments
// teach the format: what each section checks, why init chose what it
// wrote, and what it left out. The result always parses with ParseConfig.
func (in *Inferred) YAML() []byte {
	var b bytes.Buffer
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	// The first line tells the YAML language server (VS Code, and editors
	// that embed it) which schema to complete and check the file with.
	w("# yaml-language-server: $schema=%s\n", SchemaURL)
	w(`# archie.yaml, written by archie init from the imports of the code as it is
# today. It is a starting point: rename the layers, tighten what the code
# allows, delete what is wrong. Every key is described in docs/config.md
# (https://github.com/archie-dev/archie/blob/main/docs/config.md). The first
# line gives editors archie.yaml's JSON Schema; without network, write it
# here with archie schema > .archie.schema.json and point $schema at that.
#
# The violations the code has today are accepted in %s (the
# baseline), so archie check passes now and fails on the next new one.
# Commit both files; fixing an old violation shrinks the baseline.
version: 1
`, DefaultBaseline)

	if in.Flat {
		w(`
# archie init found no structure to infer: %s, without
# imports between folders that would order them into layers. That is the
# shape of a library, and fine; this config checks folder cycles only.
# Add layers, contexts or rules when the code grows them.
`, plural(in.Packages, "package"))
	}

	if len(in.Layers) > 0 {
		w(`
# Layers, top to bottom: a package may import its own layer and any layer
# below it, never a layer above. The order follows the imports: a folder that
# imports another is above it. strict: true would allow only the layer
# directly below.
layers:
  order:
`)
		for _, l := range in.Layers {
			if len(l.Folders) > 1 || len(l.Folders) == 1 && relPattern(l.Folders[0]) != l.Packages[0] {
				w("    # %s\n", commentText(strings.Join(l.Folders, ", ")))
			}
			w("    - name: %s\n      packages: [%s]\n", yamlScalar(l.Name), yamlList(l.Packages))
		}
		if len(in.Against) > 0 {
			w("  # These imports go up the order the folders' names state, so the order\n  # follows the names; until they are removed they are layer violations,\n  # accepted in the baseline:\n")
			for _, e := range in.Against {
				w("  #   %s → %s (%s)\n", commentText(e.From), commentText(e.To), plural(len(e.Imports), "import"))
			}
		}
		for _, c := range in.Cycles {
			w("  # Folders %s import each other in a cycle, so no order\n  # fits them all. The order above cuts\n", commentText(strings.Join(c.Folders, ", ")))
			for _, e := range c.Cut {
				w("  #   %s → %s (%s)\n", commentText(e.From), commentText(e.To), plural(len(e.Imports), "import"))
			}
			w("  # and until they are removed, those imports are layer violations, accepted\n  # in the baseline.\n")
		}
	}
	if len(in.LeftOut) > 0 && len(in.Layers) > 0 {
		w("\n# Not in any layer, and so not constrained by layers:\n")
		width := 0
		for _, l := range in.LeftOut {
			width = max(width, len(commentText(l.Folder)))
		}
		for _, l := range in.LeftOut {
			w("#   %-*s  %s\n", width, commentText(l.Folder), l.Why)
		}
	}

	if len(in.Contexts) > 0 {
		w(`
# Bounded contexts: sibling folders of %s with the same inner structure.
# A context may import its own packages, the shared kernel, and another
# context's api packages, nothing else of it. uses: [other] would limit
# which contexts it may use at all.
contexts:
`, commentText(in.ContextsIn))
		if len(in.Shared) > 0 {
			w("  shared: [%s]   # the shared kernel: every context may import it\n", yamlList(in.Shared))
		}
		w("  list:\n")
		for _, c := range in.Contexts {
			w("    - name: %s\n      packages: [%s]\n", yamlScalar(c.Name), yamlList(c.Packages))
			if len(c.API) > 0 {
				w("      api: [%s]\n", yamlList(c.API))
			} else {
				w("      # api: no api folder: every import from another context is a violation; list the packages others may import\n")
			}
		}
	}

	if h := in.Hexagon; h != nil {
		w(`
# Ports and adapters. The core may import the core, the ports, the standard
# library and what core_allow lists; ports may import the core, ports and the
# standard library; each folder below an adapters root is one adapter, which
# must not import another.
hexagonal:
  core: [%s]
`, yamlList(h.Core))
		if len(h.Ports) > 0 {
			w("  ports: [%s]\n", yamlList(h.Ports))
		}
		if len(h.Adapters) > 0 {
			w("  adapters: [%s]\n", yamlList(h.Adapters))
		}
		if len(h.DrivingPorts) > 0 {
			w("  # %s: named ports, but its code serves requests (HTTP or gRPC):\n  # handlers that drive the core, so adapters in archie's terms.\n", commentText(strings.Join(h.DrivingPorts, ", ")))
		}
		if len(h.CoreImports) > 0 {
			w("  # The core imports these third-party packages today (violations, accepted in\n  # the baseline); list the ones it may use under core_allow:\n")
			for _, p := range h.CoreImports {
				w("  #   %s\n", commentText(p))
			}
		}
		w("  # core_allow: [github.com/google/uuid]\n  # core_forbid: [net/http, database/sql]\n")
	}

	if in.CycleDepth > 0 {
		w(`
# Folder cycles: Go forbids import cycles between packages, not between the
# folders they form. depth: %d compares the folders %d path %s below the
# module root.
cycles:
  depth: %d
`, in.CycleDepth, in.CycleDepth, pluralWord(in.CycleDepth, "element"), in.CycleDepth)
	} else {
		w(`
# Folder cycles are not checked: every folder here holds one package, and Go
# already forbids cycles between packages. When folders hold several:
# cycles:
#   depth: 1
`)
	}

	example := "./..."
	if len(in.Layers) > 0 {
		example = in.Layers[len(in.Layers)-1].Packages[0]
	}
	w(`
# Free-form rules say what the sections above cannot, for example:
# rules:
#   - name: no-logging-below-the-top
#     packages: [%s]
#     forbid: [log, log/slog]
#     why: "Lower layers return errors; callers log."
`, example)
	return b.Bytes()
}

func pluralWord(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// plainScalar is what YAML reads as the same string when written unquoted.
var plainScalar = regexp.MustCompile(`^[A-Za-z0-9_.][A-Za-z0-9_./*@+-]*$`)

// yamlScalar writes s so that YAML reads it back as s: plain when it is
// safe, double-quoted otherwise.
func yamlScalar(s string) string {
	switch strings.ToLower(s) {
	case "", "true", "false", "yes", "no", "on", "off", "null", "y", "n", "~":
		return strconv.Quote(s)
	}
	if !plainScalar.MatchString(s) {
		return strconv.Quote(s)
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return strconv.Quote(s)
	}
	return s
}

func yamlList(ss []string) string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = yamlScalar(s)
	}
	return strings.Join(out, ", ")
}

// commentText keeps a folder name from ending the comment it is in.
func commentText(s string) string {
	return strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f || r == 0x85 || r == 0x2028 || r == 0x2029 {
			return '?'
		}
		return r
	}, s)
}
