package services

import (
	"os"
	"testing"
)

func TestMain(m *testing.M) {
	ServeToolexec() // Load runs the test binary as the go command's -toolexec wrapper
	os.Exit(m.Run())
}
