package analyze

import (
	"regexp"
	"strings"
)

// refusedModule matches the go command's report of a module version the
// module proxy (or the checksum database) does not serve: MODULE@VERSION,
// the server and its status.
var refusedModule = regexp.MustCompile(`(\S+@\S+): reading https?://([^/\s]+)\S*: (4\d\d [A-Za-z ]+)`)

// RefusedModule returns the module version and the status of a module
// proxy's refusal the go command reports in msg, if it reports one; the
// status names the checksum database when that is what refused.
func RefusedModule(msg string) (module, status string, ok bool) {
	m := refusedModule.FindStringSubmatch(msg)
	if m == nil {
		return "", "", false
	}
	status = strings.TrimSpace(m[3])
	if strings.HasPrefix(m[2], "sum.") {
		status += " from the checksum database " + m[2]
	}
	return m[1], status, true
}

// RefusedHint says what to do about a module the proxy or the checksum
// database refuses.
func RefusedHint(module, status string) string {
	return "the go command could not fetch " + module + " (" + status + "), so the code that needs it could not be read: if the module is private, set GOPRIVATE (and give the go command access to its repository) or GOPROXY, then run archie again"
}

// goCommandError is what the go command said, without the wrapping
// go/packages puts around it ("err: exit status 1: stderr: go: ") and
// without its progress lines (go: downloading …); a module the proxy
// refused gets its hint.
func goCommandError(err error) string {
	msg := strings.TrimSpace(err.Error())
	if _, rest, ok := strings.Cut(msg, "stderr: "); ok {
		msg = rest
	}
	var lines []string
	for _, l := range strings.Split(msg, "\n") {
		if !strings.HasPrefix(l, "go: downloading ") && !strings.HasPrefix(l, "go: finding module ") {
			lines = append(lines, l)
		}
	}
	msg = strings.TrimPrefix(strings.TrimSpace(strings.Join(lines, "\n")), "go: ")
	if mod, status, ok := RefusedModule(msg); ok {
		msg += "\n" + RefusedHint(mod, status)
	}
	return msg
}
