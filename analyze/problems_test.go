package analyze

import "testing"

func TestProblems(t *testing.T) {
	load, after := Error{Msg: "no required module"}, Error{Msg: "roles", NotChecked: true}
	for _, tt := range []struct {
		errs []Error
		want string
	}{
		{[]Error{load}, "1 problem while loading the code"},
		{[]Error{load, load}, "2 problems while loading the code"},
		{[]Error{after}, "1 problem while analysing the code"},
		{[]Error{after, load, after}, "3 problems while loading and analysing the code"},
	} {
		if got := Problems(tt.errs); got != tt.want {
			t.Errorf("Problems(%v) = %q, want %q", tt.errs, got, tt.want)
		}
	}
	if load.Label() != "load error" || after.Label() != "not checked" {
		t.Errorf("Label() = %q, %q", load.Label(), after.Label())
	}
}
