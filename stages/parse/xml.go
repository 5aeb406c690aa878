package parse

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"

	"golang.org/x/net/html/charset"
)

// extractXML reads the text of a generic XML document (an invoice, a
// SOAP message, an export): the text of each element on a line of its
// own, markup, comments and processing instructions left out, decoded in
// the encoding its declaration names.
func extractXML(data []byte, lim Limits) (*extracted, error) {
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
				return nil, permanent("", "corrupt XML", err)
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

// looksXML reports whether text starts with an XML declaration (and is
// not XHTML, which looksHTML takes first).
func looksXML(text string) bool {
	return strings.HasPrefix(strings.TrimSpace(text[:min(len(text), 64)]), "<?xml")
}
