package parse

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
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

// extractDOCX reads word/document.xml as Word shows it with all tracked
// changes accepted: each paragraph becomes a line and paragraphs are
// separated by blank lines, tabs and breaks are kept, list and heading
// numbers ("2.3", "(a)") are generated from word/numbering.xml, the table
// of contents is left out (it repeats the headings), text boxes are read
// once, after the paragraph they are anchored in, and footnotes and endnotes are marked "[1]" or "[i]"
// where the body refers to it and go to the aside ("Footnote 1: ..."). A table row is one line, its
// cells separated by " | ". Headers, footers and comments are read once
// each into the aside. The title is docProps/core.xml's dc:title, else
// the first Title or Heading paragraph.
func extractDOCX(data []byte, lim Limits) (*extracted, error) {
	return extractDOCXDepth(data, lim, 0)
}

// extractDOCXDepth is extractDOCX for a package nested depth chunks deep.
func extractDOCXDepth(data []byte, lim Limits, depth int) (*extracted, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, permanent("", "corrupt DOCX (not a readable ZIP archive)", err)
	}
	if len(zr.File) > maxZipEntries {
		return nil, permanent("", fmt.Sprintf("DOCX has %d entries, over the limit of %d", len(zr.File), maxZipEntries), nil)
	}
	pkg := &docxPackage{parts: map[string]*zip.File{}, max: lim.MaxBytes}
	var declared uint64
	for _, f := range zr.File {
		declared += f.UncompressedSize64
		pkg.parts[f.Name] = f
	}
	main := pkg.mainPart()
	if main == "" {
		return nil, permanent("", "DOCX without a main document part (word/document.xml)", nil)
	}
	if declared > uint64(len(data))*maxZipRatio && declared > uint64(lim.MaxBytes) {
		return nil, permanent("", "DOCX looks like a zip bomb (declared size far over the limit)", nil)
	}
	raw, err := readZipPart(pkg.parts[main], lim.MaxBytes)
	if err != nil {
		return nil, permanent("", "cannot read DOCX body", err)
	}
	// Numbering, styles, settings, notes, headers, footers, comments and
	// chunks are optional: a damaged one costs that part, not the
	// document, and notes, headers, footers and comments left out are
	// named in the meta.
	rels := pkg.rels(main)
	styles := pkg.readAux(related(rels, "/styles", "word/styles.xml"))
	settings := pkg.readAux(related(rels, "/settings", "word/settings.xml"))
	chunks := &docxChunks{pkg: pkg, rels: rels, lim: lim, depth: depth, left: lim.MaxBytes}
	d := &docxDoc{
		nums:    newDocxNumbering(pkg.readAux(related(rels, "/numbering", "word/numbering.xml")), styles),
		styles:  docxStyleNames(styles),
		bold:    docxBoldStyles(styles),
		chunk:   chunks.text,
		notes:   newDocxNotes(settings, raw),
		margins: &docxMargins{evenOdd: evenAndOddHeaders(settings)},
		anchors: &docxAnchors{},
	}
	text, heading, err := docxText(raw, d)
	if err != nil {
		return nil, permanent("", "corrupt DOCX body XML", err)
	}
	text = dropDOCXLineNumbers(text)
	var skipped docxSkips
	if chunks.over != "" {
		skipped.add(chunks.over, fmt.Sprintf("embedded chunks over the %d-byte limit", lim.MaxBytes))
	}
	// Notes go to the aside, as a PDF's footnotes do: search finds them,
	// but in the body a court filing's citations and asides ("See Smith
	// v. Jones, ...") read as its argument and reached its summary.
	notes := &docxDoc{notes: d.notes}
	var noted []string
	for _, kind := range []string{"footnotes", "endnotes"} {
		name, named := relatedPart(rels, "/"+kind)
		if raw := pkg.optional(name, pkg.max, named, &skipped); raw != nil {
			t, _, err := docxText(raw, notes)
			if err != nil {
				skipped.add(name, "damaged XML, read up to the damage")
			}
			noted = append(noted, labelNotes(t, strings.TrimSuffix(kind, "s"))...)
		}
	}
	title := heading
	if t := preambleHeading(d); t != "" {
		title = t
	}
	if raw := pkg.read(related(pkg.rels(""), "/core-properties", "docProps/core.xml")); raw != nil {
		if t := coreTitle(raw); t != "" && !staleTitle(t) && !templateTitleRe.MatchString(t) {
			// a stale one is no title even without a heading: the text's
			// first line or bold heading is, not "Document1"
			title = t
		}
	}
	ex := &extracted{text: restoreKeptSpaces(normalize(text)), title: collapseSpaces(title), heading: collapseSpaces(d.boldHead), encoding: encUTF8}
	aside := append(noted, pkg.margins(rels, d.margins, &skipped)...)
	aside = append(aside, pkg.comments(rels, d.anchors, &skipped)...)
	ex.aside = normalize(strings.Join(aside, "\n\n"))
	if len(skipped) > 0 {
		ex.meta = map[string]string{"docx_parts_skipped": skipped.String()}
	}
	return ex, nil
}

// preambleHeading is the title a document sets above its first heading
// by hand, "" when there is none or that heading is in the Title style:
// a line in capitals ("RECORDS STORAGE SERVICES AGREEMENT") or one that
// names a kind of document ("Information Classification Policy") over
// clauses in Heading styles, which titled a contract by its first clause,
// "Services".
func preambleHeading(d *docxDoc) string {
	if d.titled || d.beforeHeading == "" {
		return ""
	}
	t := fallbackTitle(d.beforeHeading, "")
	if !headingLine(t) || !isCapsTitle(t) && !kindWordRe.MatchString(t) && !formKindRe.MatchString(t) {
		return ""
	}
	return t
}

// titleStyle reports the Title style, by its id or its name.
func titleStyle(s string) bool { return strings.EqualFold(s, "title") }

// staleTitleRe is a document property title that names a file or a
// template, not the document: Word fills it from the file a document was
// first saved as or copied from ("Microsoft Word - template_old.docx",
// "Document1", "Template").
//
// A browser's "Print to PDF" of a page without a <title> sets the page's
// file name or address ("contract.html", "file:///C:/exports/nda.htm").
//
// SharePoint titles a page saved from its Pages library by the library
// and the page's file name ("Pages - Records-Retention-Policy",
// "SitePages - Home.aspx").
var staleTitleRe = regexp.MustCompile(`(?i)^(?:microsoft\s+word\s+-\s+.*|(?:site\s*)?pages\s+-\s+[\w.-]+|.*\.(?:docx?|dotx?|rtf|odt|pdf|x?html?|aspx?|txt|xlsx?|pptx?)|(?:file|https?)://\S*|document\s*\d*|template|untitled|title)$`)

// templateTitleRe is a DOCX property title that names the template the
// document was made from ("Policy template", "NDA Template v2"): Word
// copies the template's properties into each document made from it.
var templateTitleRe = regexp.MustCompile(`(?i)\btemplate(?:\s+v?\d+(?:\.\d+)*)?\s*$`)

// staleTitle reports a property title that a Title-styled heading in the
// body should win over.
func staleTitle(t string) bool { return staleTitleRe.MatchString(strings.TrimSpace(t)) }

// readZipPart reads a zip entry (in UTF-8 if it is XML in UTF-16),
// failing once it inflates past max bytes whatever its header claims.
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
	return xmlAsUTF8(b), nil
}

// docxSkipped are elements whose text Word does not show with changes
// accepted, or shows elsewhere: moved-away and deleted runs, and the
// fallback copy of a text box (mc:AlternateContent carries it twice).
// The ruby text over East Asian characters (w:rt, the pinyin of 重庆) is a
// reading aid, not text. A tracked change to a section (w:sectPrChange)
// keeps the section as it was, with the headers it used to have; the
// other tracked formatting changes (w:rPrChange, w:pPrChange, ...) keep
// the formatting as it was, which must not hide a run, style a heading or
// number a paragraph that Word shows otherwise.
var docxSkipped = map[string]bool{"moveFrom": true, "del": true, "Fallback": true, "rt": true, "sectPrChange": true,
	"rPrChange": true, "pPrChange": true, "numberingChange": true, "tblPrChange": true, "trPrChange": true, "tcPrChange": true}

// docxPara is a paragraph being read; text boxes nest paragraphs in one.
type docxPara struct {
	text           strings.Builder
	style          string
	numID, level   string
	heading, noted bool
	toc            bool // a table of contents' entry or heading
	// markDeleted is set by a tracked deletion of the paragraph's mark
	// (w:pPr/w:rPr/w:del): with changes accepted its text runs on into
	// the next paragraph
	markDeleted bool
	// bold and plain say whether some of its text is set in bold, and
	// some not
	bold, plain bool
	// boxes are the lines of the text boxes anchored in the paragraph,
	// read after it: a callout is the paragraph's aside, and read where
	// its anchor run sits it cut the paragraph's sentence or came first
	boxes []string
}

// emphasis notes whether text t of a run is set in bold.
func (p *docxPara) emphasis(bold bool, t []byte) {
	switch {
	case len(bytes.TrimSpace(t)) == 0:
	case bold:
		p.bold = true
	default:
		p.plain = true
	}
}

// docxRow is a table row being read: one line, its cells separated by
// " | " as HTML tables are, so "Effective Date | 1 March 2026" stays
// together.
type docxRow struct {
	cells  []string
	cell   []string // the paragraphs of the open cell
	inCell bool
	table  *docxTable // the table the row is in; nil reads no merges
	col    int        // the grid column the open cell starts at
	span   int        // grid columns the open cell spans (w:gridSpan)
	vMerge string     // the open cell's w:vMerge: "", "restart" or "continue"
	// blocks are each cell's lines, and nested says a cell holds a table:
	// the row lays out blocks (a signature block's "For the Customer"
	// above its own table of name and title), not one record
	blocks [][]string
	nested bool
}

// docxTable holds, per grid column, the text of the vertically merged
// cell that runs down it (w:vMerge="restart" and the cells below it).
type docxTable struct {
	merged map[int]string
}

// startCell notes a cell's start: a span of one, no merge.
func (r *docxRow) startCell() {
	r.inCell, r.cell, r.span, r.vMerge = true, nil, 1, ""
}

// endCell ends the open cell. A cell that continues a vertical merge is
// the merged cell's text again: Word shows the merged cell beside every
// row it spans, and each row is a line read on its own (a search hit on
// "Premium | USD 250" showed no service); the continuing cell's own
// paragraphs are not shown.
func (r *docxRow) endCell() {
	text := cellLine(r.cell)
	if t := r.table; t != nil {
		switch r.vMerge {
		case "continue":
			text = t.merged[r.col]
		case "restart":
			t.merged[r.col] = text
		default:
			for c := r.col; c < r.col+r.span; c++ {
				delete(t.merged, c)
			}
		}
	}
	r.cells = append(r.cells, text)
	r.blocks = append(r.blocks, r.cell)
	r.col += r.span
	r.inCell = false
}

// captionRoleRe is a court caption's role line, alone in its paragraph:
// "Plaintiff,", "Defendants.", "Petitioner-Appellant,".
var captionRoleRe = regexp.MustCompile(`(?i)^(?:plaintiffs?|defendants?|claimants?|appellants?|appellees?|respondents?|applicants?|petitioners?)(?:[ \t]*[-/][ \t]*\w+)?[ \t]*[,.:]?$`)

// caption reports a row laid out as a court filing's caption: a cell of
// the parties, each over its role line ("ACME WIDGETS, INC.," over
// "Plaintiff,"), beside the case number and the filing's title. Its cells
// are columns of lines, read in turn; on one line the parties ran into
// their roles and the case number into the title, and the filing lost its
// caption.
func (r *docxRow) caption() bool {
	for _, lines := range r.blocks {
		if len(lines) < 2 {
			continue
		}
		for _, l := range lines[1:] {
			if captionRoleRe.MatchString(strings.TrimSpace(l)) {
				return true
			}
		}
	}
	return false
}

// cellLine is a cell's paragraphs on one line. A line break in a cell
// (w:br, "USD 40" above "per month") is a space, as the HTML reader reads
// a <br> in a cell: a row is one line, and the break's second line read
// as a row of its own.
func cellLine(paras []string) string {
	return cellBreakRe.ReplaceAllString(strings.Join(paras, " "), " ")
}

// cellBreakRe is a line break with the spaces around it.
var cellBreakRe = regexp.MustCompile(`[ \t]*\n\s*`)

// cellProperty reads a cell's w:gridSpan or w:vMerge, or a row's
// w:gridBefore (grid columns left empty before its first cell).
func (r *docxRow) cellProperty(st xml.StartElement) {
	val := attr(st, "val")
	switch st.Name.Local {
	case "gridSpan":
		if n, err := strconv.Atoi(val); err == nil && n > 1 && n <= maxGridColumns {
			r.span = n
		}
	case "vMerge":
		r.vMerge = "continue" // no value: continues the merge above
		if val == "restart" {
			r.vMerge = "restart"
		}
	case "gridBefore":
		if n, err := strconv.Atoi(val); err == nil && n > 0 && n <= maxGridColumns {
			r.col += n
		}
	}
}

// maxGridColumns bounds a span read from a file (Word allows 63 columns).
const maxGridColumns = 1000

// docxDoc is what reading a WordprocessingML part needs from the rest of
// the package; its zero value reads a part on its own.
type docxDoc struct {
	nums    *docxNumbering      // list numbers; nil leaves them out
	styles  map[string]string   // paragraph style id -> name
	bold    docxBold            // the bold styles and defaults set (styles.xml)
	chunk   func(string) string // text of the altChunk with a relationship id
	notes   *docxNotes          // note numbers; nil marks notes with their ids
	margins *docxMargins        // the headers and footers sections use; nil ignores them
	anchors *docxAnchors        // the text comments are anchored to; nil ignores it
	// boldHead is the first short paragraph near the start set wholly in
	// bold outside a table: the heading a document formatted by hand
	// carries instead of a Title style
	boldHead string
	// beforeHeading is the text written above the first Title or Heading
	// paragraph, and titled says that paragraph is in the Title style
	beforeHeading string
	titled        bool
}

// docxText walks a WordprocessingML part (the body, the footnotes or
// endnotes, a header, a comment) and returns its text and the first
// Title/Heading paragraph; on damaged XML, the text up to the damage. A
// note's paragraphs start with its "[1]".
func docxText(raw []byte, d *docxDoc) (string, string, error) {
	nums := d.nums
	dec := xml.NewDecoder(bytes.NewReader(raw))
	var b strings.Builder
	var stack []*docxPara
	var rows []*docxRow     // open table rows, innermost last
	var tables []*docxTable // open tables, innermost last
	heading, note := "", ""
	// emit writes a finished line: into the table cell it belongs to, or
	// as a paragraph of its own
	// inRows is set after a top-level table row: the rows of a table sit
	// on consecutive lines, as the HTML reader writes them, and a blank
	// line closes the table
	inRows := false
	endRows := func() {
		if inRows {
			b.WriteString("\n")
			inRows = false
		}
	}
	emit := func(line string) {
		if n := len(rows); n > 0 && rows[n-1].inCell {
			rows[n-1].cell = append(rows[n-1].cell, line)
			return
		}
		endRows()
		b.WriteString(line)
		b.WriteString("\n\n")
	}
	// emitRow writes a finished row's line: a line of its table's block,
	// or a cell's line in the row its table is nested in
	emitRow := func(line string) {
		if len(rows) > 0 {
			emit(line)
			return
		}
		b.WriteString(line)
		b.WriteString("\n")
		inRows = true
	}
	// place writes a finished paragraph's line: after the paragraph it is
	// anchored in when it is a text box's, else as emit does
	place := func(lines ...string) {
		if n := len(stack); n > 0 {
			stack[n-1].boxes = append(stack[n-1].boxes, lines...)
			return
		}
		for _, l := range lines {
			emit(l)
		}
	}
	// hidden is set by a run's w:vanish (hidden text, not shown or
	// printed); a paragraph mark's vanish hides only the mark.
	inText, inRun, hidden, skip := false, false, false, 0
	bold, paras := false, 0 // the open run is bold; paragraphs written so far
	// boldSet is set by the open run's own w:b, which beats its styles';
	// charStyle is its character style (w:rStyle)
	boldSet, charStyle := false, ""
	// runBold says whether the open run of paragraph p shows bold: its own
	// w:b, else what its styles or the document's defaults set
	runBold := func(p *docxPara) bool {
		if boldSet {
			return bold
		}
		return d.bold.run(charStyle, p.style)
	}
	// inMark is set inside a paragraph mark's run properties (w:pPr/w:rPr)
	inPPr, inMark := false, false
	box := "" // the check box of the legacy form field being read
	// sdts are the open content controls, true for one showing its
	// placeholder ("Click or tap here to enter text.", "[Customer
	// name]"): the template's prompt, not the document's text
	var sdts []bool
	// carry is the text of a paragraph whose mark was deleted, waiting
	// for the paragraph it joins, carryDepth the nesting it was read at
	carry, carryDepth := "", 0
	flush := func() {
		if carry = strings.TrimSpace(carry); carry != "" {
			emit(carry)
		}
		carry = ""
	}
	var depth xmlDepth
	for {
		tok, err := depth.token(dec)
		if err == io.EOF {
			break
		}
		if err != nil {
			return b.String(), heading, fmt.Errorf("%s: %w", "WordprocessingML", err)
		}
		var cur *docxPara
		if len(stack) > 0 {
			cur = stack[len(stack)-1]
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			if skip == 0 && inMark && cur != nil && (name == "del" || name == "moveFrom") {
				cur.markDeleted = true
			}
			if skip > 0 || docxSkipped[name] || name == "sdtContent" && len(sdts) > 0 && sdts[len(sdts)-1] {
				skip++
				continue
			}
			switch {
			case name == "sdt":
				sdts = append(sdts, false)
			case name == "showingPlcHdr" && len(sdts) > 0:
				sdts[len(sdts)-1] = onOff(attr(t, "val"), true)
			case name == "p":
				stack = append(stack, &docxPara{})
			case name == "tbl":
				flush() // a paragraph joins no table
				tables = append(tables, &docxTable{merged: map[int]string{}})
			case name == "pPr":
				inPPr = true
			case name == "rPr" && inPPr:
				inMark = true
			case name == "tr":
				r := &docxRow{}
				if len(tables) > 0 {
					r.table = tables[len(tables)-1]
				}
				rows = append(rows, r)
			case name == "tc" && len(rows) > 0:
				rows[len(rows)-1].startCell()
			case (name == "gridSpan" || name == "vMerge" || name == "gridBefore") && len(rows) > 0 && cur == nil:
				rows[len(rows)-1].cellProperty(t)
			case name == "footnote" || name == "endnote":
				note = ""
				if attr(t, "type") == "" || attr(t, "type") == "normal" {
					note = d.notes.label(name, attr(t, "id"))
				} else {
					skip++ // separators
				}
			case name == "altChunk" && d.chunk != nil:
				if text := strings.TrimSpace(d.chunk(attr(t, "id"))); text != "" {
					emit(text)
				}
			case name == "r":
				inRun, hidden, bold, boldSet, charStyle = true, false, false, false, ""
			case name == "vanish" && inRun:
				hidden = onOff(attr(t, "val"), true)
			case name == "b" && inRun:
				bold, boldSet = onOff(attr(t, "val"), true), true
			case name == "rStyle" && inRun:
				charStyle = attr(t, "val")
			case name == "sectPr":
				d.margins.section()
			case name == "headerReference" || name == "footerReference":
				d.margins.reference(attr(t, "type"), attr(t, "id"))
			case name == "titlePg":
				d.margins.titlePage(onOff(attr(t, "val"), true))
			case name == "commentRangeStart":
				d.anchors.start(attr(t, "id"))
			case name == "commentRangeEnd":
				d.anchors.end(attr(t, "id"))
			case cur == nil:
			case name == "t":
				inText = true
			case name == "tab":
				cur.text.WriteByte('\t')
			case name == "br" || name == "cr":
				cur.text.WriteByte('\n')
			case name == "noBreakHyphen":
				cur.text.WriteByte('-')
			case name == "sym" && !hidden:
				cur.text.WriteString(docxSymbol(attr(t, "font"), attr(t, "char")))
			case name == "checkBox":
				box = boxEmpty // a legacy form field's: its state is in its default and checked
			case (name == "default" || name == "checked") && box != "":
				if onOff(attr(t, "val"), true) {
					box = boxTicked
				} else {
					box = boxEmpty
				}
			case name == "footnoteReference" || name == "endnoteReference":
				cur.text.WriteString(d.notes.reference(strings.TrimSuffix(name, "Reference"), attr(t, "id"), onOff(attr(t, "customMarkFollows"), false)))
			case name == "pStyle":
				cur.style = attr(t, "val")
				cur.heading = isHeadingStyle(cur.style) || isHeadingStyle(d.styles[cur.style])
				cur.toc = isTOCStyle(cur.style) || isTOCStyle(d.styles[cur.style])
			case name == "ilvl":
				cur.level = attr(t, "val")
			case name == "numId":
				cur.numID = attr(t, "val")
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			switch t.Name.Local {
			case "sdt":
				if len(sdts) > 0 {
					sdts = sdts[:len(sdts)-1]
				}
			case "pPr":
				inPPr, inMark = false, false
			case "rPr":
				inMark = false
			case "checkBox":
				if cur != nil && !hidden {
					cur.text.WriteString(box)
				}
				box = ""
			case "t":
				inText = false
			case "r":
				inRun, hidden = false, false
			case "sectPr":
				d.margins.endSection()
			case "tc":
				if n := len(rows); n > 0 {
					rows[n-1].endCell()
				}
			case "tbl":
				if n := len(tables); n > 0 {
					tables = tables[:n-1]
				}
				if len(rows) == 0 {
					endRows() // the next table is a block of its own
				}
			case "tr":
				if n := len(rows); n > 0 {
					r := rows[n-1]
					rows = rows[:n-1]
					if len(rows) > 0 && rows[len(rows)-1].inCell {
						rows[len(rows)-1].nested = true
					}
					if r.nested || r.caption() {
						// each cell's lines in turn, as the HTML reader
						// reads a layout table's columns
						for _, lines := range r.blocks {
							for _, l := range lines {
								emit(l)
							}
						}
						continue
					}
					if line := strings.TrimSpace(strings.Join(r.cells, " | ")); strings.Trim(line, "| ") != "" {
						if heading == "" && len(rows) == 0 && b.Len() == 0 {
							heading = rowTitle(r.cells) // a form's title row opens the document
						}
						emitRow(line)
					}
				}
			case "p":
				if cur == nil {
					continue
				}
				stack = stack[:len(stack)-1]
				d.anchors.write(paragraphEnd)
				text := cur.text.String()
				if carry != "" && carryDepth == len(stack) {
					text = joinParagraphs(carry, text)
					carry = ""
				}
				if cur.markDeleted {
					// gone with changes accepted, its number too; the next
					// paragraph takes its text and keeps its own properties
					carry, carryDepth = text, len(stack)
					place(cur.boxes...)
					continue
				}
				line := strings.TrimSpace(text)
				label, joined := nums.numbered(cur) // counts empty numbered paragraphs too, as Word does
				if line == "" || cur.toc {
					place(cur.boxes...) // a paragraph that holds only a text box
					continue
				}
				if cur.heading && heading == "" {
					heading = line
					d.beforeHeading, d.titled = b.String(), titleStyle(cur.style) || titleStyle(d.styles[cur.style])
				}
				if paras++; paras <= titleWindow && cur.bold && !cur.plain && label == "" && len(rows) == 0 && d.boldHead == "" && headingLine(line) {
					d.boldHead = line
				}
				if label != "" && !joined {
					label += " "
				}
				if n := len(rows); n > 0 && rows[n-1].inCell && bullet(label) {
					label = "" // a cell's paragraphs share its row's line, as the HTML reader keeps them
				}
				line = label + line
				if note != "" {
					line = note + " " + line
					note = "" // the note's later paragraphs continue it
				}
				place(append([]string{line}, cur.boxes...)...)
			}
		case xml.CharData:
			if inText && !hidden && skip == 0 && cur != nil {
				cur.emphasis(runBold(cur), t)
				cur.text.Write(t)
				d.anchors.write(t)
			}
		}
	}
	flush()
	endRows()
	return b.String(), heading, nil
}

// joinParagraphs joins the text of a paragraph whose mark was deleted to
// the next one's. Word runs them together as they are; a space is put
// between words that would otherwise touch, since a redline that merges
// two paragraphs seldom leaves one ("notify the" + "Customer within").
func joinParagraphs(first, next string) string {
	if first == "" || next == "" || strings.HasSuffix(first, " ") || strings.HasPrefix(next, " ") {
		return first + next
	}
	return first + " " + next
}

// isHeadingStyle reports whether a paragraph style id names a title or
// heading ("Title", "Heading1", "heading 2", localised ids keep the digit).
func isHeadingStyle(id string) bool {
	l := strings.ToLower(strings.ReplaceAll(id, " ", ""))
	return l == "title" || strings.HasPrefix(l, "heading") || strings.HasPrefix(l, "berschrift") || strings.HasPrefix(l, "titre")
}

// tocStyleRe is the id or built-in name of the styles Word gives a table
// of contents: its entries ("TOC1", "toc 2") and its heading.
var tocStyleRe = regexp.MustCompile(`(?i)^toc\s*(?:[1-9]|heading)$`)

// isTOCStyle reports a table of contents' paragraph style. Its entries
// repeat the headings with page numbers ("2. Fees and Payment 2"): read
// as body text they made "Law" and "Payment" key phrases of a contract
// and the passage search showed for its headings.
func isTOCStyle(id string) bool { return tocStyleRe.MatchString(strings.TrimSpace(id)) }

// onOff reads a WordprocessingML on/off attribute: "0", "false" and "off"
// are off, any other value on, and absent is the element's default (a
// w:vanish or w:titlePg without w:val is on, a reference without
// w:customMarkFollows is off).
func onOff(v string, absent bool) bool {
	if v == "" {
		return absent
	}
	return v != "0" && v != "false" && v != "off"
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
	var depth xmlDepth
	in := false
	for {
		tok, err := depth.token(dec)
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
