//go:build !linux

package model

// threadCPU is not measured outside Linux.
func threadCPU() int64 { return 0 }
