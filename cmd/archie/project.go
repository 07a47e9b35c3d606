package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"go/token"
	"io"
	"io/fs"
	"os"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/archie-dev/archie/analyze"
	"github.com/archie-dev/archie/analyze/services"
	"github.com/archie-dev/archie/report"
	"github.com/archie-dev/archie/rules"
	"github.com/spf13/pflag"
)

// loadOptions are the flags every command that loads code shares.
type loadOptions struct {
	config string
	tags   []string
	// services asks for the services' facts even without smells in the
	// config; facts are archie services JSON files of other repositories.
	services bool
	facts    []string
	cgo      bool
	// updateBaseline and newSince replace the baseline file: the first
	// rewrites it, the second accepts what a git revision had instead.
	updateBaseline bool
	newSince       string
	// base marks the load of --new-since's revision: patterns there may
	// match nothing, since the config is the current one.
	base bool
	// progress is shown on stderr while the code loads (showsProgress).
	progress bool
	// loader is analyze.Options.Loader: "" (auto), "fast" or "packages",
	// from the hidden --loader or ARCHIE_LOADER. Naming one also says on
	// stderr which loader ran.
	loader string
	// noCache turns off the fast loader's cache (--no-cache).
	noCache bool
}

func (o *loadOptions) addFlags(f *pflag.FlagSet) {
	f.StringVarP(&o.config, "config", "c", "", "config `file` (default: archie.yaml in dir or a parent)")
	f.StringSliceVar(&o.tags, "tags", nil, "build `tags` to load the code with, comma-separated")
	f.BoolVar(&o.cgo, "cgo", false, "type-check cgo files for the services analysis (runs the C compiler with the repository's #cgo flags)")
	f.StringVar(&o.loader, "loader", os.Getenv("ARCHIE_LOADER"), "how to read the import graph: auto (without go list when that gives the same graph), fast, or packages (go list)")
	f.MarkHidden("loader")
	f.BoolVar(&o.noCache, "no-cache", false, "read every package folder and type-check every dependency again instead of using the cache of earlier runs (also ARCHIE_NO_CACHE=1)")
}

// loaderOption is the analyze loader a --loader or ARCHIE_LOADER value
// names.
func loaderOption(v string) (string, error) {
	switch v {
	case "", "auto":
		return analyze.LoaderAuto, nil
	case analyze.LoaderFast, analyze.LoaderPackages:
		return v, nil
	}
	return "", fmt.Errorf("unknown loader %q (--loader or ARCHIE_LOADER): use auto, fast or packages", v)
}

// loaderNote says on stderr which loader read the graph, when one was
// named: the escape hatch is for people who want to know.
func loaderNote(w io.Writer, named string, g *analyze.Graph) {
	if named == "" {
		return
	}
	switch {
	case g.Loader == analyze.LoaderFast:
		fmt.Fprintf(w, "archie: read %d packages without go list (fast loader)\n", len(g.Packages))
	case g.Fallback != "":
		fmt.Fprintf(w, "archie: listed %d packages with go list: the fast loader gave way (%s)\n", len(g.Packages), g.Fallback)
	default:
		fmt.Fprintf(w, "archie: listed %d packages with go list\n", len(g.Packages))
	}
}

// A project is the code below a directory, loaded and judged by its
// archie.yaml.
type project struct {
	cfg    *rules.Config
	graph  *analyze.Graph
	system *services.System // nil unless services or smells need it
	result *rules.Result
	// complete says every package below the config directory was loaded.
	complete bool
	// systemErrors are the problems met type-checking the services' code.
	systemErrors []analyze.Error
	// baseline is the baseline file applied to result, if any; since is
	// the revision of --new-since, whose violations were applied instead.
	baseline *rules.Baseline
	since    string
}

// loadErrors are all the problems met loading or analysing the
// project's code: while any exists, the check did not see all of it.
func (p *project) loadErrors() []analyze.Error {
	return append(p.graph.Errors[:len(p.graph.Errors):len(p.graph.Errors)], p.systemErrors...)
}

// loadProject finds the config, loads the packages and checks them. With
// needConfig false a missing archie.yaml is not an error: the project is
// drawn and measured without groups or rules. Load errors go to stderr.
func loadProject(ctx context.Context, stderr io.Writer, opts loadOptions, args []string, needConfig bool) (*project, error) {
	dir, patterns := splitCheckArgs(args)
	cfg, err := findConfig(dir, opts.config, needConfig)
	if err != nil {
		return nil, err
	}
	return loadConfigured(ctx, stderr, cfg, dir, patterns, opts)
}

// loadConfigured is loadProject once the config is found.
func loadConfigured(ctx context.Context, stderr io.Writer, cfg *rules.Config, dir string, patterns []string, opts loadOptions) (*project, error) {
	p, err := checkTree(ctx, stderr, cfg, dir, patterns, opts)
	if err != nil {
		return nil, err
	}
	if err := p.applyBaseline(stderr, opts); err != nil {
		return nil, err
	}
	return p, nil
}

// checkTree loads the packages below dir and checks them against cfg.
func checkTree(ctx context.Context, stderr io.Writer, cfg *rules.Config, dir string, patterns []string, opts loadOptions) (*project, error) {
	// Services span every module below dir: one module per service is
	// common, with or without a go.work.
	needSystem := opts.services || cfg.Smells.Services()
	prog := newProgress(stderr, opts.progress)
	defer prog.end()
	loader, err := loaderOption(opts.loader)
	if err != nil {
		return nil, err
	}
	cache, err := openCache(stderr, opts.noCache)
	if err != nil {
		return nil, err
	}
	prog.set("reading the packages")
	// --new-since's revision is read from a temporary worktree: only its
	// dependencies are worth keeping.
	lopts := analyze.Options{Dir: dir, Patterns: patterns, Tags: opts.tags, Tests: cfg.Tests, Nested: needSystem, Loader: loader,
		Cache: cache, CacheDepsOnly: opts.base,
		FallingBack: func(why string) { prog.set("listing the packages with go list (%s)", why) }}
	g, err := analyze.Load(ctx, lopts)
	if err != nil {
		return nil, err
	}
	// Modules that repeat another's module path are copies of its code,
	// unless a deployment runs them side by side: then each is a program.
	// go/packages (--cgo) can only read them under go.mod's path.
	var programs []string
	if needSystem {
		programs = services.Programs(g, dir)
		if len(programs) > 0 && !opts.cgo {
			g = analyze.LoadPrograms(ctx, lopts, g, programs)
		}
	}
	prog.end() // load errors and notes follow on stderr
	loaderNote(stderr, opts.loader, g)
	if len(g.Errors) > 0 {
		report.LoadErrors(stderr, g.Errors, cfg.Dir, report.TextOptions{Color: useColor(stderr)})
		moduleHint(stderr, g.Errors, dir)
	}
	skippedNote(stderr, g.Skipped)
	copiesNote(stderr, g.Copies)
	programsNote(stderr, g, programs, opts.cgo)
	if len(g.Packages) == 0 {
		why := "archie checks Go modules (a go.mod or go.work)"
		if len(g.Errors) > 0 {
			why += "; see the load errors above"
		} else if len(patterns) > 0 {
			why = "the patterns match no package of the module"
		}
		return nil, fmt.Errorf("no Go packages found for %s in %s: %s", strings.Join(orDefault(patterns), " "), dir, why)
	}
	abs, _ := analyze.RealDir(dir)
	complete := len(patterns) == 0 && abs == cfg.Dir
	p := &project{cfg: cfg, graph: g, complete: complete}
	if needSystem {
		prog := newProgress(stderr, opts.progress)
		prog.set("type-checking the services")
		// --new-since's revision is read from a temporary worktree,
		// whose packages would be kept under keys no later run has.
		types := cache
		if opts.base {
			types = nil
		}
		p.system, p.systemErrors, err = loadSystem(ctx, stderr, cfg, g, dir, opts, types, prog.say)
		prog.end()
		if err != nil {
			return nil, err
		}
	}
	p.result, err = rules.Check(cfg, g, rules.Options{Complete: complete && !opts.base, Foreign: opts.base, System: p.system})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// applyBaseline marks the violations the baseline accepts: the config's
// baseline file (or .archie-baseline.json when it exists) unless the
// baseline is being rewritten or --new-since replaces it.
func (p *project) applyBaseline(stderr io.Writer, opts loadOptions) error {
	if opts.updateBaseline || opts.newSince != "" || p.cfg.File == "" {
		return nil
	}
	file, named := p.cfg.BaselineFile()
	data, err := rules.ReadRegular(file, maxBaselineSize)
	switch {
	case errors.Is(err, fs.ErrNotExist) && !named:
		return nil
	case errors.Is(err, fs.ErrNotExist):
		return &rules.ConfigError{File: relToCwd(p.cfg.File), Pos: p.cfg.Baseline.Pos, Msg: fmt.Sprintf("baseline %s does not exist; write it with archie check --update-baseline", p.cfg.Baseline.Text)}
	case err != nil:
		return fmt.Errorf("read baseline: %w", err)
	}
	b, err := rules.ReadBaseline(relToCwd(file), data)
	if err != nil {
		return err
	}
	b.Apply(p.result)
	if m := foreignModule(b, p.graph); m != "" && len(p.result.Fixed) > 0 {
		fmt.Fprintf(stderr, "archie: note: %s accepts violations of packages of %s, which this code has none of (was the module renamed?); after checking, archie check --update-baseline rewrites it\n", relToCwd(file), m)
	}
	if !p.complete {
		// Part of the project was loaded: what the baseline accepts in
		// the rest did not go away, it was not looked at.
		p.result.Fixed = nil
	}
	p.baseline = b
	return nil
}

// loadSystem finds the services and reads their facts, then merges the
// facts files of other repositories. It returns the problems met
// type-checking the services' code, which it has printed.
// say, when not nil, is told what a long load is doing.
func loadSystem(ctx context.Context, stderr io.Writer, cfg *rules.Config, g *analyze.Graph, dir string, opts loadOptions, cache *analyze.Cache, say func(string)) (*services.System, []analyze.Error, error) {
	specs, err := cfg.ServiceSpecs(g)
	if err != nil {
		return nil, nil, err
	}
	mains, err := cfg.MainSpecs(g)
	if err != nil {
		return nil, nil, err
	}
	svcs := services.Find(g, specs, mains)
	sys, errs, err := services.Load(ctx, g, svcs, dir, services.Options{Tags: opts.tags, CGO: opts.cgo, Progress: say, Cache: cache})
	if err != nil {
		return nil, nil, err
	}
	others, err := readAllFacts(opts.facts)
	if err != nil {
		return nil, nil, err
	}
	for i, other := range others {
		file := opts.facts[i]
		if other.Problems > 0 {
			// Facts read from incomplete code make this check incomplete.
			errs = append(errs, analyze.Error{Pos: token.Position{Filename: file}, Msg: fmt.Sprintf("--facts %s was written from code that did not all load (%s there); facts from it may be missing", file, plural(other.Problems, "problem"))})
			other.Problems = 0
		}
	}
	if len(others) > 0 {
		if err := sys.MergeAll(others); err != nil {
			var me *services.MergeError
			if errors.As(err, &me) {
				return nil, nil, fmt.Errorf("--facts %s: %w", opts.facts[me.Index], err)
			}
			return nil, nil, err
		}
	}
	if len(errs) > 0 {
		fmt.Fprintf(stderr, "archie: %s reading the services' facts; some may be missing:\n", plural(len(errs), "problem"))
		report.LoadErrors(stderr, errs, cfg.Dir, report.TextOptions{Color: useColor(stderr)})
		moduleHint(stderr, errs, dir)
	}
	return sys, errs, nil
}

// readAllFacts reads facts files on every CPU, an organisation's
// thousand of them as fast as the machine decodes JSON; the first error,
// in the order given, is the one returned.
func readAllFacts(files []string) ([]*services.System, error) {
	out := make([]*services.System, len(files))
	errs := make([]error, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		wg.Go(func() {
			for i := range next {
				out[i], errs[i] = readFacts(files[i])
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

func readFacts(file string) (*services.System, error) {
	data, err := rules.ReadRegular(file, maxFactsSize)
	if err != nil {
		return nil, fmt.Errorf("--facts: %w", err)
	}
	return services.Read(bytes.NewReader(data), file)
}

// What archie reads at most of a baseline and of a facts file: far above
// any real one, far below what would exhaust memory.
const (
	maxBaselineSize = 256 << 20
	maxFactsSize    = 256 << 20
)

// findConfig loads the config named by --config, else the one in dir or a
// parent. Without one, and when none is needed, it returns an empty config
// for dir.
func findConfig(dir, flag string, need bool) (*rules.Config, error) {
	path := flag
	if path == "" {
		p, err := rules.FindConfig(dir)
		switch {
		case errors.Is(err, rules.ErrNoConfig) && !need:
			abs, err := analyze.RealDir(dir)
			if err != nil {
				return nil, err
			}
			return &rules.Config{Version: 1, Dir: abs}, nil
		case errors.Is(err, rules.ErrNoConfig):
			return nil, fmt.Errorf("%w; write one (see docs/config.md) or pass --config", err)
		case err != nil:
			return nil, err
		}
		path = relToCwd(p)
	}
	return rules.LoadConfig(path)
}

// checkReport is what report renderers need to know about a project's check.
func (p *project) checkReport() *report.Check {
	return &report.Check{
		Result: p.result, LoadErrors: p.loadErrors(), Dir: p.cfg.Dir, Prefix: repoPrefix(p.cfg.Dir),
		ConfigFile: relSlash(p.cfg.Dir, p.cfg.File), Rules: p.cfg.Declared(), Decisions: decisions(p.cfg), Baseline: p.baselineName(),
	}
}

// missingModule matches the go command's ways of saying that a module the
// code needs is not in the module cache or go.sum.
var missingModule = regexp.MustCompile(`missing go.sum entry|module lookup disabled|GOPROXY=off|cannot find module providing package|not in the module cache|dial tcp|no such host`)

// moduleHint says what to run when load errors come from modules that are
// not downloaded: archie reads the module cache and never changes go.mod
// or go.sum, so it is for the user to fetch them.
func moduleHint(w io.Writer, errs []analyze.Error, dir string) {
	for _, e := range errs {
		if analyze.UntidyNote(e) {
			continue // read from a tidied copy: its note says what to run
		}
		if mod, status, ok := analyze.RefusedModule(e.Msg); ok {
			fmt.Fprintf(w, "archie: %s\n", analyze.RefusedHint(mod, status))
			return
		}
		if missingModule.MatchString(e.Msg) {
			fmt.Fprintf(w, "archie: modules the code needs are not downloaded or not in go.sum: run `go mod download` (or `go mod tidy`) in %s, then archie again\n", dir)
			return
		}
	}
}

// baselineName says what the result was judged against: the baseline file
// relative to the config's directory, "--new-since REV", or "" for none.
func (p *project) baselineName() string {
	switch {
	case p.since != "":
		return "--new-since " + p.since
	case p.baseline != nil:
		file, _ := p.cfg.BaselineFile()
		return relSlash(p.cfg.Dir, file)
	}
	return ""
}

// skippedNote says which nested modules ./... did not enter: their code
// was not read, and a green result says nothing of it.
func skippedNote(w io.Writer, dirs []string) {
	what := "a module of its own"
	if len(dirs) > 1 {
		what = "modules of their own"
	}
	notChecked(w, dirs, what+" that ./... does not enter", " or list them in a go.work")
}

// copiesNote says which nested modules were left out because another
// module read has their module path.
func copiesNote(w io.Writer, dirs []string) {
	notChecked(w, dirs, "modules whose module path a module already read has (copies of its code, or programs that share its path: give each module its own path)", "")
}

// programsNote names the modules read as programs of their own, and the
// paths their packages go by; with --cgo, those that were not read.
func programsNote(w io.Writer, g *analyze.Graph, dirs []string, cgo bool) {
	if cgo && len(dirs) > 0 {
		names := make([]string, len(dirs))
		for i, d := range dirs {
			names[i] = relToCwd(d)
		}
		fmt.Fprintf(w, "archie: note: %s: a deployment file runs each beside a module whose go.mod declares the same module path; archie reads such programs apart only without --cgo\n", strings.Join(names, ", "))
		return
	}
	var read []string
	for _, m := range g.Modules {
		if m.Declared != "" && slices.Contains(dirs, m.Dir) {
			read = append(read, fmt.Sprintf("%s as %s", relToCwd(m.Dir), m.Path))
		}
	}
	if len(read) > 0 {
		fmt.Fprintf(w, "archie: note: read as programs of their own, which a deployment file runs side by side though their go.mod files declare one module path: %s\n", strings.Join(read, ", "))
	}
}

// notChecked names the folders whose code was not read (five of them, and
// how many more), why, and how to check the first on its own.
func notChecked(w io.Writer, dirs []string, why, more string) {
	if len(dirs) == 0 {
		return
	}
	names := make([]string, 0, len(dirs))
	for _, d := range dirs {
		names = append(names, relToCwd(d))
	}
	shown := names
	if len(shown) > 5 {
		shown = append(shown[:5:5], fmt.Sprintf("and %d more", len(names)-5))
	}
	fmt.Fprintf(w, "archie: note: not checked: %s, %s; check each on its own (archie check %s)%s\n",
		strings.Join(shown, ", "), why, names[0], more)
}

// foreignModule is the module path, as far as it shows, of the packages a
// baseline's entries start from when none of them is in the loaded code:
// the module was renamed (a /v2, a move), and every entry now reads as
// fixed while the same violations read as new.
func foreignModule(b *rules.Baseline, g *analyze.Graph) string {
	for _, e := range b.Entries {
		if !strings.Contains(e.From, "/") {
			continue // a service name, a pattern
		}
		if g.Module(e.From) != nil {
			return ""
		}
	}
	for _, e := range b.Entries {
		if first, rest, ok := strings.Cut(e.From, "/"); ok && strings.Contains(first, ".") {
			second, _, _ := strings.Cut(rest, "/")
			return first + "/" + second
		}
	}
	return ""
}
