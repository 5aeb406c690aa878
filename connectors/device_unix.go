//go:build unix

package connectors

import (
	"os"
	"syscall"
)

// deviceOf returns the id of the filesystem that holds dir.
func deviceOf(dir string) (uint64, bool) {
	fi, err := os.Stat(dir)
	if err != nil {
		return 0, false
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, false
	}
	return uint64(st.Dev), true // Dev is uint32 on some unixes
}
