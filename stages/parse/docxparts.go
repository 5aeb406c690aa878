package parse

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
)

// docxNotes numbers footnotes and endnotes as Word shows them: in the
// order the body first refers to them, footnotes 1, 2, 3 and endnotes i,
// ii, iii unless the first section or the settings name another format.
// The ids in the file are not those numbers: Word's separators take ids
// -1 and 0, LibreOffice's 0 and 1, so its first note is id 2. Numbering
// that restarts on each page or section is not followed.
type docxNotes struct {
	format map[string]string // "footnote", "endnote" -> numFmt
	count  map[string]int
	labels map[string]string // kind + " " + id -> "[1]"; "" after a custom mark
}

// newDocxNotes reads the note number formats from the body's first
// section properties, else from the settings part.
func newDocxNotes(settings, body []byte) *docxNotes {
	n := &docxNotes{
		format: map[string]string{"footnote": "decimal", "endnote": "lowerRoman"},
		count:  map[string]int{},
		labels: map[string]string{},
	}
	for kind := range n.format {
		if f := notePrFormat(body, kind); f != "" {
			n.format[kind] = f
		} else if f := notePrFormat(settings, kind); f != "" {
			n.format[kind] = f
		}
	}
	return n
}

// reference returns what the body shows where it refers to a note: its
// number, or nothing when a custom mark follows as text of its own ("*").
// A nil docxNotes marks a note with its id.
func (n *docxNotes) reference(kind, id string, custom bool) string {
	if n == nil {
		return "[" + id + "]"
	}
	key := kind + " " + id
	if l, ok := n.labels[key]; ok {
		return l
	}
	l := ""
	if !custom {
		n.count[kind]++
		l = "[" + formatNumber(n.count[kind], n.format[kind]) + "]"
	}
	n.labels[key] = l
	return l
}

// label is what opens a note: the number its reference showed, nothing
// for a custom mark (the note carries the mark as text) or for a note the
// body never refers to.
func (n *docxNotes) label(kind, id string) string {
	if n == nil {
		return "[" + id + "]"
	}
	return n.labels[kind+" "+id]
}

// maxNotePr bounds the w:footnotePr or w:endnotePr elements looked at for
// a number format.
const maxNotePr = 16

// notePrFormat is the w:numFmt of the first w:footnotePr or w:endnotePr
// (kind "footnote", "endnote") in a part that has one. Only those
// elements are decoded: the final section properties close the body, and
// the numbers are written where the body refers to its notes, before it.
func notePrFormat(raw []byte, kind string) string {
	tag := []byte(kind + "Pr")
	for i, n := 0, 0; n < maxNotePr; n++ {
		j := bytes.Index(raw[i:], tag)
		if j < 0 {
			return ""
		}
		j += i
		i = j + len(tag)
		lt := bytes.LastIndexByte(raw[:j], '<')
		// the tag must be the element's name ("<w:footnotePr"), not an
		// end tag, an attribute or text
		if lt < 0 || raw[lt+1] == '/' || bytes.ContainsAny(raw[lt+1:j], " \t\r\n\"'=<>/") {
			continue
		}
		dec := xml.NewDecoder(bytes.NewReader(raw[lt:]))
		var bound xmlDepth
		for depth := 0; ; {
			tok, err := bound.token(dec)
			if err != nil {
				break
			}
			if st, ok := tok.(xml.StartElement); ok {
				depth++
				if st.Name.Local == "numFmt" && attr(st, "val") != "" {
					return attr(st, "val")
				}
			} else if _, ok := tok.(xml.EndElement); ok {
				if depth--; depth == 0 {
					break
				}
			}
		}
	}
	return ""
}

// evenAndOddHeaders reports whether the settings ask for different
// headers on even and odd pages; otherwise Word prints no even-page ones.
func evenAndOddHeaders(settings []byte) bool {
	if !bytes.Contains(settings, []byte("evenAndOddHeaders")) {
		return false
	}
	on := false
	eachStart(settings, func(st xml.StartElement) {
		if st.Name.Local == "evenAndOddHeaders" {
			on = onOff(attr(st, "val"), true)
		}
	})
	return on
}

// docxMargins collects, section by section, the relationship ids of the
// headers and footers Word prints: the default ones, a first-page one only
// where the section has a title page (w:titlePg), even-page ones only
// when the settings ask for them. A header whose option was turned off
// stays in the package with text no reader sees.
type docxMargins struct {
	evenOdd bool
	open    bool // inside w:sectPr
	titlePg bool
	refs    [][2]string // type and id of the open section's references
	ids     []string    // in order of first use
	seen    map[string]bool
}

// section opens a section's properties.
func (m *docxMargins) section() {
	if m != nil {
		m.open, m.titlePg, m.refs = true, false, m.refs[:0]
	}
}

// reference notes a w:headerReference or w:footerReference.
func (m *docxMargins) reference(typ, id string) {
	if m != nil && m.open {
		m.refs = append(m.refs, [2]string{typ, id})
	}
}

// titlePage notes the section's w:titlePg.
func (m *docxMargins) titlePage(on bool) {
	if m != nil && m.open {
		m.titlePg = on
	}
}

// endSection keeps the references the closed section prints.
func (m *docxMargins) endSection() {
	if m == nil || !m.open {
		return
	}
	m.open = false
	for _, r := range m.refs {
		if (r[0] == "first" && !m.titlePg) || (r[0] == "even" && !m.evenOdd) || m.seen[r[1]] {
			continue
		}
		if m.seen == nil {
			m.seen = map[string]bool{}
		}
		m.seen[r[1]] = true
		m.ids = append(m.ids, r[1])
	}
}

// maxMargins bounds the bytes of header and footer parts read for one
// document: a real one is a few kilobytes, and a crafted package could
// relate thousands of large ones. Once it is spent no more are read.
const maxMargins = maxAuxPart

// margins returns the text of the headers, then the footers, the body's
// sections print, each once ("Header: CONFIDENTIAL"): a document's
// first-page, even-page and default headers, and those of its sections,
// often repeat. Their paragraphs stay on lines of their own.
func (p *docxPackage) margins(rels []docxRel, m *docxMargins, skipped *docxSkips) []string {
	var headers, footers []string
	parts, texts := map[string]bool{}, map[string]bool{}
	budget := int64(maxMargins)
	byID := make(map[string]docxRel, len(rels))
	for _, r := range rels {
		byID[r.ID] = r
	}
	for _, id := range m.ids {
		r, ok := byID[id]
		if !ok {
			continue // a dangling reference: Word prints nothing either
		}
		kind := ""
		switch {
		case strings.HasSuffix(r.Type, "/header"):
			kind = "Header"
		case strings.HasSuffix(r.Type, "/footer"):
			kind = "Footer"
		default:
			continue
		}
		if parts[r.Target] {
			continue
		}
		parts[r.Target] = true
		if budget <= 0 {
			skipped.add(r.Target, fmt.Sprintf("headers and footers over %d bytes in all", maxMargins))
			continue
		}
		raw := p.optional(r.Target, min(p.max, maxAuxPart), true, skipped)
		if raw == nil {
			continue
		}
		budget -= int64(len(raw))
		text, _, err := docxText(raw, &docxDoc{})
		if err != nil {
			skipped.add(r.Target, "damaged XML, read up to the damage")
		}
		text = strings.ReplaceAll(normalize(text), "\n\n", "\n")
		if !hasContent(text) || texts[kind+" "+text] {
			continue
		}
		texts[kind+" "+text] = true
		if kind == "Header" {
			headers = append(headers, kind+": "+text)
		} else {
			footers = append(footers, kind+": "+text)
		}
	}
	return append(headers, footers...)
}

// comments returns the reviewers' comments (word/comments.xml), each
// with its author and the body text it is anchored to:
// `Comment by Jane Doe on “liability cap” (resolved): Should this be
// higher?`, then `Reply by Tom Lee: Agreed.` for a reply. Whether a comment
// is resolved or a reply is in word/commentsExtended.xml (Word 2013 on);
// without it every comment reads as a comment of its own.
func (p *docxPackage) comments(rels []docxRel, anchors *docxAnchors, skipped *docxSkips) []string {
	name, named := relatedPart(rels, "/comments")
	raw := p.optional(name, min(p.max, maxAuxPart), named, skipped)
	if raw == nil {
		return nil
	}
	exts := p.commentsExtended(rels, skipped)
	var out []string
	dec := xml.NewDecoder(bytes.NewReader(raw))
	var depth xmlDepth
	for {
		at := dec.InputOffset()
		tok, err := depth.token(dec)
		if err != nil {
			if !errors.Is(err, io.EOF) {
				skipped.add(name, "damaged XML, read up to the damage")
			}
			return out
		}
		st, ok := tok.(xml.StartElement)
		if !ok || st.Name.Local != "comment" {
			continue
		}
		if err := depth.skip(dec); err != nil {
			skipped.add(name, "damaged XML, read up to the damage")
			return out
		}
		// the comment element on its own; its namespace prefixes stay
		// undeclared, which the decoder accepts
		text, _, _ := docxText(raw[at:dec.InputOffset()], &docxDoc{})
		text = strings.ReplaceAll(normalize(text), "\n\n", "\n")
		if !hasContent(text) {
			continue
		}
		ex := exts[lastParaID(raw[at:dec.InputOffset()])]
		head := "Comment"
		if ex.reply {
			head = "Reply"
		}
		if author := collapseSpaces(attr(st, "author")); author != "" {
			head += " by " + author
		}
		if anchor := anchors.text(attr(st, "id")); anchor != "" && !ex.reply {
			head += " on “" + anchor + "”"
		}
		if ex.done {
			head += " (resolved)"
		}
		out = append(out, head+": "+text)
	}
}

// commentEx is what word/commentsExtended.xml says of a comment, keyed by
// the paraId of the comment's last paragraph.
type commentEx struct{ reply, done bool }

func (p *docxPackage) commentsExtended(rels []docxRel, skipped *docxSkips) map[string]commentEx {
	name, named := relatedPart(rels, "/commentsExtended")
	raw := p.optional(name, min(p.max, maxAuxPart), named, skipped)
	out := map[string]commentEx{}
	eachStart(raw, func(st xml.StartElement) {
		if st.Name.Local == "commentEx" && attr(st, "paraId") != "" {
			out[attr(st, "paraId")] = commentEx{reply: attr(st, "paraIdParent") != "", done: attr(st, "done") == "1"}
		}
	})
	return out
}

// lastParaID is the paraId of the last paragraph of a comment element.
func lastParaID(comment []byte) string {
	id := ""
	eachStart(comment, func(st xml.StartElement) {
		if st.Name.Local == "p" {
			if v := attr(st, "paraId"); v != "" {
				id = v
			}
		}
	})
	return id
}

// Bounds on the comment anchors collected: the opening maxAnchor bytes of
// each, at most maxOpenAnchors ranges open at once (so a crafted body of
// overlapping ranges costs no more than that per run of text), and at
// most maxAnchors in all.
const (
	maxAnchor      = 240
	maxAnchorRunes = 60
	maxOpenAnchors = 16
	maxAnchors     = 4096
)

// paragraphEnd separates an anchor's paragraphs.
var paragraphEnd = []byte(" ")

// docxAnchors collects the body text each comment is anchored to, from
// w:commentRangeStart to w:commentRangeEnd, so that a reviewer's note
// says what it is about.
type docxAnchors struct {
	texts map[string][]byte
	open  []string
}

// start opens comment id's range.
func (a *docxAnchors) start(id string) {
	if a == nil || len(a.open) >= maxOpenAnchors || len(a.texts) >= maxAnchors {
		return
	}
	if _, ok := a.texts[id]; ok {
		return
	}
	if a.texts == nil {
		a.texts = map[string][]byte{}
	}
	a.texts[id] = nil
	a.open = append(a.open, id)
}

// end closes comment id's range.
func (a *docxAnchors) end(id string) {
	if a != nil {
		a.open = slices.DeleteFunc(a.open, func(o string) bool { return o == id })
	}
}

// write adds shown text to the open ranges.
func (a *docxAnchors) write(s []byte) {
	if a == nil {
		return
	}
	for _, id := range a.open {
		if t := a.texts[id]; len(t) < maxAnchor {
			a.texts[id] = append(t, s[:min(len(s), maxAnchor-len(t))]...)
		}
	}
}

// text is comment id's anchor as one line, shortened.
func (a *docxAnchors) text(id string) string {
	if a == nil {
		return ""
	}
	return shorten(collapseSpaces(strings.ToValidUTF8(string(a.texts[id]), "")), maxAnchorRunes)
}

// maxSkips bounds the parts docxSkips names.
const maxSkips = 8

// docxSkips names the optional parts left out of a document, and why,
// for the result's meta: "word/footnotes.xml (damaged XML, read up to the
// damage)".
type docxSkips []string

// add notes a part left out.
func (s *docxSkips) add(name, why string) {
	*s = append(*s, name+" ("+why+")")
}

// String lists the parts, the first maxSkips of them.
func (s docxSkips) String() string {
	if len(s) > maxSkips {
		return strings.Join(s[:maxSkips], "; ") + fmt.Sprintf("; and %d more", len(s)-maxSkips)
	}
	return strings.Join(s, "; ")
}

// labelNotes splits the text of a notes part (kind "footnote" or
// "endnote") into its paragraphs for the aside, a note's number, "[1]" as
// the body shows it, written out as the PDF parser writes a footnote's:
// "Footnote 1: Business days.", "Endnote i: ...", and a custom mark
// the note carries as its text likewise ("* As defined" is "Footnote *:
// As defined"). A note's later paragraphs are kept as they are.
func labelNotes(text, kind string) []string {
	var out []string
	label := strings.ToUpper(kind[:1]) + kind[1:]
	for _, p := range strings.Split(text, "\n\n") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		if m := noteLabelRe.FindStringSubmatch(p); m != nil {
			p = label + " " + m[1] + m[2] + ": " + strings.TrimSpace(p[len(m[0]):])
		}
		out = append(out, p)
	}
	return out
}

// noteLabelRe is the number or the custom mark that opens a note's text
// ("[1] ", "[iv] ", "* ").
var noteLabelRe = regexp.MustCompile(`^(?:\[([0-9A-Za-z]{1,8})\]|([*\x{2217}†‡§]{1,3}))\s`)
