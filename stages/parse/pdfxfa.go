package parse

import (
	"encoding/xml"
	"io"
	"regexp"
	"strings"

	"github.com/ledongthuc/pdf"
)

// A dynamic XFA form (Adobe LiveCycle) keeps its content in XML packets of
// the AcroForm's /XFA entry; its pages show only a placeholder telling the
// reader to open it in Adobe Reader, which docmill took for the text: a
// government form became a one-paragraph "contract". The form's text is
// now read from its template (captions, static text) and its data (the
// values filled in).

// xfaPlaceholderRe is the text a dynamic XFA form's pages show instead of
// the form.
var xfaPlaceholderRe = regexp.MustCompile(`(?i)requires Adobe Reader \d|not eventually replaced by the proper contents of the document|To view the full contents of this document, you need a later version of the PDF viewer`)

// reasonXFA is the dead letter of a dynamic XFA form with no text.
const reasonXFA = "PDF is a dynamic XFA form with no text or filled-in values docmill can read (its pages show only Adobe's placeholder)"

// xfaPackets are the XFA packets that hold what a reader sees: the
// template's captions and text, and the data filled in.
var xfaPackets = map[string]bool{"template": true, "datasets": true}

// xfaSkip are template elements whose character data is no visible text.
var xfaSkip = map[string]bool{"script": true, "picture": true, "bind": true, "validate": true, "calculate": true,
	"event": true, "occur": true, "font": true, "margin": true, "para": true, "border": true, "edge": true,
	"color": true, "fill": true, "desc": true, "extras": true, "setProperty": true, "variables": true, "connect": true, "image": true, "exObject": true, "assist": true}

// xfaText is the text of r's XFA form, at most max bytes; ok is false when
// r has none.
func xfaText(r *pdf.Reader, max int) (text string, ok bool) {
	x, err := safeCall(func() pdf.Value { return r.Trailer().Key("Root").Key("AcroForm").Key("XFA") })
	if err != nil || x.IsNull() {
		return "", false
	}
	var b strings.Builder
	read := func(v pdf.Value) {
		if _, err := safeCall(func() struct{} { xfaPacketText(v.Reader(), &b, max); return struct{}{} }); err != nil {
			return // a damaged packet: what was read stays
		}
	}
	switch x.Kind() {
	case pdf.Stream:
		read(x)
	case pdf.Array:
		for i := 0; i+1 < x.Len() && i < 200; i += 2 {
			if xfaPackets[x.Index(i).Text()] {
				read(x.Index(i + 1))
			}
		}
	default:
		return "", false
	}
	return strings.TrimSpace(b.String()), true
}

// xfaInline are the rich-text elements (XHTML in exData) inside a line.
var xfaInline = map[string]bool{"span": true, "b": true, "i": true, "u": true, "a": true, "sub": true, "sup": true, "em": true, "strong": true}

// xfaPacketText writes the visible text of one XFA packet (or a whole XDP
// document) to b, a line per element, until b holds max bytes.
func xfaPacketText(rd io.Reader, b *strings.Builder, max int) {
	d := xml.NewDecoder(io.LimitReader(rd, int64(max)*8+1<<20))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	skip := 0 // depth inside an element of xfaSkip or a packet that holds no text
	var line strings.Builder
	flush := func() {
		if s := strings.Join(strings.Fields(line.String()), " "); s != "" {
			b.WriteString(s)
			b.WriteByte('\n')
		}
		line.Reset()
	}
	defer flush()
	for b.Len()+line.Len() < max {
		tok, err := d.Token()
		if err != nil {
			return // the end, or damaged XML: what was read stays
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skip > 0 || xfaSkip[t.Name.Local] || t.Name.Local == "config" || t.Name.Local == "localeSet" || t.Name.Local == "xmpmeta" {
				skip++
			} else if !xfaInline[t.Name.Local] {
				flush()
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
			} else if !xfaInline[t.Name.Local] {
				flush()
			}
		case xml.CharData:
			if skip == 0 {
				line.Write(t)
			}
		}
	}
}
