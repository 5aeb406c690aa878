package eval

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestProgressLine(t *testing.T) {
	p := NewProgress(nil, 200, "keywords")
	p.done = 50
	// 50 done in 10 s: 5/s, 150 left: ETA 30 s; 50/200 of 24 cells = 6.
	got := p.line(10 * time.Second)
	want := "keywords [######------------------] 50/200  5.0/s  ETA 30s   "
	if got != want {
		t.Fatalf("got  %q\nwant %q", got, want)
	}
	// Over the first second a rate would be noise: none is shown.
	p.done = 4
	if got := p.line(time.Millisecond); !strings.Contains(got, "4/200  -/s  ?") {
		t.Fatalf("start: %q", got)
	}
	p.done = 200
	if got := p.line(4 * time.Second); !strings.Contains(got, "200/200  50.0/s  done in 4s") {
		t.Fatalf("final: %q", got)
	}
	if got := p.line(2 * time.Millisecond); !strings.Contains(got, "200/200  -/s  done in 0s") {
		t.Fatalf("done at once: %q", got)
	}
}

// A resumed job's bar starts where the job stood; its rate counts only
// this run's work.
func TestProgressResumed(t *testing.T) {
	p := NewProgress(nil, 200, "backfill")
	p.Resume(76)
	p.done += 124
	if got := p.line(6 * time.Second); !strings.Contains(got, "200/200  20.7/s") {
		t.Fatalf("resumed: %q", got)
	}
}

func TestProgressConcurrentAndThrottled(t *testing.T) {
	var buf bytes.Buffer
	var mu sync.Mutex
	w := writerFunc(func(b []byte) (int, error) { mu.Lock(); defer mu.Unlock(); return buf.Write(b) })
	p := NewProgress(w, 1000, "x")
	clock := p.start
	p.now = func() time.Time { return clock } // time stands still: only the final count may redraw
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				p.Add(1)
			}
		}()
	}
	wg.Wait()
	p.Done()
	p.Done()
	out := buf.String()
	// One redraw at the first Add (last is zero) and one on reaching the
	// total; Done adds only the newline, the final state being shown.
	if n := strings.Count(out, "\r"); n != 2 {
		t.Fatalf("%d redraws: %q", n, out)
	}
	if !strings.HasSuffix(out, "\n") || !strings.Contains(out, "1000/1000") {
		t.Fatalf("final line: %q", out)
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(b []byte) (int, error) { return f(b) }

func TestProgressDoneShowsUnfinishedState(t *testing.T) {
	var buf bytes.Buffer
	p := NewProgress(&buf, 10, "x")
	clock := p.start
	p.now = func() time.Time { return clock }
	p.Add(1) // drawn
	p.Add(1) // throttled
	p.Done() // must show 2/10
	out := buf.String()
	if strings.Count(out, "\r") != 2 || !strings.Contains(out, "2/10") || !strings.HasSuffix(out, "\n") {
		t.Fatalf("%q", out)
	}
}

// Written to a file that is no terminal (a CI log), progress is a line
// every 10 s and one at the end, not a bar redrawn with carriage returns.
func TestProgressLinesInALog(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "progress.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	clock := time.Unix(1000, 0)
	p := NewProgress(f, 100, "backfill")
	p.now = func() time.Time { return clock }
	p.start = clock
	for i := 0; i < 100; i++ {
		clock = clock.Add(time.Second) // a line at the first, then every 10 s, and at 100
		p.Add(1)
	}
	p.Done()
	b, err := os.ReadFile(f.Name())
	if err != nil {
		t.Fatal(err)
	}
	out := string(b)
	if strings.Contains(out, "\r") || strings.Count(out, "\n") != 11 || !strings.HasSuffix(out, "100/100  1.0/s  done in 1m40s\n") {
		t.Errorf("log progress:\n%q", out)
	}
}

// A bar whose last units take far longer than the rate says (a
// redelivery after ack_wait) shows how long it has waited, not an ETA of
// a few seconds for a minute.
func TestProgressShowsAStall(t *testing.T) {
	now := time.Unix(1000, 0)
	var buf bytes.Buffer
	p := NewProgress(&buf, 40, "waiting for results")
	p.now = func() time.Time { return now }
	p.start, p.lastDone, p.lines = now, now, true
	now = now.Add(5 * time.Second)
	p.Add(37)
	if !strings.Contains(buf.String(), "ETA 0s") {
		t.Fatalf("while going: %q", buf.String())
	}
	now = now.Add(45 * time.Second)
	p.Add(0)
	if !strings.Contains(buf.String(), "37/40  0.7/s  none done for 45s") {
		t.Fatalf("stalled: %q", buf.String())
	}
}
