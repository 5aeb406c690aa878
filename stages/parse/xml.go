package parse

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"golang.org/x/net/html/charset"
)

// extractXML reads the text of a generic XML document (an invoice, a
// SOAP message, an export): the text of each element on a line of its
// own, markup, comments and processing instructions left out, decoded in
// the encoding its declaration names.
func extractXML(data []byte, lim Limits) (*extracted, error) {
	if enc := utf16Of(data); enc != "" {
		// Windows tools write UTF-16 XML, which encoding/xml cannot read:
		// decode it, and let the declaration say what the bytes now are
		text, _ := decode(data)
		data = []byte(xmlEncodingRe.ReplaceAllString(text, `encoding="UTF-8"`))
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.CharsetReader = charset.NewReaderLabel
	dec.Strict = false
	var b strings.Builder
	var depth xmlDepth
	for int64(b.Len()) <= lim.MaxBytes {
		tok, err := depth.token(dec)
		if errors.Is(err, io.EOF) {
			break
		}
		if errors.Is(err, errXMLTooDeep) {
			return nil, permanent("", "corrupt XML", err)
		}
		if err != nil {
			if b.Len() == 0 {
				// not well-formed from the start: read it as text
				text, enc := decode(data)
				return &extracted{text: normalize(text), encoding: enc}, nil
			}
			break // a damaged tail costs the tail
		}
		if cd, ok := tok.(xml.CharData); ok {
			if t := strings.Join(strings.Fields(string(cd)), " "); t != "" {
				b.WriteString(t)
				b.WriteString("\n")
			}
		}
	}
	return &extracted{text: normalize(b.String()), encoding: encUTF8}, nil
}

// maxXMLDepth bounds how deep elements may nest in the XML docmill reads
// (the limit encoding/xml sets for Unmarshal): the decoder keeps every
// open element, so 60 MiB of "<w:p>" start tags, a 90 KB DOCX, held
// 2.5 GB, and 20 million "<a>", 58 KB gzipped, 2.2 GB. Word nests a few
// dozen deep.
const maxXMLDepth = 10000

// errXMLTooDeep is XML nested deeper than maxXMLDepth.
var errXMLTooDeep = fmt.Errorf("elements nested more than %d deep", maxXMLDepth)

// xmlDepth counts the elements open in a decoder's token stream.
type xmlDepth int

// token is dec.Token, failing with errXMLTooDeep once more than
// maxXMLDepth elements are open.
func (d *xmlDepth) token(dec *xml.Decoder) (xml.Token, error) {
	tok, err := dec.Token()
	switch tok.(type) {
	case xml.StartElement:
		if *d++; *d > maxXMLDepth {
			return nil, errXMLTooDeep
		}
	case xml.EndElement:
		*d--
	}
	return tok, err
}

// skip is dec.Skip within maxXMLDepth: it reads to the end of the element
// whose start was the last token read.
func (d *xmlDepth) skip(dec *xml.Decoder) error {
	open := *d - 1
	for *d > open {
		if _, err := d.token(dec); err != nil {
			return err
		}
	}
	return nil
}

// xmlEncodingRe is the encoding of an XML declaration.
var xmlEncodingRe = regexp.MustCompile(`(?i)encoding\s*=\s*["'][^"']*["']`)

// looksXML reports whether text starts with an XML declaration (and is
// not XHTML, which looksHTML takes first).
func looksXML(text string) bool {
	return strings.HasPrefix(strings.TrimSpace(text[:min(len(text), 64)]), "<?xml")
}
