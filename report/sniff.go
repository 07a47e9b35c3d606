package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"regexp"
)

// IsOwnOutput reports whether data is what archie check writes in format
// ("text", "json", "sarif", "github", "junit") or archie report ("html"),
// so that a file holding it
// may be replaced by a newer run without asking. It errs on the side of
// no: a refusal costs the user a --force, a wrong yes costs a file.
func IsOwnOutput(format string, data []byte) bool {
	if len(bytes.TrimSpace(data)) == 0 {
		return true
	}
	switch format {
	case "json":
		var doc struct {
			Schema string `json:"schema"`
		}
		// Exactly a check report: a baseline, a facts file or a graph is
		// JSON archie wrote too, and no report to replace.
		return json.Unmarshal(data, &doc) == nil && doc.Schema == CheckSchema
	case "sarif":
		var doc struct {
			Runs []struct {
				Tool struct {
					Driver struct {
						Name string `json:"name"`
					} `json:"driver"`
				} `json:"tool"`
			} `json:"runs"`
		}
		return json.Unmarshal(data, &doc) == nil && len(doc.Runs) > 0 && doc.Runs[0].Tool.Driver.Name == "archie"
	case "junit":
		var doc struct {
			XMLName xml.Name
			Name    string `xml:"name,attr"`
		}
		return xml.Unmarshal(data, &doc) == nil && doc.XMLName.Local == "testsuites" && doc.Name == "archie"
	case "html":
		return bytes.Contains(data, []byte("<title>archie report"))
	case "text", "github":
		return ownSummary.Match(finalLine(data))
	}
	return false
}

// ownSummary matches the last line archie's text and github formats end
// with: a mark, then what was found in how many packages.
var ownSummary = regexp.MustCompile(`^(✓|✗|!|[0-9]+ ).* in [0-9]+ packages?\b`)

func finalLine(data []byte) []byte {
	data = bytes.TrimRight(data, "\r\n\t ")
	if i := bytes.LastIndexByte(data, '\n'); i >= 0 {
		data = data[i+1:]
	}
	return data
}
