package main

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/compose-spec/compose-go/v2/cli"
	"github.com/compose-spec/compose-go/v2/types"
)

// checkComposeFile loads the file with the compose-spec reference loader,
// which validates it against the compose-spec JSON schema and checks that
// every named volume, network and dependency exists, then applies docmill's
// topology rules. The process environment is not used, so the result does
// not depend on the machine running the check.
func checkComposeFile(path string) ([]string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("abs: %w", err)
	}
	opts, err := cli.NewProjectOptions([]string{abs},
		cli.WithName("docmill"),
		cli.WithWorkingDirectory(filepath.Dir(abs)),
		cli.WithEnv([]string{}),
	)
	if err != nil {
		return nil, fmt.Errorf("options: %w", err)
	}
	project, err := opts.LoadProject(context.Background())
	if err != nil {
		return []string{"compose-spec: " + err.Error()}, nil
	}
	return composeRules(project), nil
}

// composeRules checks for a three-node JetStream cluster with full routes,
// two workers and one indexer, each with a healthcheck, the docmill
// services waiting for a healthy NATS, and persistent volumes.
func composeRules(project *types.Project) []string {
	var p, natsNames []string
	workers, indexers := 0, 0
	names := make([]string, 0, len(project.Services))
	for name := range project.Services {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		s := project.Services[name]
		if s.HealthCheck == nil || s.HealthCheck.Disable || len(s.HealthCheck.Test) == 0 {
			p = append(p, name+": no healthcheck")
		}
		if strings.HasPrefix(s.Image, "nats:") {
			natsNames = append(natsNames, name)
			continue
		}
		role, _, probs := parseDocmillArgs(name, s.Command)
		p = append(p, probs...)
		switch role {
		case "worker":
			workers += s.GetScale()
		case "indexer":
			indexers += s.GetScale()
			if len(s.Volumes) == 0 {
				p = append(p, name+": the indexer has no volume for its index")
			}
		}
		if role != "" {
			p = append(p, dependsOnHealthyNATS(name, s)...)
		}
	}
	if len(natsNames) != 3 {
		p = append(p, fmt.Sprintf("want 3 NATS services, found %d (%v)", len(natsNames), natsNames))
	}
	for _, name := range natsNames {
		p = append(p, natsServiceRules(name, project.Services[name], natsNames)...)
	}
	if workers != 2 {
		p = append(p, fmt.Sprintf("want 2 worker replicas, found %d", workers))
	}
	if indexers != 1 {
		p = append(p, fmt.Sprintf("want 1 indexer, found %d", indexers))
	}
	return p
}

// natsServiceRules checks one NATS node: JetStream on, a persistent store,
// and a route to every node of the cluster.
func natsServiceRules(name string, s types.ServiceConfig, nodes []string) []string {
	var p []string
	cmd := strings.Join(s.Command, " ")
	if !slices.Contains(s.Command, "--js") && !slices.Contains(s.Command, "-js") && !slices.Contains(s.Command, "--jetstream") {
		p = append(p, name+": JetStream is not enabled (--js)")
	}
	for _, n := range nodes {
		if !strings.Contains(cmd, "nats://"+n+":6222") {
			p = append(p, fmt.Sprintf("%s: no cluster route to %s", name, n))
		}
	}
	if len(s.Volumes) == 0 {
		p = append(p, name+": no volume for the JetStream store")
	}
	return p
}

func dependsOnHealthyNATS(name string, s types.ServiceConfig) []string {
	for dep, d := range s.DependsOn {
		if strings.HasPrefix(dep, "nats") && d.Condition == types.ServiceConditionHealthy {
			return nil
		}
	}
	return []string{name + ": does not wait for a healthy NATS node (depends_on condition: service_healthy)"}
}
