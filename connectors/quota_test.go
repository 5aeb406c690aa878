package connectors

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/docmill/docmill/internal/natstest"
	"github.com/docmill/docmill/pipeline/broker"
)

// A quota takes up to its documents or bytes in any hour and says how
// long the next must wait: until the oldest take that stands in its way
// leaves the hour.
func TestQuotaWait(t *testing.T) {
	const mb = 1 << 20
	start := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name      string
		docs, mbs int
		takes     []int64 // sizes, one a minute from start
		at        time.Duration
		size      int64
		want      time.Duration
	}{
		{"under the documents", 3, 0, []int64{1, 1}, 2 * time.Minute, 1, 0},
		{"at the documents", 3, 0, []int64{1, 1, 1}, 3 * time.Minute, 1, 57 * time.Minute},
		{"the oldest left the hour", 3, 0, []int64{1, 1, 1}, 61 * time.Minute, 1, 0},
		{"at the bytes", 0, 2, []int64{mb, mb}, 2 * time.Minute, 1, 58 * time.Minute},
		{"bytes: two must leave", 0, 3, []int64{mb, mb, mb}, 3 * time.Minute, 2 * mb, 58 * time.Minute},
		{"larger than the quota, window empty", 0, 1, nil, 0, 5 * mb, 0},
		{"larger than the quota, window not empty", 0, 1, []int64{1}, time.Minute, 5 * mb, 59 * time.Minute},
		{"both: the documents bind", 2, 100, []int64{1, 1}, 2 * time.Minute, 1, 58 * time.Minute},
	} {
		t.Run(c.name, func(t *testing.T) {
			now := start
			q := NewQuota(c.docs, c.mbs)
			q.now = func() time.Time { return now }
			for i, size := range c.takes {
				now = start.Add(time.Duration(i) * time.Minute)
				q.Took(size)
			}
			now = start.Add(c.at)
			if got := q.Wait(c.size); got != c.want {
				t.Errorf("Wait(%d) = %v, want %v", c.size, got, c.want)
			}
		})
	}
	if NewQuota(0, 0) != nil || (*Quota)(nil).Wait(1<<40) != 0 {
		t.Error("no quota bounds something")
	}
}

// A watched folder takes no more files an hour than sources.max_per_hour:
// the rest wait in the folder, are not refused, and are taken once the
// hour has room. Every file dropped in was taken at once.
func TestFolderQuotaLeavesTheRestWaiting(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	js, seen := folderBroker(ctx, t)
	dir := t.TempDir()
	for i := range 5 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("memo%d.txt", i)), []byte(fmt.Sprintf("Memo %d: the car park closes on Monday.", i)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	spells := testutil.ToFloat64(quotaSpells.WithLabelValues("folder"))
	var logs strings.Builder
	f := handFolder(t, js, seen, dir)
	f.Log = slog.New(slog.NewTextHandler(&logs, nil))
	now := time.Now()
	f.Quota = NewQuota(2, 0)
	f.Quota.now = func() time.Time { return now }
	for range 4 { // a file is taken on its second sighting
		firstScan(ctx, f)
	}
	if n := natstest.Info(ctx, t, js, broker.StreamIngest).State.Msgs; n != 2 {
		t.Fatalf("%d files taken with a quota of 2 an hour, want 2", n)
	}
	if n := strings.Count(logs.String(), "quota"); n != 1 {
		t.Errorf("%d log lines about the quota over 3 scans, want 1:\n%s", n, logs.String())
	}
	if d := testutil.ToFloat64(quotaSpells.WithLabelValues("folder")) - spells; d != 1 {
		t.Errorf("docmill_intake_quota_waits_total{source=\"folder\"} rose by %v over 3 scans, want 1", d)
	}
	if strings.Contains(logs.String(), "refused") {
		t.Errorf("files over the quota refused:\n%s", logs.String())
	}
	now = now.Add(QuotaWindow)
	for range 2 {
		firstScan(ctx, f)
	}
	if n := natstest.Info(ctx, t, js, broker.StreamIngest).State.Msgs; n != 4 {
		t.Errorf("%d files taken an hour later, want 4", n)
	}
}

// A watched bucket takes no more objects an hour than its quota: the rest
// wait in the bucket, handed back to the broker until the hour has room,
// and /healthz says the bucket is over its quota, not stalled.
func TestBucketQuotaLeavesTheRestWaiting(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	js, seen := folderBroker(ctx, t)
	store := testBucket(ctx, t, js, "inbox")
	spells := testutil.ToFloat64(quotaSpells.WithLabelValues("bucket"))
	for i := range 4 {
		if _, err := store.PutString(ctx, fmt.Sprintf("memo%d.txt", i), fmt.Sprintf("Memo %d: the car park closes on Monday.", i)); err != nil {
			t.Fatal(err)
		}
	}
	b := &Bucket{Name: "inbox", JS: js, Pub: &Publisher{JS: js}, Seen: seen, Log: quietLog(), Quota: NewQuota(2, 0),
		StallAfter: 50 * time.Millisecond}
	runBucket(ctx, t, b)
	waitMsgs(ctx, t, js, 2)
	for !strings.Contains(b.Progress(), "2 waiting, over its hourly quota until") {
		select {
		case <-ctx.Done():
			t.Fatalf("bucket over its quota: %q", b.Progress())
		case <-time.After(20 * time.Millisecond):
		}
	}
	time.Sleep(200 * time.Millisecond) // past StallAfter with none settled
	if err := b.Err(); err != nil {
		t.Errorf("objects waiting for the quota read as a stall: %v", err)
	}
	if d := testutil.ToFloat64(quotaSpells.WithLabelValues("bucket")) - spells; d != 1 {
		t.Errorf("docmill_intake_quota_waits_total{source=\"bucket\"} rose by %v, want 1", d)
	}
	if n := natstest.Info(ctx, t, js, broker.StreamIngest).State.Msgs; n != 2 {
		t.Errorf("%d objects taken with a quota of 2 an hour, want 2", n)
	}
}
