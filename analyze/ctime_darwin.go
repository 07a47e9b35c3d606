package analyze

import (
	"io/fs"
	"syscall"
)

// changeTime is a file's inode change time (see ctime_linux.go).
func changeTime(info fs.FileInfo) int64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return int64(st.Ctimespec.Sec)*1e9 + int64(st.Ctimespec.Nsec)
	}
	return 0
}
