package parse

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// rtfMagic opens every RTF document.
var rtfMagic = []byte(`{\rtf`)

// rtfDest is where the text of a group goes.
type rtfDest int

const (
	rtfBody   rtfDest = iota // the document's text
	rtfSkip                  // fonts, styles, pictures, field codes ...
	rtfTitle                 // \info's \title
	rtfNote                  // footnotes and endnotes, appended after the body
	rtfMargin                // a header or footer, the aside as a DOCX's are
)

// rtfState is what a group inherits from its parent and may change.
type rtfState struct {
	dest   rtfDest
	uc     int  // characters that follow \uN as a fallback for old readers
	hidden bool // hidden (\v) or a tracked deletion (\deleted): not shown
	margin int  // which of rtfReader.margins an rtfMargin group writes to
}

// rtfMarginPart is the text of one header or footer group.
type rtfMarginPart struct {
	word string // its control word: header, headerf, footerl ...
	text strings.Builder
}

// rtfReader turns RTF (Word, WordPad, LibreOffice, TextEdit) into text:
// paragraphs and line breaks become lines, table cells "cell | cell",
// \uN and \'hh characters are decoded (the latter in the document's
// \ansicpg code page, so GBK or Shift-JIS bytes of a Chinese or Japanese
// document read right), and what is not text (font and colour tables,
// style sheets, pictures, field instructions) is left out, as is what
// Word does not show: hidden text and tracked deletions. Footnotes follow
// the body, and headers and footers are the aside, each once, as in DOCX.
type rtfReader struct {
	data    []byte
	pos     int
	st      rtfState
	stack   []rtfState
	body    strings.Builder
	notes   strings.Builder
	title   strings.Builder
	margins []*rtfMarginPart
	titlePg bool   // \titlepg: the first page has its own header (\headerf)
	facing  bool   // \facingp: left pages have their own (\headerl)
	pending []byte // \'hh bytes not yet decoded
	cp      encoding.Encoding
	skipN   int // fallback characters of the last \uN still to drop
}

// extractRTF reads the text and \info title of an RTF document.
func extractRTF(data []byte, lim Limits) (*extracted, error) {
	r := &rtfReader{data: data, st: rtfState{uc: 1}, cp: charmap.Windows1252}
	if err := r.run(int(lim.MaxBytes)); err != nil {
		return nil, err
	}
	text := r.body.String()
	if n := strings.TrimSpace(r.notes.String()); n != "" {
		text += "\n\n" + n
	}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(strings.TrimRight(l, " \t"), " |")
	}
	return &extracted{text: normalize(strings.Join(lines, "\n")), title: strings.TrimSpace(r.title.String()), encoding: "rtf",
		aside: normalize(strings.Join(r.marginTexts(), "\n\n"))}, nil
}

// marginTexts are the headers, then the footers, that Word prints, each
// text once ("Header: CONFIDENTIAL"): a first-page one only under
// \titlepg, a left-page one only under \facingp, as DOCX's margins are.
// Left in the body they cut its first sentence; left out, a search for the
// "CONFIDENTIAL" a reader sees on every page found nothing.
func (r *rtfReader) marginTexts() []string {
	var headers, footers []string
	seen := map[string]bool{}
	for _, m := range r.margins {
		first, left := strings.HasSuffix(m.word, "f"), strings.HasSuffix(m.word, "l")
		text := strings.TrimSpace(collapseLines(m.text.String()))
		if text == "" || first && !r.titlePg || left && !r.facing || seen[m.word[:6]+text] {
			continue
		}
		seen[m.word[:6]+text] = true
		if strings.HasPrefix(m.word, "header") {
			headers = append(headers, "Header: "+text)
		} else {
			footers = append(footers, "Footer: "+text)
		}
	}
	return append(headers, footers...)
}

// collapseLines trims each line of s and drops the blank ones.
func collapseLines(s string) string {
	var kept []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(l), "|")); l != "" {
			kept = append(kept, l)
		}
	}
	return strings.Join(kept, "\n")
}

// maxRTFDepth bounds how deep groups may nest: each open group keeps its
// parent's state, and 60 million "{" (58 KB gzipped) took the server from
// 1.8 to 3.7 GB. Word nests a few dozen deep.
const maxRTFDepth = 10000

// run reads the whole document; max bounds the extracted text.
func (r *rtfReader) run(max int) error {
	for r.pos < len(r.data) {
		if r.body.Len()+r.notes.Len() > max {
			return permanent("", "RTF text is over the size limit", nil)
		}
		c := r.data[r.pos]
		switch c {
		case '{':
			if len(r.stack) >= maxRTFDepth {
				return permanent("", fmt.Sprintf("corrupt RTF (groups nested more than %d deep)", maxRTFDepth), nil)
			}
			r.flush()
			r.stack = append(r.stack, r.st)
			r.pos++
		case '}':
			r.flush()
			r.skipN = 0
			if n := len(r.stack); n > 0 {
				r.st = r.stack[n-1]
				r.stack = r.stack[:n-1]
			}
			r.pos++
		case '\\':
			r.control()
		case '\r', '\n':
			r.pos++
		default:
			r.pos++
			if r.dropFallback() {
				continue
			}
			if c >= 0x80 {
				r.pending = append(r.pending, c)
				continue
			}
			r.flush()
			r.write(string(rune(c)))
		}
	}
	r.flush()
	if len(r.stack) > 0 && r.body.Len() == 0 {
		return permanent("", "corrupt RTF (unbalanced groups and no text)", nil)
	}
	return nil
}

// dropFallback consumes one fallback character of a \uN; it reports
// whether the current character was one.
func (r *rtfReader) dropFallback() bool {
	if r.skipN > 0 {
		r.skipN--
		return true
	}
	return false
}

// control reads a control symbol or control word at r.pos (a backslash).
func (r *rtfReader) control() {
	r.pos++
	if r.pos >= len(r.data) {
		return
	}
	c := r.data[r.pos]
	if !isASCIILetter(c) {
		r.pos++
		r.symbol(c)
		return
	}
	start := r.pos
	for r.pos < len(r.data) && isASCIILetter(r.data[r.pos]) {
		r.pos++
	}
	word := string(r.data[start:r.pos])
	numStart := r.pos
	if r.pos < len(r.data) && r.data[r.pos] == '-' {
		r.pos++
	}
	for r.pos < len(r.data) && r.data[r.pos] >= '0' && r.data[r.pos] <= '9' {
		r.pos++
	}
	arg, hasArg := 0, r.pos > numStart
	if hasArg {
		arg, _ = strconv.Atoi(string(r.data[numStart:r.pos]))
	}
	if r.pos < len(r.data) && r.data[r.pos] == ' ' {
		r.pos++ // the delimiter space belongs to the control word
	}
	r.word(word, arg, hasArg)
}

// symbol handles a control symbol: \'hh, \~, \-, \_, \\, \{, \}, \*.
func (r *rtfReader) symbol(c byte) {
	switch c {
	case '\'':
		if r.pos+2 > len(r.data) {
			return
		}
		b, err := strconv.ParseUint(string(r.data[r.pos:r.pos+2]), 16, 8)
		r.pos += 2
		if err != nil || r.dropFallback() {
			return
		}
		r.pending = append(r.pending, byte(b))
	case '*':
		// an ignorable destination: no reader is expected to know it
		r.st.dest = rtfSkip
	case '~':
		r.text(" ")
	case '_':
		r.text("-")
	case '\\', '{', '}':
		r.text(string(rune(c)))
	case '\n', '\r':
		r.text("\n") // a backslash before a line break is \par
	}
}

// rtfSkipped are destinations without readable text.
var rtfSkipped = wordSet(`fonttbl colortbl stylesheet listtable listoverridetable revtbl rsidtbl
	generator pict object objdata themedata colorschememapping latentstyles datastore xmlnstbl
	fldinst nonshppict
	bkmkstart bkmkend filetbl mmathPr author operator company keywords comment doccomm
	subject category manager hlinkbase xe tc txe atnid atnauthor annotation`)

// rtfMargins are the header and footer destinations.
var rtfMargins = wordSet(`header headerl headerr headerf footer footerl footerr footerf`)

// rtfChars are control words that stand for a character.
var rtfChars = map[string]string{
	"par": "\n", "line": "\n", "sect": "\n\n", "page": "\n", "row": "\n",
	"tab": "\t", "cell": " | ", "nestcell": " | ",
	"emdash": "—", "endash": "–", "bullet": "•", "lquote": "‘", "rquote": "’",
	"ldblquote": "“", "rdblquote": "”", "emspace": " ", "enspace": " ", "qmspace": " ",
}

// word handles a control word with its optional numeric argument.
func (r *rtfReader) word(w string, arg int, hasArg bool) {
	switch {
	case rtfSkipped[w]:
		r.flush()
		r.st.dest = rtfSkip
	case rtfMargins[w]:
		r.flush()
		if r.st.dest == rtfBody {
			r.margins = append(r.margins, &rtfMarginPart{word: w})
			r.st.dest, r.st.margin = rtfMargin, len(r.margins)-1
		} else {
			r.st.dest = rtfSkip
		}
	case w == "v" || w == "deleted":
		// a toggle: \v and \v1 turn it on, \v0 off
		r.flush()
		r.st.hidden = !hasArg || arg != 0
	case w == "plain":
		r.flush()
		r.st.hidden = false // character formatting back to the default
	case w == "titlepg":
		r.titlePg = true
	case w == "facingp":
		r.facing = true
	case w == "info":
		r.flush()
		r.st.dest = rtfSkip
	case w == "title":
		r.flush()
		if r.st.dest == rtfSkip && len(r.title.String()) == 0 {
			r.st.dest = rtfTitle
		}
	case w == "footnote" || w == "endnote":
		r.flush()
		if r.st.dest == rtfBody {
			r.st.dest = rtfNote
			r.notes.WriteString("\n")
		}
	case w == "u" && hasArg:
		if arg < 0 {
			arg += 65536
		}
		r.text(string(rune(arg)))
		r.skipN = r.st.uc
	case w == "bin" && hasArg:
		r.pos = min(r.pos+max(arg, 0), len(r.data)) // raw bytes of a picture or object
	case w == "uc" && hasArg:
		r.st.uc = max(arg, 0)
	case w == "ansicpg" && hasArg:
		if enc := codePage(arg); enc != nil {
			r.cp = enc
		}
	default:
		if s, ok := rtfChars[w]; ok {
			r.text(s)
		}
	}
}

// text writes s after any pending code-page bytes.
func (r *rtfReader) text(s string) {
	r.flush()
	r.write(s)
}

func (r *rtfReader) write(s string) {
	if r.st.hidden {
		return
	}
	switch r.st.dest {
	case rtfBody:
		r.body.WriteString(s)
	case rtfNote:
		r.notes.WriteString(s)
	case rtfTitle:
		r.title.WriteString(s)
	case rtfMargin:
		r.margins[r.st.margin].text.WriteString(s)
	}
}

// flush decodes the pending \'hh bytes in the document's code page; a
// double-byte character is two \'hh in a row, so they are decoded
// together.
func (r *rtfReader) flush() {
	if len(r.pending) == 0 {
		return
	}
	out, err := r.cp.NewDecoder().Bytes(r.pending)
	if err != nil || !utf8.Valid(out) {
		out, _ = charmap.Windows1252.NewDecoder().Bytes(r.pending)
	}
	r.pending = r.pending[:0]
	r.write(string(out))
}

// codePage is the decoder of a Windows code page number (\ansicpg),
// through the WHATWG encoding labels the charset package knows.
func codePage(n int) encoding.Encoding {
	label := map[int]string{936: "gbk", 950: "big5", 932: "shift_jis", 949: "euc-kr", 10000: "macintosh", 866: "ibm866"}[n]
	if n >= 1250 && n <= 1258 {
		label = "windows-" + strconv.Itoa(n)
	}
	enc, _ := charset.Lookup(label)
	return enc
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
