package services

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// What deployment files run. A main package is a service when a
// deployment file runs it: a Dockerfile builds it (go build, go install)
// or sits in its folder, a compose service builds its folder, or a
// Dockerfile ENTRYPOINT, a compose or Kubernetes container, an image, a
// Helm chart, a Procfile process or a goreleaser build that ships an
// image bears its name. Patterns that build everything ("./...") say
// nothing about one main: they build the tools too.

// A run is one deployment file's word on what it runs.
type run struct {
	file  string          // relative to the system's folder
	dirs  map[string]bool // absolute folders of main packages it builds
	names map[string]bool // binary, image, workload names, folded by norm
	// built are the packages a Dockerfile's go build commands name,
	// relative to its build context.
	built map[string]bool
	// tags are the build tags each folder in dirs is built with by a go
	// build command here, as tagSet writes them ("" for none).
	tags map[string]string
	// foreign are the binaries its go install commands install by
	// import path at a version (go install example.com/x/cmd/swagger@v1),
	// by name (as names folds it): a main of this repository only if
	// the path is its own.
	foreign map[string]string
	// imports are the packages its go build commands name by import
	// path (go build example.com/shop/cmd/api), with the tags they are
	// built with, as tags writes them: a package of a module of the
	// repository is one of its folders (resolveImports).
	imports map[string]string
	// pulled are the names, as names folds them, that only an image
	// names (wurstmeister/kafka names kafka), each with that image.
	pulled map[string]string
}

func (d *deployment) newRun(file string) *run {
	r := emptyRun(file)
	d.runs = append(d.runs, r)
	return r
}

// emptyRun returns a run of file that no deployment keeps: what one
// command of it runs, on its own.
func emptyRun(file string) *run {
	return &run{file: file, dirs: make(map[string]bool), names: make(map[string]bool), built: make(map[string]bool), tags: make(map[string]string), foreign: make(map[string]string), imports: make(map[string]string)}
}

func (r *run) name(s string) {
	s = strings.Trim(s, `"'`)
	if strings.HasPrefix(s, "-") {
		return // a flag to the image's entrypoint (command: ["--config", …]) names no program
	}
	if strings.ContainsAny(s, "$") {
		// ${REGISTRY}/orders: the part after the variable still names it.
		s = s[strings.LastIndexAny(s, "}/")+1:]
	}
	if n := norm(path.Base(s)); n != "" {
		r.names[n] = true
		delete(r.pulled, n)
	}
}

// image records the name of an image: its last path element, without
// tag or digest.
func (r *run) image(ref string) {
	ref, _, _ = strings.Cut(ref, "@")
	base := ref[strings.LastIndexByte(ref, '/')+1:]
	base, _, _ = strings.Cut(base, ":")
	n := norm(base)
	named := r.names[n]
	r.name(base)
	if !named && n != "" && r.names[n] {
		if r.pulled == nil {
			r.pulled = make(map[string]string)
		}
		r.pulled[n] = imageRepo(ref)
	}
}

// runsService returns the deployment file that runs the service, or "".
// entry is the absolute folder of its main package.
func (d *deployment) runsService(svc *Service, entry string) string {
	return d.runsServiceWhere(svc, entry, func(string) bool { return true })
}

// deploysService is runsService for the deployment files that deploy a
// service: a file in a folder of development or test harnesses (hack/,
// test/, e2e/, testdata/) runs a load generator or a test client, which
// is no service for being run there.
func (d *deployment) deploysService(svc *Service, entry string) bool {
	return d.runsServiceWhere(svc, entry, func(file string) bool { return !harnessFolder(file) }) != ""
}

// harnessFolder reports whether a file's path, relative to the system's
// folder, passes through a folder of development or test harnesses.
func harnessFolder(rel string) bool {
	for _, part := range strings.Split(filepath.ToSlash(filepath.Dir(rel)), "/") {
		switch strings.ToLower(part) {
		case "hack", "test", "tests", "e2e", "testdata":
			return true
		}
	}
	return false
}

// runsServiceWhere is runsService among the deployment files keep keeps.
func (d *deployment) runsServiceWhere(svc *Service, entry string, keep func(file string) bool) string {
	if d == nil {
		return ""
	}
	names := []string{norm(svc.Name), norm(filepath.Base(entry))}
	for _, r := range d.runs {
		if !keep(r.file) {
			continue
		}
		if entry != "" && r.dirs[entry] {
			return r.file
		}
		// An image whose command is a tool it installs from another
		// module (go-swagger's swagger) runs no main of this one,
		// whatever its name.
		// Nor does one that builds another main (a Dockerfile whose go
		// build names it), whatever it shares a name with.
		if d.buildsOtherMain(r, entry) {
			continue
		}
		for _, n := range names {
			// A main named as the infrastructure (cmd/kafka) is not
			// what a pulled image of it (wurstmeister/kafka) runs.
			if n != "" && r.names[n] && (r.foreign[n] == "" || r.foreign[n] == svc.Entry) && (r.pulled[n] == "" || !d.pulledInfrastructure([]string{r.pulled[n]})) {
				return r.file
			}
		}
	}
	return ""
}

// buildsOtherMain reports whether a run builds the main of another
// service's folder and not the one in entry.
func (d *deployment) buildsOtherMain(r *run, entry string) bool {
	if entry == "" || r.dirs[entry] {
		return false
	}
	for _, e := range d.entries {
		if e != entry && r.dirs[e] {
			return true
		}
	}
	return false
}

// isDockerfile reports whether a file name is a Dockerfile's.
func isDockerfile(name string) bool {
	if strings.HasSuffix(name, ".go") {
		return false // Dockerfile_test.go, a generator's source
	}
	for _, base := range []string{"Dockerfile", "Containerfile"} {
		if rest, ok := strings.CutPrefix(name, base); ok && (rest == "" || rest[0] == '.' || rest[0] == '-' || rest[0] == '_') {
			return true // Dockerfile, Dockerfile.api, Dockerfile-api, Dockerfile_api
		}
	}
	return strings.HasSuffix(name, ".Dockerfile") || strings.HasSuffix(name, ".dockerfile")
}

// dockerfile reads what a Dockerfile builds and runs. Relative package
// paths of go build and go install resolve against the Dockerfile's folder
// and each folder above it up to the system's, since the build context
// may be any of them.
func (d *deployment) dockerfile(root, file string, data []byte) {
	r := d.newRun(relTo(root, file))
	defer func() {
		// What its go build commands build, for the workloads built with it.
		for p := range r.built {
			d.goBuilds[file] = append(d.goBuilds[file], p)
		}
		for p := range r.imports {
			if d.rootModule != "" && (p == d.rootModule || strings.HasPrefix(p, d.rootModule+"/")) {
				d.goBuilds[file] = append(d.goBuilds[file], p) // the root module's package
			} else {
				// Another module's of the repository, once every
				// go.mod is known (resolveImports).
				if d.importBuilds == nil {
					d.importBuilds = make(map[string][]string)
				}
				d.importBuilds[file] = append(d.importBuilds[file], p)
			}
		}
		sort.Strings(d.goBuilds[file])
	}()
	dir := filepath.Dir(file)
	r.dirs[dir] = true // a Dockerfile beside a main package deploys it
	var contexts []string
	for c := dir; ; c = filepath.Dir(c) {
		contexts = append(contexts, c)
		if c == root || !within(filepath.ToSlash(c), filepath.ToSlash(root)) || filepath.Dir(c) == c {
			break
		}
	}
	workdir := ""
	cded := false // a cd of the RUN line being read moved workdir
	// The build tags of its go build commands of this repository's
	// code: when they agree, they are those of the workloads built with
	// it, and of a main the Dockerfile sits beside when a build arg names
	// what it builds (go build ./cmd/"$BIN") or a make target builds it
	// where archie cannot follow (unreadTags).
	tagSets := make(map[string]bool)
	argBuild := false
	goBuilds := 0       // go builds of the repository's code read so far
	unreadMake := false // a make target whose go build was not found
	defer func() {
		if len(tagSets) == 1 {
			for t := range tagSets {
				if _, ok := r.tags[dir]; !ok && (argBuild || unreadMake) {
					r.tags[dir] = t
				}
				d.dockerTags[file] = t
			}
		}
	}()
	// The image's command: its last stage's ENTRYPOINT and CMD.
	var entrypoint, command []string
	shellEntry := false // a shell form ENTRYPOINT, which runs without CMD
	// The words of the program each runs as the container's process
	// (runProgram).
	var entryRun, cmdRun []string
	imageCmd := func() []string {
		if shellEntry {
			return slices.Clone(entrypoint)
		}
		return append(slices.Clip(entrypoint), command...)
	}
	defer func() {
		if d.dockerCmds == nil {
			d.dockerCmds = make(map[string][]string)
		}
		d.dockerCmds[file] = imageCmd()
		if d.dockerEntries == nil {
			d.dockerEntries = make(map[string][]string)
		}
		if shellEntry {
			d.dockerEntries[file] = nil
		} else {
			d.dockerEntries[file] = append([]string{}, entrypoint...)
		}
	}()
	// Its stages, each with the program its command runs, and the
	// folders each go build -o NAME builds.
	var stages []dockerStage
	outputs := make(map[string][]string) // output name, normed -> folders
	builtHere := func(name string) bool { _, ok := outputs[name]; return ok }
	defer func() {
		if n := len(stages); n > 0 && stages[n-1].runs != "" {
			if d.imageRuns == nil {
				d.imageRuns = make(map[string]string)
			}
			d.imageRuns[file] = stages[n-1].runs
		}
		if len(outputs) > 0 {
			if d.outputs == nil {
				d.outputs = make(map[string]map[string][]string)
			}
			d.outputs[file] = outputs
		}
		d.stageOnly(r, file, stages, outputs)
	}()
	// The variables its RUN lines see: ENV's, and the build args ARG
	// names, which archie cannot know here.
	runEnv := make(map[string]string)
	runArgs := make(map[string]bool)
	stageEnv := make(map[string]map[string]string)
	builds := &argBuilds{contexts: contexts}
	defer func() {
		if len(builds.runs) > 0 {
			for t := range tagSets {
				if t != unreadTags {
					builds.others = append(builds.others, t)
				}
			}
			if d.argBuilds == nil {
				d.argBuilds = make(map[string]*argBuilds)
			}
			d.argBuilds[file] = builds
		}
	}()
	// runCmd reads one command a RUN line runs; make's are followed
	// into the Makefile of the build context (RUN make argocd-all).
	var runCmd func(cmd []string)
	inMake, unreadHere, unsureMake := false, false, false
	runCmd = func(cmd []string) {
		if _, ok := makeTargets(cmd); ok {
			d.compiled(file)
			ab := argCmd{cmd: cmd, env: maps.Clone(runEnv), args: maps.Clone(runArgs), workdir: workdir}
			cmds, tagsBuild, unsure, found, moved := d.makeRun(ab, contexts, func(string) (string, bool) { return "$", true })
			if !found {
				return
			}
			before := goBuilds
			// Branches of a conditional archie could not choose
			// between (unsure): their tags are not known.
			inMake, unreadHere, unsureMake = true, false, unsure
			for _, rc := range cmds {
				if moved != nil {
					// make -C elsewhere: its go builds' paths are that
					// folder's, not the build context's; only their
					// tags are the image's.
					pkgs, tags, known := emptyRun(r.file).goBuild(rc, moved, "")
					for _, p := range pkgs {
						if d.repoBuild(p) {
							goBuilds++
							if !known || unsure {
								tags, unreadHere = unreadTags, true
							}
							tagSets[tags] = true
						}
					}
					continue
				}
				runCmd(rc) // no make among them: commands followed those
			}
			inMake, unsureMake = false, false
			if goBuilds == before && tagsBuild {
				// RUN make $SVC into a $(call compile,…) whose go
				// build passes -tags "$(BUILD_TAGS)": archie did not
				// reach the build here, which may have tags.
				tagSets[unreadTags] = true
				unreadMake, unreadHere = true, true
			}
			if unreadHere {
				// The build args of a workload's image may say
				// which (argTags).
				builds.runs = append(builds.runs, ab)
			}
			return
		}
		if outDir(cmd) {
			// go build -o /out/ ./cmd/...: each main is written under
			// its folder's name.
			one := emptyRun(r.file)
			one.goBuild(cmd, contexts, workdir)
			dirs := slices.Collect(maps.Keys(one.dirs))
			if _, words, ok := goBuildWords(cmd); ok {
				for _, w := range words {
					if prefix, ok := strings.CutSuffix(w, "/..."); ok && (prefix == "." || strings.HasPrefix(prefix, "./")) {
						for _, c := range contexts {
							dirs = append(dirs, mainsUnder(filepath.Join(c, filepath.FromSlash(prefix)))...)
						}
					}
				}
			}
			for _, dir := range dirs {
				if !holdsMain(dir) {
					continue
				}
				out := norm(filepath.Base(dir))
				if !slices.Contains(outputs[out], dir) {
					outputs[out] = append(outputs[out], dir)
				}
			}
		} else if out := buildOutput(cmd); out != "" {
			// Every folder this build may build, whether or not an
			// earlier build or the Dockerfile's own folder named it.
			one := emptyRun(r.file)
			one.goBuild(cmd, contexts, workdir)
			for dir := range one.dirs {
				if !slices.Contains(outputs[out], dir) {
					outputs[out] = append(outputs[out], dir)
				}
			}
			if d.builtAs == nil {
				d.builtAs = make(map[string]map[string][]string)
			}
			if d.builtAs[file] == nil {
				d.builtAs[file] = make(map[string][]string)
			}
			for p := range one.built {
				if !slices.Contains(d.builtAs[file][out], p) {
					d.builtAs[file][out] = append(d.builtAs[file][out], p)
				}
			}
			// go build -o /out/api example.com/shop/cmd/api: the root
			// module's package (another module's is not known yet).
			for p := range one.imports {
				if dir := d.importDir(p); dir != "" && hasGoFiles(dir) {
					if !slices.Contains(outputs[out], dir) {
						outputs[out] = append(outputs[out], dir)
					}
					if !slices.Contains(d.builtAs[file][out], p) {
						d.builtAs[file][out] = append(d.builtAs[file][out], p)
					}
				}
			}
		}
		if !inMake {
			unreadHere = false
			cmd = withGoflags(unsetDropped(cmd, runEnv, runArgs), runEnv, runArgs)
		}
		pkgs, tags, known := r.goBuild(cmd, contexts, workdir)
		known = known && !unsureMake
		for _, p := range pkgs {
			if strings.Contains(p, "$") && !slices.Contains(d.goBuildArgs[file], p) {
				if d.goBuildArgs == nil {
					d.goBuildArgs = make(map[string][]string)
				}
				d.goBuildArgs[file] = append(d.goBuildArgs[file], p)
			}
			if d.repoBuild(p) {
				// The repository's code, not a tool installed
				// from elsewhere.
				goBuilds++
				d.compiled(file)
				if known {
					tagSets[tags] = true
				} else {
					tagSets[unreadTags] = true
					unreadHere = true
				}
				argBuild = argBuild || strings.Contains(p, "$")
			}
		}
		if unreadHere && !inMake {
			builds.runs = append(builds.runs, argCmd{cmd: cmd, env: maps.Clone(runEnv), args: maps.Clone(runArgs), workdir: workdir})
			unreadHere = false
		}
		if len(pkgs) > 0 {
			if d.buildWorkdirs == nil {
				d.buildWorkdirs = make(map[string]string)
			}
			d.buildWorkdirs[file] = workdir
			if cded {
				if d.buildCds == nil {
					d.buildCds = make(map[string]bool)
				}
				d.buildCds[file] = true
			}
		}
		if strings.Contains(workdir, "$") && slices.Contains(pkgs, ".") {
			// WORKDIR /src/${service}/cmd: a build arg says
			// which main go build . builds.
			if d.dockerWorkdirs == nil {
				d.dockerWorkdirs = make(map[string]string)
			}
			d.dockerWorkdirs[file] = workdir
		}
	}
	for _, line := range logicalLines(data) {
		kw, rest := strings.TrimSpace(line), ""
		if i := strings.IndexAny(kw, " \t"); i >= 0 {
			kw, rest = kw[:i], strings.TrimSpace(kw[i+1:])
		}
		switch strings.ToUpper(kw) {
		case "FROM":
			// A stage sees its own ARGs, and the ENV of the stage it
			// starts from.
			if n := len(stages); n > 0 && stages[n-1].name != "" {
				stageEnv[stages[n-1].name] = runEnv
			}
			runArgs = make(map[string]bool)
			runEnv = make(map[string]string)
			for _, w := range strings.Fields(rest) {
				if strings.HasPrefix(w, "--") {
					continue // --platform=…
				}
				if env, ok := stageEnv[strings.ToLower(w)]; ok {
					runEnv = maps.Clone(env)
				}
				break
			}
			entrypoint, command, shellEntry = nil, nil, false
			entryRun, cmdRun = nil, nil
			stage := dockerStage{}
			words := strings.Fields(rest)
			if len(words) >= 3 && strings.EqualFold(words[len(words)-2], "AS") {
				stage.name = strings.ToLower(words[len(words)-1])
			}
			for len(words) > 0 && strings.HasPrefix(words[0], "--") {
				words = words[1:] // --platform=…
			}
			if len(words) > 0 {
				// FROM base AS worker: the image inherits base's
				// ENTRYPOINT and CMD.
				if i := slices.IndexFunc(stages, func(s dockerStage) bool { return s.name != "" && s.name == strings.ToLower(words[0]) }); i >= 0 {
					base := stages[i]
					entrypoint, command, shellEntry = slices.Clone(base.entrypoint), slices.Clone(base.command), base.shellEntry
					entryRun, cmdRun = base.entryRun, base.cmdRun
					stage.runs = base.runs
					stage.entrypoint, stage.command, stage.shellEntry = slices.Clone(base.entrypoint), slices.Clone(base.command), base.shellEntry
					stage.entryRun, stage.cmdRun = base.entryRun, base.cmdRun
				}
				// A second stage: the image is built from the first.
				if d.dockerFrom == nil {
					d.dockerFrom = make(map[string]string)
				}
				d.dockerFrom[file] = ""
				if len(stages) == 0 {
					d.dockerFrom[file] = imageRepo(strings.ToLower(words[0]))
				}
			}
			stages = append(stages, stage)
		case "ENV":
			// ENV KEY=value OTHER=value, or ENV KEY value. A value
			// holding a variable is "$": set, to what is not known.
			words := quotedWords(rest)
			if len(words) > 1 && !strings.Contains(words[0], "=") {
				words = []string{words[0] + "=" + strings.Join(words[1:], " ")}
			}
			for _, w := range words {
				k, v, _ := strings.Cut(w, "=")
				setEnv(runEnv, k, v)
				if strings.Contains(v, "$") {
					v = "$"
				}
				if d.dockerEnv == nil {
					d.dockerEnv = make(map[string]map[string]string)
				}
				if d.dockerEnv[file] == nil {
					d.dockerEnv[file] = make(map[string]string)
				}
				d.dockerEnv[file][k] = v
			}
		case "WORKDIR":
			workdir = strings.TrimSpace(rest)
		case "COPY", "ADD":
			// COPY ./agent/agent /usr/bin/kraken-agent: a binary a build
			// outside (a Makefile, CI) wrote where go build writes it,
			// in its main's folder and named as it: the image holds
			// that main.
			for _, b := range copiedMains(rest, contexts) {
				runCmd(b)
			}
		case "ARG":
			// ARG service=orders other=x: defaults a build arg may override.
			for _, word := range quotedWords(rest) {
				if k, _, _ := strings.Cut(word, "="); k != "" {
					runArgs[k] = true // a build arg may set it
				}
				if k, v, ok := strings.Cut(word, "="); ok && k != "" {
					if d.dockerArgs == nil {
						d.dockerArgs = make(map[string]map[string]string)
					}
					if d.dockerArgs[file] == nil {
						d.dockerArgs[file] = make(map[string]string)
					}
					d.dockerArgs[file][k] = v
				}
			}
		case "RUN":
			// A cd holds for the rest of its RUN line (RUN cd services
			// && go build ./${SERVICE_PATH}), not for the next one.
			kept := workdir
			cded = false
			for strings.HasPrefix(rest, "--") { // RUN --mount=type=cache,target=/go/pkg/mod …
				_, rest, _ = strings.Cut(rest, " ")
				rest = strings.TrimSpace(rest)
			}
			keptEnv := maps.Clone(runEnv)
			for _, cmd := range shellCommands(rest) {
				if len(cmd) > 1 && cmd[0] == "export" {
					// export STORE=pg && make svc: for the rest of the line.
					for _, w := range cmd[1:] {
						if k, v, ok := strings.Cut(w, "="); ok {
							setEnv(runEnv, k, strings.Trim(v, `"'`))
						}
					}
					continue
				}
				if len(cmd) == 2 && cmd[0] == "cd" {
					if path.IsAbs(cmd[1]) {
						workdir = cmd[1]
					} else {
						workdir = path.Join(cmp.Or(workdir, "/"), cmd[1])
					}
					cded = true
					continue
				}
				runCmd(cmd)
			}
			workdir, cded, runEnv = kept, false, keptEnv
		case "ENTRYPOINT", "CMD":
			if words := runProgram(rest, builtHere); len(words) > 0 {
				r.name(words[0])
				d.otherArgs = append(d.otherArgs, words[1:]...)
			}
			// A development image builds its program as it starts.
			for _, cmd := range shellCommands(rest) {
				for _, b := range startBuilds(cmd, func(name string) []byte { return readIn(contexts, name) }, 3) {
					runCmd(b)
				}
			}
			if strings.EqualFold(kw, "ENTRYPOINT") {
				entrypoint, command = execWords(rest), nil // an ENTRYPOINT resets CMD
				shellEntry = !strings.HasPrefix(strings.TrimSpace(rest), "[")
				entryRun, cmdRun = runProgram(rest, builtHere), nil
				if name := path.Base(entrypoint[0]); !shellEntry && len(entrypoint) == 1 && copiesFile(data, name) && passesThrough(d.contextScript(contexts, name)) {
					// A wrapper script that ends by running its
					// arguments (exec "$@"): the program is CMD's, or
					// the workload's command.
					entrypoint, entryRun = []string{}, nil
				}
			} else {
				command = execWords(rest)
				cmdRun = runProgram(rest, builtHere)
			}
			if len(stages) > 0 {
				st := &stages[len(stages)-1]
				st.entrypoint, st.command, st.shellEntry = slices.Clone(entrypoint), slices.Clone(command), shellEntry
				st.entryRun, st.cmdRun = entryRun, cmdRun
				run := cmdRun
				switch {
				case shellEntry:
					run = entryRun
				case len(entrypoint) > 0:
					// An exec form ENTRYPOINT takes CMD's words after
					// its own (["sh", "-c"] then the line).
					run = runProgram(strings.Join(quoteWords(imageCmd()), " "), builtHere)
				}
				st.runs = ""
				if len(run) > 0 {
					st.runs = norm(path.Base(strings.Trim(run[0], `"'`)))
				}
			}
		}
	}
}

// copiedMains returns, for a Dockerfile's COPY of files from the build
// context, the go builds that would write what it copies where go build
// writes a main's binary (in the main's folder, named as the folder):
// go build -o DEST ./FOLDER, as the build outside the Dockerfile that
// made it (go build in that folder) did. A COPY from a stage (--from),
// of a folder, or of a file the repository holds copies no such binary.
func copiedMains(rest string, contexts []string) [][]string {
	words := quotedWords(rest)
	for len(words) > 0 && strings.HasPrefix(words[0], "--") {
		if strings.HasPrefix(words[0], "--from") {
			return nil
		}
		words = words[1:]
	}
	if len(words) < 2 {
		return nil
	}
	dest := words[len(words)-1]
	var out [][]string
	for _, src := range words[:len(words)-1] {
		src = path.Clean(strings.TrimPrefix(src, "./"))
		dir := path.Dir(src)
		if strings.ContainsAny(src, "$*?[") || dir == "." || path.IsAbs(src) || strings.HasPrefix(src, "..") || path.Base(src) != path.Base(dir) {
			continue
		}
		for _, ctx := range contexts {
			folder := filepath.Join(ctx, filepath.FromSlash(dir))
			if _, err := os.Stat(filepath.Join(ctx, filepath.FromSlash(src))); err == nil || !holdsMain(folder) {
				continue // a file or folder the repository holds (web/web, static files)
			}
			to := dest
			if strings.HasSuffix(dest, "/") || len(words) > 2 {
				to = path.Join(dest, path.Base(src))
			}
			out = append(out, []string{"go", "build", "-o", to, "./" + dir})
			break
		}
	}
	return out
}

// copiesFile reports whether a Dockerfile's COPY or ADD takes a file of
// that name (COPY --from=builder /src/entrypoint.sh /entrypoint.sh): an
// entrypoint it copies is the repository's, not its base image's.
func copiesFile(dockerfile []byte, name string) bool {
	for _, line := range logicalLines(dockerfile) {
		words := strings.Fields(line)
		if len(words) < 3 || !strings.EqualFold(words[0], "COPY") && !strings.EqualFold(words[0], "ADD") {
			continue
		}
		for _, w := range words[1 : len(words)-1] {
			if !strings.HasPrefix(w, "--") && path.Base(strings.Trim(w, `"',[]`)) == name {
				return true
			}
		}
	}
	return false
}

// contextScript returns the script of that name the build contexts
// hold, when they hold one file of that name in all their folders:
// where the Dockerfile's COPY takes it from is not read, so a second
// file of the name (scripts/entrypoint.sh beside entrypoint.sh) may be
// the image's, and none is. The contexts are the Dockerfile's folder and
// those above it: the last holds the others.
func (d *deployment) contextScript(contexts []string, name string) []byte {
	if len(contexts) == 0 {
		return nil
	}
	found := d.contextFiles(contexts[len(contexts)-1])[name]
	if len(found) != 1 {
		return nil
	}
	data, _ := readSmall(d.root, found[0])
	return data
}

// contextFiles returns the files of a build context by base name, read
// once per context (not its vendor, node_modules or hidden folders).
func (d *deployment) contextFiles(ctx string) map[string][]string {
	if files, ok := d.ctxFiles[ctx]; ok {
		return files
	}
	files := make(map[string][]string)
	filepath.WalkDir(ctx, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if e.IsDir() {
			if n := e.Name(); p != ctx && (strings.HasPrefix(n, ".") || n == "vendor" || n == "node_modules" || n == "testdata" || n == "third_party") {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(e.Name(), ".sh") || !strings.Contains(e.Name(), ".") {
			files[e.Name()] = append(files[e.Name()], p)
		}
		return nil
	})
	if d.ctxFiles == nil {
		d.ctxFiles = make(map[string]map[string][]string)
	}
	d.ctxFiles[ctx] = files
	return files
}

// passesThrough reports whether an entrypoint script ends by running the
// command it is given: its last line is exec "$@" (an official image's
// docker-entrypoint.sh, after its setup), or calls a function of the
// script with "$@" whose last line is (main() { …; exec "$@"; }; main
// "$@"). A script that may put another program before the command or
// in its place (set --, eval, case, another exec) is none.
func passesThrough(script []byte) bool {
	lines := slices.DeleteFunc(logicalLines(script), func(l string) bool { return l == "" })
	if len(lines) == 0 {
		return false
	}
	isExec := func(l string) bool { return l == `exec "$@"` || l == `exec "${@}"` }
	execs := 0
	for _, line := range lines {
		if isExec(line) {
			execs++
			continue
		}
		parts, _ := shellSplit(line)
		for _, part := range parts {
			words := quotedWords(part)
			for i, w := range words {
				switch w {
				case "exec", "eval", "case", "--", "shift", "exit", "return":
					return false // another program may run, or run first
				case "set":
					// set app "$@" sets the arguments, as set -- does.
					if i+1 < len(words) && !strings.HasPrefix(words[i+1], "-") && !strings.HasPrefix(words[i+1], "+") {
						return false
					}
				}
			}
		}
	}
	last := lines[len(lines)-1]
	if execs != 1 {
		return false
	}
	if isExec(last) {
		return true
	}
	// main "$@": a function whose body ends in the exec.
	fn, ok := strings.CutSuffix(last, ` "$@"`)
	if !ok || !shellName.MatchString(fn) {
		return false
	}
	for i, line := range lines {
		if line == fn+"() {" || line == fn+" () {" || line == "function "+fn+" {" {
			for j := i + 1; j < len(lines)-1; j++ {
				if strings.HasSuffix(lines[j], "{") {
					return false // a group within: which } ends the body is not read
				}
				if lines[j] == "}" {
					return j > i+1 && isExec(lines[j-1])
				}
			}
		}
	}
	return false
}

// shellName is a shell function's name.
var shellName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// compiled marks a Dockerfile that builds code.
func (d *deployment) compiled(file string) {
	if d.compiles == nil {
		d.compiles = make(map[string]bool)
	}
	d.compiles[file] = true
}

// argBuilds are the build commands of a Dockerfile whose tags archie
// could not read as the Dockerfile stands, its build args deciding them
// (RUN make $SVC, RUN go build -tags "${TAGS}"), with the tags of its
// other go builds.
type argBuilds struct {
	contexts []string
	runs     []argCmd
	others   []string
}

// An argCmd is a build command a Dockerfile runs, with the environment
// it runs in: ENV's variables, and ARG's build args.
type argCmd struct {
	cmd     []string
	env     map[string]string
	args    map[string]bool
	workdir string
}

// makeRun returns the commands a Dockerfile's make command runs, read in
// the Makefile of the nearest build context that has one (found), its
// build args' values given by arg (ok false: not set; "$": not known);
// tagsBuild says that Makefile passes build tags to a go build somewhere.
func (d *deployment) makeRun(ab argCmd, contexts []string, arg func(k string) (string, bool)) (cmds [][]string, tagsBuild, unsure, found bool, moved []string) {
	env := &makeEnv{vars: ab.environ(arg), args: make(map[string]string)}
	assigns, cmd := leadingAssigns(ab.cmd)
	for _, a := range assigns {
		k, v, _ := strings.Cut(a, "=") // GOOS=linux make: make's environment
		env.vars[k] = v
	}
	// The shell fills the words from the environment: make $SVC.
	shell := func(w string) string {
		return os.Expand(strings.Trim(w, `"'`), func(k string) string { return shellValue(env.vars, k) })
	}
	targets, dir, files, _ := makeCall(cmd)
	for i, t := range targets {
		targets[i] = shell(t)
	}
	for i, f := range files {
		files[i] = shell(f) // make -f build/$SVC.mk
	}
	if dir != "" {
		// make -C src/backend/services/x build: the Makefile of that
		// folder in the image, as the build context holds it.
		contexts = makeFolders(contexts, path.Join(cmp.Or(ab.workdir, "/"), shell(dir)))
		moved = contexts
	}
	env.goals = slices.DeleteFunc(slices.Clone(targets), func(t string) bool { return t == "" })
	for _, w := range cmd[1:] {
		if k, v, ok := strings.Cut(w, "="); ok && !strings.HasPrefix(w, "-") {
			env.args[k] = shell(v) // make VAR=value: over the Makefile's own
		}
		if w == "-e" || w == "--environment-overrides" {
			for k, v := range env.vars {
				if _, ok := env.args[k]; !ok {
					env.args[k] = v // the environment over the Makefile's own
				}
			}
		}
	}
	for _, c := range contexts {
		fs, ok := contextFiles(c, files, cmp.Or(ab.workdir, "/"), dir == "")
		if !ok {
			continue
		}
		mk := d.makefileIn(c, fs, env)
		if mk == nil {
			continue
		}
		for _, t := range targets {
			if !strings.Contains(t, "$") {
				c, u := mk.commands(t)
				cmds, unsure = append(cmds, c...), unsure || u
			}
		}
		return cmds, mk.tagsBuild, unsure, true, moved
	}
	return nil, false, false, false, moved
}

// contextFiles maps the Makefiles make -f names to paths in a build
// context: one by an absolute path of the image (make -f
// /src/build/docker.mk) is where the context holds that folder, below the
// WORKDIR the context is copied to (inWorkdir: make ran there) or at the
// longest end of its folder the context has. ok is false for one the
// context does not hold.
func contextFiles(ctx string, files []string, workdir string, inWorkdir bool) (out []string, ok bool) {
	for _, f := range files {
		if !path.IsAbs(f) {
			out = append(out, f)
			continue
		}
		if rel, found := strings.CutPrefix(path.Clean(f), strings.TrimSuffix(path.Clean(workdir), "/")+"/"); found && inWorkdir {
			out = append(out, rel)
			continue
		}
		dirs := makeFolders([]string{ctx}, path.Dir(f))
		if len(dirs) == 0 {
			return nil, false
		}
		rel, err := filepath.Rel(ctx, dirs[0])
		if err != nil {
			return nil, false
		}
		out = append(out, path.Join(filepath.ToSlash(rel), path.Base(f)))
	}
	return out, true
}

// unsetDropped expands the words of a RUN command that are one variable
// ENV sets to a value archie reads ($BUILDFLAGS of ENV BUILDFLAGS=""),
// and drops those of one neither ENV nor a build arg sets (exported by an
// earlier RUN, which does not outlive it): the shell expands it to
// nothing.
func unsetDropped(cmd []string, env map[string]string, args map[string]bool) []string {
	var out []string
	for _, w := range cmd {
		if t := strings.Trim(w, `"'`); wholeRef.MatchString(t) {
			k := strings.Trim(t[1:], "{}()")
			v, set := env[k]
			switch {
			case set && !strings.Contains(v, "$") && !args[k]:
				out = append(out, quotedWords(strings.Trim(v, `"'`))...)
				continue
			case !set && !args[k] && !imageEnvNames[k] && !isDigits(k):
				continue
			}
		}
		out = append(out, w)
	}
	return out
}

// shellValue is what a RUN line's shell expands $k to: the value its
// environment gives, empty for a variable neither ENV nor a build arg
// sets (a RUN's export does not outlive it), and itself, not known, for
// one set to what archie cannot know or that the base image sets.
func shellValue(env map[string]string, k string) string {
	v, ok := env[k]
	switch {
	case ok && !strings.Contains(v, "$"):
		return v
	case ok || imageEnvNames[k]:
		return "${" + k + "}"
	}
	return ""
}

// setEnv records a variable an ENV or an export sets for the builds after
// it. A value holding a variable is "$": set, to what is not known; but
// GOFLAGS keeps its words, for goflagsTags to tell -ldflags=-X=main.v=$V
// (no tags) from -tags=$TAGS, and K=$K leaves K as it was: the idiom
// that keeps a build arg (ARG GOFLAGS, ENV GOFLAGS=$GOFLAGS) is still
// that arg, which argTags reads per image.
func setEnv(env map[string]string, k, v string) {
	switch {
	case !strings.Contains(v, "$"):
		env[k] = v
	case v == "$"+k || v == "${"+k+"}":
		if _, set := env[k]; !set {
			// An ARG, or nothing: unset, or the build arg, as before.
			return
		}
	case k == "GOFLAGS":
		// ENV GOFLAGS="$GOFLAGS -mod=mod": what is known of it now.
		env[k] = os.Expand(v, func(ref string) string {
			// ${GOFLAGS:-} and ${GOFLAGS-x}: the variable, else the default.
			name, def, hasDef := strings.Cut(ref, "-")
			name = strings.TrimSuffix(name, ":")
			if old, ok := env[name]; ok && !strings.Contains(old, "$") && (old != "" || !hasDef) {
				return old
			}
			if _, ok := env[name]; !ok && hasDef {
				return def
			}
			return "${" + name + "}"
		})
	default:
		env[k] = "$"
	}
}

// makeFolders returns the folders of the build contexts where a folder
// of the image may be: each context's folder at the longest end of the
// image's path it holds (/build/src/backend/x in an image the repository
// is copied or mounted into at /build/src is the context's backend/x).
func makeFolders(contexts []string, image string) []string {
	var out []string
	parts := strings.Split(strings.Trim(path.Clean(image), "/"), "/")
	for _, ctx := range contexts {
		for i := range parts {
			cand := filepath.Join(ctx, filepath.FromSlash(strings.Join(parts[i:], "/")))
			if within(filepath.ToSlash(cand), filepath.ToSlash(ctx)) && isDir(cand) {
				out = append(out, cand)
				break
			}
		}
	}
	return out
}

// environ returns the variables a build command sees, its build args'
// values given by arg (ok false: not set; "$": not known).
func (ab argCmd) environ(arg func(k string) (string, bool)) map[string]string {
	env := maps.Clone(ab.env)
	for k := range ab.args {
		if _, set := env[k]; set {
			continue // ENV over an ARG of the same name
		}
		if v, ok := arg(k); ok {
			env[k] = v
		}
	}
	return env
}

// argTags returns the build tags a Dockerfile's builds build with for one
// workload, when its image's build args let archie read the tags of
// those it could not read alone, and they agree with its other builds.
func (d *deployment) argTags(w *workload, df string) (string, bool) {
	builds := d.argBuilds[df]
	if builds == nil {
		return "", false
	}
	arg := func(k string) (string, bool) {
		v, ok := w.buildArgs[k]
		if !ok && w.dockerfile == "" {
			// The build that tags the image the workload runs, or that
			// tags its name after a prefix archie cannot read.
			if args, built := d.imageArgs[w.image]; built {
				v, ok = args[k]
			} else if args := d.imageNameArgs[path.Base(w.image)]; len(d.imageNames[path.Base(w.image)]) == 1 {
				v, ok = args[k]
			}
		}
		if !ok {
			v, ok = d.dockerArgs[df][k]
		}
		if v = strings.Trim(v, `"'`); strings.Contains(v, "$") {
			v = "$"
		}
		return v, ok
	}
	sets := make(map[string]bool)
	for _, t := range builds.others {
		sets[t] = true
	}
	for _, ab := range builds.runs {
		var cmds [][]string
		contexts, workdir := builds.contexts, ab.workdir
		if _, ok := makeTargets(ab.cmd); ok {
			var unsure bool
			var moved []string
			cmds, _, unsure, _, moved = d.makeRun(ab, builds.contexts, arg)
			if moved != nil {
				contexts, workdir = moved, "" // make -C: its folder's paths
			}
			if unsure {
				return "", false // a branch archie could not choose
			}
		} else {
			// go build -tags "${TAGS}": the shell fills the words.
			env := ab.environ(arg)
			cmd := make([]string, len(ab.cmd))
			for i, w := range ab.cmd {
				cmd[i] = os.Expand(w, func(k string) string { return shellValue(env, k) })
			}
			cmds = [][]string{cmd}
		}
		n := 0
		for _, cmd := range cmds {
			pkgs, tags, known := emptyRun("").goBuild(cmd, contexts, workdir)
			if !known {
				tags = unreadTags
			}
			for _, p := range pkgs {
				if d.repoBuild(p) {
					n++
					sets[tags] = true
				}
			}
		}
		if n == 0 {
			return "", false
		}
	}
	if len(sets) != 1 {
		return "", false
	}
	for t := range sets {
		return t, t != unreadTags
	}
	return "", false
}

// repoBuild reports whether a package a go build names is the
// repository's code (./cmd/api, cmd/api/main.go, or an import path of
// the module at its root), not everything (./...) nor a tool installed
// from elsewhere.
func (d *deployment) repoBuild(p string) bool {
	if strings.Contains(p, "...") || strings.Contains(p, "@") {
		return false
	}
	own := d.rootModule != "" && (p == d.rootModule || strings.HasPrefix(p, d.rootModule+"/"))
	return own || strings.HasPrefix(p, ".") || strings.HasSuffix(p, ".go") && !path.IsAbs(p)
}

// wholeRef matches a word that is one variable's value: $X, ${X}, $(X).
var wholeRef = regexp.MustCompile(`^\$(?:[A-Za-z_][A-Za-z0-9_]*|\{[^}]*\}|\([^)]*\))$`)

// goBuild records what a go build or go install command builds, and the
// build tags it builds with (tagSet's form); known is false when a
// variable names them.
func (r *run) goBuild(words []string, contexts []string, workdir string) (pkgs []string, tags string, known bool) {
	known = true
	envTags, envKnown := "", true // GOFLAGS', which a -tags of the command line overrides
	assigns, words, ok := goBuildWords(words)
	if !ok {
		return nil, "", false
	}
	for _, a := range assigns {
		if k, v, _ := strings.Cut(a, "="); k == "GOFLAGS" {
			envTags, envKnown = goflagsTags(v)
		}
	}
	cmdTags := false
	for i := 2; i < len(words); i++ {
		w := strings.Trim(words[i], `"'`)
		if strings.HasPrefix(w, "-") {
			flag, value, hasValue := strings.Cut(strings.TrimLeft(w, "-"), "=")
			if !hasValue && valueFlags[flag] && i+1 < len(words) {
				i++
				value = words[i]
				if flag == "o" {
					r.name(words[i])
				}
			} else if hasValue && flag == "o" {
				r.name(w[strings.IndexByte(w, '=')+1:])
			}
			if flag == "tags" {
				tags, cmdTags = tagSet(value), true
				known = known && !strings.Contains(value, "$")
			}
			continue
		}
		if wholeRef.MatchString(w) {
			known = false // go build $(BUILDFLAGS): flags, -tags among them maybe
			continue
		}
		pkgs = append(pkgs, w)
	}
	if !cmdTags {
		tags, known = envTags, known && envKnown
	}
	if len(pkgs) == 0 {
		pkgs = []string{"."}
	}
	for _, p := range pkgs {
		if tool, _, ok := strings.Cut(p, "@"); ok && !strings.HasPrefix(p, ".") && !strings.Contains(tool, "...") {
			if n := norm(path.Base(tool)); n != "" {
				r.foreign[n] = tool // go install example.com/x/cmd/swagger@v1
			}
		}
		if strings.Contains(p, "...") || strings.Contains(p, "@") {
			continue // everything, or a tool installed from elsewhere
		}
		if strings.HasSuffix(p, ".go") {
			// A file is a path, whether or not it starts with ./
			// (go build -v commands/runserver.go).
			if p = path.Dir(p); !path.IsAbs(p) && !strings.HasPrefix(p, ".") {
				p = "./" + p
			}
		}
		set := tags
		if !known {
			set = unreadTags
		}
		if !strings.HasPrefix(p, ".") {
			// An import path: the repository's own module's package, or
			// go install of another module's tool.
			r.imports[p] = set
			continue
		}
		if p != ".." && !strings.HasPrefix(p, "../") {
			r.built[path.Clean(p)] = true
		}
		// The files usually sit in the image where the context's do, or
		// below the WORKDIR they were copied to.
		// Its tags go to the nearest of those folders that is one: the
		// build context that makes the path a package (go build . in a
		// Dockerfile beside its main is that main, not the repository's
		// root main).
		tagged := false
		deploys := func(dir string) {
			r.dirs[dir] = true
			if !tagged && hasGoFiles(dir) {
				r.tags[dir] = set
				tagged = true
			}
		}
		for _, c := range contexts {
			deploys(filepath.Join(c, filepath.FromSlash(p)))
		}
		for _, c := range contexts {
			if workdir != "" && !path.IsAbs(p) {
				wd := strings.Split(strings.Trim(path.Clean(workdir), "/"), "/")
				for i := range wd {
					deploys(filepath.Join(c, filepath.FromSlash(strings.Join(wd[i:], "/")), filepath.FromSlash(p)))
				}
			}
		}
	}
	return pkgs, tags, known
}

// goRunTags returns the build tags a go run command builds with, read as
// goBuild reads a go build's (-tags, GOFLAGS before it); the program's
// own arguments, after the package, are not go's.
func goRunTags(cmd []string) (tags string, known bool) {
	i := slices.Index(cmd, "run")
	if i < 1 || !goCommand(cmd[i-1]) {
		return "", true
	}
	build := append(slices.Clone(cmd[:i]), "build")
	for j := i + 1; j < len(cmd); j++ {
		build = append(build, cmd[j])
		if flag, _, hasValue := strings.Cut(strings.TrimLeft(cmd[j], "-"), "="); strings.HasPrefix(cmd[j], "-") {
			if !hasValue && valueFlags[flag] && j+1 < len(cmd) {
				j++
				build = append(build, cmd[j])
			}
			continue
		}
		break // the package: what follows is the program's
	}
	_, tags, known = emptyRun("").goBuild(build, nil, "")
	return tags, known
}

// goflagsTags returns the build tags a GOFLAGS value gives go (its flags
// are -flag=value words, -tags=a,b among them); known is false when a
// variable may hold them.
func goflagsTags(v string) (tags string, known bool) {
	known = true
	for _, f := range strings.Fields(strings.Trim(v, `"'`)) {
		flag, value, _ := strings.Cut(strings.TrimLeft(f, "-"), "=")
		switch {
		case !strings.HasPrefix(f, "-") && f != "":
			known = false // $EXTRA, or what a variable left
		case flag == "tags":
			tags, known = tagSet(value), !strings.Contains(value, "$")
		}
	}
	return tags, known
}

// withGoflags prefixes a go build with the GOFLAGS its environment sets,
// when the command sets none itself: an ENV's value ("$" not known), or a
// build arg's, which argTags reads per image.
func withGoflags(cmd []string, env map[string]string, args map[string]bool) []string {
	if !isGoBuild(cmd) {
		return cmd
	}
	v, set := env["GOFLAGS"]
	switch {
	case set:
	case args["GOFLAGS"]:
		v = "${GOFLAGS}"
	default:
		return cmd
	}
	return append([]string{"GOFLAGS=" + v}, cmd...)
}

// isGoBuild reports whether a command is a go build or go install that
// sets no GOFLAGS before it (GOFLAGS=… go build, env … go build).
func isGoBuild(cmd []string) bool {
	assigns, _, ok := goBuildWords(cmd)
	return ok && !slices.ContainsFunc(assigns, func(a string) bool { return strings.HasPrefix(a, "GOFLAGS=") })
}

// leadingAssigns splits the variable assignments a command starts with,
// after an env that runs it (env CGO_ENABLED=0 GOFLAGS=… go build), from
// the command's own words.
func leadingAssigns(cmd []string) (assigns, rest []string) {
	if len(cmd) > 0 && cmd[0] == "env" {
		cmd = cmd[1:]
	}
	n := 0
	for n < len(cmd) && strings.Contains(cmd[n], "=") && !strings.HasPrefix(cmd[n], "-") {
		n++
	}
	return cmd[:n], cmd[n:]
}

// goBuildWords splits a go build or go install command into the
// assignments before it (env CGO_ENABLED=0 go build) and its own words,
// go first; ok is false for another command.
func goBuildWords(cmd []string) (assigns, words []string, ok bool) {
	assigns, words = leadingAssigns(cmd)
	ok = len(words) > 1 && goCommand(words[0]) && (words[1] == "build" || words[1] == "install")
	return assigns, words, ok
}

// goCommand reports whether a program is the go command: go, or xx-go,
// the cross-compiling wrapper of tonistiigi/xx that multi-platform
// Dockerfiles build with (xx-go build -o /out/app ./cmd/app).
func goCommand(prog string) bool {
	base := path.Base(prog)
	return base == "go" || base == "xx-go"
}

// unreadTags stands for the build tags of a go build that archie cannot
// read (-tags "${TAGS}", GOFLAGS=-tags=…): the service may be another
// program, and the run says so.
const unreadTags = "$"

// hasGoFiles reports whether a folder holds Go files: a package a go
// build there may build (docker/, which holds the Dockerfile, is none).
func hasGoFiles(dir string) bool {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".go") {
			return true
		}
	}
	return false
}

// tagSet writes a -tags value as a set: sorted, each tag once, joined by
// commas. Quotes are dropped, and the old form's spaces separate as
// commas do.
func tagSet(value string) string {
	var tags []string
	for _, t := range strings.FieldsFunc(value, func(r rune) bool { return r == ',' || r == ' ' || r == '"' || r == '\'' }) {
		if !slices.Contains(tags, t) {
			tags = append(tags, t)
		}
	}
	sort.Strings(tags)
	return strings.Join(tags, ",")
}

// valueFlags are the go build flags that take their value as the next word.
var valueFlags = map[string]bool{"o": true, "tags": true, "ldflags": true, "gcflags": true, "asmflags": true, "mod": true, "modfile": true,
	"p": true, "pkgdir": true, "overlay": true, "installsuffix": true, "buildmode": true, "compiler": true, "pgo": true, "toolexec": true, "C": true,
	"exec": true, "coverpkg": true}

// logicalLines joins a Dockerfile's continued lines and drops comments.
func logicalLines(data []byte) []string {
	var out []string
	var cur strings.Builder
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasSuffix(line, "\\") {
			cur.WriteString(strings.TrimSuffix(line, "\\") + " ")
			continue
		}
		cur.WriteString(line)
		out = append(out, cur.String())
		cur.Reset()
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

// shellCommands splits a shell line into its simple commands' words.
func shellCommands(s string) [][]string {
	if words := execWords(s); strings.HasPrefix(strings.TrimSpace(s), "[") {
		return [][]string{words}
	}
	var out [][]string
	for _, part := range splitCommands(s) {
		if f := dropRedirections(quotedWordsOf(part)); len(f) > 0 { // -tags "jsoniter pg" is one word
			out = append(out, f)
		}
	}
	return out
}

// splitCommands splits a shell line at &, ; and | outside quotes and
// command substitutions: -ldflags "-X main.v=$(git describe | tr -d v)"
// stays one word of one command.
func splitCommands(s string) []string {
	parts, _ := shellSplit(s)
	return parts
}

// shellSplit is splitCommands, with the positions of the separators it
// split at.
func shellSplit(s string) (parts []string, seps []int) {
	quote, subst, start := byte(0), 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			} else if quote == '"' && c == '$' && i+1 < len(s) && s[i+1] == '(' {
				subst++
				i++
			} else if c == ')' && subst > 0 {
				subst--
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '$' && i+1 < len(s) && s[i+1] == '(':
			subst++
			i++
		case c == ')' && subst > 0:
			subst--
		case subst == 0 && c == '&' && redirection(s, i):
			// 2>&1, >&2, &>log: part of the command's words
		case subst == 0 && (c == '&' || c == ';' || c == '|'):
			parts = append(parts, s[start:i])
			seps = append(seps, i)
			start = i + 1
		}
	}
	return append(parts, s[start:]), seps
}

// shellRedirect is a word that redirects a command's input or output
// (>, 2>>, &>, <, 2>&1, >/dev/null): its group is the target the word
// holds, and a word without one takes the next.
var shellRedirect = regexp.MustCompile(`^[0-9]*(?:>>?|<|&>>?|>&|<&)(.*)$`)

// dropRedirections returns a command's words without its redirections,
// which are the shell's, not the program's arguments: ./app http://db >
// /var/log/app.log 2>&1 runs ./app with one argument.
func dropRedirections(words []shellWord) []string {
	out := make([]string, 0, len(words))
	for i := 0; i < len(words); i++ {
		var m []string
		if !words[i].quoted {
			m = shellRedirect.FindStringSubmatch(words[i].text)
		}
		switch {
		case m == nil:
			out = append(out, words[i].text)
		case m[1] == "":
			i++ // the target is the next word
		}
	}
	return out
}

// redirection reports whether the & at s[i] belongs to a redirection
// (2>&1, <&3, &>log, &>>log) rather than ending a command run in the
// background or being half of &&.
func redirection(s string, i int) bool {
	if i > 0 && (s[i-1] == '>' || s[i-1] == '<') {
		return true
	}
	return i+1 < len(s) && s[i+1] == '>' && (i == 0 || s[i-1] != '&')
}

// quoteWords quotes the words of an exec-form list that hold spaces, so
// that a shell line reads each as one word.
func quoteWords(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		if strings.ContainsAny(w, " \t") && !strings.ContainsAny(w, `"`) {
			w = `"` + w + `"`
		}
		out[i] = w
	}
	return out
}

// quotedWords splits s at spaces outside quotes and drops the quotes:
// service="orders" other=x is two words, service=orders and other=x.
func quotedWords(s string) []string {
	words := quotedWordsOf(s)
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = w.text
	}
	return out
}

// A shellWord is a word of a shell line without its quotes, and whether
// it had any: a quoted ">" is an argument, not a redirection.
type shellWord struct {
	text   string
	quoted bool
}

// quotedWordsOf is quotedWords, saying which words were quoted. A
// command substitution is part of its word, whatever spaces it holds
// (USERARCH=`go env GOARCH`, CGO_ENABLED=$([ "$A" = "$B" ] && echo 1)).
func quotedWordsOf(s string) []shellWord {
	var out []shellWord
	var b strings.Builder
	quote, in, quoted := rune(0), false, false
	subst, tick := 0, false
	prev := rune(0)
	for _, r := range s {
		last := prev
		prev = r
		if quote != '\'' {
			switch {
			case r == '(' && last == '$':
				subst++
			case r == ')' && subst > 0:
				subst--
			case r == '`':
				tick = !tick
			}
		}
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote == 0 && (r == '"' || r == '\''):
			quote, in, quoted = r, true, true
		case quote == 0 && subst == 0 && !tick && (r == ' ' || r == '\t'):
			if in {
				out = append(out, shellWord{b.String(), quoted})
				b.Reset()
				in, quoted = false, false
			}
		default:
			b.WriteRune(r)
			in = true
		}
	}
	if in {
		out = append(out, shellWord{b.String(), quoted})
	}
	return out
}

// runProgram returns the words of the program an image's ENTRYPOINT or
// CMD runs as the container's process. A shell line, the instruction's
// shell form or a shell's -c line (sh -c "./migrator && ./app"), runs
// its commands one after another: the service is the last that is not
// the shell's own (echo, sleep; unless built, a program the image builds
// under that name), which runs once those before it (a migration, a wait
// for the database) are done. A line that runs commands otherwise (a
// pipe, ||, one in the background) names none.
func runProgram(rest string, built func(name string) bool) []string {
	if !sequential(rest) {
		return nil
	}
	var cmds [][]string
	for _, cmd := range shellCommands(rest) {
		if _, words := leadingAssigns(cmd); len(words) > 1 && shells[path.Base(words[0])] && words[1] == "-c" {
			if len(words) > 2 {
				if !sequential(words[2]) {
					return nil
				}
				cmds = append(cmds, shellCommands(words[2])...)
			}
			continue
		}
		cmds = append(cmds, cmd)
	}
	for i := len(cmds) - 1; i >= 0; i-- {
		words := cmds[i]
		if len(words) > 0 && words[0] == "exec" {
			words = words[1:]
		}
		words = unwrapInit(words)
		if len(words) == 0 {
			continue
		}
		if name := path.Base(strings.Trim(words[0], `"'`)); !shellUtilities[name] || built != nil && built(norm(name)) {
			return words
		}
	}
	if len(cmds) > 0 {
		if words := unwrapInit(cmds[0]); len(words) > 0 {
			return words
		}
	}
	return nil
}

// initWrappers are the init programs an image runs its program under
// (ENTRYPOINT ["/usr/bin/tini", "-g", "--", "/usr/local/bin/app"]).
var initWrappers = map[string]bool{"tini": true, "tini-static": true, "dumb-init": true, "catatonit": true}

// unwrapInit returns the words of the program an init wrapper runs (none
// when the program is CMD's, after ENTRYPOINT ["tini", "--"]), or words
// when they run no such wrapper.
func unwrapInit(words []string) []string {
	if len(words) == 0 || !initWrappers[path.Base(strings.Trim(words[0], `"'`))] {
		return words
	}
	rest := words[1:]
	if i := slices.Index(rest, "--"); i >= 0 {
		return rest[i+1:]
	}
	for len(rest) > 0 && strings.HasPrefix(rest[0], "-") {
		switch rest[0] {
		case "-p", "-e", "-r", "--rewrite": // tini's signal and exit code, dumb-init's rewrite: a value follows
			rest = rest[min(2, len(rest)):]
		default:
			rest = rest[1:]
		}
	}
	return rest
}

// sequential reports whether a shell line runs its commands one after
// another: no pipe (| or ||) and none in the background (a & not of &&;
// shellSplit does not split at a redirection's, 2>&1), outside quotes
// and command substitutions.
func sequential(s string) bool {
	_, seps := shellSplit(s)
	for _, i := range seps {
		switch {
		case s[i] == '|':
			return false
		case s[i] != '&':
		case i+1 < len(s) && s[i+1] == '&', i > 0 && s[i-1] == '&':
			// &&
		default:
			return false
		}
	}
	return true
}

// execWords returns the words of an instruction in exec form (a JSON
// array) or shell form.
func execWords(s string) []string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "[") {
		var words []string
		if json.Unmarshal([]byte(s), &words) == nil {
			return words
		}
	}
	return strings.Fields(s)
}

// procfile reads a Procfile: each process type and the program it runs.
func (d *deployment) procfile(root, file string, data []byte) {
	r := d.newRun(relTo(root, file))
	for _, line := range strings.Split(string(data), "\n") {
		kind, cmd, ok := strings.Cut(line, ":")
		if !ok || strings.HasPrefix(strings.TrimSpace(kind), "#") {
			continue
		}
		r.name(strings.TrimSpace(kind))
		for _, words := range shellCommands(cmd) {
			for len(words) > 0 && strings.Contains(words[0], "=") {
				words = words[1:]
			}
			if len(words) >= 2 && words[0] == "go" && words[1] == "run" {
				words[1] = "build"
				r.goBuild(words, []string{filepath.Dir(file)}, "")
			} else if len(words) > 0 {
				r.name(words[0])
				d.otherArgs = append(d.otherArgs, words[1:]...)
			}
		}
	}
}

// goreleaserImageBuilds returns the ids of the builds a goreleaser
// config's images hold, as each dockers entry's ids and each ko's build
// name them; nil when one of them holds every build (no ids). An entry
// without ids hands every binary to its Dockerfile, which holds those it
// copies: fission's cmd/fission-bundle/Dockerfile copies fission-bundle,
// not the fission CLI. copied returns the names a Dockerfile copies, or
// false when they are not known.
func goreleaserImageBuilds(doc map[string]any, copied func(dockerfile string) ([]string, bool)) map[string]bool {
	out := make(map[string]bool)
	builds, _ := doc["builds"].([]any)
	for _, key := range []string{"dockers", "dockers_v2"} {
		entries, _ := doc[key].([]any)
		for _, e := range entries {
			m, _ := e.(map[string]any)
			ids, _ := m["ids"].([]any)
			if len(ids) == 0 {
				df, _ := m["dockerfile"].(string)
				names, ok := copied(cmp.Or(df, "Dockerfile"))
				if !ok || len(builds) == 0 {
					return nil
				}
				for _, b := range builds {
					b, _ := b.(map[string]any)
					id, _ := b["id"].(string)
					binary, _ := b["binary"].(string)
					if id == "" || binary == "" {
						return nil // named after the project: not read
					}
					if slices.Contains(names, path.Base(binary)) {
						out[id] = true
					}
				}
				continue
			}
			for _, id := range ids {
				if s, ok := id.(string); ok {
					out[s] = true
				}
			}
		}
	}
	kos, _ := doc["kos"].([]any)
	for _, e := range kos {
		m, _ := e.(map[string]any)
		b, _ := m["build"].(string)
		if b == "" {
			return nil
		}
		out[b] = true
	}
	return out
}

// dockerCopies returns the names of the files a Dockerfile copies from
// its build context (COPY and ADD, not from another stage), by base name;
// false when a source is a folder or a pattern, which may hold any.
func dockerCopies(data []byte) ([]string, bool) {
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) < 3 || !strings.EqualFold(f[0], "COPY") && !strings.EqualFold(f[0], "ADD") {
			continue
		}
		args := f[1:]
		from := false
		for len(args) > 0 && strings.HasPrefix(args[0], "--") {
			from = from || strings.HasPrefix(args[0], "--from")
			args = args[1:]
		}
		if len(args) > 0 && strings.HasPrefix(args[0], "[") {
			return nil, false // the exec form: not read
		}
		if from || len(args) < 2 {
			continue
		}
		for _, src := range args[:len(args)-1] {
			base := path.Base(strings.TrimSuffix(src, "/"))
			if strings.HasSuffix(src, "/") || base == "." || strings.ContainsAny(base, "*?[$") {
				return nil, false
			}
			out = append(out, base)
		}
	}
	return out, true
}

// goreleaser reads the builds of a goreleaser config that ships images
// (dockers, kos): the binaries it releases only as archives are CLIs.
func (d *deployment) goreleaser(root, file string, doc map[string]any) {
	// Every build is released, as an archive at least: its main is
	// built by the repository, to be run (partsOf).
	builds, _ := doc["builds"].([]any)
	for _, b := range builds {
		m, _ := b.(map[string]any)
		if builder, _ := m["builder"].(string); m == nil || builder != "" && builder != "go" {
			continue
		}
		if d.released == nil {
			d.released = make(map[string]bool)
		}
		_, _, mainDir := goreleaserMain(file, m)
		d.released[mainDir] = true
	}
	if doc["dockers"] == nil && doc["kos"] == nil && doc["docker_manifests"] == nil && doc["dockers_v2"] == nil {
		return
	}
	r := d.newRun(relTo(root, file))
	shipped := goreleaserImageBuilds(doc, func(df string) ([]string, bool) {
		data, ok := readSmall(d.root, filepath.Join(filepath.Dir(file), filepath.FromSlash(df)))
		if !ok {
			return nil, false
		}
		return dockerCopies(data)
	})
	// The top-level env is every build's, under its own.
	top, _ := doc["env"].([]any)
	for _, b := range builds {
		m, _ := b.(map[string]any)
		if len(top) > 0 && m != nil {
			own, _ := m["env"].([]any)
			m = maps.Clone(m)
			m["env"] = append(slices.Clone(top), own...)
		}
		if id, _ := m["id"].(string); id != "" && shipped != nil && !shipped[id] {
			continue // released only as an archive: a CLI
		}
		switch builder, _ := m["builder"].(string); builder {
		case "", "go":
		case "prebuilt":
			// A binary built elsewhere (a Makefile, CI): its name, not
			// its folder or tags, which that build says.
			if s, ok := m["binary"].(string); ok {
				r.name(s)
			}
			continue
		default:
			continue // rust, zig, bun, …: no Go main
		}
		dir, main, mainDir := goreleaserMain(file, m)
		r.dirs[mainDir] = true
		if s, ok := m["binary"].(string); ok {
			r.name(s)
		}
		// Its build tags: tags, a -tags among its flags, or GOFLAGS in
		// its env, read as the go build goreleaser runs.
		_, tags, known := r.goBuild(goreleaserBuild(m, main), []string{dir}, "")
		// An override for Linux, the images' system, may build
		// another way: which of its targets an image holds is not
		// read, so tags that differ are not known.
		overrides, _ := m["overrides"].([]any)
		for _, o := range overrides {
			o, _ := o.(map[string]any)
			if goos, _ := o["goos"].(string); o == nil || goos != "" && goos != "linux" {
				continue
			}
			over := maps.Clone(m)
			for _, k := range []string{"tags", "flags", "env"} {
				if v, ok := o[k]; ok {
					over[k] = v
				}
			}
			if k, _ := o["env"].([]any); len(top) > 0 && k != nil {
				over["env"] = append(slices.Clone(top), k...)
			}
			if _, t, ok := emptyRun("").goBuild(goreleaserBuild(over, main), nil, ""); t != tags || ok != known {
				r.tags[mainDir] = unreadTags
				break
			}
		}
	}
}

// goreleaserMain returns the folder a goreleaser build of the config in
// file runs in, its main package as the build names it, and the main's
// folder.
func goreleaserMain(file string, build map[string]any) (dir, main, mainDir string) {
	dir = filepath.Dir(file)
	if s, ok := build["dir"].(string); ok {
		dir = filepath.Join(dir, s)
	}
	main = "."
	if s, ok := build["main"].(string); ok {
		main = s
	}
	if strings.HasSuffix(main, ".go") {
		main = path.Dir(main)
	}
	return dir, main, filepath.Join(dir, filepath.FromSlash(main))
}

// goTemplate matches a Go template's action, as goreleaser's fields hold.
var goTemplate = regexp.MustCompile(`\{\{.*?\}\}`)

// goreleaserBuild returns the go build command a goreleaser build runs,
// for its build tags: its env's GOFLAGS, its flags, then its tags. A
// template ({{ .Env.TAGS }}) is a value archie does not know.
func goreleaserBuild(m map[string]any, main string) []string {
	strs := func(key string) []string {
		var out []string
		switch v := m[key].(type) {
		case string:
			out = append(out, v)
		case []any:
			for _, e := range v {
				if s, ok := e.(string); ok {
					out = append(out, s)
				}
			}
		}
		for i, s := range out {
			out[i] = goTemplate.ReplaceAllString(s, "$$"+key) // -tags={{ .Env.TAGS }}: not known
		}
		return out
	}
	var cmd []string
	env, _ := m["env"].([]any)
	for _, e := range env {
		if e, ok := e.(string); ok && strings.HasPrefix(e, "GOFLAGS=") {
			cmd = append(cmd, goTemplate.ReplaceAllString(e, "$$env")) // GOFLAGS={{ .Env.F }}: not known
		} else if ok && strings.HasPrefix(e, "{{") {
			// A template that may set it: one whose text outside its
			// actions sets no other variable ({{ .Env.EXTRA }}), or
			// names GOFLAGS. {{ if eq .Arch "arm" }}CC=…{{ end }}
			// sets CC.
			if text := goTemplate.ReplaceAllString(e, ""); strings.Contains(text, "GOFLAGS") || !strings.Contains(text, "=") {
				cmd = append(cmd, "GOFLAGS=$env")
			}
		}
	}
	cmd = append(cmd, "go", "build")
	cmd = append(cmd, strs("flags")...) // each its own argument: [-tags, pg]
	if tags := strs("tags"); len(tags) > 0 {
		cmd = append(cmd, "-tags="+strings.Join(tags, ","))
	}
	if !strings.HasPrefix(main, ".") {
		main = "./" + main
	}
	return append(cmd, main)
}

// helm reads a chart's name and the images its values name.
func (d *deployment) helm(root, file string, doc map[string]any) {
	r := d.newRun(relTo(root, file))
	if filepath.Base(file) == "Chart.yaml" {
		if s, ok := doc["name"].(string); ok {
			r.name(s)
			d.charts[filepath.Dir(file)] = s
		}
		return
	}
	var walk func(v any, depth int, section string)
	walk = func(v any, depth int, section string) {
		if depth > 8 {
			return
		}
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				switch {
				case k == "env" || k == "extraEnv" || k == "environment":
					// A chart's variables: its own, or those of the
					// section of an umbrella chart's values they are in.
					if env := helmEnv(x); len(env) > 0 {
						d.helmEnv = append(d.helmEnv, helmValues{dir: filepath.Dir(file), file: relTo(root, file), section: section, env: env})
					}
				case k == "image":
					if s, ok := x.(string); ok {
						r.image(s)
						d.helmImage(s, relTo(root, file))
					} else if m, ok := x.(map[string]any); ok {
						if s, ok := m["repository"].(string); ok {
							r.image(s)
							d.helmImage(s, relTo(root, file))
						}
					}
				case k == "args" || k == "command" || k == "extraArgs":
					// The chart's container's words: a flag they set is
					// not a default nothing overrides.
					if m, ok := x.(map[string]any); ok {
						for flag, v := range m {
							d.otherArgs = append(d.otherArgs, "--"+flag+"="+scalar(v))
						}
					} else {
						d.otherArgs = append(d.otherArgs, words(x, nil)...)
					}
				case k == "nameOverride" || k == "fullnameOverride":
					if s, ok := x.(string); ok {
						r.name(s)
					}
				default:
					sub := section
					if depth == 0 && !helmGeneric[k] {
						sub = k
					}
					walk(x, depth+1, sub)
				}
			}
		case []any:
			for _, x := range v {
				walk(x, depth+1, section)
			}
		}
	}
	walk(doc, 0, "")
}

// helmImage records an image a chart's values name, by its last path
// element without tag: a workload the chart deploys.
func (d *deployment) helmImage(ref, file string) {
	ref, _, _ = strings.Cut(ref, "@")
	base := ref[strings.LastIndexByte(ref, '/')+1:]
	base, _, _ = strings.Cut(base, ":")
	if base != "" && !strings.ContainsAny(base, "{[") {
		d.helmImages = append(d.helmImages, [2]string{base, file})
	}
}

// helmDeployed returns the values file whose image is the service's: named
// after it once the prefix every chart image shares (openmatch-backend's
// openmatch-) is set aside.
func (d *deployment) helmDeployed(svc *Service) string {
	if len(d.helmImages) == 0 {
		return ""
	}
	prefix := ""
	if len(d.helmImages) > 1 {
		prefix = d.helmImages[0][0]
		for _, img := range d.helmImages[1:] {
			for !strings.HasPrefix(img[0], prefix) {
				prefix = prefix[:len(prefix)-1]
			}
		}
		if i := strings.LastIndexAny(prefix, "-_"); i >= 0 {
			prefix = prefix[:i+1] // whole words only: openmatch-, not openmatch-s
		} else {
			prefix = ""
		}
	}
	for _, img := range d.helmImages {
		if norm(strings.TrimPrefix(img[0], prefix)) == norm(svc.Name) {
			return img[1]
		}
	}
	return ""
}

// helmGeneric are top-level keys of a chart's values that are not one of
// its services: their variables are the chart's own.
var helmGeneric = map[string]bool{"deployment": true, "container": true, "app": true, "pod": true, "global": true, "config": true, "image": true, "service": true, "spec": true}

// helmValues are the variables a values file gives a chart's service.
type helmValues struct {
	dir, file, section string
	env                map[string]string
}

// helmEnv reads variables written as a mapping (KEY: value) or as a
// container's list (- name: KEY, value: value).
func helmEnv(v any) map[string]string {
	out := make(map[string]string)
	switch e := v.(type) {
	case map[string]any:
		for k, x := range e {
			if _, nested := x.(map[string]any); !nested {
				out[k] = scalar(x)
			}
		}
	case []any:
		for _, item := range e {
			m, _ := item.(map[string]any)
			k, _ := m["name"].(string)
			if x, ok := m["value"]; ok && k != "" {
				out[k] = scalar(x)
			}
		}
	}
	return out
}

// resolveHelm gives the variables of the values files to the workloads
// they are for: a section's name, else the chart's (its Chart.yaml beside
// the values). A variable a manifest sets keeps its value.
func (d *deployment) resolveHelm() {
	charts := make(map[string]bool, len(d.charts))
	for _, c := range d.charts {
		charts[c] = true
	}
	for _, h := range d.helmEnv {
		name := h.section
		if name == "" {
			name = d.charts[h.dir]
		} else if _, ok := d.workloads[name]; !ok && !charts[name] {
			continue // a section that names no chart or workload: a subchart's, a setting's
		}
		if name == "" {
			continue
		}
		w := d.workload(name, h.file)
		w.deployedIn(h.file)
		for k, v := range h.env {
			if _, ok := w.env[k]; !ok && !strings.Contains(v, "{{") {
				w.env[k] = v
			}
		}
	}
}

// startBuilds returns the commands that build a container's program when
// it starts, as its command runs them: go run (as the go build of the
// package it runs) or go build, a make target, and those a file watcher
// rebuilds with (CompileDaemon -build="…", reflex … -- cmd, air's
// .air.toml build cmd, sh -c "…"). read returns a file of the build
// context, or nil.
func startBuilds(words []string, read func(name string) []byte, depth int) [][]string {
	for len(words) > 0 && strings.Contains(words[0], "=") && !strings.HasPrefix(words[0], "-") {
		words = words[1:] // CGO_ENABLED=0 go run .
	}
	if len(words) == 0 || depth == 0 {
		return nil
	}
	var out [][]string
	nested := func(line string) {
		for _, cmd := range shellCommands(line) {
			out = append(out, startBuilds(cmd, read, depth-1)...)
		}
	}
	switch strings.ToLower(path.Base(words[0])) {
	case "go":
		if len(words) > 1 && words[1] == "build" {
			return [][]string{words}
		}
		if len(words) > 1 && words[1] == "run" {
			return [][]string{goRunBuild(words)}
		}
	case "make":
		return [][]string{words}
	case "sh", "bash", "ash":
		if len(words) > 2 && words[1] == "-c" {
			nested(words[2])
		}
	case "compiledaemon":
		for i := 1; i < len(words); i++ {
			flag, value, hasValue := strings.Cut(strings.TrimLeft(words[i], "-"), "=")
			if flag != "build" {
				continue
			}
			if !hasValue && i+1 < len(words) {
				value = words[i+1]
			}
			nested(value)
		}
	case "reflex":
		if i := slices.Index(words, "--"); i >= 0 {
			out = append(out, startBuilds(words[i+1:], read, depth-1)...)
		}
	case "air":
		name := ".air.toml"
		for i := 1; i+1 < len(words); i++ {
			if words[i] == "-c" {
				name = words[i+1]
			}
		}
		if cmd := airBuildCmd(read(name)); cmd != "" {
			nested(cmd)
		}
	}
	return out
}

// goRunBuild returns go run's command as the go build of what it runs:
// its flags and the package (or the .go files) it names, not the
// program's arguments after them.
func goRunBuild(words []string) []string {
	out := []string{words[0], "build"}
	for i := 2; i < len(words); i++ {
		w := words[i]
		if strings.HasPrefix(w, "-") {
			out = append(out, w)
			if flag, _, hasValue := strings.Cut(strings.TrimLeft(w, "-"), "="); !hasValue && valueFlags[flag] && i+1 < len(words) {
				i++
				out = append(out, words[i])
			}
			continue
		}
		out = append(out, w)
		for i+1 < len(words) && strings.HasSuffix(words[i+1], ".go") && strings.HasSuffix(w, ".go") {
			i++
			out = append(out, words[i])
		}
		break
	}
	return out
}

// airBuildCmd returns the build command of an air config: its [build]
// table's cmd.
func airBuildCmd(data []byte) string {
	section := ""
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "[") {
			section = strings.Trim(line, "[] ")
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok || section != "build" || strings.TrimSpace(k) != "cmd" {
			continue
		}
		v = strings.TrimSpace(v)
		if uq, err := strconv.Unquote(v); err == nil {
			return uq
		}
		return strings.Trim(v, `'"`)
	}
	return ""
}

// readIn returns a file of the first folder among dirs that holds it, or
// nil.
func readIn(dirs []string, name string) []byte {
	for _, dir := range dirs {
		if data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name))); err == nil && len(data) <= 1<<20 {
			return data
		}
	}
	return nil
}

// A dockerStage is one FROM of a Dockerfile: its name (FROM x AS name)
// and the program its command runs, by name as norm folds it.
type dockerStage struct {
	name, runs          string
	entrypoint, command []string
	shellEntry          bool // its ENTRYPOINT is a shell form one
	entryRun, cmdRun    []string
}

// A stageBuild is a main a multi-image Dockerfile builds that only a
// stage other than its last runs: the Dockerfile's build deploys it
// only when some build targets that stage.
type stageBuild struct {
	run   *run
	file  string // the Dockerfile
	stage string
	name  string   // the program's name, as norm folds it
	dirs  []string // the folders its go build named
}

// stageOnly notes the mains a Dockerfile of several images builds that
// run only in an image other than its last (FROM alpine AS client …
// CMD ["./client"]), the one a build without --target makes. A builder
// stage that builds every program for every image does not deploy each:
// unusedStages decides, once every file is read, whether a deployment
// builds that image.
func (d *deployment) stageOnly(r *run, file string, stages []dockerStage, outputs map[string][]string) {
	images := 0
	for _, s := range stages {
		if s.runs != "" {
			images++
		}
	}
	if images < 2 {
		return
	}
	if d.stagesOf == nil {
		d.stagesOf = make(map[string]dockerImages)
	}
	d.stagesOf[file] = dockerImages{stages, outputs}
	// The last image must run a program built here: one that runs a
	// script, a debugger (dlv exec /app) or a supervisor may run any.
	last := stages[len(stages)-1].runs
	if _, built := outputs[last]; !built {
		return
	}
	// A folder some image a build without --target makes, or several
	// images, or none, may run, stays deployed.
	only := make(map[string]string) // output -> the one stage other than the last that runs it
	keep := make(map[string]bool)
	for out, dirs := range outputs {
		var in []string
		for _, s := range stages {
			if s.runs == out {
				in = append(in, s.name)
			}
		}
		if out == last || len(in) != 1 || in[0] == "" {
			for _, dir := range dirs {
				keep[dir] = true
			}
			continue
		}
		only[out] = in[0]
	}
	for out, stage := range only {
		var dirs []string
		for _, dir := range outputs[out] {
			if !keep[dir] {
				dirs = append(dirs, dir)
			}
		}
		d.stageBuilds = append(d.stageBuilds, stageBuild{run: r, file: file, stage: stage, name: out, dirs: dirs})
	}
}

// target records a build target a deployment or build command names.
func (d *deployment) target(t string) {
	if t == "" || strings.Contains(t, "$") {
		d.anyTarget = true // a variable's: any stage may be it
		return
	}
	if d.targets == nil {
		d.targets = make(map[string]bool)
	}
	d.targets[strings.ToLower(t)] = true
}

// unusedStages takes out of their Dockerfiles' runs the mains only an
// image no build targets runs: the Dockerfile builds them, nothing
// deploys them (a client no compose service runs beside the services
// built from the same builder stage).
func (d *deployment) unusedStages() {
	if d.anyTarget || d.containerTools {
		return // skaffold's, Tilt's artifacts may build any image
	}
	for _, sb := range d.stageBuilds {
		// Only a Dockerfile whose images compose builds by target:
		// one built only by CI files archie does not read may have
		// any of its images built.
		if d.targets[sb.stage] || !d.targeted[sb.file] {
			continue
		}
		for _, dir := range sb.dirs {
			delete(sb.run.dirs, dir)
			delete(sb.run.tags, dir)
		}
		delete(sb.run.names, sb.name)
	}
}

// buildOutput returns the name of the program a go build command writes
// (go build -o bin/api ./cmd/api is api), as norm folds it, or "".
func buildOutput(cmd []string) string {
	for i, w := range cmd {
		w = strings.Trim(w, `"'`)
		if w == "-o" || w == "--o" {
			if i+1 < len(cmd) {
				return norm(path.Base(strings.Trim(cmd[i+1], `"'`)))
			}
			return ""
		}
		if v, ok := strings.CutPrefix(w, "-o="); ok {
			return norm(path.Base(v))
		}
	}
	return ""
}

// mainsUnder returns the folders below dir (itself among them) that
// hold a main package, as go build dir/... builds them: not vendor,
// testdata, nor a folder whose name starts with . or _.
func mainsUnder(dir string) []string {
	var out []string
	filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || !e.IsDir() {
			return nil
		}
		if n := e.Name(); p != dir && (strings.HasPrefix(n, ".") || strings.HasPrefix(n, "_") || n == "vendor" || n == "testdata") {
			return filepath.SkipDir
		}
		if holdsMain(p) {
			out = append(out, p)
		}
		return nil
	})
	return out
}

// outDir reports whether a go build command writes into a folder (-o
// /out/, its trailing slash says so), each main under its folder's name.
func outDir(cmd []string) bool {
	for i, w := range cmd {
		w = strings.Trim(w, `"'`)
		if (w == "-o" || w == "--o") && i+1 < len(cmd) {
			return strings.HasSuffix(strings.Trim(cmd[i+1], `"'`), "/")
		}
		if v, ok := strings.CutPrefix(w, "-o="); ok {
			return strings.HasSuffix(v, "/")
		}
	}
	return false
}

// dockerImages are a Dockerfile's stages and the folders each program
// its go builds write (-o NAME, as norm folds it) is built from.
type dockerImages struct {
	stages  []dockerStage
	outputs map[string][]string
}

// targetedBuilds ties a compose service that builds one stage of a
// Dockerfile of several images (build: {target: user_service}) to the
// main that stage's command runs, built by the Dockerfile's go build -o:
// the service deploys that main, with its environment, though its build
// context holds every main.
func (d *deployment) targetedBuilds() {
	// Which Dockerfiles compose builds by target, before a workload's
	// folder becomes its main's.
	for _, w := range d.workloads {
		if w.target != "" {
			if d.targeted == nil {
				d.targeted = make(map[string]bool)
			}
			d.targeted[w.targetFile()] = true
		}
	}
	for _, w := range d.workloads {
		if w.target == "" || w.alias {
			continue
		}
		imgs, ok := d.stagesOf[w.targetFile()]
		if !ok {
			continue
		}
		i := slices.IndexFunc(imgs.stages, func(s dockerStage) bool { return s.name == w.target })
		if i < 0 || imgs.stages[i].runs == "" {
			continue
		}
		if st := imgs.stages[i]; len(w.args) > 0 && (len(st.entrypoint) == 0 || st.shellEntry || slices.ContainsFunc(w.runWords, func(r argRun) bool { return !r.afterEntry })) {
			// Its own command, not the image's; a command that runs
			// after the stage's ENTRYPOINT is the ENTRYPOINT's
			// program's arguments.
			continue
		}
		var mains []string
		for _, dir := range imgs.outputs[imgs.stages[i].runs] {
			if hasGoFiles(dir) && !slices.Contains(mains, dir) {
				mains = append(mains, dir)
			}
		}
		if len(mains) != 1 {
			continue // none, or several folders it may be: not known which
		}
		w.dir, w.built, w.staged = mains[0], true, true
		for _, r := range d.runs {
			if r.file == w.file {
				r.dirs[mains[0]] = true
			}
		}
	}
}

// targetFile returns the Dockerfile a compose workload builds, or "".
func (w *workload) targetFile() string {
	if w.dockerfile != "" {
		return w.dockerfile
	}
	if w.dir != "" {
		return filepath.Join(w.dir, "Dockerfile")
	}
	return ""
}

// resolveImports ties the packages go builds name by import path to the
// folders of the repository's modules that hold them, once every go.mod
// is known: a Dockerfile's go build example.com/shop/cmd/api builds the
// main in cmd/api of the module example.com/shop.
func (d *deployment) resolveImports() {
	for file, pkgs := range d.importBuilds {
		for _, p := range pkgs {
			if dir := d.importDir(p); dir != "" && hasGoFiles(dir) && !slices.Contains(d.goBuilds[file], p) {
				d.goBuilds[file] = append(d.goBuilds[file], p)
			}
		}
		sort.Strings(d.goBuilds[file])
	}
	for _, r := range d.runs {
		for p, tags := range r.imports {
			dir := d.importDir(p)
			if dir == "" || !hasGoFiles(dir) {
				continue
			}
			r.dirs[dir] = true
			if _, ok := r.tags[dir]; !ok {
				r.tags[dir] = tags
			}
		}
	}
}

// importDir returns the folder of the repository that holds the package
// of an import path, in the module whose path is its longest prefix;
// "" when no module of the repository has it.
func (d *deployment) importDir(p string) string {
	best, dir := "", ""
	for mod, modDir := range d.modules {
		if (p == mod || strings.HasPrefix(p, mod+"/")) && len(mod) > len(best) {
			best, dir = mod, ""
			if modDir != "" { // "": two modules have the path
				dir = filepath.Join(modDir, filepath.FromSlash(strings.TrimPrefix(strings.TrimPrefix(p, mod), "/")))
			}
		}
	}
	return dir
}
