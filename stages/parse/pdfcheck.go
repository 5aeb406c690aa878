package parse

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
)

// ledongthuc/pdf sizes tables from numbers in the file (xref subsection
// ranges, the xref stream's /Size, /W and /Index, predictor /Columns)
// before checking them, so
// a crafted or corrupt file can make it allocate tens of gigabytes: that
// is a fatal runtime error that recover cannot catch. precheckPDF rejects
// such numbers, and absurd bracket nesting (fatal stack overflow), before
// the library sees the file.

var (
	reSize  = regexp.MustCompile(`/Size\s+(\d+)`)
	reW     = regexp.MustCompile(`/W\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s*\]`)
	reIndex = regexp.MustCompile(`/Index\s*\[([\d\s]+)\]`)
	reCols  = regexp.MustCompile(`/Columns\s+(\d+)`)
)

// maxNesting bounds '[' and '<<' nesting in the raw bytes.
const maxNesting = 2000

// precheckPDF returns an error when data holds numbers or nesting that
// would make the library allocate or recurse without bound.
func precheckPDF(data []byte) error {
	maxObj := int64(len(data))/8 + 100_000
	if err := checkXrefTables(data, maxObj); err != nil {
		return err
	}
	for _, m := range reSize.FindAllSubmatch(data, -1) {
		if n, err := strconv.ParseInt(string(m[1]), 10, 64); err != nil || n > maxObj {
			return fmt.Errorf("/Size %s is larger than a file of %d bytes can hold", m[1], len(data))
		}
	}
	for _, m := range reW.FindAllSubmatch(data, -1) {
		for _, g := range m[1:] {
			if n, err := strconv.ParseInt(string(g), 10, 64); err != nil || n > 1<<20 {
				return fmt.Errorf("xref stream field width %s is absurd", g)
			}
		}
	}
	for _, m := range reCols.FindAllSubmatch(data, -1) {
		// The PNG predictor allocates two rows of /Columns bytes.
		if n, err := strconv.ParseInt(string(m[1]), 10, 64); err != nil || n > 1<<24 {
			return fmt.Errorf("predictor /Columns %s is absurd", m[1])
		}
	}
	for _, m := range reIndex.FindAllSubmatch(data, -1) {
		f := bytes.Fields(m[1])
		for i := 0; i+1 < len(f); i += 2 {
			start, err1 := strconv.ParseInt(string(f[i]), 10, 64)
			count, err2 := strconv.ParseInt(string(f[i+1]), 10, 64)
			if err1 != nil || err2 != nil || start+count > maxObj {
				return fmt.Errorf("xref stream /Index range %s %s is larger than the file can hold", f[i], f[i+1])
			}
		}
	}
	if err := checkPrevChain(data); err != nil {
		return err
	}
	return checkNesting(data)
}

var (
	reStartxref = regexp.MustCompile(`startxref\s+(\d+)`)
	rePrev      = regexp.MustCompile(`/Prev\s+(\d+)(\s+\d+\s+R)?`)
)

// maxXrefSections bounds the chain of cross-reference sections (one per
// incremental update) a file may link with /Prev.
const maxXrefSections = 10_000

// checkPrevChain follows the cross-reference sections from the last
// startxref through their /Prev links: the library follows them without
// remembering where it has been, so a /Prev that points back (a 644-byte
// file) held a CPU for good. Each section's /Prev is the first one after
// its offset (in a classic table's trailer, or an xref stream's
// dictionary).
func checkPrevChain(data []byte) error {
	all := reStartxref.FindAllSubmatch(data, -1)
	if len(all) == 0 {
		return nil
	}
	off, err := strconv.Atoi(string(all[len(all)-1][1]))
	if err != nil {
		return nil
	}
	seen := map[int]bool{}
	for range maxXrefSections {
		if off <= 0 || off >= len(data) {
			return nil // the library says what is wrong with that
		}
		if seen[off] {
			return fmt.Errorf("cross-reference sections link back to offset %d (/Prev loop)", off)
		}
		seen[off] = true
		end := bytes.Index(data[off:], []byte("startxref"))
		if end < 0 {
			return nil
		}
		// the first /Prev after the offset is the section's own (a table
		// holds none; an outline item's "/Prev 3 0 R" is a reference); a
		// later one may be the next section's, which has no startxref of
		// its own between them
		prev := -1
		for _, m := range rePrev.FindAllSubmatch(data[off:off+end], -1) {
			if len(m[2]) == 0 {
				prev, _ = strconv.Atoi(string(m[1]))
				break
			}
		}
		if prev < 0 {
			return nil
		}
		off = prev
	}
	return fmt.Errorf("more than %d cross-reference sections", maxXrefSections)
}

// checkXrefTables validates the subsection headers ("start count") of
// every classic xref table.
func checkXrefTables(data []byte, maxObj int64) error {
	for off := 0; ; {
		i := bytes.Index(data[off:], []byte("xref"))
		if i < 0 {
			return nil
		}
		pos := off + i
		off = pos + 4
		if pos >= 5 && string(data[pos-5:pos]) == "start" {
			continue
		}
		if err := checkSubsections(data[off:], maxObj); err != nil {
			return err
		}
	}
}

// checkSubsections reads "start count" headers and skips their entries
// until "trailer" or something that is not an xref table.
func checkSubsections(b []byte, maxObj int64) error {
	for {
		start, rest, ok := pdfInt(b)
		if !ok {
			return nil
		}
		count, rest2, ok := pdfInt(rest)
		if !ok {
			return nil
		}
		if start < 0 || count < 0 || start+count > maxObj {
			return fmt.Errorf("xref subsection %d+%d is larger than the file can hold", start, count)
		}
		b = rest2
		for range count * 3 {
			b = skipToken(b)
			if len(b) == 0 {
				return nil
			}
		}
	}
}

// pdfInt reads a non-negative integer token after optional whitespace.
func pdfInt(b []byte) (int64, []byte, bool) {
	b = bytes.TrimLeft(b, " \t\r\n\f\x00")
	n := 0
	for n < len(b) && n < 19 && b[n] >= '0' && b[n] <= '9' {
		n++
	}
	if n == 0 || n < len(b) && b[n] >= '0' && b[n] <= '9' {
		return 0, b, false
	}
	v, err := strconv.ParseInt(string(b[:n]), 10, 64)
	return v, b[n:], err == nil
}

func skipToken(b []byte) []byte {
	b = bytes.TrimLeft(b, " \t\r\n\f\x00")
	i := bytes.IndexAny(b, " \t\r\n\f\x00")
	if i < 0 {
		return nil
	}
	return b[i:]
}

// checkNesting rejects '[' or '<<' nested deeper than maxNesting. Binary
// stream data has brackets at random, which cancel out; crafted nesting
// does not.
func checkNesting(data []byte) error {
	depth := 0
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '[':
			depth++
		case '<':
			if i+1 < len(data) && data[i+1] == '<' {
				depth++
				i++
			}
		case ']':
			depth = max(depth-1, 0)
		case '>':
			if i+1 < len(data) && data[i+1] == '>' {
				depth = max(depth-1, 0)
				i++
			}
		}
		if depth > maxNesting {
			return fmt.Errorf("arrays or dictionaries nested deeper than %d", maxNesting)
		}
	}
	return nil
}
