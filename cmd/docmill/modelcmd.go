package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/docmill/docmill/model"
	"github.com/docmill/docmill/monitor"
	"github.com/docmill/docmill/server"
)

func modelCmd() *cobra.Command {
	cmd := commandGroup(&cobra.Command{Use: "model", Short: "Model lifecycle: hot swap and shadow comparison"})
	use := &cobra.Command{Use: "use DIR|free", Short: "Hot-swap every worker to a model bundle (a folder on the workers' disks) or the model-free tier",
		Args: cobra.ExactArgs(1)}
	unf := addNATSFlags(use.Flags())
	unchecked := use.Flags().Bool("unchecked", false, "record an absolute path without checking it here: for a bundle on the workers' disks only (they check it, and /healthz model_swap says when one cannot load it)")
	use.RunE = func(cmd *cobra.Command, args []string) error {
		// checked before connecting: a path that is no bundle is refused
		// whether or not the broker is there
		a := server.Active{Disabled: args[0] == "free"}
		if !a.Disabled {
			var err error
			if a.Dir, err = bundleOnWorkers(args[0], *unchecked); err != nil {
				return err
			}
		}
		nc, js, err := unf.connect()
		if err != nil {
			return err
		}
		defer nc.Close()
		if err := server.UseModel(cmd.Context(), js, a); err != nil {
			return fmt.Errorf("record the active model: %w", err)
		}
		fmt.Fprintf(os.Stderr, "workers will switch to %s; check /healthz (component analyzer; a worker that cannot load it stays on its model and says why under model_swap) or the Docmill-Model header of new results\n", args[0])
		return nil
	}
	compare := &cobra.Command{Use: "compare", Short: "Agreement of shadow models with the primary, from recorded results", Args: cobra.NoArgs}
	cnf := addNATSFlags(compare.Flags())
	asJSON := compare.Flags().Bool("json", false, "JSON output")
	compare.RunE = func(cmd *cobra.Command, _ []string) error {
		nc, js, err := cnf.connect()
		if err != nil {
			return err
		}
		defer nc.Close()
		rep, err := monitor.CompareRecorded(cmd.Context(), js)
		if err != nil {
			return err
		}
		if *asJSON {
			return json.NewEncoder(os.Stdout).Encode(rep)
		}
		if len(rep) == 0 {
			fmt.Println("no shadow results recorded (set model.shadow in the config)")
			return nil
		}
		t := newTable(os.Stdout, "SHADOW", "AGAINST", "PAIRS", "CLASS AGREEMENT", "KEYWORD OVERLAP", "SUMMARY OVERLAP", "LATENCY RATIO")
		for _, a := range rep {
			t.row(a.Shadow, a.Primary, strconv.Itoa(a.Pairs), fmt.Sprintf("%.3f", a.Class), fmt.Sprintf("%.3f", a.Keywords),
				fmt.Sprintf("%.3f", a.Summary), fmt.Sprintf("%.2f", a.LatencyRatio))
		}
		return t.flush()
	}
	cmd.AddCommand(use, compare, modelShowCmd(), modelResetCmd())
	return cmd
}

func init() { rootCmd.AddCommand(modelCmd()) }

// modelShowCmd prints the registry's entry: nothing else showed that a
// model use overrides every worker's configured model.
func modelShowCmd() *cobra.Command {
	show := &cobra.Command{Use: "show", Short: "Print the model the registry names for every worker (docmill model use), or that there is none", Args: cobra.NoArgs}
	nf := addNATSFlags(show.Flags())
	show.RunE = func(cmd *cobra.Command, _ []string) error {
		nc, js, err := nf.connect()
		if err != nil {
			return err
		}
		defer nc.Close()
		a, ok, err := server.ShowModel(cmd.Context(), js)
		if err != nil {
			return err
		}
		out := cmd.OutOrStdout()
		if !ok {
			fmt.Fprintln(out, "no registry model: each process runs its configured model (model.dir, --model, --no-model)")
			return nil
		}
		fmt.Fprintf(out, "active: %s\n", a)
		for _, p := range a.Previous {
			fmt.Fprintf(out, "fallback: %s\n", p)
		}
		fmt.Fprintln(out, "it overrides model.dir; --model, --no-model and model.disabled win over it; docmill model reset clears it")
		return nil
	}
	return show
}

// modelResetCmd clears the registry's entry, so that each process runs
// its own configuration again.
func modelResetCmd() *cobra.Command {
	reset := &cobra.Command{Use: "reset", Short: "Clear the registry's model: every worker goes back to its configured model", Args: cobra.NoArgs}
	nf := addNATSFlags(reset.Flags())
	reset.RunE = func(cmd *cobra.Command, _ []string) error {
		nc, js, err := nf.connect()
		if err != nil {
			return err
		}
		defer nc.Close()
		if err := server.ResetModel(cmd.Context(), js); err != nil {
			return err
		}
		fmt.Fprintln(os.Stderr, "registry model cleared: workers switch to their configured model (check /healthz model)")
		return nil
	}
	return reset
}

// bundleOnWorkers checks a bundle folder named for the workers, which
// the registry then names as every worker's model. It must be a bundle
// here: checked as the workers load it where the ONNX Runtime is installed
// here, else by its files (checkBundleHere). A path that is not here is
// refused too: recorded, it was refused by every worker at every start,
// with an error in the log, until the next model use. A bundle on the
// workers' disks only is recorded with unchecked, by its absolute path; a
// relative one names no folder there and is refused all the same.
func bundleOnWorkers(arg string, unchecked bool) (string, error) {
	dir, err := filepath.Abs(arg)
	if err != nil {
		return "", fmt.Errorf("bundle %s: %w", arg, err)
	}
	if _, err := os.Stat(dir); err != nil {
		if !filepath.IsAbs(arg) {
			return "", fmt.Errorf("%s is not here; name the bundle by its absolute path on the workers' disks", arg)
		}
		if !unchecked {
			return "", fmt.Errorf("%s is not on this machine (%s), so not recorded as the workers' model; a bundle on the workers' disks only is recorded with --unchecked",
				dir, pathProblem(err))
		}
		fmt.Fprintf(os.Stderr, "%s is not on this machine; the workers check it on theirs (see /healthz model_swap)\n", dir)
		return dir, nil
	}
	if unchecked {
		return dir, nil
	}
	bc, err := checkBundleHere(dir, "")
	if err != nil {
		return "", fmt.Errorf("%w: not recorded as the workers' model (--unchecked records it anyway)", err)
	}
	if !bc.int8 {
		fmt.Fprintf(os.Stderr, "%s has no int8 graphs (*.int8.onnx) for every segment: workers with model.int8 run it in fp32\n", dir)
	}
	return dir, nil
}

// errInt8 marks a bundle whose fp32 graphs load but whose int8 variants
// do not, which only workers with model.int8 refuse.
var errInt8 = errors.New("workers with model.int8 cannot load it")

// bundleChecked is how checkBundleHere checked a bundle.
type bundleChecked struct {
	int8      bool  // every segment has an int8 variant
	filesOnly error // why the bundle was not loaded (no runtime here); nil when it was
}

// checkBundleHere loads the bundle at dir as a worker would (its graphs
// against its manifest, its tokenizer, a run of it, and the int8 variants it declares,
// which workers with model.int8 load instead) when the ONNX Runtime
// library (ortLib, else found as FindORTLib finds it) is here, and checks
// its files otherwise.
func checkBundleHere(dir, ortLib string) (bundleChecked, error) {
	lib, err := model.FindORTLib(ortLib)
	if err == nil {
		err = model.InitRuntime(lib)
	}
	if err != nil {
		// a runtime that is not here, or does not start, says nothing
		// of the bundle
		if err := model.CheckFiles(dir); err != nil {
			return bundleChecked{}, err
		}
		int8, ferr := model.CheckInt8Files(dir)
		return bundleChecked{int8: int8, filesOnly: err}, ferr
	}
	// Load, not LoadBundle: the bundle must also run (a tokenizer of
	// another model, labels that do not match the heads), or every worker
	// refuses what the registry names
	m, err := model.Load(model.Options{Dir: dir, LibPath: lib, Threads: 1})
	if err != nil {
		return bundleChecked{}, err
	}
	defer m.Close()
	int8, err := m.Bundle.CheckInt8()
	if err != nil {
		return bundleChecked{}, fmt.Errorf("%w (%w)", err, errInt8)
	}
	return bundleChecked{int8: int8}, nil
}
