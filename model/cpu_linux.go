//go:build linux

package model

import "syscall"

// rusageThread is RUSAGE_THREAD: the calling thread's resource usage.
const rusageThread = 1

// threadCPU returns the CPU time the calling OS thread has used, in
// nanoseconds (user + system); 0 when unavailable.
func threadCPU() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
