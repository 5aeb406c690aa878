package parse

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
)

// The most common PDF damage is a broken cross-reference table: a file cut
// short, offsets shifted by a text-mode transfer, a missing startxref. The
// objects themselves are intact, so, like pdf.js and poppler, docmill can
// find them by scanning for "N G obj" and rebuild the table. repairPDF
// appends a fresh xref table and trailer to a copy of the file; ledongthuc
// then reads the new table, which points at every object found.

var (
	reObjHead = regexp.MustCompile(`(?:^|[\r\n\t \x00])(\d{1,10})[\r\n\t \x00]+(\d{1,5})[\r\n\t \x00]+obj\b`)
	reStream  = regexp.MustCompile(`>>[\r\n\t \x00]*stream(?:\r\n|\n|\r)`)
	reLength  = regexp.MustCompile(`/Length[\r\n\t \x00]*(\d{1,10})\b([\r\n\t \x00]+\d{1,5}[\r\n\t \x00]+R\b)?`)
	reRootRef = regexp.MustCompile(`/Root[\r\n\t \x00]*(\d{1,10})[\r\n\t \x00]+(\d{1,5})[\r\n\t \x00]+R`)
	reInfoRef = regexp.MustCompile(`/Info[\r\n\t \x00]*(\d{1,10})[\r\n\t \x00]+(\d{1,5})[\r\n\t \x00]+R`)
	// reTrailerID is a trailer's file identifier, the key's salt for
	// encrypted files: two hexadecimal or literal strings
	reTrailerID = regexp.MustCompile(`/ID[\r\n\t \x00]*\[[\r\n\t \x00]*(?:<[0-9A-Fa-f\r\n\t ]*>|\((?:[^()\\]|\\.){0,64}\))[\r\n\t \x00]*(?:<[0-9A-Fa-f\r\n\t ]*>|\((?:[^()\\]|\\.){0,64}\))[\r\n\t \x00]*\]`)
	reCatalog   = regexp.MustCompile(`/Type[\r\n\t \x00]*/Catalog\b`)
	rePage      = regexp.MustCompile(`/Type[\r\n\t \x00]*/Page\b`)
)

// objLoc is where an object starts and its generation.
type objLoc struct {
	off int
	gen int
}

// repairPDF returns data with a rebuilt xref table and trailer appended,
// or false when no objects or no document catalog can be found.
func repairPDF(data []byte) ([]byte, bool) {
	data = fixStreamLengths(data, false)
	maxObj := int64(len(data))/8 + 100_000
	objs := map[int]objLoc{}
	var order []int
	for _, m := range reObjHead.FindAllSubmatchIndex(data, -1) {
		num, err1 := strconv.ParseInt(string(data[m[2]:m[3]]), 10, 64)
		gen, err2 := strconv.Atoi(string(data[m[4]:m[5]]))
		if err1 != nil || err2 != nil || num <= 0 || num > maxObj {
			continue
		}
		if _, seen := objs[int(num)]; !seen {
			order = append(order, int(num))
		}
		objs[int(num)] = objLoc{off: m[2], gen: gen} // later copies win, as in an incremental update
	}
	if len(objs) == 0 {
		return nil, false
	}
	root := lastRef(data, reRootRef, objs)
	if root == 0 {
		root = findCatalog(data, objs, order)
	}
	size := 0
	for n := range objs {
		size = max(size, n+1)
	}
	var b bytes.Buffer
	b.Grow(len(data) + 20*size + 200)
	b.Write(data)
	b.WriteString("\n")
	if root == 0 {
		// a file cut short before its page tree (many writers put it
		// last): a new tree of the pages that are left
		pages := findPages(data, objs, order)
		if len(pages) == 0 {
			return nil, false
		}
		root = size + 1
		objs[size] = objLoc{off: b.Len()}
		fmt.Fprintf(&b, "%d 0 obj\n<< /Type /Pages /Count %d /Kids [", size, len(pages))
		for _, n := range pages {
			fmt.Fprintf(&b, " %d %d R", n, objs[n].gen)
		}
		b.WriteString(" ] >>\nendobj\n")
		objs[root] = objLoc{off: b.Len()}
		fmt.Fprintf(&b, "%d 0 obj\n<< /Type /Catalog /Pages %d 0 R >>\nendobj\n", root, size)
		size += 2
	}
	start := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f\r\n", size)
	for n := 1; n < size; n++ {
		if o, ok := objs[n]; ok {
			fmt.Fprintf(&b, "%010d %05d n\r\n", o.off, o.gen)
		} else {
			b.WriteString("0000000000 65535 f\r\n")
		}
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %d %d R", size, root, objs[root].gen)
	if info := lastRef(data, reInfoRef, objs); info != 0 {
		fmt.Fprintf(&b, " /Info %d %d R", info, objs[info].gen)
	}
	// without them an encrypted file reads as a plain one whose every
	// stream is noise, and fails as corrupt instead of asking a password
	if enc := lastRef(data, reEncryptRef, objs); enc != 0 {
		fmt.Fprintf(&b, " /Encrypt %d %d R", enc, objs[enc].gen)
		if ids := reTrailerID.FindAll(data, -1); len(ids) > 0 {
			b.WriteString(" ")
			b.Write(ids[len(ids)-1])
		}
	}
	fmt.Fprintf(&b, " >>\nstartxref\n%d\n%%%%EOF\n", start)
	return b.Bytes(), true
}

// lastRef returns the object number of the last reference matched by re
// that points at an object that exists, or 0.
func lastRef(data []byte, re *regexp.Regexp, objs map[int]objLoc) int {
	ms := re.FindAllSubmatch(data, -1)
	for i := len(ms) - 1; i >= 0; i-- {
		n, err := strconv.Atoi(string(ms[i][1]))
		if _, ok := objs[n]; err == nil && ok {
			return n
		}
	}
	return 0
}

// findCatalog returns the last object whose dictionary says /Type /Catalog.
func findCatalog(data []byte, objs map[int]objLoc, order []int) int {
	found := 0
	for _, n := range order {
		if reCatalog.Match(objHead(data, objs[n].off)) {
			found = n
		}
	}
	return found
}

// findPages returns the objects whose dictionary says /Type /Page, in
// the order the file has them.
func findPages(data []byte, objs map[int]objLoc, order []int) []int {
	var pages []int
	for _, n := range order {
		if rePage.Match(objHead(data, objs[n].off)) {
			pages = append(pages, n)
		}
	}
	return pages
}

// objHead is the start of the object at off: up to its "endobj" or
// "stream", within 4 KB.
func objHead(data []byte, off int) []byte {
	body := data[off:min(len(data), off+4096)]
	for _, end := range []string{"endobj", "stream"} {
		if i := bytes.Index(body, []byte(end)); i >= 0 {
			body = body[:i]
		}
	}
	return body
}

// fixStreamLengths returns data with each stream's direct /Length that
// does not end at its "endstream" set to the stream's true length, as
// pdf.js and poppler measure it; data itself when none is wrong. The
// library reads a stream by its /Length alone: one too short cut the
// page's text off there without a word (the rest of a contract's page
// lost), one too long read the next objects as content. With keepOffsets
// a new length is written only where it fits the old one's digits
// (padded with spaces), so that the cross-reference table's offsets hold.
func fixStreamLengths(data []byte, keepOffsets bool) []byte {
	var out []byte
	last := 0 // data[:last] is in out
	for _, m := range reStream.FindAllIndex(data, -1) {
		start := m[1]
		// the stream's dictionary: back to the object's start, within 4 KB
		dict := data[max(0, m[0]-4096):m[0]]
		if i := bytes.LastIndex(dict, []byte("obj")); i >= 0 {
			dict = dict[i:]
		}
		lm := reLength.FindAllSubmatchIndex(dict, -1)
		if len(lm) == 0 || lm[len(lm)-1][4] >= 0 {
			continue // no length, or an indirect one (in another object)
		}
		base := m[0] - len(dict)
		numStart, numEnd := base+lm[len(lm)-1][2], base+lm[len(lm)-1][3]
		n, err := strconv.Atoi(string(data[numStart:numEnd]))
		if err != nil || numStart < last {
			continue
		}
		if n >= 0 && start+n <= len(data) && bytes.HasPrefix(bytes.TrimLeft(data[start+n:min(len(data), start+n+16)], "\r\n\t \x00"), []byte("endstream")) {
			continue // the length is right
		}
		end := bytes.Index(data[start:], []byte("endstream"))
		if end < 0 {
			continue
		}
		body := bytes.TrimRight(data[start:start+end], "\r\n")
		digits := strconv.Itoa(len(body))
		if keepOffsets && len(digits) > numEnd-numStart {
			continue
		}
		if out == nil {
			out = make([]byte, 0, len(data))
		}
		out = append(out, data[last:numStart]...)
		out = append(out, digits...)
		if keepOffsets {
			out = append(out, bytes.Repeat([]byte(" "), numEnd-numStart-len(digits))...)
		}
		last = numEnd
	}
	if out == nil {
		return data
	}
	return append(out, data[last:]...)
}
