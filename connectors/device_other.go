//go:build !unix

package connectors

// deviceOf reports no filesystem id where the platform has none to give;
// the unmount guard of mirrored folders is then off.
func deviceOf(string) (uint64, bool) { return 0, false }
