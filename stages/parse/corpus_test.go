package parse

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/internal/datasets"
)

// TestPDFJSCorpus parses every PDF of the pdf.js regression corpus (real
// and deliberately malformed files). The process must survive, and each
// file must give either a Parsed with text or an *Error with a reason.
func TestPDFJSCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("parses 926 PDFs")
	}
	dir := datasets.Require(t, "pdfjs_test_pdfs")
	files := manifestFiles(t, filepath.Join(dir, "manifest.jsonl"))
	lim := DefaultLimits()
	lim.Timeout = 10 * time.Second

	results := make([]outcome, len(files))
	sem := make(chan struct{}, 2)
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			data, err := os.ReadFile(filepath.Join(dir, f))
			if err != nil {
				t.Errorf("read %s: %v", f, err)
				return
			}
			p, err := Parse(context.Background(), Input{Filename: f, Data: data}, lim)
			results[i] = classify(t, f, p, err)
		}()
	}
	wg.Wait()

	counts := map[string]int{}
	panics := map[string]int{}
	reasons := map[string]int{}
	for _, r := range results {
		counts[r.kind]++
		if r.panicked {
			panics[r.kind]++
		}
		if r.reason != "" {
			reasons[r.reason]++
		}
	}
	t.Logf("pdfjs corpus: %d files: ok %d (%d with pages skipped after a recovered library panic), error %d (%d after a recovered panic), timeout %d",
		len(files), counts["ok"], panics["ok"], counts["error"], panics["error"], counts["timeout"])
	keys := make([]string, 0, len(reasons))
	for k := range reasons {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return reasons[keys[i]] > reasons[keys[j]] })
	for _, k := range keys {
		t.Logf("  %4d  %s", reasons[k], k)
	}
	// 548 of 926 give text (form fields, annotations, PDF 2.0, CJK CMaps, AES-256); a
	// floor a little under that catches a regression without tying the
	// test to one count (many corpus files are fuzzed, image-only or
	// encrypted on purpose).
	if counts["ok"] < len(files)*55/100 {
		t.Errorf("only %d of %d PDFs parsed", counts["ok"], len(files))
	}
}

func manifestFiles(t *testing.T, path string) []string {
	t.Helper()
	fh, err := os.Open(path)
	if err != nil {
		t.Fatalf("manifest: %v", err)
	}
	defer fh.Close()
	var files []string
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var m struct {
			File string `json:"file"`
		}
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("manifest line: %v", err)
		}
		files = append(files, m.File)
	}
	if len(files) == 0 {
		t.Fatal("empty manifest")
	}
	return files
}

// outcome is one corpus file's result.
type outcome struct {
	file, kind, reason string
	panicked           bool // the PDF library panicked and was recovered
}

// classify checks one corpus outcome and names its kind.
func classify(t *testing.T, f string, p *document.Parsed, err error) (o outcome) {
	o.file = f
	if err == nil {
		if p == nil || p.Text == "" {
			t.Errorf("%s: no error and no text", f)
		}
		o.kind = "ok"
		o.panicked = p != nil && p.Meta["pdf_pages_failed"] != ""
		return o
	}
	var pe *Error
	if !errors.As(err, &pe) || pe.Reason == "" {
		t.Errorf("%s: error without a reason: %v", f, err)
		return o
	}
	o.reason = pe.Reason
	o.panicked = errors.Is(err, errPanic)
	o.kind = "error"
	if strings.HasPrefix(pe.Reason, "timed out") {
		o.kind = "timeout"
	}
	return o
}
