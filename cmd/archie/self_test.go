package main

import (
	"bytes"
	"context"
	"testing"
)

// TestArchieChecksItself runs archie check on this repository: its own
// archie.yaml declares the layering of DESIGN.md, and it must hold.
func TestArchieChecksItself(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"check", "--strict", "../.."}, &stdout, &stderr); code != exitOK {
		t.Fatalf("archie check on archie: exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
}
