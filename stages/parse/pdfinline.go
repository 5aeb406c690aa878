package parse

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/ledongthuc/pdf"
)

// An inline image (BI <dictionary> ID <binary data> EI) puts raw bytes in
// a content stream. The library's lexer reads them as tokens, fails on the
// first byte that cannot start one ("malformed hex string"), and the
// whole page was lost: a one-page letter with a logo drawn inline was
// dead-lettered as "no page could be read". The page is now read again
// without its inline images, which hold no text.

// ownPanic reports whether r is one of the page interpreter's own stops
// (budgets, abandonment), which must end the page rather than start a
// second reading.
func ownPanic(r any) bool {
	err, ok := r.(error)
	return ok && (errors.Is(err, errStopped) || errors.Is(err, errTooMany) || errors.Is(err, errInflated) || errors.Is(err, errTextFull))
}

// streamBytes is the decoded content of strm, a stream or an array of
// them read as one, as the library's Interpret reads it.
func streamBytes(strm pdf.Value) ([]byte, error) {
	var b bytes.Buffer
	for _, p := range streamParts(strm) {
		if p.Kind() != pdf.Stream {
			continue
		}
		rd := p.Reader()
		_, err := io.Copy(&b, rd)
		rd.Close()
		if err != nil {
			return nil, err
		}
		b.WriteByte('\n') // streams of an array are separated as if by white space
	}
	return b.Bytes(), nil
}

// streamParts are the streams of a content stream given as one stream or
// an array of them.
func streamParts(strm pdf.Value) []pdf.Value {
	if strm.Kind() != pdf.Array {
		return []pdf.Value{strm}
	}
	parts := make([]pdf.Value, 0, strm.Len())
	for i := 0; i < strm.Len(); i++ {
		parts = append(parts, strm.Index(i))
	}
	return parts
}

// rawStream makes data a stream value the library can interpret: the one
// object of a minimal PDF held in memory (the library makes values only
// from files it reads).
func rawStream(data []byte) (pdf.Value, error) {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	obj := b.Len()
	fmt.Fprintf(&b, "1 0 obj\n<< /Length %d >>\nstream\n", len(data))
	b.Write(data)
	b.WriteString("\nendstream\nendobj\n")
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 2\n0000000000 65535 f \n%010d 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", obj, xref)
	r, err := pdf.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		return pdf.Value{}, err
	}
	v := r.Trailer().Key("Root")
	if v.Kind() != pdf.Stream {
		return pdf.Value{}, errors.New("content stream without inline images: not read back")
	}
	return v, nil
}

// withoutInlineImages returns content without its inline images, and
// whether it had any. It reads the content's tokens as the lexer does,
// so that "BI" inside a string or a comment is no image.
func withoutInlineImages(content []byte) ([]byte, bool) {
	var out []byte
	last, found := 0, false
	for i := 0; i < len(content); {
		c := content[i]
		switch {
		case c == '%':
			i = lineEnd(content, i)
		case c == '(':
			i = literalEnd(content, i)
		case c == '<' && (i+1 >= len(content) || content[i+1] != '<'):
			if k := bytes.IndexByte(content[i:], '>'); k >= 0 {
				i += k + 1
			} else {
				i = len(content)
			}
		case isRegularByte(c):
			j := tokenEnd(content, i)
			if string(content[i:j]) == "BI" && (i == 0 || !isRegularByte(content[i-1])) {
				if end, ok := inlineImageEnd(content, j); ok {
					out = append(out, content[last:i]...)
					last, i, found = end, end, true
					continue
				}
			}
			i = j
		default:
			i++
		}
	}
	if !found {
		return content, false
	}
	return append(out, content[last:]...), true
}

// inlineImageEnd is where the inline image whose dictionary starts at
// content[from:] ends, just past its "EI".
func inlineImageEnd(content []byte, from int) (int, bool) {
	i := from
	for i < len(content) {
		c := content[i]
		if !isRegularByte(c) {
			i++
			continue
		}
		j := tokenEnd(content, i)
		if string(content[i:j]) != "ID" {
			i = j
			continue
		}
		// the data starts after one white-space byte and ends at an "EI"
		// between white space (or the end)
		for k := j + 1; k+2 <= len(content); k++ {
			if content[k] == 'E' && content[k+1] == 'I' && isSpaceByte(content[k-1]) &&
				(k+2 == len(content) || !isRegularByte(content[k+2])) {
				return k + 2, true
			}
		}
		return 0, false
	}
	return 0, false
}

func lineEnd(b []byte, i int) int {
	for i < len(b) && b[i] != '\n' && b[i] != '\r' {
		i++
	}
	return i
}

// literalEnd is the end of the string literal opening at b[i], with its
// nested parentheses and escapes.
func literalEnd(b []byte, i int) int {
	depth := 0
	for ; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return i + 1
			}
		}
	}
	return len(b)
}

func tokenEnd(b []byte, i int) int {
	for i < len(b) && isRegularByte(b[i]) {
		i++
	}
	return i
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

// isRegularByte is a byte of a token: neither white space nor a PDF
// delimiter.
func isRegularByte(c byte) bool {
	return !isSpaceByte(c) && bytes.IndexByte([]byte("()<>[]{}/%"), c) < 0
}
