package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docmill/docmill/config"
	"github.com/docmill/docmill/internal/modeltest"
)

// config check loads the shadow bundle as model use checks one: it said
// ok for a shadow whose graph did not parse.
func TestConfigCheckLoadsShadow(t *testing.T) {
	tiny := modeltest.TinyBundle(t)
	broken := modeltest.CopyBundle(t, tiny, func(name string, b []byte) []byte {
		if name == "upper.onnx" {
			return b[:len(b)/3]
		}
		return b
	})
	for _, c := range []struct {
		shadow string
		ok     bool
	}{{tiny, true}, {"free", true}, {broken, false}} {
		f := filepath.Join(t.TempDir(), "c.yaml")
		if err := os.WriteFile(f, []byte("model:\n  shadow: "+c.shadow+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, _, err := execute(rootCmd, "config", "check", f)
		if c.ok && err != nil {
			t.Errorf("shadow %s: %v", c.shadow, err)
		}
		if !c.ok && (err == nil || !strings.Contains(err.Error(), "1 problem")) {
			t.Errorf("shadow %s: %v, want it reported", c.shadow, err)
		}
	}
}

// config check loads model.dir as it loads the shadow: a bundle serve
// could not load (a corrupt int8 graph with model.int8, a missing
// segment, labels that do not match the logits) was "ok", and serve then
// ran the model-free tier with a warning. model.disabled skips it; a
// folder not on this machine, a missing ONNX Runtime and broken int8
// graphs without model.int8 are warnings.
func TestConfigCheckLoadsModelDir(t *testing.T) {
	tiny := modeltest.TinyBundle(t)
	edit := func(file string, f func([]byte) []byte) string {
		return modeltest.CopyBundle(t, tiny, func(name string, b []byte) []byte {
			if name == file {
				return f(b)
			}
			return b
		})
	}
	badInt8 := edit("upper.int8.onnx", func(b []byte) []byte { return b[:len(b)/3] })
	noSegment := edit("upper.onnx", func([]byte) []byte { return nil })
	moreLabels := edit("manifest.json", func(b []byte) []byte {
		return bytes.Replace(b, []byte(`"contract",`), []byte(`"contract", "invoice",`), 1)
	})
	for _, c := range []struct {
		yaml, stdout, stderr string
		ok                   bool
	}{
		{"dir: " + tiny, "model.dir " + tiny + ": loaded and run", "", true},
		{"dir: " + badInt8 + "\n  int8: true", "", "model.dir: ", false},
		{"dir: " + badInt8, "", "warning: model.dir: ", true}, // fp32 workers load no int8 graph
		{"dir: " + noSegment, "", "upper.onnx", false},
		{"dir: " + moreLabels, "", "model.dir: ", false},
		{"dir: " + noSegment + "\n  disabled: true", "", "", true},
		{"dir: /nonexistent/bundle", "", "warning: model.dir /nonexistent/bundle is not on this machine", true},
	} {
		out, errOut, err := checkConfig(t, "model:\n  "+c.yaml+"\n")
		if c.ok != (err == nil) || !strings.Contains(out, c.stdout) || !strings.Contains(errOut, c.stderr) {
			t.Errorf("%s: %v\nstdout: %s\nstderr: %s", c.yaml, err, out, errOut)
		}
	}
	// a runtime that is not here: the files are checked, and it says so
	t.Setenv("DOCMILL_ORT_LIB", "/nonexistent/libonnxruntime.so.1")
	out, errOut, err := checkConfig(t, "model:\n  dir: "+tiny+"\n")
	if err != nil || !strings.Contains(errOut, "warning: model.dir "+tiny+": only its files were checked") || strings.Contains(out, "loaded") {
		t.Errorf("no runtime: %v\nstdout: %s\nstderr: %s", err, out, errOut)
	}
	if _, errOut, err := checkConfig(t, "model:\n  dir: "+noSegment+"\n"); err == nil {
		t.Errorf("no runtime, a segment missing: ok\nstderr: %s", errOut)
	}
}

// checkConfig runs docmill config check on a config file of text.
func checkConfig(t *testing.T, text string) (stdout, stderr string, err error) {
	t.Helper()
	f := filepath.Join(t.TempDir(), "c.yaml")
	if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return execute(rootCmd, "config", "check", f)
}

// config show prints what a process would run with a file and the
// environment: config check only said whether a file was valid, so what a
// container's DOCMILL_* variables made of it could be read nowhere. Keys
// the environment set are marked, secrets redacted, and the output is
// itself a config file that reads back as the same configuration.
func TestConfigShowEffective(t *testing.T) {
	f := filepath.Join(t.TempDir(), "prod.yaml")
	if err := os.WriteFile(f, []byte("nats:\n  url: nats://file:4222\n  token: natsecret\npipeline:\n  max_deliver: 7\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("DOCMILL_NATS_URL", "nats://env:4222")
	t.Setenv("DOCMILL_PIPELINE_ACK_WAIT", "2m")
	t.Setenv("DOCMILL_AUTH_TOKEN", "httpsecret")
	out, _, err := execute(rootCmd, "config", "show", f)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"url: nats://env:4222 # from DOCMILL_NATS_URL",
		"ack_wait: 2m0s # from DOCMILL_PIPELINE_ACK_WAIT",
		"max_deliver: 7\n",
		"auth_token: <redacted> # from DOCMILL_AUTH_TOKEN",
		"token: <redacted>\n",
		"listen: 127.0.0.1:4222\n", // a default
	} {
		if !strings.Contains(out, want) {
			t.Errorf("config show lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "secret") {
		t.Errorf("config show prints a secret:\n%s", out)
	}
	back := filepath.Join(t.TempDir(), "shown.yaml")
	if err := os.WriteFile(back, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	want, err := config.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	got, err := config.Read(back)
	if err != nil {
		t.Fatalf("config show's output does not read as a config: %v", err)
	}
	want.NATS.Token, want.HTTP.AuthToken = "<redacted>", "<redacted>"
	// %+v, not DeepEqual: an empty list reads back as [], not nil
	if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", want) {
		t.Errorf("config show's output reads as\n%+v\nwant\n%+v", got, want)
	}
}

// config check with no file checks the defaults with the DOCMILL_*
// environment, which a process started without --config runs on, and
// says so: it required a file, so a container's variables could not be
// checked on their own.
func TestConfigCheckWithoutFile(t *testing.T) {
	t.Setenv("DOCMILL_MODEL_DISABLED", "true")
	t.Setenv("DOCMILL_PIPELINE_MAX_DELIVER", "-1")
	_, errOut, err := execute(rootCmd, "config", "check")
	if err == nil || !strings.Contains(errOut, "DOCMILL_PIPELINE_MAX_DELIVER") || !strings.Contains(errOut, "defaults with the DOCMILL_* environment") {
		t.Errorf("a bad variable, no file: %v, want the variable named:\n%s", err, errOut)
	}
	t.Setenv("DOCMILL_PIPELINE_MAX_DELIVER", "3")
	out, errOut, err := execute(rootCmd, "config", "check")
	if err != nil || !strings.Contains(out, "ok") {
		t.Errorf("good variables, no file: %v, want ok:\n%s%s", err, out, errOut)
	}
}

// config check applied the DOCMILL_* environment and said only "ok": an
// operator checking a container's config could not see that a variable,
// not the file, set a key. Each key a variable sets is named, secrets
// redacted.
func TestConfigCheckNamesEnvironment(t *testing.T) {
	t.Setenv("DOCMILL_MODEL_DISABLED", "true")
	t.Setenv("DOCMILL_HTTP_LISTEN", "127.0.0.1:19999")
	t.Setenv("DOCMILL_NATS_TOKEN", "natsecret")
	out, errOut, err := checkConfig(t, "http:\n  listen: 127.0.0.1:8080\n")
	if err != nil {
		t.Fatalf("config check: %v\n%s", err, errOut)
	}
	for _, want := range []string{
		`http.listen = "127.0.0.1:19999" (from DOCMILL_HTTP_LISTEN)`,
		`model.disabled = "true" (from DOCMILL_MODEL_DISABLED)`,
		`nats.token = "<redacted>" (from DOCMILL_NATS_TOKEN)`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("config check lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "natsecret") {
		t.Errorf("config check prints a secret:\n%s", out)
	}
}

// A worker's or indexer's environment (deploy/compose.yaml sets
// DOCMILL_NATS_REPLICAS=3) names no nats.url: the processes get the
// cluster from --nats on their command line. config check refused it
// with no way to say so; --nats checks as such a process, and a process
// without one is still refused, told how to check with it.
func TestConfigCheckAsProcessWithNATS(t *testing.T) {
	t.Setenv("DOCMILL_MODEL_DISABLED", "true")
	t.Setenv("DOCMILL_NATS_REPLICAS", "3")
	check, _, err := rootCmd.Find([]string{"config", "check"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { check.Flags().Set("nats", "") })
	_, errOut, err := execute(rootCmd, "config", "check")
	if err == nil || !strings.Contains(errOut, "config check --nats") {
		t.Errorf("3 replicas, no cluster: %v, want refused with a hint at --nats:\n%s", err, errOut)
	}
	out, errOut, err := execute(rootCmd, "config", "check", "--nats", "nats://nats-1:4222,nats://nats-2:4222")
	if err != nil || !strings.Contains(out, "ok") {
		t.Errorf("3 replicas, --nats a cluster: %v, want ok:\n%s%s", err, out, errOut)
	}
}

// A watched folder that is not on this machine is a warning of config
// check, as a model bundle that is not here is: serve and worker refuse
// to start without it, and check said only ok.
func TestConfigCheckWarnsOfMissingFolder(t *testing.T) {
	t.Setenv("DOCMILL_MODEL_DISABLED", "true")
	missing := filepath.Join(t.TempDir(), "inbxo")
	out, errOut, err := checkConfig(t, "sources:\n  folders: ["+missing+"]\n")
	if err != nil || !strings.Contains(out, "ok") {
		t.Fatalf("a folder not here: %v, want ok with a warning (configs are checked away from their hosts):\n%s%s", err, out, errOut)
	}
	if !strings.Contains(errOut, "warning: sources.folders "+missing) || !strings.Contains(errOut, "create_folders") {
		t.Errorf("a folder not here: no warning naming it and sources.create_folders:\n%s", errOut)
	}
	_, errOut, _ = checkConfig(t, "sources:\n  create_folders: true\n  folders: ["+missing+"]\n")
	if strings.Contains(errOut, "sources.folders") {
		t.Errorf("a folder docmill creates: warned:\n%s", errOut)
	}
}
