package analyze

import (
	"io/fs"
	"syscall"
)

// changeTime is a file's inode change time, which tools that put a
// modification time back (touch -r, cp -p, tar) cannot set: Unix
// nanoseconds, or 0 where the system does not say.
func changeTime(info fs.FileInfo) int64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return int64(st.Ctim.Sec)*1e9 + int64(st.Ctim.Nsec)
	}
	return 0
}
