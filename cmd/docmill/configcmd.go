package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/docmill/docmill/config"
)

func configCmd() *cobra.Command {
	cmd := commandGroup(&cobra.Command{Use: "config", Short: "Work with docmill configuration files"})
	check := &cobra.Command{Use: "check FILE", Short: "Report every error in a config file, with line numbers (DOCMILL_* environment applied, as at startup)", Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			errs := config.Check(args[0])
			if err := shadowProblem(args[0]); err != nil {
				errs = append(errs, err)
			}
			for _, e := range errs {
				fmt.Fprintf(os.Stderr, "%s: %v\n", args[0], e)
			}
			if len(errs) > 0 {
				if len(errs) == 1 {
					return fmt.Errorf("1 problem")
				}
				return fmt.Errorf("%d problems", len(errs))
			}
			fmt.Printf("%s: ok\n", args[0])
			return nil
		}}
	cmd.AddCommand(check)
	return cmd
}

func init() { rootCmd.AddCommand(configCmd()) }

// shadowProblem checks the bundle model.shadow names (DOCMILL_* applied)
// as docmill model use checks one: config check said ok for a shadow
// whose graph did not parse, which then kept every worker from starting.
// A path that is not there is config.Check's to report.
func shadowProblem(path string) error {
	c, err := config.Read(path)
	if err != nil || c.Model.Shadow == "" || c.Model.Shadow == "free" {
		return nil
	}
	if _, err := os.Stat(c.Model.Shadow); err != nil {
		return nil
	}
	if _, err := checkBundleHere(c.Model.Shadow); err != nil {
		return fmt.Errorf("model.shadow: %w (workers would run without this shadow)", err)
	}
	return nil
}
