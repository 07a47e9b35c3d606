package services

import (
	"bytes"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// A compose service may extend another, of its own file or of another
// (`extends: {file: compose.common.yml, service: api-common}`): it is
// the other's definition with its own keys merged over, as docker compose
// merges them. A repository that deploys one program several ways
// (compose.kafka.yml and compose.redis.yml each build the API with its
// own build args over a common service) says what each deployment builds
// and sets only through that merge.

// extendedFiles returns the compose files among files whose every
// service a service of another file extends: a file of templates
// (compose.common.yml), which deploys nothing of its own. A file docker
// compose reads by default (compose.yml), or with the override file that
// extends it, runs all the same.
func (d *deployment) extendedFiles(files []string) map[string]bool {
	extended := make(map[string]map[string]bool) // file -> its services another file extends
	overridden := make(map[string]bool)
	for _, path := range files {
		if ext := filepath.Ext(path); ext != ".yml" && ext != ".yaml" {
			continue
		}
		data, ok := readSmall(d.root, path)
		if !ok || !bytes.Contains(data, []byte("extends")) {
			continue
		}
		for _, v := range d.composeServices(path) {
			if target, name, ok := extendsOf(path, v); ok && target != path {
				if extended[target] == nil {
					extended[target] = make(map[string]bool)
				}
				extended[target][name] = true
				if strings.Contains(filepath.Base(path), ".override.") {
					// compose up reads the override with the file it
					// extends: that file runs.
					overridden[target] = true
				}
			}
		}
	}
	templates := make(map[string]bool)
	for path, names := range extended {
		if defaultCompose[filepath.Base(path)] || overridden[path] {
			continue // what docker compose up runs
		}
		services := d.composeServices(path)
		all := len(services) > 0
		for name := range services {
			all = all && names[name]
		}
		templates[path] = all
	}
	return templates
}

// defaultCompose are the names of the files docker compose reads when it
// is given none.
var defaultCompose = map[string]bool{"compose.yaml": true, "compose.yml": true, "docker-compose.yaml": true, "docker-compose.yml": true}

// extendServices returns a compose file's services, each merged over
// what it extends.
func (d *deployment) extendServices(path string, services map[string]any) map[string]any {
	if !slices.ContainsFunc(slices.Collect(maps.Values(services)), func(v any) bool { _, _, ok := extendsOf(path, v); return ok }) {
		return services
	}
	out := make(map[string]any, len(services))
	for name, v := range services {
		out[name] = d.extendService(path, name, v, map[string]bool{})
	}
	return out
}

// extendsOf returns the file and service a compose service of the file at
// path extends.
func extendsOf(path string, v any) (string, string, bool) {
	m, _ := v.(map[string]any)
	switch e := m["extends"].(type) {
	case string:
		return path, e, e != ""
	case map[string]any:
		name, _ := e["service"].(string)
		file, _ := e["file"].(string)
		if name == "" || strings.Contains(file, "$") {
			return "", "", false
		}
		if file == "" {
			return path, name, true
		}
		return filepath.Join(filepath.Dir(path), filepath.FromSlash(file)), name, true
	}
	return "", "", false
}

// extendService returns the service name of the compose file at path,
// whose definition is v, merged over what it extends (and that over what
// it extends); seen guards against a loop. A service it cannot find is
// left as it is.
func (d *deployment) extendService(path, name string, v any, seen map[string]bool) any {
	basePath, baseName, ok := extendsOf(path, v)
	key := path + "\x00" + name
	if !ok || seen[key] {
		return v
	}
	seen[key] = true
	baseDef, ok := d.composeServices(basePath)[baseName]
	if !ok {
		return v
	}
	base, ok := d.extendService(basePath, baseName, baseDef, seen).(map[string]any)
	if !ok {
		return v
	}
	if from, to := filepath.Dir(basePath), filepath.Dir(path); from != to {
		base = rebaseService(base, from, to)
	}
	own, _ := v.(map[string]any)
	return mergeComposeService(base, own)
}

// composeServices returns the services of the compose file at path, if
// it is in the repository, read once.
func (d *deployment) composeServices(path string) map[string]any {
	if services, ok := d.composeFiles[path]; ok {
		return services
	}
	var services map[string]any
	if data, ok := readSmall(d.root, path); ok {
		dec := yaml.NewDecoder(bytes.NewReader(data))
		for services == nil {
			var doc map[string]any
			if dec.Decode(&doc) != nil {
				break
			}
			if doc != nil && doc["kind"] == nil {
				services, _ = doc["services"].(map[string]any)
			}
		}
	}
	if d.composeFiles == nil {
		d.composeFiles = make(map[string]map[string]any)
	}
	d.composeFiles[path] = services
	return services
}

// mergeComposeService merges a service's own keys over the service it
// extends, as docker compose does: mappings key by key (environment,
// labels and build args whether written as lists or maps), sequences
// appended (ports, volumes, env_file), a command, an entrypoint or a
// scalar replaced.
func mergeComposeService(base, own map[string]any) map[string]any {
	out := maps.Clone(base)
	delete(out, "extends")
	for k, v := range own {
		out[k] = mergeComposeValue(k, out[k], v)
	}
	return out
}

func mergeComposeValue(key string, base, own any) any {
	if base == nil {
		return own
	}
	switch key {
	case "build":
		// build: ./api is build: {context: ./api}.
		if s, ok := base.(string); ok {
			base = map[string]any{"context": s}
		}
		if s, ok := own.(string); ok {
			own = map[string]any{"context": s}
		}
	case "env_file":
		// One file is a list of one.
		if s, ok := base.(string); ok {
			base = []any{s}
		}
		if s, ok := own.(string); ok {
			own = []any{s}
		}
	}
	switch key {
	case "command", "entrypoint", "test", "image", "extends":
		return own
	case "volumes":
		// One volume per path in the container: the extending
		// service's replaces the base's.
		b, ok1 := base.([]any)
		o, ok2 := own.([]any)
		if !ok1 || !ok2 {
			return own
		}
		merged := slices.DeleteFunc(slices.Clone(b), func(v any) bool {
			return slices.ContainsFunc(o, func(w any) bool { return volumeTarget(w) == volumeTarget(v) })
		})
		return append(merged, o...)
	case "environment", "labels", "args", "depends_on", "annotations", "sysctls", "extra_hosts":
		if b, o := keyedMap(base), keyedMap(own); b != nil && o != nil {
			merged := maps.Clone(b)
			maps.Copy(merged, o)
			return merged
		}
		return own
	}
	switch o := own.(type) {
	case map[string]any:
		b, ok := base.(map[string]any)
		if !ok {
			return own
		}
		merged := maps.Clone(b)
		for k, v := range o {
			merged[k] = mergeComposeValue(k, merged[k], v)
		}
		return merged
	case []any:
		b, ok := base.([]any)
		if !ok {
			return own
		}
		merged := slices.Clone(b)
		for _, v := range o {
			if !slices.ContainsFunc(merged, func(x any) bool { return fmt.Sprint(x) == fmt.Sprint(v) }) {
				merged = append(merged, v)
			}
		}
		return merged
	}
	return own
}

// keyedMap returns a compose list of KEY=VALUE (or of names, for
// depends_on) as the mapping it stands for, or a mapping as it is; nil
// for anything else.
func keyedMap(v any) map[string]any {
	switch x := v.(type) {
	case map[string]any:
		return x
	case []any:
		m := make(map[string]any, len(x))
		for _, e := range x {
			s, ok := e.(string)
			if !ok {
				return nil
			}
			if k, val, ok := strings.Cut(s, "="); ok {
				m[k] = val
			} else {
				m[s] = nil
			}
		}
		return m
	}
	return nil
}

// rebaseService returns a service of a compose file in folder from with
// its relative paths (the build context, env files, bound folders) made
// relative to folder to, where the service extending it is.
func rebaseService(s map[string]any, from, to string) map[string]any {
	rel := func(p string) string {
		if filepath.IsAbs(p) || strings.HasPrefix(p, "$") || strings.HasPrefix(p, "~") || strings.Contains(p, "://") {
			return p
		}
		r, err := filepath.Rel(to, filepath.Join(from, filepath.FromSlash(p)))
		if err != nil {
			return p
		}
		return filepath.ToSlash(r)
	}
	out := maps.Clone(s)
	switch b := s["build"].(type) {
	case string:
		out["build"] = rel(b)
	case map[string]any:
		nb := maps.Clone(b)
		c, _ := b["context"].(string)
		if c == "" {
			c = "." // the context is the extended file's folder
		}
		nb["context"] = rel(c)
		out["build"] = nb
	}
	switch e := s["env_file"].(type) {
	case string:
		out["env_file"] = rel(e)
	case []any:
		files := make([]any, len(e))
		for i, f := range e {
			switch x := f.(type) {
			case string:
				files[i] = rel(x)
			case map[string]any:
				nx := maps.Clone(x)
				if p, ok := x["path"].(string); ok {
					nx["path"] = rel(p)
				}
				files[i] = nx
			default:
				files[i] = f
			}
		}
		out["env_file"] = files
	}
	if vols, ok := s["volumes"].([]any); ok {
		nv := make([]any, len(vols))
		for i, v := range vols {
			nv[i] = v
			str, _ := v.(string)
			src, dst, bound := strings.Cut(str, ":")
			if src == "." || src == ".." || strings.HasPrefix(src, "./") || strings.HasPrefix(src, "../") {
				if src = rel(src); !strings.HasPrefix(src, "../") && src != "." && src != ".." {
					src = "./" + src // a path, not a volume's name
				}
				if nv[i] = src; bound {
					nv[i] = src + ":" + dst
				}
			}
		}
		out["volumes"] = nv
	}
	return out
}

// volumeTarget returns the path in the container a compose volume is
// mounted at: the second part of ./data:/data:ro, a long form's target,
// an anonymous volume's own path.
func volumeTarget(v any) string {
	switch x := v.(type) {
	case string:
		parts := strings.Split(x, ":")
		if len(parts) == 1 {
			return parts[0]
		}
		return parts[1]
	case map[string]any:
		t, _ := x["target"].(string)
		return t
	}
	return fmt.Sprint(v)
}
