package parse

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// The library's Page.Content ignores form XObjects (text drawn with "Do",
// common in HTML-to-PDF output such as EDGAR filings) and mis-sizes
// two-byte fonts, so docmill interprets text operators itself on top of the
// library's exported lexer (pdf.Interpret), values and font encoders.

// Budgets against hostile content streams.
const (
	maxFormDepth = 8
	maxPageOps   = 4_000_000
	// maxPageContent bounds the decompressed bytes of a page's content
	// streams (its forms and appearances included), as MaxBytes bounds a
	// DOCX part. The library reads a string whole before an operator
	// uses it: a 261 KB PDF whose page showed one 256 MB string took 77 s
	// and 2.6 GB of allocations, past the parse time limit, which is
	// checked between operators.
	maxPageContent = 64 << 20
)

var (
	errStopped = errors.New("parse abandoned")
	errTooMany = fmt.Errorf("content stream over the %d-operator budget", maxPageOps)
	// errInflated: the page's content streams decompress past
	// maxPageContent
	errInflated = fmt.Errorf("content stream over the %d-byte decompression limit", maxPageContent)
	identityMat = mat{1, 0, 0, 1, 0, 0}
)

// overLimit reports whether err is a page refused for one of the budgets
// above: a renderer (OCR) would spend its whole time limit on that page.
func overLimit(err error) bool {
	return errors.Is(err, errTooMany) || errors.Is(err, errInflated)
}

// mat is a PDF matrix [a b c d e f] (row-vector convention: p' = p × M).
type mat [6]float64

// mul returns m × n (apply m, then n).
func (m mat) mul(n mat) mat {
	return mat{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func translate(x, y float64) mat { return mat{1, 0, 0, 1, x, y} }

// glyphRun is a shown string in device space.
type glyphRun struct {
	s          string
	x, y, w    float64
	size       float64
	vertical   bool
	lineBefore bool
}

// fontInfo caches what text extraction needs from a font dictionary.
type fontInfo struct {
	font    *pdf.Font
	enc     pdf.TextEncoding
	first   int
	widths  []float64
	twoByte bool
	cidW    map[int]float64
	dw      float64
	decoded map[uint16]string // per-code decoding cache: the library's cmap lookup is slow
	noMap   bool              // a simple font whose ToUnicode map decodes no code (see builtinText)
	// toUnicode is a simple font's ToUnicode map when it also has an
	// Encoding, which the library would use instead (see pdfcmap.go).
	toUnicode map[byte]string
	// cjk is the character set of a Type0 font named by a predefined CJK
	// CMap (see pdfcjk.go); its codes are decoded as text in that set.
	cjk encoding.Encoding
}

// decode maps raw codes to text one code at a time (two bytes for Type0
// fonts, one otherwise), caching each code's text.
func (fi *fontInfo) decode(raw string) string {
	if fi.cjk != nil {
		return cjkText(fi.cjk, raw)
	}
	step := 1
	if fi.twoByte {
		step = 2
	}
	var b strings.Builder
	for i := 0; i+step <= len(raw); i += step {
		code := uint16(raw[i])
		if step == 2 {
			code = code<<8 | uint16(raw[i+1])
		}
		s, ok := fi.decoded[code]
		if !ok {
			if t, found := fi.toUnicode[raw[i]]; found && step == 1 && printableText(t) {
				s = t
			} else {
				s = fi.enc.Decode(raw[i : i+step])
			}
			if fi.noMap && (s == "" || s == "\uFFFD") {
				s = builtinText(raw[i])
			}
			if len(fi.decoded) < 1<<16 {
				fi.decoded[code] = s
			}
		}
		b.WriteString(s)
	}
	return b.String()
}

// builtinText decodes a code of a simple font whose ToUnicode map maps
// nothing (some producers write an empty one) the way a viewer does:
// through the font's built-in encoding, here Windows-1252, which the
// standard Latin encodings agree with on letters, digits and punctuation.
// Control codes stay undecodable: subset fonts number their glyphs from 1.
// A map that decodes some codes is trusted: the codes it leaves out are
// usually symbols, which Windows-1252 would turn into wrong punctuation.
func builtinText(c byte) string {
	if c < 0x20 || c == 0x7F {
		return "\uFFFD"
	}
	r := charmap.Windows1252.DecodeByte(c)
	if r == utf8.RuneError {
		return "\uFFFD"
	}
	return string(r)
}

func newFontInfo(v pdf.Value) *fontInfo {
	f := &pdf.Font{V: v}
	fi := &fontInfo{font: f, enc: f.Encoder(), first: f.FirstChar(), widths: f.Widths(), dw: 1000, decoded: map[uint16]string{}}
	if v.Key("Subtype").Name() == "Type0" {
		fi.twoByte = true
		d := v.Key("DescendantFonts").Index(0)
		if dw := d.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
			fi.dw = dw.Float64()
		}
		fi.cidW = parseCIDWidths(d.Key("W"))
		fi.cjk = cjkEncoding(v)
		return fi
	}
	if !v.Key("Encoding").IsNull() {
		fi.toUnicode = readToUnicode(v.Key("ToUnicode"))
	}
	fi.noMap = v.Key("ToUnicode").Kind() == pdf.Stream && v.Key("Encoding").IsNull() &&
		!symbolFont.MatchString(v.Key("BaseFont").Name()) && mapsNothing(fi.enc)
	return fi
}

// printableText reports whether a ToUnicode entry is usable text: maps
// that send letters to control characters or to nothing are broken, and
// the font's encoding then knows better.
func printableText(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == 0x7F || r == utf8.RuneError {
			return false
		}
	}
	return s != ""
}

// symbolFont matches the names of icon and symbol fonts, whose codes are
// pictures, not letters. The descriptor's Symbolic flag cannot tell: many
// producers set it on every subset font, Arial included.
var symbolFont = regexp.MustCompile(`(?i)icon|dingbat|symbol|wingding|webding|awesome|emoji`)

// mapsNothing reports whether a simple font's decoder gives no character
// for any code.
func mapsNothing(enc pdf.TextEncoding) bool {
	for c := 0; c < 256; c++ {
		if s := enc.Decode(string([]byte{byte(c)})); s != "" && s != "\uFFFD" {
			return false
		}
	}
	return true
}

// parseCIDWidths reads a CIDFont W array: "c [w1 w2 ...]" or "c1 c2 w".
func parseCIDWidths(w pdf.Value) map[int]float64 {
	out := map[int]float64{}
	n := w.Len()
	for i := 0; i < n && len(out) < 65536; {
		c := int(w.Index(i).Int64())
		if i+1 >= n {
			break
		}
		next := w.Index(i + 1)
		if next.Kind() == pdf.Array {
			for j := 0; j < next.Len() && j < 65536; j++ {
				out[c+j] = next.Index(j).Float64()
			}
			i += 2
			continue
		}
		if i+2 >= n {
			break
		}
		last, width := int(next.Int64()), w.Index(i+2).Float64()
		for c2 := c; c2 <= last && c2-c < 65536; c2++ {
			out[c2] = width
		}
		i += 3
	}
	return out
}

// advance returns the summed glyph widths (in 1/1000 em) of raw codes and
// how many of them are single-byte spaces (for word spacing).
func (fi *fontInfo) advance(raw string) (total float64, codes, spaces int) {
	if fi.cjk != nil {
		total, codes = cjkAdvance(cjkText(fi.cjk, raw))
		return total, codes, strings.Count(raw, " ")
	}
	if fi.twoByte {
		for i := 0; i+1 < len(raw); i += 2 {
			code := int(raw[i])<<8 | int(raw[i+1])
			w, ok := fi.cidW[code]
			if !ok {
				w = fi.dw
			}
			total += w
			codes++
		}
		return total, codes, 0
	}
	for i := 0; i < len(raw); i++ {
		c := int(raw[i])
		if k := c - fi.first; k >= 0 && k < len(fi.widths) {
			total += fi.widths[k]
		} else {
			total += 500
		}
		if c == ' ' {
			spaces++
		}
	}
	return total, len(raw), spaces
}

// gstate is the part of the graphics and text state text needs.
type gstate struct {
	ctm                     mat
	tc, tw, th, tl, ts, tfs float64
	font                    *fontInfo
}

// textInterp walks one page's content, following form XObjects.
type textInterp struct {
	fonts  map[string]*fontInfo // document-wide, by font identity
	local  map[string]*fontInfo // this page, by resource scope and name
	runs   []glyphRun
	ops    int
	stop   *stopFlag
	budget int // bytes of text the page may still add
	// content is the decompressed content-stream bytes the page may still
	// read (maxPageContent at first); inflateBuf is inflate's, kept for
	// the page's next stream
	content    int64
	inflateBuf []byte
}

// errTextFull stops a page's interpretation once its text budget is
// spent; the runs read so far are kept.
var errTextFull = errors.New("text budget spent")

// pageRuns returns the text runs of page p in content order, then those
// of its visible form fields and text annotations. fonts is shared by the
// pages of one document.
//
// budget bounds the bytes of text read: one small PDF can hold a single
// compressed string of hundreds of megabytes, and its glyph runs would
// take gigabytes.
func pageRuns(p pdf.Page, fonts map[string]*fontInfo, stop *stopFlag, budget int) (runs []glyphRun) {
	ti := &textInterp{fonts: fonts, local: map[string]*fontInfo{}, stop: stop, budget: budget, content: maxPageContent}
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); !ok || !errors.Is(e, errTextFull) {
				panic(r)
			}
			runs = ti.runs
		}
	}()
	if contents := p.V.Key("Contents"); !contents.IsNull() {
		ti.run(contents, pageResources(p), "", gstate{ctm: identityMat, th: 1}, 0)
	}
	ti.annotations(p)
	return ti.runs
}

// inflate decompresses strm (a stream or an array of them) once without
// keeping it, to refuse it (errInflated) before the library reads it when
// it is over what the page may still read: a flate bomb costs a pass of
// inflating, some 64 MB in a fraction of a second, rather than the
// lexer's gigabytes. Read errors end the count: the library meets them
// too, and says what they are.
func (ti *textInterp) inflate(strm pdf.Value) {
	parts := streamParts(strm)
	if ti.inflateBuf == nil {
		ti.inflateBuf = make([]byte, 32<<10)
	}
	buf := ti.inflateBuf
	for _, p := range parts {
		if p.Kind() != pdf.Stream {
			continue
		}
		rd := p.Reader()
		for {
			n, err := rd.Read(buf)
			if ti.content -= int64(n); ti.content < 0 {
				rd.Close()
				panic(errInflated)
			}
			if err != nil {
				break
			}
			if ti.stop.stopped() {
				rd.Close()
				panic(errStopped)
			}
		}
		rd.Close()
	}
}

// pageResources is the page's resource dictionary, its own or the nearest
// ancestor's within maxTreeDepth levels. The library's Page.Resources
// follows /Parent with no end: a page that is its own /Parent (a 556-byte
// PDF) timed out, and its abandoned parse kept a core busy for good.
func pageResources(p pdf.Page) pdf.Value {
	v := p.V
	for range maxTreeDepth + 1 {
		if v.IsNull() {
			break
		}
		if r := v.Key("Resources"); !r.IsNull() {
			return r
		}
		v = v.Key("Parent")
	}
	return pdf.Value{}
}

// run interprets a content stream (or array of streams) with resources
// res; path names the resource scope for the font cache.
func (ti *textInterp) run(strm, res pdf.Value, path string, g gstate, depth int) {
	ti.inflate(strm)
	runs, budget := len(ti.runs), ti.budget
	failed := ti.interpret(strm, res, path, g, depth)
	if failed == nil {
		return
	}
	// the lexer failed: an inline image's bytes, read as tokens? Read the
	// stream again without them, from where this stream started.
	content, err := streamBytes(strm)
	if err != nil {
		panic(failed)
	}
	clean, had := withoutInlineImages(content)
	if !had {
		panic(failed)
	}
	v, err := rawStream(clean)
	if err != nil {
		panic(failed)
	}
	ti.runs, ti.budget = ti.runs[:runs], budget
	if again := ti.interpret(v, res, path, g, depth); again != nil {
		panic(again)
	}
}

// interpret runs the operators of strm; it returns what the library's
// lexer panicked with (nil when it did not), and lets the interpreter's
// own stops (ownPanic) through.
func (ti *textInterp) interpret(strm, res pdf.Value, path string, g gstate, depth int) (failed any) {
	defer func() {
		if r := recover(); r != nil {
			if ownPanic(r) {
				panic(r)
			}
			failed = r
		}
	}()
	var stack []gstate
	var tm, tlm mat
	show := func(raw string) { tm = ti.show(raw, &g, tm) }
	pdf.Interpret(strm, func(stk *pdf.Stack, op string) {
		args := popAll(stk)
		ti.ops++
		if ti.ops > maxPageOps {
			panic(errTooMany)
		}
		if ti.ops&0x3FFF == 0 && ti.stop.stopped() {
			panic(errStopped)
		}
		switch op {
		case "q":
			if len(stack) < 256 {
				stack = append(stack, g)
			}
		case "Q":
			if n := len(stack); n > 0 {
				g, stack = stack[n-1], stack[:n-1]
			}
		case "cm":
			if len(args) == 6 {
				g.ctm = matOf(args).mul(g.ctm)
			}
		case "BT":
			tm, tlm = identityMat, identityMat
			ti.markLine()
		case "Tc":
			g.tc = num(args, 0)
		case "Tw":
			g.tw = num(args, 0)
		case "Tz":
			g.th = num(args, 0) / 100
		case "TL":
			g.tl = num(args, 0)
		case "Ts":
			g.ts = num(args, 0)
		case "Tf":
			if len(args) == 2 {
				g.font = ti.font(res, path, args[0].Name())
				g.tfs = args[1].Float64()
			}
		case "Td", "TD":
			if len(args) == 2 {
				if op == "TD" {
					g.tl = -args[1].Float64()
				}
				tlm = translate(args[0].Float64(), args[1].Float64()).mul(tlm)
				tm = tlm
			}
		case "Tm":
			if len(args) == 6 {
				tlm = matOf(args)
				tm = tlm
			}
		case "T*":
			tlm = translate(0, -g.tl).mul(tlm)
			tm = tlm
		case "Tj":
			if len(args) == 1 {
				show(args[0].RawString())
			}
		case "'", "\"":
			if op == "\"" && len(args) == 3 {
				g.tw, g.tc = args[0].Float64(), args[1].Float64()
				args = args[2:]
			}
			tlm = translate(0, -g.tl).mul(tlm)
			tm = tlm
			if len(args) == 1 {
				show(args[0].RawString())
			}
		case "TJ":
			if len(args) == 1 {
				a := args[0]
				for i := 0; i < a.Len(); i++ {
					x := a.Index(i)
					if x.Kind() == pdf.String {
						show(x.RawString())
					} else {
						tm = translate(-x.Float64()/1000*g.tfs*g.th, 0).mul(tm)
					}
				}
			}
		case "Do":
			if len(args) == 1 && depth < maxFormDepth {
				ti.form(res, path, args[0].Name(), g, depth)
			}
		}
	})
	return nil
}

// form interprets a form XObject drawn with Do.
func (ti *textInterp) form(res pdf.Value, path, name string, g gstate, depth int) {
	x := res.Key("XObject").Key(name)
	if x.Key("Subtype").Name() != "Form" {
		return
	}
	if m := x.Key("Matrix"); m.Len() == 6 {
		vals := make([]pdf.Value, 6)
		for i := range vals {
			vals[i] = m.Index(i)
		}
		g.ctm = matOf(vals).mul(g.ctm)
	}
	fres := x.Key("Resources")
	if fres.IsNull() {
		fres = res
	}
	ti.markLine()
	ti.run(x, fres, path+"/"+name, g, depth+1)
	ti.markLine()
}

// font returns the font info for a font resource name. Parsed fonts are
// shared across the document's pages, keyed by what identifies a font
// object without access to its object number: resource scope and name,
// base font, subtype, character range and ToUnicode stream length.
func (ti *textInterp) font(res pdf.Value, path, name string) *fontInfo {
	// Tf comes before nearly every run; resolving the font dictionary each
	// time would decompress its object stream again.
	local := path + "\x00" + name
	if fi, ok := ti.local[local]; ok {
		return fi
	}
	fi := ti.sharedFont(res, path, name)
	ti.local[local] = fi
	return fi
}

// sharedFont looks a font up in the document-wide cache.
func (ti *textInterp) sharedFont(res pdf.Value, path, name string) *fontInfo {
	v := res.Key("Font").Key(name)
	if v.IsNull() {
		return nil
	}
	key := strings.Join([]string{path, name, v.Key("BaseFont").Name(), v.Key("Subtype").Name(),
		v.Key("FirstChar").String(), v.Key("LastChar").String(), v.Key("ToUnicode").Key("Length").String()}, "\x00")
	if fi, ok := ti.fonts[key]; ok {
		return fi
	}
	fi := newFontInfo(v)
	if len(ti.fonts) < 4096 {
		ti.fonts[key] = fi
	}
	return fi
}

// show records a shown string and returns the advanced text matrix.
func (ti *textInterp) show(raw string, g *gstate, tm mat) mat {
	if g.font == nil {
		return tm
	}
	trm := mat{g.tfs * g.th, 0, 0, g.tfs, 0, g.ts}.mul(tm).mul(g.ctm)
	if len(raw) > ti.budget {
		raw = raw[:max(ti.budget, 0)]
	}
	adv, codes, spaces := g.font.advance(raw)
	tx := (adv/1000*g.tfs + float64(codes)*g.tc + float64(spaces)*g.tw) * g.th
	text := g.font.decode(raw)
	full := translate(tx, 0).mul(tm).mul(g.ctm)
	size := math.Hypot(trm[2], trm[3])
	w := math.Hypot(full[4]-trm[4], full[5]-trm[5])
	if text != "" {
		ti.runs = append(ti.runs, glyphRun{s: text, x: trm[4], y: trm[5], w: w, size: size,
			vertical: math.Abs(trm[1]) > math.Abs(trm[0])})
		if ti.budget -= len(text); ti.budget <= 0 {
			panic(errTextFull)
		}
	}
	return translate(tx, 0).mul(tm)
}

// markLine asks the layout to start a new line before the next run when it
// is not clearly on the same baseline (a new text object or form).
func (ti *textInterp) markLine() {
	if n := len(ti.runs); n > 0 {
		ti.runs[n-1].lineBefore = true
	}
}

func popAll(stk *pdf.Stack) []pdf.Value {
	n := stk.Len()
	args := make([]pdf.Value, n)
	for i := n - 1; i >= 0; i-- {
		args[i] = stk.Pop()
	}
	return args
}

func matOf(a []pdf.Value) mat {
	var m mat
	for i := range m {
		m[i] = a[i].Float64()
	}
	return m
}

func num(a []pdf.Value, i int) float64 {
	if i < len(a) {
		return a[i].Float64()
	}
	return 0
}

// layoutRuns turns runs (in content order) into text: a new line when the
// baseline moves by more than half the font size, a blank line when it
// jumps by more than about two and a half lines, a space when the gap to
// the previous run is wider than wordGaps allows or the run starts far to
// the left of the previous one. A superscript stays on its base's line
// (see superscript).
func layoutRuns(runs []glyphRun) string {
	para, _ := pageAdvance(runs)
	return layoutRunsAt(runs, para)
}

// layoutRunsAt is layoutRuns with para as the page's paragraph advance
// (see pageAdvance).
func layoutRunsAt(runs []glyphRun, para float64) string {
	runs = splitSpacedRuns(runs)
	var b strings.Builder
	words := wordGaps(runs)
	margin := leftMargin(runs)
	cells := cellStarts(runs)
	base := 0 // the last run on a baseline, which a superscript is not
	start := 0.0
	if len(runs) > 0 {
		start = runs[0].x // where the current line starts
	}
	for i, r := range runs {
		if i > 0 {
			prev, line := runs[i-1], runs[base]
			if superscript(line, prev, r) {
				writeSuperscript(&b, r.s)
				continue
			}
			size := math.Max(r.size, 1)
			dy := line.y - r.y
			gap := r.x - (prev.x + prev.w)
			switch {
			case newLine(line, r):
				centred := centredBreak(margin, start, r, dy, &b) && !inColumn(cells, start) && !inColumn(cells, r.x)
				b.WriteByte('\n')
				if dy > leading(line, r)*min(para, 2.6) || dy < -size*4 && !runsOn(&b, r.s) ||
					indented(margin, start, r, dy) && endsSentence(&b) || centred {
					b.WriteByte('\n')
				}
				start = r.x
			case gap > size*cellGap && visible(r.s) && !lineBlank(&b) && !enumeratorOnly(&b):
				// normalize collapses the spaces doubled here
				b.WriteString(" | ")
			case gap > words[i] || gap < -size*2:
				if !endsSpace(&b) && !strings.HasPrefix(r.s, " ") {
					b.WriteByte(' ')
				}
			}
		}
		b.WriteString(r.s)
		base = i
	}
	return b.String()
}

// splitSpacedRuns splits each run at its column gaps (see columnGaps)
// into runs of their own, placed where their text falls in it, so that
// the table rule sees the gap. A PDF printed from a text file draws a
// whole line as one run and a signature block's two columns with spaces
// between them: "CENTRACK INTERNATIONAL, INC.            I-ON
// INTERACTIVE, INC." read as one party's name once normalize collapsed
// the spaces.
func splitSpacedRuns(runs []glyphRun) []glyphRun {
	var out []glyphRun
	for i, r := range runs {
		cuts := columnGaps(r)
		if cuts == nil {
			if out != nil {
				out = append(out, r)
			}
			continue
		}
		if out == nil {
			out = append(make([]glyphRun, 0, len(runs)+len(cuts)), runs[:i]...)
		}
		out = append(out, splitRun(r, cuts)...)
	}
	if out == nil {
		return runs
	}
	return out
}

// columnGaps gives the rune offsets [start, end) of the stretches of
// spaces inside run r (visible text on both sides) that set two columns
// apart: minColumnSpaces spaces and more, wider than cellGap sizes (each
// rune taken as the run's average width, as in the monospaced fonts that
// such runs come in), and either at least twice the run's narrowest other
// stretch or wider than wideColumnGap sizes. A justified line spreads its
// spaces evenly, a few wide on a short last line; a sentence's two spaces
// and a clause number's hanging indent stay under the minimum.
func columnGaps(r glyphRun) [][2]int {
	if r.vertical || !strings.Contains(r.s, strings.Repeat(" ", minColumnSpaces)) {
		return nil
	}
	rs := []rune(r.s)
	var gaps [][2]int // the stretches of spaces between words
	for i := 0; i < len(rs); {
		j := i
		for j < len(rs) && rs[j] == ' ' {
			j++
		}
		if j == i {
			i++
			continue
		}
		if i > 0 && j < len(rs) {
			gaps = append(gaps, [2]int{i, j})
		}
		i = j
	}
	each := r.w / float64(len(rs))
	size := math.Max(r.size, 1)
	var cuts [][2]int
	for k, g := range gaps {
		n := g[1] - g[0]
		narrowest := n
		for l, o := range gaps {
			if l != k {
				narrowest = min(narrowest, o[1]-o[0])
			}
		}
		if n >= minColumnSpaces && float64(n)*each > size*cellGap &&
			(len(gaps) == 1 || n >= 2*narrowest || float64(n)*each > size*wideColumnGap) {
			cuts = append(cuts, g)
		}
	}
	return cuts
}

// wideColumnGap is the width, in sizes, over which a stretch of spaces
// inside a run sets columns apart however wide its other stretches are
// (a table's header row, "PAGE      SECTION      LINE(S)").
const wideColumnGap = 6.0

// minColumnSpaces is the fewest spaces in a row inside a run that
// columnGaps reads as a column gap.
const minColumnSpaces = 4

// splitRun cuts r at the rune stretches cuts (see columnGaps), each part
// placed at its share of r's width.
func splitRun(r glyphRun, cuts [][2]int) []glyphRun {
	rs := []rune(r.s)
	each := r.w / float64(len(rs))
	var parts []glyphRun
	from := 0
	for _, c := range append(cuts, [2]int{len(rs), len(rs)}) {
		p := r
		p.s = string(rs[from:c[0]])
		p.x = r.x + float64(from)*each
		p.w = float64(c[0]-from) * each
		p.lineBefore = r.lineBefore && from == 0
		parts = append(parts, p)
		from = c[1]
	}
	return parts
}

// pageEdge is what a page's layout says of a paragraph across its
// breaks: a sentence that ends at a page's foot ends the paragraph only
// where the line it ends is short, or the next page's first line is
// indented. Read by text alone, a filing's paragraph that went on over
// the page with a new sentence ("...of the order.\nThe Court further
// finds ...") was cut in two.
type pageEdge struct {
	// lastFull: the page's lines are justified, from its margin to one
	// right edge, and its last one is such a line, as a paragraph's last
	// line seldom is.
	lastFull bool
	// firstFlush: the page's first line starts at its margin and runs
	// near its full width, as a paragraph's next line does and a heading
	// or an indented first line does not.
	firstFlush bool
	// indents: the page indents its paragraphs' first lines, so a first
	// line flush with the margin goes on with the paragraph before.
	indents bool
}

// runsOnFrom reports whether the paragraph that the page before (edge
// prev) ends with goes on at the head of the page with edge e.
func (e pageEdge) runsOnFrom(prev pageEdge) bool {
	return e.firstFlush && (prev.lastFull || e.indents)
}

// lineBox is a line of a page's runs: where it starts and ends, and its
// text.
type lineBox struct {
	start, end, size float64
	text             string
}

// pageLines groups a page's runs into lines, leaving out a page's number
// alone on its line and blank lines.
func pageLines(runs []glyphRun) []lineBox {
	var lines []lineBox
	var b strings.Builder
	for i, r := range runs {
		if i == 0 || newLine(runs[i-1], r) {
			lines = append(lines, lineBox{start: r.x, end: r.x + r.w, size: r.size})
			b.Reset()
		}
		l := &lines[len(lines)-1]
		l.end = math.Max(l.end, r.x+r.w)
		b.WriteString(r.s)
		l.text = strings.TrimSpace(b.String())
	}
	kept := lines[:0]
	for _, l := range lines {
		if l.text != "" && !pageNumberLine.MatchString(l.text) {
			kept = append(kept, l)
		}
	}
	return kept
}

// pageEdges measures a page's pageEdge from its body's runs.
func pageEdges(runs []glyphRun) pageEdge {
	lines := pageLines(runs)
	margin := leftMargin(runs)
	if len(lines) < minMarginLines || math.IsNaN(margin) {
		return pageEdge{}
	}
	right := 0.0
	for _, l := range lines {
		right = math.Max(right, l.end)
	}
	flush := func(l lineBox) bool { return math.Abs(l.start-margin) <= 2 }
	full, indents := 0, 0
	for i, l := range lines {
		if flush(l) && l.end >= right-justifiedSlack {
			full++
		}
		if d, size := l.start-margin, math.Max(l.size, 1); i > 0 && d >= size*1.5 && d <= size*6 {
			indents++
		}
	}
	first, last := lines[0], lines[len(lines)-1]
	return pageEdge{
		lastFull:   full >= max(minMarginLines, len(lines)/3) && flush(last) && last.end >= right-justifiedSlack,
		firstFlush: flush(first) && first.end-margin >= (right-margin)*fullLine,
		indents:    indents >= minIndents,
	}
}

const (
	// justifiedSlack is how far (points) short of the right edge a
	// justified line may end.
	justifiedSlack = 1.0
	// minIndents is how many indented first lines make a page one that
	// indents its paragraphs.
	minIndents = 2
	// fullLine is the share of the text's width over which a line runs
	// near its full width.
	fullLine = 0.85
)

// leftMargin is where most of a page's lines start (to the point), or
// NaN when fewer than minMarginLines do.
func leftMargin(runs []glyphRun) float64 {
	starts := map[float64]int{}
	for i, r := range runs {
		if i == 0 || newLine(runs[i-1], r) {
			starts[math.Round(r.x)]++
		}
	}
	margin, most := math.NaN(), minMarginLines-1
	for x, n := range starts {
		if n > most || n == most && x < margin {
			margin, most = x, n
		}
	}
	return margin
}

// minMarginLines is how many lines must start at one place to make it
// the page's left margin.
const minMarginLines = 3

// indented reports whether line r, dy below a line that started at
// start, is a paragraph's first line indented from the page's margin: the
// line above starts at the margin, and r an indent of 1.5 to 6 sizes
// right of it. A court filing's double-spaced lines are all as far apart
// as its paragraphs; only their indent tells a paragraph, and its text
// ran on as one.
func indented(margin, start float64, r glyphRun, dy float64) bool {
	size := math.Max(r.size, 1)
	first, _ := utf8.DecodeRuneInString(strings.TrimLeft(r.s, " "))
	return dy > 0 && dy < size*3 && math.Abs(start-margin) <= 2 &&
		r.x-margin >= size*1.5 && r.x-margin <= size*6 &&
		(unicode.IsUpper(first) || unicode.IsDigit(first) || strings.ContainsRune("(\"“", first))
}

// centredBreak reports whether line r, dy below a line that started at
// start (the text so far in b), starts a paragraph because one of the two
// lines is set apart from the page's margin as a centred heading is: the
// line above starts over centredIndent sizes right of the margin and r
// back at the margin or an indent, or the line above starts at the margin
// and ends a sentence and r starts over centredIndent sizes right of it.
// A centred heading set as close as the lines of a paragraph ("PART 1
// INTRODUCTION" over an indented first line) ran into the paragraph after
// it, and the paragraph before it into the heading. A line that carries
// on the sentence above (runsOn), or one after a line that is no heading
// (headingLike), does not.
func centredBreak(margin, start float64, r glyphRun, dy float64, b *strings.Builder) bool {
	size := math.Max(r.size, 1)
	if dy <= 0 || dy >= size*3 || runsOn(b, r.s) {
		return false
	}
	s := b.String()
	above := s[strings.LastIndexByte(s, '\n')+1:]
	switch {
	case start-margin > size*centredIndent:
		return r.x-margin >= -2 && r.x-margin <= size*6 && headingLike(above)
	case math.Abs(start-margin) <= 2:
		return r.x-margin > size*centredIndent && endsSentence(b)
	}
	return false
}

// cellStarts counts, by the point they start at, a page's runs that
// start a table's cell: those after a gap of over cellGap sizes on their
// line (the value after a form's label).
func cellStarts(runs []glyphRun) map[float64]int {
	starts := map[float64]int{}
	for i := 1; i < len(runs); i++ {
		prev, r := runs[i-1], runs[i]
		if !newLine(prev, r) && r.x-(prev.x+prev.w) > math.Max(r.size, 1)*cellGap && visible(r.s) {
			starts[math.Round(r.x)]++
		}
	}
	return starts
}

// inColumn reports whether a line that starts at x starts in a column
// of the page's table cells (cellStarts), within a point. A form's value
// that wraps, or stands on the line under its label ("Counsel: | Jane
// Doe, Esq." / "Doe & Roe LLP"), starts far right of the margin as a
// centred heading does, and centredBreak set it apart as one; a centred
// heading lines up with no cell but by chance.
func inColumn(cells map[float64]int, x float64) bool {
	x = math.Round(x)
	return cells[x-1]+cells[x]+cells[x+1] > 0
}

// headingLike reports whether a line may be a heading: short, no table's
// row, opening with a capital or a figure and not broken off after a
// comma or a bracket. The centred lines of a diagram's label ("Normative
// Beliefs" / "and" / "Motivation to Comply") or of a form ("en la") are
// not.
func headingLike(line string) bool {
	line = strings.TrimSpace(line)
	first, _ := utf8.DecodeRuneInString(line)
	last, _ := utf8.DecodeLastRuneInString(line)
	return line != "" && utf8.RuneCountInString(line) <= maxCentredLine && !strings.Contains(line, " | ") &&
		(unicode.IsUpper(first) || unicode.IsDigit(first)) && !strings.ContainsRune(",(-", last)
}

const (
	// centredIndent is how far right of the page's margin, in sizes, a
	// line starts to read as centred rather than indented.
	centredIndent = 6.0
	// maxCentredLine is the longest line, in runes, read as a centred
	// heading.
	maxCentredLine = 80
)

// endsSentence reports whether the text so far ends a sentence.
func endsSentence(b *strings.Builder) bool {
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(b.String(), " \n"))
	return strings.ContainsRune(".!?:\"”", last)
}

// superscript reports whether r, after prev, is a superscript on line's
// baseline: a few characters in a smaller size, raised less than line's
// size, right after prev. Word raises a footnote mark by a third of the
// size and more, in two thirds of it: over half the mark's own size, that
// started a line mid-sentence ("each statement of work" / "1 in a
// professional manner").
func superscript(line, prev, r glyphRun) bool {
	size := math.Max(line.size, 1)
	rise := r.y - line.y
	gap := r.x - (prev.x + prev.w)
	return !r.vertical && !line.vertical && utf8.RuneCountInString(strings.TrimSpace(r.s)) <= maxSuperscript &&
		(r.size <= size*0.85 && rise > size*0.15 && rise < size*0.75 || baselineMark(prev, r, size, rise)) &&
		gap > -size*0.2 && gap < size*0.3
}

// baselineMark reports whether r is a footnote's mark set small on the
// line's baseline, not raised: figures in at most 0.7 of the line's size
// right after a word or its stop ("the claimant's case¹" drawn as "case"
// and a 7-point "1"). Read as text, the mark stood in the sentence ("the
// claimant's case 1 is that", "break clause2.") and reached the summary.
// A small figure after a figure is left alone: no power is written flat.
func baselineMark(prev, r glyphRun, size, rise float64) bool {
	t := strings.TrimSpace(r.s)
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(prev.s, " "))
	return r.size <= size*0.7 && math.Abs(rise) <= size*0.15 && digitsRe.MatchString(t) &&
		(unicode.IsLetter(last) || strings.ContainsRune(".,;:)\"'”’", last))
}

// digitsRe is a footnote's number: figures, several joined by a comma.
var digitsRe = regexp.MustCompile(`^[0-9]{1,3}(?:,[0-9]{1,3})*$`)

// maxSuperscript is the longest superscript (runes) superscript takes.
const maxSuperscript = 6

// footnoteMark is a footnote's mark in the text: figures ("1", "12",
// "3,4") or a reference sign.
var footnoteMark = regexp.MustCompile(`^(?:[0-9]+(?:[,–-][0-9]+)*|[*\x{2217}\x{204E}†‡§¶]+)$`)

// exponentRe is a power's exponent, signed or not ("6", "-7", "−3").
var exponentRe = regexp.MustCompile(`^[-\x{2212}+]?[0-9]+$`)

// writeSuperscript writes a superscript after the text in b. A footnote's
// mark after a word or its punctuation is left out: glued on, it made
// words that are none ("work1", "strategies.2") for search, summaries and
// entities, and the footnote itself keeps its number at the foot of the
// page. A power keeps its caret ("10^6", not "106"; "10^-7", not
// "10-7"; "a^2"); anything else
// ("st" of "1st", "TM") is written as it is.
func writeSuperscript(b *strings.Builder, s string) {
	t := strings.TrimSpace(s)
	last, _ := utf8.DecodeLastRuneInString(b.String())
	switch {
	case (unicode.IsDigit(last) || variable(b.String())) && exponentRe.MatchString(t):
		b.WriteString("^" + t)
	case footnoteMark.MatchString(t) && (unicode.IsLetter(last) || strings.ContainsRune(".,;:)\"'”’", last)):
	default:
		b.WriteString(t)
	}
}

// variable reports whether text ends in a formula's variable, which a
// raised figure is the power of, not a footnote: a letter alone ("a² +
// b²" lost its powers as marks) or one in the mathematical alphanumerics
// ("𝑛²").
func variable(text string) bool {
	last, n := utf8.DecodeLastRuneInString(text)
	if last >= 0x1D400 && last <= 0x1D7FF {
		return true
	}
	before, _ := utf8.DecodeLastRuneInString(text[:len(text)-n])
	return unicode.IsLetter(last) && !unicode.IsLetter(before) && !unicode.IsDigit(before)
}

// runsOn reports whether next carries on the sentence that the text so
// far breaks off: the text ends in a word or a comma and next starts in
// lower case. A jump up the page (the next column, or the text beside a
// figure) is a paragraph break only where a sentence does not run across
// it: a two-column regulator's PDF had its paragraph split in two at the
// column's foot ("a clear description of the" / "outsourced function").
func runsOn(b *strings.Builder, next string) bool {
	before := strings.TrimRight(b.String(), " \n")
	last, _ := utf8.DecodeLastRuneInString(before)
	first, _ := utf8.DecodeRuneInString(strings.TrimLeft(next, " "))
	return (unicode.IsLetter(last) || last == ',') && unicode.IsLower(first)
}

// pageAdvance is the baseline advance, as a share of the font size,
// over which a new line on a page also starts a paragraph: well over the
// page's line spacing (its closer lines, the 25th percentile of the
// advances under 2.6 sizes, in a paragraph). Word's "8 pt after" and a
// browser's 1em margin put paragraphs about 1.9 sizes apart, under the
// fixed 2.6 that is left for pages with too few lines to tell, or with
// wide line spacing: every heading and paragraph of a PDF printed from
// Chromium ran together. ok says whether the page had lines enough to
// measure it (false: the fixed 2.6).
func pageAdvance(runs []glyphRun) (para float64, ok bool) {
	var adv []float64
	for i := 1; i < len(runs); i++ {
		if dy := (runs[i-1].y - runs[i].y) / leading(runs[i-1], runs[i]); newLine(runs[i-1], runs[i]) && dy > 0 && dy < 2.6 {
			adv = append(adv, dy)
		}
	}
	if len(adv) < paragraphLines {
		return 2.6, false
	}
	slices.Sort(adv)
	return max(adv[len(adv)/4]*paragraphSpacing, minParagraphAdvance), true
}

// documentAdvance is the paragraph advance for a document's pages with
// too few lines to measure their own: the median of what its other pages
// measured (measured), or the fixed 2.6 when none did. A contract's last
// page or a cover letter is set like the rest of the document: with the
// fixed rule, its paragraphs 1.9 sizes apart ran together.
func documentAdvance(measured []float64) float64 {
	if len(measured) == 0 {
		return 2.6
	}
	m := slices.Clone(measured)
	slices.Sort(m)
	return m[len(m)/2]
}

const (
	// paragraphLines is how many line advances a page needs before its
	// own spacing tells its paragraphs apart.
	paragraphLines = 8
	// paragraphSpacing is how much wider than the line spacing a
	// paragraph's is at least.
	paragraphSpacing = 1.4
	// minParagraphAdvance keeps tight lines (a 1.0 spacing) from making
	// every slightly wider one a paragraph.
	minParagraphAdvance = 1.5
)

// leading is the size that the advance from line prev to line r is
// measured in: the smaller of their sizes. A heading in a larger size
// takes a larger share of the space above it, and measured in its own
// size the 8 points after a paragraph of 11-point text fell under the
// page's paragraph spacing: "1. Definitions" (13 points) ran on from the
// paragraph above it.
func leading(prev, r glyphRun) float64 {
	return math.Max(math.Min(prev.size, r.size), 1)
}

// newLine says whether run r, after prev, starts a line: its baseline
// moved by more than half its font size.
func newLine(prev, r glyphRun) bool {
	return math.Abs(prev.y-r.y) > math.Max(r.size, 1)*0.5
}

// cellGap is the gap between two runs on a line, as a share of the font
// size, over which they are two cells of a table (or two columns), " | "
// separated as the HTML and DOCX parsers write a table's cells: a space
// is at most about one size wide even in justified text, a table's
// columns are several sizes apart. Joined by a space, a fee table's cells
// read as one phrase ("Managed hosting USD" was a key phrase); " | " is
// a break no key phrase runs across, and summaries read such a line as a
// table's row, not a sentence.
const cellGap = 2.0

// wordGap is the gap between two runs, as a share of the font size, over
// which they are two words: a space is about a quarter of an em, the
// kerning between two letters a few hundredths.
const wordGap = 0.15

// maxTracking is the widest gap between letters, as a share of the font
// size, that wordGaps takes for a line's letter-spacing; a line of single
// letters further apart is a row of table cells or options ("A   B   C").
const maxTracking = 1.0

// minSpacedPairs is how many gaps between two single letters a line needs
// before its gaps tell its letter-spacing: fewer are initials or a
// table's cells.
const minSpacedPairs = 4

// wordGaps gives, for each run, the gap before it over which a space
// goes: wordGap of its font size, but in a line drawn letter by letter
// with tracking ("S E R V I C E   A G R E E M E N T", each glyph placed
// apart), where every gap is over that, the line's typical gap between
// two letters plus wordGap. Without it each letter came out a word and the
// words' own gaps were lost among them. The typical gap is the median of
// the gaps between single letters; a digit next to a letter or digit in
// such a line is spaced as they are ("A R T I C L E 1 2" is "ARTICLE
// 12"), a row of figures alone never is.
func wordGaps(runs []glyphRun) []float64 {
	gaps := make([]float64, len(runs))
	for i, r := range runs {
		gaps[i] = math.Max(r.size, 1) * wordGap
	}
	for a := 0; a < len(runs); {
		b := a + 1
		for b < len(runs) && !newLine(runs[b-1], runs[b]) {
			b++
		}
		var letters []float64
		for i := a + 1; i < b; i++ {
			if oneGlyph(runs[i-1].s, unicode.IsLetter) && oneGlyph(runs[i].s, unicode.IsLetter) {
				letters = append(letters, runs[i].x-(runs[i-1].x+runs[i-1].w))
			}
		}
		if len(letters) >= minSpacedPairs {
			slices.Sort(letters)
			track := letters[(len(letters)-1)/2]
			for i := a + 1; i < b; i++ {
				size := math.Max(runs[i].size, 1)
				if track > size*wordGap && track <= size*maxTracking &&
					oneGlyph(runs[i-1].s, isAlnum) && oneGlyph(runs[i].s, isAlnum) {
					gaps[i] = track + size*wordGap
				}
			}
		}
		a = b
	}
	return gaps
}

// oneGlyph says whether s is a single character of the kind is tells.
func oneGlyph(s string, is func(rune) bool) bool {
	r, n := utf8.DecodeRuneInString(s)
	return n > 0 && n == len(s) && is(r)
}

// isAlnum says whether r is a letter or a digit.
func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// enumeratorOnly reports whether the text's last line so far is a list
// item's or a clause's number alone ("(a)", "2.", "12.3", "•"), which a
// hanging indent sets apart from its text: the item's text is no table
// cell of it.
func enumeratorOnly(b *strings.Builder) bool {
	s := b.String()
	return enumeratorCell.MatchString(strings.TrimSpace(s[strings.LastIndexByte(s, '\n')+1:]))
}

// enumeratorCell is a list item's or clause's number or bullet.
var enumeratorCell = regexp.MustCompile(`^(?:\(?(?:[0-9]{1,3}(?:\.[0-9]{1,3})*|[a-zA-Z]|[ivxlcIVXLC]{1,6})[.)]?|[•·▪◦●○■□\-–—*])$|^(?i:section|article|clause|schedule|annex|part)\s+[0-9A-Z.]{1,8}$`)

// visible reports whether s shows anything: a rune neither a space nor a
// control character, which normalize drops.
func visible(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsGraphic(r) && !unicode.IsSpace(r) }) >= 0
}

// lineBlank reports whether the text's last line holds only spaces so far.
func lineBlank(b *strings.Builder) bool {
	s := b.String()
	return strings.TrimSpace(s[strings.LastIndexByte(s, '\n')+1:]) == ""
}

func endsSpace(b *strings.Builder) bool {
	s := b.String()
	return s == "" || s[len(s)-1] == ' ' || s[len(s)-1] == '\n'
}
