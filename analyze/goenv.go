package analyze

import (
	"os"
	"strings"
)

// GoEnv is the environment archie runs the go command in. It starts from
// env (os.Environ() when nil) and makes loading safe for the code being
// read:
//
//   - GOTOOLCHAIN=local: never download a toolchain on archie's behalf;
//   - no -mod flag from GOFLAGS: the go command then reads the module in
//     its default mode (readonly, or vendor when the module vendors), so
//     a GOFLAGS=-mod=mod in a developer's shell cannot make archie rewrite
//     the analysed repository's go.mod or go.sum;
//   - with noCgo, CGO_ENABLED=0: type-checking cgo files needs cgo
//     preprocessing, which runs the C compiler with flags taken from the
//     repository's #cgo lines, and a checker should not do that unless
//     asked (--cgo). Listing imports never runs it, so Load keeps the
//     user's setting and sees the same files a build would.
func GoEnv(env []string, noCgo bool) []string {
	if env == nil {
		env = os.Environ()
	}
	out := make([]string, 0, len(env)+3)
	for _, kv := range env {
		switch k, v, _ := strings.Cut(kv, "="); k {
		case "GOTOOLCHAIN":
			continue
		case "CGO_ENABLED":
			if noCgo {
				continue
			}
		case "GOFLAGS":
			kv = "GOFLAGS=" + withoutModFlag(v)
		}
		out = append(out, kv)
	}
	out = append(out, "GOTOOLCHAIN=local")
	if noCgo {
		out = append(out, "CGO_ENABLED=0")
	}
	return out
}

// withoutModFlag drops -mod=… (and --mod=…) from a GOFLAGS value, which is
// a space-separated list of flags.
func withoutModFlag(flags string) string {
	var kept []string
	for _, f := range strings.Fields(flags) {
		name, _, _ := strings.Cut(strings.TrimLeft(f, "-"), "=")
		if name == "mod" {
			continue
		}
		kept = append(kept, f)
	}
	return strings.Join(kept, " ")
}
