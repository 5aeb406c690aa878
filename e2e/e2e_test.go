// Package e2e holds multi-process tests: real docmill binaries, killed and
// restarted, against a real NATS JetStream and a Bleve index on disk.
package e2e

import (
	"context"
	"encoding/json"
	"fmt"

	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/internal/datasets"
	"github.com/docmill/docmill/internal/natstest"
)

var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "docmill-e2e")
	if err != nil {
		panic(err)
	}
	root, err := datasets.RepoRoot()
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "docmill")
	build := exec.Command("go", "build", "-o", binary, "./cmd/docmill")
	build.Dir = root
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "build docmill:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// freePort is a port for a process the test starts; see natstest.Ports
// for why it is not one the kernel picks.
func freePort(t *testing.T) int {
	t.Helper()
	return natstest.Port(t)
}

// freePorts is n distinct such ports, for processes started together:
// ports drawn one at a time may repeat.
func freePorts(t *testing.T, n int) []int {
	t.Helper()
	return natstest.Ports(t, n)
}

// proc is a docmill process started by a test.
type proc struct {
	cmd  *exec.Cmd
	http string
	log  *os.File
}

func startServe(t *testing.T, data string, natsPort, httpPort int, extra ...string) *proc {
	t.Helper()
	// Unacked work after a kill is redelivered after AckWait; keep it short.
	return startServeEnv(t, data, natsPort, httpPort, []string{"DOCMILL_PIPELINE_ACK_WAIT=5s"}, extra...)
}

// startServeEnv is startServe with env added to the process's environment.
func startServeEnv(t *testing.T, data string, natsPort, httpPort int, env []string, extra ...string) *proc {
	t.Helper()
	logf, err := os.OpenFile(filepath.Join(data, "serve.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	args := append([]string{"serve", "--data", data, "--nats-listen", fmt.Sprintf("127.0.0.1:%d", natsPort),
		"--http", fmt.Sprintf("127.0.0.1:%d", httpPort), "--log-format", "text"}, extra...)
	cmd := exec.Command(binary, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &proc{cmd: cmd, http: fmt.Sprintf("http://127.0.0.1:%d", httpPort), log: logf}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			_, _ = cmd.Process.Wait()
		}
		logf.Close()
	})
	waitUntil(t, "docmill ready", 60*time.Second, func() bool {
		resp, err := http.Get(p.http + "/readyz")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == 200
	})
	return p
}

func (p *proc) kill9(t *testing.T) {
	t.Helper()
	if err := p.cmd.Process.Signal(os.Kill); err != nil {
		t.Fatal(err)
	}
	_, _ = p.cmd.Process.Wait()
}

func (p *proc) total(t *testing.T) int {
	resp, err := http.Get(p.http + "/api/search?size=1")
	if err != nil {
		return -1
	}
	defer resp.Body.Close()
	var r struct {
		Total int `json:"total"`
	}
	_ = json.NewDecoder(resp.Body).Decode(&r)
	return r.Total
}

func waitUntil(t *testing.T, what string, timeout time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if cond() {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("timed out after %s waiting for %s", timeout, what)
}

// awaitPublished waits for every async publish to be acknowledged.
func awaitPublished(t *testing.T, js jetstream.JetStream, timeout time.Duration) {
	t.Helper()
	select {
	case <-js.PublishAsyncComplete():
	case <-time.After(timeout):
		t.Fatal("publish did not complete")
	}
}

// waitDrained waits until the worker and indexer consumers have nothing
// pending and nothing unacknowledged.
func waitDrained(t *testing.T, js jetstream.JetStream, timeout time.Duration) {
	t.Helper()
	ctx := context.Background()
	for _, c := range [][2]string{{"DOCMILL_INGEST", "docmill-worker"}, {"DOCMILL_RESULTS", "docmill-indexer"}} {
		waitUntil(t, "consumer "+c[1]+" drained", timeout, func() bool {
			cons, err := js.Consumer(ctx, c[0], c[1])
			if err != nil {
				return false
			}
			info, err := cons.Info(ctx)
			return err == nil && info.NumPending == 0 && info.NumAckPending == 0
		})
	}
}

// doc returns a distinct, realistic plain-text document.
func doc(i int) []byte {
	kinds := []string{
		"This Supply Agreement is made between Northwind Traders and Contoso Ltd. The Supplier shall deliver the goods within %d days. This Agreement shall be governed by the laws of the State of Delaware.",
		"Article %d. Member States shall ensure that providers of essential services take appropriate technical and organisational measures to manage the risks posed to the security of network and information systems.",
		"Meeting notes %d: the team reviewed the roadmap, discussed hiring for the platform group and agreed to revisit the budget next quarter.",
	}
	return []byte(fmt.Sprintf(kinds[i%3], i) + fmt.Sprintf(" Reference number %d-%d.", i, i*7919))
}

func TestKill9WhileDocumentsInFlight(t *testing.T) {
	if testing.Short() {
		t.Skip("multi-process test")
	}
	data := t.TempDir()
	ports := freePorts(t, 2)
	natsPort, httpPort := ports[0], ports[1]
	p := startServe(t, data, natsPort, httpPort, "--no-model")
	nc, err := nats.Connect(fmt.Sprintf("nats://127.0.0.1:%d", natsPort), nats.MaxReconnects(-1), nats.ReconnectWait(200*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, _ := jetstream.New(nc)
	const good, bad = 490, 10
	ctx := context.Background()
	for i := 0; i < good+bad; i++ {
		m := nats.NewMsg("docmill.ingest.crash")
		if i%50 == 49 {
			m.Header.Set("Docmill-Filename", fmt.Sprintf("corrupt-%d.pdf", i))
			m.Data = []byte(fmt.Sprintf("%%PDF-1.4\n%d 0 obj <</Length 99999>> stream\n\x00\x01garbage", i))
		} else {
			m.Header.Set("Docmill-Filename", fmt.Sprintf("doc-%d.txt", i))
			m.Data = doc(i)
		}
		if _, err := js.PublishMsgAsync(m); err != nil {
			t.Fatal(err)
		}
	}
	awaitPublished(t, js, 30*time.Second)
	// Kill -9 while documents are in flight.
	waitUntil(t, "some documents indexed", 60*time.Second, func() bool { return p.total(t) >= 20 })
	before := p.total(t)
	p.kill9(t)
	if before >= good {
		t.Logf("warning: all %d documents were indexed before the kill; the test proves less", before)
	}
	t.Logf("killed with %d of %d indexed", before, good)

	p2 := startServe(t, data, natsPort, httpPort, "--no-model")
	waitUntil(t, "all good documents indexed after restart", 180*time.Second, func() bool { return p2.total(t) >= good })
	time.Sleep(2 * time.Second) // let any duplicate delivery surface
	if n := p2.total(t); n != good {
		t.Fatalf("index holds %d documents, want exactly %d", n, good)
	}
	dlq, err := js.Stream(ctx, "DOCMILL_DLQ")
	if err != nil {
		t.Fatal(err)
	}
	var dead uint64
	for deadline := time.Now().Add(30 * time.Second); dead != bad; time.Sleep(100 * time.Millisecond) {
		if info, err := dlq.Info(ctx); err == nil {
			dead = info.State.Msgs
		}
		if time.Now().After(deadline) {
			t.Fatalf("DLQ holds %d dead letters, want %d (one per corrupt document)", dead, bad)
		}
	}
	waitDrained(t, js, 30*time.Second)
	// Dead letters name their reason.
	info, _ := dlq.Info(ctx)
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq; seq++ {
		m, err := dlq.GetMsg(ctx, seq)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(m.Header.Get("Docmill-Filename"), "corrupt-") || m.Header.Get("Docmill-Error") == "" {
			t.Fatalf("unexpected dead letter %d: %v", seq, m.Header)
		}
	}
}

func TestSIGTERMDrainsAndExits(t *testing.T) {
	if testing.Short() {
		t.Skip("multi-process test")
	}
	data := t.TempDir()
	ports := freePorts(t, 2)
	natsPort, httpPort := ports[0], ports[1]
	// What SIGTERM leaves unfinished must be handed back, not left to
	// AckWait: with an AckWait longer than the test, a message neither
	// acked nor handed back is not redelivered in time.
	longAck := []string{"DOCMILL_PIPELINE_ACK_WAIT=30m"}
	p := startServeEnv(t, data, natsPort, httpPort, longAck, "--no-model")
	nc, err := nats.Connect(fmt.Sprintf("nats://127.0.0.1:%d", natsPort))
	if err != nil {
		t.Fatal(err)
	}
	js, _ := jetstream.New(nc)
	const n = 200
	for i := 0; i < n; i++ {
		m := nats.NewMsg("docmill.ingest.term")
		m.Header.Set("Docmill-Filename", fmt.Sprintf("t-%d.txt", i))
		m.Data = doc(i + 10000)
		if _, err := js.PublishMsgAsync(m); err != nil {
			t.Fatal(err)
		}
	}
	awaitPublished(t, js, 30*time.Second)
	nc.Close()
	waitUntil(t, "processing started", 60*time.Second, func() bool { return p.total(t) >= 10 })
	start := time.Now()
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	errc := make(chan error, 1)
	go func() { errc <- p.cmd.Wait() }()
	select {
	case err := <-errc:
		if err != nil {
			t.Fatalf("exit after SIGTERM: %v", err)
		}
	case <-time.After(40 * time.Second):
		t.Fatal("did not exit within the drain timeout (20s) plus margin")
	}
	t.Logf("exited %.1fs after SIGTERM", time.Since(start).Seconds())
	// Restart: the rest is processed, nothing lost or doubled.
	p2 := startServeEnv(t, data, natsPort, httpPort, longAck, "--no-model")
	waitUntil(t, "all indexed after restart", 120*time.Second, func() bool { return p2.total(t) >= n })
	time.Sleep(time.Second)
	if got := p2.total(t); got != n {
		t.Fatalf("index holds %d, want %d", got, n)
	}
}
