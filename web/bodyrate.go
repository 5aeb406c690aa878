package web

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"
)

// Default minimum rate of a request body: DefaultBodyMinBytes in each
// DefaultBodyWindow. A 64 MiB upload at that rate would take over five
// days, so any real link passes, while a client trickling a few bytes at
// a time to hold connections (and file descriptors, shared with JetStream
// and the index) is cut within the window.
const (
	DefaultBodyWindow   = 30 * time.Second
	DefaultBodyMinBytes = 4 << 10
)

// errSlowBody is a request body that arrived under the minimum rate.
var errSlowBody = errors.New("request body arrived too slowly")

// bodyRate bounds how slowly a request body may arrive: each
// Options.BodyMinBytes must come within Options.BodyWindow of reading.
// A read deadline, moved on as data arrives, enforces it, so a large
// upload on a slow link still goes through where one ReadTimeout for the
// whole request would cut it. Requests without a body are left alone: a
// deadline on them would cut the live feed and long exports, since the
// server then reads the connection in the background for the whole
// response.
func (s *Server) bodyRate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body == nil || r.Body == http.NoBody || r.ContentLength == 0 {
			next.ServeHTTP(w, r)
			return
		}
		rc := http.NewResponseController(w)
		// armed before the handler runs: one that refuses the request
		// unread (401) leaves the server to discard the body
		if err := rc.SetReadDeadline(time.Now().Add(s.o.BodyWindow)); err != nil {
			next.ServeHTTP(w, r) // a writer without deadlines (a test recorder)
			return
		}
		b := &rateBody{body: r.Body, rc: rc, window: s.o.BodyWindow, min: s.o.BodyMinBytes}
		r.Body = b
		next.ServeHTTP(w, r)
		if !b.eof {
			// what the handler left unread is discarded by the server
			// after it returns, under the same bound
			_ = rc.SetReadDeadline(time.Now().Add(s.o.BodyWindow))
		}
	})
}

// rateBody is a request body that fails with errSlowBody once min bytes
// took longer than window to arrive. Only time spent reading counts: a
// handler publishing one file of a multipart upload before reading the
// next is not the client's delay.
type rateBody struct {
	body   io.ReadCloser
	rc     *http.ResponseController
	window time.Duration
	min    int64
	got    int64         // bytes since the last min was reached
	spent  time.Duration // time reading since then
	eof    bool
}

// Read reads from the body under the deadline that is left of the
// current window.
func (b *rateBody) Read(p []byte) (int, error) {
	if b.eof {
		return b.body.Read(p)
	}
	start := time.Now()
	_ = b.rc.SetReadDeadline(start.Add(b.window - b.spent))
	n, err := b.body.Read(p)
	b.got += int64(n)
	b.spent += time.Since(start)
	if b.got >= b.min {
		b.got, b.spent = 0, 0
	}
	switch {
	case err == io.EOF:
		// the server reads the connection in the background from here
		// on, for the whole response: no deadline may cut that
		b.eof = true
		_ = b.rc.SetReadDeadline(time.Time{})
	case errors.Is(err, os.ErrDeadlineExceeded):
		err = fmt.Errorf("%w: under %d bytes in %s", errSlowBody, b.min, b.window)
	}
	return n, err
}

// Close closes the body.
func (b *rateBody) Close() error { return b.body.Close() }
