//go:build unix

package write

import (
	"os"
	"syscall"
)

func inodeOf(st os.FileInfo) uint64 { return st.Sys().(*syscall.Stat_t).Ino }
