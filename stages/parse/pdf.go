package parse

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"

	"github.com/docmill/docmill/lang"
)

// extractPDF reads the text of a PDF page by page. ledongthuc/pdf panics on
// many malformed files (NewReader, object resolution, fonts, content
// streams), so every call into it is wrapped by recover: a page that
// panics is skipped and counted; if no page yields text the document fails
// with the first page's reason. Pages past lim.MaxPages are not read, and
// reading stops once the text passes lim.MaxBytes or the parse is
// abandoned (stop).
func extractPDF(data []byte, lim Limits, stop *stopFlag) (*extracted, error) {
	data = withHeader(data)
	data = fixStreamLengths(data, true)
	ex, err := extractPDFOnce(data, lim, stop)
	if err == nil || !repairable(err) || stop.stopped() {
		return ex, err
	}
	fixed, ok := repairPDF(data)
	if !ok {
		return nil, cutShort(data, err)
	}
	ex2, err2 := extractPDFOnce(fixed, lim, stop)
	if err2 != nil && (wantsOCR(err2) || encrypted(err2)) {
		// the repaired copy opens but its pages hold no text the library
		// can read (a scan, an inline image it cannot lex): OCR, which
		// renders the original with poppler's own repair, may read it,
		// and "corrupt or unreadable" kept it from OCR. Or it opens far
		// enough to show it needs a password, which is what to tell.
		return nil, err2
	}
	if err2 != nil {
		return nil, cutShort(data, err) // the original reason says more than the repaired copy's
	}
	if ex2.meta == nil {
		ex2.meta = map[string]string{}
	}
	ex2.meta["repaired"] = "cross-reference table rebuilt from the objects found"
	return ex2, nil
}

// withHeader gives a PDF that lost its "%PDF-" header line (its first
// bytes cut, or an editor's) one back, when its objects show it is a PDF:
// the library refuses a file without it. The offsets it shifts are what
// repairPDF rebuilds.
func withHeader(data []byte) []byte {
	head := data[:min(len(data), 1024)]
	if bytes.Contains(head, []byte("%PDF-")) || !reObjHead.Match(head) {
		return data
	}
	return append([]byte("%PDF-1.7\n"), data...)
}

// encrypted reports whether err refuses an encrypted PDF (see
// encryptionReason).
func encrypted(err error) bool {
	var pe *Error
	return errors.As(err, &pe) && strings.HasPrefix(pe.Reason, "encrypted PDF")
}

// cutShort names the likely cause of a PDF that neither reads nor
// repairs when it holds objects but ends without the end-of-file marker or
// a cross-reference offset: it was cut short (a broken download or copy),
// and the pages are among what is missing. A file without an object is
// just corrupt.
func cutShort(data []byte, err error) error {
	tail := data[max(0, len(data)-1024):]
	if !bytes.HasPrefix(data, []byte("%PDF-")) || !reObjHead.Match(data) || bytes.Contains(tail, []byte("%%EOF")) || bytes.Contains(tail, []byte("startxref")) {
		return err
	}
	var pe *Error
	if !errors.As(err, &pe) {
		return err
	}
	return permanent("", "PDF cut short (a truncated download or copy?): what is left holds no readable page", pe.Err)
}

// repairable reports whether a failure may come from a broken
// cross-reference table, which repairPDF can rebuild.
func repairable(err error) bool {
	var pe *Error
	if !errors.As(err, &pe) {
		return false
	}
	switch pe.Reason {
	case reasonUnreadable, reasonNoPages, reasonPageTree:
		return true
	}
	return false
}

// Reasons that a rebuilt cross-reference table may cure.
const (
	reasonUnreadable = "corrupt or unreadable PDF"
	reasonNoPages    = "PDF has no pages (or a broken page tree)"
	reasonPageTree   = "corrupt PDF (page tree unreadable)"
)

// Reasons that OCR may cure (see wantsOCR).
const (
	// every page failed in the PDF library, often on an image filter of a
	// scan (CCITT, JBIG2) that a renderer still draws
	reasonNoPageRead = "corrupt PDF (no page could be read)"
	// the pages hold no text: scans, or text drawn as pictures
	reasonNoText = "PDF has no extractable text (scanned or image-only?)"
	// the text is drawn in fonts that give no way back to characters
	reasonUndecodable = "PDF text is not decodable (fonts without a Unicode map)"
)

// reasonOverLimit is a PDF no page of which could be read, one or more of
// them for a budget (overLimit): not corrupt, and not for OCR, which
// rendered such a page (a 2.6 MB flate bomb) until its 30 s time limit and
// was then given as the reason.
const reasonOverLimit = "PDF refused: a page is over a parse limit (a decompression bomb?)"

// extractPDFOnce is one attempt at extractPDF.
func extractPDFOnce(data []byte, lim Limits, stop *stopFlag) (*extracted, error) {
	r, err := openPDF(data)
	if err != nil {
		return nil, err
	}
	// The library's Page(i) walks the page tree from the root for every
	// page and loops forever on a cyclic tree; walkPages is bounded.
	list, err := safeCall(func() []pdf.Page { return walkPages(r, lim.MaxPages, stop) })
	if err != nil {
		return nil, permanent("", reasonPageTree, err)
	}
	pages := len(list)
	if pages == 0 {
		return nil, permanent("", reasonNoPages, nil)
	}
	meta := map[string]string{}
	if declared := declaredPages(r); declared > pages && pages == lim.MaxPages {
		meta["truncated"] = fmt.Sprintf("read %d of %d pages (page limit)", pages, declared)
	}
	var texts []string
	size, failed := 0, 0
	fonts := map[string]*fontInfo{}
	var firstErr, limitErr error
	// the pages too short to measure their paragraph spacing, laid out
	// again at the end with what the others measured
	var measured []float64
	short := map[int][]glyphRun{}
	var footnotes []string
	var edges []pageEdge // of each page in texts
	for i, page := range list {
		if stop.stopped() {
			return nil, permanent("", "PDF parse abandoned (time limit)", nil)
		}
		runs, err := pageRunsSafe(page, fonts, stop, int(lim.MaxBytes)-size+1)
		var text string
		measuredHere := false
		if err == nil {
			var notes []glyphRun
			runs, notes = splitFootnotes(runs)
			if len(notes) > 0 {
				if t, err := safeCall(func() string { return layoutRunsAt(notes, 2.6) }); err == nil {
					notes, carried := footnoteNotes(joinSoftHyphens(foldLigatures(t)))
					footnotes = carryNote(footnotes, carried)
					footnotes = append(footnotes, notes...)
				}
			}
			var para float64
			para, measuredHere = pageAdvance(runs)
			if measuredHere {
				measured = append(measured, para)
			}
			text, err = safeCall(func() string { return layoutRunsAt(runs, para) })
		}
		if errors.Is(err, errStopped) {
			return nil, permanent("", "PDF parse abandoned (time limit)", err)
		}
		if err != nil {
			failed++
			if firstErr == nil {
				firstErr = fmt.Errorf("page %d: %w", i+1, err)
			}
			if limitErr == nil && overLimit(err) {
				limitErr = fmt.Errorf("page %d: %w", i+1, err)
			}
			continue
		}
		if text != "" {
			// spelled out before the running lines are compared ("ﬁle:///...")
			texts = append(texts, joinSoftHyphens(foldLigatures(text)))
			edges = append(edges, pageEdges(runs))
			size += len(text) + 1
			if !measuredHere {
				short[len(texts)-1] = runs
			}
		}
		if int64(size) > lim.MaxBytes {
			meta["truncated"] = fmt.Sprintf("text over %d bytes after page %d of %d", lim.MaxBytes, i+1, pages)
			break
		}
	}
	if failed > 0 {
		meta["pdf_pages_failed"] = strconv.Itoa(failed)
	}
	if len(measured) > 0 {
		para := documentAdvance(measured)
		for k, runs := range short {
			if text, err := safeCall(func() string { return layoutRunsAt(runs, para) }); err == nil && k < len(texts) {
				texts[k] = joinSoftHyphens(foldLigatures(text))
			}
		}
	}
	text := normalize(lang.Clip(dropStrayPageNumbers(joinPages(dropPageFurniture(texts), edges)), int(lim.MaxBytes)))
	if placeholder := xfaPlaceholderRe.MatchString(text); placeholder || !hasContent(text) {
		if form, ok := xfaText(r, int(lim.MaxBytes)); ok {
			switch form = normalize(lang.Clip(form, int(lim.MaxBytes))); {
			case hasContent(form):
				text = form
				meta["xfa"] = "text read from the dynamic XFA form's template and data"
			case placeholder:
				return nil, permanent("", reasonXFA, nil)
			}
		}
	}
	if !hasContent(text) {
		if limitErr != nil {
			return nil, permanent("", reasonOverLimit, limitErr)
		}
		if firstErr != nil {
			return nil, permanent("", reasonNoPageRead, firstErr)
		}
		if strings.ContainsRune(text, utf8.RuneError) {
			return nil, permanent("", reasonUndecodable, nil)
		}
		return nil, permanent("", reasonNoText, nil)
	}
	if undecodable(text) || substituted(text) {
		return nil, permanent("", reasonUndecodable, nil)
	}
	if len(meta) == 0 {
		meta = nil
	}
	aside := normalize(lang.Clip(strings.Join(footnotes, "\n\n"), int(lim.MaxBytes)))
	return &extracted{text: text, pages: pages, meta: meta, title: pdfTitle(r), aside: aside}, nil
}

// pdfTitle returns the document information dictionary's /Title when it
// reads like a title: not a file's name or address, which Word's and the
// browsers' "Print to PDF" set ("Microsoft Word - nda_v3.docx",
// "contract.html"), leaving the title to the text.
func pdfTitle(r *pdf.Reader) string {
	t, err := safeCall(func() string { return r.Trailer().Key("Info").Key("Title").Text() })
	if err != nil {
		return ""
	}
	t = collapseSpaces(strings.TrimPrefix(t, "Microsoft Word - "))
	if countLetters(t) < 3 || staleTitle(t) || undecodable(t) {
		return ""
	}
	return shorten(t, maxTitle)
}

// openPDF opens data with panics recovered. Encrypted files are tried with
// the empty password only (as the user, or for AES-256 also as the owner);
// AES-256 files, which the library cannot decrypt, are decrypted first
// (pdfaes.go).
func openPDF(data []byte) (*pdf.Reader, error) {
	if err := precheckPDF(data); err != nil {
		return nil, permanent("", "corrupt or hostile PDF (unbounded structure)", err)
	}
	data = normalizeTail(normalizeHeader(data))
	r, err := newReader(data)
	if err != nil && aes256Unsupported(err) {
		plain, derr := decryptAES256(data)
		switch {
		case derr == nil:
			r, err = newReader(plain)
		case errors.Is(derr, errNeedsPassword):
			err = fmt.Errorf("AES-256: %w", derr)
		default:
			return nil, permanent("", "encrypted PDF (AES-256) that docmill cannot open: it may need a password", derr)
		}
	}
	if err != nil {
		reason, err := encryptionReason(libError(err))
		return nil, permanent("", reason, err)
	}
	return r, nil
}

// encryptionMsgRe is the library's refusal of an encryption it does not
// implement, without the encryption dictionary it appends (binary key
// bytes that read as garbage in a dead letter).
var encryptionMsgRe = regexp.MustCompile(`(?:unsupported|malformed) PDF: (?:encryption (?:version V|revision R)=\d+|encryption filter [^;]{0,40}|\d+-bit encryption key|missing O= or U= encryption parameters)`)

// encryptionReason tells a PDF that needs a password from one encrypted
// in a way docmill cannot read (the library knows RC4 up to V=2 and
// AES-256), and keeps the library's words without their binary dump.
func encryptionReason(err error) (string, error) {
	msg := err.Error()
	switch {
	case errors.Is(err, errNeedsPassword) || strings.Contains(msg, "invalid password") || strings.Contains(msg, "password required"):
		return "encrypted PDF (password required)", err
	case encryptionMsgRe.MatchString(msg):
		return "encrypted PDF in a form docmill cannot decrypt", errors.New(encryptionMsgRe.FindString(msg))
	case strings.Contains(strings.ToLower(msg), "encrypt"):
		return "encrypted PDF docmill cannot open", err
	}
	return reasonUnreadable, err
}

// libError is err as the PDF library words it, less the doubled percent
// sign of its "missing %%EOF" (a format string escaped twice), which a
// dead letter's reader would take for docmill's mistake.
func libError(err error) error {
	if msg := err.Error(); strings.Contains(msg, "%%") {
		return errors.New(strings.ReplaceAll(msg, "%%", "%"))
	}
	return err
}

// normalizeHeader makes a PDF's header one the library accepts. It reads
// only "%PDF-1.0" to "%PDF-1.7" followed by a line end at byte 0, so it
// refuses PDF 2.0 (LaTeX and recent Acrobat write it), headers after a
// few junk bytes (mail gateways, download scripts), and stray bytes after
// the version; viewers read all of them. Offsets in a file count from its
// first byte, so the header is rewritten in place with the same length,
// and leading junk is only cut when a header follows it.
func normalizeHeader(data []byte) []byte {
	at := bytes.Index(data[:min(len(data), 1024)], []byte("%PDF-"))
	if at < 0 || len(data) < at+9 {
		return data
	}
	h := data[at : at+9]
	ok := string(h[:7]) == "%PDF-1." && h[7] >= '0' && h[7] <= '7' && (h[8] == '\r' || h[8] == '\n')
	if at == 0 && ok {
		return data
	}
	out := bytes.Clone(data[at:])
	copy(out, "%PDF-1.7\n")
	return out
}

// normalizeTail makes a PDF end the way the library requires: "%%EOF" in
// the last 100 bytes. Files with bytes appended after it (padding, a mail
// footer) are cut after the last "%%EOF" of their final kilobyte; a file
// truncated just before it, with its startxref intact, gets one appended.
func normalizeTail(data []byte) []byte {
	if bytes.HasSuffix(bytes.TrimRight(data[max(0, len(data)-100):], "\r\n\t "), []byte("%%EOF")) {
		return data
	}
	start := max(0, len(data)-1024)
	if i := bytes.LastIndex(data[start:], []byte("%%EOF")); i >= 0 {
		return data[:start+i+len("%%EOF")]
	}
	if bytes.Contains(data[start:], []byte("startxref")) {
		body := bytes.TrimRight(data, "\r\n\t \x00")
		return append(bytes.Clone(body), "\n%%EOF\n"...)
	}
	return data
}

// newReader opens data with the library, its panics recovered and its
// error text made printable.
func newReader(data []byte) (*pdf.Reader, error) {
	type opened struct {
		r   *pdf.Reader
		err error
	}
	o, err := safeCall(func() opened {
		r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
		return opened{r, err}
	})
	if err == nil && o.err != nil {
		err = errors.New(printable(o.err.Error(), 200))
	}
	return o.r, err
}

// aes256Unsupported reports whether the library refused a file for its
// AES-256 encryption (security handler V5), which decryptAES256 handles.
func aes256Unsupported(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "256-bit encryption key") || strings.Contains(msg, "encryption version V=5") ||
		strings.Contains(msg, "encryption revision R=5") || strings.Contains(msg, "encryption revision R=6")
}

// safeCall runs fn and turns a panic into an error wrapping errPanic
// (errStopped and the page budgets' errors are passed through as they
// are).
func safeCall[T any](fn func() T) (v T, err error) {
	defer func() {
		if p := recover(); p != nil {
			if e, ok := p.(error); ok && (errors.Is(e, errStopped) || overLimit(e)) {
				err = e // our own budget panics keep their identity
				return
			}
			err = fmt.Errorf("%w: %s", errPanic, printable(fmt.Sprint(p), 200))
		}
	}()
	return fn(), nil
}

// pageRunsSafe reads one page's runs, its line numbers dropped, with
// panics recovered.
func pageRunsSafe(p pdf.Page, fonts map[string]*fontInfo, stop *stopFlag, budget int) ([]glyphRun, error) {
	return safeCall(func() []glyphRun { return dropLineNumbers(pageRuns(p, fonts, stop, budget)) })
}

// Page tree bounds: real trees are a few levels deep.
const maxTreeDepth = 32

// walkPages lists up to max pages in document order, depth-first, with the
// depth and the number of nodes visited bounded so that cyclic or
// malformed trees end. A node without /Type counts as Pages when it has
// Kids and as a Page otherwise.
func walkPages(r *pdf.Reader, max int, stop *stopFlag) []pdf.Page {
	var out []pdf.Page
	visits, budget := 0, max*4+1000
	var walk func(v pdf.Value, depth int)
	walk = func(v pdf.Value, depth int) {
		if len(out) >= max || visits >= budget || depth > maxTreeDepth || v.IsNull() || stop.stopped() {
			return
		}
		visits++
		kids := v.Key("Kids")
		typ := v.Key("Type").Name()
		if typ == "Page" || typ != "Pages" && kids.Kind() != pdf.Array {
			out = append(out, pdf.Page{V: v})
			return
		}
		for i := 0; i < kids.Len(); i++ {
			walk(kids.Index(i), depth+1)
		}
	}
	walk(r.Trailer().Key("Root").Key("Pages"), 0)
	return out
}

// declaredPages is the page tree's /Count, or 0 when unreadable.
func declaredPages(r *pdf.Reader) int {
	n, err := safeCall(func() int { return r.NumPage() })
	if err != nil {
		return 0
	}
	return n
}

// undecodable reports whether more than 30% of text is U+FFFD (glyphs the
// library could not map to Unicode): such text is useless for search and
// analysis.
func undecodable(text string) bool {
	n, bad := 0, 0
	for _, r := range text {
		if r == ' ' || r == '\n' {
			continue
		}
		n++
		if r == utf8.RuneError {
			bad++
		}
	}
	return n > 0 && bad*10 > n*3
}

// substituted reports whether text reads as a substitution cipher rather
// than words: a font with no Unicode map whose codes the library took for
// a standard encoding gives every glyph a neighbour's letter or a sign
// ("2BCM#=G;1N;H>;L>>?@CH?M NB? 1IOL=?G;J" for "This Ecma Standard
// defines the Source map"), with no U+FFFD for undecodable to count. Of
// the space-separated tokens with a letter, under minWordlike are words
// (letters, digits and the marks inside words) once trimmed of the
// punctuation around them; in text that is read right, most are.
func substituted(text string) bool {
	tokens, words := 0, 0
	for _, f := range strings.Fields(text) {
		if !strings.ContainsFunc(f, unicode.IsLetter) {
			continue
		}
		tokens++
		if t := strings.Trim(f, `.,;:!?"'()[]{}«»“”‘’*`); t != "" && !strings.ContainsFunc(t, notInWord) {
			words++
		}
		if tokens == cipherSample {
			break
		}
	}
	return tokens >= minCipherTokens && words*100 < tokens*minWordlike
}

// notInWord is a character that no word holds inside it. CJK text has no
// spaces, so its punctuation (。，、 and the full-width forms) sits inside
// a "token" of read text.
func notInWord(r rune) bool {
	return !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || strings.ContainsRune("'’-‐/.&_@+", r) || isCJKPunct(r))
}

// isCJKPunct is CJK punctuation or a full-width form.
func isCJKPunct(r rune) bool {
	return r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF
}

const (
	minCipherTokens = 20   // fewer tokens tell nothing
	cipherSample    = 5000 // tokens looked at, from the start
	minWordlike     = 40   // percent of tokens that are words in decoded text
)

// printable keeps error text from malformed files readable: invalid or
// control bytes become '?', and it is cut to max runes.
func printable(s string, max int) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == max {
			b.WriteString("…")
			break
		}
		if r == utf8.RuneError || r < 0x20 || r == 0x7F || r >= 0x80 && r < 0xA0 {
			r = '?'
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

// softHyphenBreakRe is a word broken at a soft hyphen: browsers and word
// processors print the hyphen a line break at "&shy;" shows as U+2010
// (or U+00AD), often set off by a space, and the word goes on in lower
// case on the next line ("interdepart ‐\nmental"). A typed hyphen
// (U+002D) is left alone: "well-\nestablished" is a compound.
var softHyphenBreakRe = regexp.MustCompile(`(\p{L})[ \t\p{Z}]?[\x{2010}\x{00AD}][ \t\p{Z}]*\n[ \t\p{Z}]*(\p{Ll})`)

// joinSoftHyphens joins the words a page's soft hyphens broke, so that
// "interdepartmental" is one word a search finds.
func joinSoftHyphens(page string) string {
	if !strings.ContainsAny(page, "\u2010\u00ad") {
		return page
	}
	return softHyphenBreakRe.ReplaceAllString(page, "$1$2")
}
