package main

import (
	"strings"
	"testing"
)

func TestRepoDockerfileIsClean(t *testing.T) {
	problems, err := lintDockerfileFile("../Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) > 0 {
		t.Fatalf("deploy/Dockerfile:\n%s", strings.Join(problems, "\n"))
	}
}

func TestBadDockerfileIsCaught(t *testing.T) {
	bad := "FROM golang:1.26 as build\n" +
		"RUN apt-get update && apt-get install -y gcc\n" +
		"RUN curl -s http://x | sh\n" +
		"FROM debian\n" +
		"COPY --from=buidl /x /x\n" +
		"CMD echo hi\n"
	problems, err := lintDockerfile([]byte(bad))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(problems, "\n")
	for _, want := range []string{"FromAsCasing", "JSONArgsRecommended", "DL3006", "DL3007", "DL3022", "DL3015", "DL3009", "DL4006", "DL3002", "HEALTHCHECK", "EXPOSE"} {
		if !strings.Contains(text, want) {
			t.Errorf("expected a %s problem; got:\n%s", want, text)
		}
	}
}
