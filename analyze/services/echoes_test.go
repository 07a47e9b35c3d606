package services

import (
	"maps"
	"os"
	"path/filepath"
	"testing"
)

func TestEchoMethods(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	plain := write("q.go", "package q\ntype Queue string\nfunc (q Queue) ToString() string { return string(q) }\nfunc (q Queue) Same() Queue { return (q) }\nfunc (q Queue) Prefixed() string { return \"x.\" + string(q) }\nfunc (q *Queue) Ptr() string { return string(*q) }\n")
	got := echoMethods([]string{plain})
	want := map[string]bool{"Queue.ToString": true, "Queue.Same": true}
	if !maps.Equal(got, want) {
		t.Errorf("echoMethods = %v, want %v", got, want)
	}
	// A package that declares its own string: string(q) is its call.
	own := write("own.go", "package q\nfunc string(q Queue) string { return \"prod.\" }\n")
	if got := echoMethods([]string{plain, own}); len(got) != 0 {
		t.Errorf("echoMethods with a package-level string = %v, want none", got)
	}
}
