package parse

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// docxPackage is an OOXML package's parts and the relationships that tie
// them: Word names its main part word/document.xml, but a package may use
// another name (Office 365 downloads use word/document2.xml), and the
// main part's own relationships name its numbering, styles, notes and
// embedded chunks.
type docxPackage struct {
	parts map[string]*zip.File
	max   int64
}

// mainPart is the target of the package's officeDocument relationship,
// else word/document.xml; "" when neither exists.
func (p *docxPackage) mainPart() string {
	for _, r := range p.rels("") {
		if strings.HasSuffix(r.Type, "/officeDocument") && p.parts[r.Target] != nil {
			return r.Target
		}
	}
	if p.parts["word/document.xml"] != nil {
		return "word/document.xml"
	}
	return ""
}

// docxRel is one relationship, its target resolved to a part name.
type docxRel struct {
	ID, Type, Target string
}

// rels reads the relationships of part ("" for the package's own), with
// internal targets resolved against the part's folder. A missing or
// damaged relationships part yields none.
func (p *docxPackage) rels(part string) []docxRel {
	name := "_rels/.rels"
	if part != "" {
		name = path.Join(path.Dir(part), "_rels", path.Base(part)+".rels")
	}
	f := p.parts[name]
	if f == nil {
		return nil
	}
	raw, err := readZipPart(f, 1<<20)
	if err != nil {
		return nil
	}
	var out []docxRel
	eachStart(raw, func(st xml.StartElement) {
		if st.Name.Local != "Relationship" || attr(st, "TargetMode") == "External" {
			return
		}
		t := attr(st, "Target")
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join(path.Dir(part), t)
		}
		out = append(out, docxRel{ID: attr(st, "Id"), Type: attr(st, "Type"), Target: t})
	})
	return out
}

// related is the part the main part relates to by a relationship type
// ending in kind ("/styles"), else fallback.
func related(rels []docxRel, kind, fallback string) string {
	for _, r := range rels {
		if strings.HasSuffix(r.Type, kind) {
			return r.Target
		}
	}
	return fallback
}

// read returns a part's bytes, nil when it is missing or unreadable.
func (p *docxPackage) read(name string) []byte { return p.readWithin(name, p.max) }

// maxAuxPart bounds the parts a document only consults (styles,
// numbering): a real one is well under a megabyte, and a crafted one of
// millions of list definitions took gigabytes to index.
const maxAuxPart = 8 << 20

// readAux returns a consulted part's bytes, nil when it is missing,
// unreadable or over maxAuxPart.
func (p *docxPackage) readAux(name string) []byte { return p.readWithin(name, min(p.max, maxAuxPart)) }

// readWithin returns a part's bytes, nil when it is missing, unreadable
// or over max bytes.
func (p *docxPackage) readWithin(name string, max int64) []byte {
	b, _ := p.readPart(name, max)
	return b
}

// errNoPart is a part the package does not hold.
var errNoPart = errors.New("no such part")

// readPart returns a part's bytes, or why it cannot: errNoPart,
// errTooLarge past max bytes, or a damaged entry.
func (p *docxPackage) readPart(name string, max int64) ([]byte, error) {
	f := p.parts[name]
	if f == nil {
		return nil, fmt.Errorf("%s: %w", name, errNoPart)
	}
	return readZipPart(f, max)
}

// xmlDeclEncodingRe is the encoding an XML declaration names.
var xmlDeclEncodingRe = regexp.MustCompile(`^(<\?xml[^>]*?\bencoding\s*=\s*["'])[^"']*(["'])`)

// xmlAsUTF8 returns an XML part in UTF-8: one in UTF-16 (marked by its
// byte-order mark, or by the zero bytes of "<?" in it), which XML allows
// and some converters write, is transcoded and its declaration says
// UTF-8; Go's XML decoder reads nothing else. Other parts are returned as
// they are.
func xmlAsUTF8(b []byte) []byte {
	var enc encoding.Encoding
	switch {
	case bytes.HasPrefix(b, []byte{0xff, 0xfe}), bytes.HasPrefix(b, []byte("<\x00?\x00")):
		enc = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	case bytes.HasPrefix(b, []byte{0xfe, 0xff}), bytes.HasPrefix(b, []byte("\x00<\x00?")):
		enc = unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	default:
		return b
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return b
	}
	return xmlDeclEncodingRe.ReplaceAll(out, []byte("${1}UTF-8${2}"))
}

// optional reads a part the document can do without, nil when it cannot.
// Why not is noted in skipped, except for a part that is simply absent
// and that no relationship named: most documents have no footnotes.
func (p *docxPackage) optional(name string, max int64, named bool, skipped *docxSkips) []byte {
	b, err := p.readPart(name, max)
	switch {
	case err == nil:
		return b
	case errors.Is(err, errNoPart):
		if named {
			skipped.add(name, "missing")
		}
	case errors.Is(err, errTooLarge):
		skipped.add(name, fmt.Sprintf("over the %d-byte limit", max))
	default:
		skipped.add(name, "unreadable")
	}
	return nil
}

// relatedPart is the part the main part relates to by a relationship type
// ending in kind ("/footnotes"), and whether a relationship named it;
// else the part Word would name word/<kind>.xml.
func relatedPart(rels []docxRel, kind string) (string, bool) {
	for _, r := range rels {
		if strings.HasSuffix(r.Type, kind) {
			return r.Target, true
		}
	}
	return "word" + kind + ".xml", false
}

// isWordPackage reports whether a ZIP archive's content types declare a
// WordprocessingML main part (document, macro-enabled document, template).
func isWordPackage(zr *zip.Reader) bool {
	for _, f := range zr.File {
		if f.Name != "[Content_Types].xml" {
			continue
		}
		raw, err := readZipPart(f, 1<<20)
		if err != nil {
			return false
		}
		return bytes.Contains(raw, []byte("wordprocessingml.document.main")) ||
			bytes.Contains(raw, []byte("wordprocessingml.template.main")) ||
			bytes.Contains(raw, []byte("ms-word.document.macroEnabled.main")) ||
			bytes.Contains(raw, []byte("ms-word.template.macroEnabledTemplate.main"))
	}
	return false
}

// altChunkText is the text of an embedded chunk (w:altChunk): HTML, plain
// text, RTF or a nested DOCX that Word renders in place. Software that
// generates documents uses chunks to drop in a report; other kinds (MHT)
// are left out.
func (p *docxPackage) altChunkText(target string, lim Limits, depth int) string {
	raw := p.read(target)
	if raw == nil {
		return ""
	}
	var ex *extracted
	switch strings.ToLower(path.Ext(target)) {
	case ".htm", ".html", ".xhtml":
		text, _ := decodeDeclared(raw, "", true)
		ex = extractHTML(text)
	case ".txt":
		text, _ := decode(raw)
		ex = &extracted{text: normalize(text)}
	case ".rtf":
		ex, _ = extractRTF(raw, lim)
	case ".docx", ".docm":
		if depth < 2 {
			ex, _ = extractDOCXDepth(raw, lim, depth+1)
		}
	}
	if ex == nil {
		return ""
	}
	return ex.text
}

// docxChunks gives the text of a body's embedded chunks (w:altChunk):
// each chunk part is read once, and their text together stays within the
// document size limit, which nested packages share. Each reference used to
// inflate and extract its chunk anew: a 180 KB DOCX referring 2,000 times
// to one 60 MiB chunk grew past 7 GB, still growing after its parse had
// timed out.
type docxChunks struct {
	pkg   *docxPackage
	rels  []docxRel
	lim   Limits
	depth int
	texts map[string]string // chunk part -> its text
	left  int64             // bytes of chunk text still allowed
	over  string            // the first chunk left out for want of budget
}

// text is the text of the chunk the relationship id names, "" when there
// is none or it is over the budget.
func (c *docxChunks) text(id string) string {
	target := ""
	for _, r := range c.rels {
		if r.ID == id && strings.HasSuffix(r.Type, "/aFChunk") {
			target = r.Target
			break
		}
	}
	if target == "" || c.left <= 0 {
		c.skip(target)
		return ""
	}
	t, ok := c.texts[target]
	if !ok {
		lim := c.lim
		lim.MaxBytes = c.left // a nested package's chunks come out of the same budget
		t = c.pkg.altChunkText(target, lim, c.depth)
		if c.texts == nil {
			c.texts = map[string]string{}
		}
		c.texts[target] = t
	}
	if int64(len(t)) > c.left {
		c.skip(target)
		return ""
	}
	c.left -= int64(len(t))
	return t
}

// skip notes the first chunk left out for want of budget.
func (c *docxChunks) skip(target string) {
	if target != "" && c.over == "" {
		c.over = target
	}
}

// docxStyleNames maps paragraph style ids to their names: localised Word
// writes ids such as "1" or "a3" for the styles named "heading 1" and
// "Title".
func docxStyleNames(styles []byte) map[string]string {
	names := map[string]string{}
	id := ""
	eachStart(styles, func(st xml.StartElement) {
		switch st.Name.Local {
		case "style":
			id = attr(st, "styleId")
		case "name":
			if id != "" {
				names[id] = attr(st, "val")
			}
		}
	})
	return names
}

// docxBold is what styles.xml says about bold: per style id, the bold
// its run properties set, their own or those of the styles they are
// based on (only styles that set it); the default paragraph style's id;
// and the document defaults' (w:docDefaults). A heading set in bold by a
// character style ("Strong"), by its paragraph style, by the default
// paragraph style or by the document defaults shows bold with no w:b on
// its runs.
type docxBold struct {
	styles map[string]bool
	para   string
	def    bool
}

// run reports whether a run with character style char (its w:rStyle, ""
// for none) in a paragraph of style para shows bold when it sets no w:b
// of its own: the character style's, else the paragraph style's (the
// default paragraph style's when it names none), else the defaults'.
func (b docxBold) run(char, para string) bool {
	if v, ok := b.styles[char]; ok && char != "" {
		return v
	}
	if para == "" {
		para = b.para
	}
	if v, ok := b.styles[para]; ok && para != "" {
		return v
	}
	return b.def
}

// docxBoldStyles reads docxBold from styles.xml.
func docxBoldStyles(styles []byte) docxBold {
	r := docxStyleBold(styles)
	bold := docxBold{styles: map[string]bool{}, para: r.para, def: r.def}
	for _, ids := range []map[string]bool{keysOf(r.own), keysOf(r.base)} {
		for id := range ids {
			if v, ok := styleSetsBold(id, r.own, r.base); ok {
				bold.styles[id] = v
			}
		}
	}
	return bold
}

// styleSetsBold follows style id's basedOn links to the first style that
// sets w:b or not, and reports whether one did; a loop, or a chain deeper
// than Word writes, is cut short.
func styleSetsBold(id string, own map[string]bool, base map[string]string) (bool, bool) {
	for s, n := id, 0; s != "" && n < maxStyleChain; s, n = base[s], n+1 {
		if b, ok := own[s]; ok {
			return b, true
		}
	}
	return false, false
}

// keysOf returns the set of m's keys.
func keysOf[V any](m map[string]V) map[string]bool {
	keys := make(map[string]bool, len(m))
	for k := range m {
		keys[k] = true
	}
	return keys
}

// maxStyleChain bounds the basedOn links followed from one style.
const maxStyleChain = 16

// styleBold is what docxStyleBold reads from styles.xml.
type styleBold struct {
	own  map[string]bool   // style id -> the w:b of its own run properties, where set
	base map[string]string // style id -> the id of the style it is based on
	para string            // the default paragraph style's id
	def  bool              // the document defaults' w:b
}

// docxStyleBold reads, per style id, the w:b of the style's own run
// properties where it sets one (not a table style's conditional ones),
// and the id of the style it is based on; the default paragraph style;
// and the w:b of the document defaults' run properties.
func docxStyleBold(styles []byte) styleBold {
	r := styleBold{own: map[string]bool{}, base: map[string]string{}}
	dec := xml.NewDecoder(bytes.NewReader(styles))
	var depth xmlDepth
	var path []string // the open elements' local names
	id := ""
	for {
		tok, err := depth.token(dec)
		if err != nil {
			return r // a damaged part yields what precedes the damage
		}
		switch t := tok.(type) {
		case xml.StartElement:
			path = append(path, t.Name.Local)
			switch {
			case under(path, "docDefaults", "rPrDefault", "rPr", "b"):
				r.def = onOff(attr(t, "val"), true)
			case t.Name.Local == "style":
				id = attr(t, "styleId")
				if attr(t, "type") == "paragraph" && onOff(attr(t, "default"), false) && r.para == "" {
					r.para = id
				}
			case id == "":
			case under(path, "style", "basedOn"):
				r.base[id] = attr(t, "val")
			case under(path, "style", "rPr", "b"):
				r.own[id] = onOff(attr(t, "val"), true)
			}
		case xml.EndElement:
			if len(path) > 0 {
				path = path[:len(path)-1]
			}
		}
	}
}

// under reports whether the open elements in path end with names.
func under(path []string, names ...string) bool {
	return len(path) >= len(names) && slices.Equal(path[len(path)-len(names):], names)
}
