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
		if tc.want != "" && !w.runs(&Selector{Value: tc.want}) {
			t.Errorf("workload running %q does not run %q", tc.args, tc.want)
		}
		if tc.want != "run" && w.runs(&Selector{Value: "run"}) {
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
			if !w.runs(sel) {
				t.Errorf("workload running %q does not run its choice %q", tc.args, got)
			}
		}
		if got != tc.want {
			t.Errorf("choose(%q, name %v) = %q, want %q", tc.args, tc.ch.name, got, tc.want)
		}
	}
	if w := (&workload{args: []string{"/app/worker", "consume"}}); w.runs(&Selector{Value: "worker"}) {
		t.Error("a first-argument choice matched the program's path")
	}
}
