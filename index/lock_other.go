//go:build !unix

package index

import (
	"errors"
	"os"
)

var errLocked = errors.New("locked")

// Elsewhere only Bleve's own lock guards the index.
func flock(*os.File) error   { return nil }
func funlock(*os.File) error { return nil }
