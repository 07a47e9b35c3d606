package report

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/archie-dev/archie/rules"
	"golang.org/x/mod/module"
)

// The SARIF 2.1.0 objects archie writes: the subset GitHub code scanning
// and other viewers read, with nothing empty or defaulted written out, so
// that the file diffs cleanly between runs.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool        sarifTool         `json:"tool"`
		Invocations []sarifInvocation `json:"invocations"`
		Results     []sarifResult     `json:"results"`
		// Bases describe the locations not below %SRCROOT%: a
		// dependency's files, below the module cache.
		Bases map[string]sarifBase `json:"originalUriBaseIds,omitempty"`
	}
	sarifBase struct {
		Description sarifText `json:"description"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string         `json:"id"`
		ShortDescription     sarifText      `json:"shortDescription"`
		FullDescription      sarifText      `json:"fullDescription"`
		Help                 sarifMarkdown  `json:"help"`
		DefaultConfiguration sarifLevel     `json:"defaultConfiguration"`
		Properties           map[string]any `json:"properties,omitempty"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifMarkdown struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown"`
	}
	sarifLevel struct {
		Level string `json:"level"`
	}
	sarifInvocation struct {
		ExecutionSuccessful bool                `json:"executionSuccessful"`
		Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
	}
	sarifNotification struct {
		Level     string          `json:"level"`
		Message   sarifText       `json:"message"`
		Locations []sarifLocation `json:"locations,omitempty"`
	}
	sarifResult struct {
		RuleID       string             `json:"ruleId"`
		RuleIndex    int                `json:"ruleIndex"`
		Level        string             `json:"level"`
		Message      sarifText          `json:"message"`
		Locations    []sarifLocation    `json:"locations"`
		Related      []sarifLocation    `json:"relatedLocations,omitempty"`
		Fingerprints map[string]string  `json:"partialFingerprints"`
		Suppressions []sarifSuppression `json:"suppressions,omitempty"`
		Properties   map[string]any     `json:"properties,omitempty"`
	}
	sarifLocation struct {
		ID       int           `json:"id,omitempty"` // from 1: relatedLocations only
		Physical sarifPhysical `json:"physicalLocation"`
		Message  *sarifText    `json:"message,omitempty"`
	}
	sarifPhysical struct {
		Artifact sarifArtifact `json:"artifactLocation"`
		Region   *sarifRegion  `json:"region,omitempty"`
	}
	sarifArtifact struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
	}
	sarifSuppression struct {
		Kind          string `json:"kind"`
		Justification string `json:"justification,omitempty"`
	}
)

// sarifSchema is the schema the log declares: SARIF 2.1.0 with its errata,
// as published by OASIS.
const sarifSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// SARIF writes the check as a SARIF 2.1.0 log for code-scanning tools:
// every declared rule once, with its documentation and decision record, and
// one result per violation at the import that breaks the rule. Paths are
// relative to the repository root (%SRCROOT%), as GitHub expects.
func SARIF(w io.Writer, c *Check) error {
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           "archie",
			InformationURI: "https://github.com/archie-dev/archie",
			Rules:          []sarifRule{},
		}},
		// A run that could not load all the code did not do its job,
		// whatever it found: consumers must not read it as a pass.
		Invocations: []sarifInvocation{{ExecutionSuccessful: c.Complete()}},
		Results:     []sarifResult{},
	}
	index := make(map[string]int)
	for i, r := range c.ruleList() {
		index[r.Name] = i
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, c.sarifRule(r))
	}
	for _, e := range c.LoadErrors {
		msg := e.Msg
		if !e.Pos.IsValid() && e.Package != "" {
			msg = e.Package + ": " + msg
		}
		n := sarifNotification{Level: "error", Message: sarifText{Text: e.Label() + ": " + msg}}
		if e.Pos.IsValid() {
			n.Locations = []sarifLocation{c.sarifLocation(relPosition(e.Pos, c.Dir))}
		}
		run.Invocations[0].Notifications = append(run.Invocations[0].Notifications, n)
	}
	for _, v := range c.Result.Violations {
		res := sarifResult{
			RuleID:    v.Rule,
			RuleIndex: index[v.Rule],
			Level:     sarifLevelOf(v.Severity),
			Message:   sarifText{Text: c.sentence(v)},
			Locations: []sarifLocation{c.sarifLocation(v.Position)},
			// The fingerprint names the broken dependency, not its line, so
			// an alert survives edits above it.
			Fingerprints: map[string]string{"archieDependency/v1": fingerprint(v.Rule, v.From, v.To, c.fromRoot(v.Position.File))},
			Properties:   map[string]any{"kind": v.Kind, "from": v.From, "to": v.To},
		}
		// Each fact a smell rests on is a place of its own in the viewer.
		for i, e := range v.Evidence {
			loc := c.sarifLocation(e.Position)
			loc.ID = i + 1
			loc.Message = &sarifText{Text: cmp.Or(e.Detail, "evidence")}
			res.Related = append(res.Related, loc)
		}
		if v.Baselined {
			res.Suppressions = []sarifSuppression{{Kind: "external", Justification: "in the baseline"}}
		}
		run.Results = append(run.Results, res)
	}
	if run.inModCache() {
		run.Bases = map[string]sarifBase{modCacheBase: {Description: sarifText{Text: "The Go module cache (go env GOMODCACHE): a dependency's files, as module@version/path with the module path escaped as the cache escapes it."}}}
	}
	return writeJSON(w, sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{run}})
}

func (c *Check) sarifRule(r rules.DeclaredRule) sarifRule {
	short := cmp.Or(about(r), r.Name)
	full, help := short, short
	if f := rules.LookupFamily(r.Kind); f != nil {
		full = strings.Join(strings.Fields(f.Doc), " ")
		help = f.Doc
		if r.Why != "" {
			help = r.Why + "\n\n" + help
		}
	}
	md := help
	props := map[string]any{"tags": []string{"architecture", r.Kind}}
	if r.ADR != 0 {
		d := c.decision(r.ADR)
		help += "\n\nDecided in " + d + "."
		md += "\n\nDecided in **" + d + "**"
		if rec, ok := c.Decisions[r.ADR]; ok && rec.File != "" {
			md += " (`" + c.fromRoot(rec.File) + "`)"
			props["adrFile"] = c.fromRoot(rec.File)
		}
		md += "."
		props["adr"] = fmt.Sprintf("%04d", r.ADR)
	}
	return sarifRule{
		ID:                   r.Name,
		ShortDescription:     sarifText{Text: short},
		FullDescription:      sarifText{Text: full},
		Help:                 sarifMarkdown{Text: help, Markdown: md},
		DefaultConfiguration: sarifLevel{Level: sarifLevelOf(r.Severity)},
		Properties:           props,
	}
}

// inModCache reports whether a location of the run is a dependency's.
func (r *sarifRun) inModCache() bool {
	for _, res := range r.Results {
		for _, loc := range append(slices.Clip(res.Locations), res.Related...) {
			if loc.Physical.Artifact.URIBaseID == modCacheBase {
				return true
			}
		}
	}
	return false
}

// modCacheBase is the base of the locations in dependencies.
const modCacheBase = "GOMODCACHE"

// sarifLocation places a position; a violation with no file (an import the
// loader could not locate) is placed at the config file.
func (c *Check) sarifLocation(p rules.Position) sarifLocation {
	if p.File == "" {
		p = rules.Position{File: c.configFile()}
	}
	art := sarifArtifact{URI: uriPath(c.fromRoot(p.File)), URIBaseID: "%SRCROOT%"}
	if mod, ver, ok := strings.Cut(p.Module, "@"); ok {
		// A dependency's file is below the module cache, where its
		// path is escaped (github.com/!shopify/sarama@v1.38.1).
		if esc, err := module.EscapePath(mod); err == nil {
			art = sarifArtifact{URI: uriPath(esc + "@" + ver + strings.TrimPrefix(p.File, p.Module)), URIBaseID: modCacheBase}
		}
	} else if file := filepath.ToSlash(p.File); path.IsAbs(file) || filepath.IsAbs(p.File) {
		// A file outside the repository (a dependency's) has no place
		// below %SRCROOT%: it is named by its absolute file URI.
		if !strings.HasPrefix(file, "/") {
			file = "/" + file // C:/x on Windows
		}
		art = sarifArtifact{URI: "file://" + uriPath(file)}
	}
	loc := sarifLocation{Physical: sarifPhysical{Artifact: art}}
	if p.Line > 0 {
		loc.Physical.Region = &sarifRegion{StartLine: p.Line, StartColumn: p.Column}
	}
	return loc
}

// uriPath turns a slash-separated file path into the path of a URI
// reference (RFC 3986), as SARIF wants artifact locations: every byte but
// the unreserved characters (letters, digits, - . _ ~) and the / that
// separates segments is percent-encoded, UTF-8 included. The reserved
// characters that a path may hold raw are encoded too: a colon in the first
// segment would read as a scheme, and decoding gives the same path either
// way. (net/url keeps ":" and, in url.URL.String, prefixes "./" instead,
// which changes the path that code scanning matches to the repository.) A
// path cannot start with "//", which would read as a host: the second
// slash is encoded.
func uriPath(p string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	i := 0
	if strings.HasPrefix(p, "//") {
		b.WriteString("/%2F")
		i = 2
	}
	for ; i < len(p); i++ {
		switch c := p[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '.', c == '_', c == '~', c == '/':
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

func (c *Check) configFile() string {
	if c.ConfigFile != "" {
		return c.ConfigFile
	}
	return "archie.yaml"
}

// sentence is a violation's message with the decision it breaks, as one
// line for annotations and code-scanning alerts.
func (c *Check) sentence(v rules.Violation) string {
	s := v.Message
	if v.Why != "" && v.Kind != "forbid" {
		s += " (" + v.Why + ")"
	}
	if d := c.decision(v.ADR); d != "" {
		s += "; decided in " + d
	}
	return s
}

func sarifLevelOf(s rules.Severity) string {
	switch s {
	case rules.SeverityWarning:
		return "warning"
	case rules.SeverityInfo:
		return "note"
	}
	return "error"
}

func fingerprint(parts ...string) string {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return hex.EncodeToString(h[:8])
}
