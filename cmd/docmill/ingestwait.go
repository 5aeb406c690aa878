package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/connectors"
	"github.com/docmill/docmill/eval"
	"github.com/docmill/docmill/pipeline"
	"github.com/docmill/docmill/pipeline/broker"
	"github.com/docmill/docmill/server"
)

// ingestWait follows the documents one `docmill ingest --wait` sent to
// their outcome: indexed (a result on docmill.results.>, then out of the
// processing bucket, which the indexers empty once they indexed it), or
// dead-lettered (docmill.dlq.>, with the reason). Documents are expected
// before they are sent, so no outcome can come first.
type ingestWait struct {
	proc *pipeline.Processing // nil: a result counts as done
	js   jetstream.JetStream
	subs []*nats.Subscription

	mu       sync.Mutex
	expected map[string]string   // id -> path, until its outcome
	sending  map[string]int      // id -> sends not yet settled
	sent     map[string]struct{} // ids a send stored
	analysed map[string]string   // id -> class or sub-type, result seen
	failed   map[string]string   // id -> reason
	earlier  map[string]struct{} // ids an earlier send has on their way: no result may come, they leave ProcessingBucket
	order    []string            // expected ids, in the order sent
	done     map[string]struct{} // ids reported

	// quiet lists only the failures and, of the documents still waiting at
	// the end, the first maxWaitingLines: a backfill's thousands of
	// indexed documents are a count, not a listing.
	quiet bool
}

// maxWaitingLines bounds the documents a quiet wait names as waiting.
const maxWaitingLines = 20

// newIngestWait listens for the outcomes of the documents it will be told
// to expect.
func newIngestWait(ctx context.Context, nc *nats.Conn, js jetstream.JetStream) (*ingestWait, error) {
	w := &ingestWait{expected: map[string]string{}, sending: map[string]int{}, sent: map[string]struct{}{}, analysed: map[string]string{}, failed: map[string]string{}, earlier: map[string]struct{}{}, done: map[string]struct{}{}}
	w.js = js
	w.proc, _ = pipeline.OpenProcessing(ctx, js, connectors.StreamReplicas(ctx, js))
	for subject, take := range map[string]func(*nats.Msg){
		broker.SubjectResults + ".>": w.result,
		broker.SubjectDLQ + ".>":     w.deadLetter,
	} {
		sub, err := nc.Subscribe(subject, take)
		if err != nil {
			w.close()
			return nil, fmt.Errorf("listen on %s: %w", subject, err)
		}
		w.subs = append(w.subs, sub)
	}
	// the subscriptions are in place on the server before anything is sent
	if err := nc.Flush(); err != nil {
		w.close()
		return nil, err
	}
	return w, nil
}

func (w *ingestWait) close() {
	for _, s := range w.subs {
		_ = s.Unsubscribe()
	}
}

// expect names a document about to be sent; settle says, once the send
// returned, whether it was stored. Two files of one content are one
// document, perhaps sent at once: it is waited for when either send was
// stored, and forgotten only when every send was refused or dropped as a
// duplicate (the one stored may be the second to start).
func (w *ingestWait) expect(id, path string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if _, ok := w.expected[id]; !ok {
		w.order = append(w.order, id)
		w.expected[id] = path
	}
	w.sending[id]++
}

func (w *ingestWait) settle(id string, sent bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if sent {
		w.sent[id] = struct{}{}
	}
	if w.sending[id]--; w.sending[id] > 0 {
		return
	}
	delete(w.sending, id)
	if _, ok := w.sent[id]; ok {
		return
	}
	// a duplicate of a send still on its way is waited for as well: the
	// command says when it is indexed, not only that it was sent once
	// asked while the lock is held: bounded, so a broker gone away does
	// not stall every send
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if w.processing(ctx, id) {
		w.earlier[id] = struct{}{}
		return
	}
	// a copy of a document dead-lettered already fails as it did: the
	// wait says so (and exits 1) rather than count it as nothing to wait for
	if reason := w.failedBefore(ctx, id); reason != "" {
		w.failed[id] = reason
		return
	}
	delete(w.expected, id)
}

func (w *ingestWait) result(m *nats.Msg) {
	id := pipeline.MsgDocumentID(m)
	w.mu.Lock()
	defer w.mu.Unlock()
	if _, ok := w.expected[id]; !ok {
		return
	}
	var r struct {
		Class   string `json:"class"`
		Subtype string `json:"subtype"`
	}
	_ = json.Unmarshal(m.Data, &r)
	w.analysed[id] = r.Class
	if r.Subtype != "" {
		w.analysed[id] = r.Subtype // "contract/nda"
	}
}

func (w *ingestWait) deadLetter(m *nats.Msg) {
	id := pipeline.MsgDocumentID(m)
	w.mu.Lock()
	defer w.mu.Unlock()
	if _, ok := w.expected[id]; ok {
		w.failed[id] = m.Header.Get(pipeline.HeaderError)
	}
}

// waitCounts is how the documents waited for ended.
type waitCounts struct{ indexed, failed, timedOut int }

// String is the one-line summary a wait ends with.
func (c waitCounts) String() string {
	return fmt.Sprintf("%d indexed, %d dead-lettered, %d still waiting", c.indexed, c.failed, c.timedOut)
}

// problems says what went wrong, for the command's error: documents
// dead-lettered, and those still on their way when the wait timed out or
// was stopped.
func (c waitCounts) problems(timeout time.Duration, stopped bool) []string {
	var p []string
	if c.failed > 0 {
		p = append(p, fmt.Sprintf("%d dead-lettered (docmill dlq list says why; docmill dlq replay retries)", c.failed))
	}
	if c.timedOut > 0 {
		why := "within " + timeout.String()
		if stopped {
			why = "before the wait was stopped"
		}
		p = append(p, fmt.Sprintf("%d not indexed %s (still queued: the workers get to them in turn)", c.timedOut, why))
	}
	return p
}

// wait reports each expected document's outcome on out as it comes, with a
// progress bar on progress, until all have one or timeout passes.
func (w *ingestWait) wait(ctx context.Context, out, progress io.Writer, timeout time.Duration) waitCounts {
	defer w.close()
	w.mu.Lock()
	total := len(w.expected)
	w.mu.Unlock()
	bar := eval.NewProgress(progress, total, "waiting for results")
	var c waitCounts
	deadline := time.After(timeout)
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for c.indexed+c.failed < total {
		select {
		case <-ctx.Done():
			return w.unfinished(out, c, "stopped")
		case <-deadline:
			bar.Done()
			return w.unfinished(out, c, "timed out after "+timeout.String())
		case <-tick.C:
		}
		n := w.report(ctx, out, &c)
		bar.Add(n)
	}
	bar.Done()
	return c
}

// report prints the outcomes found since the last call; it returns how
// many.
func (w *ingestWait) report(ctx context.Context, out io.Writer, c *waitCounts) int {
	w.mu.Lock()
	defer w.mu.Unlock()
	n := 0
	for _, id := range w.order {
		path, expected := w.expected[id]
		if _, reported := w.done[id]; reported || !expected {
			continue
		}
		if reason, ok := w.failed[id]; ok {
			fmt.Fprintf(out, "failed   %s  %s  %s\n", id[:12], shown(path), shown(reason))
			c.failed++
		} else if class, ok := w.analysed[id]; ok && !w.processing(ctx, id) {
			if !w.quiet {
				fmt.Fprintf(out, "indexed  %s  %s  %s\n", id[:12], shown(path), class)
			}
			c.indexed++
		} else if _, ok := w.earlier[id]; ok && !w.processing(ctx, id) {
			// its result may have gone by before this wait listened
			if reason := w.failedBefore(ctx, id); reason != "" {
				fmt.Fprintf(out, "failed   %s  %s  %s\n", id[:12], shown(path), shown(reason))
				c.failed++
			} else {
				if !w.quiet {
					fmt.Fprintf(out, "indexed  %s  %s  (sent earlier)\n", id[:12], shown(path))
				}
				c.indexed++
			}
		} else {
			continue
		}
		w.done[id] = struct{}{}
		n++
	}
	return n
}

// failedBefore is why the pipeline dead-lettered document id (in the last
// day, server.FailedBucket), "" when it did not.
func (w *ingestWait) failedBefore(ctx context.Context, id string) string {
	if w.js == nil {
		return ""
	}
	kv, err := w.js.KeyValue(ctx, server.FailedBucket)
	if err != nil {
		return ""
	}
	e, err := kv.Get(ctx, id)
	if err != nil {
		return ""
	}
	var rec struct {
		Reason string `json:"reason"`
	}
	if json.Unmarshal(e.Value(), &rec) != nil || rec.Reason == "" {
		return "dead-lettered"
	}
	return rec.Reason
}

// processing says whether an analysed document is still on its way to
// the index.
func (w *ingestWait) processing(ctx context.Context, id string) bool {
	_, ok := w.proc.Since(ctx, id, time.Now())
	return ok
}

// unfinished reports the documents without an outcome.
func (w *ingestWait) unfinished(out io.Writer, c waitCounts, why string) waitCounts {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, id := range w.order {
		path, expected := w.expected[id]
		if _, reported := w.done[id]; reported || !expected {
			continue
		}
		state := "not analysed yet"
		if _, ok := w.analysed[id]; ok {
			state = "analysed, not yet indexed"
		}
		if !w.quiet || c.timedOut < maxWaitingLines {
			fmt.Fprintf(out, "waiting  %s  %s  %s (%s)\n", id[:12], shown(path), state, why)
		}
		c.timedOut++
	}
	if w.quiet && c.timedOut > maxWaitingLines {
		fmt.Fprintf(out, "waiting  ... and %d more (%s)\n", c.timedOut-maxWaitingLines, why)
	}
	return c
}
