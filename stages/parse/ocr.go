package parse

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// OCR reads the text of scanned PDFs, whose pages are images: pdftoppm
// (poppler-utils) renders each page and tesseract reads it. Both are
// Debian packages (poppler-utils, tesseract-ocr, tesseract-ocr-chi-sim for
// Chinese); their trained data ships with the package, so nothing is
// fetched at run time. Running them as processes, not as linked
// libraries, means a page that takes too long is killed with its process.
type OCR struct {
	Languages string        // tesseract's -l: "eng", "eng+chi_sim"
	MaxPages  int           // pages read from one document
	Timeout   time.Duration // for one document, all pages
	DPI       int           // rendering resolution
	Version   string        // tesseract's version, for the result's meta
}

// Documents OCR was tried on, by outcome, for the metrics.
var ocrRead, ocrNoText atomic.Int64

// OCRDocuments returns how many PDFs OCR has read, and how many it found
// no text in, since the process started.
func OCRDocuments() (read, noText int64) { return ocrRead.Load(), ocrNoText.Load() }

// Defaults of OCR.
const (
	DefaultOCRPages   = 20
	DefaultOCRTimeout = 3 * time.Minute
	DefaultOCRDPI     = 200
)

// DetectOCR returns an OCR when pdftoppm and tesseract are installed, with
// every language among English and Simplified Chinese that tesseract has
// data for; nil when a tool is missing.
func DetectOCR() *OCR {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		return nil
	}
	if _, err := exec.LookPath("tesseract"); err != nil {
		return nil
	}
	out, err := exec.Command("tesseract", "--list-langs").CombinedOutput()
	if err != nil {
		return nil
	}
	have := map[string]bool{}
	for _, l := range strings.Fields(string(out)) {
		have[l] = true
	}
	var langs []string
	for _, l := range []string{"eng", "chi_sim"} {
		if have[l] {
			langs = append(langs, l)
		}
	}
	if len(langs) == 0 {
		return nil
	}
	o := &OCR{Languages: strings.Join(langs, "+"), MaxPages: DefaultOCRPages, Timeout: DefaultOCRTimeout, DPI: DefaultOCRDPI}
	if v, err := exec.Command("tesseract", "--version").CombinedOutput(); err == nil {
		o.Version = strings.TrimSpace(strings.SplitN(string(v), "\n", 2)[0])
	}
	return o
}

// String describes the OCR for health checks and logs.
func (o *OCR) String() string {
	if o == nil {
		return "off"
	}
	return fmt.Sprintf("%s (%s), up to %d pages", o.Version, o.Languages, o.MaxPages)
}

// wantsOCR reports whether a PDF failure means its pages may be pictures
// of text: no text at all, glyphs without a way back to characters, or
// pages the PDF library could not read (a renderer often can).
func wantsOCR(err error) bool {
	var pe *Error
	if !errors.As(err, &pe) {
		return false
	}
	return pe.Reason == reasonNoText || pe.Reason == reasonUndecodable || pe.Reason == reasonNoPageRead
}

// pdf renders and reads the pages of a PDF within budget (the OCR's
// Timeout when that is less, or budget is 0). It returns the text found, or an error saying why there
// is none.
func (o *OCR) pdf(ctx context.Context, data []byte, budget time.Duration) (*extracted, error) {
	if budget <= 0 || budget > o.timeout() {
		budget = o.timeout()
	}
	ctx, cancel := context.WithTimeout(ctx, budget)
	defer cancel()
	dir, err := os.MkdirTemp("", "docmill-ocr-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, data, 0o600); err != nil {
		return nil, err
	}
	info := pdfInfo(ctx, in, o.pages())
	dpi := info.dpiFor(o.dpi())
	render := limitedCommand(ctx, "pdftoppm", "-r", fmt.Sprint(dpi), "-gray", "-l", fmt.Sprint(o.pages()), in, filepath.Join(dir, "page"))
	// its messages kept to a few kilobytes: a malformed page made it
	// write gigabytes of syntax errors, which a buffer of all of them held
	// in docmill's own memory
	var renderErr headBuffer
	render.Stderr = &renderErr
	if err := render.Run(); err != nil {
		return nil, toolError(ctx, "pdftoppm", budget, err, renderErr.String())
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "page*.pgm"))
	if len(pages) == 0 && strings.Contains(renderErr.String(), "Out of memory") {
		// pdftoppm gives up a page it has no memory for and exits 0
		return nil, toolError(ctx, "pdftoppm", budget, nil, renderErr.String())
	}
	sort.Strings(pages) // pdftoppm pads page numbers to one width
	var b strings.Builder
	var words ocrWords
	for _, p := range pages {
		text, page, err := o.readPage(ctx, p, budget)
		if err != nil {
			return nil, err
		}
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(text)
		words.all += page.all
		words.confident += page.confident
	}
	text := normalize(b.String())
	if !hasContent(text) || !words.legible() {
		return nil, fmt.Errorf("no text recognised (%d of %d words legible)", words.confident, words.all)
	}
	meta := map[string]string{"ocr": fmt.Sprintf("%s, %s, %d pages at %d dpi", o.Version, o.Languages, len(pages), dpi)}
	if info.pages > len(pages) {
		meta["truncated"] = fmt.Sprintf("OCR read %d of %d pages (pipeline.ocr_max_pages)", len(pages), info.pages)
	}
	return &extracted{text: text, pages: max(len(pages), info.pages), meta: meta}, nil
}

// readPage reads one rendered page. A page tesseract finds illegible is
// read again turned upside down, and the better reading kept: sheet
// feeders scan pages upside down, which tesseract does not turn (it
// turns a page on its side).
func (o *OCR) readPage(ctx context.Context, p string, budget time.Duration) (string, ocrWords, error) {
	text, words, err := o.tesseract(ctx, p, budget)
	if err != nil || words.legible() || words.all == 0 {
		return text, words, err
	}
	turned := p + ".180.pgm"
	if rotatePGM180(p, turned) != nil {
		return text, words, nil
	}
	t2, w2, err := o.tesseract(ctx, turned, budget)
	if err == nil && w2.confident > words.confident {
		return t2, w2, nil
	}
	return text, words, nil
}

// tesseract reads one page image into text and its word counts.
func (o *OCR) tesseract(ctx context.Context, p string, budget time.Duration) (string, ocrWords, error) {
	var out bytes.Buffer
	var stderr headBuffer
	read := limitedCommand(ctx, "tesseract", p, "stdout", "-l", o.Languages, "tsv")
	read.Stdout, read.Stderr = &out, &stderr
	// one thread per page: the worker already runs documents in
	// parallel, and tesseract's own threads would oversubscribe the
	// cores (its documentation advises this for parallel use)
	read.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
	if err := read.Run(); err != nil {
		return "", ocrWords{}, toolError(ctx, "tesseract "+filepath.Base(p), budget, err, stderr.String())
	}
	var w ocrWords
	return w.add(out.String()), w, nil
}

// rotatePGM180 writes the 8-bit binary PGM (P5) image in to out turned
// by 180 degrees: its raster, one byte a pixel, read backwards.
func rotatePGM180(in, out string) error {
	data, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	at, fields := 0, 0
	var maxval int
	for fields < 4 && at < len(data) {
		for at < len(data) && (data[at] == ' ' || data[at] == '\t' || data[at] == '\n' || data[at] == '\r' || data[at] == '#') {
			if data[at] == '#' {
				for at < len(data) && data[at] != '\n' {
					at++
				}
				continue
			}
			at++
		}
		start := at
		for at < len(data) && data[at] > ' ' {
			at++
		}
		if fields == 0 && string(data[start:at]) != "P5" {
			return fmt.Errorf("%s: not a binary PGM", in)
		}
		if fields == 3 {
			maxval, _ = strconv.Atoi(string(data[start:at]))
		}
		fields++
	}
	if fields < 4 || maxval <= 0 || maxval > 255 || at >= len(data) {
		return fmt.Errorf("%s: not an 8-bit PGM", in)
	}
	header, raster := data[:at+1], slices.Clone(data[at+1:])
	slices.Reverse(raster)
	return os.WriteFile(out, append(slices.Clone(header), raster...), 0o600)
}

// ocrMemory bounds the address space of each pdftoppm and tesseract
// process, in KiB. A 123 KB PDF of malformed content streams (pdf.js's
// bomb_giant.pdf) took pdftoppm to 2.4 GB of memory for 3 minutes; under
// the bound it stops at once, "Out of memory". A page at maxOCRPixels
// takes tesseract about 150 MB.
const ocrMemory = 1 << 20

// limitedCommand is exec.CommandContext for an OCR tool, run under
// ocrMemory through the shell's ulimit (Go cannot set a child's limits).
func limitedCommand(ctx context.Context, name string, args ...string) *exec.Cmd {
	return exec.CommandContext(ctx, "sh", append([]string{"-c", fmt.Sprintf(`ulimit -v %d && exec "$0" "$@"`, ocrMemory), name}, args...)...)
}

// toolError says briefly why an OCR tool failed: out of time, out of
// memory, or its first message and how many followed. Its whole output,
// thousands of "Syntax Error (384): Unknown operator" lines, made the
// dead letter's reason unreadable.
func toolError(ctx context.Context, tool string, budget time.Duration, err error, stderr string) error {
	switch {
	case ctx.Err() == context.DeadlineExceeded:
		return fmt.Errorf("%s: over the %s OCR time limit", tool, budget)
	case strings.Contains(stderr, "Out of memory") || strings.Contains(stderr, "std::bad_alloc"):
		return fmt.Errorf("%s: out of memory (over the %d MB OCR limit)", tool, ocrMemory>>10)
	}
	return fmt.Errorf("%s: %w: %s", tool, err, firstMessage(stderr))
}

// firstMessage is the first non-blank line of a tool's messages, cut to
// 120 characters, with the count of those that follow.
func firstMessage(s string) string {
	lines := strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' })
	if len(lines) == 0 {
		return "no message"
	}
	first := printable(strings.TrimSpace(lines[0]), 120)
	if len(lines) > 1 {
		return fmt.Sprintf("%s (and %d more messages)", first, len(lines)-1)
	}
	return first
}

// maxOCRPixels bounds the longer side of a rendered page. A page may be
// up to 200 inches a side (the PDF maximum): at 200 dpi, a 40,000-pixel
// square that took pdftoppm and tesseract 3 GB each and 1.5 GB of /tmp,
// for a 630-byte file. 6,000 pixels is a 30-inch side at 200 dpi.
const maxOCRPixels = 6000

// pageInfo is what pdfinfo says of a PDF: its page count and the longer
// side, in points, of the largest of the pages OCR reads.
type pageInfo struct {
	pages   int
	longest float64
}

var (
	pdfInfoPagesRe = regexp.MustCompile(`(?m)^Pages:\s+(\d+)`)
	pdfInfoSizeRe  = regexp.MustCompile(`(?m)^Page\s+\d+\s+size:\s+([\d.]+)\s+x\s+([\d.]+)\s+pts`)
)

// pdfInfo asks pdfinfo (poppler-utils, beside pdftoppm) about the first n
// pages of the PDF at path; what it cannot tell is zero.
func pdfInfo(ctx context.Context, path string, n int) pageInfo {
	out, err := exec.CommandContext(ctx, "pdfinfo", "-f", "1", "-l", fmt.Sprint(n), path).Output()
	if err != nil {
		return pageInfo{}
	}
	var info pageInfo
	if m := pdfInfoPagesRe.FindSubmatch(out); m != nil {
		info.pages, _ = strconv.Atoi(string(m[1]))
	}
	for _, m := range pdfInfoSizeRe.FindAllSubmatch(out, -1) {
		w, _ := strconv.ParseFloat(string(m[1]), 64)
		h, _ := strconv.ParseFloat(string(m[2]), 64)
		info.longest = max(info.longest, w, h)
	}
	return info
}

// dpiFor is the resolution to render at: dpi, or less when the largest
// page would be over maxOCRPixels on its longer side.
func (p pageInfo) dpiFor(dpi int) int {
	if p.longest <= 0 || p.longest/72*float64(dpi) <= maxOCRPixels {
		return dpi
	}
	return max(1, int(maxOCRPixels*72/p.longest))
}

// OCR on a photo, a diagram or a script tesseract has no data for yields
// strings of letters all the same; its per-word confidence tells them
// apart from text.
const (
	minWordConf     = 60  // a word below this is dropped
	minLegibleWords = 3   // fewer confident words than this: nothing was read
	minLegibleShare = 0.5 // nor when most words are below minWordConf
)

// ocrWords turns tesseract's TSV output into text, keeping the confident
// words, and counts what it kept.
type ocrWords struct{ all, confident int }

// legible reports whether the words counted read as text (see
// minLegibleWords and minLegibleShare).
func (w ocrWords) legible() bool {
	return w.confident >= minLegibleWords && float64(w.confident) >= minLegibleShare*float64(w.all)
}

// add returns the confident words of one page's TSV, a line per line.
func (w *ocrWords) add(tsv string) string {
	var b strings.Builder
	lastPara, lastLine := "", ""
	for _, row := range strings.Split(tsv, "\n") {
		f := strings.Split(row, "\t")
		if len(f) < 12 || f[0] != "5" { // level 5 is a word
			continue
		}
		word := strings.TrimSpace(f[11])
		if word == "" {
			continue
		}
		w.all++
		var conf float64
		fmt.Sscan(f[10], &conf)
		if conf < minWordConf {
			continue
		}
		w.confident++
		para := f[2] + "/" + f[3] // block/paragraph
		line := para + "/" + f[4]
		switch {
		case b.Len() == 0:
		case para != lastPara:
			b.WriteString("\n\n")
		case line != lastLine:
			b.WriteString("\n")
		default:
			b.WriteString(" ")
		}
		lastPara, lastLine = para, line
		b.WriteString(word)
	}
	return b.String()
}

func (o *OCR) timeout() time.Duration {
	if o.Timeout <= 0 {
		return DefaultOCRTimeout
	}
	return o.Timeout
}

func (o *OCR) pages() int {
	if o.MaxPages <= 0 {
		return DefaultOCRPages
	}
	return o.MaxPages
}

func (o *OCR) dpi() int {
	if o.DPI <= 0 {
		return DefaultOCRDPI
	}
	return o.DPI
}

// headBuffer keeps the first headBytes written to it and counts the rest:
// enough of a tool's messages to say why it failed.
type headBuffer struct {
	b       []byte
	dropped int
}

const headBytes = 4 << 10

func (h *headBuffer) Write(p []byte) (int, error) {
	n := min(max(headBytes-len(h.b), 0), len(p))
	h.b = append(h.b, p[:n]...)
	h.dropped += len(p) - n
	return len(p), nil
}

func (h *headBuffer) String() string {
	if h.dropped > 0 {
		return fmt.Sprintf("%s... (%d more bytes)", h.b, h.dropped)
	}
	return string(h.b)
}
