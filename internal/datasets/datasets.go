// Package datasets locates the shared evaluation datasets. They live outside
// the repository (their licences do not all allow copying), by default in
// ../shared/datasets next to the repository root; DOCMILL_DATASETS overrides.
package datasets

import (
	"os"
	"path/filepath"
	"testing"
)

// Env is the environment variable that overrides the datasets folder.
const Env = "DOCMILL_DATASETS"

// Dir returns the datasets folder (it may not exist).
func Dir() string {
	if d := os.Getenv(Env); d != "" {
		return d
	}
	root, err := RepoRoot()
	if err != nil {
		return filepath.Join("..", "shared", "datasets")
	}
	return filepath.Join(root, "..", "shared", "datasets")
}

// Path joins elements under Dir.
func Path(elem ...string) string {
	return filepath.Join(append([]string{Dir()}, elem...)...)
}

// RepoRoot walks up from the working directory to the folder holding go.mod.
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}

// Require returns the path of a dataset file or folder, skipping the test
// with a clear message when it is absent.
func Require(t testing.TB, elem ...string) string {
	t.Helper()
	p := Path(elem...)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("dataset %s not found (set %s to the datasets folder): %v", p, Env, err)
	}
	return p
}
