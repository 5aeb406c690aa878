package eval

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

// Progress prints a one-line progress bar (done/total, rate, ETA) to a
// terminal stream, redrawn in place with a carriage return at most every
// redrawEvery. It is safe for concurrent use, so workers can call Add.
type Progress struct {
	w      io.Writer
	total  int
	label  string
	start  time.Time
	now    func() time.Time
	mu     sync.Mutex
	done   int
	base   int // units done before this run (a resumed job); not in the rate
	last   time.Time
	drawn  int // done at the last draw; -1 before the first
	closed bool
	// lines: w is a file that is no terminal (a CI log, kubectl logs), so
	// each draw is a line of its own, every logEvery, instead of a bar
	// redrawn in place, which a log shows as one endless line.
	lines bool
	// lastDone is when a unit was last done; idle is how long before the
	// draw in progress that was (line reads it).
	lastDone time.Time
	idle     time.Duration
}

// logEvery throttles the progress lines written to a log.
const logEvery = 10 * time.Second

// redrawEvery throttles redraws: a fast loop must not spend its time
// printing.
const redrawEvery = 200 * time.Millisecond

// barWidth is the number of cells of the bar.
const barWidth = 24

// NewProgress starts a progress bar for total units of work, labelled label,
// on w. A nil w gives a silent bar.
func NewProgress(w io.Writer, total int, label string) *Progress {
	p := &Progress{w: w, total: total, label: label, now: time.Now, drawn: -1, lines: notTerminal(w)}
	p.start = p.now()
	p.lastDone = p.start
	return p
}

// notTerminal reports whether w is a file other than a terminal.
func notTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice == 0
}

// Resume marks n units as done before this run started (a resumed job):
// the bar counts them, the rate and ETA do not. Call it before Add.
func (p *Progress) Resume(n int) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done += n
	p.base += n
}

// Add records n more units done and redraws when due.
func (p *Progress) Add(n int) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done += n
	if n > 0 {
		p.lastDone = p.now()
	}
	every := redrawEvery
	if p.lines {
		every = logEvery
	}
	if t := p.now(); t.Sub(p.last) >= every || p.done >= p.total {
		p.last = t
		p.draw(t, "\r")
	}
}

// Done draws the final state and ends the line. Later calls do nothing.
func (p *Progress) Done() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return
	}
	p.closed = true
	if p.drawn != p.done {
		// The final state was not shown yet (a throttled last Add).
		p.draw(p.now(), "\r")
	}
	if p.w != nil && !p.lines {
		fmt.Fprintln(p.w)
	}
}

// draw writes the bar; the caller holds mu.
func (p *Progress) draw(t time.Time, prefix string) {
	p.drawn = p.done
	p.idle = t.Sub(p.lastDone)
	if p.w == nil {
		return
	}
	if p.lines {
		fmt.Fprintln(p.w, strings.TrimRight(p.line(t.Sub(p.start)), " "))
		return
	}
	fmt.Fprint(p.w, prefix+p.line(t.Sub(p.start)))
}

// line renders the bar for the elapsed time, e.g.
// "keywords [############------------] 1000/2000  52.3/s  ETA 19s".
func (p *Progress) line(elapsed time.Duration) string {
	frac := 0.0
	if p.total > 0 {
		frac = min(float64(p.done)/float64(p.total), 1)
	}
	cells := int(frac * barWidth)
	bar := strings.Repeat("#", cells) + strings.Repeat("-", barWidth-cells)
	rate := 0.0
	if s := elapsed.Seconds(); s > 0 {
		rate = float64(p.done-p.base) / s
	}
	eta, speed := "?", fmt.Sprintf("%.1f/s", rate)
	if elapsed < minRateWindow {
		// a rate over the first milliseconds is noise ("17391304.3/s"),
		// also when the work is done within them
		speed = "-/s"
	}
	switch {
	case p.done >= p.total:
		eta = "done in " + elapsed.Round(100*time.Millisecond).String()
	case p.idle >= stallWindow:
		// the rate of the start says nothing now: the last units wait on
		// something else (a redelivery after ack_wait), and an ETA of a
		// few seconds stood for a minute
		eta = "none done for " + p.idle.Round(time.Second).String()
	case elapsed >= minRateWindow && rate > 0:
		left := time.Duration(float64(p.total-p.done) / rate * float64(time.Second))
		eta = "ETA " + left.Round(time.Second).String()
	}
	return fmt.Sprintf("%s [%s] %d/%d  %s  %s   ", p.label, bar, p.done, p.total, speed, eta)
}

// stallWindow is how long without a unit done before a bar shows that
// instead of an ETA.
const stallWindow = 10 * time.Second

// minRateWindow is how long a bar runs before it shows a rate and an ETA.
const minRateWindow = time.Second
