package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/archie-dev/archie/rules"
)

// MetricsSchema names the version of the JSON that Metrics writes.
const MetricsSchema = "archie.metrics/v1"

// MetricsFormats are the formats Metrics knows.
var MetricsFormats = []string{"text", "json", "csv"}

// MetricsColumns are the columns metrics can be sorted by: name ascending,
// every measure descending.
var MetricsColumns = []string{"name", "packages", "files", "lines", "types", "ca", "ce", "instability", "abstractness", "distance"}

// SortMetrics orders metrics by a column of MetricsColumns, ties by name.
func SortMetrics(ms []*rules.Metric, column string) error {
	var key func(m *rules.Metric) float64
	switch column {
	case "name":
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].Name < ms[j].Name })
		return nil
	case "packages":
		key = func(m *rules.Metric) float64 { return float64(m.Packages) }
	case "files":
		key = func(m *rules.Metric) float64 { return float64(m.Files) }
	case "lines":
		key = func(m *rules.Metric) float64 { return float64(m.Lines) }
	case "types":
		key = func(m *rules.Metric) float64 { return float64(m.Types) }
	case "ca":
		key = func(m *rules.Metric) float64 { return float64(m.Ca) }
	case "ce":
		key = func(m *rules.Metric) float64 { return float64(m.Ce) }
	case "instability":
		key = func(m *rules.Metric) float64 { return m.Instability }
	case "abstractness":
		key = func(m *rules.Metric) float64 { return m.Abstractness }
	case "distance":
		key = func(m *rules.Metric) float64 { return m.Distance }
	default:
		return fmt.Errorf("unknown column %q: use one of %s", column, strings.Join(MetricsColumns, ", "))
	}
	sort.SliceStable(ms, func(i, j int) bool {
		if a, b := key(ms[i]), key(ms[j]); a != b {
			return a > b
		}
		return ms[i].Name < ms[j].Name
	})
	return nil
}

// Metrics renders metrics in the named format. flagged holds the import
// paths (package level) or names of the nodes a threshold reports, marked
// in the text table.
func Metrics(w io.Writer, format, level string, ms []*rules.Metric, flagged map[string]bool, color bool) error {
	switch format {
	case "text":
		return metricsText(w, level, ms, flagged, color)
	case "json":
		return metricsJSON(w, level, ms)
	case "csv":
		return metricsCSV(w, ms)
	}
	return fmt.Errorf("unknown format %q", format)
}

func metricRow(m *rules.Metric) []string {
	return []string{m.Name, strconv.Itoa(m.Packages), strconv.Itoa(m.Files), strconv.Itoa(m.Lines), strconv.Itoa(m.Types),
		strconv.Itoa(m.Ca), strconv.Itoa(m.Ce), ratio(m.Instability), ratio(m.Abstractness), ratio(m.Distance)}
}

func ratio(f float64) string { return strconv.FormatFloat(f, 'f', 2, 64) }

func metricsText(w io.Writer, level string, ms []*rules.Metric, flagged map[string]bool, color bool) error {
	st := newStyles(w, color)
	head := []string{strings.ToUpper(level), "PKGS", "FILES", "LOC", "TYPES", "CA", "CE", "I", "A", "D"}
	rows := [][]string{head}
	for _, m := range ms {
		rows = append(rows, metricRow(m))
	}
	width := make([]int, len(head))
	for _, r := range rows {
		for i, cell := range r {
			width[i] = max(width[i], len([]rune(cell)))
		}
	}
	var b strings.Builder
	for n, r := range rows {
		var line strings.Builder
		for i, cell := range r {
			if i == 0 {
				fmt.Fprintf(&line, "%-*s", width[i], cell)
			} else {
				fmt.Fprintf(&line, "  %*s", width[i], cell)
			}
		}
		s := strings.TrimRight(line.String(), " ")
		switch {
		case n == 0:
			s = st.header.Render(s)
		case flagged[ms[n-1].Name] || flagged[ms[n-1].Path] && ms[n-1].Path != "":
			s = st.warn.Render(s + "  !")
		}
		b.WriteString(s + "\n")
	}
	legend := "CA/CE: packages importing it / imported by it (std not counted); I = CE/(CA+CE); A: interfaces among types; D = |A+I-1|"
	if len(flagged) > 0 {
		legend += "; ! past a threshold in archie.yaml"
	}
	b.WriteString(st.dim.Render(legend) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

type jsonMetric struct {
	Name         string  `json:"name"`
	Kind         string  `json:"kind"`
	Path         string  `json:"path,omitempty"`
	Packages     int     `json:"packages"`
	Files        int     `json:"files"`
	Lines        int     `json:"lines"`
	Types        int     `json:"types"`
	Abstract     int     `json:"abstract_types"`
	Ca           int     `json:"afferent"`
	Ce           int     `json:"efferent"`
	Instability  float64 `json:"instability"`
	Abstractness float64 `json:"abstractness"`
	Distance     float64 `json:"distance"`
}

func metricsJSON(w io.Writer, level string, ms []*rules.Metric) error {
	out := struct {
		Schema  string       `json:"schema"`
		Level   string       `json:"level"`
		Metrics []jsonMetric `json:"metrics"`
	}{Schema: MetricsSchema, Level: level, Metrics: []jsonMetric{}}
	round := func(f float64) float64 { v, _ := strconv.ParseFloat(ratio(f), 64); return v }
	for _, m := range ms {
		out.Metrics = append(out.Metrics, jsonMetric{Name: m.Name, Kind: m.Kind, Path: m.Path, Packages: m.Packages, Files: m.Files,
			Lines: m.Lines, Types: m.Types, Abstract: m.Abstract, Ca: m.Ca, Ce: m.Ce,
			Instability: round(m.Instability), Abstractness: round(m.Abstractness), Distance: round(m.Distance)})
	}
	return writeJSON(w, out)
}

func metricsCSV(w io.Writer, ms []*rules.Metric) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"name", "packages", "files", "lines", "types", "afferent", "efferent", "instability", "abstractness", "distance"})
	for _, m := range ms {
		cw.Write(metricRow(m))
	}
	cw.Flush()
	return cw.Error()
}
