package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/lang"
	"github.com/docmill/docmill/pipeline/broker"
)

// FeedEvent is one published result as the live feed shows it.
type FeedEvent struct {
	Seq         uint64    `json:"seq"`
	ID          string    `json:"id"`
	Title       string    `json:"title"`
	Filename    string    `json:"filename"`
	Class       string    `json:"class"`
	Subtype     string    `json:"subtype,omitempty"`
	Confidence  float64   `json:"confidence"`
	Language    string    `json:"language"`
	Depth       string    `json:"depth"`
	Model       string    `json:"model"`
	Summary     string    `json:"summary"`
	ProcessedAt time.Time `json:"processed_at"`
}

// feedRecent is how many past events a new page shows.
const feedRecent = 50

// Feed fans published results out to live-feed clients and keeps the most
// recent ones. The zero value is not usable; see NewFeed.
type Feed struct {
	mu     sync.Mutex
	seq    uint64
	recent []FeedEvent
	subs   map[chan FeedEvent]string // channel -> class filter ("" = all)
	closed bool
}

// MaxFeedClients bounds the live feed's open connections: each holds a
// goroutine and a buffer, and a client that opens them in a loop must not
// exhaust the server.
const MaxFeedClients = 256

// NewFeed returns an empty feed.
func NewFeed() *Feed { return &Feed{subs: map[chan FeedEvent]string{}} }

// Publish records r and sends it to every subscriber whose filter matches.
// A subscriber too slow to keep up misses events rather than blocking.
func (f *Feed) Publish(r *document.Result) {
	ev := eventOf(r)
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return
	}
	f.seq++
	ev.Seq = f.seq
	f.recent = capPerClass(append(f.recent, ev))
	for ch, class := range f.subs {
		if class != "" && class != ev.Class {
			continue
		}
		select {
		case ch <- ev:
		default:
		}
	}
}

func eventOf(r *document.Result) FeedEvent {
	return FeedEvent{ID: r.ID, Title: r.Title, Filename: r.Filename, Class: r.Class, Subtype: r.Subtype,
		Confidence: r.Confidence, Language: r.Language, Depth: string(r.Depth),
		Model: strings.Trim(r.Model.Name+"@"+r.Model.Version, "@"), Summary: clip(r.Summary, 300), ProcessedAt: r.ProcessedAt}
}

// capPerClass keeps, of events (oldest first), the newest feedRecent of
// each class, and so the newest feedRecent of all. The feed kept the last
// 50 of all classes, so a page filtered to one class, /live?class=log,
// showed the 4 logs among 50 contracts.
func capPerClass(events []FeedEvent) []FeedEvent {
	n := map[string]int{}
	keep := make([]bool, len(events))
	for i := len(events) - 1; i >= 0; i-- {
		if n[events[i].Class]++; n[events[i].Class] <= feedRecent {
			keep[i] = true
		}
	}
	out := events[:0]
	for i, ev := range events {
		if keep[i] {
			out = append(out, ev)
		}
	}
	return out
}

// Recent returns the latest events matching class ("" = all), newest first:
// at most feedRecent, those of one class when class is given.
func (f *Feed) Recent(class string) []FeedEvent {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []FeedEvent
	for i := len(f.recent) - 1; i >= 0 && len(out) < feedRecent; i-- {
		if class == "" || f.recent[i].Class == class {
			out = append(out, f.recent[i])
		}
	}
	return out
}

// Forget drops the events of document id (deleted: the feed must not
// keep showing its title and summary, or link to a page that is gone).
func (f *Feed) Forget(id string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	kept := f.recent[:0]
	for _, ev := range f.recent {
		if ev.ID != id {
			kept = append(kept, ev)
		}
	}
	f.recent = kept
}

// subscribe returns a channel of new events for class ("" = all) and a
// function that ends the subscription. The channel is closed when the feed
// closes; it is nil when the feed has MaxFeedClients subscribers.
func (f *Feed) subscribe(class string) (<-chan FeedEvent, func()) {
	ch := make(chan FeedEvent, 64)
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		close(ch)
		return ch, func() {}
	}
	if len(f.subs) >= MaxFeedClients {
		return nil, nil
	}
	f.subs[ch] = class
	return ch, func() {
		f.mu.Lock()
		defer f.mu.Unlock()
		if _, ok := f.subs[ch]; ok {
			delete(f.subs, ch)
			close(ch)
		}
	}
}

// Close ends every subscription.
func (f *Feed) Close() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.closed = true
	for ch := range f.subs {
		delete(f.subs, ch)
		close(ch)
	}
}

// SubscribeNATS feeds f from the results published on docmill.results.>
// (core NATS, so it sees results as they are published, not history). The
// caller unsubscribes, or the subscription ends with the connection.
func (f *Feed) SubscribeNATS(nc *nats.Conn) (*nats.Subscription, error) {
	sub, err := nc.Subscribe(broker.SubjectResults+".>", func(m *nats.Msg) {
		var r document.Result
		if err := json.Unmarshal(m.Data, &r); err != nil {
			return
		}
		f.Publish(&r)
	})
	if err != nil {
		return nil, fmt.Errorf("subscribe %s.>: %w", broker.SubjectResults, err)
	}
	return sub, nil
}

// Backfill loads the latest results already in the results stream, so a
// restarted server's feed does not start empty. Events the live
// subscription delivered meanwhile are kept and not repeated.
func (f *Feed) Backfill(ctx context.Context, js jetstream.JetStream, keep func(ctx context.Context, id string) bool) error {
	st, err := js.Stream(ctx, broker.StreamResults)
	if err != nil {
		return fmt.Errorf("feed history: %w", err)
	}
	info, err := st.Info(ctx)
	if err != nil {
		return fmt.Errorf("feed history: %w", err)
	}
	var older []FeedEvent
	first := info.State.FirstSeq
	if last := info.State.LastSeq; last >= feedRecent && last-feedRecent+1 > first {
		first = last - feedRecent + 1
	}
	for seq := first; seq <= info.State.LastSeq && info.State.Msgs > 0; seq++ {
		m, err := st.GetMsg(ctx, seq)
		if err != nil {
			if ctx.Err() != nil {
				return fmt.Errorf("feed history: %w", ctx.Err())
			}
			continue // deleted by retention limits
		}
		var r document.Result
		if json.Unmarshal(m.Data, &r) == nil && (keep == nil || keep(ctx, r.ID)) {
			older = append(older, eventOf(&r))
		}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	seen := map[string]bool{}
	for _, ev := range f.recent {
		seen[ev.key()] = true
	}
	merged := make([]FeedEvent, 0, len(older)+len(f.recent))
	for _, ev := range older {
		if !seen[ev.key()] {
			merged = append(merged, ev)
		}
	}
	f.recent = capPerClass(append(merged, f.recent...))
	return nil
}

// key identifies one processing of one document.
func (ev FeedEvent) key() string {
	return ev.ID + "|" + ev.Model + "|" + ev.ProcessedAt.Format(time.RFC3339Nano)
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return lang.Clip(s, n) + "…"
}

// liveEvents streams feed events as server-sent events; ?class= filters.
func (s *Server) liveEvents(w http.ResponseWriter, r *http.Request) {
	if s.feed == nil {
		writeError(w, http.StatusServiceUnavailable, fmt.Errorf("live feed not available in this process"))
		return
	}
	rc := http.NewResponseController(w)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	class := r.URL.Query().Get("class")
	ch, cancel := s.feed.subscribe(class)
	if ch == nil {
		h.Del("Content-Type")
		h.Set("Retry-After", "30")
		writeError(w, http.StatusServiceUnavailable, fmt.Errorf("the live feed has %d clients, its most; try again later", MaxFeedClients))
		return
	}
	defer cancel()
	w.WriteHeader(http.StatusOK)
	fmt.Fprint(w, "retry: 3000\n: connected\n\n")
	// A reconnecting browser names the last event it got: send what was
	// published since (a server restart in between included, as event ids
	// are processing times, not this process's counter).
	if last, err := strconv.ParseInt(r.Header.Get("Last-Event-ID"), 10, 64); err == nil {
		missed := s.feed.Recent(class)
		for i := len(missed) - 1; i >= 0; i-- {
			if missed[i].ProcessedAt.UnixNano() > last {
				writeEvent(w, missed[i])
			}
		}
	}
	_ = rc.Flush()
	ping := time.NewTicker(15 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case ev, ok := <-ch:
			if !ok {
				return
			}
			writeEvent(w, ev)
		case <-ping.C:
			fmt.Fprint(w, ": ping\n\n")
		}
		if err := rc.Flush(); err != nil {
			return
		}
	}
}

// writeEvent writes one result event; its id is the processing time, which
// the browser sends back as Last-Event-ID when it reconnects.
func writeEvent(w http.ResponseWriter, ev FeedEvent) {
	data, _ := json.Marshal(ev)
	fmt.Fprintf(w, "id: %d\nevent: result\ndata: %s\n\n", ev.ProcessedAt.UnixNano(), data)
}
