//go:build unix

package adr

import (
	"os"
	"syscall"
)

// lockDir holds an exclusive advisory lock on the directory until the
// returned function is called, so that two archie processes numbering new
// records in it at the same moment take turns.
func lockDir(dir string) (func(), error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		f.Close()
		return func() {}, nil // no locking here (some network filesystems): exclusive create still holds
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
