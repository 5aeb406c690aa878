package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/spf13/cobra"

	"github.com/docmill/docmill/pipeline"
	"github.com/docmill/docmill/pipeline/broker"
)

// scaleRun is one measurement with a number of worker processes.
type scaleRun struct {
	Workers         int     `json:"workers"`
	Seconds         float64 `json:"seconds"`
	Processed       uint64  `json:"processed"`
	DocsPerSec      float64 `json:"docs_per_s"`
	PeakRSSMBWorker float64 `json:"peak_rss_mb_per_worker"`
	BacklogAtEnd    uint64  `json:"backlog_at_end"`
}

type scaleBench struct {
	Messages         int        `json:"messages"`
	PublishMsgsPerS  float64    `json:"publish_msgs_per_s"`
	Runs             []scaleRun `json:"runs"`
	ScalingRatio     float64    `json:"scaling_ratio"` // docs/s of the largest run over the smallest
	MaxAckPending    int        `json:"max_ack_pending"`
	WorkerConcurrent int        `json:"worker_concurrency"`
}

func benchScaleCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "scale", Short: "Worker scaling and memory under a backlog: N messages queued, then 1..k worker processes for a fixed time", Args: cobra.NoArgs}
	msgs := cmd.Flags().Int("messages", 100000, "backlog size")
	secs := cmd.Flags().Duration("duration", 60*time.Second, "measurement time per run")
	workers := cmd.Flags().IntSlice("workers", []int{1, 2}, "worker process counts to compare")
	asJSON := cmd.Flags().Bool("json", false, "print one JSON object")
	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		res, err := runScaleBench(cmd.Context(), *msgs, *secs, *workers)
		if err != nil {
			return err
		}
		if *asJSON {
			return json.NewEncoder(os.Stdout).Encode(res)
		}
		fmt.Printf("backlog %d messages published at %.0f msg/s\n", res.Messages, res.PublishMsgsPerS)
		for _, r := range res.Runs {
			fmt.Printf("  %d worker(s): %.1f docs/s over %.1fs, peak RSS %.0f MB per worker, backlog left %d\n",
				r.Workers, r.DocsPerSec, r.Seconds, r.PeakRSSMBWorker, r.BacklogAtEnd)
		}
		if len(res.Runs) > 1 {
			fmt.Printf("  scaling ratio %.2f\n", res.ScalingRatio)
		}
		return nil
	}
	return cmd
}

func runScaleBench(ctx context.Context, n int, d time.Duration, workers []int) (*scaleBench, error) {
	dir, err := os.MkdirTemp("", "docmill-scale")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	emb, err := broker.StartEmbedded(broker.EmbeddedOptions{StoreDir: dir, Listen: "127.0.0.1:-1"})
	if err != nil {
		return nil, err
	}
	defer emb.Shutdown()
	nc, err := nats.Connect(emb.ClientURL())
	if err != nil {
		return nil, err
	}
	defer nc.Close()
	js, _ := jetstream.New(nc)
	if err := broker.EnsureStreams(ctx, js, broker.StreamOptions{}); err != nil {
		return nil, err
	}
	res := &scaleBench{Messages: n, MaxAckPending: 256, WorkerConcurrent: 2}
	start := time.Now()
	for i := 0; i < n; i++ {
		m := nats.NewMsg("docmill.ingest.bench")
		m.Header.Set(pipeline.HeaderFilename, fmt.Sprintf("b-%d.txt", i))
		m.Data = doc(i)
		if _, err := js.PublishMsgAsync(m); err != nil {
			return nil, err
		}
	}
	<-js.PublishAsyncComplete()
	res.PublishMsgsPerS = float64(n) / time.Since(start).Seconds()
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	for _, k := range workers {
		_ = js.DeleteConsumer(ctx, broker.StreamIngest, pipeline.DurableWorker) // each run starts from the whole backlog
		r, err := scaleOnce(ctx, js, exe, emb.ClientURL(), k, d)
		if err != nil {
			return nil, err
		}
		res.Runs = append(res.Runs, r)
		fmt.Fprintf(os.Stderr, "%d worker(s): %.1f docs/s, peak RSS %.0f MB\n", r.Workers, r.DocsPerSec, r.PeakRSSMBWorker)
	}
	if len(res.Runs) > 1 && res.Runs[0].DocsPerSec > 0 {
		res.ScalingRatio = res.Runs[len(res.Runs)-1].DocsPerSec / res.Runs[0].DocsPerSec
	}
	return res, nil
}

func doc(i int) []byte {
	kinds := []string{
		"This Supply Agreement is made between Northwind Traders and Contoso Ltd. The Supplier shall deliver the goods within %d days. This Agreement shall be governed by the laws of the State of Delaware.",
		"Article %d. Member States shall ensure that providers of essential services take appropriate technical and organisational measures to manage the risks posed to the security of network and information systems.",
		"2024-05-01 12:00:%02d ERROR [payments] Timeout calling ledger service after 3000 ms\n2024-05-01 12:00:01 INFO [payments] Retrying request\n2024-05-01 12:00:02 INFO [payments] Request completed",
	}
	return []byte(fmt.Sprintf(kinds[i%3], i%60) + fmt.Sprintf(" Ref %d.", i))
}

func scaleOnce(ctx context.Context, js jetstream.JetStream, exe, url string, k int, d time.Duration) (scaleRun, error) {
	var procs []*exec.Cmd
	for i := 0; i < k; i++ {
		c := exec.Command(exe, "worker", "--nats", url, "--no-model", "--http", "127.0.0.1:0", "--log-level", "error")
		if err := c.Start(); err != nil {
			return scaleRun{}, err
		}
		procs = append(procs, c)
	}
	defer func() {
		for _, c := range procs {
			_ = c.Process.Kill()
			_, _ = c.Process.Wait()
		}
	}()
	// Wait until the consumer exists and work started, then measure.
	var cons jetstream.Consumer
	for deadline := time.Now().Add(60 * time.Second); ; {
		var err error
		if cons, err = js.Consumer(ctx, broker.StreamIngest, pipeline.DurableWorker); err == nil {
			if info, err := cons.Info(ctx); err == nil && info.AckFloor.Consumer > 0 {
				break
			}
		}
		if time.Now().After(deadline) {
			return scaleRun{}, fmt.Errorf("workers did not start")
		}
		time.Sleep(200 * time.Millisecond)
	}
	info0, _ := cons.Info(ctx)
	t0 := time.Now()
	var peak float64
	var info1 *jetstream.ConsumerInfo
	// the clock stops when the backlog runs out: time without work to do
	// would count against the workers
	for time.Since(t0) < d {
		time.Sleep(200 * time.Millisecond)
		for _, c := range procs {
			peak = max(peak, rssMB(c.Process.Pid))
		}
		if i, err := cons.Info(ctx); err == nil && i.NumPending == 0 && i.NumAckPending == 0 {
			info1 = i
			break
		}
	}
	el := time.Since(t0).Seconds()
	if info1 == nil {
		var err error
		if info1, err = cons.Info(ctx); err != nil {
			return scaleRun{}, err
		}
	}
	done := info1.AckFloor.Consumer - info0.AckFloor.Consumer
	return scaleRun{Workers: k, Seconds: el, Processed: done, DocsPerSec: float64(done) / el, PeakRSSMBWorker: peak, BacklogAtEnd: info1.NumPending}, nil
}

// rssMB reads a process's current resident set size.
func rssMB(pid int) float64 { return procStatusMB(strconv.Itoa(pid), "VmRSS") }

// procStatusMB reads a memory field (in MB) from /proc/<pid>/status.
func procStatusMB(pid, field string) float64 {
	b, err := os.ReadFile("/proc/" + pid + "/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, field+":"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 64)
			return kb / 1024
		}
	}
	return 0
}

func init() { benchCmd.AddCommand(benchScaleCmd()) }
