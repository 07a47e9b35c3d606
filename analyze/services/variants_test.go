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
