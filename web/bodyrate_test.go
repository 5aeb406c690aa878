package web

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/docmill/docmill/connectors"
)

// A request body that trickles in under the minimum rate is cut within
// the window, with 408, and its connection closed: 200 such uploads held
// 200 connections (and file descriptors) for as long as their senders
// liked. A fast upload, and a slower one that keeps the rate over several
// windows, go through.
func TestSlowBodyCut(t *testing.T) {
	_, js := startNATS(t)
	const window = 500 * time.Millisecond
	s := newServer(t, Options{Index: openIndex(t), Ingest: &connectors.Publisher{JS: js}, BodyMinBytes: 1 << 10, BodyWindow: window})
	ts := httptest.NewServer(s)
	defer ts.Close()

	c, err := net.Dial("tcp", ts.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	start := time.Now()
	fmt.Fprintf(c, "POST /api/documents?filename=slow.txt HTTP/1.1\r\nHost: %s\r\nContent-Length: 100000\r\n\r\n", ts.Listener.Addr())
	stop := make(chan struct{})
	defer close(stop)
	go func() { // 200 bytes a second, a tenth of the minimum
		for {
			select {
			case <-stop:
				return
			case <-time.After(50 * time.Millisecond):
			}
			if _, err := c.Write([]byte("0123456789")); err != nil {
				return
			}
		}
	}()
	_ = c.SetReadDeadline(time.Now().Add(10 * time.Second))
	rd := bufio.NewReader(c)
	resp, err := http.ReadResponse(rd, nil)
	if err != nil {
		t.Fatalf("no answer to a trickling body: %v", err)
	}
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusRequestTimeout || !strings.Contains(string(body), "too slowly") {
		t.Errorf("trickling body: %d %s, want 408", resp.StatusCode, body)
	}
	if _, err := rd.ReadByte(); err != io.EOF {
		t.Errorf("connection of a trickling body still open after the answer: %v", err)
	}
	if d := time.Since(start); d > 4*window+time.Second {
		t.Errorf("trickling body cut after %s, want within about %s", d, window)
	}

	resp, err = http.Post(ts.URL+"/api/documents?filename=fast.txt", "text/plain", bytes.NewReader(bytes.Repeat([]byte("fast upload "), 40000)))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted {
		t.Errorf("fast upload: %d", resp.StatusCode)
	}

	pr, pw := io.Pipe()
	go func() { // 30 KiB a second over three windows
		for i := range 15 {
			time.Sleep(100 * time.Millisecond)
			if _, err := fmt.Fprintf(pw, "%04d %s\n", i, strings.Repeat("steady ", 430)); err != nil {
				return
			}
		}
		pw.Close()
	}()
	resp, err = http.Post(ts.URL+"/api/documents?filename=steady.txt", "text/plain", pr)
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted {
		t.Errorf("upload at 30 KiB/s over 1.5 s: %d %s", resp.StatusCode, body)
	}
}
