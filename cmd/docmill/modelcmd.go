package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/docmill/docmill/monitor"
	"github.com/docmill/docmill/server"
)

func modelCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "model", Short: "Model lifecycle: hot swap and shadow comparison"}
	use := &cobra.Command{Use: "use DIR|free", Short: "Hot-swap every worker to a model bundle (a folder on the workers' disks) or the model-free tier",
		Args: cobra.ExactArgs(1)}
	unf := addNATSFlags(use.Flags())
	use.RunE = func(cmd *cobra.Command, args []string) error {
		nc, js, err := unf.connect()
		if err != nil {
			return err
		}
		defer nc.Close()
		a := server.Active{Disabled: args[0] == "free"}
		if !a.Disabled {
			if a.Dir, err = bundleOnWorkers(args[0]); err != nil {
				return err
			}
		}
		if err := server.UseModel(cmd.Context(), js, a); err != nil {
			return err
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
		tw := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "SHADOW\tAGAINST\tPAIRS\tCLASS AGREEMENT\tKEYWORD OVERLAP\tSUMMARY OVERLAP\tLATENCY RATIO")
		for _, a := range rep {
			fmt.Fprintf(tw, "%s\t%s\t%d\t%.3f\t%.3f\t%.3f\t%.2f\n", a.Shadow, a.Primary, a.Pairs, a.Class, a.Keywords, a.Summary, a.LatencyRatio)
		}
		return tw.Flush()
	}
	cmd.AddCommand(use, compare)
	return cmd
}

func init() { rootCmd.AddCommand(modelCmd()) }

// bundleOnWorkers checks a bundle folder named for the workers. It is on
// their disks, which may not be this machine's: a folder that exists here
// must be a bundle; one that does not is sent as given when absolute (the
// workers refuse a bundle that does not load, and /healthz says why under
// model_swap), and refused when relative, which names no folder there.
func bundleOnWorkers(arg string) (string, error) {
	dir, err := filepath.Abs(arg)
	if err != nil {
		return "", err
	}
	if _, err := os.Stat(dir); err != nil {
		if !filepath.IsAbs(arg) {
			return "", fmt.Errorf("%s is not here; name the bundle by its absolute path on the workers' disks", arg)
		}
		fmt.Fprintf(os.Stderr, "%s is not on this machine; the workers check it on theirs (see /healthz model_swap)\n", dir)
		return dir, nil
	}
	if _, err := os.Stat(filepath.Join(dir, "manifest.json")); err != nil {
		if _, err2 := os.Stat(filepath.Join(dir, "model.onnx")); err2 != nil {
			return "", fmt.Errorf("%s is not a model bundle (no manifest.json or model.onnx)", dir)
		}
	}
	return dir, nil
}
