package e2e

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/internal/datasets"
)

// natsNode is one nats-server process of a test cluster.
type natsNode struct {
	cmd       *exec.Cmd
	client    int
	cluster   int
	dir, name string
	routes    string
	binary    string
	logf      *os.File
}

func buildNATSServer(t *testing.T) string {
	t.Helper()
	root, _ := datasets.RepoRoot()
	bin := filepath.Join(filepath.Dir(binary), "nats-server")
	if _, err := os.Stat(bin); err == nil {
		return bin
	}
	// The version go.mod pins (v2.15.2), built from the module proxy.
	cmd := exec.Command("go", "build", "-o", bin, "github.com/nats-io/nats-server/v2")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build nats-server: %v\n%s", err, out)
	}
	return bin
}

func (n *natsNode) start(t *testing.T) {
	t.Helper()
	var err error
	n.logf, err = os.OpenFile(filepath.Join(n.dir, "nats.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	n.cmd = exec.Command(n.binary, "-js", "-sd", filepath.Join(n.dir, "js"), "-n", n.name, "-a", "127.0.0.1",
		"-p", fmt.Sprint(n.client), "--cluster_name", "docmill-test", "--cluster", fmt.Sprintf("nats://127.0.0.1:%d", n.cluster),
		"--routes", n.routes)
	n.cmd.Stdout, n.cmd.Stderr = n.logf, n.logf
	if err := n.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { n.stop() })
}

func (n *natsNode) stop() {
	if n.cmd != nil && n.cmd.ProcessState == nil {
		_ = n.cmd.Process.Kill()
		_, _ = n.cmd.Process.Wait()
	}
}

func startRole(t *testing.T, role, dir string, args ...string) *exec.Cmd {
	t.Helper()
	return startRoleEnv(t, role, dir, []string{"DOCMILL_NATS_REPLICAS=3"}, args...)
}

// startRoleEnv is startRole with env added to the process's environment.
func startRoleEnv(t *testing.T, role, dir string, env []string, args ...string) *exec.Cmd {
	t.Helper()
	logf, err := os.OpenFile(filepath.Join(dir, role+".log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(binary, append([]string{role, "--log-format", "text"}, args...)...)
	cmd.Env = append(append(os.Environ(), "DOCMILL_PIPELINE_ACK_WAIT=5s"), env...)
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			_, _ = cmd.Process.Wait()
		}
		logf.Close()
		dumpOnFailure(t, logf.Name())
	})
	return cmd
}

// dumpOnFailure prints the end of a process log when the test failed.
func dumpOnFailure(t *testing.T, path string) {
	if !t.Failed() {
		return
	}
	b, _ := os.ReadFile(path)
	lines := strings.Split(string(b), "\n")
	if len(lines) > 40 {
		lines = lines[len(lines)-40:]
	}
	t.Logf("--- %s (last lines)\n%s", path, strings.Join(lines, "\n"))
}

// TestClusterWorkersSurviveKills runs a 3-node NATS cluster, two workers
// and one indexer as separate processes, ingests 2,000 documents and kills
// one worker and one NATS node mid-run: every document must be indexed
// exactly once.
func TestClusterWorkersSurviveKills(t *testing.T) {
	if testing.Short() {
		t.Skip("multi-process cluster test")
	}
	natsBin := buildNATSServer(t)
	base := t.TempDir()
	nodes := make([]*natsNode, 3)
	ports := freePorts(t, 2*len(nodes))
	var routes []string
	for i := range nodes {
		nodes[i] = &natsNode{client: ports[2*i], cluster: ports[2*i+1], name: fmt.Sprintf("n%d", i), binary: natsBin,
			dir: filepath.Join(base, fmt.Sprintf("n%d", i))}
		os.MkdirAll(nodes[i].dir, 0o755)
		routes = append(routes, fmt.Sprintf("nats://127.0.0.1:%d", nodes[i].cluster))
	}
	var urls []string
	for _, n := range nodes {
		n.routes = strings.Join(routes, ",")
		n.start(t)
		urls = append(urls, fmt.Sprintf("nats://127.0.0.1:%d", n.client))
	}
	url := strings.Join(urls, ",")
	nc, err := nats.Connect(url, nats.MaxReconnects(-1), nats.ReconnectWait(200*time.Millisecond), nats.RetryOnFailedConnect(true))
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, _ := jetstream.New(nc)
	ctx := context.Background()
	waitUntil(t, "JetStream cluster up", 60*time.Second, func() bool {
		_, err := js.AccountInfo(ctx)
		return err == nil
	})
	httpPort := freePort(t)
	idxDir := filepath.Join(base, "indexer")
	os.MkdirAll(idxDir, 0o755)
	startRole(t, "indexer", idxDir, "--nats", url, "--data", idxDir, "--http", fmt.Sprintf("127.0.0.1:%d", httpPort))
	p := &proc{http: fmt.Sprintf("http://127.0.0.1:%d", httpPort)}
	waitUntil(t, "indexer ready", 60*time.Second, func() bool { return p.total(t) >= 0 })
	var workers []*exec.Cmd
	for i := 0; i < 2; i++ {
		d := filepath.Join(base, fmt.Sprintf("w%d", i))
		os.MkdirAll(d, 0o755)
		workers = append(workers, startRole(t, "worker", d, "--nats", url, "--data", d, "--http", "127.0.0.1:0", "--no-model"))
	}
	const n = 2000
	for i := 0; i < n; i++ {
		m := nats.NewMsg("docmill.ingest.cluster")
		m.Header.Set("Docmill-Filename", fmt.Sprintf("doc-%d.txt", i))
		m.Data = doc(i)
		if _, err := js.PublishMsgAsync(m); err != nil {
			t.Fatal(err)
		}
	}
	awaitPublished(t, js, 120*time.Second)
	waitUntil(t, "a quarter indexed", 240*time.Second, func() bool { return p.total(t) >= n/4 })
	_ = workers[0].Process.Kill() // a worker dies mid-run
	nodes[2].stop()               // and so does a NATS node
	t.Logf("killed worker 0 and nats node n2 with %d of %d indexed", p.total(t), n)
	waitUntil(t, "all documents indexed", 600*time.Second, func() bool { return p.total(t) >= n })
	time.Sleep(2 * time.Second)
	if got := p.total(t); got != n {
		t.Fatalf("index holds %d documents, want exactly %d", got, n)
	}
	waitDrained(t, js, 60*time.Second)
	dlq, err := js.Stream(ctx, "DOCMILL_DLQ")
	if err == nil {
		if info, err := dlq.Info(ctx); err == nil && info.State.Msgs != 0 {
			t.Fatalf("%d dead letters for good documents", info.State.Msgs)
		}
	}
}
