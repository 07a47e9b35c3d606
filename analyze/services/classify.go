package services

import (
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// Services and tools. Every main package is a binary, but only some are
// deployed: a code generator, a diagram tool, a CLI or a migration runner
// shares code with the services and would make smells of it. Discovery
// keeps a main as a service when a deployment file runs it (runs.go) or
// when its reachable code serves something: registers gRPC services or
// HTTP routes, consumes messages, or listens. Both are known only once the
// code is loaded, so Load reads the facts of every main it found, once,
// and then sets the tools aside.

// listenCalls are the calls that make a process serve, whatever it
// serves: a listener, an HTTP or gRPC server started, a web framework or
// a scheduler run.
var listenCalls = map[string]bool{
	"net.Listen": true, "net.ListenTCP": true, "net.ListenUDP": true, "net.ListenPacket": true, "net.ListenUnix": true,
	"net.ListenConfig.Listen": true, "net.ListenConfig.ListenPacket": true,
	"net/http.ListenAndServe": true, "net/http.ListenAndServeTLS": true, "net/http.Serve": true, "net/http.ServeTLS": true,
	"net/http.Server.ListenAndServe": true, "net/http.Server.ListenAndServeTLS": true, "net/http.Server.Serve": true, "net/http.Server.ServeTLS": true,
	"google.golang.org/grpc.Server.Serve":                          true,
	"github.com/gin-gonic/gin.Engine.Run":                          true,
	"github.com/gin-gonic/gin.Engine.RunTLS":                       true,
	"github.com/labstack/echo.Echo.Start":                          true,
	"github.com/labstack/echo.Echo.StartTLS":                       true,
	"github.com/labstack/echo.Echo.StartServer":                    true,
	"github.com/gofiber/fiber.App.Listen":                          true,
	"github.com/gofiber/fiber.App.Listener":                        true,
	"github.com/zeromicro/go-zero/rest.Server.Start":               true,
	"github.com/zeromicro/go-zero/zrpc.RpcServer.Start":            true,
	"github.com/zeromicro/go-zero/core/service.ServiceGroup.Start": true,
	"github.com/go-kratos/kratos.App.Run":                          true,
	"github.com/micro/go-micro.Service.Run":                        true,
	"github.com/asim/go-micro.Service.Run":                         true,
	"go-micro.dev.Service.Run":                                     true,
	// Schedulers run until the process ends: a daemon, not a tool.
	"github.com/hibiken/asynq.Scheduler.Run":             true,
	"github.com/hibiken/asynq.Scheduler.Start":           true,
	"github.com/robfig/cron.Cron.Run":                    true,
	"github.com/robfig/cron.Cron.Start":                  true,
	"github.com/go-co-op/gocron.Scheduler.StartBlocking": true,
	// A Kubernetes controller's manager runs its controllers and serves
	// their metrics, health probes and webhooks until the process ends;
	// so does a controller that runs only while it leads.
	"sigs.k8s.io/controller-runtime/pkg/manager.Manager.Start": true,
	"k8s.io/client-go/tools/leaderelection.RunOrDie":           true,
	"k8s.io/client-go/tools/leaderelection.LeaderElector.Run":  true,
}

// pluginServeCalls serve a plugin over hashicorp/go-plugin: the program
// is started by the host that loads it, as its child process, and serves
// it alone on a socket (Terraform's, Vault's, Packer's plugins, a control
// plane's integrations).
var pluginServeCalls = map[string]bool{
	"github.com/hashicorp/go-plugin.Serve": true,
}

// tickCalls are the calls that repeat a program's work on a clock until
// the process ends: a poller's or an exporter's, which sends and serves
// nothing and is still a daemon. pauseCalls repeat it where they are
// made in a part of a function that can no longer return: for { work();
// time.Sleep(d) }, not a CLI's retries, which end.
var (
	tickCalls = map[string]bool{
		"time.NewTicker": true, "time.Tick": true,
		"k8s.io/apimachinery/pkg/util/wait.Until": true, "k8s.io/apimachinery/pkg/util/wait.Forever": true,
		"k8s.io/apimachinery/pkg/util/wait.UntilWithContext": true, "k8s.io/apimachinery/pkg/util/wait.JitterUntil": true,
		"k8s.io/apimachinery/pkg/util/wait.NonSlidingUntil": true,
	}
	pauseCalls = map[string]bool{"time.Sleep": true, "time.After": true}
)

// repeats reports whether the code a main reaches repeats its work on a
// clock until the process ends (tickCalls, pauseCalls).
func (x *extractor) repeats(svc *Service) bool {
	forever := make(map[*ssa.Function]map[*ssa.BasicBlock]bool)
	return x.reachesCallWhere(svc, func(b *ssa.BasicBlock, key string) bool {
		if tickCalls[key] {
			return true
		}
		if !pauseCalls[key] {
			return false
		}
		fn := b.Parent()
		if forever[fn] == nil {
			forever[fn] = neverReturns(fn)
		}
		return forever[fn][b] || timerLoops(b)
	})
}

// timerLoops reports whether b waits in a select on a time.After whose
// case goes back to the select and returns nowhere on its way: for {
// select { case <-ctx.Done(): return; case <-time.After(d): work() } },
// a daemon that stops when it is told to, not a CLI's wait, whose timer
// case returns once the work is done.
func timerLoops(b *ssa.BasicBlock) bool {
	for _, instr := range b.Instrs {
		sel, ok := instr.(*ssa.Select)
		if !ok {
			continue
		}
		for i, st := range sel.States {
			c, ok := st.Chan.(*ssa.Call)
			if !ok || st.Dir != types.RecvOnly || calleeKey(c.Common()) != "time.After" {
				continue
			}
			if t := selectCase(sel, i); t != nil && loopsBack(t, sel.Block()) {
				return true
			}
		}
	}
	return false
}

// selectCase returns the block a select's case i goes to: the true
// branch of the test of its chosen index against i.
func selectCase(sel *ssa.Select, i int) *ssa.BasicBlock {
	for _, ref := range *sel.Referrers() {
		ex, ok := ref.(*ssa.Extract)
		if !ok || ex.Index != 0 || ex.Referrers() == nil {
			continue
		}
		for _, r := range *ex.Referrers() {
			eq, ok := r.(*ssa.BinOp)
			if !ok || eq.Op != token.EQL || eq.Referrers() == nil {
				continue
			}
			if k, ok := eq.Y.(*ssa.Const); !ok || k.Value == nil || k.Value.ExactString() != strconv.Itoa(i) {
				continue
			}
			for _, u := range *eq.Referrers() {
				if ifs, ok := u.(*ssa.If); ok && len(ifs.Block().Succs) == 2 {
					return ifs.Block().Succs[0]
				}
			}
		}
	}
	return nil
}

// loopsBack reports whether every path from t comes back to the block
// of the select it left, none reaching a return or a panic first.
func loopsBack(t, sel *ssa.BasicBlock) bool {
	seen := map[*ssa.BasicBlock]bool{sel: true}
	todo := []*ssa.BasicBlock{t}
	back := false
	for len(todo) > 0 {
		b := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if b == sel {
			back = true
			continue
		}
		if seen[b] {
			continue
		}
		seen[b] = true
		switch lastInstr(b).(type) {
		case *ssa.Return, *ssa.Panic:
			return false
		}
		for _, s := range b.Succs {
			if s == sel {
				back = true
				continue
			}
			todo = append(todo, s)
		}
	}
	return back
}

// neverReturns returns the blocks of fn from which no path leads to a
// return or a panic: an endless loop's.
func neverReturns(fn *ssa.Function) map[*ssa.BasicBlock]bool {
	returns := make(map[*ssa.BasicBlock]bool)
	var todo []*ssa.BasicBlock
	for _, b := range fn.Blocks {
		switch lastInstr(b).(type) {
		case *ssa.Return, *ssa.Panic:
			returns[b] = true
			todo = append(todo, b)
		}
	}
	for len(todo) > 0 {
		b := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		for _, p := range b.Preds {
			if !returns[p] {
				returns[p] = true
				todo = append(todo, p)
			}
		}
	}
	out := make(map[*ssa.BasicBlock]bool)
	for _, b := range fn.Blocks {
		if !returns[b] {
			out[b] = true
		}
	}
	return out
}

// listens reports whether the code a main package reaches starts a
// listener or a server. Load asks it only of mains that nothing else makes
// a service, so the walk is paid for the tools alone.
func (x *extractor) listens(svc *Service) bool {
	return x.reachesCall(svc, listenCalls)
}

// reachesCall reports whether the code a main package reaches calls one
// of keys, where no environment variable is set: a listener only a
// variable turns on (a pprof endpoint) is not one the main starts.
func (x *extractor) reachesCall(svc *Service, keys map[string]bool) bool {
	return x.reachesCallWhere(svc, func(_ *ssa.BasicBlock, key string) bool { return keys[key] })
}

// reachesCallWhere reports whether the code a main package reaches makes
// a call that is accepts, given the call's block and key, where no
// environment variable is set.
func (x *extractor) reachesCallWhere(svc *Service, is func(b *ssa.BasicBlock, key string) bool) bool {
	var roots []*ssa.Function
	for _, pkg := range x.prog.prog.AllPackages() {
		if x.prog.source[pkg] && pkg.Pkg.Path() == svc.Entry {
			for _, fn := range []*ssa.Function{pkg.Func("main"), pkg.Func("init")} {
				if fn != nil {
					roots = append(roots, fn)
				}
			}
		}
	}
	if len(roots) == 0 {
		return false
	}
	// A main no deployment file runs sets no variable: a listener only
	// a variable turns on (a pprof endpoint) does not listen.
	reach := x.prog.reach(roots)
	decided := make(map[*ssa.BasicBlock]int)
	fns := make(map[*ssa.Function]bool)
	for fn := range reach {
		for _, b := range fn.Blocks {
			if len(b.Succs) == 2 {
				if i, ok := unsetBranch(lastInstr(b)); ok {
					decided[b], fns[fn] = i, true
				}
			}
		}
	}
	dead := deadUnder(decided, fns, nil)
	if len(dead) > 0 {
		reach = x.prog.reachLive(roots, dead, nil)
	}
	for fn := range reach {
		for _, b := range fn.Blocks {
			if dead[b] {
				continue
			}
			for _, instr := range b.Instrs {
				if c, ok := instr.(ssa.CallInstruction); ok && is(b, calleeKey(c.Common())) {
					return true
				}
			}
		}
	}
	return false
}

// onlyMigrates reports whether a main's code runs a schema migration
// tool, or gorm's AutoMigrate and nothing else that names a table.
func (f *facts) onlyMigrates() bool {
	return f.migrates || f.autoMigrates && !f.usesTables
}

// serves reports whether a main's reachable code serves something.
func (f *facts) serves() bool {
	if len(f.svc.Endpoints) > 0 || f.svc.listens {
		return true
	}
	for _, m := range f.messages {
		if !m.publish {
			return true
		}
	}
	return false
}

// sends reports whether the service's code calls another service or
// sends a message.
func (f *facts) sends() bool {
	if len(f.calls) > 0 {
		return true
	}
	for _, m := range f.messages {
		if m.publish {
			return true
		}
	}
	return false
}

// classify sets the tools among the mains discovery found apart from the
// services: those no deployment file runs whose code serves nothing, and
// jobs (a migration runner, a compose service others wait to complete) (a
// main whose code could not be read among them: the run says so, and
// judging it a service would make its imports smells). It returns the
// facts of the services.
func classify(sys *System, found []*facts, deploy *deployment) []*facts {
	byName := make(map[string]*facts, len(found))
	for _, f := range found {
		byName[f.svc.Name] = f
	}
	parts := partsOf(sys, byName, deploy)
	var svcs []*Service
	for _, svc := range sys.Services {
		if svc.decide {
			f := byName[svc.Name]
			deployed := deploy.deploysService(svc, svc.entryAbs(sys.Dir))
			// An image another service launches as a job, which nothing
			// else runs, serving nothing (a workflow step's program):
			// not deployed as a service.
			// So is one it starts in the Jobs and Pods it makes, whatever
			// it serves while it runs (launch.go).
			launched, launchedJob := false, false
			if deployed && f != nil {
				launched, launchedJob = launchedAsJob(sys, f, found, deploy)
			}
			if launched && (!f.serves() || launchedJob) {
				deployed = false
			}
			// A demo (cmd/app-demo-p2p) that only Dockerfiles build,
			// which no compose file, manifest or chart runs, shows the
			// system: it is not one of its services.
			// Only where every deployment file was read (a chart that
			// did not render may run it), and no workload runs an image
			// of its name (openmatch-demo-first-match, whose build
			// archie did not place).
			// So is a plugin of a tool (kubectl-testkube), which the
			// tool runs on a user's machine: an image of it ships a CLI.
			// Both stand beside the system.
			// And so is a plugin served over hashicorp/go-plugin, which
			// its host starts as a child process.
			beside := demoMain(svc.EntryDir) && (deploy == nil || len(deploy.problems) == 0 && !deploy.runsImageNamed(filepath.Base(svc.EntryDir))) ||
				pluginMain(svc.EntryDir) || svc.plugin
			if deployed && beside && deploy.onlyImageBuilds(svc, svc.entryAbs(sys.Dir)) {
				deployed = false
			}
			// Nor is a main only Dockerfiles build whose code serves and
			// stores nothing, and sends nothing on a clock: a CLI shipped
			// as an image (docker run org/cli scan …, which may call the
			// system's API), a tool an image ships beside the program it
			// runs, or a job another program launches (a scanner that
			// reports its results).
			// A main named as a command-line tool (pipectl, tctl, cli),
			// whose wait commands poll on a clock, is one too.
			if deployed && f != nil && !f.unread && !f.serves() && (!f.sends() || !svc.ticks || cliMain(svc.EntryDir)) && len(svc.Stores) == 0 && deploy.onlyImageBuilds(svc, svc.entryAbs(sys.Dir)) {
				deployed = false
			}
			// A job that runs to completion, deployed as one or running
			// a schema migration tool, serving and sending nothing, is a
			// tool: its tables are the services' it sets up.
			// A migration tool run at the start of a worker that compose
			// restarts, or a Deployment runs, is no job's.
			entry := svc.entryAbs(sys.Dir)
			// So is a main its folder names a migration or a seed
			// (api/cmd/migration/v2, cmd/seeder), which an image ships
			// beside the server its command runs: a data migration
			// through the service's own store layer is no tool's call
			// archie knows.
			job := f != nil && !f.serves() && !f.sends() && (deploy.oneShot(svc, entry) || (f.onlyMigrates() || migrationMain(svc.EntryDir)) && !deploy.longRunning(svc, entry))
			// An example program (sdks/go/examples/streaming/server)
			// shows how to use the system; it is not one of its
			// services unless a deployment file runs it.
			// So is a test harness (graphql-service/cmd/test-server, a
			// main under e2e/) that no deployment file runs.
			// A command-line tool by its name that no deployment runs,
			// whose only server is a listener (fission's CLI draws a
			// workflow's graph for the browser on 127.0.0.1:0), serves
			// its user, not the system.
			localOnly := f != nil && cliMain(svc.EntryDir) && len(svc.Endpoints) == 0 && !slices.ContainsFunc(f.messages, func(m *message) bool { return !m.publish })
			if !deployed && (f == nil || !f.serves() || localOnly || UnderExamples(svc.EntryDir) || beside || harnessMain(svc.EntryDir) || parts[svc] != nil || launchedJob) || job {
				svc.Tool, svc.decide = true, false
				if !deployed && parts[svc] != nil {
					svc.PartOf = parts[svc].Name
				}
				svc.Unread = !deployed && (f == nil || f.unread)
				svc.Endpoints, svc.Stores, svc.Publishes, svc.Consumes, svc.DualWrites = nil, nil, nil, nil, nil
				sys.Tools = append(sys.Tools, svc)
				delete(byName, svc.Name)
				continue
			}
			svc.decide = false
		}
		svcs = append(svcs, svc)
	}
	sys.Services = svcs
	var out []*facts
	for _, f := range found {
		if byName[f.svc.Name] == f {
			out = append(out, f)
		}
	}
	return out
}

// partsOf returns, for each main to decide that serves and that nothing
// in the repository runs or builds (builtByRepository: no deployment
// file, Dockerfile, release, Makefile or script), the one service a
// deployment file deploys that runs its code and serves all it serves:
// the main is then an entry into a part of that service (a component's
// main beside the unified binary that bundles every component, which the
// charts deploy), not a deployable. A main any file builds or runs
// (split services released beside an all-in-one) is no part; nor is one
// that two services bundle.
func partsOf(sys *System, byName map[string]*facts, deploy *deployment) map[*Service]*Service {
	if deploy == nil {
		return nil
	}
	var bundlers []*Service
	for _, o := range sys.Services {
		if f := byName[o.Name]; f != nil && f.serves() && deploy.deploysService(o, o.entryAbs(sys.Dir)) {
			bundlers = append(bundlers, o)
		}
	}
	if len(bundlers) == 0 {
		return nil
	}
	mains := sys.mains()
	out := make(map[*Service]*Service)
	for _, svc := range sys.Services {
		f := byName[svc.Name]
		if !svc.decide || f == nil || !f.serves() || UnderExamples(svc.EntryDir) || harnessMain(svc.EntryDir) || deploy.builtByRepository(svc, svc.entryAbs(sys.Dir)) {
			continue
		}
		var found *Service
		for _, o := range bundlers {
			if o == svc || SameBinary(o, svc) || !bundles(o, svc, mains) || !servesAll(o, svc) {
				continue
			}
			if found != nil {
				found = nil
				break
			}
			found = o
		}
		if found != nil {
			out[svc] = found
		}
	}
	return out
}

// migrationMain reports whether a main's folder, relative to the
// system's, names a schema or data migration or a seed: a folder of its
// path is migrate, migration(s), migrator or seed(er)s, as a whole word
// (migrate-indexer, a daemon, is not).
func migrationMain(rel string) bool {
	for _, part := range strings.Split(filepath.ToSlash(rel), "/") {
		switch strings.ToLower(part) {
		case "migrate", "migration", "migrations", "migrator", "seed", "seeder", "seeds":
			return true
		}
	}
	return false
}

// demoMain reports whether a main's own folder names it a demo or an
// example among its words (dendrite-demo-pinecone, oauth-web-demo,
// grpc_example): a program that shows the system, not one of its
// services, unless a deployment file other than a Dockerfile runs it.
func demoMain(rel string) bool {
	if rel == "" {
		return false
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(filepath.Base(rel)), func(r rune) bool { return r == '-' || r == '_' || r == '.' }) {
		switch w {
		case "demo", "demos", "example", "examples":
			// Not "sample": a service may ingest samples
			// (sample-ingest, a profiler's).
			return true
		}
	}
	return false
}

// cliMain reports whether a main's own folder names it a command-line
// tool by the usual conventions: a name ending in "ctl" (kubectl,
// pipectl), or "cli" alone or as its last word (orders-cli).
func cliMain(rel string) bool {
	base := strings.ToLower(filepath.Base(rel))
	if rel == "" || base == "." {
		return false
	}
	return len(base) > 3 && strings.HasSuffix(base, "ctl") || base == "cli" || strings.HasSuffix(base, "-cli") || strings.HasSuffix(base, "_cli")
}

// pluginMain reports whether a main's own folder names it a plugin of a
// tool that runs it on a user's machine, by that tool's convention:
// kubectl's (kubectl-testkube), protoc's (protoc-gen-go-grpc),
// Terraform's and Packer's providers, Docker's credential helpers. Such a
// program serves its host tool, if anything, and is no service of the
// system, unless a deployment file other than a Dockerfile runs it.
func pluginMain(rel string) bool {
	base := strings.ToLower(filepath.Base(rel))
	for _, prefix := range []string{"kubectl-", "protoc-gen-", "terraform-provider-", "packer-plugin-", "docker-credential-"} {
		if strings.HasPrefix(base, prefix) && len(base) > len(prefix) {
			return true
		}
	}
	return false
}

// harnessMain reports whether a main's folder, relative to the system's,
// is a test harness's or a tool's: below a folder of harnesses (test/,
// e2e/, hack/), of the repository's tools (tools/, scripts/ at its top)
// or of its libraries (pkg/), or named as a harness (test-server, testserver, e2e). A
// test-service may be an exam platform's: a word is not enough.
func harnessMain(rel string) bool {
	if rel == "" {
		return false
	}
	if harnessFolder(filepath.Join(rel, "main.go")) {
		return true
	}
	// The repository's own tooling (tools/httptest, a stub server its
	// scripts start) is not one of its services.
	if top, _, _ := strings.Cut(filepath.ToSlash(rel), "/"); top == "tools" || top == "scripts" {
		return true
	}
	// A main below pkg/, Go's folder of libraries (pkg/kafka/consumer
	// beside the pkg/kafka the services import), tries out its library.
	if slices.Contains(strings.Split(filepath.ToSlash(filepath.Dir(rel)), "/"), "pkg") {
		return true
	}
	switch strings.NewReplacer("-", "", "_", "", ".", "").Replace(strings.ToLower(filepath.Base(rel))) {
	case "testserver", "e2e", "e2etest", "e2etests":
		return true
	}
	return false
}

// UnderExamples reports whether a folder path, relative to the system's
// folder, passes through a folder of examples: an example program
// (sdks/go/examples/streaming/server) owns its own folder, not the
// library it shows (sdks/go), and is no service of the system.
func UnderExamples(rel string) bool {
	for i, part := range strings.Split(filepath.ToSlash(rel), "/") {
		switch strings.ToLower(part) {
		case "examples", "example", "_examples", "_example", "samples", "sample", "demo", "demos":
			return true
		case "tutorial", "tutorials":
			// A top folder of tutorials (tutorial/ch01/hello); a
			// services/tutorial may be an e-learning service's.
			if i == 0 {
				return true
			}
		}
	}
	return false
}

// entryAbs returns the absolute folder of the service's main package, or
// "" without one.
func (s *Service) entryAbs(root string) string {
	if s.EntryDir == "" {
		return ""
	}
	if filepath.IsAbs(s.EntryDir) {
		return s.EntryDir
	}
	return filepath.Join(root, filepath.FromSlash(s.EntryDir))
}
