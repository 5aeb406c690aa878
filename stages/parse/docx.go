package parse

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Zip-bomb guards for DOCX: a part may not inflate past the size limit, the
// archive may not hold absurdly many entries, and the declared total may
// not exceed a ratio of the compressed size.
const (
	maxZipEntries = 10000
	maxZipRatio   = 200
)

var errTooLarge = errors.New("decompressed size over the limit")

// extractDOCX reads word/document.xml: each paragraph becomes a line and
// paragraphs are separated by blank lines, tabs and breaks are kept, tables
// come out one cell paragraph per line. The title is docProps/core.xml's
// dc:title, else the first Title or Heading paragraph.
func extractDOCX(data []byte, lim Limits) (*extracted, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, permanent("", "corrupt DOCX (not a readable ZIP archive)", err)
	}
	if len(zr.File) > maxZipEntries {
		return nil, permanent("", fmt.Sprintf("DOCX has %d entries, over the limit of %d", len(zr.File), maxZipEntries), nil)
	}
	var body, core *zip.File
	var declared uint64
	for _, f := range zr.File {
		declared += f.UncompressedSize64
		switch f.Name {
		case "word/document.xml":
			body = f
		case "docProps/core.xml":
			core = f
		}
	}
	if body == nil {
		return nil, permanent("", "DOCX without word/document.xml", nil)
	}
	if declared > uint64(len(data))*maxZipRatio && declared > uint64(lim.MaxBytes) {
		return nil, permanent("", "DOCX looks like a zip bomb (declared size far over the limit)", nil)
	}
	raw, err := readZipPart(body, lim.MaxBytes)
	if err != nil {
		return nil, permanent("", "cannot read DOCX body", err)
	}
	text, heading, err := docxText(raw)
	if err != nil {
		return nil, permanent("", "corrupt DOCX body XML", err)
	}
	title := heading
	if core != nil {
		if raw, err := readZipPart(core, 1<<20); err == nil {
			if t := coreTitle(raw); t != "" {
				title = t
			}
		}
	}
	return &extracted{text: normalize(text), title: collapseSpaces(title), encoding: encUTF8}, nil
}

// readZipPart reads a zip entry, failing once it inflates past max bytes
// whatever its header claims.
func readZipPart(f *zip.File, max int64) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", f.Name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, max+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", f.Name, err)
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%s: %w (%d bytes)", f.Name, errTooLarge, max)
	}
	return b, nil
}

// docxText walks the WordprocessingML body and returns its text and the
// first Title/Heading paragraph.
func docxText(raw []byte) (string, string, error) {
	dec := xml.NewDecoder(bytes.NewReader(raw))
	var b, para strings.Builder
	heading := ""
	inText, isHeading := false, false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", "", fmt.Errorf("document.xml: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "p":
				para.Reset()
				isHeading = false
			case "t":
				inText = true
			case "tab":
				para.WriteByte('\t')
			case "br", "cr":
				para.WriteByte('\n')
			case "pStyle":
				isHeading = isHeadingStyle(attr(t, "val"))
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				line := strings.TrimSpace(para.String())
				if line == "" {
					continue
				}
				if isHeading && heading == "" {
					heading = line
				}
				b.WriteString(line)
				b.WriteString("\n\n")
			}
		case xml.CharData:
			if inText {
				para.Write(t)
			}
		}
	}
	return b.String(), heading, nil
}

// isHeadingStyle reports whether a paragraph style id names a title or
// heading ("Title", "Heading1", "heading 2", localised ids keep the digit).
func isHeadingStyle(id string) bool {
	l := strings.ToLower(strings.ReplaceAll(id, " ", ""))
	return l == "title" || strings.HasPrefix(l, "heading") || strings.HasPrefix(l, "berschrift") || strings.HasPrefix(l, "titre")
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// coreTitle returns dc:title from docProps/core.xml.
func coreTitle(raw []byte) string {
	dec := xml.NewDecoder(bytes.NewReader(raw))
	in := false
	for {
		tok, err := dec.Token()
		if err != nil {
			return ""
		}
		switch t := tok.(type) {
		case xml.StartElement:
			in = t.Name.Local == "title"
		case xml.EndElement:
			in = false
		case xml.CharData:
			if in {
				if s := strings.TrimSpace(string(t)); s != "" {
					return s
				}
			}
		}
	}
}
