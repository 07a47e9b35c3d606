package services

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/archie-dev/archie/analyze/services/helm"
)

// A helmInstall is a helm install, upgrade or template command a script
// of the repository runs: the chart it installs, under which release,
// with which values files and --set values. A chart whose templates
// need values only its install gives (an umbrella chart's globals in a
// vars.yaml beside it) renders only with them.
type helmInstall struct {
	script  string   // the script that runs it
	chart   string   // the chart, as the command names it (installOf: its folder)
	release string   // "" when the command names none or names it by a variable
	values  []string // the values files, in order, each over the last
	// template marks helm template, which deploys nothing (a CI lint's):
	// an install or upgrade is preferred.
	template bool
	set      []helm.Set // --set and --set-string's key=value, in order
}

// helmValueFlags are the helm install, upgrade and template flags that
// take a value (the rest take none).
var helmValueFlags = map[string]bool{"f": true, "values": true, "n": true, "namespace": true, "set": true, "set-string": true,
	"set-file": true, "set-json": true, "set-literal": true, "version": true, "timeout": true, "kube-context": true, "kubeconfig": true,
	"repo": true, "username": true, "password": true, "post-renderer": true, "post-renderer-args": true, "description": true,
	"history-max": true, "name-template": true, "output-dir": true, "api-versions": true, "a": true, "kube-version": true,
	"show-only": true, "s": true, "ca-file": true, "cert-file": true, "key-file": true, "keyring": true, "release-name": true,
	"labels": true, "l": true, "registry-config": true, "repository-cache": true, "repository-config": true, "burst-limit": true,
	"qps": true, "kube-apiserver": true, "kube-as-user": true, "kube-as-group": true, "kube-ca-file": true, "kube-token": true,
	"o": true, "output": true, "kube-tls-server-name": true, "timeout-seconds": true}

// helmInstalls records the helm commands of a script (a shell script, a
// Makefile) that install or render a chart of the repository.
func (d *deployment) helmInstalls(script string, data []byte) {
	if !strings.Contains(string(data), "helm") {
		return
	}
	for _, line := range logicalLines(data) {
		for _, cmd := range shellCommands(strings.TrimLeft(strings.TrimSpace(line), "@-")) {
			if in, ok := d.helmCommand(script, cmd); ok {
				d.installs = append(d.installs, in)
			}
		}
	}
}

// helmCommand reads one command's words as a helm install, upgrade or
// template of a chart in the repository.
func (d *deployment) helmCommand(script string, cmd []string) (helmInstall, bool) {
	i := slices.IndexFunc(cmd, func(w string) bool { return w == "helm" || strings.HasSuffix(w, "/helm") })
	if i < 0 || i+1 >= len(cmd) {
		return helmInstall{}, false
	}
	verb := cmd[i+1]
	if verb != "install" && verb != "upgrade" && verb != "template" {
		return helmInstall{}, false
	}
	var pos, values []string
	var set []helm.Set
	generated := false
	args := cmd[i+2:]
	for j := 0; j < len(args); j++ {
		w := args[j]
		if !strings.HasPrefix(w, "-") || w == "-" {
			pos = append(pos, w)
			continue
		}
		name, val, hasVal := strings.Cut(strings.TrimLeft(w, "-"), "=")
		if name == "generate-name" || name == "g" {
			generated = true
		}
		if !helmValueFlags[name] {
			continue
		}
		if !hasVal {
			if j+1 >= len(args) {
				break
			}
			j++
			val = args[j]
		}
		switch name {
		case "f", "values":
			values = append(values, strings.Split(val, ",")...)
		case "set", "set-string":
			set = append(set, helm.Set{Text: val, Strings: name == "set-string"})
		}
	}
	var release, chart string
	switch {
	case len(pos) >= 2 && !generated:
		release, chart = pos[0], pos[1]
	case len(pos) >= 1:
		chart = pos[0]
	default:
		return helmInstall{}, false
	}
	if strings.Contains(release, "$") {
		release = ""
	}
	return helmInstall{script: script, chart: chart, release: release, template: verb == "template", values: values, set: set}, true
}

// chartAt returns the folder of the repository's chart a helm command
// run in base names by path, or "".
func (d *deployment) chartAt(base, chart string) string {
	if strings.Contains(chart, "$") || !strings.HasPrefix(chart, ".") && !strings.HasPrefix(chart, "/") && strings.Count(chart, "/") == 1 && !strings.Contains(chart, "..") {
		// repo/name is a chart of a chart repository, unless the
		// folder is here (helm looks for a local path first).
		if _, ok := d.charts[filepath.Join(base, chart)]; !ok {
			return ""
		}
	}
	p := chart
	if !filepath.IsAbs(p) {
		p = filepath.Join(base, p)
	}
	p = filepath.Clean(p)
	if _, ok := d.charts[p]; ok {
		return p
	}
	return ""
}

// installOf returns the install the chart in dir is rendered with: of
// the commands that install it, the first that names values files, all
// in the repository, or --set values, installs and upgrades before
// renders, scripts (by path, then line) before workflows; its chart and
// values files resolved, from the script's folder or else from root, the
// repository's.
func (d *deployment) installOf(root, dir string) (helmInstall, bool) {
	// Installs and upgrades first, scripts' before workflows': a CI
	// lint's helm template renders a test's values.
	ranked := slices.Clone(d.installs)
	slices.SortStableFunc(ranked, func(a, b helmInstall) int {
		rank := func(in helmInstall) int {
			r := 0
			if in.template {
				r += 2
			}
			if filepath.Base(in.script) == ".github" {
				r++
			}
			return r
		}
		return rank(a) - rank(b)
	})
	for _, in := range ranked {
		for _, base := range []string{filepath.Dir(in.script), root} {
			if d.chartAt(base, in.chart) != dir {
				continue
			}
			out := in
			out.chart, out.values = dir, nil
			// A value the shell fills (--set db.host=$DB_HOST) is not
			// known: neither is what the install renders.
			complete := !slices.ContainsFunc(in.set, func(s helm.Set) bool { return strings.Contains(s.Text, "$") })
			for _, v := range in.values {
				p := v
				if !filepath.IsAbs(p) {
					p = filepath.Join(base, p)
				}
				if _, ok := readSmall(d.root, p); !ok || strings.Contains(v, "$") {
					complete = false
					break
				}
				out.values = append(out.values, p)
			}
			if complete && len(out.values)+len(out.set) > 0 {
				return out, true
			}
			break
		}
	}
	return helmInstall{}, false
}
