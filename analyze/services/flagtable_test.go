package services

import "testing"

func TestFlagGiven(t *testing.T) {
	for _, tc := range []struct {
		words             []string
		flag              string
		bool              bool
		given, set, known bool
	}{
		{[]string{"/bundle", "--routerPort", "8888"}, "routerPort", false, true, true, true},
		{[]string{"/bundle", "--routerPort=0"}, "routerPort", false, false, true, true},
		{[]string{"/bundle", "--kubewatcher", "--routerUrl", "http://router"}, "kubewatcher", true, true, true, true},
		{[]string{"/bundle", "--kubewatcher=false"}, "kubewatcher", true, false, true, true},
		{[]string{"/bundle", "-timer"}, "timer", true, true, true, true},
		{[]string{"/bundle", "--executorPort", "8888"}, "routerPort", false, false, false, true},
		{[]string{"/bundle", "--routerPort", "$PORT"}, "routerPort", false, false, false, false},
		{nil, "routerPort", false, false, false, false},
	} {
		given, set, known := flagGiven(tc.words, tc.flag, tc.bool)
		if given != tc.given || set != tc.set || known != tc.known {
			t.Errorf("flagGiven(%q, %q) = %v, %v, %v; want %v, %v, %v", tc.words, tc.flag, given, set, known, tc.given, tc.set, tc.known)
		}
	}
}

func TestDockerCopies(t *testing.T) {
	for _, tc := range []struct {
		dockerfile string
		want       []string
		ok         bool
	}{
		{"FROM scratch\nCOPY $TARGETPLATFORM/fission-bundle /\n", []string{"fission-bundle"}, true},
		{"FROM scratch\nCOPY --chown=1:1 api worker /bin/\n", []string{"api", "worker"}, true},
		{"FROM golang AS build\nFROM scratch\nCOPY --from=build /out/api /\n", nil, true},
		{"FROM scratch\nCOPY . /src\n", nil, false},
		{"FROM scratch\nCOPY bin/ /bin/\n", nil, false},
		{"FROM scratch\nCOPY [\"api\", \"/\"]\n", nil, false},
	} {
		got, ok := dockerCopies([]byte(tc.dockerfile))
		if ok != tc.ok || len(got) != len(tc.want) {
			t.Errorf("dockerCopies(%q) = %q, %v; want %q, %v", tc.dockerfile, got, ok, tc.want, tc.ok)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("dockerCopies(%q) = %q; want %q", tc.dockerfile, got, tc.want)
			}
		}
	}
}
