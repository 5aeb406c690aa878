// Package model is docmill's neural tier: it loads model bundles (ONNX
// segments of a multi-exit encoder plus a Hugging Face tokenizer), runs them
// on ONNX Runtime with dynamic depth and batching, and exposes the result as
// an enrich.Analyzer.
package model

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	ort "github.com/yalue/onnxruntime_go"
)

// EnvORTLib is the environment variable that names the ONNX Runtime shared
// library when no flag does.
const EnvORTLib = "DOCMILL_ORT_LIB"

// ErrORTNotFound is returned (wrapped) when no ONNX Runtime library is found.
var ErrORTNotFound = errors.New("ONNX Runtime library not found: set --ort-lib or DOCMILL_ORT_LIB, or run `make deps`")

// ortLibName is the file name the setup step installs.
const ortLibName = "libonnxruntime.so.1"

// ortCandidates lists where FindORTLib looks after the flag and the
// environment, in order.
func ortCandidates() []string {
	rel := filepath.Join("third_party", "onnxruntime", ortLibName)
	var out []string
	if wd, err := os.Getwd(); err == nil {
		out = append(out, filepath.Join(wd, rel))
		// Tests run inside package folders; look up the tree for the repo root.
		for d := filepath.Dir(wd); d != filepath.Dir(d); d = filepath.Dir(d) {
			out = append(out, filepath.Join(d, rel))
		}
	}
	if exe, err := os.Executable(); err == nil {
		dir := filepath.Dir(exe)
		out = append(out, filepath.Join(dir, rel), filepath.Join(filepath.Dir(dir), rel))
	}
	return append(out,
		filepath.Join("/usr/local/lib", ortLibName), filepath.Join("/usr/local/lib", "libonnxruntime.so"),
		filepath.Join("/usr/lib", ortLibName), filepath.Join("/usr/lib", "libonnxruntime.so"))
}

// FindORTLib returns the ONNX Runtime shared library to use: flagValue when
// set, then $DOCMILL_ORT_LIB, then third_party/onnxruntime/libonnxruntime.so.1
// relative to the working directory (and its parents) and to the
// executable's directory, then /usr/local/lib and /usr/lib. A path given
// explicitly must exist; it is never silently replaced by a default.
func FindORTLib(flagValue string) (string, error) {
	for _, given := range []struct{ from, path string }{{"--ort-lib", flagValue}, {EnvORTLib, os.Getenv(EnvORTLib)}} {
		if given.path == "" {
			continue
		}
		if err := checkLibFile(given.path); err != nil {
			return "", fmt.Errorf("%s=%s: %w (%w)", given.from, given.path, err, ErrORTNotFound)
		}
		return given.path, nil
	}
	for _, p := range ortCandidates() {
		if checkLibFile(p) == nil {
			return p, nil
		}
	}
	return "", ErrORTNotFound
}

func checkLibFile(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	if st.IsDir() {
		return fmt.Errorf("%s is a directory", path)
	}
	return nil
}

var rt struct {
	mu   sync.Mutex
	path string // library the environment was initialised with
}

// InitRuntime loads the ONNX Runtime library at path and initialises its
// environment. It is safe to call from several goroutines and more than
// once: later calls with the same (or an empty) path are no-ops, a call with
// a different path after success is an error, and a failed call may be
// retried with another path. It never panics.
func InitRuntime(path string) (err error) {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	if ort.IsInitialized() {
		if path == "" || sameFile(path, rt.path) {
			return nil
		}
		return fmt.Errorf("ONNX Runtime already initialised from %s; cannot switch to %s", rt.path, path)
	}
	if path == "" {
		if path, err = FindORTLib(""); err != nil {
			return err
		}
	}
	if err := checkLibFile(path); err != nil {
		return fmt.Errorf("load ONNX Runtime %s: %w (%w)", path, err, ErrORTNotFound)
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("load ONNX Runtime %s: %v", path, r)
		}
	}()
	ort.SetSharedLibraryPath(path)
	if err := ort.InitializeEnvironment(ort.WithLogLevelError()); err != nil {
		return fmt.Errorf("load ONNX Runtime %s (need version >= 1.24): %w", path, err)
	}
	rt.path = path
	return nil
}

// RuntimePath returns the library InitRuntime loaded, or "" before a
// successful call.
func RuntimePath() string {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	return rt.path
}

func sameFile(a, b string) bool {
	if a == b {
		return true
	}
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(sa, sb)
}
