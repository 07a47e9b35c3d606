package services

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestIsDockerfile(t *testing.T) {
	for name, want := range map[string]bool{
		"Dockerfile": true, "Containerfile": true, "Dockerfile.api": true, "Dockerfile-api": true,
		"Dockerfile_api": true, "api.Dockerfile": true, "api.dockerfile": true,
		"Dockerfiles": false, "DockerfileGenerator.go": false, "dockerfile.go": false, "Dockerfile.go.tmpl": true,
		"Dockerfile_test.go": false, "Dockerfile-gen.go": false, "Dockerfile.go": false,
	} {
		if got := isDockerfile(name); got != want {
			t.Errorf("isDockerfile(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestGoBuildTags(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "cmd", "api"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "cmd", "api", "main.go"), []byte("package main\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		cmd   []string
		tags  string
		known bool
	}{
		{[]string{"go", "build", "./cmd/api"}, "", true},
		{[]string{"go", "build", "-tags=pg,netgo", "./cmd/api"}, "netgo,pg", true},
		{[]string{"go", "build", "-tags", "pg", "-o", "/bin/api", "./cmd/api"}, "pg", true},
		{[]string{"go", "build", "--tags", `"pg netgo pg"`, "./cmd/api"}, "netgo,pg", true},
		{[]string{"CGO_ENABLED=0", "go", "install", "-tags=pg", "./cmd/api"}, "pg", true},
		{[]string{"go", "build", "-tags=${TAGS}", "./cmd/api"}, "${TAGS}", false},
		// go reads tags from GOFLAGS too; the command line's win.
		{[]string{"GOFLAGS=-tags=pg", "go", "build", "./cmd/api"}, "pg", true},
		{[]string{"GOFLAGS=-mod=mod -tags=pg,netgo -trimpath", "go", "build", "./cmd/api"}, "netgo,pg", true},
		{[]string{"GOFLAGS=-tags=pg", "go", "build", "-tags=netgo", "./cmd/api"}, "netgo", true},
		{[]string{"env", "GOFLAGS=-mod=mod", "go", "build", "./cmd/api"}, "", true},
		{[]string{"GOFLAGS=-tags=${TAGS}", "go", "build", "./cmd/api"}, "${TAGS}", false},
		{[]string{"GOFLAGS=$EXTRA", "go", "build", "./cmd/api"}, "", false},
		{[]string{"GOFLAGS=$", "go", "build", "-tags=pg", "./cmd/api"}, "pg", true},
	} {
		r := (&deployment{}).newRun("Dockerfile")
		pkgs, tags, known := r.goBuild(tc.cmd, []string{root}, "")
		if len(pkgs) != 1 || pkgs[0] != "./cmd/api" || tags != tc.tags || known != tc.known {
			t.Errorf("goBuild(%q) = %q, %q, %v; want [./cmd/api], %q, %v", tc.cmd, pkgs, tags, known, tc.tags, tc.known)
		}
		// Tags archie cannot read are recorded as such: the run says so.
		want := tc.tags
		if !tc.known {
			want = unreadTags
		}
		if got := r.tags[filepath.Join(root, "cmd", "api")]; got != want {
			t.Errorf("goBuild(%q) records tags %q for ./cmd/api; want %q", tc.cmd, got, want)
		}
	}
}

func TestGoRunTags(t *testing.T) {
	for _, tc := range []struct {
		cmd   string
		tags  string
		known bool
	}{
		{"go run ./cmd/api", "", true},
		{"go run -tags pg ./cmd/api", "pg", true},
		{"go run -tags=pg,netgo .", "netgo,pg", true},
		{"GOFLAGS=-tags=pg go run ./cmd/api", "pg", true},
		{"GOFLAGS=-tags=pg go run -tags netgo ./cmd/api", "netgo", true},
		// The program's own flags, after the package, are not go's.
		{"go run ./cmd/api -tags pg", "", true},
		{"go run -tags $TAGS ./cmd/api", "$TAGS", false},
		{"make run", "", true},
	} {
		tags, known := goRunTags(strings.Fields(tc.cmd))
		if tags != tc.tags || known != tc.known {
			t.Errorf("goRunTags(%q) = %q, %v; want %q, %v", tc.cmd, tags, known, tc.tags, tc.known)
		}
	}
}

func TestSetEnv(t *testing.T) {
	for _, tc := range []struct {
		before map[string]string
		k, v   string
		want   string
		set    bool
	}{
		{nil, "GOFLAGS", "-tags=pg", "-tags=pg", true},
		{nil, "SVC", "$NAME", "$", true},
		// GOFLAGS keeps its words: goflagsTags reads which hold variables.
		{nil, "GOFLAGS", "-ldflags=-X=main.v=$V", "-ldflags=-X=main.v=${V}", true},
		// K=$K is K as it was: a build arg's, unset, or an earlier ENV's.
		{nil, "GOFLAGS", "$GOFLAGS", "", false},
		{nil, "GOFLAGS", "${GOFLAGS}", "", false},
		{map[string]string{"GOFLAGS": "-tags=pg"}, "GOFLAGS", "${GOFLAGS}", "-tags=pg", true},
		{map[string]string{"GOFLAGS": "-tags=pg"}, "GOFLAGS", "$GOFLAGS -mod=mod", "-tags=pg -mod=mod", true},
		{nil, "GOFLAGS", "$EXTRA -mod=mod", "${EXTRA} -mod=mod", true},
		{map[string]string{"GOFLAGS": "-tags=pg"}, "GOFLAGS", "${GOFLAGS:-} -mod=mod", "-tags=pg -mod=mod", true},
		{nil, "GOFLAGS", "${GOFLAGS:-} -mod=mod", " -mod=mod", true},
	} {
		env := maps.Clone(tc.before)
		if env == nil {
			env = make(map[string]string)
		}
		setEnv(env, tc.k, tc.v)
		if got, set := env[tc.k]; got != tc.want || set != tc.set {
			t.Errorf("setEnv(%v, %s=%s) leaves %q, %v; want %q, %v", tc.before, tc.k, tc.v, got, set, tc.want, tc.set)
		}
	}
}

func TestContextFiles(t *testing.T) {
	ctx := t.TempDir()
	if err := os.MkdirAll(filepath.Join(ctx, "build"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		files     []string
		workdir   string
		inWorkdir bool
		want      []string
		ok        bool
	}{
		{[]string{"build/x.mk"}, "/src", true, []string{"build/x.mk"}, true},
		{[]string{"/src/build/x.mk"}, "/src", true, []string{"build/x.mk"}, true},
		{[]string{"/src/x.mk"}, "/", true, []string{"src/x.mk"}, true},
		// After make -C, or outside the WORKDIR: where the context holds
		// the folder.
		{[]string{"/go/src/app/build/x.mk"}, "/src", false, []string{"build/x.mk"}, true},
		{[]string{"/go/src/app/build/x.mk"}, "/src", true, []string{"build/x.mk"}, true},
		{[]string{"/etc/x.mk"}, "/src", true, nil, false},
	} {
		got, ok := contextFiles(ctx, tc.files, tc.workdir, tc.inWorkdir)
		if !slices.Equal(got, tc.want) || ok != tc.ok {
			t.Errorf("contextFiles(%q, %q, %v) = %q, %v; want %q, %v", tc.files, tc.workdir, tc.inWorkdir, got, ok, tc.want, tc.ok)
		}
	}
}

func TestGoRunDir(t *testing.T) {
	wd := filepath.FromSlash("/app")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, "/app"},
		{[]string{"."}, "/app"},
		{[]string{"main.go"}, "/app"},
		{[]string{"./producer/main.go"}, "/app/producer"},
		{[]string{"-race", "./cmd/worker"}, "/app/cmd/worker"},
		{[]string{"-tags", "pg", "./cmd/worker", "--port=1"}, "/app/cmd/worker"},
		{[]string{"./..."}, ""},
		{[]string{"example.com/x/cmd/tool@latest"}, ""},
		{[]string{"./cmd/$SERVICE"}, ""},
	} {
		want := tc.want
		if want != "" {
			want = filepath.FromSlash(want)
		}
		if got := goRunDir(wd, tc.args); got != want {
			t.Errorf("goRunDir(%q) = %q, want %q", tc.args, got, want)
		}
	}
}

func TestShellCommands(t *testing.T) {
	for _, tc := range []struct {
		line string
		want [][]string
	}{
		{"./migrate && ./app > /var/log/app.log 2>&1", [][]string{{"./migrate"}, {"./app"}}},
		{"./app http://db 2>/dev/null >>log", [][]string{{"./app", "http://db"}}},
		{"./app &> log; ./next >&2", [][]string{{"./app"}, {"./next"}}},
		{"./app 2> err.log < in.txt -v", [][]string{{"./app", "-v"}}},
		{"./app & ./worker", [][]string{{"./app"}, {"./worker"}}},
		{`./app "--sep=>" -x`, [][]string{{"./app", "--sep=>", "-x"}}},
		{`["./app", ">", "x"]`, [][]string{{"./app", ">", "x"}}},
		{`sh -c ">/tmp/ready; exec ./app"`, [][]string{{"sh", "-c", ">/tmp/ready; exec ./app"}}},
		{`./app ">" x`, [][]string{{"./app", ">", "x"}}},
		{`./semver ">=1.2" '<2'`, [][]string{{"./semver", ">=1.2", "<2"}}},
	} {
		got := slices.DeleteFunc(shellCommands(tc.line), func(c []string) bool { return len(c) == 0 })
		if !slices.EqualFunc(got, tc.want, slices.Equal) {
			t.Errorf("shellCommands(%q) = %q, want %q", tc.line, got, tc.want)
		}
	}
}

func TestSequential(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"./migrator && ./app", true},
		{"./migrator; exec ./app", true},
		{"./app & ./worker", false},
		{"./app | ./logfmt", false},
		{"./app || ./fallback", false},
		{"./app >> log 2>&1", true},
		{"./app &> log", true},
		{"./app &>> log && ./next >&2", true},
		{"./app 2>&1 & ./worker", false},
		{`./app --v=$(cat VERSION | tr -d v)`, true},
		{`./app "--sep=|" && ./next`, true},
	} {
		if got := sequential(tc.line); got != tc.want {
			t.Errorf("sequential(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}

// An entrypoint script runs the command it is given only where it ends
// in exec "$@" and no other program may run in its place or first.
func TestPassesThrough(t *testing.T) {
	for _, tc := range []struct {
		script string
		want   bool
	}{
		{"#!/bin/sh\nset -e\nexec \"$@\"\n", true},
		{"#!/bin/sh\nfind /certs -exec update-ca-certificates \\;\nexec \"${@}\"\n", true},
		{"#!/bin/sh\n# exec ./old\nexec \"$@\"\n", true},
		{"#!/usr/bin/env sh\nmain() {\n  update-ca-certificates\n  exec \"$@\"\n}\nmain \"$@\"\n", true},
		{"#!/bin/sh\nif [ \"${1#-}\" != \"$1\" ]; then set -- app \"$@\"; fi\nexec \"$@\"\n", false},
		{"#!/bin/sh\n[ \"$1\" = worker ] && set -- meter --queue-worker\nexec \"$@\"\n", false},
		{"#!/bin/sh\ncase \"$1\" in\nworker) set -- meter ;;\nesac\nexec \"$@\"\n", false},
		{"#!/bin/sh\nif [ $# -gt 0 ]; then\nexec \"$@\"\nfi\nmeter\n", false},
		{"#!/bin/sh\nunused() {\n  exec \"$@\"\n}\nmeter\n", false},
		{"#!/bin/sh\neval set -- meter\nexec \"$@\"\n", false},
		{"#!/bin/sh\nshift\nexec \"$@\"\n", false},
		{"#!/bin/sh\nset -e\nset meter-worker\nexec \"$@\"\n", false},
		{"#!/bin/sh\nif [ \"$1\" = jobs ]; then\n  worker --cron\n  exit $?\nfi\nexec \"$@\"\n", false},
		{"#!/bin/sh\nmain() {\nif [ \"$1\" = a ]; then {\nexec \"$@\"\n}\nfi\nworker\n}\nmain \"$@\"\n", false},
		{"#!/bin/sh\nexec /app/server \"$@\"\n", false},
		{"#!/bin/sh\n./migrate && exec ./app\n", false},
		{"#!/bin/sh\n\"$@\"\n", false},
		{"", false},
	} {
		if got := passesThrough([]byte(tc.script)); got != tc.want {
			t.Errorf("passesThrough(%q) = %v, want %v", tc.script, got, tc.want)
		}
	}
}

// An entrypoint script is read only where the build context holds one
// file of its name: the COPY that puts it in the image is not read.
func TestContextScript(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("docker-entrypoint.sh", "exec \"$@\"\n")
	write("entrypoint.sh", "exec \"$@\"\n")
	write("scripts/entrypoint.sh", "exec meter \"$@\"\n")
	d := &deployment{root: dir}
	if got := string(d.contextScript([]string{dir}, "docker-entrypoint.sh")); got != "exec \"$@\"\n" {
		t.Errorf("the one docker-entrypoint.sh = %q", got)
	}
	if got := d.contextScript([]string{dir}, "entrypoint.sh"); got != nil {
		t.Errorf("one of two entrypoint.sh files = %q, want none", got)
	}
}

// An entrypoint is the repository's only where the Dockerfile copies a
// file of its name; one it does not copy is its base image's.
func TestCopiesFile(t *testing.T) {
	df := []byte("FROM alpine\nCOPY --link --from=builder /src/entrypoint.sh /entrypoint.sh\nADD [\"run.sh\", \"/run.sh\"]\n")
	for name, want := range map[string]bool{"entrypoint.sh": true, "run.sh": true, "start.sh": false} {
		if got := copiesFile(df, name); got != want {
			t.Errorf("copiesFile(%q) = %v, want %v", name, got, want)
		}
	}
}

// A goreleaser config that ships images deploys the builds they hold:
// dockers' ids, a ko's build; one with no ids holds every build.
func TestGoreleaserImageBuilds(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"go.mod":              "module example.com/shop\n\ngo 1.22\n",
		"cmd/orders/main.go":  "package main\n\nfunc main() {}\n",
		"cmd/migrate/main.go": "package main\n\nfunc main() {}\n",
		".goreleaser.yaml": `version: 2
builds:
  - {id: orders, main: ./cmd/orders, binary: orders}
  - {id: migrate, main: ./cmd/migrate, binary: orders-migrate}
archives:
  - {id: migrate, builds: [migrate]}
dockers_v2:
  - {ids: [orders], images: [acme/orders], dockerfile: Dockerfile}
`,
	})
	built := func() (orders, migrate bool) {
		d := readDeployment(dir)
		for _, r := range d.runs {
			if r.file != ".goreleaser.yaml" {
				continue
			}
			orders = orders || r.dirs[filepath.Join(d.root, "cmd", "orders")]
			migrate = migrate || r.dirs[filepath.Join(d.root, "cmd", "migrate")]
		}
		return orders, migrate
	}
	if orders, migrate := built(); !orders || migrate {
		t.Errorf("images hold orders %v, migrate %v; want true, false", orders, migrate)
	}
	// A build with no id of its own has the project's name, which an
	// image may list: it is kept.
	unnamed := "version: 2\nbuilds:\n  - {main: ./cmd/orders}\n  - {id: migrate, main: ./cmd/migrate}\ndockers:\n  - {ids: [shop], image_templates: [acme/orders]}\n"
	if err := os.WriteFile(filepath.Join(dir, ".goreleaser.yaml"), []byte(unnamed), 0o644); err != nil {
		t.Fatal(err)
	}
	if orders, migrate := built(); !orders || migrate {
		t.Errorf("with an unnamed build, images hold orders %v, migrate %v; want true, false", orders, migrate)
	}
	noIDs := "version: 2\nbuilds:\n  - {id: orders, main: ./cmd/orders}\n  - {id: migrate, main: ./cmd/migrate}\ndockers:\n  - image_templates: [acme/orders]\n"
	if err := os.WriteFile(filepath.Join(dir, ".goreleaser.yaml"), []byte(noIDs), 0o644); err != nil {
		t.Fatal(err)
	}
	if orders, migrate := built(); !orders || !migrate {
		t.Errorf("with no ids, images hold orders %v, migrate %v; want true, true", orders, migrate)
	}
}

// A Dockerfile's go build of an import path builds the package of the
// repository's module of that path, whichever module it is; a path two
// modules have names no folder.
func TestImportPathBuilds(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"services/orders/go.mod":               "module github.com/acme/orders\n\ngo 1.22\n",
		"services/orders/cmd/server/main.go":   "package main\n\nfunc main() {}\n",
		"services/orders/build/Dockerfile":     "FROM golang\nWORKDIR /src\nCOPY . .\nRUN go build -o /server github.com/acme/orders/cmd/server\n",
		"services/billing/go.mod":              "module app\n\ngo 1.22\n",
		"services/billing/cmd/server/main.go":  "package main\n\nfunc main() {}\n",
		"services/shipping/go.mod":             "module app\n\ngo 1.22\n",
		"services/shipping/cmd/server/main.go": "package main\n\nfunc main() {}\n",
	})
	d := readDeployment(dir)
	df := filepath.Join(dir, "services", "orders", "build", "Dockerfile")
	if got := d.goBuilds[df]; !slices.Equal(got, []string{"github.com/acme/orders/cmd/server"}) {
		t.Errorf("goBuilds = %q, want the orders module's server", got)
	}
	if got, want := d.importDir("github.com/acme/orders/cmd/server"), filepath.Join(dir, "services", "orders", "cmd", "server"); got != want {
		t.Errorf("importDir = %q, want %q", got, want)
	}
	if got := d.importDir("app/cmd/server"); got != "" {
		t.Errorf("importDir of a path two modules have = %q, want none", got)
	}
}
