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
// creates decide.

// launchKinds are the kinds of Kubernetes objects that run containers a
// program's code creates or keeps.
type launchKinds uint8

const (
	// launchesJobs: Jobs, CronJobs and bare Pods it creates, whose
	// containers run to completion.
	launchesJobs launchKinds = 1 << iota
	// launchesWorkloads: Deployments, StatefulSets, DaemonSets,
	// ReplicaSets and ReplicationControllers it creates or changes,
	// whose containers are kept running.
	launchesWorkloads
	// launchesOther: objects of a kind the code does not say (an
	// unstructured object, one a decoder made from YAML), which may be
	// any of them.
	launchesOther
)

// podKinds are the types of those objects, by package and name, for each
// API version that declares them, and of their apply configurations.
var podKinds = func() map[string]launchKinds {
	kinds := map[string]launchKinds{
		"batch/v1.Job":                  launchesJobs,
		"batch/v1.CronJob":              launchesJobs,
		"batch/v1beta1.CronJob":         launchesJobs,
		"core/v1.Pod":                   launchesJobs,
		"apps/v1.Deployment":            launchesWorkloads,
		"apps/v1.StatefulSet":           launchesWorkloads,
		"apps/v1.DaemonSet":             launchesWorkloads,
		"apps/v1.ReplicaSet":            launchesWorkloads,
		"apps/v1beta1.Deployment":       launchesWorkloads,
		"apps/v1beta1.StatefulSet":      launchesWorkloads,
		"apps/v1beta2.Deployment":       launchesWorkloads,
		"apps/v1beta2.StatefulSet":      launchesWorkloads,
		"apps/v1beta2.DaemonSet":        launchesWorkloads,
		"apps/v1beta2.ReplicaSet":       launchesWorkloads,
		"extensions/v1beta1.Deployment": launchesWorkloads,
		"extensions/v1beta1.DaemonSet":  launchesWorkloads,
		"extensions/v1beta1.ReplicaSet": launchesWorkloads,
		"core/v1.ReplicationController": launchesWorkloads,
	}
	out := make(map[string]launchKinds, 2*len(kinds)+1)
	for k, v := range kinds {
		out["k8s.io/api/"+k] = v
		out["k8s.io/client-go/applyconfigurations/"+k+"ApplyConfiguration"] = v
	}
	out["k8s.io/apimachinery/pkg/apis/meta/v1/unstructured.Unstructured"] = launchesOther
	return out
}()

// kubeWrites are the methods of client-go's and controller-runtime's
// clients that write an object, and whether one creates it (a Pod or a
// Job is launched by its creation; a Deployment is kept by any write).
var kubeWrites = map[string]bool{"Create": true, "Apply": true, "Update": false, "Patch": false}

// noteLaunch records what an instruction of a service's code says of the
// programs it launches: an object of podKinds it writes through a
// Kubernetes client, the defaults of the struct tags of what it makes,
// and a string constant that may name an image (imageWord).
func (f *facts) noteLaunch(instr ssa.Instruction) {
	var vals []ssa.Value
	switch in := instr.(type) {
	case *ssa.Alloc:
		if obj := namedOf(in.Type()); obj != nil && obj.Pkg() != nil {
			f.tagImages(obj.Type(), 0)
		}
		return
	case ssa.CallInstruction:
		vals = in.Common().Args
		f.launches |= kubeWrite(in.Common())
	case *ssa.Store:
		vals = []ssa.Value{in.Val}
	case *ssa.Return:
		vals = in.Results
	case *ssa.BinOp:
		vals = []ssa.Value{in.X, in.Y}
	case *ssa.MapUpdate:
		vals = []ssa.Value{in.Value}
	}
	for _, v := range vals {
		if c, ok := v.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.String {
			f.noteImage(constant.StringVal(c.Value))
		}
	}
}

// kubeWrite returns the kind of object a call writes through a
// Kubernetes client (clientset.CoreV1().Pods(ns).Create(ctx, pod, …),
// controller-runtime's client.Create(ctx, job)), by the object's type:
// 0 for another call, or an object that runs no container.
func kubeWrite(c *ssa.CallCommon) launchKinds {
	var name, pkg string
	args := c.Args
	if c.IsInvoke() {
		name = c.Method.Name()
		if named, ok := types.Unalias(c.Value.Type()).(*types.Named); ok && named.Obj().Pkg() != nil {
			pkg = named.Obj().Pkg().Path()
		}
	} else if fn := c.StaticCallee(); fn != nil && fn.Signature.Recv() != nil && fn.Pkg != nil {
		name, pkg, args = fn.Name(), fn.Pkg.Pkg.Path(), args[1:]
	}
	creates, ok := kubeWrites[name]
	if !ok || !strings.HasPrefix(pkg, "k8s.io/client-go/") && !strings.HasPrefix(pkg, "sigs.k8s.io/controller-runtime/") {
		return 0
	}
	for _, a := range args {
		if mi, ok := a.(*ssa.MakeInterface); ok {
			a = mi.X
		}
		t := a.Type()
		if types.IsInterface(t) {
			if obj := namedOf(t); obj != nil && obj.Name() == "Object" {
				return launchesOther // a client.Object the code does not say the kind of
			}
			continue // the context
		}
		if !isPointer(t) {
			continue // the options
		}
		obj := namedOf(t)
		if obj == nil || obj.Pkg() == nil {
			continue
		}
		kind := podKinds[obj.Pkg().Path()+"."+obj.Name()]
		if kind == launchesJobs && !creates {
			return 0 // a Pod's labels patched: nothing launched
		}
		return kind
	}
	return 0
}

// noteImage records a text that may name an image.
func (f *facts) noteImage(s string) {
	if imageWord(s) && !slices.Contains(f.images, s) {
		f.images = append(f.images, s)
	}
}

// tagImages records the image references the fields of a struct its
// code makes give as their defaults in their tags (a configuration
// struct's SidecarImage string `default:"jitsucom/sidecar:latest"`, as
// envconfig, caarlos0/env, cleanenv and many loaders read them), down
// through the structs it holds; each type once.
func (f *facts) tagImages(t types.Type, depth int) {
	st, ok := t.Underlying().(*types.Struct)
	if !ok || depth > 3 {
		return
	}
	if named, ok := types.Unalias(t).(*types.Named); ok {
		if f.tagged[named] {
			return
		}
		if f.tagged == nil {
			f.tagged = make(map[*types.Named]bool)
		}
		f.tagged[named] = true
	}
	for i := range st.NumFields() {
		tag := reflect.StructTag(st.Tag(i))
		for _, key := range []string{"default", "envDefault", "env-default"} {
			if v, ok := tag.Lookup(key); ok {
				f.noteImage(v)
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
// [registry/]owner/name with a tag or a digest (or a format's verb for
// one) after its last slash, one word: not a route (/jobs/:id), nor a
// URL or an address with a path (localhost:8080/webhook).
func imageWord(s string) bool {
	last := strings.LastIndexByte(s, '/')
	return len(s) < 256 && last > 0 && s[0] != '/' && (strings.ContainsRune(s[last:], ':') || strings.ContainsRune(s, '@')) &&
		!strings.Contains(s, "://") && !strings.Contains(s, "/:") && !strings.ContainsAny(s, " \t\n")
}

// launchedAsJob reports whether a service nothing deploys is launched by
// other programs of the system, and whether it runs as their job. Where
// workloads' environments or arguments name its image (deployment.launched),
// it runs as a job when a ConfigMap's Job or Pod template names it, or
// when every program those workloads run creates Jobs and Pods and keeps
// no workload running. Else it is launched, as a job, when the code of a
// deployed program that creates Jobs and Pods and nothing else that runs
// containers names its image: one of the project's own, by one of its
// exact names (a constant, a format, a tag's default).
func launchedAsJob(sys *System, f *facts, found []*facts, deploy *deployment) (launched, job bool) {
	svc := f.svc
	l := deploy.launched(svc, svc.entryAbs(sys.Dir))
	switch {
	case l == nil:
		return false, false
	case l.held:
		return true, true
	case len(l.by) > 0:
		// Each workload that names it must run a program archie read
		// (not another project's image), and each such program create
		// only Jobs and Pods.
		job = true
		launchers := make(map[*workload]bool)
		for _, g := range found {
			if g == f {
				continue
			}
			for _, w := range deploy.forService(g.svc, g.svc.entryAbs(sys.Dir)) {
				if slices.Contains(l.by, w) {
					launchers[w] = true
					job = job && g.launches == launchesJobs
				}
			}
		}
		return true, job && len(launchers) == len(l.by)
	}
	for _, g := range found {
		if g == f || g.launches != launchesJobs || g.svc.Entry == svc.Entry || deploy.runsService(g.svc, g.svc.entryAbs(sys.Dir)) == "" {
			continue
		}
		if slices.ContainsFunc(g.images, l.ownNamed) {
			return true, true
		}
	}
	return false, false
}
