package report

import (
	"fmt"
	"io"

	"github.com/archie-dev/archie/rules"
)

// ChainsSchema names the version of the JSON that ChainsJSON writes.
const ChainsSchema = "archie.chains/v1"

// ChainsText writes chains of imports as go mod why does: each package on
// a line, and below it where it imports the next one.
func ChainsText(w io.Writer, from, to string, chains []rules.ImportChain) error {
	if len(chains) == 0 {
		_, err := fmt.Fprintf(w, "no import chain from %s to %s\n", from, to)
		return err
	}
	for i, c := range chains {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "# chain %d of %d: %s\n", i+1, len(chains), plural(len(c.Imports), "import"))
		for j, p := range c.Packages {
			fmt.Fprintln(w, p)
			if j < len(c.Imports) {
				fmt.Fprintf(w, "    %s\n", c.Imports[j])
			}
		}
	}
	return nil
}

type jsonChains struct {
	Schema string      `json:"schema"`
	From   string      `json:"from"`
	To     string      `json:"to"`
	Chains []jsonChain `json:"chains"`
}

type jsonChain struct {
	Packages []string     `json:"packages"`
	Imports  []jsonImport `json:"imports"`
}

// ChainsJSON writes chains of imports as one JSON object: the arguments
// as given, and each chain's packages (import paths) and imports (from,
// to, position of the import spec).
func ChainsJSON(w io.Writer, from, to string, chains []rules.ImportChain) error {
	out := jsonChains{Schema: ChainsSchema, From: from, To: to, Chains: make([]jsonChain, 0, len(chains))}
	for _, c := range chains {
		jc := jsonChain{Packages: c.Packages, Imports: make([]jsonImport, 0, len(c.Imports))}
		for i, pos := range c.Imports {
			jc.Imports = append(jc.Imports, jsonImport{From: c.Packages[i], To: c.Packages[i+1], Position: jsonPos(pos)})
		}
		out.Chains = append(out.Chains, jc)
	}
	return writeJSON(w, out)
}
