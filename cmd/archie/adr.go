package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/archie-dev/archie/adr"
	"github.com/archie-dev/archie/report"
	"github.com/archie-dev/archie/rules"
	"github.com/spf13/cobra"
)

// adrEnv is what every adr subcommand shares: where the records are and
// the archie.yaml that cites them.
type adrEnv struct {
	dir    string // --dir
	config string // --config
}

func newADRCmd() *cobra.Command {
	env := &adrEnv{}
	cmd := &cobra.Command{
		Use:   "adr",
		Short: "Create, link and check architecture decision records",
		Long: `adr manages Architecture Decision Records in the directory teams already
keep them in, in adr-tools' (Nygard) format or MADR, mixed if need be.

The directory is --dir, else adr.dir in archie.yaml, else the one a .adr-dir
file names (as adr-tools), else an existing docs/adr, doc/adr or
docs/decisions, else docs/adr.`,
	}
	cmd.PersistentFlags().StringVar(&env.dir, "dir", "", "records `directory` (default: see above)")
	cmd.PersistentFlags().StringVarP(&env.config, "config", "c", "", "archie.yaml `file` whose rules cite records (default: found from the current directory)")
	cmd.AddCommand(
		newADRInitCmd(env), newADRNewCmd(env), newADRStatusCmd(env), newADRLinkCmd(env),
		newADRRenumberCmd(env), newADRListCmd(env), newADRIndexCmd(env), newADRGraphCmd(env),
		newADRLintCmd(env),
	)
	return cmd
}

// config loads archie.yaml when there is one; nil when there is none.
func (e *adrEnv) loadConfig() (*rules.Config, error) {
	path := e.config
	if path == "" {
		p, err := rules.FindConfig(".")
		if errors.Is(err, rules.ErrNoConfig) {
			return nil, nil
		} else if err != nil {
			return nil, err
		}
		path = relToCwd(p)
	}
	return rules.LoadConfig(path)
}

// resolveDir decides the records directory: --dir, else recordsDir.
// warning is set when a .adr-dir leads outside its repository.
func (e *adrEnv) resolveDir(cfg *rules.Config) (dir, warning string, err error) {
	if e.dir != "" {
		return filepath.Clean(e.dir), "", nil
	}
	start := "."
	if e.config != "" && cfg != nil {
		start = cfg.Dir // the project --config names, wherever we run from
	}
	loc, err := locateRecords(cfg, start)
	if loc.Outside {
		warning = fmt.Sprintf("warning: %s names %s, outside the repository; archie reads and writes records there",
			filepath.ToSlash(relToCwd(loc.DirFile)), filepath.ToSlash(relToCwd(loc.Dir)))
	}
	return relToCwd(loc.Dir), warning, err
}

// recordsDir is where the records of the project are: adr.dir in
// archie.yaml, else what adr.FindDir finds from start, else docs/adr
// beside archie.yaml (or below start without one). found says whether
// the directory was named or seen rather than defaulted.
func recordsDir(cfg *rules.Config, start string) (dir string, found bool, err error) {
	loc, err := locateRecords(cfg, start)
	return loc.Dir, loc.Found, err
}

func locateRecords(cfg *rules.Config, start string) (adr.Location, error) {
	if cfg != nil && cfg.ADR.Dir != "" {
		return adr.Location{Dir: filepath.Join(cfg.Dir, cfg.ADR.Dir), Found: true}, nil
	}
	loc, err := adr.Locate(start)
	if err == nil && !loc.Found && cfg != nil {
		loc.Dir = filepath.Join(cfg.Dir, adr.DefaultDir)
	}
	return loc, err
}

// open reads the log, completing a change an interrupted archie left, and
// says on stderr what it completed and what it skipped. missing says what
// to do when the directory does not exist yet, or "" to treat it as empty.
func (e *adrEnv) open(cmd *cobra.Command, missing string) (*adr.Log, *rules.Config, error) {
	cfg, err := e.loadConfig()
	if err != nil {
		return nil, nil, err
	}
	dir, warning, err := e.resolveDir(cfg)
	if err != nil {
		return nil, nil, err
	}
	stderr := cmd.ErrOrStderr()
	if warning != "" {
		fmt.Fprintf(stderr, "archie: %s\n", warning)
	}
	log, err := adr.Open(dir)
	if errors.Is(err, fs.ErrNotExist) {
		if missing != "" {
			return nil, nil, fmt.Errorf("no decision records: %s does not exist; %s", dir, missing)
		}
		return &adr.Log{Dir: dir}, cfg, nil
	}
	if err != nil {
		return nil, nil, err
	}
	for _, note := range log.Recovered {
		fmt.Fprintf(stderr, "archie: %s\n", note)
	}
	for _, s := range log.Skipped {
		fmt.Fprintf(stderr, "archie: warning: %s\n", filepath.ToSlash(s.Error()))
	}
	return log, cfg, nil
}

// citations converts the rules' citations of records into adr's terms.
func citations(cfg *rules.Config) []adr.Citation {
	if cfg == nil {
		return nil
	}
	var out []adr.Citation
	for _, c := range cfg.Citations() {
		out = append(out, adr.Citation{Rule: c.Rule, ADR: c.ADR, File: cfg.File, Line: c.Pos.Line})
	}
	return out
}

// decisionTitles are the titles of the records cfg's rules cite, for
// violations to name their decision; none when the records cannot be read.
// decisions reads the project's decision records for reports, with the
// rules that cite each; a project without records has none. Records are
// only cited here, so a broken directory is adr lint's business, not
// check's.
func decisions(cfg *rules.Config) map[int]report.Decision {
	dir, found, err := recordsDir(cfg, cfg.Dir)
	if err != nil || !found {
		return nil
	}
	log, err := adr.Read(dir)
	if err != nil {
		return nil
	}
	cites := make(map[int][]string)
	for _, c := range cfg.Citations() {
		cites[c.ADR] = append(cites[c.ADR], c.Rule)
	}
	out := make(map[int]report.Decision)
	for _, r := range log.Records {
		if r.Number == 0 || r.Dated {
			continue
		}
		if _, dup := out[r.Number]; dup {
			// Two records share the number (adr lint reports it): cite
			// neither title rather than the wrong one.
			out[r.Number] = report.Decision{Number: r.Number}
			continue
		}
		file, err := filepath.Rel(cfg.Dir, r.File)
		if err != nil {
			file = r.File
		}
		out[r.Number] = report.Decision{Number: r.Number, Title: r.Title, Status: r.Status,
			File: filepath.ToSlash(file), Rules: cites[r.Number]}
	}
	return out
}

func today() string {
	if d := os.Getenv("ADR_DATE"); d != "" {
		return d
	}
	return time.Now().Format("2006-01-02")
}

const initHint = "create it with archie adr init, or pass --dir"

func newADRInitCmd(env *adrEnv) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "init [dir]",
		Short: "Start a decision log with its first record",
		Long: `init creates the records directory and its first record, the decision to
record decisions. Given a directory, it also writes .adr-dir naming it, as
adr-tools does, so adr-tools and archie find the same records; in Nygard
format it writes .adr-dir for any directory other than adr-tools' default,
doc/adr.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				if err := adr.WriteDirFile(".", args[0]); err != nil {
					return err
				}
				env.dir = args[0]
			}
			log, _, err := env.open(cmd, "")
			if err != nil {
				return err
			}
			if len(args) == 0 && format == string(adr.Nygard) && filepath.ToSlash(log.Dir) != "doc/adr" && !adr.HasDirFile(".") {
				// adr-tools looks in doc/adr unless .adr-dir says otherwise.
				if err := adr.WriteDirFile(".", log.Dir); err != nil {
					return err
				}
			}
			r, err := log.Init(format, today())
			if err != nil {
				return err
			}
			_, err = fmt.Fprintln(cmd.OutOrStdout(), filepath.ToSlash(r.File))
			return err
		},
	}
	cmd.Flags().StringVar(&format, "format", "nygard", "record `format`: "+strings.Join(adr.TemplateNames(), ", "))
	return cmd
}

type adrNewOptions struct {
	supersedes []string
	links      []string
	status     string
	format     string
	edit       bool
	noEdit     bool
}

func newADRNewCmd(env *adrEnv) *cobra.Command {
	var opts adrNewOptions
	cmd := &cobra.Command{
		Use:   "new TITLE...",
		Short: "Write a new decision record and print its path",
		Long: `new writes the next numbered record from a template and prints its path.
The template is the records directory's templates/template.md when it has
one (with adr-tools' NUMBER, TITLE, DATE and STATUS placeholders), else
--format, else the format of the latest record. The date is today, or
ADR_DATE. On a terminal, $VISUAL or $EDITOR opens the record (--no-edit:
never).

A record that supersedes others is Proposed until accepted (--status
accepted, or archie adr status N accepted later); accepting it marks the
records it supersedes.`,
		Example: `  archie adr new Use PostgreSQL for orders
  archie adr new --supersedes 3 --status accepted Use CockroachDB
  archie adr new --link "5:Amends:Amended by" Split the billing context`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runADRNew(cmd, env, opts, args)
		},
	}
	f := cmd.Flags()
	f.StringArrayVarP(&opts.supersedes, "supersedes", "s", nil, "`record` the new one supersedes (number or part of its file name); repeatable")
	f.StringArrayVarP(&opts.links, "link", "l", nil, "`TARGET:VERB:REVERSE` link to state both ways, such as \"5:Amends:Amended by\"; repeatable")
	f.StringVar(&opts.status, "status", "Proposed", "`status` of the new record")
	f.StringVar(&opts.format, "format", "", "record `format`: "+strings.Join(adr.TemplateNames(), ", ")+" (default: as the directory)")
	f.BoolVar(&opts.edit, "edit", false, "open the record in $VISUAL or $EDITOR even when not on a terminal")
	f.BoolVar(&opts.noEdit, "no-edit", false, "never open an editor")
	cmd.MarkFlagsMutuallyExclusive("edit", "no-edit")
	return cmd
}

func runADRNew(cmd *cobra.Command, env *adrEnv, opts adrNewOptions, args []string) error {
	var links []adr.LinkSpec
	for _, s := range opts.links {
		ls, err := adr.ParseLinkSpec(s)
		if err != nil {
			return err
		}
		links = append(links, ls)
	}
	log, _, err := env.open(cmd, "")
	if err != nil {
		return err
	}
	r, err := log.New(adr.NewOptions{
		Title:        strings.Join(args, " "),
		Status:       opts.status,
		Date:         today(),
		Template:     opts.format,
		TemplateFile: os.Getenv("ADR_TEMPLATE"),
		Supersedes:   opts.supersedes,
		Links:        links,
	})
	if err != nil {
		return err
	}
	if opts.edit || (!opts.noEdit && isTerminal(os.Stdin) && isTerminal(os.Stdout)) {
		if err := openEditor(r.File, cmd.ErrOrStderr()); err != nil {
			fmt.Fprintln(cmd.OutOrStdout(), filepath.ToSlash(r.File))
			return err
		}
	}
	_, err = fmt.Fprintln(cmd.OutOrStdout(), filepath.ToSlash(r.File))
	return err
}

// openEditor opens file in $VISUAL or $EDITOR (which may carry arguments,
// such as "code --wait"); without either it does nothing.
func openEditor(file string, stderr io.Writer) error {
	editor := os.Getenv("VISUAL")
	if editor == "" {
		editor = os.Getenv("EDITOR")
	}
	if editor == "" {
		return nil
	}
	c := exec.Command("sh", "-c", editor+` "$1"`, "sh", file)
	c.Stdin, c.Stdout, c.Stderr = os.Stdin, os.Stdout, stderr
	if err := c.Run(); err != nil {
		return fmt.Errorf("editor %q: %w (the record is written)", editor, err)
	}
	return nil
}

func newADRStatusCmd(env *adrEnv) *cobra.Command {
	return &cobra.Command{
		Use:   "status RECORD STATUS...",
		Short: "Change a record's status",
		Long: `status changes the status of a record, given by number or part of its file
name, where the record keeps it (status section, front matter or bullet).
Accepting a record that supersedes others marks them superseded.`,
		Example: `  archie adr status 7 accepted`,
		Args:    cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			log, _, err := env.open(cmd, initHint)
			if err != nil {
				return err
			}
			r, err := log.SetStatus(args[0], strings.Join(args[1:], " "))
			if err != nil {
				return err
			}
			_, err = fmt.Fprintln(cmd.OutOrStdout(), filepath.ToSlash(r.File))
			return err
		},
	}
}

func newADRLinkCmd(env *adrEnv) *cobra.Command {
	return &cobra.Command{
		Use:     "link SOURCE VERB TARGET REVERSE",
		Short:   "Link two records both ways",
		Example: `  archie adr link 12 Amends 10 "Amended by"`,
		Args:    cobra.ExactArgs(4),
		RunE: func(cmd *cobra.Command, args []string) error {
			log, _, err := env.open(cmd, initHint)
			if err != nil {
				return err
			}
			return log.AddLink(args[0], args[1], args[2], args[3])
		},
	}
}

func newADRRenumberCmd(env *adrEnv) *cobra.Command {
	return &cobra.Command{
		Use:   "renumber RECORD NEW",
		Short: "Give a record a new number, and fix every link to it",
		Long: `renumber renames a record's file to its new number, changes a numbered
heading, and rewrites the links other records have to it: the fix when two
branches both added the same number.`,
		Example: `  archie adr renumber 7 9`,
		Args:    cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			to, err := strconv.Atoi(args[1])
			if err != nil {
				return fmt.Errorf("new number %q: give a number", args[1])
			}
			log, _, err := env.open(cmd, initHint)
			if err != nil {
				return err
			}
			r, err := log.Renumber(args[0], to)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintln(cmd.OutOrStdout(), filepath.ToSlash(r.File))
			return err
		},
	}
}

func newADRListCmd(env *adrEnv) *cobra.Command {
	var status, format string
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List records with their status, links and the rules that cite them",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			log, cfg, err := env.open(cmd, initHint)
			if err != nil {
				return err
			}
			for _, e := range log.Unreadable {
				fmt.Fprintf(cmd.ErrOrStderr(), "archie: %v (left out)\n", e)
			}
			entries := log.Entries(citations(cfg), status)
			switch format {
			case "json":
				return adr.WriteJSON(cmd.OutOrStdout(), entries)
			case "text":
				return adr.WriteText(cmd.OutOrStdout(), entries)
			}
			return fmt.Errorf("unknown --format %q: use text or json", format)
		},
	}
	cmd.Flags().StringVar(&status, "status", "", "list only records with this `status`")
	cmd.Flags().StringVar(&format, "format", "text", "output `format`: text or json")
	return cmd
}

func newADRIndexCmd(env *adrEnv) *cobra.Command {
	var opts adr.IndexOptions
	var output string
	cmd := &cobra.Command{
		Use:   "index",
		Short: "Write a table of contents of the records (adr-tools' generate toc)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			log, _, err := env.open(cmd, initHint)
			if err != nil {
				return err
			}
			if output == "" {
				return log.Index(cmd.OutOrStdout(), opts)
			}
			return log.WriteIndex(output, opts)
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "", "write to `file` instead of stdout (replaced atomically)")
	cmd.Flags().BoolVar(&opts.ByStatus, "by-status", false, "group the records by status")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "let --output replace a file that is not an index archie wrote")
	cmd.Flags().StringVarP(&opts.Prefix, "prefix", "p", "", "`prefix` for each link, such as doc/adr/")
	return cmd
}

func newADRGraphCmd(env *adrEnv) *cobra.Command {
	var opts adr.GraphOptions
	cmd := &cobra.Command{
		Use:   "graph",
		Short: "Draw the records and their links (supersedes, amends) as DOT or Mermaid",
		Example: `  archie adr graph | dot -Tsvg > decisions.svg
  archie adr graph --format mermaid`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			log, _, err := env.open(cmd, initHint)
			if err != nil {
				return err
			}
			return log.Graph(cmd.OutOrStdout(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "dot", "output `format`: dot or mermaid")
	cmd.Flags().StringVarP(&opts.Prefix, "prefix", "p", "", "DOT: `prefix` for each node's link")
	cmd.Flags().StringVarP(&opts.Extension, "extension", "e", ".html", "DOT: `extension` of the linked documents")
	return cmd
}

func newADRLintCmd(env *adrEnv) *cobra.Command {
	var base, format string
	cmd := &cobra.Command{
		Use:   "lint",
		Short: "Check the records, their links, and the rules that cite them",
		Long: `lint reports, as file:line: message, numbers used twice, broken and
one-sided links, missing titles, statuses and dates, statuses outside the
allowed set (adr.statuses in archie.yaml), file names that no longer match
their title, and archie.yaml rules citing a record that is missing,
rejected or superseded.

With --base, it also finds numbers this branch uses that the base revision
gives to another record: two branches that both added record 7 (needs git).
Exit status 1 when there is an error, 0 when only warnings.`,
		Example: `  archie adr lint
  archie adr lint --base origin/main`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			log, cfg, err := env.open(cmd, initHint)
			if err != nil {
				return err
			}
			opts := adr.LintOptions{Citations: citations(cfg)}
			if cfg != nil && len(cfg.ADR.Statuses) > 0 {
				opts.Statuses = cfg.ADR.Statuses
			}
			if base != "" {
				if opts.Base, opts.Ancestor, err = gitRecordNames(log.Dir, base); err != nil {
					return err
				}
				opts.BaseName = base
			}
			if format != "text" && format != "json" {
				return fmt.Errorf("unknown --format %q: use text or json", format)
			}
			findings := log.Lint(opts)
			if err := adr.WriteFindings(cmd.OutOrStdout(), findings, format); err != nil {
				return err
			}
			errs, warns := 0, 0
			for _, f := range findings {
				if f.Severity == "error" {
					errs++
				} else {
					warns++
				}
			}
			if format == "text" {
				fmt.Fprintf(cmd.ErrOrStderr(), "%s, %s, %s\n", plural(len(log.Records)+len(log.Unreadable), "record"), plural(errs, "error"), plural(warns, "warning"))
			}
			if errs > 0 {
				return errViolations
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&base, "base", "", "git `revision` to compare numbers with, such as origin/main")
	cmd.Flags().StringVar(&format, "format", "text", "output `format`: text or json")
	return cmd
}

// gitRecordNames lists the files of dir at rev, and at the merge base of
// HEAD and rev (nil when there is none), with git.
func gitRecordNames(dir, rev string) (base, ancestor []string, err error) {
	list := func(r string) ([]string, error) {
		c := exec.Command("git", "ls-tree", "--name-only", r, "--", "./")
		c.Dir = dir
		var stderr bytes.Buffer
		c.Stderr = &stderr
		out, err := c.Output()
		if err != nil {
			return nil, fmt.Errorf("git ls-tree %s in %s: %v: %s", r, dir, err, strings.TrimSpace(stderr.String()))
		}
		names := []string{}
		for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			if l != "" {
				names = append(names, filepath.Base(l))
			}
		}
		return names, nil
	}
	if base, err = list(rev); err != nil {
		return nil, nil, err
	}
	c := exec.Command("git", "merge-base", "HEAD", rev)
	c.Dir = dir
	if out, err := c.Output(); err == nil {
		ancestor, _ = list(strings.TrimSpace(string(out)))
	}
	return base, ancestor, nil
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
