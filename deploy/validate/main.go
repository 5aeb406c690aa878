// Command validate checks docmill's deployment artifacts offline: it lints the
// Dockerfile with BuildKit's own rules plus a few project rules, loads the
// compose file with the compose-spec loader, writes JSON schemas for the
// Kubernetes kinds docmill uses (for kubeconform, which cannot download its
// schemas here), checks the Grafana dashboard's PromQL against the metrics
// the code defines, and decodes rendered manifests strictly into the official
// k8s.io/api types before checking project rules on them.
//
// It lives in its own Go module so that the Kubernetes, BuildKit and compose
// modules stay out of docmill's main module.
//
// Usage:
//
//	validate dockerfile FILE
//	validate compose FILE
//	validate schemas OUTDIR
//	validate manifests [-profile edge|default] FILE...
//	validate dashboard FILE SRCROOT
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "validate:", err)
		os.Exit(1)
	}
}

// run dispatches to one subcommand; its problems are returned as one error so
// that every problem in a file is reported in one go.
func run(args []string) error {
	if len(args) == 0 {
		return errors.New("usage: validate dockerfile|compose|schemas|manifests ARGS")
	}
	switch args[0] {
	case "dockerfile":
		if len(args) != 2 {
			return errors.New("usage: validate dockerfile FILE")
		}
		return report("dockerfile "+args[1], func() ([]string, error) { return lintDockerfileFile(args[1]) })
	case "compose":
		if len(args) != 2 {
			return errors.New("usage: validate compose FILE")
		}
		return report("compose "+args[1], func() ([]string, error) { return checkComposeFile(args[1]) })
	case "schemas":
		if len(args) != 2 {
			return errors.New("usage: validate schemas OUTDIR")
		}
		n, err := writeSchemas(args[1])
		if err != nil {
			return err
		}
		fmt.Printf("schemas: wrote %d JSON schemas to %s\n", n, args[1])
		return nil
	case "dashboard":
		if len(args) != 3 {
			return errors.New("usage: validate dashboard FILE SRCROOT")
		}
		return report("dashboard "+args[1], func() ([]string, error) { return checkDashboardFile(args[1], args[2]) })
	case "manifests":
		fs := flag.NewFlagSet("manifests", flag.ContinueOnError)
		profile := fs.String("profile", "default", "rule profile: default (cluster) or edge (single replica)")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		for _, f := range fs.Args() {
			if err := report("manifests "+f, func() ([]string, error) { return checkManifestFile(f, *profile) }); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("unknown subcommand %q", args[0])
}

// report prints what a check looked at and fails when it found problems.
func report(what string, check func() ([]string, error)) error {
	problems, err := check()
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s: %d problem(s):\n  %s", what, len(problems), strings.Join(problems, "\n  "))
	}
	fmt.Printf("%s: ok\n", what)
	return nil
}
