package parse

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"sync/atomic"
)

// stopFlag tells a parser that its result is no longer wanted; parsers
// check it between units of work (PDF pages) so an abandoned parse stops
// at the next boundary.
type stopFlag struct{ atomic.Bool }

// stopped reports whether the parse was abandoned.
func (s *stopFlag) stopped() bool { return s != nil && s.Load() }

// abandoned counts parser goroutines still running after their document
// timed out.
var abandoned atomic.Int64

// Abandoned returns how many parser goroutines are still running after
// their document was failed for taking too long. Go cannot stop them; they
// are told to stop and most end at the next page, but one stuck inside a
// single library call holds its CPU and memory until it returns. Export it
// as a gauge: a value that keeps growing means hostile input is eating the
// process.
func Abandoned() int64 { return abandoned.Load() }

// errPanic marks a recovered parser panic.
var errPanic = errors.New("parser panic")

// guarded runs fn in its own goroutine with panics recovered and waits for
// it or for ctx. Go cannot kill a goroutine: on timeout the parser is told
// to stop (it checks between pages) but a single call that hangs inside
// the PDF library keeps its goroutine, and the memory it holds, until that
// call returns. The document is still failed at once.
func guarded(ctx context.Context, name, ct string, fn func(*stopFlag) (*extracted, error)) (*extracted, error) {
	type result struct {
		ex  *extracted
		err error
	}
	stop := new(stopFlag)
	done := make(chan result, 1)
	go func() {
		var r result
		defer func() {
			if p := recover(); p != nil {
				r = result{err: permanent(name, fmt.Sprintf("%s parser panicked: %s", ct, printable(fmt.Sprint(p), 200)),
					fmt.Errorf("%w: %s", errPanic, firstLines(debug.Stack(), 12)))}
			}
			done <- r
		}()
		r.ex, r.err = fn(stop)
	}()
	select {
	case r := <-done:
		return r.ex, r.err
	case <-ctx.Done():
		stop.Store(true)
		abandoned.Add(1)
		go func() {
			<-done
			abandoned.Add(-1)
		}()
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, permanent(name, "timed out: parsing took longer than the per-document limit", ctx.Err())
		}
		return nil, &Error{Filename: name, Reason: "cancelled", Err: ctx.Err()}
	}
}

// firstLines keeps the first n lines of a stack trace for the error.
func firstLines(b []byte, n int) string {
	for i, c := range b {
		if c == '\n' {
			n--
			if n == 0 {
				return string(b[:i])
			}
		}
	}
	return string(b)
}
