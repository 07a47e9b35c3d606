package services

import (
	"bytes"
	"cmp"
	"encoding/base64"
	"encoding/csv"
	"errors"
	"fmt"
	"go/token"
	"hash/crc32"
	"io"
	"io/fs"
	"maps"
	"math"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/archie-dev/archie/analyze"
	"github.com/archie-dev/archie/analyze/services/helm"
	"golang.org/x/mod/modfile"
	"gopkg.in/yaml.v3"
)

// A deployment is what the deployment files of a repository say about its
// workloads: docker-compose services and Kubernetes objects, those of
// Helm charts as their templates render (charts.go).
type deployment struct {
	// commands are the names of the cobra subcommands (not roots) of the
	// programs read: a deployment runs the first its arguments spell.
	commands []string
	// workloads by name: compose services, Kubernetes Deployments,
	// StatefulSets, DaemonSets, Pods, Jobs and Services.
	workloads map[string]*workload
	// runs are what each deployment file runs (runs.go).
	runs []*run
	// stageBuilds are the mains a Dockerfile builds that only one of its
	// images runs, an image not its last (stageOnly); targets are the
	// build targets compose files, docker build commands and workflows
	// name, and anyTarget says some target archie cannot read is built.
	stageBuilds []stageBuild
	targets     map[string]bool
	anyTarget   bool
	// heldImages are the images of the Jobs and Pods ConfigMaps hold as
	// templates, which a program of the system launches.
	heldImages []string
	// kustomImages are the images: entries of kustomizations, by the
	// folder (relative, with slashes) whose manifests they rename.
	kustomImages map[string][]kustomImage
	// stagesOf are the stages of each Dockerfile of several images (by
	// its absolute path), and what its go builds build.
	stagesOf map[string]dockerImages
	// targeted are the Dockerfiles some compose service builds by target.
	targeted map[string]bool
	// entries are the folders of the services' mains, absolute: a build
	// context holding several of them is not one service's.
	entries []string
	// dotenv memoizes the .env file of each compose project folder.
	dotenv map[string]map[string]string
	// loaded are the env files each main's code loads (godotenv), by
	// the main's folder; mu guards it, written while services are read
	// in parallel.
	loaded map[string][]envName
	mu     sync.Mutex
	// goBuilds are the packages each Dockerfile's go build commands
	// build, relative to its build context, by the Dockerfile's absolute
	// path; images are the Dockerfile and context a Makefile's or
	// script's docker build tags each image with.
	goBuilds map[string][]string
	images   map[string][2]string
	// builtAs are the packages each Dockerfile's go build -o NAME
	// commands build, by NAME as norm folds it, and imageRuns the
	// program its image runs, folded so (runProgram): of several mains
	// an image holds, the one it runs.
	builtAs   map[string]map[string][]string
	imageRuns map[string]string
	// outputs are the folders each Dockerfile's go build -o NAME
	// commands may build, by NAME as norm folds it.
	outputs map[string]map[string][]string
	// imageNames are the builds of images tagged with a prefix archie
	// cannot read ($(IMAGE_PREFIX)argocd), by the name after it, and
	// imageNameArgs the build args they agree on (nil where they do not).
	imageNames map[string][][2]string
	// localNames are the builds of images tagged with a bare name
	// (docker build -t api), by that name.
	localNames    map[string][][2]string
	imageNameArgs map[string]map[string]string
	// loopBuilds are the docker builds that tag an image named by a
	// variable and pass that variable as a build arg (a build script's
	// loop over cmd/: -t $REPO/$image --build-arg SERVICE_NAME=$image):
	// each builds the image of any name its Dockerfile's go build makes
	// a main of (loopImages).
	loopBuilds []loopBuild
	// mentions are the variables of the program's switches that a file
	// of the repository other than Go code names (gates.go).
	mentionsOnce sync.Once
	mentions     map[string]bool
	// goBuildArgs are the packages each Dockerfile's go build commands
	// name with a build arg in them, as written (./cmd/${SERVICE},
	// example.com/shop/cmd/$SERVICE_NAME).
	goBuildArgs map[string][]string
	// imageArgs are the build args a docker build gives each image, and
	// imageTargets the stage of its Dockerfile it builds (--target), if
	// it names one.
	imageArgs    map[string]map[string]string
	imageTargets map[string]string
	// ambiguous are the images built in ways that disagree, and
	// imageBuilds every build of each image.
	ambiguous   map[string]bool
	imageBuilds map[string][]imageBuild
	// compiles marks the Dockerfiles that build code: go build, go
	// install or make in a RUN line.
	compiles map[string]bool
	// makefiles are the Makefiles read for Dockerfiles' make commands,
	// by folder (nil where there is none).
	makefiles map[string]*makefile
	// dockerCmds are each Dockerfile's image command, ENTRYPOINT then CMD.
	dockerCmds map[string][]string
	// dockerEntries are each Dockerfile's ENTRYPOINT, which runs before
	// the command a compose service gives; nil for a shell form one,
	// which runs none.
	dockerEntries map[string][]string
	// dockerFrom is the image a Dockerfile of one stage starts from,
	// without tag; "" for one of several stages (it copies what the
	// others build: apisix with a Go plugin runner).
	dockerFrom map[string]string
	// dockerArgs are each Dockerfile's ARG defaults, and dockerWorkdirs
	// the WORKDIR its go build runs in, when a build arg fills it.
	dockerArgs     map[string]map[string]string
	dockerWorkdirs map[string]string
	// dockerEnv are the variables each Dockerfile's ENV lines set, in
	// any stage, with their values ("$" for one archie cannot read).
	dockerEnv map[string]map[string]string
	// buildWorkdirs is the WORKDIR each Dockerfile's go build runs in;
	// buildCds marks those that a cd of the RUN line moved.
	buildWorkdirs map[string]string
	buildCds      map[string]bool
	// dockerTags are the build tags of each Dockerfile whose go build
	// commands all build with the same (tagSet's form).
	dockerTags map[string]string
	// argBuilds are the build commands of each Dockerfile whose tags
	// archie could not read as the Dockerfile stands (RUN make $SVC, go
	// build -tags "${TAGS}"): with the build args a workload's image is
	// built with, it may.
	argBuilds map[string]*argBuilds
	// templated are the environment variables that templates archie
	// cannot render (Helm's, Jinja's, envsubst's) set, each with the
	// templates that set it, relative: to what value is unknown, and for
	// which workload only the template's folders say (see templateSets).
	templated map[string][]string
	// otherArgs are the words of the commands that Dockerfiles,
	// Procfiles, Makefiles, scripts and Helm values run, for any service:
	// a flag one sets is not a default nothing overrides.
	otherArgs []string
	// configMaps and secrets are the Kubernetes ConfigMaps and Secrets
	// by name, each declaration of a name (an overlay's, another
	// folder's), and envFrom the containers' references to them,
	// resolved once every file is read.
	configMaps, secrets map[string][]kubeObject
	envFrom             []envSource
	// subscriptions are the Pub/Sub topic of each subscription, by
	// Terraform or Config Connector (pubsub.go); snsQueues the SNS topics
	// each SQS queue is subscribed to, by Terraform.
	subscriptions map[string]string
	snsQueues     map[string][]string
	// namespaces are the Kubernetes namespaces the manifests name: a
	// host of the shape of a name in one (orders.prod,
	// search-0.search.data) is the cluster's, whatever the registry of
	// top-level domains says (see linker.cluster).
	namespaces map[string]bool
	// claimed are the compose aliases several services of one file
	// answer to.
	claimed map[string]bool
	// ingress maps each host an Ingress, a Traefik IngressRoute or a
	// compose service's Traefik rule routes into the system to the
	// Services or workloads it routes to, by path: the system's own
	// public names.
	ingress map[string][]ingressRoute
	// tfAWSNames are the names of Terraform's SNS topics and SQS queues
	// by "sns_topic.LABEL" and "sqs_queue.LABEL", and tfSNSSubs its
	// subscriptions of queues to topics (topic ARN, topic label, queue
	// ARN, queue label), joined once every file is read (resolveSNS).
	tfAWSNames map[string][]string
	tfSNSSubs  [][4]string
	// charts name the Helm chart of each folder, and helmEnv are the
	// variables its values files give (runs.go).
	charts  map[string]string
	helmEnv []helmValues
	// installs are the helm install, upgrade and template commands of
	// the repository's scripts (helminstall.go).
	installs []helmInstall
	// helmImages are the images values files name, with the file.
	helmImages [][2]string
	// rendered are the manifests the charts' templates render to, by
	// the template's path (relative, with slashes), and problems the
	// templates that did not render (charts.go).
	rendered map[string]helm.Manifest
	problems []analyze.Error
	// kubeSelectors are the Kubernetes Services' selectors
	// (selectedWorkloads).
	kubeSelectors []kubeSelector
	// root is the folder read, its links resolved: no file outside it
	// is read.
	root string
	// together are the code folders each compose file or Dapr run file
	// runs or builds its services from, by file: what it starts side by
	// side (see Programs).
	together map[string][]codeFolder
	// stacks are the compose files and Dapr run files, by name: each
	// starts its services side by side, on a network of its own.
	stacks map[string]bool
	// owner and project name the repository as its top module's path
	// does (github.com/OWNER/PROJECT), from the go.mod nearest the root
	// (modDepth deep): an image in the owner's namespace is the
	// project's own (imageService).
	owner, project string
	modDepth       int
	// rootModule is the path of the module at the root, whose import
	// paths a go build may name its packages by.
	rootModule string
	// modules are the folders of the repository's modules, by path ("" for
	// a path two modules have); importBuilds the import paths of other
	// modules than the root's that each Dockerfile's go builds name.
	modules      map[string]string
	importBuilds map[string][]string
	// services are the mains know was told of; byImageName indexes
	// them by the names an image may give them, and imageServices
	// memoizes imageService, until a service is renamed (noteNames).
	// imageMu guards both: services are read in parallel.
	services      []*Service
	byImageName   map[string][]*Service
	imageServices map[string]*Service
	imageMu       sync.Mutex
	// ctxFiles are the files of each build context an entrypoint was
	// looked for in, by base name (contextFiles).
	ctxFiles map[string]map[string][]string
	// overrides read compose override files once the files they
	// override are read.
	overrides []func()
	// templates are the compose files whose every service another file
	// extends; composeFiles the services of the compose files read to
	// extend them, by path (composeextends.go).
	templates    map[string]bool
	composeFiles map[string]map[string]any
	// splits are the keys of the workloads a name's compose files run
	// other images under (composeWorkload), beside the name's own.
	splits map[string][]string
	// containerTools says a file of a tool that builds or runs
	// containers from the code is present (ko, Skaffold, Tilt, fly.io,
	// Earthly, buildpacks, nixpacks, the Serverless framework): archie
	// does not read them, so where the code runs is not known.
	containerTools bool
	// released are the folders of the mains a goreleaser config builds,
	// with images or as archives only.
	released map[string]bool
	// scriptRuns are the runs of mains Makefiles and scripts start
	// (scriptRuns): they name only the config files their flags pass.
	scriptRuns []*workload
}

// A codeFolder is where one service of a compose file or Dapr run file
// comes from: the folder it is built from or runs go run in, and the
// compose profiles that start it (none: always).
type codeFolder struct {
	dir      string
	profiles []string
}

// runTogether reports whether two services of one file can be started
// side by side: neither is behind a profile, or they share one.
func (a codeFolder) runTogether(b codeFolder) bool {
	if len(a.profiles) == 0 || len(b.profiles) == 0 {
		return true
	}
	for _, p := range a.profiles {
		if slices.Contains(b.profiles, p) {
			return true
		}
	}
	return false
}

// An envSource is a container's variable, or all of them with a prefix,
// taken from a ConfigMap or a Secret.
type envSource struct {
	w        *workload
	secret   bool
	name     string // the ConfigMap's or Secret's
	file     string // the manifest that refers to it, relative
	key, ref string // the variable and the key it reads; "" for every key (envFrom)
	prefix   string
}

// envValues returns the values the workloads set an environment variable
// to, each once, sorted; "" among them when a workload leaves it unset
// while another sets it (which workload runs which code is not asked
// here: the value is one only when every workload has it).
func (d *deployment) envValues(key string) []string {
	if d == nil {
		return nil
	}
	var out []string
	unset := false
	for _, w := range d.workloads {
		v, ok := w.env[key]
		if !ok {
			unset = true
			continue
		}
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	if unset && len(out) > 0 && !slices.Contains(out, "") {
		out = append(out, "")
	}
	sort.Strings(out)
	return out
}

type workload struct {
	name string
	env  map[string]string // environment key -> value, as written
	dir  string            // folder it is built from (Dockerfile's, else the compose build context), absolute
	// built says dir is the one package its Dockerfile's go build
	// builds (go build . in the context): the main there, not one below.
	built bool
	// staged says dir and built are those of the program the stage its
	// build targets runs (targetedBuilds), which the Dockerfile's go
	// build, read alone, may say less precisely.
	staged bool
	src    string   // folder of the repository it runs in, mounted as its working directory, absolute
	args   []string // its entrypoint and command, as words
	// ownArgs are those of its containers named as it, when a pod's
	// containers are several (a sidecar runs another program).
	ownArgs []string
	// runWords are the commands of args one by one, as each file (and each
	// container of a manifest) gives them: args runs them together.
	runWords []argRun
	// containerNames are the names of a pod's containers.
	containerNames []string
	file           string // where it is declared, relative
	// folders are those of every file that declares a workload of its
	// name, with the file's kind (kindFolder).
	folders []string
	// image is the image it runs, without tag; dockerfile and context
	// are the Dockerfile it is built with and its build context,
	// absolute, when compose names them.
	image, dockerfile, context string
	// imageNamed marks an image taken from a container named as the
	// workload, which another container's does not replace.
	imageNamed bool
	// images are the images each file that declares it runs, by file
	// (a pod's every container's): a compose service of one name runs
	// jaegertracing/all-in-one in one file and jaegertracing/jaeger in
	// another.
	images map[string][]string
	// oneShot marks a job that runs to completion: a Kubernetes Job, or
	// a compose service others wait to complete
	// (condition: service_completed_successfully).
	oneShot bool
	// longRunning marks a workload kept running: a Deployment,
	// StatefulSet, DaemonSet or ReplicaSet, or a compose service restarted
	// always or unless stopped.
	longRunning bool
	// secret names, for each variable a Secret gives, where it comes
	// from: its value is used, never shown. A compose hostname's alias
	// shares it with env.
	secret map[string]string
	// bound are the variables a manifest binds to a ConfigMap's or a
	// Secret's key, whether or not the key is there: an operator sets
	// them where the service is deployed.
	bound map[string]bool
	// envFile marks a compose service that reads variables from an
	// env_file, which archie does not read: a variable it does not see
	// set may be set there.
	envFile bool
	// fromEnvFile names, for each variable an env_file set, that file
	// (from the repository's root): a compose environment overrides it.
	fromEnvFile map[string]string
	// alias marks a compose service's hostname: another name of the
	// same container.
	alias bool
	// aliasOf is the compose service an alias names (or the workload a
	// Kubernetes Service named apart from it selects).
	aliasOf string
	// podLabels are the labels of its pods, as each file declares them.
	podLabels []map[string]string
	// profiles are the compose profiles that start it; none when it
	// always starts.
	profiles []string
	// buildArgs are the compose build args its image is built with;
	// target the stage of its Dockerfile it builds, if it names one.
	buildArgs map[string]string
	target    string
	// volumes are a compose service's, declared in a file in folder
	// mountBase: its bind mounts put files of the repository in it.
	mountBase string
	volumes   any
	// configMounts are the ConfigMaps a pod's containers mount as
	// folders or files.
	configMounts []configMount
	// workDir is the folder a compose service starts in (working_dir),
	// where a relative path it is given is.
	workDir string
	// compose marks a compose service, the only workloads that may run
	// a third-party image beside services run on the machine itself.
	compose bool
	// deployedBy are the files that deploy it: compose files that define
	// it whole (an image or a build, not an overlay's few keys),
	// Kubernetes manifests, Helm values.
	deployedBy []string
	// runBy are those of deployedBy that say how it runs (a compose
	// service, a pod's containers), not only its name (a Service).
	runBy []string
	// scriptDir is, for a run of a Makefile or script (scriptRuns), the
	// folder it runs in, and copies the files its cp commands make, by
	// the file each copies.
	scriptDir string
	copies    map[string]string
}

// deployedIn records a file that deploys the workload.
func (w *workload) deployedIn(file string) {
	if !slices.Contains(w.deployedBy, file) {
		w.deployedBy = append(w.deployedBy, file)
	}
}

// runIn records a file that says how the workload runs.
func (w *workload) runIn(file string) {
	if !slices.Contains(w.runBy, file) {
		w.runBy = append(w.runBy, file)
	}
}

// readDeployment reads every YAML file below dir that looks like a compose
// file or a Kubernetes manifest. Files that do not parse are skipped: a
// Helm template is not YAML until it is rendered.
func readDeployment(dir string) *deployment {
	d := &deployment{workloads: make(map[string]*workload), dotenv: make(map[string]map[string]string),
		goBuilds: make(map[string][]string), images: make(map[string][2]string), dockerCmds: make(map[string][]string), dockerTags: make(map[string]string), templated: make(map[string][]string),
		configMaps: make(map[string][]kubeObject), secrets: make(map[string][]kubeObject),
		subscriptions: make(map[string]string), namespaces: make(map[string]bool), claimed: make(map[string]bool), ingress: make(map[string][]ingressRoute), snsQueues: make(map[string][]string), tfAWSNames: make(map[string][]string), charts: make(map[string]string), together: make(map[string][]codeFolder), rendered: make(map[string]helm.Manifest), modules: make(map[string]string)}
	d.root = realPath(dir)
	if data, ok := readSmall(d.root, filepath.Join(d.root, "go.mod")); ok {
		d.rootModule = modfile.ModulePath(data)
	}
	if d.rootModule != "" {
		d.modules[d.rootModule] = filepath.Clean(dir) // as the walk names its folder
	}
	// The files are listed first: a compose file's services may be
	// templates that files read after it extend (composeextends.go).
	var files []string
	filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		name := e.Name()
		if e.IsDir() {
			if path != dir && (name != ".github" || filepath.Dir(path) != filepath.Clean(dir)) && (strings.HasPrefix(name, ".") || name == "vendor" || name == "node_modules" || name == "third_party" || name == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		files = append(files, path)
		return nil
	})
	d.templates = d.extendedFiles(files)
	d.kustomizeImages(dir, files)
	for _, path := range files {
		d.readFile(dir, path)
	}
	d.resolveImports()
	d.renderCharts(dir)
	d.selectedWorkloads()
	for _, o := range d.overrides {
		o()
	}
	d.loopImages()
	d.oneCompiler()
	d.imageStages()
	d.targetedBuilds()
	d.unusedStages()
	d.builtFrom()
	d.resolveSNS()
	d.resolveEnvFrom()
	d.resolveHelm()
	return d
}

// readFile reads one file of the walk below dir, by its kind.
func (d *deployment) readFile(dir, path string) {
	name := filepath.Base(path)
	// In .github, the workflows' docker builds say which Dockerfile
	// builds each image a deployment runs.
	if rel := filepath.ToSlash(relTo(dir, path)); strings.HasPrefix(rel, ".github/") {
		if ext := filepath.Ext(name); filepath.Dir(rel) == ".github/workflows" && (ext == ".yml" || ext == ".yaml") {
			if data, ok := readSmall(d.root, path); ok {
				d.workflow(data)
			}
		}
		return
	}
	if containerToolFiles[name] || strings.HasSuffix(name, ".nomad") || strings.HasSuffix(name, ".nomad.hcl") {
		d.containerTools = true
	}
	if strings.HasPrefix(name, "docker-bake.") {
		d.anyTarget = true // its targets are HCL's or JSON's, not read
	}
	if ciFiles[name] || strings.HasPrefix(name, "Taskfile") || strings.HasPrefix(name, "cloudbuild") {
		// CI files archie does not read may build any image.
		if data, ok := readSmall(d.root, path); ok && bytes.Contains(data, []byte("target")) {
			d.anyTarget = true
		}
	}
	if name == "go.mod" {
		d.module(relTo(dir, path))
		if data, ok := readSmall(d.root, path); ok {
			if mod := modfile.ModulePath(data); mod != "" {
				if seen, ok := d.modules[mod]; ok && seen != filepath.Dir(path) {
					d.modules[mod] = "" // two modules of one path: which one a build names is not known
				} else {
					d.modules[mod] = filepath.Dir(path)
				}
			}
		}
	}
	ext := filepath.Ext(name)
	script := name == "Makefile" || ext == ".mk" || ext == ".sh"
	template := templateExts[ext]
	if ext != ".yaml" && ext != ".yml" && !isDockerfile(name) && name != "Procfile" && !script && ext != ".tf" && !template {
		return
	}
	data, ok := readSmall(d.root, path)
	if !ok {
		return
	}
	if template || (ext == ".yaml" || ext == ".yml") && bytes.Contains(data, []byte("{{")) && helmTemplate(relTo(d.root, path), data) {
		d.templateEnv(relTo(d.root, path), data)
		// Dockerfile.tmpl is read as a Dockerfile too, but for a
		// generator's templates (a templates folder holds them).
		if template && (!isDockerfile(name) || inTemplates(relTo(d.root, path))) {
			return
		}
	}
	switch {
	case isDockerfile(name):
		d.dockerfile(dir, path, data)
	case name == "Procfile":
		d.procfile(dir, path, data)
	case script:
		var mk *makefile
		if ext != ".sh" {
			mk = readMakefile(d.root, filepath.Dir(path), data, nil) // read once: its docker builds and its runs
		}
		d.dockerBuilds(path, data, mk)
		d.scriptArgs(path, data, d.readScriptRuns(path, data, mk))
		d.helmInstalls(path, data)
	case ext == ".tf":
		d.terraform(data)
	default:
		if err := d.read(dir, path, data); err != nil {
			d.unreadable(relTo(dir, path), path, data, err)
		}
	}
}

// ciFiles are CI pipelines archie does not read (GitHub's workflows
// are), which may build a Dockerfile's images by target.
var ciFiles = map[string]bool{".gitlab-ci.yml": true, "Jenkinsfile": true, ".drone.yml": true, "bitbucket-pipelines.yml": true, "azure-pipelines.yml": true, ".travis.yml": true, "buildspec.yml": true}

// containerToolFiles are the files of tools that build or run the code in
// containers, which archie does not read (and Nomad's job files, *.nomad).
var containerToolFiles = map[string]bool{".ko.yaml": true, "skaffold.yaml": true, "skaffold.yml": true, "Tiltfile": true, "fly.toml": true,
	"Earthfile": true, "project.toml": true, "nixpacks.toml": true, "serverless.yml": true, "serverless.yaml": true}

// templateExts are the extensions of templates that render deployment
// files: Jinja's, Go templates (Helm's helpers, envsubst's inputs).
var templateExts = map[string]bool{".j2": true, ".jinja": true, ".jinja2": true, ".tpl": true, ".tmpl": true, ".gotmpl": true}

// templateKey matches a line of a template that sets an environment
// variable: KEY=… (an env file), KEY: … (a compose or ConfigMap map), or
// - name: KEY (a container's env list).
var templateKey = regexp.MustCompile(`(?m)^\s*(?:-\s*name:\s*["']?([A-Z][A-Z0-9_]*)["']?\s*$|(?:export\s+)?["']?([A-Z][A-Z0-9_]*)["']?\s*[:=])`)

// daprRun reads a Dapr multi-app run file (dapr.yaml): each app runs its
// command (go run .) in its appDirPath, under its appID.
func (d *deployment) daprRun(base, rel string, apps []any) {
	r := d.newRun(rel)
	d.stack(rel)
	for _, a := range apps {
		app, _ := a.(map[string]any)
		dir, _ := app["appDirPath"].(string)
		if dir == "" {
			continue
		}
		id, _ := app["appID"].(string)
		if id != "" {
			r.name(id)
		}
		wd := filepath.Join(base, filepath.FromSlash(dir))
		cmd := words(app["command"], nil)
		src := goRun(wd, cmd)
		if len(cmd) == 0 {
			src = wd
		}
		if src == "" {
			continue
		}
		r.dirs[src] = true
		d.together[rel] = append(d.together[rel], codeFolder{dir: src})
		// Its app ID is the name other apps invoke it by.
		if id != "" {
			w := d.workload(id, rel)
			w.src = src
			w.deployedIn(rel)
		}
	}
}

// goRun returns the folder of the main a command run in folder wd runs
// when it is go run, or "".
func goRun(wd string, cmd []string) string {
	if len(cmd) < 2 || path.Base(cmd[0]) != "go" || cmd[1] != "run" {
		return ""
	}
	return goRunDir(wd, cmd[2:])
}

// goRunDir returns the folder of the main a go run command's arguments
// name, run in folder wd: its first argument that is no flag, a folder or
// the .go files of one; "" when it names none there.
func goRunDir(wd string, args []string) string {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if strings.HasPrefix(a, "-") {
			if flag, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "="); !hasValue && valueFlags[flag] {
				i++
			}
			continue
		}
		if strings.Contains(a, "$") {
			return "" // a variable
		}
		if strings.HasSuffix(a, ".go") {
			return filepath.Join(wd, filepath.FromSlash(path.Dir(a))) // go run ./producer/main.go
		}
		if !strings.HasPrefix(a, ".") || strings.Contains(a, "...") {
			return "" // an import path, a pattern
		}
		return filepath.Join(wd, filepath.FromSlash(a))
	}
	return wd // go run with no package runs the folder's
}

// helmTemplate reports whether a YAML file with {{ in it is a template:
// one below a chart's templates folder, or one that is not YAML until
// rendered. A compose file whose logging tag is "{{.Name}}" is neither.
func helmTemplate(path string, data []byte) bool {
	if inTemplates(path) {
		return true
	}
	var doc any
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		if err := dec.Decode(&doc); err != nil {
			return !errors.Is(err, io.EOF)
		}
	}
}

// inTemplates reports whether a path is below a folder named templates
// (a Helm chart's, a generator's).
func inTemplates(rel string) bool {
	return slices.Contains(strings.Split(path.Dir(filepath.ToSlash(rel)), "/"), "templates")
}

// templateEnv records the environment variables a template sets.
func (d *deployment) templateEnv(rel string, data []byte) {
	for _, m := range templateKey.FindAllSubmatch(data, -1) {
		k := string(m[1]) + string(m[2])
		if !slices.Contains(d.templated[k], rel) {
			d.templated[k] = append(d.templated[k], rel)
		}
	}
}

// templateSets reports whether a template archie cannot render sets an
// environment variable for a service: one whose folders name the service
// or its main's folder (templates/core/env.jinja, charts/orders/templates/
// deployment.yaml), as a template of another service's does not.
func (d *deployment) templateSets(svc *Service, entryDir, key string) bool {
	names := []string{norm(svc.Name), norm(filepath.Base(entryDir))}
	for _, file := range d.templated[key] {
		for _, dir := range strings.Split(path.Dir(filepath.ToSlash(file)), "/") {
			if n := norm(dir); n != "" && slices.Contains(names, n) {
				return true
			}
		}
	}
	return false
}

// object returns the ConfigMap or Secret an envFrom or a key reference
// names, as the declaration nearest the manifest that refers to it has
// it; its data is nil when the repository holds none.
func (d *deployment) object(src envSource) kubeObject {
	decls := d.configMaps[src.name]
	if src.secret {
		decls = d.secrets[src.name]
	}
	obj, _ := nearest(decls, src.file)
	return obj
}

// resolveEnvFrom gives the containers the variables their ConfigMaps and
// Secrets hold. One a file of the repository does not hold stays unset.
func (d *deployment) resolveEnvFrom() {
	for _, src := range d.envFrom {
		data := d.object(src).data
		set := func(k, v string) {
			if _, ok := src.w.env[k]; ok {
				return // a variable set in env wins over envFrom
			}
			src.w.env[k] = v
			if src.secret {
				src.w.secret[k] = "secret " + src.name + " in " + src.file
			}
		}
		if src.key != "" {
			if v, ok := data[src.ref]; ok {
				set(src.key, v)
			}
			continue
		}
		if data == nil {
			// Every key of a ConfigMap or Secret the repository does not
			// hold: variables archie cannot see, as an env_file's.
			src.w.envFile = true
		}
		for k, v := range data {
			set(src.prefix+k, v)
		}
	}
}

// A kubeObject is one declaration of a ConfigMap or Secret: the manifest
// that declares it, relative, and its data. sources are, for the keys a
// kustomization's generator reads from files, those files.
type kubeObject struct {
	file    string
	data    map[string]string
	sources map[string]string
	// overlay says a kustomization's generator merges into or replaces
	// the object of its name another kustomization makes (an overlay's
	// behavior: merge): one environment's value of it.
	overlay bool
}

// unquotePair removes one pair of matching quotes around a generator's
// literal value, as kustomize does.
func unquotePair(v string) string {
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
		return v[1 : len(v)-1]
	}
	return v
}

// kustomizeEnv reads a generator's env file as kustomize does: KEY=value
// lines taken as written (quotes, ${…} and # kept in the value), blank
// lines and lines starting with # skipped. A line with no = takes the
// environment's value of its name when kustomize runs: unknown, left out.
func kustomizeEnv(data []byte) map[string]string {
	out := make(map[string]string)
	for _, line := range strings.Split(strings.TrimPrefix(string(data), "\ufeff"), "\n") {
		line = strings.TrimRight(line, "\r")
		if t := strings.TrimLeftFunc(line, unicode.IsSpace); t == "" || t[0] == '#' {
			continue
		}
		if k, v, ok := strings.Cut(line, "="); ok && k != "" && !strings.ContainsFunc(k, unicode.IsSpace) {
			out[k] = v
		}
	}
	return out
}

// kustomization reads the ConfigMaps and Secrets a kustomization.yaml's
// generators make: from literals (KEY=value), env files (envs:) and
// files (files: config.yaml, or app.yaml=configs/prod.yaml), each file
// relative to the kustomization's folder. The name is the generator's:
// kustomize rewrites the references its resources make to the name it
// gives the object (with its hash).
func (d *deployment) kustomization(root, path string, doc map[string]any) {
	dir := filepath.Dir(path)
	rel := relTo(root, path)
	for kind, secret := range map[string]bool{"configMapGenerator": false, "secretGenerator": true} {
		gens, _ := doc[kind].([]any)
		for _, g := range gens {
			gm, _ := g.(map[string]any)
			name, _ := gm["name"].(string)
			if name == "" {
				continue
			}
			obj := kubeObject{file: rel, data: make(map[string]string), sources: make(map[string]string)}
			if b, _ := gm["behavior"].(string); b == "merge" || b == "replace" {
				obj.overlay = true
			}
			for _, l := range words(gm["literals"], nil) {
				if k, v, ok := strings.Cut(l, "="); ok && k != "" {
					obj.data[k] = unquotePair(v)
				}
			}
			envs := words(gm["envs"], nil)
			if env, ok := gm["env"].(string); ok { // kustomize's older single env file
				envs = append(envs, env)
			}
			for _, e := range envs {
				if data, ok := readSmall(d.root, filepath.Join(dir, filepath.FromSlash(e))); ok {
					maps.Copy(obj.data, kustomizeEnv(data))
				}
			}
			for _, f := range words(gm["files"], nil) {
				key, file, named := strings.Cut(f, "=")
				if !named {
					file, key = f, filepath.Base(filepath.FromSlash(f))
				}
				abs := filepath.Join(dir, filepath.FromSlash(file))
				if data, ok := readSmall(d.root, abs); ok {
					obj.data[key] = string(data)
					obj.sources[key] = abs
				}
			}
			if secret {
				d.secrets[name] = append(d.secrets[name], obj)
			} else {
				d.configMaps[name] = append(d.configMaps[name], obj)
			}
		}
	}
}

// nearest returns the declaration of a ConfigMap or Secret that a
// manifest refers to where several folders declare one of its name
// (kustomize's overlays, one per environment): the one that shares the
// longest folder path with the manifest. ok is false where there is
// none, or where the nearest disagree (base/ and other/ beside
// overlays/dev/): a value may be the wrong one's, and is not taken.
func nearest(decls []kubeObject, from string) (obj kubeObject, ok bool) {
	best, bestLen := []kubeObject(nil), -1
	for _, o := range decls {
		if o.overlay {
			continue // a part, or one environment's: never the whole
		}
		n := commonDirs(path.Dir(o.file), path.Dir(from))
		switch {
		case n > bestLen:
			best, bestLen = []kubeObject{o}, n
		case n == bestLen:
			best = append(best, o)
		}
	}
	if len(best) == 0 {
		return kubeObject{}, false
	}
	for _, o := range best[1:] {
		if !maps.Equal(o.data, best[0].data) {
			return kubeObject{}, false
		}
	}
	// An overlay that changes it elsewhere: the value depends on which
	// environment is deployed.
	for _, o := range decls {
		if o.overlay && !maps.Equal(o.data, best[0].data) {
			return kubeObject{}, false
		}
	}
	return best[0], true
}

// commonDirs returns how many leading folders two slash-separated folder
// paths share; the same folder, the root too, shares more than any two.
func commonDirs(a, b string) int {
	switch {
	case a == b:
		return math.MaxInt
	case a == "." || b == ".":
		return 0
	}
	as, bs := strings.Split(a, "/"), strings.Split(b, "/")
	n := 0
	for n < len(as) && n < len(bs) && as[n] == bs[n] {
		n++
	}
	return n
}

// kubeData reads a ConfigMap's data, or a Secret's stringData and its
// base64 data.
func kubeData(doc map[string]any, secret bool) map[string]string {
	out := make(map[string]string)
	if m, ok := doc["data"].(map[string]any); ok {
		for k, v := range m {
			s := scalar(v)
			if secret {
				b, err := base64.StdEncoding.DecodeString(s)
				if err != nil {
					continue
				}
				s = string(b)
			}
			out[k] = s
		}
	}
	if m, ok := doc["stringData"].(map[string]any); ok && secret {
		for k, v := range m {
			out[k] = scalar(v)
		}
	}
	return out
}

// runsInfrastructure reports whether a workload runs an infrastructure
// image its repository builds on in one stage (FROM postgres, its schema
// copied in, next to the code of the service that uses it): a database,
// not a program of the repository, whatever folder it is built in.
func (d *deployment) runsInfrastructure(w *workload) bool {
	df := w.dockerfile
	if df == "" && w.image != "" {
		df, _ = d.imageBuild(w.image)
	}
	return df != "" && len(d.goBuilds[df]) == 0 && infrastructureImage(d.dockerFrom[df])
}

// imageCommand returns the command of the image a workload builds from
// the Dockerfile df, and its ENTRYPOINT, which a command the workload
// gives runs after (nil for a shell form one, which runs none; known is
// false when the Dockerfile was not read): the stage the workload's build
// targets, else the last, the one a build without --target makes.
func (d *deployment) imageCommand(w *workload, df string) (cmd, entry []string, known bool) {
	if w.target != "" {
		imgs := d.stagesOf[df]
		if i := slices.IndexFunc(imgs.stages, func(s dockerStage) bool { return s.name == w.target }); i >= 0 {
			st := imgs.stages[i]
			if st.shellEntry {
				return slices.Clone(st.entrypoint), nil, true
			}
			return append(slices.Clone(st.entrypoint), st.command...), slices.Clone(st.entrypoint), true
		}
	}
	entry, known = d.dockerEntries[df]
	return d.dockerCmds[df], entry, known
}

// runsBuilt returns the package, of several a Dockerfile builds, that a
// workload built with it runs: the one whose go build -o names the
// program the image's command runs (RUN go build -o app ./cmd/app && go
// build -o migrator ./cmd/migrator; CMD sh -c "./migrator && ./app"), or
// the workload's own command, where it gives one. nil where no one
// package is that. A Dockerfile of several images, or a build of one
// of its stages, is stagesOf's to read.
func (d *deployment) runsBuilt(w *workload, df string) []string {
	if _, several := d.stagesOf[df]; several || w.target != "" || w.containers() > 1 {
		return nil
	}
	if run := d.programRun(w, df); run != "" && len(d.builtAs[df][run]) == 1 {
		return d.builtAs[df][run]
	}
	return nil
}

// programRun returns the program, as norm folds it, that a workload
// built with the Dockerfile df runs: its own command's, else the
// image's. "" where its files run it two ways, or it is not known.
func (d *deployment) programRun(w *workload, df string) string {
	runs := w.runWords
	if len(w.containerNames) > 1 {
		// A pod's sidecar runs its own command: the service's is
		// the container of the workload's name.
		if !slices.Contains(w.containerNames, w.name) {
			return ""
		}
		runs = slices.DeleteFunc(slices.Clone(runs), func(r argRun) bool { return r.container != w.name })
	}
	run := d.imageRuns[df]
	for i, r := range runs {
		words := r.words
		if r.afterEntry {
			// A compose command, or a manifest's args, follows the
			// image's ENTRYPOINT; a shell form one runs no command.
			entry, known := d.dockerEntries[df]
			switch {
			case known && entry == nil:
				words = nil
			case len(entry) > 0:
				words = append(slices.Clip(entry), words...)
			}
		}
		prog := d.imageRuns[df]
		if len(words) > 0 {
			prog = ""
			if p := runProgram(strings.Join(quoteWords(words), " "), func(name string) bool { return len(d.builtAs[df][name]) > 0 }); len(p) > 0 {
				prog = norm(path.Base(p[0]))
			}
		}
		if i > 0 && prog != run {
			return "" // its files run it two ways
		}
		run = prog
	}
	return run
}

// runsOtherBuilt reports whether a workload that runs an image built
// with the Dockerfile df runs another of the programs it holds than the
// main in entryDir: the program its command, or the image's, runs is
// one a go build -o there builds from other folders only (ENTRYPOINT
// /manager, and the image ships cachectl beside it).
func (d *deployment) runsOtherBuilt(w *workload, df, entryDir string) bool {
	if _, several := d.stagesOf[df]; several || w.target != "" {
		return false
	}
	prog := d.programRun(w, df)
	dirs := d.outputs[df][prog]
	return prog != "" && len(dirs) > 0 && !slices.Contains(dirs, entryDir)
}

// builtFrom places the workloads whose Dockerfile sits apart from the main
// it builds (build/Dockerfile.api running go build ./cmd/api), or whose
// image a Makefile builds, at the folder the Dockerfile's go build builds,
// when that is one folder.
func (d *deployment) builtFrom() {
	for _, w := range d.workloads {
		df, ctx := w.dockerfile, w.context
		if df == "" && w.image != "" {
			df, ctx = d.imageBuild(w.image)
		}
		pkgs := d.goBuilds[df]
		if len(pkgs) > 1 {
			pkgs = d.runsBuilt(w, df)
		}
		if df != "" && len(pkgs) == 1 && !w.staged {
			// go build ./${service}/cmd/service: the build arg the
			// workload's image is built with, else the ARG's default.
			arg := func(k string) string {
				if v, ok := w.buildArgs[k]; ok {
					return v
				}
				if v, ok := d.imageArgs[w.image][k]; ok && w.dockerfile == "" {
					return v // the build that tags the image the workload runs
				}
				if v, ok := d.dockerArgs[df][k]; ok {
					return v
				}
				return "${" + k + "}"
			}
			pkg := os.Expand(pkgs[0], arg)
			dir := filepath.Join(ctx, filepath.FromSlash(pkg))
			if own := d.importDir(pkg); own != "" && !strings.HasPrefix(pkg, ".") {
				dir = own // go build example.com/shop/cmd/api
			} else if d.buildCds[df] {
				// The RUN line cds first: pkg is relative to where.
				dir = underWorkdir(ctx, d.buildWorkdirs[df], pkg)
			} else if !isDir(dir) {
				// Relative to the folder the build runs in (WORKDIR
				// /app; RUN cd services && go build ./${SERVICE_PATH},
				// the context copied to /app): the nearest end of it
				// that is a folder of the context.
				dir = underWorkdir(ctx, d.buildWorkdirs[df], pkg)
			}
			if !strings.Contains(pkg, "$") && !strings.Contains(pkg, "//") && dir != "" && within(filepath.ToSlash(dir), filepath.ToSlash(ctx)) && isDir(dir) {
				w.dir = dir
				// The package is that folder, not one below it, unless
				// the WORKDIR may sit at a folder of the context that
				// also holds it (WORKDIR /src/cmd/api; go build .).
				w.built = !elsewhere(ctx, d.buildWorkdirs[df], pkg, dir)
				// A WORKDIR in GOPATH's layout of the context's module,
				// whose end of two folders or more is a main's folder of
				// the context, says it is that one (WORKDIR
				// /go/src/example.com/shop/cmd/api, the repository copied
				// to /go/src/example.com/shop by a base image).
				if deep := d.deepWorkdir(ctx, d.buildWorkdirs[df], pkg); !w.built && !d.buildCds[df] && deep != "" && holdsMain(deep) {
					w.dir, w.built = deep, true
				}
			}
			// go install . in WORKDIR $GOPATH/src/${service}/cmd/${cmd},
			// the context copied to $GOPATH/src: the longest end of the
			// folder that is a folder of the context and keeps every part
			// a build arg names. A part no arg fills after one that an
			// arg does leaves it unknown.
			if wd := d.dockerWorkdirs[df]; wd != "" && pkgs[0] == "." {
				if dir := argDir(ctx, wd, arg); dir != "" {
					w.dir, w.built = dir, true
				}
			}
		}
		// A compose command runs after the image's ENTRYPOINT; none
		// after a shell form one.
		for i, run := range w.runWords {
			if !run.afterEntry || df == "" {
				continue
			}
			_, entry, known := d.imageCommand(w, df)
			switch {
			case !known:
			case entry == nil:
				w.runWords[i].words = nil
			default:
				w.runWords[i].words = append(slices.Clip(entry), run.words...)
			}
			w.runWords[i].afterEntry = false
		}
		// A workload that says no command runs its image's.
		if len(w.args) == 0 && df != "" {
			w.args, _, _ = d.imageCommand(w, df)
			if len(w.args) > 0 {
				w.runWords = append(w.runWords, argRun{words: w.args})
			}
		}
	}
}

// registryImage reports whether an image names its registry
// (gcr.io/acme/api, localhost:5000/api): one a project pushes its own
// builds to, not Docker Hub's.
func registryImage(image string) bool {
	first, rest, ok := strings.Cut(image, "/")
	return ok && rest != "" && (strings.ContainsAny(first, ".:") || first == "localhost")
}

// builtByRepository reports whether a file of the repository builds or
// runs the main in entry (absolute): a Dockerfile or a deployment
// (runsService), a workload of it (forService), a goreleaser release, a
// Makefile's or script's command naming its folder (go build
// ./runs/cmd), or a tool archie does not read (skaffold, ko, Tilt),
// which may build anything.
func (d *deployment) builtByRepository(svc *Service, entry string) bool {
	if d.containerTools || d.released[filepath.Clean(entry)] || d.runsService(svc, entry) != "" || len(d.forService(svc, entry)) > 0 {
		return true
	}
	rel := filepath.ToSlash(relTo(d.root, entry))
	for _, w := range d.otherArgs {
		w = strings.TrimSuffix(strings.TrimPrefix(strings.Trim(w, `"'`), "./"), "/")
		if strings.HasSuffix(w, ".go") {
			w = path.Dir(w)
		}
		if w == rel || svc.Entry != "" && w == svc.Entry {
			return true
		}
	}
	return false
}

// koPath returns the Go import path an image reference ends in, the way
// ko names the images it builds (gcr.io/knative-releases/knative.dev/serving/cmd/controller
// for knative.dev/serving/cmd/controller): from the first element with a
// dot after the registry and a namespace. "" for any other reference.
func koPath(image string) string {
	image, _, _ = strings.Cut(image, "@")
	if i := strings.LastIndexByte(image, ':'); i > strings.LastIndexByte(image, '/') {
		image = image[:i]
	}
	if !registryImage(image) {
		return ""
	}
	_, rest, _ := strings.Cut(image, "/")
	elems := strings.Split(rest, "/")
	// ko's repository is a registry and a namespace at least
	// (KO_DOCKER_REPO=gcr.io/knative-releases), and a main's import path
	// a domain and two elements at least: a dot in a namespace of its
	// own (quay.io/acme.corp/orders) is no import path.
	for i := 1; i+2 < len(elems); i++ {
		if strings.Contains(elems[i], ".") {
			return strings.Join(elems[i:], "/")
		}
	}
	return ""
}

// ownPath reports whether an import path is in one of the repository's
// modules.
func (d *deployment) ownPath(p string) bool {
	for mod := range d.modules {
		if p == mod || strings.HasPrefix(p, mod+"/") {
			return true
		}
	}
	return false
}

// imageBuild returns the Dockerfile and context an image is built with:
// those a docker build tags it with, else those of the one build whose
// tag ends in its name after a prefix archie cannot read (and that
// builds Go code, when several do).
func (d *deployment) imageBuild(image string) (dockerfile, context string) {
	if b, ok := d.images[image]; ok {
		return b[0], b[1]
	}
	if p := koPath(image); p != "" && !d.ownPath(p) {
		// ko names an image after the package it builds: another
		// module's (knative.dev/serving/cmd/controller) is that
		// project's image, whatever it is called here.
		return "", ""
	}
	bs := d.imageNames[path.Base(image)]
	if len(bs) == 0 && registryImage(image) {
		// Built under a bare name and pushed to a registry: not an
		// image of Docker Hub's owners (grafana/agent is not agent).
		bs = d.localNames[path.Base(image)]
	}
	if len(bs) > 1 {
		// A development Dockerfile that copies a binary built outside
		// tags the same name: the one whose go build builds it is the
		// image's.
		bs = slices.DeleteFunc(slices.Clone(bs), func(b [2]string) bool { return len(d.goBuilds[b[0]]) == 0 })
	}
	if len(bs) == 1 {
		return bs[0][0], bs[0][1]
	}
	return "", ""
}

// dockerBuilds reads the docker build commands of a Makefile (mk, read
// from data: its variables name images, -t $(IMAGE_PREFIX)$(IMAGE_REPOSITORY))
// or a shell script (mk nil): the Dockerfile (-f, else the context's)
// each image (-t) is built with. A command archie cannot read whole, with
// a variable in its file or context, tells nothing.
func (d *deployment) dockerBuilds(file string, data []byte, mk *makefile) {
	d.dockerBuildLines(filepath.Dir(file), data, mk, false)
	if mk != nil {
		// Each rule's recipe as make runs it for its target: a define
		// called for each image ($(DOCKERS): $(call make_docker,$(@))).
		d.dockerBuildLines(filepath.Dir(file), []byte(strings.Join(mk.recipes(), "\n")), nil, false)
	}
}

// dockerBuildLines reads the docker build commands of shell lines run in
// dir, with a Makefile's variables when they are a Makefile's.
func (d *deployment) dockerBuildLines(dir string, data []byte, mk *makefile, workflow bool) {
	for _, line := range logicalLines(data) {
		if mk != nil {
			line = mk.expand(line)
		}
		for _, cmd := range shellCommands(strings.TrimLeft(strings.TrimSpace(line), "@-")) {
			for len(cmd) > 0 && strings.Contains(cmd[0], "=") && !strings.HasPrefix(cmd[0], "-") {
				cmd = cmd[1:] // DOCKER_BUILDKIT=1 docker build …
			}
			i := slices.Index(cmd, "build")
			if i < 1 || path.Base(cmd[0]) != "docker" && path.Base(cmd[0]) != "podman" || i > 2 {
				continue
			}
			var tags []string
			dockerfile, context, target := "", "", ""
			args := make(map[string]string)
			for j := i + 1; j < len(cmd); j++ {
				w := strings.Trim(cmd[j], `"'`)
				flag, val, hasVal := strings.Cut(w, "=")
				switch {
				case flag == "--build-arg":
					if !hasVal && j+1 < len(cmd) {
						j++
						val = strings.Trim(cmd[j], `"'`)
					}
					buildArg(args, val)
				case flag == "-t" || flag == "--tag" || flag == "-f" || flag == "--file":
					if !hasVal {
						if j+1 >= len(cmd) {
							break
						}
						j++
						val = strings.Trim(cmd[j], `"'`)
					}
					if flag == "-t" || flag == "--tag" {
						tags = append(tags, val)
					} else {
						dockerfile = val
					}
				case strings.HasPrefix(w, "-"):
					if !hasVal && j+1 < len(cmd) && dockerValueFlags[strings.TrimLeft(flag, "-")] {
						j++
						val = strings.Trim(cmd[j], `"'`)
					}
					if flag == "--target" {
						d.target(val)
						target = val
					}
				default:
					context = w
				}
			}
			if context == "" || strings.Contains(context+dockerfile, "$") {
				continue
			}
			df, ctx := buildFiles(dir, context, dockerfile)
			for _, t := range tags {
				d.imageBuilt(t, df, ctx, target, args, mk != nil || !workflow)
				if v := nameVariable(t); v != "" {
					for k, raw := range rawArgs(cmd[i+1:]) {
						if raw == v {
							d.loopBuilds = append(d.loopBuilds, loopBuild{df: df, ctx: ctx, args: args, arg: k})
						}
					}
				}
			}
		}
	}
}

// A loopBuild is a docker build whose image is named by the variable it
// passes as the build arg arg.
type loopBuild struct {
	df, ctx string
	args    map[string]string
	arg     string
}

// nameVariable returns the variable an image tag names its image by
// ($image of ${REPO:-local}/$image:${TAG}), or "".
func nameVariable(tag string) string {
	repo := imageRepo(tag)
	name := repo[strings.LastIndexByte(repo, '/')+1:]
	if v, ok := strings.CutPrefix(name, "$"); ok {
		v = strings.TrimSuffix(strings.TrimPrefix(v, "{"), "}")
		if v != "" && strings.Trim(v, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_") == "" {
			return "$" + v
		}
	}
	return ""
}

// rawArgs returns a docker build's --build-arg values as written, each
// variable as $NAME.
func rawArgs(words []string) map[string]string {
	out := make(map[string]string)
	for j := 0; j < len(words); j++ {
		w := strings.Trim(words[j], `"'`)
		flag, val, hasVal := strings.Cut(w, "=")
		if flag != "--build-arg" {
			continue
		}
		if !hasVal && j+1 < len(words) {
			j++
			val = strings.Trim(words[j], `"'`)
		}
		if k, v, ok := strings.Cut(val, "="); ok {
			if b, ok := strings.CutPrefix(v, "${"); ok && strings.HasSuffix(b, "}") {
				v = "$" + strings.TrimSuffix(b, "}")
			}
			out[k] = v
		}
	}
	return out
}

// loopImages ties the images deployments run that no build names to the
// one loop build (loopBuild) whose Dockerfile, its arg set to the image's
// name, builds a main of the repository: public.ecr.aws/acme/ender is
// built with SERVICE_NAME=ender by the Dockerfile whose go build makes
// ./cmd/$SERVICE_NAME. A loop builds several images under one registry
// and namespace: an image is tied only where another of its namespace is
// too, or the namespace is the project's own, never an infrastructure
// image (migrate/migrate beside a cmd/migrate). Two loops that would
// both build one leave it untied.
func (d *deployment) loopImages() {
	if len(d.loopBuilds) == 0 {
		return
	}
	byNS := make(map[string][]string) // the images each namespace ties, by name
	tie := make(map[string]loopBuild)
	for _, w := range d.workloads {
		if w.dockerfile != "" {
			continue
		}
		for _, img := range w.runImages() {
			img = imageRepo(img)
			if _, done := tie[img]; done || img == "" || d.ambiguous[img] || infrastructureImage(img) {
				continue
			}
			if _, ok := d.images[img]; ok {
				continue
			}
			if b, ok := d.loopBuild(img); ok {
				tie[img] = b
				ns := img[:max(strings.LastIndexByte(img, '/'), 0)]
				byNS[ns] = append(byNS[ns], img)
			}
		}
	}
	for ns, imgs := range byNS {
		if len(imgs) < 2 && !d.ownImage(ns+"/x") {
			continue
		}
		for _, img := range imgs {
			b := tie[img]
			d.images[img] = [2]string{b.df, b.ctx}
			args := maps.Clone(b.args)
			args[b.arg] = img[strings.LastIndexByte(img, '/')+1:]
			if d.imageArgs == nil {
				d.imageArgs = make(map[string]map[string]string)
			}
			d.imageArgs[img] = args
		}
	}
}

// runImages are the images a workload runs: its image, else the one
// image every file that declares it names.
func (w *workload) runImages() []string {
	if w.image != "" {
		return []string{w.image}
	}
	var out []string
	for _, imgs := range w.images {
		for _, img := range imgs {
			if !slices.Contains(out, img) {
				out = append(out, img)
			}
		}
	}
	if len(out) != 1 {
		return nil
	}
	return out
}

// loopBuild returns the one loop build that builds an image by its name.
func (d *deployment) loopBuild(img string) (loopBuild, bool) {
	name := img[strings.LastIndexByte(img, '/')+1:]
	var found []loopBuild
	for _, b := range d.loopBuilds {
		if !slices.ContainsFunc(found, func(f loopBuild) bool { return f.df == b.df && f.ctx == b.ctx && f.arg == b.arg }) && builtMain(b, name, d.goBuildArgs[b.df]) {
			found = append(found, b)
		}
	}
	if len(found) != 1 {
		return loopBuild{}, false
	}
	return found[0], true
}

// builtMain reports whether a loop build's go builds, its arg set to
// name, build a main of its context: the package's path, or an end of it
// (a module path's ./cmd/ender), is a folder of the context that holds
// a main.
func builtMain(b loopBuild, name string, pkgs []string) bool {
	for _, pkg := range pkgs {
		if !strings.Contains(pkg, "$"+b.arg) && !strings.Contains(pkg, "${"+b.arg+"}") {
			continue
		}
		p := strings.NewReplacer("${"+b.arg+"}", name, "$"+b.arg, name).Replace(pkg)
		if strings.Contains(p, "$") {
			continue
		}
		parts := strings.Split(strings.Trim(path.Clean(p), "/"), "/")
		for i := range parts {
			rest := path.Join(parts[i:]...)
			if !strings.Contains(rest, name) {
				break
			}
			if dir := filepath.Join(b.ctx, filepath.FromSlash(rest)); within(filepath.ToSlash(dir), filepath.ToSlash(b.ctx)) && holdsMain(dir) {
				return true
			}
		}
	}
	return false
}

// buildFiles returns the Dockerfile and context of a docker build run in
// dir: the context's Dockerfile unless -f names one.
func buildFiles(dir, context, dockerfile string) (df, ctx string) {
	ctx = filepath.Join(dir, context)
	if dockerfile == "" {
		return filepath.Join(ctx, "Dockerfile"), ctx
	}
	return filepath.Join(dir, dockerfile), ctx
}

// buildArg records a build arg, KEY=VALUE. A value with a variable in it
// is set, to what is not known: never the ARG's default.
func buildArg(args map[string]string, kv string) {
	if k, v, ok := strings.Cut(kv, "="); ok && k != "" {
		if strings.Contains(v, "$") {
			v = "${" + k + "}"
		}
		args[k] = v
	}
}

// An imageBuild is one docker build of an image.
type imageBuild struct {
	df, ctx string
	args    map[string]string
}

// imageStages gives a workload that runs an image built from one stage of
// a Dockerfile of several images (docker build --target polylith -t
// org/app-polylith, or a workflow's build-push-action with target: and
// tags:) that Dockerfile and stage, as a compose build by target has
// them: it runs the program that stage runs, not the last stage's.
func (d *deployment) imageStages() {
	for _, w := range d.workloads {
		if w.image == "" || w.dockerfile != "" || w.target != "" || w.alias || w.containers() > 1 {
			continue
		}
		t := strings.ToLower(d.imageTargets[w.image])
		if t == "" || strings.Contains(t, "$") {
			continue
		}
		for _, imgs := range w.images {
			if slices.ContainsFunc(imgs, func(img string) bool { return imageRepo(img) != w.image }) {
				t = "" // another file runs another image under its name
			}
		}
		df, ctx := d.imageBuild(w.image)
		imgs, several := d.stagesOf[df]
		if t == "" || !several || !slices.ContainsFunc(imgs.stages, func(s dockerStage) bool { return s.name == t && s.runs != "" }) {
			continue
		}
		w.dockerfile, w.context, w.target = df, ctx, t
	}
}

// oneCompiler settles an image built in ways that disagree when only one
// of them compiles code: a release Dockerfile that runs go build or make,
// beside a development one that copies a binary built outside under the
// same tag (supermq's docker/Dockerfile and docker/Dockerfile.dev).
func (d *deployment) oneCompiler() {
	for img := range d.ambiguous {
		var compiling []imageBuild
		for _, b := range d.imageBuilds[img] {
			if d.compiles[b.df] {
				compiling = append(compiling, b)
			}
		}
		if len(compiling) != 1 {
			continue
		}
		delete(d.ambiguous, img)
		d.images[img] = [2]string{compiling[0].df, compiling[0].ctx}
		if d.imageArgs == nil {
			d.imageArgs = make(map[string]map[string]string)
		}
		d.imageArgs[img] = compiling[0].args
	}
}

// agreedArgs returns the build args two builds of one image agree on,
// every other arg either sets unknown (${NAME}), as a build arg whose
// value archie cannot read is.
func agreedArgs(a, b map[string]string) map[string]string {
	out := make(map[string]string, len(a)+len(b))
	for k, v := range a {
		if w, ok := b[k]; ok && w == v {
			out[k] = v
		} else {
			out[k] = "${" + k + "}"
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			out[k] = "${" + k + "}"
		}
	}
	return out
}

// imageBuilt records that an image (a tag: org/app:v1) is built with a
// Dockerfile and context, and build args. Builds of one image with two
// Dockerfiles or contexts (two tags of a repository built for two mains,
// a workflow and a Makefile) leave it unknown, whatever their order;
// builds that disagree only on build args leave those args unknown
// (agreedArgs), so a build arg that chooses the main chooses none. byName
// allows a tag whose registry archie cannot read to name its image by
// what follows. A tag of no registry nor owner (docker build -t
// kraken-agent, later tagged and pushed as $(REGISTRY)/kraken-agent)
// names by its name the images of a registry's (localNames).
func (d *deployment) imageBuilt(tag, df, ctx, target string, args map[string]string, byName bool) {
	img := imageRepo(tag)
	// A registry left for the user to set (REGISTRY ?= gcr.io/$(PROJECT)
	// with PROJECT ?= empty) leaves an empty part: gcr.io//api.
	unset := strings.HasPrefix(img, "/") || strings.Contains(img, "//")
	if img != "" && !strings.Contains(img, "$") && !unset && !strings.Contains(img, "/") {
		if d.localNames == nil {
			d.localNames = make(map[string][][2]string)
		}
		if b := [2]string{df, ctx}; !slices.Contains(d.localNames[img], b) {
			d.localNames[img] = append(d.localNames[img], b)
		}
	}
	if img != "" && !strings.Contains(img, "$") && !unset {
		if !slices.ContainsFunc(d.imageBuilds[img], func(b imageBuild) bool { return b.df == df && b.ctx == ctx && maps.Equal(b.args, args) }) {
			if d.imageBuilds == nil {
				d.imageBuilds = make(map[string][]imageBuild)
			}
			d.imageBuilds[img] = append(d.imageBuilds[img], imageBuild{df, ctx, args})
		}
		if d.ambiguous[img] {
			return
		}
		if b, ok := d.images[img]; ok && b == [2]string{df, ctx} && d.imageTargets[img] == target {
			// One Dockerfile and context, built with build args that
			// disagree (a Makefile's VERSION=v0.0.0, a workflow's from
			// the tag pushed): the image is that build, each arg the
			// builds disagree on unknown.
			d.imageArgs[img] = agreedArgs(d.imageArgs[img], args)
			return
		}
		if _, ok := d.images[img]; ok {
			if d.ambiguous == nil {
				d.ambiguous = make(map[string]bool)
			}
			d.ambiguous[img] = true
			delete(d.images, img)
			delete(d.imageArgs, img)
			delete(d.imageTargets, img)
			return
		}
		d.images[img] = [2]string{df, ctx}
		if target != "" {
			if d.imageTargets == nil {
				d.imageTargets = make(map[string]string)
			}
			d.imageTargets[img] = target
		}
		if d.imageArgs == nil {
			d.imageArgs = make(map[string]map[string]string)
		}
		d.imageArgs[img] = args
		return
	}
	if !byName {
		return
	}
	// $(IMAGE_PREFIX)argocd: a registry archie cannot read, but the name
	// after it still says which image (also gcr.io//api).
	if n := img[strings.LastIndexAny(img, ")}/")+1:]; n != "" && !strings.Contains(n, "$") {
		d.imageByName(n, df, ctx, args)
	}
}

// imageByName records a build of the image of a name, whatever registry
// and owner it is pushed under.
func (d *deployment) imageByName(n, df, ctx string, args map[string]string) {
	if d.imageNames == nil {
		d.imageNames = make(map[string][][2]string)
	}
	if b := [2]string{df, ctx}; !slices.Contains(d.imageNames[n], b) {
		d.imageNames[n] = append(d.imageNames[n], b)
	}
	// Its build args, while every build of the name agrees.
	if d.imageNameArgs == nil {
		d.imageNameArgs = make(map[string]map[string]string)
	}
	if prev, ok := d.imageNameArgs[n]; !ok {
		d.imageNameArgs[n] = args
	} else if prev != nil && !maps.Equal(prev, args) {
		d.imageNameArgs[n] = nil
	}
}

var ghExpr = regexp.MustCompile(`\$\{\{[^}]*\}\}`)

// workflow reads the images a GitHub Actions workflow builds: docker
// build commands its steps run (in the repository's root, where the
// checkout is), and build-push-action steps (docker's, or depot's drop-in
// of it). A build's tags may be written with expressions archie can
// read: the workflow's or the job's env (${{ env.IMAGE_NAME }}), the
// repository's name (${{ github.repository }}, from the root module's
// path on github.com, as ghcr.io names an image), a step's output that a
// run step echoes into $GITHUB_OUTPUT, and the tags docker's
// metadata-action makes of its images (${{ steps.meta.outputs.tags }};
// an image it does not enable is none). A tag with any other expression
// names no image, nor does an env name once a step writes $GITHUB_ENV.
func (d *deployment) workflow(data []byte) {
	type defaults struct {
		Run struct {
			WorkingDirectory string `yaml:"working-directory"`
		} `yaml:"run"`
	}
	var doc struct {
		Defaults defaults `yaml:"defaults"`
		Env      any      `yaml:"env"` // a map, or an expression
		Jobs     map[string]struct {
			Defaults defaults `yaml:"defaults"`
			Env      any      `yaml:"env"`
			Strategy struct {
				Matrix map[string]any `yaml:"matrix"`
			} `yaml:"strategy"`
			Steps []struct {
				ID               string         `yaml:"id"`
				Run              string         `yaml:"run"`
				WorkingDirectory string         `yaml:"working-directory"`
				Uses             string         `yaml:"uses"`
				With             map[string]any `yaml:"with"`
				Env              any            `yaml:"env"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if yaml.Unmarshal(data, &doc) != nil {
		return
	}
	repo := d.githubRepository()
	for _, job := range doc.Jobs {
		d.matrixImages(job.Strategy.Matrix, data)
		gh := ghContext{repo: repo, env: []any{job.Env, doc.Env}, outputs: make(map[string]map[string]string), images: make(map[string][]string)}
		for _, st := range job.Steps {
			// A later step's env is not the file's once a step may
			// write $GITHUB_ENV: by its run line, a script it runs, or
			// an action other than the ones read here.
			if strings.Contains(st.Run, ".sh") ||
				st.Uses != "" && !strings.HasPrefix(st.Uses, "actions/") && !strings.HasPrefix(st.Uses, "docker/") && !strings.HasPrefix(st.Uses, "depot/") {
				gh.envSet = true
			} else if strings.Contains(st.Run, "GITHUB_ENV") {
				// echo "BUILD=…" >> $GITHUB_ENV sets BUILD; any other
				// write may set any name.
				names, ok := envWrites(st.Run)
				if !ok {
					gh.envSet = true
				}
				for _, n := range names {
					if gh.envNames == nil {
						gh.envNames = make(map[string]bool)
					}
					gh.envNames[n] = true
				}
			}
			if st.Run != "" {
				wd := cmp.Or(st.WorkingDirectory, job.Defaults.Run.WorkingDirectory, doc.Defaults.Run.WorkingDirectory, ".")
				// An expression is one word, whatever it holds: ${{ github.sha }}.
				run := ghExpr.ReplaceAllString(st.Run, "$${GH}")
				if !strings.Contains(wd, "$") {
					d.dockerBuildLines(filepath.Join(d.root, wd), []byte(run), nil, true)
					d.helmInstalls(filepath.Join(d.root, wd, ".github"), []byte(run))
				}
				if st.ID != "" {
					gh.outputs[st.ID] = stepOutputs(st.Run)
				}
			}
			with := func(k string) string { v, _ := st.With[k].(string); return strings.TrimSpace(v) }
			gh.step = st.Env
			if strings.HasPrefix(st.Uses, "docker/metadata-action@") && st.ID != "" {
				for _, line := range strings.FieldsFunc(with("images"), func(r rune) bool { return r == '\n' }) {
					if img, ok := gh.expand(metadataImage(line)); ok && img != "" {
						gh.images[st.ID] = append(gh.images[st.ID], img)
					}
				}
				continue
			}
			if !strings.HasPrefix(st.Uses, "docker/build-push-action@") && !strings.HasPrefix(st.Uses, "depot/build-push-action@") {
				continue
			}
			target := ""
			if t, ok := st.With["target"]; ok {
				s, _ := t.(string)
				target = strings.TrimSpace(s)
				d.target(target)
			}
			context, file := with("context"), with("file")
			if context == "" {
				context = "."
			}
			if strings.Contains(context+file, "$") {
				continue
			}
			df, ctx := buildFiles(d.root, context, file)
			args := make(map[string]string)
			for _, line := range strings.Split(with("build-args"), "\n") {
				buildArg(args, strings.TrimSpace(line)) // a matrix's, an output's value is not known
			}
			for _, t := range strings.FieldsFunc(with("tags"), func(r rune) bool { return r == '\n' || r == ',' }) {
				t = strings.TrimSpace(t)
				if m := metaTags.FindStringSubmatch(t); m != nil {
					for _, img := range gh.images[m[1]] {
						d.imageBuilt(img, df, ctx, target, args, false)
					}
					continue
				}
				// An expression archie cannot read in the tag alone
				// (:${{ github.sha }}) leaves the image known.
				if v, ok := gh.expand(t); ok || !strings.Contains(imageRepo(v), "$") {
					t = v
				}
				d.imageBuilt(t, df, ctx, target, args, false)
			}
			// A build pushed by digest names its image in its outputs
			// (type=image,name=ghcr.io/acme/api,push-by-digest=true),
			// often under a registry the matrix gives: the name after it
			// still says which image.
			for _, n := range outputImages(with("outputs")) {
				v, _ := gh.expand(n)
				d.imageBuilt(v, df, ctx, target, args, true)
			}
		}
	}
}

// outputImages returns the images a build-push-action's outputs push:
// the name= of each image, registry or docker output, one per line, a quoted
// name holding several, comma-separated.
func outputImages(outputs string) []string {
	var out []string
	for _, line := range strings.Split(outputs, "\n") {
		r := csv.NewReader(strings.NewReader(strings.TrimSpace(line)))
		fields, err := r.Read()
		if err != nil {
			continue
		}
		kind, names := "", ""
		for _, f := range fields {
			k, v, _ := strings.Cut(strings.TrimSpace(f), "=")
			switch k {
			case "type":
				kind = v
			case "name":
				names = v
			}
		}
		if kind != "image" && kind != "registry" && kind != "docker" {
			continue
		}
		for _, n := range strings.Split(names, ",") {
			if n = strings.TrimSpace(n); n != "" {
				out = append(out, n)
			}
		}
	}
	return out
}

// matrixImages reads the images a job's matrix pairs with their
// Dockerfiles: an entry {name: kfp-api-server, dockerfile:
// backend/Dockerfile, context: .} of a matrix whose Dockerfile the
// workflow uses (${{ matrix.image.dockerfile }}, in a step or in the
// inputs of a reusable workflow that builds it). The image's registry
// and owner are the workflow's to write, so the build is the image's by
// its name (ghcr.io/kubeflow/kfp-api-server).
func (d *deployment) matrixImages(matrix map[string]any, data []byte) {
	for key, v := range matrix {
		entries, _ := v.([]any)
		for _, e := range entries {
			m, _ := e.(map[string]any)
			name, df, ctx := matrixBuild(m)
			if name == "" || df == "" {
				continue
			}
			// Used as the matrix's own: matrix.image.dockerfile, or
			// matrix.dockerfile for an include entry.
			ref := "matrix." + key + "." + df
			if key == "include" {
				ref = "matrix." + df
			}
			if !regexp.MustCompile(`\b` + regexp.QuoteMeta(ref) + `\b`).Match(data) {
				continue
			}
			file, _ := m[df].(string)
			context, _ := m[ctx].(string)
			if context == "" {
				context = "."
			}
			if strings.Contains(file+context, "$") || !filepath.IsLocal(filepath.FromSlash(strings.TrimPrefix(file, "./"))) {
				continue
			}
			dockerfile, dir := buildFiles(d.root, context, file)
			if !isFile(dockerfile) {
				continue
			}
			d.imageBuilt("${GH}/"+name, dockerfile, dir, "", nil, true)
		}
	}
}

// matrixBuild returns, of a matrix entry, its image's name (the value of
// its name-like key) and the keys of its Dockerfile and context.
func matrixBuild(m map[string]any) (name, dockerfile, context string) {
	for _, k := range []string{"dockerfile", "docker_file", "dockerfile_path", "file"} {
		if v, ok := m[k].(string); ok && v != "" {
			dockerfile = k
			break
		}
	}
	for _, k := range []string{"name", "image", "image_name", "image-name", "app", "component", "service"} {
		if v, ok := m[k].(string); ok && v != "" && !strings.ContainsAny(v, "$/: ") {
			name = v
			break
		}
	}
	for _, k := range []string{"context", "image_context", "build_context"} {
		if _, ok := m[k].(string); ok {
			context = k
			break
		}
	}
	return name, dockerfile, context
}

// metaTags is the tags output of a metadata-action step: its group the
// step's id.
var metaTags = regexp.MustCompile(`^\$\{\{\s*steps\.([A-Za-z0-9_-]+)\.outputs\.tags\s*\}\}$`)

// metadataImage returns the image of a line of metadata-action's images
// input: the line, or its name= field in the CSV form
// (name=ghcr.io/acme/app,enable=true); none where enable is not true.
func metadataImage(line string) string {
	line = strings.TrimSpace(line)
	if !strings.Contains(line, "=") {
		return line
	}
	name := ""
	for _, f := range strings.Split(line, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(f), "=")
		switch k {
		case "name":
			name = strings.TrimSpace(v)
		case "enable":
			if strings.TrimSpace(v) != "true" {
				return ""
			}
		}
	}
	return name
}

// stepOutputs returns the outputs a run step writes to $GITHUB_OUTPUT
// with echo: echo "value=ghcr.io/${{ github.repository }}" >>
// "$GITHUB_OUTPUT".
func stepOutputs(run string) map[string]string {
	out := make(map[string]string)
	for _, line := range strings.Split(run, "\n") {
		// An expression is one word, whatever spaces it holds.
		var exprs []string
		line = ghExpr.ReplaceAllStringFunc(strings.TrimSpace(line), func(e string) string {
			exprs = append(exprs, strings.Join(strings.Fields(e), ""))
			return "\x00"
		})
		words := quotedWords(line)
		if len(words) != 4 || words[0] != "echo" || words[2] != ">>" || strings.Trim(words[3], "${}") != "GITHUB_OUTPUT" {
			continue
		}
		k, v, ok := strings.Cut(words[1], "=")
		if !ok || k == "" || strings.Count(v, "\x00") != len(exprs) {
			continue
		}
		for _, e := range exprs {
			v = strings.Replace(v, "\x00", e, 1)
		}
		out[k] = v
	}
	return out
}

var envWrite = regexp.MustCompile(`^\s*echo\s+["']?([A-Za-z_][A-Za-z0-9_]*)=.*>>\s*["']?\$\{?GITHUB_ENV\}?["']?\s*$`)

// envWrites returns the names a run step's lines write to $GITHUB_ENV
// (echo "BUILD=…" >> $GITHUB_ENV), and false when a line that names
// $GITHUB_ENV writes it another way, which may set any name.
func envWrites(run string) ([]string, bool) {
	var names []string
	for _, line := range strings.Split(run, "\n") {
		// Each command of a line: echo "A=1" >> $GITHUB_ENV && echo
		// "B=2" >> $GITHUB_ENV writes two names.
		for _, cmd := range splitCommands(line) {
			if !strings.Contains(cmd, "GITHUB_ENV") {
				continue
			}
			m := envWrite.FindStringSubmatch(cmd)
			if m == nil {
				return nil, false
			}
			names = append(names, m[1])
		}
	}
	return names, true
}

// A ghContext is what a workflow job's expressions may read.
type ghContext struct {
	repo   string // owner/name, or ""
	step   any    // the step's env
	env    []any  // the job's env, then the workflow's
	envSet bool   // a step so far may write any name to $GITHUB_ENV
	// envNames are the names steps so far write to $GITHUB_ENV.
	envNames map[string]bool
	outputs  map[string]map[string]string // step id → output → value
	images   map[string][]string          // metadata-action step id → its images
}

// expand replaces the expressions of s that the context knows, and
// reports whether it knew all of them.
func (g *ghContext) expand(s string) (string, bool) {
	return g.expandDepth(s, 0)
}

func (g *ghContext) expandDepth(s string, depth int) (string, bool) {
	if depth > 4 {
		return s, false
	}
	known := true
	out := ghExpr.ReplaceAllStringFunc(s, func(e string) string {
		expr := strings.TrimSpace(e[3 : len(e)-2])
		var v string
		ok := false
		switch {
		case expr == "github.repository" && g.repo != "":
			v, ok = g.repo, true
		case expr == "github.repository_owner" && g.repo != "":
			v, ok = g.repo[:strings.IndexByte(g.repo, '/')], true
		case strings.HasPrefix(expr, "env.") && !g.envSet && !g.envNames[strings.TrimPrefix(expr, "env.")]:
			// The step's env, the job's, the workflow's: the first
			// that is a map and holds the name; an env written as an
			// expression may hold anything.
			name := strings.TrimPrefix(expr, "env.")
			for _, env := range append([]any{g.step}, g.env...) {
				if env == nil {
					continue
				}
				m, isMap := env.(map[string]any)
				if !isMap {
					break
				}
				if val, found := m[name]; found {
					if text, isText := val.(string); isText {
						v, ok = g.expandDepth(text, depth+1)
					}
					break
				}
			}
		case strings.HasPrefix(expr, "steps."):
			parts := strings.Split(expr, ".")
			if len(parts) == 4 && parts[2] == "outputs" {
				if val, found := g.outputs[parts[1]][parts[3]]; found {
					v, ok = g.expandDepth(val, depth+1)
				}
			}
		}
		if !ok {
			known = false
			return e
		}
		return v
	})
	return out, known
}

// githubRepository returns the repository's owner/name on GitHub, in
// lower case as a container registry names it: from the root module's
// path (github.com/openmeterio/openmeter), else from the origin the
// clone was made from. "" when neither says.
func (d *deployment) githubRepository() string {
	if rest, ok := strings.CutPrefix(d.rootModule, "github.com/"); ok {
		if parts := strings.Split(rest, "/"); len(parts) >= 2 && parts[0] != "" && parts[1] != "" {
			return strings.ToLower(parts[0] + "/" + parts[1])
		}
	}
	data, ok := readSmall(d.root, filepath.Join(d.root, ".git", "config"))
	if !ok {
		return ""
	}
	// The url of [remote "origin"], where it is on github.com.
	origin := false
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "[") {
			origin = line == `[remote "origin"]`
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !origin || !ok || strings.TrimSpace(k) != "url" {
			continue
		}
		if m := githubRemote.FindStringSubmatch(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(v), "/"), ".git")); m != nil {
			return strings.ToLower(m[1])
		}
		return ""
	}
	return ""
}

// githubRemote is a git remote on github.com, over HTTPS or SSH: its
// group owner/name.
var githubRemote = regexp.MustCompile(`github\.com[:/]([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)/?$`)

// realPath is path made absolute with its links resolved, as far as
// that can be done.
func realPath(path string) string {
	if p, err := filepath.Abs(path); err == nil {
		path = p
	}
	if p, err := filepath.EvalSymlinks(path); err == nil {
		return p
	}
	return path
}

// elsewhere reports whether a go build of pkg in workdir may build a
// folder of the context other than dir: one that an end of the WORKDIR
// names (WORKDIR /app/cmd/api, the context copied to /app).
func elsewhere(ctx, workdir, pkg, dir string) bool {
	if workdir == "" || strings.Contains(workdir, "$") {
		return workdir != ""
	}
	parts := strings.Split(strings.Trim(path.Clean(workdir), "/"), "/")
	for i := range parts {
		cand := filepath.Join(ctx, filepath.FromSlash(strings.Join(parts[i:], "/")), filepath.FromSlash(pkg))
		if cand != dir && isDir(cand) {
			return true
		}
	}
	return false
}

// deepWorkdir is underWorkdir when the end of workdir that is a folder
// of the context has two folders or more (cmd/api, not app) and what
// comes before it is the import path of the context's module (or the
// repository's): GOPATH's layout of this code, not of a repository
// cloned there. Else "".
func (d *deployment) deepWorkdir(ctx, workdir, pkg string) string {
	dir := underWorkdir(ctx, workdir, pkg)
	rel, err := filepath.Rel(ctx, dir)
	if dir == "" || err != nil || !strings.Contains(filepath.ToSlash(rel), "/") {
		return ""
	}
	prefix, ok := strings.CutSuffix(path.Clean(workdir), "/"+path.Join(filepath.ToSlash(rel), pkg))
	if !ok {
		prefix, ok = strings.CutSuffix(path.Clean(workdir), "/"+filepath.ToSlash(rel))
	}
	mod := d.rootModule
	if data, found := readSmall(d.root, filepath.Join(ctx, "go.mod")); found {
		mod = modfile.ModulePath(data)
	}
	if !ok || mod == "" || !strings.HasSuffix(prefix, "/"+mod) {
		return ""
	}
	return dir
}

// underWorkdir returns the folder of the context a go build of pkg run
// in workdir builds, when an end of workdir is a folder of the context
// holding pkg (the longest such end), else "".
func underWorkdir(ctx, workdir, pkg string) string {
	if workdir == "" || strings.Contains(workdir, "$") {
		return ""
	}
	parts := strings.Split(strings.Trim(path.Clean(workdir), "/"), "/")
	for i := range len(parts) + 1 { // the whole WORKDIR's end down to none: the context copied there
		cand := filepath.Join(ctx, filepath.FromSlash(strings.Join(parts[i:], "/")), filepath.FromSlash(pkg))
		if within(filepath.ToSlash(cand), filepath.ToSlash(ctx)) && isDir(cand) {
			return cand
		}
	}
	return ""
}

// argDir returns the folder of the context that a WORKDIR whose parts
// build args fill names, or "".
func argDir(ctx, workdir string, arg func(string) string) string {
	parts := strings.Split(strings.Trim(path.Clean(workdir), "/"), "/")
	first := -1 // the first part an arg fills
	for i, p := range parts {
		e := os.Expand(p, arg)
		switch {
		case e == "" || e == "." || e == "..":
			return "" // an arg that names no folder
		case !strings.Contains(p, "$"):
		case !strings.Contains(e, "$"):
			if first < 0 {
				first = i
			}
		case first >= 0:
			return "" // a part no arg fills, below one that an arg does
		}
		parts[i] = e
	}
	for i := 0; i <= first; i++ {
		rel := strings.Join(parts[i:], "/")
		if dir := filepath.Join(ctx, filepath.FromSlash(rel)); !strings.Contains(rel, "$") && within(filepath.ToSlash(dir), filepath.ToSlash(ctx)) && isDir(dir) {
			return dir
		}
	}
	return ""
}

func isDir(dir string) bool {
	fi, err := os.Stat(dir)
	return err == nil && fi.IsDir()
}

func isFile(name string) bool {
	fi, err := os.Stat(name)
	return err == nil && fi.Mode().IsRegular()
}

// scriptArgs keeps the words of a Makefile's or script's commands: one
// that runs a service with a flag sets that flag, for a service archie
// cannot tell, but for the runs of a main readScriptRuns tells (known).
func (d *deployment) scriptArgs(file string, data []byte, known map[string]bool) {
	for _, line := range logicalLines(data) {
		for _, cmd := range shellCommands(strings.TrimLeft(strings.TrimSpace(line), "@-")) {
			if words := runWords(cmd); len(words) > 0 && known[filepath.Join(filepath.Dir(file), filepath.FromSlash(words[0]))] {
				continue
			}
			d.otherArgs = append(d.otherArgs, cmd...)
		}
	}
}

// runWords returns the words of the program a shell command runs, its
// environment assignments and a nohup or exec in front of it aside.
func runWords(cmd []string) []string {
	_, words := leadingAssigns(cmd)
	for len(words) > 0 && (words[0] == "nohup" || words[0] == "exec") {
		words = words[1:]
	}
	return words
}

// readScriptRuns reads the commands of a Makefile or script that run a
// binary the same file builds with go build -o (build: go build -o
// target/logic cmd/logic/main.go; run: target/logic
// -conf=target/logic.toml): each is a run of that main, with its flags,
// kept apart from the deployment's workloads (it deploys nothing; it
// names the config files its flags pass, flagFiles). A file its cp
// commands make (cp cmd/logic/logic-example.toml target/logic.toml)
// stands for the file it copies. It returns the programs so read.
func (d *deployment) readScriptRuns(file string, data []byte, mk *makefile) map[string]bool {
	dir := filepath.Dir(file)
	lines := logicalLines(data)
	if mk != nil {
		lines = mk.recipes() // as make runs them: $(GOBUILD) -o …
	}
	outputs := make(map[string]string) // the binary -> its main's folder
	copies := make(map[string]string)
	var runs [][]string
	for _, line := range lines {
		for _, cmd := range shellCommands(strings.TrimLeft(strings.TrimSpace(line), "@-")) {
			words := runWords(cmd)
			if len(words) == 0 || strings.ContainsAny(strings.Join(words, " "), "$`") {
				continue
			}
			switch {
			case len(words) > 2 && words[0] == "go" && words[1] == "build":
				out, pkg := goBuildOutput(words[2:])
				if out == "" || pkg == "" || filepath.IsAbs(out) {
					continue
				}
				main := filepath.Join(dir, filepath.FromSlash(pkg))
				if strings.HasSuffix(pkg, ".go") {
					main = filepath.Dir(main)
				}
				if holdsMain(main) && within(filepath.ToSlash(main), filepath.ToSlash(d.root)) {
					outputs[filepath.Join(dir, filepath.FromSlash(out))] = main
				}
			case len(words) == 3 && words[0] == "cp" && !strings.HasPrefix(words[1], "-"):
				src, dst := filepath.Join(dir, filepath.FromSlash(words[1])), filepath.Join(dir, filepath.FromSlash(words[2]))
				if strings.HasSuffix(words[2], "/") || isDir(dst) {
					dst = filepath.Join(dst, filepath.Base(src))
				}
				copies[dst] = src
			case !filepath.IsAbs(words[0]):
				runs = append(runs, words)
			}
		}
	}
	known := make(map[string]bool)
	for _, words := range runs {
		prog := filepath.Join(dir, filepath.FromSlash(words[0]))
		main, ok := outputs[prog]
		if !ok {
			continue
		}
		known[prog] = true
		d.scriptRuns = append(d.scriptRuns, &workload{name: filepath.Base(prog), dir: main, built: true, args: words, file: relTo(d.root, file), scriptDir: dir, copies: copies})
	}
	return known
}

// goBuildOutput returns the -o file and the package of go build's
// arguments, "" where either is not there.
func goBuildOutput(args []string) (out, pkg string) {
	valued := map[string]bool{"-o": true, "-tags": true, "-ldflags": true, "-gcflags": true, "-asmflags": true, "-mod": true, "-p": true,
		"-pkgdir": true, "-modfile": true, "-overlay": true, "-pgo": true, "-buildmode": true, "-compiler": true, "-installsuffix": true, "-toolexec": true}
	for i := 0; i < len(args); i++ {
		w := strings.Trim(args[i], `"'`)
		switch {
		case w == "-o" && i+1 < len(args):
			out = strings.Trim(args[i+1], `"'`)
			i++
		case strings.HasPrefix(w, "-o="):
			out = w[3:]
		case valued[w]:
			i++
		case strings.HasPrefix(w, "-"):
		case pkg != "":
			return out, "" // several packages
		default:
			pkg = w
		}
	}
	return out, pkg
}

// dockerValueFlags are the docker build flags that take a value.
var dockerValueFlags = map[string]bool{"build-arg": true, "target": true, "platform": true, "label": true,
	"cache-from": true, "cache-to": true, "secret": true, "ssh": true, "output": true, "o": true, "network": true,
	"progress": true, "add-host": true, "iidfile": true, "builder": true}

// imageRepo returns an image reference without its tag or digest, and
// without the registry Docker Hub's images have unwritten: compose's
// docker.io/magistrala/auth is the magistrala/auth a Makefile builds.
func imageRepo(ref string) string {
	ref, _, _ = strings.Cut(ref, "@")
	if i := strings.LastIndexByte(ref, ':'); i > strings.LastIndexByte(ref, '/') {
		ref = ref[:i]
	}
	for _, hub := range []string{"docker.io/", "index.docker.io/", "registry-1.docker.io/"} {
		if rest, ok := strings.CutPrefix(ref, hub); ok && rest != "" {
			ref = rest
			break
		}
	}
	if rest, ok := strings.CutPrefix(ref, "library/"); ok && rest != "" && !strings.Contains(rest, "/") {
		ref = rest // Docker Hub's official images: library/postgres is postgres
	}
	return ref
}

// dockerfileName returns the name a Dockerfile's own path gives the image
// it builds: X of X.Dockerfile or Dockerfile.X, else its folder's name
// (build/api/Dockerfile), but for a folder that names no program (the
// repository's root, build, docker).
func dockerfileName(rel string) string {
	base := strings.ToLower(path.Base(rel))
	if n, ok := strings.CutSuffix(base, ".dockerfile"); ok && n != "" {
		return n
	}
	if n, ok := strings.CutPrefix(base, "dockerfile."); ok && n != "" {
		return n
	}
	switch dir := strings.ToLower(path.Base(path.Dir(rel))); dir {
	case ".", "/", "build", "builds", "docker", "dockerfiles", "deploy", "deployments", "images", "ci":
		return ""
	default:
		return dir
	}
}

// heldImages returns the images of the Jobs and Pods a ConfigMap holds as
// templates in its data, which a program of the system reads and creates
// (a scanner Job per image it scans): programs that program launches.
func heldImages(doc map[string]any) []string {
	data, _ := doc["data"].(map[string]any)
	var out []string
	for _, k := range slices.Sorted(maps.Keys(data)) {
		text, _ := data[k].(string)
		if !strings.Contains(text, "kind:") {
			continue
		}
		var held map[string]any
		if yaml.Unmarshal([]byte(text), &held) != nil {
			continue
		}
		switch kind, _ := held["kind"].(string); kind {
		case "Job", "CronJob", "Pod":
			for _, c := range containers(held) {
				if img, ok := c["image"].(string); ok && img != "" {
					out = append(out, img)
				}
			}
		}
	}
	return out
}

// unreadable notes a deployment file that is not YAML archie can read (a
// syntax error, an alias that expands without end): what it deploys was
// not read, and the run must say so. Only a compose file, or a manifest
// (apiVersion: and kind: at the start of a line) outside the folders of
// examples and test harnesses, is one, and not a template; other YAML (a
// config, an OpenAPI document, a test's deliberately broken input) is not
// archie's to read.
func (d *deployment) unreadable(rel, path string, data []byte, err error) {
	if bytes.Contains(data, []byte("{{")) {
		return // a template (Helm's, a generator's): YAML once rendered
	}
	if !composeFile(filepath.ToSlash(rel)) && (!manifestLike(data) || UnderExamples(rel) || harnessFolder(rel)) {
		return
	}
	line := 1
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
	}
	d.problems = append(d.problems, analyze.Error{NotChecked: true, Pos: token.Position{Filename: path, Line: line, Column: 1},
		Msg: fmt.Sprintf("%s is not YAML archie can read, so what it deploys was not read: %v", filepath.ToSlash(rel), err)})
}

// docDecoder decodes the documents of a deployment file. A Kubernetes
// manifest's (lastWins) may repeat a key in a mapping, two
// securityContext: in one container: kubectl and Helm apply it, the last
// value winning, where yaml.v3 refuses the whole mapping. docker compose
// refuses a compose file that does so, and so does archie.
type docDecoder struct {
	dec      *yaml.Decoder
	lastWins bool
}

func (d docDecoder) decode(doc *map[string]any) error {
	if !d.lastWins {
		return d.dec.Decode(doc)
	}
	var n yaml.Node
	if err := d.dec.Decode(&n); err != nil {
		return err
	}
	lastKeyWins(&n)
	return n.Decode(doc)
}

// lastKeyWins drops from each mapping below n the pairs whose key a later
// pair repeats. An alias is not followed: the node it names is reached
// where it is anchored.
func lastKeyWins(n *yaml.Node) {
	if n.Kind == yaml.MappingNode {
		last := make(map[string]int, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k := n.Content[i]; k.Kind == yaml.ScalarNode && k.Value != "<<" {
				last[k.Value] = i // merge keys stay as written
			}
		}
		if len(last) < len(n.Content)/2 {
			kept := n.Content[:0]
			for i := 0; i+1 < len(n.Content); i += 2 {
				if k := n.Content[i]; k.Kind != yaml.ScalarNode || k.Value == "<<" || last[k.Value] == i {
					kept = append(kept, n.Content[i], n.Content[i+1])
				}
			}
			n.Content = kept
		}
	}
	for _, c := range n.Content {
		lastKeyWins(c)
	}
}

// yamlLine finds the line a YAML error names.
var yamlLine = regexp.MustCompile(`line (\d+)`)

// manifestLike reports whether a file's text has apiVersion: and kind: at
// the start of lines, as a Kubernetes manifest does.
func manifestLike(data []byte) bool {
	return (bytes.HasPrefix(data, []byte("apiVersion:")) || bytes.Contains(data, []byte("\napiVersion:"))) &&
		(bytes.HasPrefix(data, []byte("kind:")) || bytes.Contains(data, []byte("\nkind:")))
}

// readSmall reads a deployment, .env or config file: a regular file of at
// most 1 MiB below root (realPath's). A link to a device or a pipe in a
// checkout reads as nothing, not forever; a link out of the repository
// leads to the machine's files (a .env or a config of the user running
// archie), which are not the code's and must not be shown.
func readSmall(root, path string) ([]byte, bool) {
	return readLimited(root, path, 1<<20)
}

// readLimited is readSmall for a file of at most max bytes.
func readLimited(root, path string, max int64) ([]byte, bool) {
	path, err := filepath.Abs(path)
	if err == nil {
		path, err = filepath.EvalSymlinks(path)
	}
	if err != nil || !within(filepath.ToSlash(path), filepath.ToSlash(root)) {
		return nil, false
	}
	if fi, err := os.Stat(path); err != nil || !fi.Mode().IsRegular() || fi.Size() > max {
		return nil, false
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	return data, err == nil && int64(len(data)) <= max
}

func (d *deployment) read(root, path string, data []byte) error {
	rel := relTo(root, path)
	dec := docDecoder{yaml.NewDecoder(bytes.NewReader(data)), manifestLike(data) && !composeFile(filepath.ToSlash(rel))}
	for {
		var doc map[string]any
		if err := dec.decode(&doc); err != nil {
			if err != io.EOF {
				return err
			}
			return nil
		}
		if doc == nil {
			continue
		}
		if services, ok := doc["services"].(map[string]any); ok && doc["kind"] == nil {
			if d.templates[path] {
				continue // only others extend its services (composeextends.go)
			}
			services = d.extendServices(path, services)
			addon := joinsNetwork(doc) || d.mergesInto(filepath.Dir(path), doc)
			if strings.Contains(filepath.Base(path), ".override.") {
				// docker compose applies an override over the file
				// beside it, which the walk may not have read yet.
				d.overrides = append(d.overrides, func() { d.compose(filepath.Dir(path), rel, services, addon) })
				continue
			}
			d.compose(filepath.Dir(path), rel, services, addon)
			continue
		}
		if apps, ok := doc["apps"].([]any); ok && doc["kind"] == nil {
			d.daprRun(filepath.Dir(path), rel, apps)
			continue
		}
		switch base := filepath.Base(path); {
		case isKustomization(base):
			d.kustomization(root, path, doc)
			continue
		case strings.Contains(base, "goreleaser"):
			d.goreleaser(root, path, doc)
			continue
		case base == "Chart.yaml" || strings.HasPrefix(base, "values") && doc["kind"] == nil && doc["apiVersion"] == nil:
			d.helm(root, path, doc)
			continue
		}
		kind, _ := doc["kind"].(string)
		meta, _ := doc["metadata"].(map[string]any)
		name, _ := meta["name"].(string)
		if ns, _ := meta["namespace"].(string); ns != "" {
			d.namespaces[strings.ToLower(ns)] = true
		}
		if name == "" {
			continue
		}
		switch kind {
		case "Namespace":
			d.namespaces[strings.ToLower(name)] = true
		case "Ingress":
			d.ingressRules(doc)
		case "IngressRoute": // Traefik's
			spec, _ := doc["spec"].(map[string]any)
			routes, _ := spec["routes"].([]any)
			for _, r := range routes {
				r, _ := r.(map[string]any)
				match, _ := r["match"].(string)
				var to []string
				svcs, _ := r["services"].([]any)
				for _, sv := range svcs {
					if sv, _ := sv.(map[string]any); sv != nil {
						if n, _ := sv["name"].(string); n != "" {
							to = append(to, n)
						}
					}
				}
				d.routeHosts(match, to)
			}
		case "PubSubSubscription": // Config Connector
			spec, _ := doc["spec"].(map[string]any)
			ref, _ := spec["topicRef"].(map[string]any)
			if t, _ := ref["name"].(string); t != "" {
				d.subscriptions[name] = t
			} else if t, _ := ref["external"].(string); t != "" {
				d.subscriptions[name] = t[strings.LastIndexByte(t, '/')+1:]
			}
		case "ConfigMap":
			d.configMaps[name] = append(d.configMaps[name], kubeObject{file: rel, data: kubeData(doc, false)})
			d.heldImages = append(d.heldImages, heldImages(doc)...)
		case "Secret":
			d.secrets[name] = append(d.secrets[name], kubeObject{file: rel, data: kubeData(doc, true)})
		case "Service":
			d.workload(name, rel).deployedIn(rel)
			d.newRun(rel).name(name)
			spec, _ := doc["spec"].(map[string]any)
			if sel := stringMap(spec["selector"]); len(sel) > 0 {
				d.kubeSelectors = append(d.kubeSelectors, kubeSelector{name: name, file: rel, labels: sel})
			}
		case "Deployment", "StatefulSet", "DaemonSet", "Pod", "Job", "CronJob", "ReplicaSet":
			// A Helm hook (a pre-delete Job that removes the webhooks, a
			// test Pod that checks an endpoint) runs at a moment of the
			// release's life, not in the running system: it deploys no
			// service.
			if ann, _ := meta["annotations"].(map[string]any); ann["helm.sh/hook"] != nil {
				continue
			}
			w := d.workload(name, rel)
			w.deployedIn(rel)
			w.runIn(rel)
			if labels := podLabels(doc); len(labels) > 0 && kind != "Job" && kind != "CronJob" {
				w.podLabels = append(w.podLabels, labels)
			}
			w.oneShot = w.oneShot || kind == "Job"
			w.longRunning = w.longRunning || kind == "Deployment" || kind == "StatefulSet" || kind == "DaemonSet" || kind == "ReplicaSet"
			r := d.newRun(rel)
			r.name(name)
			for _, c := range containers(doc) {
				cname, _ := c["name"].(string)
				r.name(cname)
				if cname != "" && !slices.Contains(w.containerNames, cname) {
					w.containerNames = append(w.containerNames, cname)
				}
				if img, ok := c["image"].(string); ok {
					img = d.kustomized(rel, img)
					r.image(img)
					// The workload's image is its container's of its own
					// name, else its first (a patch may list a sidecar
					// first) that is not a store's or a broker's beside
					// it (a redis listed before main). A proxy listed first
					// (nginx) serves the pod's traffic: its sidecars do not.
					if w.image == "" || cname == name && !w.imageNamed || !w.imageNamed && infrastructureImage(w.image) && !hopImage(w.image) && !infrastructureImage(imageRepo(img)) {
						w.image, w.imageNamed = imageRepo(img), cname == name
					}
					w.imageIn(rel, imageRepo(img))
				}
				if cmd, ok := c["command"].([]any); ok && len(cmd) > 0 {
					r.name(scalar(cmd[0]))
				}
				cw := w
				if cname != "" && cname != name {
					// The container is also the workload of its name,
					// which another file (a compose service) may run
					// differently: this one says how too, and with
					// which image (a container named gateway that runs
					// nginx is not the Go gateway).
					cw = d.workload(cname, rel)
					cw.deployedIn(rel)
					cw.runIn(rel)
					if img, ok := c["image"].(string); ok {
						cw.imageIn(rel, imageRepo(d.kustomized(rel, img)))
					}
				}
				args := append(words(c["command"], nil), words(c["args"], nil)...)
				w.args = append(w.args, args...)
				if cname == name {
					w.ownArgs = append(w.ownArgs, args...)
				}
				// args without a command run after the image's
				// ENTRYPOINT, as a compose command does.
				run := argRun{words: args, container: cname, afterEntry: c["command"] == nil}
				if len(args) > 0 {
					w.runWords = append(w.runWords, run)
				}
				if cw != w {
					cw.args = append(cw.args, args...)
					if len(args) > 0 {
						cw.runWords = append(cw.runWords, run)
					}
				}
				envs, _ := c["env"].([]any)
				for _, e := range envs {
					em, _ := e.(map[string]any)
					k, _ := em["name"].(string)
					if v, ok := em["value"]; ok && k != "" {
						s := scalar(v)
						w.env[k], cw.env[k] = s, s
					}
					from, _ := em["valueFrom"].(map[string]any)
					for ref, secret := range map[string]bool{"configMapKeyRef": false, "secretKeyRef": true} {
						if r, ok := from[ref].(map[string]any); ok && k != "" {
							for _, target := range uniqWorkloads(w, cw) {
								if target.bound == nil {
									target.bound = make(map[string]bool)
								}
								target.bound[k] = true
							}
							n, _ := r["name"].(string)
							rk, _ := r["key"].(string)
							for _, target := range uniqWorkloads(w, cw) {
								d.envFrom = append(d.envFrom, envSource{w: target, secret: secret, name: n, file: rel, key: k, ref: rk})
							}
						}
					}
				}
				for _, target := range uniqWorkloads(w, cw) {
					target.configMounts = append(target.configMounts, configMounts(doc, c, rel)...)
				}
				froms, _ := c["envFrom"].([]any)
				for _, e := range froms {
					em, _ := e.(map[string]any)
					prefix, _ := em["prefix"].(string)
					for ref, secret := range map[string]bool{"configMapRef": false, "secretRef": true} {
						if r, ok := em[ref].(map[string]any); ok {
							n, _ := r["name"].(string)
							for _, target := range uniqWorkloads(w, cw) {
								d.envFrom = append(d.envFrom, envSource{w: target, secret: secret, name: n, file: rel, prefix: prefix})
							}
						}
					}
				}
			}
		}
	}
}

// containers digs the containers out of a workload's pod template.
func containers(doc map[string]any) []map[string]any {
	cs, _ := podSpec(doc)["containers"].([]any)
	var out []map[string]any
	for _, c := range cs {
		if m, ok := c.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

// A kubeSelector is a Kubernetes Service's selector: the labels of the
// pods it sends its traffic to.
type kubeSelector struct {
	name, file string
	labels     map[string]string
}

// stringMap returns the string values of a YAML map.
func stringMap(v any) map[string]string {
	m, _ := v.(map[string]any)
	out := make(map[string]string, len(m))
	for k, v := range m {
		if s := scalar(v); s != "" {
			out[k] = s
		}
	}
	return out
}

// podLabels returns the labels of a workload's pods: a Pod's own, a
// Deployment's template's.
func podLabels(doc map[string]any) map[string]string {
	if kind, _ := doc["kind"].(string); kind == "Pod" {
		meta, _ := doc["metadata"].(map[string]any)
		return stringMap(meta["labels"])
	}
	spec, _ := doc["spec"].(map[string]any)
	tmpl, _ := spec["template"].(map[string]any)
	meta, _ := tmpl["metadata"].(map[string]any)
	return stringMap(meta["labels"])
}

// selectedWorkloads makes a Kubernetes Service named apart from the
// workload whose pods it selects (router-internal, selecting the router
// Deployment's pods) another name of that workload, as a compose alias
// is: a call to http://router-internal:8889 reaches the router. Only a
// Service whose selector, in every file that declares it, matches the
// pods of one long-running workload, and whose name no workload of its
// own bears (no image, no command), is one.
func (d *deployment) selectedWorkloads() {
	byName := make(map[string][]kubeSelector)
	for _, s := range d.kubeSelectors {
		byName[s.name] = append(byName[s.name], s)
	}
	for _, name := range slices.Sorted(maps.Keys(byName)) {
		sw := d.workloads[name]
		if sw == nil || sw.alias || sw.image != "" || len(sw.images) > 0 || len(sw.args) > 0 || len(sw.podLabels) > 0 {
			continue
		}
		target := ""
		for _, s := range byName[name] {
			found := ""
			for _, wn := range slices.Sorted(maps.Keys(d.workloads)) {
				w := d.workloads[wn]
				if wn == name || w.alias || !w.longRunning || !slices.ContainsFunc(w.podLabels, func(l map[string]string) bool { return selects(s.labels, l) }) {
					continue
				}
				if found != "" && found != wn {
					found = "\x00" // two workloads: which one answers is not known
					break
				}
				found = wn
			}
			if found == "" || found == "\x00" || target != "" && target != found {
				target = "\x00"
				break
			}
			target = found
		}
		if target == "" || target == "\x00" {
			continue
		}
		w := d.workloads[target]
		d.workloads[name] = &workload{name: name, env: w.env, secret: w.secret, dir: w.dir, src: w.src, args: w.args, file: sw.file, alias: true, aliasOf: target,
			image: w.image, images: w.images, deployedBy: sw.deployedBy, dockerfile: w.dockerfile, context: w.context}
	}
}

// selects reports whether a selector's labels are all among a pod's.
func selects(selector, labels map[string]string) bool {
	for k, v := range selector {
		if labels[k] != v {
			return false
		}
	}
	return len(selector) > 0
}

// podSpec digs the pod's spec out of a workload: a Pod's own, a
// Deployment's template's, a CronJob's jobTemplate's template's.
func podSpec(doc map[string]any) map[string]any {
	spec, _ := doc["spec"].(map[string]any)
	for range 3 {
		if _, ok := spec["containers"]; ok {
			return spec
		}
		next, _ := spec["template"].(map[string]any)
		if next == nil {
			next, _ = spec["jobTemplate"].(map[string]any)
		}
		spec, _ = next["spec"].(map[string]any)
		if spec == nil {
			return nil
		}
	}
	return nil
}

// A configMount is a ConfigMap a container mounts: at path, a folder of
// its keys (those items name, at their paths, when it names any), or
// with subPath the one key's file.
type configMount struct {
	path, subPath, configMap string
	items                    map[string]string // path in the folder -> key
	// container mounts it, in the manifest file (relative).
	container, file string
}

// configMounts returns the ConfigMaps container c of a workload mounts,
// in the manifest file.
func configMounts(doc, c map[string]any, file string) []configMount {
	vols := make(map[string]configMount)
	list, _ := podSpec(doc)["volumes"].([]any)
	for _, v := range list {
		vm, _ := v.(map[string]any)
		name, _ := vm["name"].(string)
		cm, _ := vm["configMap"].(map[string]any)
		cmName, _ := cm["name"].(string)
		if name == "" || cmName == "" {
			continue
		}
		m := configMount{configMap: cmName, file: file}
		m.container, _ = c["name"].(string)
		items, _ := cm["items"].([]any)
		for _, it := range items {
			im, _ := it.(map[string]any)
			key, _ := im["key"].(string)
			p, _ := im["path"].(string)
			if key != "" && p != "" {
				if m.items == nil {
					m.items = make(map[string]string)
				}
				m.items[path.Clean(p)] = key
			}
		}
		vols[name] = m
	}
	var out []configMount
	mounts, _ := c["volumeMounts"].([]any)
	for _, v := range mounts {
		vm, _ := v.(map[string]any)
		name, _ := vm["name"].(string)
		at, _ := vm["mountPath"].(string)
		m, ok := vols[name]
		if !ok || !path.IsAbs(at) {
			continue
		}
		m.path = path.Clean(at)
		m.subPath, _ = vm["subPath"].(string)
		out = append(out, m)
	}
	return out
}

// configMapFile returns the mount of a ConfigMap whose file a workload's
// container finds at an absolute path, and the key it reads, if a mount
// puts one there. Where the pod's containers mount different files
// there (a sidecar's own ConfigMap at the same path), the container of
// the workload's name is the one that runs the code; with no such
// container, the file is not known.
func (w *workload) configMapFile(name string) (m configMount, key string, ok bool) {
	name = path.Clean(name)
	type found struct {
		m   configMount
		key string
	}
	var all []found
	for _, m := range w.configMounts {
		if key, ok := m.holds(name); ok {
			all = append(all, found{m, key})
		}
	}
	if own := slices.DeleteFunc(slices.Clone(all), func(f found) bool { return f.m.container != w.name }); len(own) > 0 {
		all = own
	}
	for _, f := range all[min(1, len(all)):] {
		if f.m.configMap != all[0].m.configMap || f.key != all[0].key {
			return configMount{}, "", false
		}
	}
	if len(all) == 0 {
		return configMount{}, "", false
	}
	return all[0].m, all[0].key, true
}

// holds returns the ConfigMap's key a mount puts at an absolute path, if
// it puts one there: a file of its folder, or the one its subPath picks
// (an item's path where it lists items: the key the item names).
func (m configMount) holds(name string) (key string, ok bool) {
	rest := m.subPath
	if rest != "" {
		if name != m.path {
			return "", false
		}
		rest = path.Clean(rest)
	} else {
		var under bool
		if rest, under = strings.CutPrefix(name, m.path+"/"); !under {
			return "", false
		}
	}
	if m.items != nil {
		key, ok = m.items[rest]
		return key, ok
	}
	return rest, !strings.Contains(rest, "/")
}

// configMapDoc reads the file a ConfigMap's key holds as a config file,
// at its lines in the manifest that declares it (the one nearest the
// manifest that mounts it, from); nil where no manifest of the
// repository holds it, or the nearest disagree.
func (d *deployment) configMapDoc(root, configMap, key, from, tag string) *configDoc {
	if d == nil {
		return nil
	}
	obj, ok := nearest(d.configMaps[configMap], from)
	if !ok {
		return nil
	}
	if src := obj.sources[key]; src != "" {
		// A kustomization's generator read the key from a file: the
		// file is the config file, at its own lines.
		return readConfigDoc(root, filepath.Dir(src), filepath.Base(src), tag)
	}
	rel := obj.file
	var data []byte
	var lines []int // a rendered template's: each line's in the template
	if m, ok := d.rendered[filepath.ToSlash(rel)]; ok {
		data, lines = m.Text, m.Lines
	} else if data, ok = readSmall(d.root, filepath.Join(root, filepath.FromSlash(rel))); !ok {
		return nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var doc yaml.Node
		if dec.Decode(&doc) != nil {
			return nil
		}
		if len(doc.Content) == 0 || scalarAt(doc.Content[0], "kind") != "ConfigMap" || scalarAt(nodeAt(doc.Content[0], "metadata"), "name") != configMap {
			continue
		}
		v := nodeAt(nodeAt(doc.Content[0], "data"), key)
		if v == nil || v.Kind != yaml.ScalarNode {
			return nil
		}
		var file yaml.Node
		if yaml.Unmarshal([]byte(v.Value), &file) != nil || len(file.Content) == 0 || file.Content[0].Kind != yaml.MappingNode {
			return nil
		}
		shift := v.Line - 1 // a value on the key's line
		if v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
			shift = v.Line // a block: its text starts on the line below
		}
		shiftLines(file.Content[0], shift, lines)
		return &configDoc{file: rel, root: file.Content[0], tag: tag}
	}
}

// nodeAt returns the value of a key of a YAML mapping, or nil.
func nodeAt(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// scalarAt returns the scalar value of a key of a YAML mapping, or "".
func scalarAt(m *yaml.Node, key string) string {
	if n := nodeAt(m, key); n != nil && n.Kind == yaml.ScalarNode {
		return n.Value
	}
	return ""
}

// shiftLines moves every node of a tree down by n lines, then, where a
// template rendered the text, to the template's line that wrote it.
func shiftLines(n *yaml.Node, by int, lines []int) {
	n.Line += by
	if n.Line >= 1 && n.Line <= len(lines) {
		n.Line = lines[n.Line-1]
	}
	for _, c := range n.Content {
		shiftLines(c, by, lines)
	}
}

func (d *deployment) compose(base, rel string, services map[string]any, addon bool) {
	r := d.newRun(rel)
	d.stack(rel)
	project := base
	if addon {
		project = d.composeProject(base)
	}
	vars := d.projectEnv(project)
	expand := expander(vars)
	for _, name := range slices.Sorted(maps.Keys(services)) {
		m, _ := services[name].(map[string]any)
		image := ""
		if img, ok := m["image"].(string); ok {
			image = imageRepo(expand(img))
		}
		w := d.composeWorkload(name, rel, image)
		w.compose = true
		if m["env_file"] != nil {
			// Read where archie can: a file it cannot (not in the
			// repository, as a .env often is not) may set anything.
			w.envFile = !d.composeEnvFiles(w, base, m["env_file"], expand) || w.envFile
		}
		if m["volumes"] != nil {
			w.mountBase, w.volumes = base, m["volumes"]
		}
		if img, ok := m["image"].(string); ok {
			r.image(expand(img))
			w.image = image
			w.imageIn(rel, image)
		}
		if m["build"] != nil {
			r.name(name) // a service built from the repository's code
		}
		if ps := slices.DeleteFunc(words(m["profiles"], expand), func(p string) bool { return p == "" }); len(ps) > 0 {
			w.profiles = ps
		}
		if m["image"] != nil || m["build"] != nil || m["extends"] != nil {
			w.deployedIn(rel)
			w.runIn(rel)
		}
		if r, _ := m["restart"].(string); r == "always" || r == "unless-stopped" {
			w.longRunning = true
		}
		// Others that start once it has run to completion wait for a job
		// (a migration, a seed), not for a service.
		if deps, ok := m["depends_on"].(map[string]any); ok {
			for dep, c := range deps {
				if cm, ok := c.(map[string]any); ok && cm["condition"] == "service_completed_successfully" {
					d.workload(dep, rel).oneShot = true
				}
			}
		}
		code := codeFolder{profiles: w.profiles}
		goRunDir := "" // the folder a development container's go run runs
		if cmd := words(m["command"], expand); len(cmd) > 0 {
			r.name(cmd[0])
		}
		// An override file that says neither keeps the first file's.
		if args := append(words(m["entrypoint"], expand), words(m["command"], expand)...); len(args) > 0 {
			w.args = args
			run := argRun{words: args, afterEntry: m["entrypoint"] == nil, compose: true, entry: words(m["entrypoint"], expand)}
			// An override file's command replaces the first file's,
			// after the first file's entrypoint where it gives none.
			for i, old := range w.runWords {
				if !old.compose {
					continue
				}
				if m["entrypoint"] == nil && len(old.entry) > 0 {
					run.words, run.afterEntry, run.entry = append(slices.Clip(old.entry), args...), false, old.entry
				}
				w.runWords = slices.Delete(w.runWords, i, i+1)
				break
			}
			w.runWords = append(w.runWords, run)
		}
		// A development container that mounts the repository and runs in
		// a folder of it (go run, a file watcher) runs that folder's main.
		if wd, ok := m["working_dir"].(string); ok {
			w.workDir = expand(wd)
			w.src = mounted(base, w.workDir, m["volumes"])
			// go run there deploys the main it names (go run .,
			// go run main.go, go run ./cmd/worker), whatever it does.
			if dir := goRun(w.src, words(m["command"], expand)); w.src != "" && dir != "" {
				r.dirs[dir] = true
				code.dir = dir
				goRunDir = dir
			}
		}
		// A key given without a value takes the project's: the shell's,
		// or the .env file's beside the compose file.
		set := func(k, v string) {
			w.env[k] = v
			delete(w.fromEnvFile, k) // no env_file of another file overrides it
		}
		switch env := m["environment"].(type) {
		case map[string]any:
			for k, v := range env {
				if v == nil {
					if pv, ok := vars[k]; ok {
						set(k, pv)
					}
					continue
				}
				set(k, expand(scalar(v)))
			}
		case []any:
			for _, kv := range env {
				s, _ := kv.(string)
				if k, v, ok := strings.Cut(s, "="); ok {
					set(k, expand(v))
				} else if pv, ok := vars[s]; ok {
					set(s, pv)
				}
			}
		}
		if goRunDir != "" {
			// go run -tags pg ./cmd/orders, or GOFLAGS=-tags=pg in its
			// environment: the tags it builds with, when it has some.
			cmd := words(m["command"], expand)
			if v, ok := w.env["GOFLAGS"]; ok {
				cmd = append([]string{"GOFLAGS=" + v}, cmd...)
			}
			if tags, known := goRunTags(cmd); !known {
				r.tags[goRunDir] = unreadTags
			} else if tags != "" {
				r.tags[goRunDir] = tags
			}
		}
		switch b := m["build"].(type) {
		case string:
			w.dir = filepath.Join(base, expand(b))
		case map[string]any:
			// The context defaults to the compose file's folder, for a
			// build that names its Dockerfile; one that only adds args or
			// a target is an override merged into another file's.
			if t, ok := b["target"].(string); ok {
				w.target = strings.ToLower(expand(t))
				d.target(w.target)
			}
			c, ok := b["context"].(string)
			if _, df := b["dockerfile"].(string); !ok && df {
				c, ok = ".", true
			}
			if ok {
				w.dir = filepath.Join(base, expand(c))
			}
			switch args := b["args"].(type) {
			case map[string]any:
				w.buildArgs = make(map[string]string, len(args))
				for k, v := range args {
					if v != nil { // a null arg takes the shell's value, or the ARG's default
						w.buildArgs[k] = expand(scalar(v))
					}
				}
			case []any:
				w.buildArgs = make(map[string]string, len(args))
				for _, kv := range args {
					s, _ := kv.(string)
					if k, v, ok := strings.Cut(s, "="); ok {
						w.buildArgs[k] = expand(v)
					}
				}
			}
			// A Dockerfile below the context's root says which of
			// several mains the context holds is built; one archie cannot
			// read leaves it unknown. One outside the context says
			// nothing of it. The context's own Dockerfile, given build
			// args, may say which main they choose.
			if f, ok := b["dockerfile"].(string); !ok && len(w.buildArgs) > 0 && w.dir != "" && isFile(filepath.Join(w.dir, "Dockerfile")) {
				w.dockerfile, w.context = filepath.Join(w.dir, "Dockerfile"), w.dir
			} else if ok {
				if f = expand(f); strings.Contains(f, "$") {
					w.dir = ""
				} else if df := filepath.Dir(filepath.Join(w.dir, f)); w.dir != "" && within(filepath.ToSlash(df), filepath.ToSlash(w.dir)) {
					w.dockerfile, w.context = filepath.Join(w.dir, f), w.dir
					w.dir = df
				}
			}
		}
		if w.dir != "" {
			r.dirs[w.dir] = true // the build context is the main's folder
		}
		if m["build"] != nil && w.dir != "" {
			code.dir = w.dir
		}
		if code.dir != "" {
			d.together[rel] = append(d.together[rel], code)
		}
		for _, h := range composeAliases(m) {
			if h == name || has(services, h) || d.claimed[h] {
				continue
			}
			hw := d.workloads[h]
			if hw != nil && hw.alias && hw.aliasOf != name && hw.file == rel {
				// Two services answer to it (on networks of their
				// own): which one a caller reaches is not known.
				delete(d.workloads, h)
				d.claimed[h] = true
				continue
			}
			if hw == nil || hw.alias {
				// The alias shares the variables, and which of them are secret.
				d.workloads[h] = &workload{name: h, env: w.env, secret: w.secret, dir: w.dir, src: w.src, args: w.args, file: rel, alias: true, aliasOf: name, compose: true, image: w.image, images: w.images,
					profiles: w.profiles, deployedBy: w.deployedBy, buildArgs: w.buildArgs, dockerfile: w.dockerfile, context: w.context}
			}
		}
		for _, l := range composeLabels(m) {
			if strings.Contains(l, ".rule") {
				d.routeHosts(expand(l), []string{name}) // traefik.http.routers.api.rule=Host(`api.shop.io`)
			}
		}
	}
}

// composeAliases returns the other names a compose service answers to on
// its networks: its hostname, its container's name (Docker's resolver
// answers to it on the networks compose makes) and its networks' aliases.
func composeAliases(m map[string]any) []string {
	var out []string
	for _, k := range []string{"hostname", "container_name"} {
		if h, ok := m[k].(string); ok && h != "" {
			out = append(out, h)
		}
	}
	if nets, ok := m["networks"].(map[string]any); ok {
		for _, n := range nets {
			n, _ := n.(map[string]any)
			aliases, _ := n["aliases"].([]any)
			for _, a := range aliases {
				if a, ok := a.(string); ok && a != "" {
					out = append(out, a)
				}
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// composeLabels returns a compose service's labels as key=value, from a
// list or a map.
func composeLabels(m map[string]any) []string {
	var out []string
	switch ls := m["labels"].(type) {
	case []any:
		for _, l := range ls {
			if l, ok := l.(string); ok {
				out = append(out, l)
			}
		}
	case map[string]any:
		for k, v := range ls {
			if v, ok := v.(string); ok {
				out = append(out, k+"="+v)
			}
		}
	}
	return out
}

// hostRule finds the hosts of a Traefik rule's Host(`a`, `b`); a
// HostRegexp's patterns name no host.
var hostRule = regexp.MustCompile("Host\\(([^)]*)\\)")

// An ingressRoute is where an Ingress sends a host's requests under a
// path ("" for all).
type ingressRoute struct{ path, to string }

// pathRule finds the path prefix of a Traefik rule.
var pathRule = regexp.MustCompile("PathPrefix\\(\\s*[`\"']([^`\"']*)")

// routeHosts records the hosts a Traefik rule matches as routing to the
// named Services or workloads, under its PathPrefix when it has one.
func (d *deployment) routeHosts(rule string, to []string) {
	path := ""
	if m := pathRule.FindStringSubmatch(rule); m != nil {
		path = m[1]
	}
	for _, m := range hostRule.FindAllStringSubmatch(rule, -1) {
		for _, h := range strings.Split(m[1], ",") {
			if h = strings.ToLower(strings.Trim(strings.TrimSpace(h), "`\"'")); h != "" {
				for _, t := range to {
					d.ingress[h] = append(d.ingress[h], ingressRoute{path, t})
				}
				if len(to) == 0 {
					d.ingress[h] = append(d.ingress[h], ingressRoute{path, ""})
				}
			}
		}
	}
}

// ingressRules records the hosts of a Kubernetes Ingress and the Services
// each routes to (networking.k8s.io/v1's backend.service.name, or
// v1beta1's backend.serviceName).
func (d *deployment) ingressRules(doc map[string]any) {
	spec, _ := doc["spec"].(map[string]any)
	rules, _ := spec["rules"].([]any)
	for _, r := range rules {
		r, _ := r.(map[string]any)
		host, _ := r["host"].(string)
		if host == "" {
			continue
		}
		host = strings.ToLower(host)
		httpRule, _ := r["http"].(map[string]any)
		paths, _ := httpRule["paths"].([]any)
		if len(paths) == 0 {
			d.ingress[host] = append(d.ingress[host], ingressRoute{})
		}
		for _, p := range paths {
			p, _ := p.(map[string]any)
			path, _ := p["path"].(string)
			b, _ := p["backend"].(map[string]any)
			to := ""
			if svc, _ := b["service"].(map[string]any); svc != nil {
				to, _ = svc["name"].(string)
			} else {
				to, _ = b["serviceName"].(string)
			}
			d.ingress[host] = append(d.ingress[host], ingressRoute{path, to})
		}
	}
}

func has(m map[string]any, k string) bool {
	_, ok := m[k]
	return ok
}

// words returns a compose entrypoint or command as words: a string split
// as a shell would without quotes, or a list; expand, if not nil,
// interpolates them.
func words(v any, expand func(string) string) []string {
	if expand == nil {
		expand = func(s string) string { return s }
	}
	switch c := v.(type) {
	case string:
		return strings.Fields(expand(c))
	case []any:
		out := make([]string, 0, len(c))
		for _, e := range c {
			out = append(out, expand(scalar(e)))
		}
		return out
	}
	return nil
}

// hostPath returns the file or folder of the repository a path in the
// workload's container is, by its bind mounts; "" when none holds it.
func (w *workload) hostPath(path string) string {
	if w.volumes == nil {
		return ""
	}
	return mounted(w.mountBase, path, w.volumes)
}

// coverings is coverings for the workload's own mounts.
func (w *workload) coverings(name string) []string {
	return coverings(w.mountBase, name, w.volumes)
}

// A mount is one of a compose service's volumes: a folder of the
// repository (a bind mount of a relative path, host), or one archie
// cannot see (a named volume, a host path outside the repository, host
// ""), at the container's path ctr.
type mount struct{ host, ctr string }

// mounts reads a compose service's volumes, in the short form
// ("./config:/app/config:ro", "data:/var/lib/x") and the long one
// ({type: bind, source: ./config, target: /app/config}).
func mounts(volumes any) []mount {
	vs, _ := volumes.([]any)
	var out []mount
	for _, v := range vs {
		var host, ctr string
		switch v := v.(type) {
		case string:
			h, c, ok := strings.Cut(v, ":")
			if !ok {
				continue // an anonymous volume: nothing of the repository's
			}
			host, ctr = h, c
			ctr, _, _ = strings.Cut(ctr, ":") // :ro
		case map[string]any:
			src, _ := v["source"].(string)
			ctr, _ = v["target"].(string)
			if t, _ := v["type"].(string); t == "bind" {
				host = src
			}
		}
		if ctr == "" {
			continue
		}
		for _, pwd := range []string{"${PWD}", "$PWD"} {
			if rest, ok := strings.CutPrefix(host, pwd); ok && (rest == "" || rest[0] == '/') {
				host = "." + rest // the folder compose runs in, the project's
			}
		}
		if !strings.HasPrefix(host, ".") {
			host = "" // a named volume or a path outside the repository
		}
		out = append(out, mount{host, path.Clean(ctr)})
	}
	return out
}

// volumeAt returns the file or folder of the repository a container path
// is, by the bind mounts of a compose service ("./internal:/internal"),
// or "" with covered true where a mount archie cannot see puts it there,
// or "" and false where no mount covers it. The longest mount wins.
func volumeAt(base, p string, volumes any) (host string, covered bool) {
	bestLen := -1
	for _, m := range mounts(volumes) {
		rest, ok := strings.CutPrefix(p, strings.TrimSuffix(m.ctr, "/"))
		if !ok || rest != "" && rest[0] != '/' || len(m.ctr) <= bestLen {
			continue
		}
		bestLen, covered, host = len(m.ctr), true, ""
		if m.host != "" {
			host = filepath.Join(base, m.host, rest)
		}
	}
	return host, covered
}

// mounted returns the folder of the repository a container path is, by
// the bind mounts of a compose service, or "".
func mounted(base, path string, volumes any) string {
	host, _ := volumeAt(base, path, volumes)
	return host
}

// coverings returns what the mounts of a compose service whose working
// folder is not known may put at the relative path name: for each mount
// at a folder that ends as name's does (/app/config for
// config/app.json), the repository's file it holds there, or "" for one
// archie cannot see.
func coverings(base, name string, volumes any) []string {
	var out []string
	for _, m := range mounts(volumes) {
		for dir := path.Clean(name); dir != "." && dir != "/"; dir = path.Dir(dir) {
			if strings.HasSuffix(m.ctr, "/"+dir) {
				file := ""
				if m.host != "" {
					rest := strings.TrimPrefix(strings.TrimPrefix(path.Clean(name), dir), "/")
					file = filepath.Join(base, m.host, filepath.FromSlash(rest))
				}
				out = append(out, file)
				break
			}
		}
	}
	return out
}

// joinsNetwork reports whether a compose file joins a network another
// project made (networks: {base: {external: true}}): an add-on to that
// project.
func joinsNetwork(doc map[string]any) bool {
	nets, _ := doc["networks"].(map[string]any)
	for _, n := range nets {
		if m, ok := n.(map[string]any); ok && m["external"] == true {
			return true
		}
	}
	return false
}

// mergesInto reports whether a compose file in folder dir, with no .env
// of its own, declares a network the compose file of the project folder
// above it (composeProject) declares too: an add-on written to be merged
// into that project (docker compose -f docker/docker-compose.yml -f
// docker/addons/bootstrap/docker-compose.yml), whose .env it reads.
func (d *deployment) mergesInto(dir string, doc map[string]any) bool {
	var nets []string
	if m, ok := doc["networks"].(map[string]any); ok {
		for n := range m {
			if n != "default" { // every project has one
				nets = append(nets, n)
			}
		}
	}
	project := d.composeProject(dir)
	if len(nets) == 0 || project == dir {
		return false
	}
	// And it needs the project's .env: a variable it uses with no
	// default of its own is set there. A project of its own would run
	// with it empty.
	vars := d.projectEnv(project)
	needs := false
	var walk func(v any)
	walk = func(v any) {
		switch w := v.(type) {
		case string:
			for _, m := range bareVar.FindAllStringSubmatch(w, -1) {
				if _, ok := vars[m[1]]; ok {
					needs = true
				}
			}
		case map[string]any:
			for _, x := range w {
				walk(x)
			}
		case []any:
			for _, x := range w {
				walk(x)
			}
		}
	}
	walk(doc["services"])
	if !needs {
		return false
	}
	for _, name := range []string{"compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"} {
		data, ok := readLimited(d.root, filepath.Join(project, name), 4<<20)
		if !ok {
			continue
		}
		var parent struct {
			Networks map[string]any `yaml:"networks"`
		}
		if yaml.Unmarshal(data, &parent) != nil {
			continue
		}
		for _, n := range nets {
			if _, ok := parent.Networks[n]; ok {
				return true
			}
		}
	}
	return false
}

// bareVar is a ${VAR} with no default or check of its own.
var bareVar = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)\}`)

// composeProject returns the folder whose .env gives the variables of an
// add-on compose file (see joinsNetwork, mergesInto) in folder dir: its own, or, when
// it has none, the nearest folder above with a compose file and a .env.
// The add-on runs with that project's (docker compose -f
// docker/docker-compose.yaml -f docker/addons/reader/docker-compose.yaml),
// whose folder is the project's.
func (d *deployment) composeProject(dir string) string {
	if isFile(filepath.Join(dir, ".env")) {
		return dir
	}
	for up := filepath.Dir(dir); within(filepath.ToSlash(up), filepath.ToSlash(d.root)) && up != dir; dir, up = up, filepath.Dir(up) {
		if !isFile(filepath.Join(up, ".env")) {
			continue
		}
		for _, name := range []string{"compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"} {
			if isFile(filepath.Join(up, name)) {
				return up
			}
		}
	}
	return dir
}

// projectEnv returns the variables of the .env file of a compose project
// folder: what ${VAR} in its compose files and keys given without a value
// stand for.
func (d *deployment) projectEnv(dir string) map[string]string {
	if vars, ok := d.dotenv[dir]; ok {
		return vars
	}
	vars := make(map[string]string)
	if data, ok := readSmall(d.root, filepath.Join(dir, ".env")); ok {
		vars = parseEnvFile(data)
	}
	d.dotenv[dir] = vars
	return vars
}

// composeEnvFiles sets a compose service's variables from its env_file
// (a path, a list of paths, or of {path, required}), before its
// environment, which overrides them, and reports whether it read every
// file it must. A file marked required: false that is not there sets
// nothing.
func (d *deployment) composeEnvFiles(w *workload, base string, spec any, expand func(string) string) bool {
	type envFile struct {
		path     string
		required bool
	}
	var files []envFile
	switch v := spec.(type) {
	case string:
		files = append(files, envFile{v, true})
	case []any:
		for _, e := range v {
			switch e := e.(type) {
			case string:
				files = append(files, envFile{e, true})
			case map[string]any:
				p, _ := e["path"].(string)
				req, set := e["required"].(bool)
				files = append(files, envFile{p, req || !set})
			default:
				return false
			}
		}
	default:
		return false
	}
	all := true
	for _, f := range files {
		path := expand(f.path)
		if path == "" || strings.Contains(path, "$") {
			all = false
			continue
		}
		abs := filepath.Join(base, filepath.FromSlash(path))
		data, ok := readSmall(d.root, abs)
		fromTemplate := false
		if !ok && !isFile(abs) {
			// The project's .env, which .gitignore hides, in the
			// template kept in its place: its values, though the
			// file each machine makes may set more.
			if file, tdata, found := readOrTemplate(d.root, abs); found && file != abs {
				abs, data, ok, fromTemplate = file, tdata, true, true
				all = false
			}
		}
		if !ok {
			all = all && !f.required && !isFile(abs)
			continue
		}
		rel, err := filepath.Rel(d.root, abs)
		if err != nil {
			rel = abs
		}
		for k, v := range parseEnvFile(data) {
			if fromTemplate && placeholder.MatchString(v) {
				continue // a template's <your-db-host>
			}
			if _, set := w.env[k]; set && w.fromEnvFile[k] == "" || v == "" {
				// environment, in whichever file of the project,
				// overrides an env_file; a blank KEY= is left to be
				// filled in, and getenv's fallback then holds.
				continue
			}
			if w.fromEnvFile == nil {
				w.fromEnvFile = make(map[string]string)
			}
			w.env[k], w.fromEnvFile[k] = v, filepath.ToSlash(rel)
		}
	}
	return all
}

// parseEnvFile reads the KEY=value lines of an env file.
func parseEnvFile(data []byte) map[string]string {
	vars := make(map[string]string)
	expand := expander(vars)
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "export "))
		k, v, ok := strings.Cut(line, "=")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		literal := false // single-quoted: used as written
		if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') {
			if end := strings.IndexByte(v[1:], v[0]); end >= 0 {
				literal = v[0] == '\''
				v = v[1 : end+1]
			}
		} else if i := strings.Index(v, " #"); i >= 0 {
			v = strings.TrimSpace(v[:i])
		}
		// Values may name earlier ones: CART_ADDR=cart:${CART_PORT}.
		if !literal {
			v = expand(v)
		}
		vars[k] = v
	}
	return vars
}

// loadsEnv records the env files a service's code loads itself
// (godotenv.Load(".env")), each as the first of the folders from its
// main's up to its module's that holds it: the folder it is run in, with
// go run, is one of them. They give what its environment does not.
func (d *deployment) loadsEnv(entryDir string, names []envName) {
	var files []envName
	for _, n := range names {
		name := n.name
		if filepath.IsAbs(name) {
			continue // the machine's, not the repository's
		}
		for dir := entryDir; within(filepath.ToSlash(dir), filepath.ToSlash(d.root)); dir = filepath.Dir(dir) {
			f := filepath.Join(dir, filepath.FromSlash(name))
			if isFile(f) {
				if data, ok := readSmall(d.root, f); ok {
					files = append(files, envName{name: f, override: n.override, vars: parseEnvFile(data)})
				}
				break
			}
			if filepath.Clean(dir) != filepath.Clean(d.root) {
				// The template kept in its place, below the root (the
				// root's is the compose project's): its values but
				// placeholders.
				if t, data, ok := readOrTemplate(d.root, f); ok {
					vars := parseEnvFile(data)
					maps.DeleteFunc(vars, func(_, v string) bool { return placeholder.MatchString(v) })
					files = append(files, envName{name: t, override: n.override, vars: vars})
					break
				}
			}
			if isFile(filepath.Join(dir, "go.mod")) || dir == d.root {
				break
			}
		}
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.loaded == nil {
		d.loaded = make(map[string][]envName)
	}
	d.loaded[entryDir] = files
}

// An envName is an env file a program loads: with godotenv's Load, a
// variable already set keeps its value; with Overload, the file's wins.
type envName struct {
	name     string
	override bool
	vars     map[string]string // the file's, read once when it is found
}

// loadedEnv returns the value the env files a service loads itself give
// key, and the file, when no workload runs the service: one that does
// sets its environment, and its image seldom holds the repository's
// env files.
func (d *deployment) loadedEnv(svc *Service, entryDir, key string) (value, file string, ok bool) {
	d.mu.Lock()
	files := d.loaded[entryDir]
	d.mu.Unlock()
	if len(files) == 0 || !d.runsFromSource(svc, entryDir) {
		return "", "", false
	}
	for _, f := range files {
		v, set := f.vars[key]
		switch {
		case !set:
		case f.override: // the last Overload's value wins
			value, file, ok = v, relTo(d.root, f.name), true
		case !ok: // the first Load's, unless overridden
			value, file, ok = v, relTo(d.root, f.name), true
		}
	}
	return value, file, ok
}

// runsFromSource reports whether a service runs from the repository's
// source on the machine (go run, with the env files it loads): no
// workload, Dockerfile, chart, template or container tool runs it, and
// no workload of the system runs anything but the images of databases
// and brokers.
func (d *deployment) runsFromSource(svc *Service, entryDir string) bool {
	if d.containerTools || len(d.charts) > 0 || len(d.templated) > 0 || len(d.forService(svc, entryDir)) > 0 {
		return false
	}
	if d.runsServiceWhere(svc, entryDir, func(file string) bool { return isDockerfile(path.Base(file)) }) != "" {
		return false
	}
	for _, w := range d.workloads {
		if w.dir != "" || w.src != "" || w.dockerfile != "" || !infrastructureImage(w.image) {
			return false
		}
	}
	return true
}

var composeVar = regexp.MustCompile(`\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)`)

// interpolate replaces the ${VAR}, ${VAR:-default} and $VAR of a compose
// value whose variable is known, or that has a default; the others stay
// as they are. $$ is a literal $, as compose writes a variable left to the
// container's shell ($$PORT). A value that would grow past maxValue stays
// as it is: ${A}${A}… of a long A is no address.
func interpolate(s string, vars map[string]string) string {
	if !strings.Contains(s, "$") {
		return s
	}
	size := len(s)
	out := composeVar.ReplaceAllStringFunc(s, func(ref string) string {
		if size > maxValue {
			return ref
		}
		if ref == "$$" {
			size--
			return "$"
		}
		m := composeVar.FindStringSubmatch(ref)
		name := m[1] + m[4]
		v, ok := vars[name]
		switch {
		case ok && (v != "" || m[2] != ":-"):
		case m[2] == ":-" || m[2] == "-":
			v = m[3]
		default:
			return ref
		}
		size += len(v) - len(ref)
		return v
	})
	if size > maxValue {
		return s
	}
	return out
}

// maxValue bounds what interpolation makes of one value.
const maxValue = 1 << 16

// expander returns interpolate with vars, for the values of one file:
// what it adds to all of them together is bounded too, as many values
// of ${A} each would multiply a long A.
func expander(vars map[string]string) func(string) string {
	budget := 1 << 20
	return func(s string) string {
		if budget <= 0 {
			return s
		}
		out := interpolate(s, vars)
		budget -= len(out) - len(s)
		return out
	}
}

func uniqWorkloads(a, b *workload) []*workload {
	if a == b {
		return []*workload{a}
	}
	return []*workload{a, b}
}

func (d *deployment) workload(name, file string) *workload {
	w := d.workloads[name]
	if w == nil || w.alias { // a hostname, until a service of that name
		w = &workload{name: name, env: make(map[string]string), secret: make(map[string]string), file: file}
		d.workloads[name] = w
	}
	if f := kindFolder(file); !slices.Contains(w.folders, f) {
		w.folders = append(w.folders, f)
	}
	return w
}

// composeWorkload returns the workload a compose file declares: the one
// of its name, unless other compose files run another image under that
// name (jaeger's all-in-one image in one file, its v2 binary's in
// another). Then it is a program of its own, with its own settings,
// found by the image, not by the name: the files' hostnames stay the
// first's. An entry that names no image (an override's few keys) adds to
// the one its folder's files declare.
func (d *deployment) composeWorkload(name, file, image string) *workload {
	w := d.workloads[name]
	switch {
	case w == nil || w.alias || !w.compose || w.image == "":
		return d.workload(name, file)
	case image == "":
		return d.workload(d.declaredBeside(name, file), file)
	case w.image == image || len(w.images[file]) > 0:
		return d.workload(name, file)
	}
	key := name + "\x00" + image
	if d.workloads[key] == nil {
		d.workloads[key] = &workload{name: name, env: make(map[string]string), secret: make(map[string]string), file: file, compose: true}
		if d.splits == nil {
			d.splits = make(map[string][]string)
		}
		d.splits[name] = append(d.splits[name], key)
	}
	return d.workload(key, file)
}

// declaredBeside returns the key of the workload of a name that a compose
// file in the folder of file declares, where compose files run several
// programs under that name: the one the file overrides
// (docker-compose.override.yml is docker-compose.yml's), else the one
// declared there; the first file's when none is, or several are.
func (d *deployment) declaredBeside(name, file string) string {
	if len(d.splits[name]) == 0 {
		return name
	}
	dir := path.Dir(filepath.ToSlash(file))
	overrides := strings.Replace(path.Base(filepath.ToSlash(file)), ".override", "", 1)
	var beside []string
	for _, k := range append([]string{name}, d.splits[name]...) {
		f := filepath.ToSlash(d.workloads[k].file)
		if path.Dir(f) != dir {
			continue
		}
		if path.Base(f) == overrides {
			return k
		}
		beside = append(beside, k)
	}
	if len(beside) == 1 {
		return beside[0]
	}
	return name
}

// containers returns how many containers the workload runs side by side
// where a file declares it: a pod's every one (a sidecar beside its own).
func (w *workload) containers() int {
	if len(w.containerNames) > 0 {
		// A pod's containers are named: a chart's template read under
		// several values files gives its one container several images
		// (cr.flyte.org/flyteorg/flyte-binary-v2, flyte-binary-v2).
		return len(w.containerNames)
	}
	n := 0
	for _, imgs := range w.images {
		n = max(n, len(imgs))
	}
	return n
}

// stack records a file that starts services side by side.
func (d *deployment) stack(rel string) {
	if d.stacks == nil {
		d.stacks = make(map[string]bool)
	}
	d.stacks[rel] = true
}

// kindFolder names the folder of a deployment file with its kind: compose
// files, Terraform, other YAML (manifests, Dapr's).
func kindFolder(file string) string {
	file = filepath.ToSlash(file)
	kind := path.Ext(file)
	if kind == ".yml" {
		kind = ".yaml"
	}
	if composeFile(file) {
		kind = "compose"
	}
	return kind + ":" + path.Dir(file)
}

// composeFile reports whether a deployment file, by its slash path, is a
// compose file: its name says compose.
func composeFile(file string) bool {
	return strings.Contains(path.Base(file), "compose")
}

// declaredApart reports whether files of one kind in two folders declare
// a workload of w's name: a compose file per service, each calling its
// own app; a manifest per service, each a Deployment app in its own
// namespace. A compose file and a manifest naming one workload are one.
func (w *workload) declaredApart() bool {
	kinds := make(map[string]bool)
	for _, f := range w.folders {
		kind, _, _ := strings.Cut(f, ":")
		if kinds[kind] {
			return true
		}
		kinds[kind] = true
	}
	return false
}

func scalar(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case nil:
		return ""
	default:
		out, _ := yaml.Marshal(v)
		return strings.TrimSpace(string(out))
	}
}

// forService returns the workloads that deploy the service: built from
// its entry's folder (a compose build context, a Dockerfile's go build),
// or running the project's own image of its name, or of its name once
// punctuation is ignored, unless each image it runs is the project's own
// image of another service (compose's jaeger running
// jaegertracing/all-in-one runs all-in-one).
func (d *deployment) forService(svc *Service, entryDir string) []*workload {
	var out []*workload
	for _, w := range d.workloads {
		if w.alias {
			continue // another name of a workload: its settings are that one's
		}
		if !w.runs(svc.Run, d.commands) {
			continue // another of the services its binary runs
		}
		switch {
		case d.runsInfrastructure(w):
			continue
		case entryDir != "" && d.builds(w, entryDir):
		case d.runsImageOf(w, func(o *Service) bool { return o == svc }):
		case d.commandRuns(w, svc):
		case norm(w.name) == norm(svc.Name) && !d.runsOthersImages(w, svc) && !d.runsPulledInfrastructure(w) && !d.imagesBuildOthers(w, svc):
		default:
			continue
		}
		out = append(out, w)
	}
	// Two programs of one name (composeWorkload) in a stable order.
	slices.SortFunc(out, func(a, b *workload) int {
		return cmp.Or(cmp.Compare(a.name, b.name), cmp.Compare(a.image, b.image), cmp.Compare(a.file, b.file))
	})
	return out
}

// imageSays reports whether what a workload runs may be read from its
// images: nothing says it is built from the repository's code, and its
// command names no main.
func (d *deployment) imageSays(w *workload) bool {
	return len(w.images) > 0 && w.dir == "" && w.src == "" && w.dockerfile == "" && w.context == "" && !d.commandNamesMain(w)
}

// runsImageOf reports whether, in some file, a workload runs the
// project's own image of a service that is.
func (d *deployment) runsImageOf(w *workload, is func(*Service) bool) bool {
	if !d.imageSays(w) {
		return false
	}
	for _, imgs := range w.images {
		for _, img := range imgs {
			if o := d.imageService(img); o != nil && is(o) {
				return true
			}
		}
	}
	return false
}

// runsOthersImages reports whether, in every file, each image a workload
// runs is the project's own image of a service other than svc: its name
// is not svc's to claim.
func (d *deployment) runsOthersImages(w *workload, svc *Service) bool {
	if !d.imageSays(w) {
		return false
	}
	for _, imgs := range w.images {
		if !d.othersImages(imgs, svc) {
			return false
		}
	}
	return true
}

// runsPulledInfrastructure reports whether, in every file, each image a
// workload runs is infrastructure pulled as it is (nginx, envoy, redis):
// a compose service or a container named gateway that runs nginx is not
// the Go gateway, whatever its name.
func (d *deployment) runsPulledInfrastructure(w *workload) bool {
	if !d.imageSays(w) {
		return false
	}
	for _, imgs := range w.images {
		if !d.pulledInfrastructure(imgs) {
			return false
		}
	}
	return true
}

// pulledInfrastructure reports whether each of the images one file runs
// a workload from is an infrastructure image that no Dockerfile of the
// repository builds and that is not in the project's own namespace.
func (d *deployment) pulledInfrastructure(imgs []string) bool {
	for _, img := range imgs {
		if !infrastructureImage(img) || d.imageDockerfile(img) != "" || d.ownImage(img) {
			return false
		}
	}
	return len(imgs) > 0
}

// othersImages reports whether each of the images one file runs a
// workload from is the project's own image of a service other than svc.
func (d *deployment) othersImages(imgs []string, svc *Service) bool {
	for _, img := range imgs {
		if o := d.imageService(img); o == svc || o == nil && !d.buildsOthers(img, svc) {
			return false
		}
	}
	return true
}

// imagesBuildOthers reports whether every image a workload runs, in every
// file, is built from the repository by Dockerfiles that build other
// mains than svc's: whatever its name or its command says (a container
// named manager running /manager), it runs one of those.
func (d *deployment) imagesBuildOthers(w *workload, svc *Service) bool {
	if len(w.images) == 0 {
		return false
	}
	for _, imgs := range w.images {
		for _, img := range imgs {
			if !d.buildsOthers(img, svc) {
				return false
			}
		}
	}
	return true
}

// buildsOthers reports whether an image is built by a Dockerfile whose go
// builds build mains, each known and none svc's (kubebuilder's
// controller image, built from executor/cmd, run by a container named
// manager, is not the manager/cmd main's).
func (d *deployment) buildsOthers(img string, svc *Service) bool {
	df, ctx := d.imageBuild(img)
	pkgs := d.goBuilds[df]
	if df == "" || len(pkgs) == 0 || svc.EntryDir == "" {
		return false
	}
	own := filepath.Join(d.root, filepath.FromSlash(svc.EntryDir))
	for _, pkg := range pkgs {
		dir := d.importDir(pkg)
		if dir == "" || strings.HasPrefix(pkg, ".") {
			dir = filepath.Join(ctx, filepath.FromSlash(pkg))
		}
		if strings.Contains(pkg, "$") || !holdsMain(dir) || filepath.Clean(dir) == filepath.Clean(own) {
			return false // a build archie cannot place, or svc's own
		}
	}
	return true
}

// commandRuns reports whether a workload's command names svc's main, and
// no build archie read says what its image holds: fission's router runs
// ghcr.io/fission/fission-bundle with command /fission-bundle, the binary
// goreleaser builds from cmd/fission-bundle, whatever the workload is
// called. A pod's container, a workload of its own name, is judged with
// its pod; an image a Dockerfile archie reads builds (a kubebuilder
// image whose go build writes /manager) holds what that build says.
func (d *deployment) commandRuns(w *workload, svc *Service) bool {
	if w.dir != "" || w.src != "" || w.image == "" {
		return false
	}
	if df, _ := d.imageBuild(w.image); df != "" {
		return false
	}
	args := programArgs(w.command())
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return false
	}
	d.imageMu.Lock()
	defer d.imageMu.Unlock()
	svcs := d.imageIndex()[norm(path.Base(args[0]))]
	return slices.Contains(svcs, svc) && !slices.ContainsFunc(svcs, func(o *Service) bool { return o.Entry != svc.Entry })
}

// commandNamesMain reports whether a workload's command names a main of
// the repository (/usr/local/bin/worker in an image of several
// programs): the command, not the image, says what it runs.
func (d *deployment) commandNamesMain(w *workload) bool {
	args := programArgs(w.args)
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return false
	}
	d.imageMu.Lock()
	defer d.imageMu.Unlock()
	return len(d.imageIndex()[norm(path.Base(args[0]))]) > 0
}

// imageService returns the service a project's own image runs: an image
// in the namespace of the repository's owner, named after one service's
// main (its name or its folder's) as it is or once the project's name
// is set aside (jaegertracing/jaeger-collector in
// github.com/jaegertracing/jaeger runs collector). nil for another
// namespace's image, one a Dockerfile archie reads builds with go build
// (which says what it runs), or one that names no service or several.
func (d *deployment) imageService(image string) *Service {
	d.imageMu.Lock()
	defer d.imageMu.Unlock()
	if o, ok := d.imageServices[image]; ok {
		return o
	}
	parts := strings.Split(image, "/")
	base := parts[len(parts)-1]
	var found *Service
	switch {
	case !d.ownImage(image):
	case len(d.goBuilds[d.imageDockerfile(image)]) > 0:
	default:
		names := []string{base}
		for _, sep := range []string{"-", "_", "."} {
			if rest, ok := strings.CutPrefix(strings.ToLower(base), strings.ToLower(d.project)+sep); ok && rest != "" {
				names = append(names, rest)
			}
		}
		for _, name := range names {
			if svcs := d.imageIndex()[norm(name)]; len(svcs) > 0 {
				if len(svcs) == 1 {
					found = svcs[0]
				}
				break
			}
		}
	}
	if d.imageServices == nil {
		d.imageServices = make(map[string]*Service)
	}
	d.imageServices[image] = found
	return found
}

// ownImage reports whether an image is in a namespace of the
// repository's owner (see ownNamespace).
func (d *deployment) ownImage(image string) bool {
	parts := strings.Split(image, "/")
	return d.owner != "" && slices.ContainsFunc(parts[:len(parts)-1], d.ownNamespace)
}

// ownNamespace reports whether an image's namespace is the project's
// owner's: its name, or the start of it of five letters or more (the
// owner openimsdk's images are openim's).
func (d *deployment) ownNamespace(ns string) bool {
	o, n := strings.ToLower(d.owner), strings.ToLower(ns)
	return o == n || len(n) >= 5 && strings.HasPrefix(o, n)
}

// imageDockerfile returns the Dockerfile an image is built with, if
// archie reads one.
func (d *deployment) imageDockerfile(image string) string {
	df, _ := d.imageBuild(image)
	return df
}

// imageIndex returns the services by the names an image may call them:
// their names and their mains' folders, the project's name for a main at
// the root (whose folder is the checkout's, named as anyone cloned it).
// The caller holds imageMu.
func (d *deployment) imageIndex() map[string][]*Service {
	if d.byImageName != nil {
		return d.byImageName
	}
	d.byImageName = make(map[string][]*Service)
	add := func(name string, svc *Service) {
		if k := norm(name); k != "" && !slices.Contains(d.byImageName[k], svc) {
			d.byImageName[k] = append(d.byImageName[k], svc)
		}
	}
	for _, svc := range d.services {
		entry := svc.entryAbs(d.root)
		if entry == "" || filepath.Clean(entry) == filepath.Clean(d.root) || realPath(entry) == d.root {
			add(d.project, svc)
			continue
		}
		add(svc.Name, svc)
		add(filepath.Base(entry), svc)
	}
	return d.byImageName
}

// noteNames forgets what the services' names said of images: one was
// renamed.
func (d *deployment) noteNames() {
	d.imageMu.Lock()
	d.byImageName, d.imageServices = nil, nil
	d.imageMu.Unlock()
}

// imageIn records the image a file runs a workload from.
func (w *workload) imageIn(file, image string) {
	if image == "" || slices.Contains(w.images[file], image) {
		return
	}
	if w.images == nil {
		w.images = make(map[string][]string)
	}
	w.images[file] = append(w.images[file], image)
}

// module records the owner and name of the project from a go.mod, at
// rel below the root, that is nearer the root than any read before.
func (d *deployment) module(rel string) {
	depth := strings.Count(filepath.ToSlash(rel), "/")
	if d.owner != "" && depth >= d.modDepth {
		return
	}
	data, ok := readSmall(d.root, filepath.Join(d.root, rel))
	if !ok {
		return
	}
	parts := strings.Split(modfile.ModulePath(data), "/")
	if len(parts) < 3 || !strings.Contains(parts[0], ".") {
		return // no host/owner/project path
	}
	d.owner, d.project, d.modDepth = parts[1], parts[2], depth
}

// onHost reports whether a service runs on the machine itself, beside the
// repository's other services: nothing in the repository runs its code in
// a container or on a machine of its own. No Dockerfile, Procfile,
// Kubernetes object, Helm chart, template archie cannot render, Dapr app
// or container tool, and compose runs only third-party images (the
// databases and brokers the services use, started beside them).
func (d *deployment) onHost(svc *Service, entryDir string) bool {
	if d == nil || d.containerTools || len(d.charts) > 0 || len(d.templated) > 0 || len(d.forService(svc, entryDir)) > 0 {
		return false
	}
	for _, r := range d.runs {
		if base := path.Base(r.file); isDockerfile(base) || base == "Procfile" {
			return false
		}
	}
	for _, w := range d.workloads {
		if !w.compose || w.dir != "" || w.src != "" || w.dockerfile != "" || w.context != "" || !infrastructureImage(w.image) {
			return false
		}
	}
	// With no deployment file at all, where the services run is not
	// known (another repository deploys them): a compose file of their
	// databases says they run beside it.
	return len(d.workloads) > 0
}

// infrastructureImages are the images of the databases, brokers and
// tools a compose file starts beside services run on the machine, by
// their name's last element; infrastructureFamilies by its start (one
// ends -contrib-dev, another -alpine). Any other image may be a service's
// (acme/kafka-consumer is no Kafka).
var infrastructureImages = map[string]bool{"mysql": true, "mariadb": true, "postgres": true, "postgresql": true, "mongodb": true, "postgis": true, "redis": true, "mongo": true,
	"etcd": true, "elasticsearch": true, "opensearch": true, "kibana": true, "grafana": true, "prometheus": true, "all-in-one": true,
	"jaeger": true, "zipkin": true, "loki": true, "tempo": true, "promtail": true, "kafka": true, "cp-kafka": true, "zookeeper": true,
	"cp-zookeeper": true, "rabbitmq": true, "nats": true, "nats-streaming": true, "nsq": true, "consul": true, "vault": true, "minio": true,
	"localstack": true, "memcached": true, "cassandra": true, "scylla": true, "clickhouse-server": true, "nginx": true, "traefik": true,
	"envoy": true, "haproxy": true, "mailhog": true, "mailpit": true, "adminer": true, "pgadmin4": true, "phpmyadmin": true,
	"redis-commander": true, "kafka-ui": true, "keycloak": true, "nacos-server": true, "pulsar": true, "redpanda": true,
	"dynamodb-local": true, "azurite": true, "mssql-server": true, "cockroach": true, "emqx": true, "mosquitto": true, "kong": true,
	"apisix": true, "influxdb": true, "neo4j": true, "arangodb": true, "couchdb": true, "couchbase": true, "dragonfly": true,
	"valkey": true, "kafdrop": true, "akhq": true, "cp-schema-registry": true, "elasticmq": true, "elasticmq-native": true}

var infrastructureFamilies = []string{"opentelemetry-collector", "otel-collector", "victoria-metrics", "victoriametrics"}

// hopImage reports whether an infrastructure image serves requests on
// their way somewhere (a proxy, an API gateway, an identity provider, a
// mail server): a call to it waits on it as on a service.
func hopImage(image string) bool {
	switch image[strings.LastIndexByte(image, '/')+1:] {
	case "nginx", "traefik", "envoy", "haproxy", "kong", "apisix", "keycloak", "mailhog", "mailpit":
		return true
	}
	return false
}

// infrastructureImage reports whether an image, without tag, is one of
// the infrastructure's.
func infrastructureImage(image string) bool {
	if image == "" {
		return false
	}
	base := image[strings.LastIndexByte(image, '/')+1:]
	if infrastructureImages[base] {
		return true
	}
	for _, p := range infrastructureFamilies {
		if strings.HasPrefix(base, p) {
			return true
		}
	}
	return false
}

// buildTags returns the build tags the deployment builds a service's main
// with, in tagSet's form ("" for none), each with a file that says so: the
// go build commands that build its folder, and the Dockerfiles of its
// workloads. Several say the builds disagree; none, that no file says.
func (d *deployment) buildTags(svc *Service, entryDir, root string) map[string]string {
	out := make(map[string]string)
	say := func(tags, file string) {
		if _, ok := out[tags]; !ok {
			out[tags] = file
		}
	}
	// The workloads' first: a Dockerfile whose tags a build arg decides
	// says, for a workload, what its image's build arg makes them.
	type said struct{ tags, file string }
	var workloads []said
	resolved := make(map[string]bool) // Dockerfiles, relative, whose unread tags a workload's args read
	for _, w := range d.forService(svc, entryDir) {
		df := w.dockerfile
		if imgs := w.runImages(); df == "" && len(imgs) == 1 {
			df, _ = d.imageBuild(imageRepo(imgs[0]))
		}
		if df == "" && w.compose && w.dir != "" {
			// build: ./orders builds ./orders/Dockerfile, with its
			// ARGs' defaults.
			df = filepath.Join(w.dir, "Dockerfile")
		}
		if t, ok := d.dockerTags[df]; ok {
			if t == unreadTags {
				if made, ok := d.argTags(w, df); ok {
					t = made // RUN make $SVC, SVC the build arg of the workload's image
					resolved[relTo(root, df)] = true
				}
			}
			workloads = append(workloads, said{t, relTo(root, df)})
		}
	}
	for _, r := range d.runs {
		if t, ok := r.tags[entryDir]; ok && entryDir != "" && !(t == unreadTags && resolved[r.file]) {
			say(t, r.file)
		}
	}
	for _, w := range workloads {
		say(w.tags, w.file)
	}
	return out
}

// oneShot reports whether every deployment of a service is a job that
// runs to completion, and there is one.
func (d *deployment) oneShot(svc *Service, entryDir string) bool {
	ws := d.forService(svc, entryDir)
	for _, w := range ws {
		if !w.oneShot {
			return false
		}
	}
	return len(ws) > 0
}

// onlyImageBuilds reports whether every file that deploys a main only
// builds it, and no workload runs it: a Dockerfile, or a goreleaser
// release (the binaries it publishes, and images of them). A compose
// file, manifest, chart, Procfile or script that runs it deploys it.
func (d *deployment) onlyImageBuilds(svc *Service, entryDir string) bool {
	if d == nil || entryDir == "" || len(d.forService(svc, entryDir)) > 0 {
		return false
	}
	found := false
	for _, r := range d.runs {
		if d.runsServiceWhere(svc, entryDir, func(file string) bool { return file == r.file }) == "" {
			continue
		}
		if base := filepath.Base(r.file); !isDockerfile(base) && !strings.Contains(base, "goreleaser") || d.workloadBuilds(filepath.Join(d.root, filepath.FromSlash(r.file)), entryDir) {
			return false
		}
		found = true
	}
	return found
}

// runsImageNamed reports whether a workload runs an image named as a main
// is, or ending in its name after a dash (org/shop-demo-api for
// demo-api).
func (d *deployment) runsImageNamed(name string) bool {
	if d == nil || name == "" {
		return false
	}
	for _, w := range d.workloads {
		for _, img := range w.runImages() {
			base := path.Base(imageRepo(img))
			if base == name || strings.HasSuffix(base, "-"+name) {
				return true
			}
		}
	}
	return false
}

// workloadBuilds reports whether a workload runs the main in entryDir
// that a Dockerfile builds: compose builds it, or runs an image built
// with it, and runs no other program of it.
func (d *deployment) workloadBuilds(df, entryDir string) bool {
	for _, w := range d.workloads {
		if d.runsOtherBuilt(w, df, entryDir) {
			continue
		}
		if filepath.Clean(w.targetFile()) == filepath.Clean(df) {
			return true
		}
		for _, img := range w.runImages() {
			if b, _ := d.imageBuild(imageRepo(img)); b != "" && filepath.Clean(b) == filepath.Clean(df) {
				return true
			}
		}
	}
	return false
}

// launchedOnly reports whether a service's image is one another service
// launches, and nothing else runs (launched).
func (d *deployment) launchedOnly(svc *Service, entryDir string) bool {
	l := d.launched(svc, entryDir)
	return l != nil && (l.held || len(l.by) > 0)
}

// launch is how another program launches a service's image.
type launch struct {
	// held says a Job or Pod template a ConfigMap holds names it.
	held bool
	// by are the workloads whose environment or arguments name it.
	by []*workload
	// named reports whether a value names one of its images; ownNamed,
	// whether a value of code does: an image of the project's own, by
	// one of its exact names.
	named, ownNamed func(v string) bool
}

// launched returns how a service's image is launched, where nothing runs
// it: no workload runs it, and a workload's environment or arguments name
// an image its Dockerfile builds (V2_DRIVER_IMAGE:
// ghcr.io/kubeflow/kfp-driver:2.17, which kubeflow's API server has Argo
// run in each workflow's pods), or a Job a ConfigMap holds as a template
// names it (heldImages). Such a program runs as a job the other one
// starts. It returns nil where a workload runs the service or no image
// of it is named; a launch held and by no workload leaves named to ask of
// the other programs' code (launchedJob).
func (d *deployment) launched(svc *Service, entryDir string) *launch {
	if d == nil || entryDir == "" || len(d.forService(svc, entryDir)) > 0 {
		return nil
	}
	// The names of the images whose Dockerfiles build it.
	builds := func(df string) bool {
		rel := relTo(d.root, df)
		return slices.ContainsFunc(d.runs, func(r *run) bool { return r.file == rel && r.dirs[entryDir] })
	}
	names := make(map[string]bool)
	for img, bs := range d.imageBuilds {
		if slices.ContainsFunc(bs, func(b imageBuild) bool { return builds(b.df) && d.stageRuns(b.df, d.imageTargets[img], entryDir) }) {
			names[path.Base(img)] = true
		}
	}
	for _, m := range []map[string][][2]string{d.imageNames, d.localNames} {
		for n, bs := range m {
			if slices.ContainsFunc(bs, func(b [2]string) bool { return builds(b[0]) }) {
				names[n] = true
			}
		}
	}
	// The Dockerfiles that build it, by their own names: an image no
	// build file archie reads tags (a bake file's) is often named after
	// its Dockerfile (build/new/tw-init.Dockerfile builds
	// kubeshop/testkube-tw-init; build/testworkflow-init/Dockerfile,
	// testworkflow-init).
	var dockerfiles []string
	for _, r := range d.runs {
		if base := filepath.Base(r.file); isDockerfile(base) && r.dirs[entryDir] && d.stagesOf[filepath.Join(d.root, filepath.FromSlash(r.file))].stages == nil {
			if n := dockerfileName(r.file); n != "" && !slices.Contains(dockerfiles, n) {
				dockerfiles = append(dockerfiles, n)
			}
		}
	}
	// The stages of a Dockerfile of several images that run it, by their
	// own names: a build by target tags its image after the stage
	// (--target argoexec -t quay.io/argoproj/argoexec).
	for _, r := range d.runs {
		df := filepath.Join(d.root, filepath.FromSlash(r.file))
		if !r.dirs[entryDir] {
			continue
		}
		for _, st := range d.stagesOf[df].stages {
			if st.name != "" && d.stageRuns(df, st.name, entryDir) {
				names[st.name] = true
			}
		}
	}
	if len(names) == 0 && len(dockerfiles) == 0 {
		return nil
	}
	// An image reference among a workload's values: registry/owner/name
	// with a tag or digest, by its name.
	named := func(v string) bool {
		for _, word := range strings.FieldsFunc(v, func(r rune) bool { return r == ' ' || r == '=' || r == ',' || r == '"' || r == '\'' }) {
			if !strings.Contains(word, "/") || !strings.ContainsAny(word, ":@") || strings.Contains(word, "://") {
				continue
			}
			base := path.Base(imageRepo(word))
			if names[base] || slices.ContainsFunc(dockerfiles, func(n string) bool { return base == n || strings.HasSuffix(base, "-"+n) }) {
				return true
			}
		}
		return false
	}
	ownNamed := func(v string) bool {
		repo := imageRepo(v)
		return imageWord(v) && d.ownImage(repo) && names[path.Base(repo)]
	}
	l := &launch{held: slices.ContainsFunc(d.heldImages, named), named: named, ownNamed: ownNamed}
	for _, w := range d.workloads {
		if slices.ContainsFunc(slices.Collect(maps.Values(w.env)), named) || slices.ContainsFunc(w.args, named) {
			l.by = append(l.by, w)
		}
	}
	return l
}

// stageRuns reports whether an image built from the Dockerfile df runs
// the main in entryDir: any image of a Dockerfile of one, and of one of
// several the stage its build targets (the last where it names none),
// where that stage's command runs the program by the main's folder name
// or by a name its go build -o builds there.
func (d *deployment) stageRuns(df, stage, entryDir string) bool {
	imgs, several := d.stagesOf[df]
	if !several || len(imgs.stages) == 0 {
		return true
	}
	i := len(imgs.stages) - 1
	if stage != "" {
		if i = slices.IndexFunc(imgs.stages, func(s dockerStage) bool { return s.name == stage }); i < 0 {
			return false
		}
	}
	st := imgs.stages[i]
	return st.runs != "" && (st.runs == norm(filepath.Base(entryDir)) || slices.Contains(d.outputs[df][st.runs], entryDir))
}

// imageExpand fills the ${KEY} parts of a workload's command word with its
// environment, else the build args of the image it runs ("/app-${TARGET}"
// of an image built with --build-arg TARGET=admin).
func (d *deployment) imageExpand(w *workload, word string) string {
	if !strings.Contains(word, "$") {
		return word
	}
	return envRef.ReplaceAllStringFunc(word, func(ref string) string {
		k := ref[2 : len(ref)-1]
		if v, ok := w.env[k]; ok {
			return v
		}
		if v, ok := d.imageArgs[w.image][k]; ok && w.dockerfile == "" {
			return v
		}
		return ref
	})
}

// imageEnv returns what the image a service runs sets a variable to
// with ENV, the Dockerfile that does, and whether one does: "$" for a
// value archie cannot read.
func (d *deployment) imageEnv(svc *Service, entryDir, key string) (value, file string, ok bool) {
	for _, w := range d.forService(svc, entryDir) {
		df := w.dockerfile
		if imgs := w.runImages(); df == "" && len(imgs) == 1 {
			df, _ = d.imageBuild(imageRepo(imgs[0]))
		}
		if df == "" && w.dir != "" {
			df = filepath.Join(w.dir, "Dockerfile") // compose's build: DIR
		}
		if v, ok := d.dockerEnv[df][key]; ok {
			return v, relTo(d.root, df), true
		}
	}
	return "", "", false
}

// envFiles reports whether a deployment of the service reads variables
// from an env_file, whose values archie does not read.
func (d *deployment) envFiles(svc *Service, entryDir string) bool {
	return slices.ContainsFunc(d.forService(svc, entryDir), func(w *workload) bool { return w.envFile })
}

// binds reports whether a deployment of the service binds an environment
// variable to a ConfigMap's or a Secret's key.
func (d *deployment) binds(svc *Service, entryDir, key string) bool {
	return slices.ContainsFunc(d.forService(svc, entryDir), func(w *workload) bool { return w.bound[key] })
}

// unreadSources names where the service's deployments take a variable's
// value from when archie cannot read it: a compose value left to the
// shell (${DATABASE_URL}), a ConfigMap's or Secret's key the repository
// does not hold, or every key of one it does not hold (envFrom). Two
// services handed one such source get one value, whatever it is.
func (d *deployment) unreadSources(svc *Service, entryDir, key string) []string {
	if d == nil {
		return nil
	}
	var out []string
	add := func(s string) {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	ws := d.forService(svc, entryDir)
	for _, w := range ws {
		if v, ok := w.env[key]; ok && strings.Contains(v, "${") {
			add("value " + v)
		}
	}
	for _, src := range d.envFrom {
		if !slices.Contains(ws, src.w) {
			continue
		}
		kind := "configmap "
		if src.secret {
			kind = "secret "
		}
		obj := d.object(src)
		switch {
		case src.key == key:
			if _, read := obj.data[src.ref]; !read {
				add(kind + src.name + " " + src.ref)
			}
		case src.key == "" && obj.data == nil && strings.HasPrefix(key, src.prefix):
			add(kind + src.name + " " + strings.TrimPrefix(key, src.prefix))
		}
	}
	return out
}

// longRunning reports whether a deployment keeps the service running.
func (d *deployment) longRunning(svc *Service, entryDir string) bool {
	return slices.ContainsFunc(d.forService(svc, entryDir), func(w *workload) bool { return w.longRunning })
}

// profiles returns the compose profiles a service starts in, or nil when
// some deployment of it starts it whatever the profile (or none is known).
func (d *deployment) profiles(svc *Service, entryDir string) []string {
	return everyWorkload(d.forService(svc, entryDir), func(w *workload) []string { return w.profiles })
}

// deployedAs returns the names of the workloads that deploy a service,
// by the files that declare them.
func (d *deployment) deployedAs(svc *Service, entryDir string) map[string][]string {
	if d == nil {
		return nil
	}
	out := make(map[string][]string)
	for _, w := range d.forService(svc, entryDir) {
		for _, f := range w.deployedBy {
			if !slices.Contains(out[f], w.name) {
				out[f] = append(out[f], w.name)
			}
		}
	}
	return out
}

// deployedBy returns the files that deploy a service, or nil when one of
// its workloads says none.
func (d *deployment) deployedBy(svc *Service, entryDir string) []string {
	ws := d.forService(svc, entryDir)
	if len(ws) == 0 {
		// A chart's templates are not read (they are YAML only once
		// rendered); its values name the images it deploys.
		if f := d.helmDeployed(svc); f != "" {
			return []string{f}
		}
	}
	// Where images say what a workload runs, a file deploys this service
	// when it runs the service's own image, or, under the service's name,
	// an image that is neither another service's nor nginx.
	return everyWorkload(ws, func(w *workload) []string {
		if !d.imageSays(w) {
			return w.deployedBy
		}
		named := norm(w.name) == norm(svc.Name)
		var files []string
		for _, f := range w.deployedBy {
			imgs := w.images[f]
			switch {
			case len(imgs) == 0: // a Service of the workload's name
			case slices.ContainsFunc(imgs, func(img string) bool { return d.imageService(img) == svc }):
			case named && !d.othersImages(imgs, svc) && !d.pulledInfrastructure(imgs):
			default:
				continue
			}
			files = append(files, f)
		}
		return files
	})
}

// everyWorkload returns the sorted union of what each workload says, or
// nil when one of them says nothing.
func everyWorkload(ws []*workload, of func(*workload) []string) []string {
	var out []string
	for _, w := range ws {
		if len(of(w)) == 0 {
			return nil
		}
		for _, x := range of(w) {
			if !slices.Contains(out, x) {
				out = append(out, x)
			}
		}
	}
	slices.Sort(out)
	return out
}

// runs reports whether a workload makes the choice sel of a binary that
// runs several services; any workload runs a binary that runs one (nil).
// commands are the names of the program's cobra commands.
func (w *workload) runs(sel *Selector, commands []string) bool {
	if sel == nil {
		return true
	}
	if sel.Env != "" {
		v, ok := w.env[sel.Env]
		return ok && (v == sel.Value || strings.EqualFold(strings.TrimSpace(v), sel.Value))
	}
	if sel.Given {
		given, _, known := flagGiven(programArgs(w.command()), sel.Flag, sel.Bool)
		return known && given
	}
	if sel.Flag != "" {
		v, set, known := flagIn(programArgs(w.command()), sel.Flag)
		if !set {
			return known && sel.Unset
		}
		return v == sel.Value || strings.EqualFold(strings.TrimSpace(v), sel.Value)
	}
	// The command the words choose is the first they name, the longest
	// path they spell from there: `api serve` runs serve under api, not
	// api, nor every serve; in `api status serve`, serve is an argument.
	cmds := append([]string{sel.Value}, commands...)
	words := programArgs(w.args)
	for i, a := range words {
		if sel.Name && programName(a) == sel.Value {
			return true
		}
		if v, n := commandAt(words, i, cmds); n > 0 {
			return v == sel.Value
		}
	}
	return false
}

// command is what a workload runs: its own container's entrypoint and
// command where its pod runs several (a sidecar runs another program).
func (w *workload) command() []string {
	if len(w.ownArgs) > 0 {
		return w.ownArgs
	}
	return w.args
}

// An argRun is one command a deployment file runs a workload with: its
// entrypoint and command as words, and the container of a manifest's pod
// that runs it ("" for a compose service or an image).
type argRun struct {
	words     []string
	container string
	// afterEntry marks a compose command (or a manifest's args) with no
	// entrypoint: it runs after the image's ENTRYPOINT (builtFrom puts
	// that in front where the Dockerfile is known).
	afterEntry bool
	// compose marks a compose file's, whose entrypoint is entry: an
	// override file's replaces it.
	compose bool
	entry   []string
}

// know tells the deployment where the services' mains are.
func (d *deployment) know(services []*Service, root string) {
	d.services = services
	d.noteNames()
	d.entries = d.entries[:0]
	for _, svc := range services {
		if dir := svc.entryAbs(root); dir != "" {
			d.entries = append(d.entries, dir)
		}
	}
}

// nameAfterWorkloads (called once know has the mains) gives a main
// discovery named with its parent folders,
// because another main's folder bears its folder's name (cmd/provision
// became supermq-provision beside tools/provision/cmd), its folder's name
// back when a deployment runs a workload of that name, which runs it by
// the same rule as runsService: its deployment settings are that
// workload's. Not when another service has the name, or another main's
// folder is named so too.
func (d *deployment) nameAfterWorkloads(services []*Service, root string) {
	for _, svc := range services {
		entry := svc.entryAbs(root)
		base := norm(filepath.Base(entry))
		if !svc.decide || entry == "" || base == "" || base == "cmd" || norm(svc.Name) == base {
			continue
		}
		// A run of that name that builds another main runs that one.
		runs, other := false, false
		for _, r := range d.runs {
			if !r.names[base] || r.foreign[base] != "" {
				continue
			}
			if d.buildsOtherMain(r, entry) {
				other = true
			} else {
				runs = true
			}
		}
		runs = runs && !other
		for _, o := range services {
			if o != svc && (norm(o.Name) == base || norm(filepath.Base(o.entryAbs(root))) == base) {
				runs = false
			}
		}
		if runs {
			svc.Name = filepath.Base(entry)
			d.noteNames()
		}
	}
	d.nameAsDeployed(services, root)
}

// nameAsDeployed names a discovered main as the deployment names what
// runs it: the compose service or Kubernetes workload built from its
// folder (services/category/cmd/api, built by compose's category, is
// category). Only where every workload built from it bears one name,
// that builds no other main, and no other service has or takes that
// name: a main two workloads run under two names (one image, two
// settings), or one a workload of its own name runs too, keeps its
// folder's name.
func (d *deployment) nameAsDeployed(services []*Service, root string) {
	proposed := make(map[*Service]string)
	count := make(map[string]int)
	for _, svc := range services {
		count[norm(svc.Name)]++
		entry := svc.entryAbs(root)
		if !svc.decide || entry == "" || svc.Run != nil {
			continue
		}
		if slices.ContainsFunc(d.forService(svc, entry), func(w *workload) bool { return norm(w.name) == norm(svc.Name) }) {
			continue // a workload of its name runs it already
		}
		name := ""
		for _, w := range d.workloads {
			if !d.builds(w, entry) || w.oneShot || w.alias {
				continue // an alias is another name of a workload, not the deployment's name for it
			}
			if choosesMode(w.args) || kindSuffix.MatchString(w.name) {
				name = "" // a mode of the main (migrate, go test), or a name of the object's kind
				break
			}
			if w.declaredApart() || name != "" && name != w.name {
				name = ""
				break
			}
			name = w.name
		}
		if name == "" || norm(name) == norm(svc.Name) || !validName(name) {
			continue
		}
		proposed[svc] = name
		count[norm(name)]++
	}
	for svc, name := range proposed {
		if count[norm(name)] == 1 {
			svc.Name = name
			d.noteNames()
		}
	}
}

// kindSuffix matches a workload named after its kind of object
// (orders-deployment): the name of no service.
var kindSuffix = regexp.MustCompile(`(?i)[-_.](deployment|deploy|depl|dep|statefulset|sts|daemonset|ds|pod|workload)$`)

// choosesMode reports whether a workload's command runs the main in a
// mode that is no service (its image's entrypoint given migrate, seed,
// init) or runs another program of the image (go test): not the
// service's binary (/app/orders, ./server), its flags, a subcommand
// that serves, a shell, or a tool that builds and runs it (go run, air).
func choosesMode(args []string) bool {
	if len(args) == 0 {
		return false
	}
	if path.Base(args[0]) == "go" {
		return len(args) < 2 || args[1] != "run"
	}
	return jobModes[strings.ToLower(args[0])]
}

// jobModes are the words that run a program once, to completion.
var jobModes = map[string]bool{"migrate": true, "migration": true, "migrations": true, "seed": true, "seeder": true, "init": true, "setup": true, "bootstrap": true, "install": true, "upgrade": true, "test": true, "tests": true}

// validName reports whether a workload's name can name a service: what
// a compose file or a manifest names, not a template's expression.
func validName(name string) bool {
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			return false
		}
	}
	return name != ""
}

// builds reports whether a workload is built from the folder of the main
// in entryDir, and from no other service's.
func (d *deployment) builds(w *workload, entryDir string) bool {
	if w.src != "" && filepath.Clean(w.src) == filepath.Clean(entryDir) {
		return true
	}
	if w.dir == "" || !within(filepath.ToSlash(entryDir), filepath.ToSlash(w.dir)) {
		return false
	}
	if w.built {
		// go build . builds the package in the folder, whatever mains
		// sit below it (docker build with the repository as context).
		return filepath.Clean(entryDir) == filepath.Clean(w.dir)
	}
	for _, e := range d.entries {
		if e != entryDir && within(filepath.ToSlash(e), filepath.ToSlash(w.dir)) {
			return false
		}
	}
	return true
}

// buildsOther reports whether a workload builds a main other than the
// one in entryDir.
func (d *deployment) buildsOther(w *workload, entryDir string) bool {
	for _, e := range d.entries {
		if e != entryDir && d.builds(w, e) {
			return true
		}
	}
	return false
}

// setsFlags reports whether a deployment sets any of the flags (a
// comma-separated list): in a workload of the service's command, or in
// any command a deployment file runs.
func (d *deployment) setsFlags(svc *Service, entryDir, flags string) bool {
	if d == nil {
		return false
	}
	ws := d.forService(svc, entryDir)
	for _, flag := range strings.Split(flags, ",") {
		if setsFlag(d.otherArgs, flag, false) {
			return true
		}
		for _, w := range ws {
			if setsFlag(w.args, flag, true) {
				return true
			}
		}
	}
	return false
}

// env returns the value a service's deployment gives an environment key.
func (d *deployment) env(svc *Service, entryDir, key string) (string, bool) {
	v, _, ok := d.envIn(svc, entryDir, key)
	return v, ok
}

// envIn is env, with the deployment file that sets the key.
func (d *deployment) envIn(svc *Service, entryDir, key string) (value, file string, ok bool) {
	for _, w := range d.forService(svc, entryDir) {
		if v, ok := w.env[key]; ok {
			if from := w.secret[key]; from != "" {
				return v, from, true
			}
			if from := w.fromEnvFile[key]; from != "" {
				return v, from, true
			}
			return v, w.file, true
		}
	}
	return d.loadedEnv(svc, entryDir, key)
}

// shown expands a ${KEY} reference to the value the service's deployment
// gives the key, for a fact archie shows: a Secret's value is used, never
// shown, so it becomes an identity that is the same for every service
// reading the same value. A key no deployment sets stays as written.
//
// A key no deployment sets that the service's image sets with ENV (a
// topic's name among a Dockerfile's defaults) is the image's value.
func (d *deployment) shown(svc *Service, entryDir, ref string) string {
	v, file, ok := d.envIn(svc, entryDir, ref[2:len(ref)-1])
	switch {
	case !ok:
		if v, _, ok := d.imageEnv(svc, entryDir, ref[2:len(ref)-1]); ok && v != "$" && v != "" {
			return v
		}
		return ref
	case strings.HasPrefix(file, "secret "):
		return secretID(v)
	}
	return v
}

// secretID is the identity a value a Secret holds is shown by: the same
// for the same value, telling nothing of it.
func secretID(v string) string {
	return fmt.Sprintf("secret #%08x", crc32.ChecksumIEEE([]byte(v)))
}

// SecretOf reports whether id is the identity a Secret holding plain is
// shown by: a server given plainly (a flag's value, a compose variable)
// and the same server held by a Secret are one.
func SecretOf(id, plain string) bool {
	return strings.HasPrefix(id, "secret #") && !strings.HasPrefix(plain, "secret #") && secretID(plain) == id
}

// norm folds a name for comparison: lower case, letters and digits only.
func norm(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
