package parse

import (
	"bytes"
	"encoding/xml"
	"errors"
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
	for int64(b.Len()) <= lim.MaxBytes {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
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

// xmlEncodingRe is the encoding of an XML declaration.
var xmlEncodingRe = regexp.MustCompile(`(?i)encoding\s*=\s*["'][^"']*["']`)

// looksXML reports whether text starts with an XML declaration (and is
// not XHTML, which looksHTML takes first).
func looksXML(text string) bool {
	return strings.HasPrefix(strings.TrimSpace(text[:min(len(text), 64)]), "<?xml")
}
