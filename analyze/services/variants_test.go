package services

import "testing"

// TestChoose reads the choice a deployment's command makes: the go
// command's own words, and its flags' values, choose nothing.
func TestChoose(t *testing.T) {
	vals := []string{"run", "migrate", "web"}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"/app", "migrate"}, "migrate"},
		{[]string{"go", "run", ".", "migrate"}, "migrate"},
		{[]string{"go", "run", "-tags", "run", "./cmd/app", "web"}, "web"},
		{[]string{"go", "run", "-race", "./cmd/app", "run"}, "run"},
		{[]string{"go", "run", "./cmd/app"}, ""},
		{[]string{"app", "--config", "/etc/app.yaml", "web"}, "web"},
		{nil, ""},
	}
	for _, tc := range tests {
		w := &workload{args: tc.args}
		got := ""
		if sel := choose(w, choice{}, vals); sel != nil {
			got = sel.Value
		}
		if got != tc.want {
			t.Errorf("choose(%q) = %q, want %q", tc.args, got, tc.want)
		}
		if tc.want != "" && !w.runs(&Selector{Value: tc.want}, vals) {
			t.Errorf("workload running %q does not run %q", tc.args, tc.want)
		}
		if tc.want != "run" && w.runs(&Selector{Value: "run"}, vals) {
			t.Errorf("workload running %q runs %q", tc.args, "run")
		}
	}
}

// A binary chosen by its first argument is not chosen by the name it is
// run by (/app/server server and /app/server worker are two services);
// one chosen by its name is, a path's base name included.
func TestChooseName(t *testing.T) {
	vals := []string{"server", "worker"}
	for _, tc := range []struct {
		args []string
		ch   choice
		want string
	}{
		{[]string{"/app/server", "worker"}, choice{}, "worker"},
		{[]string{"/app/server", "server"}, choice{}, "server"},
		{[]string{"/app/worker", "consume"}, choice{}, ""},
		{[]string{"/usr/local/bin/worker", "--once"}, choice{name: true}, "worker"},
		{[]string{"server"}, choice{name: true}, "server"},
	} {
		w := &workload{args: tc.args}
		got := ""
		if sel := choose(w, tc.ch, vals); sel != nil {
			got = sel.Value
			if !w.runs(sel, vals) {
				t.Errorf("workload running %q does not run its choice %q", tc.args, got)
			}
		}
		if got != tc.want {
			t.Errorf("choose(%q, name %v) = %q, want %q", tc.args, tc.ch.name, got, tc.want)
		}
	}
	if w := (&workload{args: []string{"/app/worker", "consume"}}); w.runs(&Selector{Value: "worker"}, nil) {
		t.Error("a first-argument choice matched the program's path")
	}
}

// A command under a command is chosen by its path, flags between its
// words or not, and the longest path the words spell is the one chosen:
// `api serve` runs serve, not api.
func TestCommandAt(t *testing.T) {
	cmds := []string{"api", "api serve", "serve", "connectors serve", "migrate up"}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"api", "serve"}, "api serve"},
		{[]string{"api"}, "api"},
		{[]string{"/pay", "api", "serve", "--port", "8080"}, "api serve"},
		{[]string{"api", "--port", "8080", "serve"}, "api serve"},
		{[]string{"api", "--port=8080", "serve"}, "api serve"},
		{[]string{"api", "-v", "serve"}, "api serve"},
		{[]string{"api", "status", "serve"}, "api"},
		{[]string{"--verbose", "connectors", "serve"}, "connectors serve"},
		{[]string{"connectors"}, ""},
		{[]string{"serve"}, "serve"},
		{[]string{"migrate", "down"}, ""},
	} {
		w := &workload{args: tc.args}
		got := ""
		if sel := choose(w, choice{}, cmds); sel != nil {
			got = sel.Value
		}
		if got != tc.want {
			t.Errorf("choose(%q) = %q, want %q", tc.args, got, tc.want)
		}
		for _, c := range cmds {
			if runs := w.runs(&Selector{Value: c}, cmds); runs != (c == tc.want) {
				t.Errorf("workload %q runs %q: %v, want %v", tc.args, c, runs, !runs)
			}
		}
	}
}

// TestChooseFlag reads the value a deployment's command gives a string
// flag main compares: its default where the command leaves it unset, and
// nothing where a word archie cannot read may set it.
func TestChooseFlag(t *testing.T) {
	ch := choice{flag: "role", def: "api"}
	vals := []string{"api", "worker"}
	tests := []struct {
		args  []string
		want  string
		unset bool
	}{
		{[]string{"/app", "-role=worker"}, "worker", false},
		{[]string{"/app", "--role", "worker", "-v"}, "worker", false},
		{[]string{"/app", "-role=worker", "-role=api"}, "api", false}, // the last wins
		{[]string{"/app", "-v"}, "api", true},
		{[]string{"/app", "-role=WORKER"}, "worker", false},
		{[]string{"go", "run", "./cmd/app", "-role=worker"}, "worker", false},
		{[]string{"/app", "${ARGS}"}, "", false},                       // may set it
		{[]string{"/app", "${ARGS}", "-role=worker"}, "worker", false}, // set after
		{[]string{"/app", "-role", "${ROLE}"}, "", false},
		{[]string{"/app", "-role=audit"}, "", false}, // main knows no audit
		{[]string{"/app", "-roles=worker"}, "api", true},
		{[]string{"sh", "-c", "/app -role=worker"}, "", false},
		{nil, "", false}, // the image's command is not known
	}
	for _, tc := range tests {
		w := &workload{args: tc.args}
		sel := choose(w, ch, vals)
		got, unset := "", false
		if sel != nil {
			got, unset = sel.Value, sel.Unset
		}
		if got != tc.want || unset != tc.unset {
			t.Errorf("choose(%q) = %q (unset %v), want %q (unset %v)", tc.args, got, unset, tc.want, tc.unset)
		}
		if sel != nil && !w.runs(sel, nil) {
			t.Errorf("workload running %q does not run %s", tc.args, sel)
		}
		other := &Selector{Flag: "role", Value: "worker"}
		if got == "api" && w.runs(other, nil) {
			t.Errorf("workload running %q runs %s", tc.args, other)
		}
	}
	if got := ParseSelector("--role=worker").String(); got != "-role=worker" {
		t.Errorf("ParseSelector(--role=worker) = %s", got)
	}
}
