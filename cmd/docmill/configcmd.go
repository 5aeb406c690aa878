package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/docmill/docmill/config"
	"github.com/docmill/docmill/model"
)

func configCmd() *cobra.Command {
	cmd := commandGroup(&cobra.Command{Use: "config", Short: "Work with docmill configuration files"})
	// a worker or indexer gets its cluster on the command line (deploy/
	// compose.yaml), so its file and environment alone, with nats.replicas
	// 3, read as an embedded server's that keeps one copy
	var natsURL string
	check := &cobra.Command{Use: "check [FILE]", Short: "Report every error in a config file (none: the defaults), with line numbers, DOCMILL_* environment applied as at startup, and load the model bundles it names", Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path, name := "", "defaults and environment"
			if len(args) == 1 {
				path, name = args[0], args[0]
			} else {
				// a process started without --config runs on these, so
				// they are worth checking (a DOCMILL_* value most of all)
				fmt.Fprintln(cmd.ErrOrStderr(), "no FILE: checking the defaults with the DOCMILL_* environment")
			}
			errs := config.CheckWith(path, func(c *config.Config) {
				if natsURL != "" {
					c.NATS.URL = natsURL
				}
			})
			mc := checkModels(path)
			errs = append(errs, mc.problems...)
			for _, w := range mc.warnings {
				fmt.Fprintf(cmd.ErrOrStderr(), "%s: warning: %s\n", name, w)
			}
			for _, e := range errs {
				fmt.Fprintf(cmd.ErrOrStderr(), "%s: %v\n", name, e)
			}
			if len(errs) > 0 {
				return errors.New(count(len(errs), "problem"))
			}
			for _, o := range config.EnvOverrides() {
				fmt.Fprintf(cmd.OutOrStdout(), "%s: %s\n", name, o)
			}
			for _, c := range mc.checked {
				fmt.Fprintf(cmd.OutOrStdout(), "%s: %s\n", name, c)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s: ok\n", name)
			return nil
		}}
	check.Flags().StringVar(&natsURL, "nats", "", "check as a process started with --nats URL(s) (a worker, an indexer, serve on a cluster)")
	show := &cobra.Command{Use: "show [FILE]", Short: "Print the configuration a process would run with FILE (or none) and the DOCMILL_* environment, before flags: every key, those the environment set marked, secrets redacted", Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := ""
			if len(args) == 1 {
				path = args[0]
			}
			out, err := config.Show(path)
			if err != nil {
				return err
			}
			_, err = cmd.OutOrStdout().Write(out)
			return err
		}}
	cmd.AddCommand(check, show)
	return cmd
}

func init() { rootCmd.AddCommand(configCmd()) }

// modelCheck is what config check found of the model bundles: problems,
// warnings, and what was checked, said on success so that "ok" says how
// far it goes.
type modelCheck struct {
	problems []error
	warnings []string
	checked  []string
}

// checkModels checks the bundles a config names (DOCMILL_* applied) as
// docmill model use checks one. config check said ok for a model.dir
// that did not load, which serve then replaced by the model-free tier with
// only a warning in its log, and for a shadow whose graph did not parse,
// which kept every worker from starting. A config that does not read is
// config.Check's to report.
func checkModels(path string) modelCheck {
	var mc modelCheck
	c, err := config.Read(path)
	if err != nil {
		return mc
	}
	if !c.Model.Disabled {
		mc.modelDir(c.Model)
	}
	mc.folders(c.Sources)
	// a shadow path that is not here is config.Check's to report
	if sh := c.Model.Shadow; sh != "" && sh != "free" {
		if _, err := os.Stat(sh); err == nil {
			mc.bundle("model.shadow", sh, c.Model, "workers would run without this shadow")
		}
	}
	return mc
}

// folders warns of each watched folder that is not on this machine:
// serve and worker refuse to start without it (connectors.CheckFolder),
// and check said ok. A warning, not a problem, as for a model bundle:
// configs are checked away from the hosts that run them.
func (mc *modelCheck) folders(src config.Sources) {
	if src.CreateFolders {
		return
	}
	for _, dir := range src.Folders {
		if _, err := os.Stat(dir); err != nil {
			mc.warnings = append(mc.warnings, fmt.Sprintf("sources.folders %s is not on this machine (%s): serve and worker refuse to start without it, unless sources.create_folders is true", dir, pathProblem(err)))
		}
	}
}

// modelDir checks the bundle serve loads. One that is not on this
// machine is a warning, not a problem: configs are checked away from the
// hosts that run them (deploy/check.sh checks the ConfigMaps' in CI).
func (mc *modelCheck) modelDir(m config.Model) {
	dir := m.Dir
	if dir == "" {
		d, err := model.DefaultBundleDir()
		if err != nil {
			mc.warnings = append(mc.warnings, fmt.Sprintf("model.dir: %v; serve here would run the model-free tier", err))
			return
		}
		dir = d
	}
	if _, err := os.Stat(dir); err != nil {
		mc.warnings = append(mc.warnings, fmt.Sprintf("model.dir %s is not on this machine (%s): not checked", dir, pathProblem(err)))
		return
	}
	int8, ok := mc.bundle("model.dir", dir, m, "serve would run the model-free tier")
	if ok && m.Int8 && !int8 {
		mc.warnings = append(mc.warnings, fmt.Sprintf("model.int8: %s has no int8 graphs (*.int8.onnx) for every segment: serve runs it in fp32", dir))
	}
}

// bundle checks the bundle at dir, named by key, with checkBundleHere;
// without runtime the bundle's files alone are checked, which is said as a
// warning: the graphs may still not load where serve runs. Broken int8
// variants are a warning without model.int8, which loads none of them.
// It returns whether every segment has an int8 variant and whether the
// bundle passed.
func (mc *modelCheck) bundle(key, dir string, m config.Model, consequence string) (int8, ok bool) {
	bc, err := checkBundleHere(dir, m.ORTLib)
	switch {
	case err != nil && errors.Is(err, errInt8) && !m.Int8:
		mc.warnings = append(mc.warnings, fmt.Sprintf("%s: %v", key, err))
	case err != nil:
		mc.problems = append(mc.problems, fmt.Errorf("%s: %w (%s)", key, err, consequence))
	case bc.filesOnly != nil:
		mc.warnings = append(mc.warnings, fmt.Sprintf("%s %s: only its files were checked, not loaded: %v", key, dir, bc.filesOnly))
	default:
		mc.checked = append(mc.checked, fmt.Sprintf("%s %s: loaded and run", key, dir))
	}
	return bc.int8, err == nil
}
