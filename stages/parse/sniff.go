package parse

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/enrich/logs"
)

// Content types Sniff may return besides the document.Type* ones; Parse
// rejects both.
const (
	typeUnknown = "application/octet-stream"
	typeZip     = "application/zip"
)

// sniffSample bounds how much of a text document Sniff decodes.
const sniffSample = 64 << 10

// Sniff returns the content type of a document: from its bytes first (PDF
// header, a ZIP holding word/document.xml, HTML markup, log-shaped lines,
// binary content), from the file extension second. Unrecognised binary
// data is "application/octet-stream".
func Sniff(filename string, data []byte) string {
	return sniff(filename, data, "")
}

// sniff is Sniff with the caller's content-type hint, whose charset
// decodes text that would otherwise look binary (UTF-16 without a BOM).
func sniff(filename string, data []byte, hint string) string {
	head := data[:min(len(data), 1024)]
	ext := strings.ToLower(filepath.Ext(filename))
	switch {
	case bytes.Contains(head, []byte("%PDF-")):
		return document.TypePDF
	case reObjHead.Match(head) && bytes.Contains(head, []byte("endobj")):
		// a PDF that lost its header line (its first bytes cut, or an
		// editor's): its objects say what it is, and the PDF parser gives
		// it a header back (withHeader). Read as text, its title was
		// "1 0 obj" and its text the PDF's source.
		return document.TypePDF
	case bytes.HasPrefix(bytes.TrimLeft(head, " \t\r\n"), rtfMagic):
		return document.TypeRTF
	case bytes.HasPrefix(data, oleMagic):
		// a compound file is never a DOCX or a PDF, whatever its name says:
		// a .doc renamed .docx, or a password-protected .docx, which Office
		// wraps in one (unsupported names both)
		return typeUnknown
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		if isDOCX(data) || ext == ".docx" {
			// a damaged .docx too: the DOCX parser says why
			return document.TypeDOCX
		}
		return typeZip
	}
	text, _ := decodeDeclared(data[:cutSample(data)], hint, false)
	if looksBinary(text) {
		switch ext {
		case ".pdf":
			return document.TypePDF // a damaged PDF: let the PDF parser say why
		case ".docx":
			return document.TypeDOCX
		}
		return typeUnknown
	}
	if looksEmail(text) || ext == ".eml" {
		return document.TypeEmail
	}
	if looksHTML(text) {
		return document.TypeHTML
	}
	if looksEventXML(text) {
		return document.TypeLog // before looksXML: a saved event log opens with a declaration
	}
	if looksXML(text) {
		return document.TypeXML
	}
	if looksLog(text) || looksCSVLog(text) || logs.IsAlignedLog(text) || looksJSONRecords(text) || logs.IsBlockLog(text) || ext == ".log" && logShare(text) >= 0.3 {
		return document.TypeLog
	}
	// A readable text named .pdf or .docx (a note saved under the wrong
	// name) is read as the text it is: as a PDF or a DOCX it was a dead
	// letter, "invalid header".
	switch ext {
	case ".md", ".markdown", ".mdown":
		return document.TypeMarkdown
	case ".html", ".htm", ".xhtml":
		return document.TypeHTML
	}
	if looksMarkdown(text) {
		return document.TypeMarkdown
	}
	return document.TypeText
}

// oleMagic opens the compound files of legacy Microsoft Office.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// oleEncryptedPackage is the stream name, in the compound file's UTF-16LE
// directory, under which Office stores a password-protected .docx, .xlsx
// or .pptx (MS-OFFCRYPTO): such a file is no legacy one, and saving it
// "as .docx" is no advice for it.
var oleEncryptedPackage = []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00")

// oleMessageStream opens the names of the property streams (UTF-16LE)
// of an Outlook message saved as .msg, a compound file too.
var oleMessageStream = []byte("_\x00_\x00s\x00u\x00b\x00s\x00t\x00g\x001\x00.\x000\x00_\x00")

// reasonOutlookMsg is the dead-letter reason for an Outlook .msg file,
// which had been told to save itself "as .docx or PDF" as a legacy
// Office document.
const reasonOutlookMsg = "Outlook message file (.msg) is not supported: save the message as .eml, or as text (File > Save As), and send it again"

// reasonOfficePassword is the dead-letter reason for a password-protected
// Office document.
const reasonOfficePassword = "password-protected Office document (an encrypted .docx, .xlsx or .pptx): remove the password in Office and send it again"

// unsupported is the dead-letter reason for data docmill does not read,
// naming the format and what to do where it can tell; the file name's
// extension names it where the content cannot (a damaged .xlsx).
func unsupported(filename string, data []byte, ct string) string {
	switch {
	case bytes.HasPrefix(data, oleMagic) && bytes.Contains(data, oleEncryptedPackage):
		return reasonOfficePassword
	case bytes.HasPrefix(data, oleMagic) && (bytes.Contains(data, oleMessageStream) || strings.EqualFold(filepath.Ext(filename), ".msg")):
		return reasonOutlookMsg
	case bytes.HasPrefix(data, oleMagic):
		return "legacy Microsoft Office file (.doc, .xls or .ppt) is not supported: save it as .docx or PDF"
	case ct == typeZip:
		return unsupportedZip(filename, data)
	}
	return "unsupported or binary content (" + ct + ")"
}

// Reasons for ZIP-based formats docmill does not read.
const (
	reasonOffice    = "Excel and PowerPoint files (.xlsx, .pptx) are not supported: save them as PDF"
	reasonODF       = "OpenDocument file (.odt, .ods, .odp) is not supported: save it as .docx or PDF"
	reasonPlainZip  = "ZIP archive that is not a Word document: unpack it into a watched folder"
	reasonBrokenZip = "damaged ZIP archive: its directory cannot be read"
)

// unsupportedZip names the kind of a ZIP archive that is no DOCX, from
// its parts or, when they say nothing or cannot be read, its extension:
// the advice to unpack an archive is wrong for a spreadsheet.
func unsupportedZip(filename string, data []byte) string {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err == nil {
		for _, f := range zr.File {
			switch {
			case f.Name == "mimetype":
				if b, err := readZipPart(f, 256); err == nil && bytes.HasPrefix(b, []byte("application/vnd.oasis.opendocument")) {
					return reasonODF
				}
			case strings.HasPrefix(f.Name, "xl/"), strings.HasPrefix(f.Name, "ppt/"):
				return reasonOffice
			}
		}
	}
	reason := reasonPlainZip
	switch strings.ToLower(filepath.Ext(filename)) {
	case ".xlsx", ".xlsm", ".xltx", ".pptx", ".pptm", ".ppsx", ".potx":
		reason = reasonOffice
	case ".odt", ".ods", ".odp":
		reason = reasonODF
	default:
		if err != nil {
			return reasonBrokenZip
		}
	}
	if err != nil {
		return "damaged file, not a readable ZIP archive; " + reason
	}
	return reason
}

// cutSample returns a prefix length of data of about sniffSample bytes
// that does not split a UTF-8 or UTF-16 character.
func cutSample(data []byte) int {
	if len(data) <= sniffSample {
		return len(data)
	}
	n := sniffSample
	for n > sniffSample-4 && !utf8.RuneStart(data[n]) {
		n--
	}
	if bytes.HasPrefix(data, bomUTF16LE) || bytes.HasPrefix(data, bomUTF16BE) || bytes.HasPrefix(data, bomUTF32BE) {
		n = sniffSample - sniffSample%4 // UTF-16 and UTF-32 units stay whole
	}
	return n
}

// chooseType combines the sniffed type with the caller's hint: the bytes
// decide for PDF, DOCX, HTML, logs and binary data; a hint decides between
// plain text and Markdown or HTML.
func chooseType(sniffed, hint string) string {
	if i := strings.IndexByte(hint, ';'); i >= 0 {
		hint = hint[:i]
	}
	hint = strings.TrimSpace(strings.ToLower(hint))
	if sniffed != document.TypeText {
		return sniffed
	}
	switch hint {
	case document.TypeMarkdown, "text/x-markdown":
		return document.TypeMarkdown
	case document.TypeHTML, "application/xhtml+xml":
		return document.TypeHTML
	case document.TypeLog:
		return document.TypeLog
	}
	return sniffed
}

// isDOCX reports whether data is a ZIP archive with word/document.xml or
// whose content types declare a Word main part under another name.
func isDOCX(data []byte) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return false
	}
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			return true
		}
	}
	return isWordPackage(zr)
}

// looksBinary reports whether decoded text is really binary data: NUL or
// other control characters, or replacement characters, in more than a few
// percent of the first characters. A run of nulHole or more NULs counts
// as one bad character: a file system leaves such holes in a text file
// (a crash before the data was written, a copytruncate rotation), and a
// log with one is still text; binary data has other control bytes too.
func looksBinary(text string) bool {
	n, bad, nuls := 0, 0, 0
	for _, r := range text {
		if n >= 8192 {
			break
		}
		if r == 0 {
			if nuls++; nuls >= nulHole {
				continue // a hole: counted once, when it began
			}
		} else {
			nuls = 0
		}
		n++
		if r == utf8.RuneError || r == 0 || r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' || r >= 0x7F && r < 0xA0 {
			bad++
		}
	}
	return n > 0 && bad*100 > n*5
}

// looksHTML reports whether text starts like an HTML document.
func looksHTML(text string) bool {
	head := strings.ToLower(strings.TrimSpace(text[:min(len(text), 1024)]))
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") ||
		strings.HasPrefix(head, "<?xml") && strings.Contains(head, "<html") ||
		strings.HasPrefix(head, "<") && htmlHeadBody.MatchString(head)
}

// htmlHeadBody matches an HTML <head> or <body> tag, not an XML <Header>.
var htmlHeadBody = regexp.MustCompile(`<(?:head|body)[\s>]`)

// looksMarkdown reports whether text uses Markdown markup: an ATX heading
// line and at least one other Markdown construct.
func looksMarkdown(text string) bool {
	head := text[:min(len(text), 8192)]
	heading := mdHeading.MatchString(head)
	others := 0
	for _, re := range mdFeatures {
		if re.MatchString(head) {
			others++
		}
	}
	return heading && others >= 1 || others >= 3
}

var (
	mdHeading  = regexp.MustCompile(`(?m)^#{1,6} \S`)
	mdFeatures = []*regexp.Regexp{
		regexp.MustCompile(`\[[^\]\n]+\]\([^)\s]+\)`), // link
		regexp.MustCompile("(?m)^```"),                // fence
		regexp.MustCompile(`\*\*[^*\n]+\*\*`),         // strong
		regexp.MustCompile(`(?m)^\s*[-*+] \S`),        // bullet
		regexp.MustCompile(`(?m)^\|.*\|\s*$`),         // table
		regexp.MustCompile("`[^`\n]+`"),               // code
	}
)

// logHeader matches the start of a log line: a timestamp in the common
// shapes (ISO 8601, syslog, Apache/nginx access, HDFS/Spark compact dates,
// epoch seconds), a level word, or a message mnemonic.
var logHeader = regexp.MustCompile(`^(?:` +
	`\[?\d{4}[-/.]\d{2}[-/.]\d{2}[T ]\d{1,2}:\d{2}` + // 2024-01-02 10:00, [2024-01-02T10:00
	`|[A-Z][a-z]{2} {1,2}\d{1,2} \d{2}:\d{2}:\d{2}` + // syslog: Jan  2 10:00:00
	`|<\d{1,3}>\d? ?` + // syslog priority
	`|\S+ \S+ \S+ \[\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2}` + // access log
	`|\d{6} \d{6}` + // HDFS 081109 203615
	`|\d{2}/\d{2}/\d{2,4} \d{2}:\d{2}:\d{2}` + // 17/06/09 20:10:40
	`|\d{2}:\d{2}:\d{2}[.,]\d+` + // time only with fraction
	`|-? ?\d{10}(?:\.\d+)? ` + // epoch seconds
	`|1\d{12} ` + // epoch milliseconds
	`|\[?(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|FATAL|CRITICAL|SEVERE)\]?[: ]` +
	`|[IWEF]\d{4} \d{2}:\d{2}:\d{2}` + // glog
	`|\[[A-Z][a-z]{2} [A-Z][a-z]{2} {1,2}\d{1,2} \d{2}:\d{2}:\d{2}` + // [Sun Dec 04 04:47:44 2005]
	`|panic: |fatal error: ` + // a Go program's crash
	`|Exception in thread "` + // the JVM's report of an uncaught exception
	// a network device's message mnemonic, after its sequence number and
	// uptime, as Cisco IOS writes it by default ("000045: 1d02h:
	// %LINK-3-UPDOWN: ..."), or alone ("no service timestamps")
	`|(?:\d+: )?(?:\w+: )?%[A-Z][A-Z0-9_]*(?:-[A-Z][A-Z0-9_]*)?-[0-7]-[A-Z0-9_]+ ?:` +
	`)`)

// stampedEarly matches a line whose first 40 characters hold a time of day
// (hh:mm:ss), or whose first 80 hold epoch seconds of 2001-2033: log
// records whose header is in none of logHeader's shapes (Android logcat
// "03-17 16:13:38.811", "[10.30 16:49:06]", an id before the epoch).
// Prose rarely has one on most of its lines.
var stampedEarly = regexp.MustCompile(`^.{0,40}?(?:^|[^\d:])\d{1,2}:\d{2}:\d{2}(?:$|[^\d:])|^.{0,80}?(?:^|\D)1\d{9}(?:$|\D)`)

// continuation lines belong to the previous log record: stack traces,
// and a Go panic's goroutine dump (its header, the calls, "created by",
// the signal and the exit status), which a crash log is mostly made of.
var continuation = regexp.MustCompile(`^(?:\s*at(?:$| [\w.$/<>]+\()|\s*\.\.\. \d+ more|Caused by:|Traceback |\s+File "|\s` +
	`|goroutine \d+ \[[^\]]*\]:$|created by |exit status \d+$|\[signal |(?:[\w.-]+/)*[\w-]+\.[\w.*()\[\]-]+\(.*\)$)`)

// logShare returns the share of the first 200 non-empty, non-continuation
// lines that start with a log header.
func logShare(text string) float64 {
	n, hits := 0, 0
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || continuation.MatchString(line) || logs.IsZeekDirective(line) {
			continue
		}
		n++
		if logHeader.MatchString(line) || jsonLogLine(line) || stampedEarly.MatchString(line) || logs.IsEventXML(strings.TrimSpace(line)) || logs.IsCEF(line) {
			hits++
		}
		if n == 200 {
			break
		}
	}
	if n == 0 {
		return 0
	}
	return float64(hits) / float64(n)
}

// looksLog reports whether most lines are log records.
func looksLog(text string) bool {
	lines := strings.Count(text, "\n") + 1
	return lines >= 3 && logShare(text) >= 0.6
}

// looksCSVLog reports whether text is a log exported as CSV: its first
// line (after "#" comments, such as PowerShell's "#TYPE") is a header
// naming a level and a time column, and records follow. Its records need
// not open with a time: PowerShell puts the message, which may run over
// several lines, first.
func looksCSVLog(text string) bool {
	header, rest := "", ""
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(strings.TrimPrefix(line, "\uFEFF"))
		switch {
		case line == "" || header == "" && strings.HasPrefix(line, "#"):
		case header == "":
			header = line
		default:
			rest = line
		}
		if rest != "" {
			break
		}
	}
	return rest != "" && logs.IsCSVLogHeader(header)
}

// looksWrappedLog is looksLog for text that went through a page layout
// (a log printed to PDF): long records wrap onto lines without a header,
// so a lower share suffices when there are enough records.
func looksWrappedLog(text string) bool {
	share := logShare(text)
	if share >= 0.6 {
		return true
	}
	lines := 0
	for line := range strings.SplitSeq(text, "\n") {
		if strings.TrimSpace(line) != "" {
			lines++
		}
	}
	return share >= 0.3 && float64(min(lines, 200))*share >= 5
}

// joinWrapped rejoins lines that a page layout wrapped: a line that starts
// neither a record nor a stack-trace line continues the previous one.
func joinWrapped(text string) string {
	var b strings.Builder
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if b.Len() > 0 {
			if logHeader.MatchString(line) || continuation.MatchString(line) || jsonLogLine(line) {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(line)
	}
	return b.String()
}

// jsonLogLine reports whether line is a JSON object with a level field,
// or with a time field that holds a time (an audit record: CloudTrail's
// eventTime, which has no level).
func jsonLogLine(line string) bool {
	line = strings.TrimSpace(line)
	if !strings.HasPrefix(line, "{") || !strings.HasSuffix(line, "}") {
		return false
	}
	var m map[string]any
	if json.Unmarshal([]byte(line), &m) != nil {
		return false
	}
	if logs.HasRecordTime(m) {
		return true
	}
	for _, k := range []string{"level", "lvl", "severity", "log.level", "loglevel", "levelname", "@level", "@l", "@t", "Level", "LogLevel", "PRIORITY"} {
		if _, ok := m[k]; ok {
			return true
		}
	}
	if _, ok := m["log"]; ok {
		_, stream := m["stream"] // Docker's json-file driver
		_, nested := m["log"].(map[string]any)
		return stream || nested // ECS: {"log": {"level": ...}}
	}
	_, journal := m["__REALTIME_TIMESTAMP"] // journalctl -o json
	return journal
}

// looksJSONRecords reports whether text is one JSON document that holds
// log records: an array of objects, or an object whose first member is
// one, as CloudTrail writes its files ({"Records":[...]}), Azure its
// diagnostic logs ({"records":[...]}) and "gcloud logging read
// --format=json" or Okta's API their entries ([...]). The first record
// must have a time field that holds a time, and a second must follow
// (the sample may cut it). Such a log has a single line or is pretty
// printed, so looksLog finds no log lines in it.
func looksJSONRecords(text string) bool {
	dec, ok := openJSONRecords(text)
	if !ok || !dec.More() {
		return false
	}
	var first map[string]any
	if dec.Decode(&first) != nil || !logs.HasRecordTime(first) {
		return false
	}
	return dec.More()
}

// openJSONRecords returns a decoder positioned at the first record of a
// JSON records document (see looksJSONRecords).
func openJSONRecords(text string) (*json.Decoder, bool) {
	text = strings.TrimLeft(strings.TrimPrefix(text, "\uFEFF"), " \t\r\n")
	if !strings.HasPrefix(text, "{") && !strings.HasPrefix(text, "[") {
		return nil, false
	}
	dec := json.NewDecoder(strings.NewReader(text))
	tok, err := dec.Token()
	if err != nil {
		return nil, false
	}
	if tok == json.Delim('{') {
		if _, err := dec.Token(); err != nil { // the member's name
			return nil, false
		}
		if tok, err = dec.Token(); err != nil {
			return nil, false
		}
	}
	return dec, tok == json.Delim('[')
}

// jsonRecordLines rewrites a JSON records document as one compact record
// per line, the shape a JSON-lines log has, so that each record is an
// entry. What cannot be decoded (a file cut short) follows as it is.
func jsonRecordLines(text string) (string, bool) {
	// trimmed as openJSONRecords trims it: the decoder's offsets are
	// into this text
	text = strings.TrimLeft(strings.TrimPrefix(text, "\uFEFF"), " \t\r\n")
	dec, ok := openJSONRecords(text)
	if !ok {
		return "", false
	}
	var b bytes.Buffer
	b.Grow(len(text))
	for dec.More() {
		var rec json.RawMessage
		if err := dec.Decode(&rec); err != nil {
			break
		}
		if rec[0] != '{' {
			// no record: a log whose lines open with a bracketed date
			// ("[03-Dec-2026 06:01:02] NOTICE: ...", Laravel's "[2026-12-03
			// ...]") opens as an array too, and its first line was cut
			// into the number the date starts with and the rest
			if b.Len() == 0 {
				return "", false
			}
			break
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		if json.Compact(&b, rec) != nil {
			b.Write(rec)
		}
	}
	if b.Len() == 0 {
		return "", false
	}
	rest := strings.TrimLeft(text[dec.InputOffset():], " \t\r\n]}")
	if rest != "" {
		b.WriteByte('\n')
		b.WriteString(rest)
	}
	return b.String(), true
}

// logText is a log's text: its lines with line endings normalised, trailing
// spaces and blank lines removed, and control characters dropped.
func logText(text string) string {
	text = strings.TrimPrefix(text, "\uFEFF")
	var b strings.Builder
	b.Grow(len(text))
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimRightFunc(line, unicode.IsSpace)
		if line == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(strings.Map(dropControl, line))
	}
	return b.String()
}

// dropControl maps control characters other than tab to nothing.
func dropControl(r rune) rune {
	if r < 0x20 && r != '\t' || r == 0x7F || r == '\uFEFF' {
		return -1
	}
	return r
}
