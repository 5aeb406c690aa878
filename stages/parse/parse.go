// Package parse turns raw document bytes into a document.Parsed: it sniffs
// the content type, decodes the text encoding, extracts plain text from
// text, Markdown, HTML, PDF, DOCX and log files, and fills in title,
// language and sentences. Every format parser runs under a time limit and
// with panics recovered, so a hostile or broken file becomes an *Error,
// never a crash.
package parse

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"strings"
	"time"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/lang"
)

// Input is one document to parse.
type Input struct {
	Filename string
	Source   string
	// ContentType is an optional hint (e.g. from an HTTP header). Magic
	// bytes (PDF, DOCX, HTML) and log-shaped content win over it; it
	// decides between text-like types when the bytes do not, and its
	// charset parameter is used for text that is not UTF-8.
	ContentType string
	Data        []byte
	Meta        map[string]string
}

// Limits bounds the work spent on one document.
type Limits struct {
	MaxBytes int64         // larger inputs are rejected; also caps decompressed DOCX parts and extracted text
	Timeout  time.Duration // per-document time limit
	MaxPages int           // PDF pages read; later pages are skipped and Meta["truncated"] is set
	// OCR, when set, reads PDFs whose pages are images (scans) or whose
	// fonts cannot be decoded; it has its own time limit.
	OCR *OCR
}

// DefaultLimits returns 64 MiB, 30 s and 2000 pages.
func DefaultLimits() Limits {
	return Limits{MaxBytes: 64 << 20, Timeout: 30 * time.Second, MaxPages: 2000}
}

// withDefaults fills zero fields from DefaultLimits.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	if l.MaxBytes <= 0 {
		l.MaxBytes = d.MaxBytes
	}
	if l.Timeout <= 0 {
		l.Timeout = d.Timeout
	}
	if l.MaxPages <= 0 {
		l.MaxPages = d.MaxPages
	}
	return l
}

// Error is a document that could not be parsed. Permanent means retrying
// cannot help (corrupt file, unsupported type, empty, over a limit, a
// parser panic or timeout): the pipeline should dead-letter it at once
// with Reason. A non-permanent Error (the caller's context was cancelled)
// may succeed on a retry.
type Error struct {
	Filename  string
	Reason    string
	Permanent bool
	Err       error
}

// Error implements error.
func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("parse %s: %s: %v", e.Filename, e.Reason, e.Err)
	}
	return fmt.Sprintf("parse %s: %s", e.Filename, e.Reason)
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// IsPermanent reports whether err is (or wraps) a permanent parse Error.
func IsPermanent(err error) bool {
	var pe *Error
	return errors.As(err, &pe) && pe.Permanent
}

// permanent builds a permanent Error.
func permanent(name, reason string, err error) *Error {
	return &Error{Filename: name, Reason: reason, Permanent: true, Err: err}
}

// extracted is what a format parser produces before the common fields are
// filled in.
type extracted struct {
	text     string
	title    string
	encoding string
	pages    int
	meta     map[string]string
	isLog    bool
	// email is set when a text sniffed as another type is an e-mail (an
	// Outlook message saved as HTML): the document is then TypeEmail
	email bool
	// dataType is TypeCSV or TypeJSON for a text that is data (dataType)
	dataType    string
	attachments []document.Attachment
	// aside is what the document carries beside its body (a DOCX's
	// headers, footers and comments), for Parsed.Aside.
	aside string
	// heading is a heading the format marks by its looks alone (a short
	// paragraph in bold near the start): the title when the text yields
	// none but the file's name
	heading string
}

// Parse parses in within lim. It returns an *Error when the document cannot
// be parsed; it does not panic on any input.
//
// Parsed.ID is the hash of the original bytes; Title comes from the format
// (HTML <title>/<h1>, Markdown front matter or first heading, DOCX core
// title or first heading, PDF /Title), else the first meaningful line,
// else the file name; logs keep one record per line and get no Sentences.
// Meta holds in.Meta plus, where they apply, "truncated" (page or text
// budget hit), "pdf_pages_failed" (pages skipped after a library panic),
// "docx_parts_skipped" (DOCX notes, headers, footers or comments that could
// not be read) and "container_type" (a log found inside a PDF or DOCX).
// What a document carries beside its body (a DOCX's headers, footers and
// comments) is in Aside, not in Text or Sentences.
func Parse(ctx context.Context, in Input, lim Limits) (*document.Parsed, error) {
	lim = lim.withDefaults()
	// callers that skip the ingest publisher (docmill analyze) pass names
	// as the file system has them, GBK bytes from a Windows zip among them
	in.Filename = DecodeName(in.Filename)
	name := in.Filename
	if len(in.Data) == 0 {
		return nil, permanent(name, "empty document", nil)
	}
	if int64(len(in.Data)) > lim.MaxBytes {
		return nil, permanent(name, fmt.Sprintf("document is %d bytes, over the %d-byte limit", len(in.Data), lim.MaxBytes), nil)
	}
	data, inner, err := gunzip(name, in.Data, lim.MaxBytes)
	if err != nil {
		return nil, err
	}
	data = skipNULHole(data)
	ct := chooseType(sniff(inner, data, in.ContentType), in.ContentType)
	if ct == typeUnknown || ct == typeZip {
		return nil, permanent(name, unsupported(name, data, ct), nil)
	}
	pctx, cancel := context.WithTimeout(ctx, lim.Timeout)
	defer cancel()
	ex, err := guarded(pctx, name, ct, func(stop *stopFlag) (*extracted, error) {
		return extract(data, ct, in.ContentType, lim, stop)
	})
	if err != nil && ct == document.TypePDF && wantsOCR(err) {
		if lim.OCR != nil {
			ex, err = ocrInstead(ctx, lim.OCR, data, err, ocrBudget(err, lim))
		} else if pe := (*Error)(nil); errors.As(err, &pe) && pe.Err == nil {
			pe.Err = errors.New("OCR is off or not installed (apt-get install poppler-utils tesseract-ocr)")
		}
	}
	if err != nil {
		return nil, asError(name, ct, err)
	}
	if ex.email {
		ct = document.TypeEmail
	}
	if len(data) != len(in.Data) {
		if ex.meta == nil {
			ex.meta = map[string]string{}
		}
		ex.meta["compression"] = "gzip"
	}
	return fill(in, ct, ex)
}

// gzipMagic opens every gzip stream.
var gzipMagic = []byte{0x1f, 0x8b}

// gunzip returns the content of a gzip-compressed document (a rotated
// log.1.gz, an archived report.txt.gz) and the file name without ".gz";
// other data is returned as it is. The content counts against the same
// byte limit as the document.
func gunzip(name string, data []byte, limit int64) ([]byte, string, error) {
	if !bytes.HasPrefix(data, gzipMagic) {
		if isTar(data) {
			return nil, name, permanent(name, "tar archives are not read; unpack them into a watched folder", nil)
		}
		return data, name, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, name, permanent(name, "corrupt gzip data", err)
	}
	out, err := io.ReadAll(io.LimitReader(zr, limit+1))
	if err != nil {
		return nil, name, permanent(name, "corrupt gzip data", err)
	}
	if int64(len(out)) > limit {
		return nil, name, permanent(name, fmt.Sprintf("gzip content is over the %d-byte limit", limit), nil)
	}
	if len(out) == 0 {
		return nil, name, permanent(name, "empty document (inside gzip)", nil)
	}
	inner := strings.TrimSuffix(strings.TrimSuffix(name, ".gz"), ".GZ")
	if strings.HasSuffix(strings.ToLower(inner), ".tar") || strings.HasSuffix(strings.ToLower(name), ".tgz") || isTar(out) {
		return nil, name, permanent(name, "tar archives are not read; unpack them into a watched folder", nil)
	}
	return out, inner, nil
}

// nulHole is the shortest run of NUL bytes taken for a hole in a file
// rather than part of its encoding (UTF-16 and UTF-32 text without a BOM
// has at most three NULs in a row).
const nulHole = 16

// skipNULHole drops a run of NUL bytes that opens data when text follows
// it. A log rotated with logrotate's copytruncate starts with such a hole,
// often longer than the sniffed sample, where the writer kept its old
// offset; sniffed with it, the whole log was refused as binary. The run is
// cut at a multiple of 4 bytes so that UTF-16 and UTF-32 units after it
// stay whole. Data that is NULs throughout stays as it is, and binary.
func skipNULHole(data []byte) []byte {
	n := 0
	for n < len(data) && data[n] == 0 {
		n++
	}
	if n < nulHole || n == len(data) {
		return data
	}
	return data[n-n%4:]
}

// isTar reports whether data opens with a POSIX (ustar) or GNU tar
// header: "ustar" at byte 257.
func isTar(data []byte) bool {
	return len(data) >= 512 && bytes.HasPrefix(data[257:], []byte("ustar"))
}

// ocrBudget is how long OCR may take after extraction failed with
// failed: a scan (no text, or fonts without a way back to characters) has
// the OCR's own Timeout (0 here), a PDF no page of which could be read the parse
// timeout, as its parse had. Such a file is more often hostile than
// scanned: a 123 KB one held a worker for the OCR's 3 minutes.
func ocrBudget(failed error, lim Limits) time.Duration {
	var pe *Error
	if errors.As(failed, &pe) && pe.Reason == reasonNoPageRead {
		return lim.Timeout
	}
	return 0
}

// ocrInstead reads a PDF with OCR within budget after text extraction
// found nothing; when OCR finds nothing either, the original failure
// stands, with the OCR's reason added.
func ocrInstead(ctx context.Context, o *OCR, data []byte, failed error, budget time.Duration) (*extracted, error) {
	ex, err := o.pdf(ctx, data, budget)
	if err == nil {
		ocrRead.Add(1)
		return ex, nil
	}
	if ctx.Err() != nil {
		// the caller gave up (shutdown): not the document's fault, retry
		return nil, &Error{Reason: "cancelled", Err: ctx.Err()}
	}
	ocrNoText.Add(1)
	var pe *Error
	if errors.As(failed, &pe) {
		return nil, &Error{Reason: pe.Reason, Permanent: pe.Permanent, Err: fmt.Errorf("OCR: %w", err)}
	}
	return nil, failed
}

// extract dispatches to the format parser; hint is the caller's content
// type, whose charset parameter is honoured for text that is not UTF-8.
func extract(data []byte, ct, hint string, lim Limits, stop *stopFlag) (*extracted, error) {
	switch ct {
	case document.TypePDF:
		return extractPDF(data, lim, stop)
	case document.TypeDOCX:
		return extractDOCX(data, lim)
	case document.TypeRTF:
		return extractRTF(data, lim)
	case document.TypeEmail:
		return extractEmail(data, lim)
	case document.TypeXML:
		return extractXML(data, lim)
	}
	text, enc := decodeDeclared(data, hint, ct == document.TypeHTML)
	if looksBinary(text) {
		return nil, permanent("", "binary content that is not a supported document", nil)
	}
	var ex *extracted
	switch ct {
	case document.TypeHTML:
		ex = extractHTML(text)
		if em := savedHTMLMessage(ex.text, lim); em != nil {
			ex = em
		}
	case document.TypeMarkdown:
		ex = extractMarkdown(text)
	case document.TypeLog:
		if lines, ok := jsonRecordLines(text); ok {
			text = lines
		} else if lines, ok := eventXMLLines(text); ok {
			text = lines
		}
		ex = &extracted{text: logText(text), isLog: true}
	default:
		if dt := dataType(text); dt != "" {
			// a table or a JSON document keeps its layout, which normalize
			// flattens: a tab-separated table's rows read as words, a JSON
			// document lost its indentation
			ex = &extracted{text: strings.ReplaceAll(strings.TrimSpace(text), "\r\n", "\n"), dataType: dt}
			break
		}
		ex = &extracted{text: normalize(dropStrayPageNumbers(dropTextFurniture(text)))}
	}
	ex.encoding = enc
	return ex, nil
}

// asError makes sure err is an *Error carrying the filename.
func asError(name, ct string, err error) *Error {
	var pe *Error
	if errors.As(err, &pe) {
		pe.Filename = name
		return pe
	}
	return permanent(name, "cannot parse "+ct, err)
}

// fill builds the Parsed from the extracted text and the input.
func fill(in Input, ct string, ex *extracted) (*document.Parsed, error) {
	ex.text, ex.title, ex.aside = foldRadicals(ex.text), foldRadicals(ex.title), foldRadicals(ex.aside)
	ex.text, ex.title, ex.aside = foldLigatures(ex.text), foldLigatures(ex.title), foldLigatures(ex.aside)
	if !ex.isLog {
		var notices []string
		if ex.text, notices = setAsideLegends(ex.text); notices != nil {
			ex.aside = strings.Trim(strings.Join(notices, "\n\n")+"\n\n"+ex.aside, "\n")
		}
	}
	if !hasContent(ex.text) && !hasContent(ex.aside) {
		return nil, permanent(in.Filename, "no text content", nil)
	}
	if !hasContent(ex.text) {
		// nothing but a letterhead or comments: the only text there is
		// to read
		ex.text, ex.aside = ex.aside, ""
	}
	p := &document.Parsed{
		ID:          document.ID(in.Data),
		Filename:    in.Filename,
		Source:      in.Source,
		ContentType: ct,
		Encoding:    ex.encoding,
		Text:        ex.text,
		Aside:       ex.aside,
		Pages:       ex.pages,
		Size:        len(in.Data),
		Attachments: ex.attachments,
	}
	if len(in.Meta) > 0 || len(ex.meta) > 0 {
		p.Meta = make(map[string]string, len(in.Meta)+len(ex.meta))
		maps.Copy(p.Meta, in.Meta)
		maps.Copy(p.Meta, ex.meta)
	}
	if !ex.isLog && (ct == document.TypePDF || ct == document.TypeDOCX) && looksWrappedLog(ex.text) {
		// A log printed to PDF or pasted into a document is still a log.
		ex.isLog = true
		p.Text = logText(joinWrapped(ex.text))
		if p.Meta == nil {
			p.Meta = map[string]string{}
		}
		p.Meta["container_type"] = ct
	}
	p.Language = lang.Detect(p.Text)
	if ex.isLog {
		p.ContentType = document.TypeLog
		p.Title = fallbackTitle("", in.Filename)
		return p, nil
	}
	if ex.dataType != "" {
		// a table or a JSON document: its rows are no sentences
		p.ContentType = ex.dataType
		p.Title = fallbackTitle("", in.Filename)
		return p, nil
	}
	p.Title = ex.title
	if memoHeadingRe.MatchString(strings.TrimSpace(p.Title)) {
		// a Word memo's Title-styled "MEMORANDUM" is every memo's: its
		// subject names this one
		p.Title = cmp.Or(memoSubject(p.Text), p.Title)
	}
	if p.Title == "" {
		p.Title = fallbackTitle(p.Text, in.Filename)
		if ex.heading != "" && (p.Title == fallbackTitle("", in.Filename) || fragmentTitle(p.Title, ex.heading)) {
			// a memo that opens with its first sentence and sets its
			// heading in bold below it was titled "review.docx"; a page
			// that opens with whom it applies to, by that line
			p.Title = ex.heading
		}
	}
	if t := courtTitle(p.Text); t != "" {
		// whatever the format titles it (its court line, a stale core
		// title), a filing is listed by its case
		p.Title = t
	}
	p.Sentences = lang.Sentences(lang.Clip(p.Text, MaxSentenceBytes), p.Language)
	return p, nil
}

// MaxSentenceBytes bounds the text split into Parsed.Sentences.
// Analysis (summaries, the model) reads sentences while their lengths add
// up to at most a MiB. Normalised text has at most two bytes between two
// sentences ("a.\n\nb."), so those sentences end in the text's first 3
// MiB, and the one cut at 4 MiB adds up to more than a MiB with those
// before it and is left out as before: every sentence analysis reads is
// the one the whole split gives. Splitting a whole 20 MB text of random
// words held another copy of it (one lower-case "sentence") and allocated
// 120 MB to build it.
const MaxSentenceBytes = 4 << 20
