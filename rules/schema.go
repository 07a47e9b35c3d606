package rules

import _ "embed"

// SchemaURL is where the JSON Schema of archie.yaml is published: the copy
// committed at docs/archie.schema.json on the main branch. archie init
// names it in the first line of the config it writes, which is how the
// YAML language server (VS Code, and editors that embed it) finds a schema.
const SchemaURL = "https://raw.githubusercontent.com/archie-dev/archie/main/docs/archie.schema.json"

//go:embed archie.schema.json
var schema []byte

// Schema returns the JSON Schema (draft-07) of archie.yaml, for editors:
// completion, descriptions on hover, and errors before archie runs. It
// states every key ParseConfig knows, and the checks a schema can express
// (types, severities, required keys, unknown keys); what needs the code,
// such as a pattern that matches no package, only archie check can tell.
func Schema() []byte { return append([]byte(nil), schema...) }
