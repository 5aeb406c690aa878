//go:build linux

package model

import (
	"syscall"
	"unsafe"
)

// clockThreadCPUTime is CLOCK_THREAD_CPUTIME_ID: the calling thread's CPU
// clock, read from the scheduler's nanosecond accounting (getrusage's
// per-thread figures are tick-adjusted and too coarse for short runs).
const clockThreadCPUTime = 3

// threadCPU returns the CPU time the calling OS thread has used, in
// nanoseconds; 0 when unavailable.
func threadCPU() int64 {
	var ts syscall.Timespec
	_, _, errno := syscall.RawSyscall(syscall.SYS_CLOCK_GETTIME, clockThreadCPUTime, uintptr(unsafe.Pointer(&ts)), 0)
	if errno != 0 {
		return 0
	}
	return ts.Nano()
}
