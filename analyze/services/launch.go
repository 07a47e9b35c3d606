package services

import (
	"go/constant"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// Programs another program launches. A workflow engine's controller runs
// its executor in every step's pod (argoexec), a test runner's API server
// runs its init and toolkit programs in each run's Job: images of the
// repository that no deployment file runs, which the launcher's
// deployment names in its environment (TESTKUBE_TW_INIT_IMAGE) or its
// code names outright (quay.io/argoproj/argoexec:%s). Each runs once per
// task and ends with it, whatever it serves while it runs (a file
// transfer server between a step's containers), so it is a job, not a
// service: its imports of the launcher's code are no smell. An operator
// that keeps what it launches running (a Deployment per custom resource)
// launches services, so the kinds of the objects the launcher's code
// makes decide.

// launchKinds are the kinds of Kubernetes objects that run containers a
// program's code makes.
type launchKinds uint8

const (
	// launchesJobs: Jobs, CronJobs and bare Pods, whose containers run to
	// completion.
	launchesJobs launchKinds = 1 << iota
	// launchesWorkloads: Deployments, StatefulSets, DaemonSets,
	// ReplicaSets and ReplicationControllers, whose containers are kept
	// running.
	launchesWorkloads
)

// podKinds are the types of those objects, by package and name, for each
// API version that declares them.
var podKinds = map[string]launchKinds{
	"k8s.io/api/batch/v1.Job":                  launchesJobs,
	"k8s.io/api/batch/v1.CronJob":              launchesJobs,
	"k8s.io/api/batch/v1beta1.CronJob":         launchesJobs,
	"k8s.io/api/core/v1.Pod":                   launchesJobs,
	"k8s.io/api/apps/v1.Deployment":            launchesWorkloads,
	"k8s.io/api/apps/v1.StatefulSet":           launchesWorkloads,
	"k8s.io/api/apps/v1.DaemonSet":             launchesWorkloads,
	"k8s.io/api/apps/v1.ReplicaSet":            launchesWorkloads,
	"k8s.io/api/apps/v1beta1.Deployment":       launchesWorkloads,
	"k8s.io/api/apps/v1beta1.StatefulSet":      launchesWorkloads,
	"k8s.io/api/apps/v1beta2.Deployment":       launchesWorkloads,
	"k8s.io/api/apps/v1beta2.StatefulSet":      launchesWorkloads,
	"k8s.io/api/apps/v1beta2.DaemonSet":        launchesWorkloads,
	"k8s.io/api/apps/v1beta2.ReplicaSet":       launchesWorkloads,
	"k8s.io/api/extensions/v1beta1.Deployment": launchesWorkloads,
	"k8s.io/api/extensions/v1beta1.DaemonSet":  launchesWorkloads,
	"k8s.io/api/extensions/v1beta1.ReplicaSet": launchesWorkloads,
	"k8s.io/api/core/v1.ReplicationController": launchesWorkloads,
}

// noteLaunch records what an instruction of a service's code says of the
// programs it launches: an object of podKinds it makes (a composite
// literal, new, or a value to decode one into), and a string constant
// that may name an image (imageWord).
func (f *facts) noteLaunch(instr ssa.Instruction) {
	var vals []ssa.Value
	switch in := instr.(type) {
	case *ssa.Alloc:
		// By the package's own path: k8s.io/api/core/v1 is a version of
		// the API, not of a module (normPath).
		if obj := namedOf(in.Type()); obj != nil && obj.Pkg() != nil {
			f.launches |= podKinds[obj.Pkg().Path()+"."+obj.Name()]
			f.tagImages(obj.Type(), 0)
		}
		return
	case ssa.CallInstruction:
		vals = in.Common().Args
	case *ssa.Store:
		vals = []ssa.Value{in.Val}
	case *ssa.Return:
		vals = in.Results
	case *ssa.BinOp:
		vals = []ssa.Value{in.X}
	case *ssa.MapUpdate:
		vals = []ssa.Value{in.Value}
	}
	for _, v := range vals {
		if c, ok := v.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.String {
			if s := constant.StringVal(c.Value); imageWord(s) && !slices.Contains(f.images, s) {
				f.images = append(f.images, s)
			}
		}
	}
}

// tagImages records the image references the fields of a struct its
// code makes give as their defaults in their tags (a configuration
// struct's SidecarImage string `default:"jitsucom/sidecar:latest"`, as
// envconfig, caarlos0/env, cleanenv and many loaders read them), down
// through the structs it holds.
func (f *facts) tagImages(t types.Type, depth int) {
	st, ok := t.Underlying().(*types.Struct)
	if !ok || depth > 3 {
		return
	}
	for i := range st.NumFields() {
		tag := reflect.StructTag(st.Tag(i))
		for _, key := range []string{"default", "envDefault", "env-default"} {
			if v, ok := tag.Lookup(key); ok && imageWord(v) && !slices.Contains(f.images, v) {
				f.images = append(f.images, v)
			}
		}
		ft := st.Field(i).Type()
		if p, ok := ft.Underlying().(*types.Pointer); ok {
			ft = p.Elem()
		}
		f.tagImages(ft, depth+1)
	}
}

// imageWord reports whether s may be an image reference:
// registry/owner/name with a tag or a digest (or a format's verb for
// one), one word, no URL.
func imageWord(s string) bool {
	return len(s) < 256 && strings.Contains(s, "/") && strings.ContainsAny(s, ":@") &&
		!strings.Contains(s, "://") && !strings.ContainsAny(s, " \t\n")
}

// launchedAsJob reports whether a service nothing deploys is launched by
// other programs of the system (deployment.launched, or a deployed
// program whose code makes Pods or Jobs names its image), and whether it
// runs as their job: a Job or Pod template a ConfigMap holds names it, or
// every program that launches it makes Jobs and Pods and no workload
// kept running.
func launchedAsJob(sys *System, f *facts, found []*facts, deploy *deployment) (launched, job bool) {
	svc := f.svc
	l := deploy.launched(svc, svc.entryAbs(sys.Dir))
	if l == nil {
		return false, false
	}
	if l.held {
		return true, true
	}
	job = true
	for _, w := range l.by {
		launcher := false
		for _, g := range found {
			if g != f && slices.Contains(deploy.forService(g.svc, g.svc.entryAbs(sys.Dir)), w) {
				launcher = true
				job = job && g.launches == launchesJobs
			}
		}
		// A workload of a program archie did not read (another
		// project's image) launches it in ways archie cannot tell.
		job = job && launcher
	}
	launched = len(l.by) > 0
	for _, g := range found {
		if g == f || g.launches&launchesJobs == 0 || !slices.ContainsFunc(g.images, l.named) {
			continue
		}
		if g.svc.Entry == svc.Entry || deploy.runsService(g.svc, g.svc.entryAbs(sys.Dir)) == "" {
			continue
		}
		launched = true
		job = job && g.launches == launchesJobs
	}
	return launched, launched && job
}
