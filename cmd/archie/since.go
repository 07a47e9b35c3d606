package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/archie-dev/archie/analyze"
	"github.com/archie-dev/archie/rules"
)

// sinceRevision checks the code as it was at git revision rev, with the
// current config, and returns what it finds as a baseline: with it, only
// what the working tree added since rev fails.
func sinceRevision(ctx context.Context, stderr io.Writer, cfg *rules.Config, dir string, patterns []string, opts loadOptions, rev string) (*rules.Baseline, error) {
	b := &rules.Baseline{} // the folder is new since rev: everything in it is
	err := atRevision(ctx, cfg, dir, patterns, opts, "--new-since", rev, func(p *project) error {
		if p == nil {
			return nil
		}
		if n := len(p.loadErrors()) - sparseErrors(p.loadErrors()); n > 0 {
			// What did not load there counts as new here: stricter, never
			// a silent pass.
			fmt.Fprintf(stderr, "archie: warning: --new-since %s: %s loading the code as it was; violations they hid there count as new\n", rev, plural(n, "problem"))
		}
		b = rules.NewBaseline(p.result.Violations)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return b, nil
}

// atRevision checks the code as it was at git revision rev, with the
// current config, and hands the project to use; flag names the option
// that asked, for messages. The revision is checked out in a temporary
// git worktree, which exists while use runs and is removed on every way
// out, an interrupt included (ctx is cancelled on one). When dir did not
// exist at rev, use gets nil. The load's own messages are dropped: the
// current tree's load says the same of the same code.
func atRevision(ctx context.Context, cfg *rules.Config, dir string, patterns []string, opts loadOptions, flag, rev string, use func(p *project) error) error {
	absDir, err := analyze.RealDir(dir)
	if err != nil {
		return err
	}
	root, err := git(ctx, absDir, "rev-parse", "--show-toplevel")
	if err != nil {
		return fmt.Errorf("%s needs the code in a git repository: %w", flag, err)
	}
	commit, err := git(ctx, root, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	if err != nil {
		if _, objErr := git(ctx, root, "rev-parse", "--verify", "--quiet", "--end-of-options", rev); objErr == nil {
			return fmt.Errorf("%s %s: that is not a commit; name a commit, branch or tag", flag, rev)
		}
		return fmt.Errorf("%s %s: no such commit in this clone; a shallow clone (as CI checks out) needs it fetched first: git fetch --depth=1 origin %s (or fetch-depth: 0 in actions/checkout)", flag, rev, rev)
	}
	// Where the revision goes, so that the config's relative patterns find
	// it as they find today's code: the config's folder is in the
	// repository (its copy in the worktree), or above it (the worktree at
	// the same path below a stand-in for the config's folder).
	cfgDir, err := analyze.RealDir(cfg.Dir)
	if err != nil {
		return err
	}
	relCfg, inside := relBelow(root, cfgDir)
	relRoot, above := relBelow(cfgDir, root)
	if !inside && !above {
		return fmt.Errorf("%s: the config %s is beside the repository %s, not in or above it; its folder patterns cannot be applied to the revision", flag, cfg.File, root)
	}
	sweepWorktrees(ctx, root)
	tmp, err := os.MkdirTemp("", sincePrefix)
	if err != nil {
		return err
	}
	// Who owns the worktree, so that a later run can remove it when this
	// one was killed before it could (SIGKILL, a power cut).
	if err := os.WriteFile(filepath.Join(tmp, "pid"), []byte(strconv.Itoa(os.Getpid())), 0o644); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	tree, baseCfgDir := filepath.Join(tmp, "tree"), ""
	if inside {
		baseCfgDir = filepath.Join(tree, relCfg)
	} else {
		tree, baseCfgDir = filepath.Join(tmp, "cfg", relRoot), filepath.Join(tmp, "cfg")
		if err := os.MkdirAll(filepath.Dir(tree), 0o755); err != nil {
			os.RemoveAll(tmp)
			return err
		}
	}
	defer func() {
		// A fresh context: ctx may be the cancelled one of an interrupt.
		if _, rmErr := git(context.Background(), root, "worktree", "remove", "--force", tree); rmErr != nil {
			os.RemoveAll(tmp)
			git(context.Background(), root, "worktree", "prune")
		}
		os.RemoveAll(tmp)
	}()
	// git is never killed while it writes the worktree's files in the
	// repository's .git: one killed half way (diff cancels the load of
	// the revision when today's code fails to load) leaves an entry that
	// every later git worktree command fails to read. The checkout is
	// short; the load after it is what a cancel stops.
	if err := checkout(context.WithoutCancel(ctx), root, tree, commit, !opts.services && !cfg.Smells.Services()); err != nil {
		return fmt.Errorf("%s %s: check it out: %w", flag, rev, err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}

	relDir, err := filepath.Rel(root, absDir)
	if err != nil {
		return err
	}
	baseDir := filepath.Join(tree, relDir)
	if _, err := os.Stat(baseDir); err != nil {
		return use(nil)
	}
	base := *cfg
	base.Dir = baseCfgDir
	opts.base = true
	opts.progress = false // the current tree's load speaks for both
	var errs bytes.Buffer
	p, err := checkTree(ctx, &errs, &base, baseDir, patterns, opts)
	if err != nil {
		return fmt.Errorf("%s %s: checking the code as it was: %w", flag, rev, err)
	}
	return use(p)
}

// relBelow returns target relative to dir when target is dir or below it.
func relBelow(dir, target string) (string, bool) {
	rel, err := filepath.Rel(dir, target)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return rel, true
}

// sincePrefix starts the name of every temporary folder of atRevision
// (check --new-since, diff --base).
const sincePrefix = "archie-since-"

// sweepWorktrees removes the worktrees of atRevision's runs that were
// killed before they could clean up: registered with git, in a temporary
// folder of ours, whose process is gone. A killed "git worktree add"
// leaves its worktree locked, so removal is forced twice.
func sweepWorktrees(ctx context.Context, root string) {
	list, err := git(ctx, root, "worktree", "list", "--porcelain")
	if err != nil {
		return
	}
	temp, err := analyze.RealDir(os.TempDir())
	if err != nil {
		return
	}
	for _, line := range strings.Split(list, "\n") {
		tree, ok := strings.CutPrefix(line, "worktree ")
		if !ok {
			continue
		}
		rel, below := relBelow(temp, tree)
		first, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
		if !below || !strings.HasPrefix(first, sincePrefix) || first == rel {
			continue
		}
		tmp := filepath.Join(temp, first)
		if data, err := os.ReadFile(filepath.Join(tmp, "pid")); err == nil {
			if pid, err := strconv.Atoi(strings.TrimSpace(string(data))); err == nil && processAlive(pid) {
				continue // another archie is using it
			}
		}
		git(ctx, root, "worktree", "remove", "--force", "--force", tree)
		os.RemoveAll(tmp)
	}
	git(ctx, root, "worktree", "prune")
}

// checkout makes a worktree of commit at tree. With goOnly, only what the
// go command reads to list packages and imports is written: Go files,
// go.mod, go.sum, go.work and vendor/modules.txt. On istio that is 2 000 of
// 6 600 files, and writing files is most of what a checkout costs. The
// services analysis reads deployment files too, so it gets everything.
func checkout(ctx context.Context, root, tree, commit string, goOnly bool) error {
	if !goOnly {
		_, err := git(ctx, root, "worktree", "add", "--detach", "--quiet", tree, commit)
		return err
	}
	if _, err := git(ctx, root, "worktree", "add", "--detach", "--quiet", "--no-checkout", tree, commit); err != nil {
		return err
	}
	files, err := git(ctx, root, "ls-tree", "-r", "-z", "--name-only", commit)
	if err != nil {
		return err
	}
	var paths bytes.Buffer
	for _, f := range strings.Split(files, "\x00") {
		switch base := path.Base(f); {
		case strings.HasSuffix(f, ".go"), base == "go.mod", base == "go.sum", base == "go.work", base == "go.work.sum",
			base == "modules.txt" && path.Base(path.Dir(f)) == "vendor":
			paths.WriteString(":(literal)" + f + "\x00")
		}
	}
	if paths.Len() == 0 {
		return nil
	}
	cmd := exec.CommandContext(ctx, "git", "checkout", "--quiet", commit, "--pathspec-from-file=-", "--pathspec-file-nul")
	cmd.Dir, cmd.Stdin = tree, &paths
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("git checkout: %s", strings.TrimSpace(string(out)))
	}
	return nil
}

// sparseErrors counts the load errors that only a checkout of Go files
// causes: files a //go:embed names are not there. They change no import.
func sparseErrors(errs []analyze.Error) int {
	n := 0
	for _, e := range errs {
		if strings.Contains(e.Msg, "no matching files found") || strings.Contains(e.Msg, "embed") {
			n++
		}
	}
	return n
}

// git runs a git command in dir and returns its output, trimmed.
func git(ctx context.Context, dir string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return "", errors.New(msg)
		}
		return "", fmt.Errorf("git %s: %w", args[0], err)
	}
	return strings.TrimSpace(string(out)), nil
}
