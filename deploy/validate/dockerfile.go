package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"

	"github.com/moby/buildkit/client/llb"
	"github.com/moby/buildkit/client/llb/sourceresolver"
	"github.com/moby/buildkit/frontend/dockerfile/dockerfile2llb"
	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/parser"
	digest "github.com/opencontainers/go-digest"
)

// offlineResolver answers BuildKit's base-image look-ups without a registry
// (none is reachable here, and a lint must not touch the network). It records
// every image reference so the tag rules below can inspect them.
type offlineResolver struct {
	mu   sync.Mutex
	refs []string
}

// fakeImageConfig is the smallest image config BuildKit accepts; PATH keeps
// its environment rules quiet about variables every base image sets.
const fakeImageConfig = `{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]},` +
	`"config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"]}}`

// ResolveImageConfig implements llb.ImageMetaResolver without any I/O.
func (r *offlineResolver) ResolveImageConfig(_ context.Context, ref string, _ sourceresolver.Opt) (string, digest.Digest, []byte, error) {
	r.mu.Lock()
	r.refs = append(r.refs, ref)
	r.mu.Unlock()
	dt := []byte(fakeImageConfig)
	return ref, digest.FromBytes(dt), dt, nil
}

func lintDockerfileFile(path string) ([]string, error) {
	dt, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	return lintDockerfile(dt)
}

// lintDockerfile runs BuildKit's checks (the ones `docker build --check`
// runs) and the project rules, and returns every problem found.
func lintDockerfile(dt []byte) ([]string, error) {
	res := &offlineResolver{}
	sm := llb.NewSourceMap(nil, "Dockerfile", "Dockerfile", dt)
	sm.Definition = &llb.Definition{}
	results, err := dockerfile2llb.DockerfileLint(context.Background(), dt, dockerfile2llb.ConvertOpt{
		SourceMap:    sm,
		MetaResolver: res,
	})
	if err != nil {
		return nil, fmt.Errorf("buildkit lint: %w", err)
	}
	var problems []string
	if results.Error != nil {
		problems = append(problems, "buildkit: "+results.Error.Message)
	}
	for _, w := range results.Warnings {
		line := 0
		if w.Location != nil && len(w.Location.Ranges) > 0 {
			line = int(w.Location.Ranges[0].Start.Line)
		}
		problems = append(problems, fmt.Sprintf("line %d: %s: %s", line, w.RuleName, w.Detail))
	}
	for _, ref := range res.refs {
		problems = append(problems, checkImageRef(ref)...)
	}
	own, err := projectDockerfileRules(dt)
	if err != nil {
		return nil, err
	}
	return append(problems, own...), nil
}

// checkImageRef applies hadolint's DL3007 to a resolved base image: no
// latest tag, so builds are repeatable.
func checkImageRef(ref string) []string {
	if strings.Contains(ref, "@") {
		return nil // pinned by digest
	}
	if strings.HasSuffix(ref, ":latest") {
		return []string{fmt.Sprintf("DL3007: base image %q uses the latest tag (or has none)", ref)}
	}
	return nil
}

// stageRefRules applies hadolint's DL3006 (FROM names a tag) and DL3022
// (COPY --from names an earlier stage) to the raw instructions, before
// BuildKit normalises an untagged name to :latest.
func stageRefRules(stages []instructions.Stage) []string {
	var p []string
	seen := map[string]bool{}
	for i, st := range stages {
		base := strings.ToLower(st.BaseName)
		if !seen[base] && base != "scratch" && !strings.Contains(base, "@") {
			slash, colon := strings.LastIndex(base, "/"), strings.LastIndex(base, ":")
			if colon <= slash {
				p = append(p, fmt.Sprintf("DL3006: stage %d FROM %q has no tag", i, st.BaseName))
			}
		}
		for _, c := range st.Commands {
			if cp, ok := c.(*instructions.CopyCommand); ok && cp.From != "" && !seen[strings.ToLower(cp.From)] {
				if _, err := strconv.Atoi(cp.From); err != nil {
					p = append(p, fmt.Sprintf("DL3022: stage %d: COPY --from=%s names no earlier stage", i, cp.From))
				}
			}
		}
		if st.Name != "" {
			seen[strings.ToLower(st.Name)] = true
		}
	}
	return p
}

// projectDockerfileRules checks what BuildKit does not: the final image runs
// as a non-root user, has a HEALTHCHECK and EXPOSEs the HTTP port, and apt use
// follows hadolint's DL3009/DL3015 and pipes follow DL4006.
func projectDockerfileRules(dt []byte) ([]string, error) {
	ast, err := parser.Parse(bytes.NewReader(dt))
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	stages, _, err := instructions.Parse(ast.AST, nil)
	if err != nil {
		return nil, fmt.Errorf("instructions: %w", err)
	}
	if len(stages) == 0 {
		return []string{"no stages"}, nil
	}
	problems := stageRefRules(stages)
	for _, st := range stages {
		problems = append(problems, runRules(st)...)
	}
	final := stages[len(stages)-1]
	user, health, exposed := "", false, false
	for _, c := range final.Commands {
		switch c := c.(type) {
		case *instructions.UserCommand:
			user = c.User
		case *instructions.HealthCheckCommand:
			health = c.Health != nil && len(c.Health.Test) > 0 && c.Health.Test[0] != "NONE"
		case *instructions.ExposeCommand:
			for _, p := range c.Ports {
				if strings.HasPrefix(p, "8080") {
					exposed = true
				}
			}
		}
	}
	u := strings.SplitN(user, ":", 2)[0]
	if u == "" || u == "root" || u == "0" {
		problems = append(problems, fmt.Sprintf("DL3002: final stage %q must end with a non-root USER (got %q)", final.Name, user))
	}
	if !health {
		problems = append(problems, "final stage has no HEALTHCHECK")
	}
	if !exposed {
		problems = append(problems, "final stage does not EXPOSE 8080 (HTTP)")
	}
	return problems, nil
}

// runRules checks the shell-form RUN instructions of one stage.
func runRules(st instructions.Stage) []string {
	var problems []string
	pipefail := false
	for _, c := range st.Commands {
		switch c := c.(type) {
		case *instructions.ShellCommand:
			pipefail = strings.Contains(strings.Join(c.Shell, " "), "pipefail")
		case *instructions.RunCommand:
			if !c.PrependShell {
				continue
			}
			cmd := strings.Join(c.CmdLine, " ")
			loc := fmt.Sprintf("stage %q line %d", st.Name, c.Location()[0].Start.Line)
			if strings.Contains(cmd, "apt-get install") && !strings.Contains(cmd, "--no-install-recommends") {
				problems = append(problems, loc+": DL3015: apt-get install without --no-install-recommends")
			}
			if strings.Contains(cmd, "apt-get update") && !strings.Contains(cmd, "rm -rf /var/lib/apt/lists") {
				problems = append(problems, loc+": DL3009: apt lists are not removed after apt-get update")
			}
			if hasPipe(cmd) && !pipefail && !strings.Contains(cmd, "pipefail") {
				problems = append(problems, loc+": DL4006: a pipe in RUN without SHELL [..., \"-o\", \"pipefail\", ...]")
			}
		}
	}
	return problems
}

// hasPipe reports a shell pipe, not a logical or.
func hasPipe(cmd string) bool {
	return strings.Contains(strings.ReplaceAll(cmd, "||", ""), "|")
}
