package services

import (
	"cmp"
	"fmt"
	"go/token"
	"maps"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/archie-dev/archie/analyze"
	"github.com/archie-dev/archie/analyze/services/helm"
)

// renderTimeout is how long one chart may take to render.
const renderTimeout = 20 * time.Second

// renderCharts renders the repository's Helm charts with their own
// values, as helm template does, and reads what they deploy as any
// manifest of the repository: the workloads, their images, environments
// and mounts, the ConfigMaps and Services. A chart in another's folder
// (charts/, or named by a file:// path there) is rendered only as its
// subchart; one a file:// path names elsewhere is rendered alone too. The release is
// named after the chart (helm install orders ./charts/orders), in the
// default namespace. A chart a script of the repository installs
// (helm upgrade --install op ./openreplay -f vars.yaml) is rendered as
// that command does: its values files and --set values over the chart's
// own, under its release name.
//
// What a rendered chart says replaces what its values files are guessed
// to say (helmEnv, and helmImages where every template rendered) and the
// variables its templates were only seen to set (templated). A template
// that does not render is a problem of the run: the workloads it
// declares are not read. A chart that does not load, or renders
// nothing, is read as before: by its values files, and a chart that does
// not load is a problem too.
func (d *deployment) renderCharts(root string) {
	dirs := slices.Sorted(maps.Keys(d.charts))
	// A chart's file may be as large as Helm reads one (5 MiB): a library
	// chart of generated CRDs (testkube-crds' 1.7 MiB _generated_crds.tpl)
	// defines what the chart's templates include.
	read := func(p string) ([]byte, bool) { return readLimited(d.root, p, 5<<20) }
	loaded := make(map[string]*helm.Chart)
	sub := make(map[string]bool)
	for _, dir := range dirs {
		c, err := helm.Load(dir, read)
		if err != nil {
			d.problems = append(d.problems, analyze.Error{NotChecked: true, Pos: token.Position{Filename: filepath.Join(dir, "Chart.yaml"), Line: 1, Column: 1},
				Msg: fmt.Sprintf("this Helm chart was not rendered, so what it deploys is read from its values files alone: %v", err)})
			continue
		}
		loaded[dir] = c
		for _, s := range c.Dirs()[1:] {
			// A chart in another's folder (charts/, subcharts/) is its
			// part; one it names by path elsewhere is a chart of its
			// own too (an umbrella chart's, installed alone as well).
			if strings.HasPrefix(s, c.Dir+string(filepath.Separator)) {
				sub[s] = true
			}
		}
	}
	rendered := make(map[string]bool) // the charts' folders
	failed := make(map[string]bool)   // the templates that did not render
	whole := make(map[string]bool)    // the folders of charts all of whose templates rendered, relative
	for _, dir := range dirs {
		c := loaded[dir]
		if c == nil || sub[dir] {
			continue
		}
		rel := helm.Release{Name: c.Meta.Name, Namespace: "default"}
		with := "the chart's values.yaml"
		if in, ok := d.installOf(root, dir); ok {
			rel.Name = cmp.Or(in.release, rel.Name)
			for _, v := range in.values {
				data, _ := readSmall(d.root, v)
				vals, err := helm.ReadValues(data)
				if err != nil {
					d.problems = append(d.problems, analyze.Error{NotChecked: true, Pos: token.Position{Filename: v, Line: 1, Column: 1},
						Msg: fmt.Sprintf("this values file, which %s passes to helm, does not parse, so the chart %s was rendered without it: %v", relTo(d.root, in.script), c.Meta.Name, err)})
					continue
				}
				rel.Values = append(rel.Values, vals)
			}
			rel.Values = append(rel.Values, helm.SetValues(in.set))
			with = fmt.Sprintf("the values %s installs it with", relTo(d.root, in.script))
		}
		manifests, errs := helm.Render(c, rel, renderTimeout)
		lacking := ""
		if len(c.Missing) > 0 {
			lacking = fmt.Sprintf("; the chart depends on %s, which the repository does not hold (helm dependency build fetches it)", joinNames(c.Missing))
		}
		for _, err := range errs {
			what := "this template of the Helm chart " + c.Meta.Name
			if filepath.Base(err.Template) == "Chart.yaml" {
				what = "the Helm chart " + c.Meta.Name
			}
			failed[filepath.ToSlash(relTo(d.root, err.Template))] = true
			d.problems = append(d.problems, analyze.Error{NotChecked: true, Pos: token.Position{Filename: err.Template, Line: 1, Column: 1},
				Msg: fmt.Sprintf("%s was not rendered with %s, so what it deploys was not read: %v%s", what, with, err.Err, lacking)})
		}
		if !slices.ContainsFunc(manifests, func(m helm.Manifest) bool { return strings.TrimSpace(string(m.Text)) != "" }) {
			continue // nothing rendered: read by its values, as a chart that does not load
		}
		for _, m := range manifests {
			rel := relTo(root, m.Template)
			d.rendered[filepath.ToSlash(rel)] = m
			d.read(root, m.Template, m.Text)
		}
		for _, s := range c.Dirs() {
			rendered[s] = true
			if len(errs) == 0 {
				whole[filepath.ToSlash(relTo(root, s))] = true
			}
		}
	}
	d.helmEnv = slices.DeleteFunc(d.helmEnv, func(h helmValues) bool { return rendered[h.dir] })
	// The images of a chart's values that no template of it deploys
	// are not deployed; where a template did not render, they may be.
	d.helmImages = slices.DeleteFunc(d.helmImages, func(img [2]string) bool { return whole[path.Dir(filepath.ToSlash(img[1]))] })
	var templates []string // the rendered charts' templates folders, as templated has their files
	for dir := range rendered {
		templates = append(templates, path.Join(filepath.ToSlash(relTo(d.root, dir)), "templates")+"/")
	}
	inRendered := func(f string) bool {
		f = filepath.ToSlash(f)
		return !failed[f] && slices.ContainsFunc(templates, func(dir string) bool { return strings.HasPrefix(f, dir) })
	}
	for k, files := range d.templated {
		files = slices.DeleteFunc(files, inRendered)
		if len(files) == 0 {
			delete(d.templated, k)
		} else {
			d.templated[k] = files
		}
	}
}
