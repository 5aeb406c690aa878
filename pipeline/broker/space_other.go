//go:build !(linux || darwin || freebsd)

package broker

import "errors"

// freeBytes cannot tell the free space here: JetStream is switched on
// again without waiting for room.
func freeBytes(string) (int64, error) { return 0, errors.New("free space unknown on this system") }
