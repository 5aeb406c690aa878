//go:build !unix

package server

// lockData does nothing where flock is not available.
func lockData(dir string) (func(), error) { return func() {}, nil }
