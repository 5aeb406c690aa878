package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/spf13/cobra"

	"github.com/docmill/docmill/connectors"
	"github.com/docmill/docmill/eval"
	"github.com/docmill/docmill/index"
	"github.com/docmill/docmill/pipeline"
)

func backfillCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "backfill", Short: "Send an archive (folder, bucket or stream) through the pipeline, resumably", Args: cobra.NoArgs}
	nf := addNATSFlags(cmd.Flags())
	from := cmd.Flags().String("from", "", "DIR, bucket:NAME or stream:NAME")
	since := cmd.Flags().String("since", "", "skip items older than this (YYYY-MM-DD, RFC 3339, or an age such as 30d)")
	stale := cmd.Flags().Bool("only-stale-model", false, "reprocess only documents indexed by another model version")
	current := cmd.Flags().String("current-model", "", "current model name@version (default: asked from the server's /healthz)")
	rate := cmd.Flags().Float64("rate", 0, "documents per second (0 = unlimited)")
	conc := cmd.Flags().Int("concurrency", 4, "documents in flight")
	api := addAPIFlags(cmd) // the server, asked which documents are indexed
	nf.auth = api.token     // and its token, which its embedded broker takes too
	job := cmd.Flags().String("job", "", "checkpoint name (default: derived from the flags; the same job resumes, and a finished one starts over, skipping what is indexed)")
	source := cmd.Flags().String("source", "backfill", "source name the documents are sent under (log templates are kept per source)")
	fromFolder := cmd.Flags().Bool("source-from-folder", false, "with a folder, send each file under the name of its first sub-folder (DIR/web1/... as web1); files directly in DIR use --source")
	wait := cmd.Flags().Bool("wait", false, "after sending, wait until every document sent is indexed or dead-lettered, with a progress bar; list the failures (exit 1 if any failed or is still waiting)")
	waitFor := cmd.Flags().Duration("wait-timeout", time.Hour, "with --wait, give up waiting after this long")
	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		if *from == "" {
			return fmt.Errorf("--from is required")
		}
		if *fromFolder && (strings.HasPrefix(*from, "bucket:") || strings.HasPrefix(*from, "stream:")) {
			return fmt.Errorf("--source-from-folder takes the source from a folder's sub-folders; --from %s is no folder", *from)
		}
		if *rate < 0 || *conc < 1 {
			return fmt.Errorf("--rate %v and --concurrency %d: want a rate of 0 (unlimited) or more and at least 1 document in flight", *rate, *conc)
		}
		if err := checkWaitTimeout(*waitFor); err != nil {
			return err
		}
		var sinceT time.Time
		if *since != "" {
			t, err := index.ParseWhen(*since, time.Now())
			if err != nil {
				return fmt.Errorf("--since: %w", err)
			}
			sinceT = t
		}
		nc, js, err := nf.connect()
		if err != nil {
			return err
		}
		defer nc.Close()
		replicas := connectors.StreamReplicas(cmd.Context(), js)
		b := &connectors.Backfill{JS: js, Pub: &connectors.Publisher{JS: js, MaxPayload: int(nc.MaxPayload()), Replicas: replicas},
			OnlyStale: *stale, Rate: *rate, Concurrency: *conc, Replicas: replicas, Stored: storedVia(serverURL(*api.server), *api.token)}
		switch {
		case strings.HasPrefix(*from, "bucket:"):
			name := strings.TrimPrefix(*from, "bucket:")
			// checked before the job starts, which would print a summary
			// of nothing before the error
			if _, err := js.ObjectStore(cmd.Context(), name); err != nil {
				if errors.Is(err, jetstream.ErrBucketNotFound) {
					return fmt.Errorf("--from %s: the broker at %s has no object store bucket %q", *from, nf.url, name)
				}
				return fmt.Errorf("--from %s: %w", *from, err)
			}
			b.Source = connectors.BucketSource{JS: js, Name: name, MaxBytes: int64(b.Pub.MaxBytes)}
		case strings.HasPrefix(*from, "stream:"):
			name := strings.TrimPrefix(*from, "stream:")
			if _, err := js.Stream(cmd.Context(), name); err != nil {
				if errors.Is(err, jetstream.ErrStreamNotFound) {
					return fmt.Errorf("--from %s: the broker at %s has no stream %q (docmill's ingest stream is DOCMILL_INGEST)", *from, nf.url, name)
				}
				return fmt.Errorf("--from %s: %w", *from, err)
			}
			b.Source = connectors.StreamSource{JS: js, Name: name}
		default:
			if st, err := os.Stat(*from); err != nil || !st.IsDir() {
				return fmt.Errorf("--from %q is not a folder; want DIR, bucket:NAME or stream:NAME", *from)
			}
			// a link to a folder is the folder (the walk does not follow a
			// linked root, and found nothing); one job however it is named
			if real, err := filepath.EvalSymlinks(*from); err == nil {
				*from = real
			}
			b.Source = connectors.DirSource{Dir: *from, FolderSources: *fromFolder, MaxBytes: int64(b.Pub.MaxBytes)}
		}
		b.Since = sinceT
		b.SourceName = *source
		if *stale {
			if b.Current = *current; b.Current == "" {
				if b.Current, err = currentModel(cmd.Context(), serverURL(*api.server)); err != nil {
					return err
				}
			}
		}
		b.Job = *job
		if b.Job == "" {
			b.Job = jobName(*from, *since, *stale, b.Current)
		}
		// the documents this run looked up (the items after the checkpoint):
		// a dead letter of the job for any other was sent by a run it resumed
		met := map[string]bool{}
		var metMu sync.Mutex
		if stored := b.Stored; stored != nil {
			b.Stored = func(ctx context.Context, id string) (string, error) {
				metMu.Lock()
				met[id] = true
				metMu.Unlock()
				return stored(ctx, id)
			}
		}
		var w *ingestWait
		if *wait {
			if w, err = newIngestWait(cmd.Context(), nc, js); err != nil {
				return err
			}
			w.quiet = true
			b.Expect, b.Settle = w.expect, w.settle
		}
		// an item refused (empty, too large, unreadable) is named with why
		// as the job goes on; the sends run concurrently
		var refusedMu sync.Mutex
		b.Refused = func(key, reason string) {
			refusedMu.Lock()
			defer refusedMu.Unlock()
			fmt.Fprintf(cmd.ErrOrStderr(), "refused %s: %s\n", shown(key), shown(reason))
		}
		var prog *eval.Progress
		last := 0
		b.OnStart = func(resumed, total int) {
			prog = eval.NewProgress(os.Stderr, total, "backfill")
			prog.Resume(resumed)
			last = resumed
		}
		b.Progress = func(done, total int) {
			prog.Add(done - last)
			last = done
		}
		// Ctrl-C or SIGTERM ends the job at the next item and reports where
		// it stands; a second signal kills as usual.
		ctx, stop := stopOnSignal(cmd.Context(), "")
		defer stop()
		rep, err := b.Run(ctx)
		if prog == nil && err != nil {
			// the source was never listed: there is no job to sum up
			return err
		}
		if prog != nil {
			prog.Done()
		}
		if rep.NewModel != "" {
			fmt.Fprintf(cmd.ErrOrStderr(), "backfill %s: the job last ran when %s was current; it went through the source again, sending what is stale now\n", b.Job, rep.NewModel)
		}
		if rep.Relisted && !rep.Again && rep.NewModel == "" {
			fmt.Fprintf(cmd.ErrOrStderr(), "backfill %s: the source changed before the checkpoint (items added or removed), so the job went through all of it again\n", b.Job)
		}
		if rep.Again && rep.NewModel == "" {
			fmt.Fprintf(cmd.ErrOrStderr(), "backfill %s: the job had finished before; it went through the source again, sending only what is not indexed\n", b.Job)
		}
		absent := ""
		if *stale {
			absent = fmt.Sprintf(", %d not in the index (left alone)", rep.Absent)
		}
		extra := ""
		if rep.Older > 0 {
			extra += fmt.Sprintf(", %d older than --since", rep.Older)
		}
		if rep.Duplicate > 0 {
			extra += fmt.Sprintf(", %d sent in the last minutes already, by this job or another way (not sent again)", rep.Duplicate)
		}
		if rep.Withdrawn > 0 {
			extra += fmt.Sprintf(", %d removed from the index since they arrived (deleted, replaced, expired; not sent again)", rep.Withdrawn)
		}
		if rep.DeadLettered > 0 {
			extra += fmt.Sprintf(", %d dead-lettered before (not sent again; see docmill dlq list, retry with docmill dlq replay)", rep.DeadLettered)
		}
		fmt.Fprintf(cmd.ErrOrStderr(), "backfill %s: %s, %d sent, %d skipped (already indexed%s)%s%s, %d refused, resumed at %d\n",
			b.Job, count(rep.Total, "item"), rep.Sent, rep.Skipped, map[bool]string{true: " with the current model", false: ""}[*stale], absent, extra, rep.Refused, rep.Resumed)
		if note := leftOutNote(rep); note != "" {
			fmt.Fprintf(cmd.ErrOrStderr(), "backfill %s: %s\n", b.Job, note)
		}
		if rep.RefusedBefore > 0 {
			fmt.Fprintf(cmd.ErrOrStderr(), "backfill %s: %d refused before the resume (%s)\n", b.Job, rep.RefusedBefore, refusedNames(rep))
		}
		if err != nil && ctx.Err() != nil && cmd.Context().Err() == nil {
			return fmt.Errorf("interrupted; run the same command again to resume from the checkpoint")
		}
		if err != nil {
			return err
		}
		// what the archive holds that will not be indexed makes the exit
		// status 1, as ingest's does, so a script can tell
		var problems []string
		if n := rep.Refused + rep.RefusedBefore; n > 0 {
			problems = append(problems, fmt.Sprintf("%d refused", n))
		}
		if rep.DeadLettered > 0 {
			problems = append(problems, fmt.Sprintf("%d dead-lettered before", rep.DeadLettered))
		}
		if w != nil {
			if err := awaitBackfill(ctx, cmd, w, *waitFor); err != nil {
				problems = append(problems, err.Error())
			}
			if rep.Resumed > 0 {
				if p := reportEarlierDeadLetters(ctx, cmd, js, b.Job, folderOf(*from), met); p != "" {
					problems = append(problems, p)
				}
			}
		}
		if len(problems) > 0 {
			return errors.New(strings.Join(problems, ", "))
		}
		return nil
	}
	return cmd
}

// refusedNames lists the items refused before a resume that the
// checkpoint named, and how many more there were.
func refusedNames(rep connectors.BackfillReport) string {
	names := make([]string, len(rep.RefusedBeforeKeys))
	for i, k := range rep.RefusedBeforeKeys {
		names[i] = shown(k)
	}
	if more := rep.RefusedBefore - len(names); more > 0 {
		names = append(names, fmt.Sprintf("and %d more", more))
	}
	return strings.Join(names, ", ")
}

// leftOutNote says what the source's listing left out by name, naming
// the first few, or "" when it left nothing out. Hidden, temporary and
// lock files are no documents (the exit status stays 0 for them), but an
// operator counting an archive's files must find every one accounted for.
func leftOutNote(rep connectors.BackfillReport) string {
	if rep.LeftOut == 0 {
		return ""
	}
	const named = 5
	names := make([]string, 0, named+1)
	for _, k := range rep.LeftOutKeys[:min(len(rep.LeftOutKeys), named)] {
		names = append(names, shown(k))
	}
	if more := rep.LeftOut - len(names); more > 0 {
		names = append(names, fmt.Sprintf("and %d more", more))
	}
	return fmt.Sprintf("%d left out by name, not sent (hidden files and folders, partial downloads, lock files): %s",
		rep.LeftOut, strings.Join(names, ", "))
}

// reportEarlierDeadLetters lists the dead letters of job for documents
// this run did not meet (met), which the runs it resumed sent, and
// returns the problem they make ("" for none). A letter's path is named
// within dir, the job's folder ("" for a bucket or stream), as the wait
// names the files this run sent.
func reportEarlierDeadLetters(ctx context.Context, cmd *cobra.Command, js jetstream.JetStream, job, dir string, met map[string]bool) string {
	var dls []connectors.DeadLetter
	err := connectors.EachDeadLetter(ctx, js, "", func(d connectors.DeadLetter) error {
		// without the content the letter read holds
		dls = append(dls, connectors.DeadLetter{ID: d.ID, Reason: d.Reason, Filename: d.Filename, Meta: d.Meta})
		return nil
	})
	if err != nil {
		return fmt.Sprintf("the dead letters of the runs resumed could not be read: %v", err)
	}
	earlier := earlierDeadLetters(dls, job, met)
	for _, d := range earlier {
		file := deadLetterFile(d)
		if p := d.Meta["path"]; dir != "" && p != "" && !filepath.IsAbs(p) {
			file = filepath.Join(dir, p)
		}
		fmt.Fprintf(cmd.OutOrStdout(), "failed   %.12s  %s  %s\n", d.ID, shown(file), shown(d.Reason))
	}
	if len(earlier) == 0 {
		return ""
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "backfill %s: %d dead-lettered, sent by the runs this one resumed (docmill dlq list says why; docmill dlq replay retries)\n", job, len(earlier))
	return fmt.Sprintf("%d dead-lettered by the runs resumed", len(earlier))
}

// folderOf is the folder a --from names, or "" for a bucket or stream.
func folderOf(from string) string {
	if strings.HasPrefix(from, "bucket:") || strings.HasPrefix(from, "stream:") {
		return ""
	}
	return from
}

// earlierDeadLetters picks from dls the letters of job whose document is
// not in met, one a document. Without them, a --wait run resuming an
// interrupted one waited for its own sends only, and looked up only the
// items after the checkpoint: a file dead-lettered before the interrupt
// was in no count, and the job could end with exit status 0.
func earlierDeadLetters(dls []connectors.DeadLetter, job string, met map[string]bool) []connectors.DeadLetter {
	seen := map[string]bool{}
	var out []connectors.DeadLetter
	for _, d := range dls {
		if d.Meta[pipeline.MetaBackfill] != job || met[d.ID] || seen[d.ID] {
			continue
		}
		seen[d.ID] = true
		out = append(out, d)
	}
	return out
}

// checkWaitTimeout refuses a --wait-timeout that allows no wait at all: a
// negative one was taken and reported documents "not indexed within -1s".
func checkWaitTimeout(d time.Duration) error {
	if d < 0 {
		return fmt.Errorf("--wait-timeout %s: want a duration of 0 or more, such as 10m", d)
	}
	return nil
}

// awaitBackfill follows what a backfill sent to its outcome and fails when
// a document was dead-lettered or is still on its way after timeout.
func awaitBackfill(ctx context.Context, cmd *cobra.Command, w *ingestWait, timeout time.Duration) error {
	c := w.wait(ctx, cmd.OutOrStdout(), cmd.ErrOrStderr(), timeout)
	fmt.Fprintln(cmd.ErrOrStderr(), c)
	if p := c.problems(timeout, ctx.Err() != nil); len(p) > 0 {
		return errors.New(strings.Join(p, ", "))
	}
	return nil
}

// jobName names a backfill by what it reads and sends: a folder by its
// absolute path, so "ea30", "./ea30" and "/data/ea30" are one job, which
// an interrupted run resumes however the folder is written again.
func jobName(from, since string, stale bool, current string) string {
	if !strings.HasPrefix(from, "bucket:") && !strings.HasPrefix(from, "stream:") {
		if abs, err := filepath.Abs(from); err == nil {
			from = abs
		}
	}
	sum := sha256.Sum256([]byte(fmt.Sprintf("%s|%s|%v|%s", from, since, stale, current)))
	return "job-" + hex.EncodeToString(sum[:8])
}

// serverPatience is how long a backfill waits for a docmill server that
// answered before and stopped answering (an indexer restarted or
// redeployed) before it gives up.
var serverPatience = 5 * time.Minute

// serverDown is a lookup the server did not answer, or answered that it
// cannot at the moment (502, 503, 504): worth asking again.
type serverDown struct{ err error }

func (e *serverDown) Error() string { return e.err.Error() }
func (e *serverDown) Unwrap() error { return e.err }

// storedVia asks a docmill HTTP server which model version indexed a
// document. Once the server has answered, a lookup it does not answer is
// asked again, 1 s apart doubling to 10 s, for up to serverPatience: a
// backfill of a large archive ended at the first restart of the indexer
// it asks ("EOF", "connection refused") and had to be started again. A
// server that never answered (a wrong --server) still fails the first
// lookup at once.
func storedVia(server, token string) connectors.Stored {
	ask := askStored(server, token)
	var answered atomic.Bool
	var mu sync.Mutex
	down := false // said that the server stopped answering
	return func(ctx context.Context, id string) (string, error) {
		deadline := time.Now().Add(serverPatience)
		wait := time.Second
		for {
			v, err := ask(ctx, id)
			var sd *serverDown
			if !errors.As(err, &sd) {
				answered.Store(true)
				mu.Lock()
				if down {
					down = false
					fmt.Fprintf(os.Stderr, "docmill at %s answers again\n", server)
				}
				mu.Unlock()
				return v, err
			}
			if !answered.Load() || time.Now().After(deadline) {
				return "", err
			}
			mu.Lock()
			if !down {
				down = true
				fmt.Fprintf(os.Stderr, "docmill at %s stopped answering (%v): waiting up to %s for it\n", server, sd.err, serverPatience)
			}
			mu.Unlock()
			select {
			case <-ctx.Done():
				return "", err
			case <-time.After(wait):
			}
			wait = min(2*wait, 10*time.Second)
		}
	}
}

// askStored is one lookup of storedVia.
func askStored(server, token string) connectors.Stored {
	client := &http.Client{Timeout: 30 * time.Second}
	return func(ctx context.Context, id string) (string, error) {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(server, "/")+"/api/documents/"+id, nil)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := client.Do(req)
		if err != nil {
			return "", &serverDown{fmt.Errorf("ask docmill at %s whether it is indexed (is the server there? --server or DOCMILL_SERVER names it): %w", server, err)}
		}
		defer resp.Body.Close()
		switch resp.StatusCode {
		case http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
			// a proxy before a restarting indexer, or one that cannot search now
			return "", &serverDown{fmt.Errorf("ask docmill at %s whether it is indexed: %s", server, resp.Status)}
		}
		if resp.StatusCode == http.StatusNotFound {
			// not indexed; "failed" says the pipeline dead-lettered it
			var nf struct {
				Failed string `json:"failed"`
			}
			if json.NewDecoder(resp.Body).Decode(&nf) == nil && nf.Failed != "" {
				return "", fmt.Errorf("%s: %w", nf.Failed, connectors.ErrDeadLettered)
			}
			return "", nil
		}
		if resp.StatusCode == http.StatusUnauthorized {
			return "", fmt.Errorf("%s: %s (the server wants its token: --auth-token or DOCMILL_AUTH_TOKEN)", req.URL, resp.Status)
		}
		if resp.StatusCode != http.StatusOK {
			var e struct {
				Error string `json:"error"`
			}
			if json.NewDecoder(io.LimitReader(resp.Body, 64<<10)).Decode(&e) == nil && e.Error != "" {
				// "this process has no index": --server names a worker
				return "", fmt.Errorf("%s: %s: %s", req.URL, resp.Status, e.Error)
			}
			return "", fmt.Errorf("%s: %s", req.URL, resp.Status)
		}
		var r struct {
			Model struct{ Name, Version string } `json:"model"`
		}
		if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
			return "", err
		}
		return r.Model.Name + "@" + r.Model.Version, nil
	}
}

var modelRef = regexp.MustCompile(`[A-Za-z0-9_.-]+@[A-Za-z0-9_.+-]+`)

// currentModel reads the analyser name@version from the server's /healthz.
func currentModel(ctx context.Context, server string) (string, error) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(server, "/")+"/healthz", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", fmt.Errorf("ask %s for the current model: %w (or pass --current-model)", server, err)
	}
	defer resp.Body.Close()
	var h struct {
		Components map[string]struct{ Detail string } `json:"components"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&h); err != nil {
		return "", err
	}
	ref := modelRef.FindString(h.Components["analyzer"].Detail)
	if ref == "" {
		return "", fmt.Errorf("%s did not say its model (a docmill indexer does not analyse); pass --current-model name@version as a worker's /healthz gives it (components.analyzer)", server)
	}
	return ref, nil
}

func init() { rootCmd.AddCommand(backfillCmd()) }
