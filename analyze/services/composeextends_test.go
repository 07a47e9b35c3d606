package services

import (
	"path/filepath"
	"reflect"
	"testing"

	"gopkg.in/yaml.v3"
)

func TestMergeComposeService(t *testing.T) {
	for _, tc := range []struct {
		name, base, own, want string
	}{
		{"own keys win, mappings merge",
			"build: {context: ., dockerfile: api.Dockerfile}\nimage: a\n",
			"build: {args: {TAG: kafka}}\nimage: b\n",
			"build: {context: ., dockerfile: api.Dockerfile, args: {TAG: kafka}}\nimage: b\n"},
		{"environment as a list and as a mapping",
			"environment: [A=1, B=2]\n",
			"environment: {B: 3, C: 4}\n",
			"environment: {A: '1', B: 3, C: 4}\n"},
		{"a variable without a value stays without one",
			"environment: {A: 1}\n",
			"environment: [B]\n",
			"environment: {A: 1, B: null}\n"},
		{"command replaced, ports appended once",
			"command: [api, -v]\nports: ['8080:8080']\n",
			"command: [api]\nports: ['8080:8080', '9090:9090']\n",
			"command: [api]\nports: ['8080:8080', '9090:9090']\n"},
		{"a volume at the same path in the container replaced",
			"volumes: ['./:/src', 'cache:/cache']\n",
			"volumes: ['./svc:/src', {type: bind, source: ./logs, target: /logs}]\n",
			"volumes: ['cache:/cache', './svc:/src', {type: bind, source: ./logs, target: /logs}]\n"},
		{"depends_on as a list and as a mapping",
			"depends_on: [db]\n",
			"depends_on: {cache: {condition: service_started}}\n",
			"depends_on: {db: null, cache: {condition: service_started}}\n"},
		{"a build given as a folder is its context",
			"build: ./backend\n",
			"build: {args: {STORE: pg}}\n",
			"build: {context: ./backend, args: {STORE: pg}}\n"},
		{"and the other way round",
			"build: {context: ./backend, dockerfile: orders.Dockerfile}\n",
			"build: ./backend\n",
			"build: {context: ./backend, dockerfile: orders.Dockerfile}\n"},
		{"one env file is a list of one",
			"env_file: [db.env]\n",
			"env_file: api.env\n",
			"env_file: [db.env, api.env]\n"},
		{"its own extends is not the base's",
			"extends: {service: root}\nimage: a\n",
			"extends: {file: common.yml, service: base}\n",
			"extends: {file: common.yml, service: base}\nimage: a\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := mergeComposeService(yamlMap(t, tc.base), yamlMap(t, tc.own))
			if want := yamlMap(t, tc.want); !reflect.DeepEqual(got, want) {
				t.Errorf("merged\n%v\nwant\n%v", got, want)
			}
		})
	}
}

func TestRebaseService(t *testing.T) {
	base := yamlMap(t, "build: {dockerfile: api.Dockerfile}\nenv_file: [app.env, {path: ./local.env}]\nvolumes: ['./data:/data', 'cache:/cache', '../shared', '.:/src', '..:/up']\n")
	got := rebaseService(base, "/r/deploy/common", "/r/deploy")
	want := yamlMap(t, "build: {dockerfile: api.Dockerfile, context: common}\nenv_file: [common/app.env, {path: common/local.env}]\nvolumes: ['./common/data:/data', 'cache:/cache', './shared', './common:/src', '.:/up']\n")
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rebased\n%v\nwant\n%v", got, want)
	}
	if _, ok := base["build"].(map[string]any)["context"]; ok {
		t.Error("rebaseService changed the service it was given")
	}
}

func TestExtendsOf(t *testing.T) {
	for _, tc := range []struct {
		svc        string
		path, name string
		ok         bool
	}{
		{"extends: base\n", "/r/compose.yml", "base", true},
		{"extends: {service: base}\n", "/r/compose.yml", "base", true},
		{"extends: {file: common/c.yml, service: base}\n", "/r/common/c.yml", "base", true},
		{"extends: {file: '${COMMON}', service: base}\n", "", "", false},
		{"image: a\n", "", "", false},
	} {
		path, name, ok := extendsOf("/r/compose.yml", yamlMap(t, tc.svc))
		if path != tc.path || name != tc.name || ok != tc.ok {
			t.Errorf("extendsOf(%q) = %q, %q, %v; want %q, %q, %v", tc.svc, path, name, ok, tc.path, tc.name, tc.ok)
		}
	}
}

func yamlMap(t *testing.T, s string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := yaml.Unmarshal([]byte(s), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestExtendedFiles(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"compose.common.yml":   "services:\n  api-common: {build: .}\n",
		"compose.kafka.yml":    "services:\n  api-kafka: {extends: {file: compose.common.yml, service: api-common}}\n",
		"compose.yml":          "services:\n  api: {build: .}\n",
		"compose.override.yml": "services:\n  api-debug: {extends: {file: compose.yml, service: api}}\n",
		"base.yml":             "services:\n  web: {build: .}\n",
		"e2e.override.yml":     "services:\n  e2e-web: {extends: {file: base.yml, service: web}}\n",
		"mixed.yml":            "---\n---\nservices:\n  worker: {build: .}\n  redis: {image: redis}\n",
		"uses-mixed.yml":       "services:\n  w: {extends: {file: mixed.yml, service: worker}}\n",
	}
	writeFiles(t, dir, files)
	var paths []string
	for name := range files {
		paths = append(paths, filepath.Join(dir, name))
	}
	d := &deployment{root: dir}
	got := d.extendedFiles(paths)
	for name, want := range map[string]bool{
		"compose.common.yml": true,  // only extended: templates
		"compose.yml":        false, // what compose up runs, whatever extends it
		"base.yml":           false, // its override extends it: run with it
		"mixed.yml":          false, // redis is its own
	} {
		if got[filepath.Join(dir, name)] != want {
			t.Errorf("%s a file of templates: %v, want %v", name, got[filepath.Join(dir, name)], want)
		}
	}
	if len(d.composeServices(filepath.Join(dir, "mixed.yml"))) != 2 {
		t.Error("a compose file after empty documents was not read")
	}
}
