package analyze

import (
	"context"
	"encoding/json"
	"fmt"
	"go/build"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
)

// fastEnv is what the fast loader needs of the go command's settings: the
// values "go env" prints, so that go env -w settings and the defaults the
// go command computes (CGO_ENABLED with or without a C compiler) count as
// they do for go list.
type fastEnv struct {
	GOROOT, GOOS, GOARCH, GOMODCACHE, GOWORK, GOVERSION, GOFLAGS string
	GOEXPERIMENT, GO111MODULE, CGO_ENABLED, GOPATH               string
}

// readGoEnv runs go env once, in dir, with the environment Load gives
// the go command.
func readGoEnv(ctx context.Context, dir string, env []string) (*fastEnv, error) {
	cmd := exec.CommandContext(ctx, "go", "env", "-json", "GOROOT", "GOOS", "GOARCH", "GOMODCACHE", "GOWORK", "GOVERSION", "GOFLAGS", "GOEXPERIMENT", "GO111MODULE", "CGO_ENABLED", "GOPATH")
	cmd.Dir, cmd.Env = dir, env
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go env: %w", err)
	}
	var e fastEnv
	if err := json.Unmarshal(out, &e); err != nil {
		return nil, fmt.Errorf("go env: %w", err)
	}
	return &e, nil
}

// readToolTags asks the go command for the tags its own build sets
// (goexperiment.*, amd64.v1, ...), which go/build cannot know: they
// depend on the go command's release, GOEXPERIMENT and GOAMD64 and the
// like. It returns them, or why it could not.
func readToolTags(ctx context.Context, dir string, env []string) ([]string, string) {
	cmd := exec.CommandContext(ctx, "go", "list", "-e", "-f", "{{range context.ToolTags}}{{.}} {{end}}", "unsafe")
	cmd.Dir, cmd.Env = dir, env
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Sprintf("go list: %v", err)
	}
	return strings.Fields(string(out)), ""
}

var goVersionRE = regexp.MustCompile(`^go1\.(\d+)(\.\d+)?((rc|beta)\d+)?$`)

// buildContext is the go/build context that selects the files go list
// would select with these settings and build tags, or the reason it
// cannot be built exactly.
func (e *fastEnv) buildContext(tags []string) (*build.Context, string) {
	m := goVersionRE.FindStringSubmatch(e.GOVERSION)
	if m == nil {
		return nil, fmt.Sprintf("go version %q has no release tags archie knows", e.GOVERSION)
	}
	minor, _ := strconv.Atoi(m[1])
	ctx := build.Default
	ctx.GOROOT, ctx.GOPATH = e.GOROOT, ""
	ctx.GOOS, ctx.GOARCH = e.GOOS, e.GOARCH
	ctx.CgoEnabled = e.CGO_ENABLED == "1"
	ctx.Compiler = "gc"
	ctx.UseAllFiles = false
	ctx.ReleaseTags = nil
	for i := 1; i <= minor; i++ {
		ctx.ReleaseTags = append(ctx.ReleaseTags, "go1."+strconv.Itoa(i))
	}
	// The go command's own tool tags (goexperiment.*, amd64.v2, ...) are
	// those of its build, not archie's: files that name them are left
	// to go list (see dottedTag).
	ctx.ToolTags = nil
	ctx.BuildTags = nil
	for _, t := range tags {
		if !validTag(t) {
			return nil, fmt.Sprintf("build tag %q", t)
		}
		ctx.BuildTags = append(ctx.BuildTags, t)
	}
	return &ctx, ""
}

func validTag(t string) bool {
	if t == "" {
		return false
	}
	for _, r := range t {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '.') {
			return false
		}
	}
	return true
}

// dottedTag reports whether a build constraint names a tag whose truth
// the fast loader cannot know: goexperiment.* and the architecture
// feature tags (amd64.v3, arm.7, ...), which depend on how the go command
// was built and on GOAMD64 and friends. Other tags with dots are build
// tags like any other (antlr.nomutex).
func dottedTag(tag string) bool {
	prefix, _, ok := strings.Cut(tag, ".")
	if !ok {
		return false
	}
	switch prefix {
	case "goexperiment", "386", "amd64", "arm", "arm64", "loong64", "mips", "mipsle", "mips64", "mips64le",
		"ppc64", "ppc64le", "riscv64", "s390x", "wasm", "sparc64", "ppc", "riscv", "mips64p32", "mips64p32le",
		"amd64p32", "armbe", "arm64be", "s390", "sparc":
		return true
	}
	return false
}

// fastFlags reads the GOFLAGS value (already without -mod, see GoEnv):
// the build tags it sets, or why the fast loader cannot honour it. Only
// flags that do not change which files or packages go list sees are
// understood; any other flag (-overlay, -modfile, -race, -compiler, ...)
// leaves the load to go list.
func fastFlags(goflags string) (tags []string, set bool, why string) {
	for _, f := range strings.Fields(goflags) {
		name, value, hasValue := strings.Cut(strings.TrimLeft(f, "-"), "=")
		if !hasValue && (name == "tags" || name == "mod" || name == "p") {
			return nil, false, fmt.Sprintf("GOFLAGS %s without a value", f) // the go command refuses it
		}
		switch name {
		case "tags":
			tags, set = splitTags(value), true
		case "mod":
			// GoEnv drops -mod from GOFLAGS in the environment, not from
			// go env -w: -mod=vendor there reads another tree.
			if value != "readonly" && value != "mod" {
				return nil, false, fmt.Sprintf("GOFLAGS %s", f)
			}
		case "buildvcs", "trimpath", "modcacherw", "p":
		default:
			return nil, false, fmt.Sprintf("GOFLAGS %s", f)
		}
	}
	return tags, set, ""
}

// modFlag reports whether a GOFLAGS value sets -mod, which decides
// whether a vendor folder is read.
func modFlag(goflags string) bool {
	for _, f := range strings.Fields(goflags) {
		if name, _, _ := strings.Cut(strings.TrimLeft(f, "-"), "="); name == "mod" {
			return true
		}
	}
	return false
}

// splitTags splits a -tags value as the go command does: on commas, or on
// spaces in the older form.
func splitTags(v string) []string {
	sep := ","
	if !strings.Contains(v, ",") {
		sep = " "
	}
	var out []string
	for _, t := range strings.Split(v, sep) {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}
