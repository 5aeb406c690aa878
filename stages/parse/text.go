package parse

import (
	"path/filepath"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// normalize cleans extracted text: \n line breaks, spaces collapsed within
// lines (tabs, no-break and other Unicode spaces included), control
// characters dropped, trailing spaces and runs of blank lines removed (one
// blank line is kept as the paragraph break).
func normalize(text string) string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	if strings.IndexByte(text, 0) >= 0 {
		// a NUL inside a word is an artifact of the file, not a break:
		// as a space it split "Schedule" into the key phrase "Sched ule"
		text = withoutNULInWords(text)
	}
	return joinLines(text, collapseSpaces)
}

// joinLines rewrites each line of text with clean and joins them again,
// dropping the empty ones and keeping, where one or more stood between
// two lines, one blank line: the paragraph break.
func joinLines(text string, clean func(string) string) string {
	var b strings.Builder
	b.Grow(len(text))
	blank := 0
	for line := range strings.SplitSeq(text, "\n") {
		line = clean(line)
		if line == "" {
			blank++
			continue
		}
		if b.Len() > 0 {
			if blank > 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte('\n')
			}
		}
		blank = 0
		b.WriteString(line)
	}
	return b.String()
}

// withoutNULInWords drops the NUL bytes between two letters or digits.
func withoutNULInWords(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	for i := 0; i < len(text); i++ {
		if text[i] != 0 {
			b.WriteByte(text[i])
			continue
		}
		j := i
		for j < len(text) && text[j] == 0 {
			j++
		}
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[j:])
		if !(isWordRune(before) && isWordRune(after)) {
			b.WriteString(text[i:j]) // a break, as before: collapseSpaces makes it a space
		}
		i = j - 1
	}
	return b.String()
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// collapseSpaces trims a line, maps every space-like or control rune to a
// single space and drops zero-width characters.
func collapseSpaces(line string) string {
	var b strings.Builder
	b.Grow(len(line))
	space := false
	for _, r := range line {
		switch {
		case r == '\u200B' || r == '\u200C' || r == '\u200D' || r == '\uFEFF' || r == '\u00AD':
			continue
		case unicode.IsSpace(r) || r == '\r' || unicode.IsControl(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// hasContent reports whether text holds at least one letter or digit.
func hasContent(text string) bool {
	return strings.IndexFunc(text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// reLabelLine matches filing labels and page numbers that head many
// documents but are not their title.
var reLabelLine = regexp.MustCompile(`(?i)^(?:exhibit|schedule|annex|appendix|attachment|page|confidential)\b[\s\w.()'-]{0,12}$|^[\d\s.()/-]+$` +
	`|(?i)^(?:execution|final|conformed|composite|signature|draft)\s+(?:version|copy|draft)\b.{0,20}$` +
	`|(?i)^(?:contract|agreement|reference|ref)\.?\s*(?:no|number|#)\.?\s*:?\s*[\w/.-]{1,30}$` +
	// EDGAR's page footer and its HTML navigation line
	`|(?i)^source:\s.{1,100},\s*[0-9A-Z][0-9A-Z/-]{0,11},\s*\d{1,2}/\d{1,2}/\d{4}$|(?i)^quicklinks\b` +
	// how a letter was sent or is to be read ("VIA EMAIL AND CERTIFIED MAIL",
	// "WITHOUT PREJUDICE"), a series' name above an act's title
	// ("STATUTORY INSTRUMENTS")
	`|(?i)^(?:via|by)\s+(?:e-?mail|fax|facsimile|courier|hand|registered\s+(?:mail|post)|certified\s+mail|first[\s-]class\s+(?:mail|post)|recorded\s+delivery|overnight)\b.{0,40}$` +
	`|(?i)^(?:without\s+prejudice|subject\s+to\s+contract|privileged(?:\s+(?:and|&)\s+confidential)?|statutory\s+instruments?|urgent)\b.{0,20}$|^(?:19|20)\d\d\s+No\.\s*\d+$` +
	// a state's book of statutes above an act's title ("THE STATUTES OF THE
	// REPUBLIC OF SINGAPORE", "LAWS OF MALAYSIA") and the edition under it
	// ("2020 REVISED EDITION")
	`|(?i)^(?:the\s+)?(?:revised\s+)?(?:statutes|laws)\s+of\s+(?:the\s+)?[a-z][a-z ]{2,40}$|(?i)^(?:\d{4}\s+)?revised\s+edition(?:\s+\d{4})?$` +
	// a date line above the title ("DATED 15TH DECEMBER 2001", "Date: June 1, 2024")
	`|(?i)^(?:dated|date:?|as\s+of)?\s*(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?` + monthNames + `|` + monthNames + `\s+\d{1,2}(?:st|nd|rd|th)?),?\s+\d{4}$`)

// monthNames is an English month's name, in full or abbreviated.
const monthNames = `(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`

// reNoticeLine matches the notices filings put above a contract's title:
// the SEC's redaction legends ("CERTAIN IDENTIFIED INFORMATION ... MARKED
// BY [***], HAS BEEN OMITTED ...", "Confidential treatment has been
// requested ...") and a translator's note. A regulation's "a reasoned
// request for confidential treatment" is no notice, nor is a line that
// only has a redaction in it ("[***]"). Most legends are in the aside by
// now (setAsideLegends); this finds the rest.
var reNoticeLine = regexp.MustCompile(`(?i)confidential\s+treatment\s+(?:has\s+been\s+|was\s+|is\s+)?requested|\b(?:omitted|redacted|excluded)\b.{0,160}\b(?:securities\s+and\s+exchange|commission|material|competitive\s+harm)|^this\s+is\s+an?\s+(?:english\s+)?translation\b`)

// signatureLabel is a line of a signature block: the party a signature
// is for ("For the Customer", "Signed for and on behalf of Acme Ltd"),
// and a filled-in field under it ("Name: Jane Smith", "Position:
// Director"). A contract's signature page alone was titled "For the
// Customer".
const signatureLabel = `(?:signed\s+)?(?:for\s+and\s+)?on\s+behalf\s+of\b.{0,80}$` +
	`|(?:signed\s+)?for\s+(?:the\s+)?(?:customer|supplier|client|company|contractor|consultant|buyer|seller|purchaser|vendor|licensor|licensee|landlord|tenant|lessor|lessee|employer|employee|provider|service\s+provider|recipient|discloser|disclosing\s+party|receiving\s+party|distributor|partner|party\s+[ab12])\b[\s:,.]*$` +
	`|(?:print(?:ed)?\s+name|name|position|designation|signed|witness(?:ed\s+by)?|in\s+the\s+presence\s+of)\s*:\s*\S.{0,60}$`

// noTitleLine opens a line that is never a document's title: a bracketed
// note ("[SIGNATURE PAGES FOLLOW]", "[INITIALS ILLEGIBLE]"), the signing
// formula and a signature line ("By: /s/ ..."), a confidentiality stamp,
// a numbered clause or definition ("1. The following definitions ...",
// "1.3 "Applicable Law" means"), a form's line with a blank to fill in
// ("BPC Initials ___", "Date: ______"), a line that introduces what
// follows ("THE PARTIES HEREBY AGREE AS FOLLOWS:"), a protective marking
// ("For internal use only", "OFFICIAL-SENSITIVE").
// protectiveMarking is the handling marking a policy or memo carries
// above its title: "For internal use only", "Not for distribution",
// the UK's "OFFICIAL" and "OFFICIAL-SENSITIVE", "Company confidential".
const protectiveMarking = `(?:for\s+)?internal\s+use\s+only\b|not\s+for\s+(?:external\s+|public\s+)?(?:distribution|circulation)\b|official(?:[-\s]+sensitive)?\s*$|company\s+confidential\b`

var noTitleLine = regexp.MustCompile(`(?i)^.{0,80}:\s*$|\binitials?\b[\s:]*_{2}|^(?:(?:signature|name|title|date)\s*:?\s*_{3}|\[[^\]]{1,60}\]|in\s+witness\s+whereof\b|` + signatureLabel + `|(?:private\s*(?:&|and)\s*)?(?:strictly\s+)?confidential\b(?:\s+\d|\s*$|\s+(?:information|treatment)\b)|\d{1,2}(?:\.\d{1,2})*\.?\s+(?:the\s+following\b|["“])|` + protectiveMarking + `|by\s*:|.{0,80}/s/|(?:copyright\b|\(c\)\s|©)[^\n]{0,80}(?:\[[^\]]+\]|\d{4}))`)

// memoHeadingRe is the word a memo is headed with above its header
// block ("MEMORANDUM", "Internal Memo"); memoFieldRe is a field of that
// block, memoSubjectRe its subject ("Subject: Office closure", "Re: ...").
var (
	memoHeadingRe = regexp.MustCompile(`(?i)^(?:internal\s+|office\s+|staff\s+)?memo(?:randum)?$`)
	memoFieldRe   = regexp.MustCompile(`(?i)^(?:to|from|date|cc|ref|subject|subj|re)[ \t]*:`)
	memoSubjectRe = regexp.MustCompile(`(?i)^(?:subject|subj|re)[ \t]*:[ \t]*(\S.*)$`)
)

// memoHeaderLines bounds the header block memoSubject reads.
const memoHeaderLines = 8

// memoSubject is the subject of a text that opens as a memo does (its
// header block, under a "MEMORANDUM" heading or none), "" for any other:
// a memo saved as text was titled "To: All staff", or by the heading
// every memo has.
func memoSubject(text string) string {
	n, fields, subject := 0, 0, ""
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(strings.Trim(line, "*#_ \t"))
		if line == "" {
			continue // a DOCX writes each field a paragraph of its own
		}
		if n++; n == 1 && memoHeadingRe.MatchString(line) {
			continue
		}
		if n > memoHeaderLines || !memoFieldRe.MatchString(line) {
			break // the block ended
		}
		fields++
		if m := memoSubjectRe.FindStringSubmatch(line); m != nil && subject == "" {
			subject = strings.TrimSpace(m[1])
		}
	}
	if fields < 2 || utf8.RuneCountInString(subject) > maxTitle {
		return "" // "Re: your letter" alone opens a letter's body
	}
	return subject
}

// backLinkRe is a saved page's navigation link back to where its reader
// came from ("Back to policies", "« Back", "Return to HR home"), which
// titled the page: an arrow before a few words, or "back"/"return" to a
// place a site has (its home, an index, a list of its papers). "Return
// to Work Policy" names a paper and stays.
var backLinkRe = regexp.MustCompile(`(?i)^(?:[«‹←⟵◀⇐]|&laquo;|<{1,2}\s)\s*(?:[\p{L}\d&'’-]+\s*){1,6}$|^(?:go\s+)?(?:back|return)(?:\s+to\s+(?:the\s+)?(?:[\p{L}\d&'’-]+\s+){0,4}?(?:home(?:\s*page)?|index|top|list|menu|overview|contents|policies|procedures|documents|forms|guidance|intranet|portal|site|hub|search(?:\s+results)?|results|previous\s+page|page|section|library|news|articles|all\s+[\p{L}-]+))?\s*[»›]?\s*$`)

// exhibitLabel opens a line with the exhibit number a filing gives a
// contract ("Exhibit 10.16", "EXHIBIT 'B'", "Exhibit 99(k)(5)").
var exhibitLabel = regexp.MustCompile(`(?i)^(?:(?:[\w.,&-]+\s+){0,4}\d{1,2}-[KQ](?:/A)?\s+)?(?:exhibit|schedule|annex|appendix|attachment)\s+['"]?[\w.()-]{1,12}['"]?\s+`)

// titlePrefix opens a title line with what is no part of the title: a
// filing's version label or a date ("Execution Version OUTSOURCING
// AGREEMENT", "May 04, 2017 Strategic Alliance Agreement").
var titlePrefix = regexp.MustCompile(`(?i)^(?:(?:execution|final|conformed|composite)\s+(?:version|copy)\s+|(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2},?\s+\d{4}\s+)`)

// kindThenText is a title in capitals that names a kind of document
// followed by the text that begins under it ("ENDORSEMENT AGREEMENT THIS
// ENDORSEMENT AGREEMENT (the ...)", "Development Agreement This
// Development Agreement ..."): group 1 is the title.
var kindThenText = regexp.MustCompile(`^(.{3,100}?\b(?:AGREEMENT|Agreement|CONTRACT|Contract|LEASE|Lease|AMENDMENT|Amendment|ADDENDUM|Addendum)(?:\s+(?:[IVX]{1,4}|\d{1,3}|NO\.\s*\d{1,3}))?)(?:\s*[{\[]\s?\*+\s?[}\]])?\s+(?:THIS|This|The|THE|WHEREAS|Whereas)\b`)

// titleGap and anyCaseKind find a title set apart from what follows it on
// its line ("Outsourcing Contract on ...   Planning Unit: ...").
var (
	titleGap    = regexp.MustCompile(`\s{3,}`)
	anyCaseKind = regexp.MustCompile(`(?i)` + docKindRe.String())
)

// withoutExhibitLabel drops the exhibit number (and the filer and form
// before it, "Vertex Energy, Inc. 8-K Exhibit 10.1"), a version label or a
// date before a line's title, and the text that runs on after a title
// naming a kind of document.
func withoutExhibitLabel(line string) string {
	rest := titlePrefix.ReplaceAllString(exhibitLabel.ReplaceAllString(line, ""), "")
	if l := strings.ToLower(rest); countLetters(rest) < 3 || strings.HasPrefix(l, "to ") || strings.HasPrefix(l, "of ") {
		rest = line // "EXHIBIT I TO SCHEDULE A": the exhibit is what it names
	}
	if cols := titleGap.Split(rest, -1); len(cols) > 1 && anyCaseKind.MatchString(cols[0]) && !strings.Contains(strings.ToLower(cols[0]), " this ") {
		rest = cols[0] // "INTERNET CHANNEL COOPERATION AGREEMENT   Contract Number: ..."
		if m := kindThenParty.FindStringSubmatch(rest); m != nil {
			rest = m[1] // "JOINT VENTURE AGREEMENT MINDA IMPCO TECHNOLOGIES LIMITED"
		}
	}
	if m := kindThenText.FindStringSubmatch(rest); m != nil {
		return strings.TrimSpace(m[1])
	}
	return rest
}

// kindThenParty is a title in capitals followed, in its title block, by a
// party's name with its legal form.
var kindThenParty = regexp.MustCompile(`^(.*\b(?:AGREEMENT|CONTRACT|LEASE|LICEN[CS]E|AMENDMENT|ADDENDUM|MEMORANDUM))\s+(?:[A-Z][A-Z0-9&'’.-]*,?\s+){0,5}(?:LIMITED|LTD|INC|LLC|L\.L\.C|CORP|CORPORATION|COMPANY|PLC|GMBH|AG|S\.A|CO)\.?$`)

// maxTitle is the most runes of a title taken from the body.
const maxTitle = 120

// titleWindow is how many non-empty lines fallbackTitle looks at for a
// title block in capitals.
const titleWindow = 15

// fallbackTitle returns a title found in the text: among the first lines,
// a short line in capitals (the title block of contracts and reports,
// "SERVICES OUTSOURCING AGREEMENT"; one that names a kind of document
// before the parties' names above it), else the first meaningful line (three
// or more letters), shortened at a word boundary to about maxTitle runes;
// else the file name without its folder. Filing labels, page numbers and
// contract numbers ("Exhibit 10.3", "Page 2", "Contract No.: 1513") and
// the notices above a title (redaction legends, a translator's note) are
// skipped.
func fallbackTitle(text, filename string) string {
	return withoutTitleTail(titleFromText(text, filename))
}

// titleTailRe is what a title block runs on with after a contract's kind:
// its parties ("Between DONG-A ST CO., LTD. And ..."), where and when it
// was signed ("Singapore April 18th, 2000"), a party's address ("Intricon
// Corporation 1260 Red Fox Road").
var titleTailRe = regexp.MustCompile(`(?i)^(?:\s*\([^()]{1,60}\))?(\s+(?:(?:by\s+and\s+)?(?:between|among)\b|(?:[A-Z][\w,.'’-]*\s+){0,4}(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{4})|(?:[A-Z][\w&.'’-]*\s+){1,4}\d{1,6}\s+[A-Z]).*)$`)

// kindWordRe is the kind of document a title names, in any case.
var kindWordRe = regexp.MustCompile(`(?i)\b(?:agreement|contract|lease|amendment|licen[cs]e|memorandum|addendum)\b`)

// withoutTitleTail cuts what a title block ran on with after the kind of
// document (titleTailRe).
func withoutTitleTail(t string) string {
	locs := kindWordRe.FindAllStringIndex(t, -1)
	if len(locs) == 0 {
		return t
	}
	end := locs[len(locs)-1][1]
	m := titleTailRe.FindStringSubmatchIndex(t[end:])
	if m == nil || m[2] < 0 {
		return t
	}
	return strings.TrimRight(t[:end+m[2]], " ,")
}

// cfrTitleLineRe and cfrPartLineRe are the CFR's heading block as eCFR
// prints it: the title ("Title 45 — Public Welfare"), its subtitles and
// chapters, and the part ("PART 164 — SECURITY AND PRIVACY").
var (
	cfrTitleLineRe = regexp.MustCompile(`^(?:Title|TITLE)[ \t]+\d+[ \t]*[—–-]`)
	cfrPartLineRe  = regexp.MustCompile(`^(?:PART|Part)[ \t]+\d+[ \t]*[—–-][ \t]*\S`)
)

// cfrHeadingLines bounds the heading block cfrPartTitle reads.
const cfrHeadingLines = 6

// cfrPartTitle is the part's heading of a text that opens with a CFR
// heading block, "" when it opens otherwise: the title of 45 CFR 164 was
// "Title 45 — Public Welfare", of 21 CFR 11 "Title 21 — Food and Drugs",
// the volume every part in it shares.
func cfrPartTitle(text string) string {
	n := 0
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if n++; n == 1 && !cfrTitleLineRe.MatchString(line) || n > cfrHeadingLines {
			return ""
		}
		if cfrPartLineRe.MatchString(line) && utf8.RuneCountInString(line) <= maxTitle {
			return line
		}
	}
	return ""
}

// tableRow splits a line that is a table's row, cells " | " separated
// as the parsers write them; nil for any other line.
func tableRow(line string) []string {
	if !strings.Contains(line, " | ") && !strings.HasPrefix(line, "| ") && !strings.HasSuffix(line, " |") {
		return nil
	}
	return strings.Split(line, "|")
}

// formKindRe names a kind of form or document in a title row's cell
// ("Leave Request", "Customer Complaint Form", "员工费用报销单").
var formKindRe = regexp.MustCompile(`(?i)\b(?:form|request|application|claim|order|notice|agreement|contract|policy|certificate|report|checklist|register|declaration|questionnaire|invoice|quotation|minutes|memorandum)s?\b|[表单书]$|合同|协议|通知|申请`)

// rowTitle is the title a document's first table row holds, "" when none:
// Word forms put their title in a banner row above the fields, alone in a
// merged cell or beside a logo's empty cell, a company's name or a form
// number. Its only cell, else the cell in capitals, else the cell that
// names a kind of form; a cell with digits is a form number or a date,
// and a row of field names is no title.
func rowTitle(cells []string) string {
	var texts []string
	for _, c := range cells {
		if c = collapseSpaces(c); c != "" {
			texts = append(texts, c)
		}
	}
	fits := func(c string) bool {
		return utf8.RuneCountInString(c) <= maxTitle && countLetters(c) >= 2 && !reLabelLine.MatchString(c) && !noTitleLine.MatchString(c) &&
			!strings.HasSuffix(c, ".") && !strings.HasSuffix(c, "。") // a boxed sentence, not a title
	}
	if len(texts) == 1 {
		if fits(texts[0]) {
			return texts[0]
		}
		return ""
	}
	for _, match := range []func(string) bool{isCapsTitle, formKindRe.MatchString} {
		for _, c := range texts {
			if fits(c) && match(c) && !strings.ContainsAny(c, "0123456789:") {
				return c
			}
		}
	}
	return ""
}

// titleFromText is fallbackTitle before withoutTitleTail.
func titleFromText(text, filename string) string {
	if dataText(text) {
		text = "" // no line of a table or a JSON document names it
	}
	if t := actArticleTitle(text); t != "" {
		return t
	}
	if t := cfrPartTitle(text); t != "" {
		return t
	}
	if t := memoSubject(text); t != "" {
		return t
	}
	first, caps, open, lower := "", "", "", ""
	opensWithSentence := false // the text's body starts before any title line
	n := 0
	for line := range strings.SplitSeq(text, "\n") {
		if open != "" {
			// "AMENDMENT #2 TO THE" / "DISTRIBUTION AGREEMENT": a title
			// broken over two lines
			if t := strings.TrimSpace(line); t != "" {
				if next, _ := capsTitle(t); next != "" && utf8.RuneCountInString(open+next) < maxTitle {
					return open + " " + next
				}
				return open
			}
			continue
		}
		if strings.HasPrefix(line, "#!") {
			continue // a script's interpreter line ("#!/usr/bin/python3") is no title
		}
		line = strings.TrimSpace(strings.Trim(line, "#*-•=_~ \t")) // rules and bullets around it
		if line == "" {
			continue
		}
		if n++; n > titleWindow {
			break
		}
		if cells := tableRow(line); cells != nil {
			// a form's banner row holds its title in one cell, beside a
			// logo, a company's name or a form number; the whole row
			// ("| EXPENSE CLAIM FORM | Form FIN-12") is no title
			if t := rowTitle(cells); t != "" && first == "" && caps == "" {
				return t
			}
			continue
		}
		if reNoticeLine.MatchString(line) {
			// a flattened page sets the title in a column after the notice
			// ("... FILED SEPARATELY WITH THE COMMISSION.     PROMOTION AND
			// DISTRIBUTION AGREEMENT     This ...")
			if t, kind := capsTitle(line); kind {
				return t
			}
			// or, its layout flattened, after the notice's last sentence
			for i := strings.Index(line, ". "); i >= 0; {
				if t := leadingCapsTitle(strings.TrimSpace(line[i+2:])); t != "" {
					return t
				}
				next := strings.Index(line[i+2:], ". ")
				if next < 0 {
					break
				}
				i += 2 + next
			}
			continue
		}
		if reLabelLine.MatchString(line) || countLetters(line) < 3 || noTitleLine.MatchString(line) || backLinkRe.MatchString(line) {
			continue
		}
		if agreementHeadingRe.MatchString(line) {
			continue // a UK agreement's "AGREED TERMS" named no kind of document
		}
		line = withoutExhibitLabel(line)
		if actTitleRe.MatchString(line) {
			return line // under its series' name and a subject heading in capitals
		}
		if m := kindBetweenRe.FindStringSubmatch(line); m != nil && utf8.RuneCountInString(line) > maxTitle {
			return m[1] // "COOPERATION AGREEMENT BETWEEN THE CITY OF ... REGARDING ..."
		}
		if t, kind := capsTitle(line); t != "" {
			if kind && danglingEnd.MatchString(t) {
				open = t
				continue
			}
			if kind {
				return t
			}
			if caps == "" {
				caps = t // the parties' names often come first in a title block
			}
		}
		if lowerStartRe.MatchString(line) {
			// the rest of a sentence a page broke ("issued by Accuray
			// and ..."): a title only when nothing else is
			if lower == "" && !opensWithSentence {
				lower = line
			}
			continue
		}
		if first == "" && !opensWithSentence {
			if m := datedPreambleRe.FindStringSubmatch(line); m != nil {
				first = m[1] // "THIS DEED OF LEASE is made the 2nd day of ...": the date is no part of it
				continue
			}
			if t := leadingCapsTitle(line); t != "" && utf8.RuneCountInString(line) > maxTitle {
				first = t
				continue
			}
			if sentenceLine(line) {
				// a memo or a clause that opens with its first sentence
				// has no title: the sentence, cut at maxTitle, named
				// nothing, and the lines after it are its body
				opensWithSentence = true
				continue
			}
			first = line
		}
	}
	if open != "" {
		return open
	}
	if first != "" && docKindRe.MatchString(first) {
		return shorten(first, maxTitle) // "ACME, LLC and BETA CORPORATION MANUFACTURING AGREEMENT"
	}
	if re := letterSubject(text); re != "" {
		return re
	}
	// a contract names itself in its preamble ("This Joint Supply and
	// Marketing Agreement ... is made"): better than the parties' names
	// in capitals above it or a clause's first line
	if t := preambleTitle(text); t != "" {
		return t
	}
	if caps != "" {
		return caps
	}
	if first == "" {
		first = lower
	}
	if first != "" {
		return shorten(first, maxTitle)
	}
	if filename == "" {
		return "untitled"
	}
	return filepath.Base(filename)
}

// actTitleRe is an act's or a statutory instrument's title, as the UK
// and others name them ("The Consumer Rights (Digital Subscriptions)
// Regulations 2024"): under a series' name and a subject heading in
// capitals.
var actTitleRe = regexp.MustCompile(`^The\s+(?:[A-Z(][\w()'’,-]*\s+(?:(?:of|and|for|to|on)\s+)?){1,10}(?:Regulations|Act|Order|Rules|Directions)\s+(?:\(\w+\)\s+)?\d{4}$`)

// letterRe is a letter's subject line ("Re: Notice of Termination of ..."),
// letterSalutation its greeting.
var (
	letterRe         = regexp.MustCompile(`(?im)^[ \t]*(?:re|subject)[ \t]*:[ \t]*(\S.{6,})$`)
	letterSalutation = regexp.MustCompile(`(?im)^[ \t]*dear\s+\S`)
	letterHeadChars  = 3000
)

// letterSubject is a letter's subject line, which names what it is about
// better than its letterhead (the sender's name) or how it was sent; ""
// when text is no letter.
func letterSubject(text string) string {
	head := text[:min(len(text), letterHeadChars)]
	if m := letterRe.FindStringSubmatchIndex(head); m != nil && letterSalutation.MatchString(head[m[1]:]) {
		return shorten(strings.TrimSpace(head[m[2]:m[3]]), maxTitle)
	}
	// a British letter heads its text with the subject under the greeting
	// ("Dear Sirs,\n\nTermination of Cleaning Services Agreement ...")
	loc := letterSalutation.FindStringIndex(head)
	if loc == nil {
		return ""
	}
	rest := head[loc[1]:]
	_, rest, _ = strings.Cut(rest, "\n")
	for line := range strings.SplitSeq(rest, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(line); unicode.IsUpper(r) && utf8.RuneCountInString(line) <= maxTitle && !unstoppedLine.MatchString(line) {
			return line
		}
		return ""
	}
	return ""
}

// sentenceWords is how many words a line that ends with a full stop
// needs to be a sentence rather than a title ("Definitions apply." is two,
// "1. The Supplier shall provide the Services in Schedule 1." ten).
const sentenceWords = 8

// stopEndRe ends a sentence: a full stop, question or exclamation mark,
// before any closing quotes or brackets; its group is the word before it.
var stopEndRe = regexp.MustCompile(`(\S*)[.!?。！？]["'”’)\]]*$`)

// layoutGapRe is the gap between a flattened page's columns: a title set
// beside its parties or its preamble is no sentence.
var layoutGapRe = regexp.MustCompile(`\S {3,}\S`)

// abbrevEnd is a word that ends a company's name or a title block with a
// dot that ends no sentence ("Co., Ltd.", "N.D. INC.", "B.V.").
var abbrevEnd = map[string]bool{"inc": true, "ltd": true, "co": true, "corp": true, "llc": true, "plc": true, "bhd": true,
	"pty": true, "ltda": true, "gmbh": true, "ag": true, "sa": true, "nv": true, "bv": true, "jr": true, "sr": true, "no": true}

// headingLine reports whether a line marked as a heading only by its
// looks (set in bold) reads as one: short, two words or more (four Han
// characters), and no sentence, label or clause, which end in a stop or
// a colon ("Note:", "Important.").
func headingLine(line string) bool {
	line = strings.TrimSpace(line)
	if line == "" || utf8.RuneCountInString(line) > maxTitle || strings.ContainsAny(line[len(line)-1:], ".:;,") || strings.HasSuffix(line, "。") || strings.HasSuffix(line, "：") {
		return false
	}
	return !oneWord(line) && !sentenceLine(line)
}

// sentenceLine reports a line that is a sentence, no title: it ends with
// a full stop after a word that is no abbreviation, runs to sentenceWords
// words or more, and is no title block flattened into its preamble (a
// heading in capitals or a kind of document in its first words, a layout
// gap).
// Chinese, which writes no spaces, ends a sentence with "。" and a title
// with none.
func sentenceLine(line string) bool {
	m := stopEndRe.FindStringSubmatch(line)
	if m == nil {
		return false
	}
	if strings.HasSuffix(strings.TrimRight(line, `"'”’)]`), "。") {
		return true
	}
	words := strings.Fields(line)
	if len(words) < sentenceWords || layoutGapRe.MatchString(line) {
		return false
	}
	last := strings.Trim(m[1], `"'“”‘’()[],`)
	if strings.Contains(last, ".") || abbrevEnd[strings.ToLower(last)] || upperWord(last) {
		return false
	}
	if isCapsTitle(words[0]+" "+words[1]) || kindWordRe.MatchString(strings.Join(words[:sentenceWords], " ")) {
		return false
	}
	return true
}

// upperWord reports a word of two capitals or more and no small letter
// ("INC", "LLP"): an abbreviation, or the end of a heading in capitals.
func upperWord(w string) bool {
	upper := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return upper >= 2
}

// unstoppedLine is a line that ends a sentence: a letter's first
// sentence, not its subject.
var unstoppedLine = regexp.MustCompile(`[.!?:;,]$`)

// preambleTitleRe is a contract's name for itself in its preamble: "This"
// and up to eight capitalised words (with "and", "of", "for", "to", "&"
// between them) ending in a kind of document, then what a preamble says
// next (a label's bracket, "is made", "dated", "by and between").
var preambleTitleRe = regexp.MustCompile(`\b(?:This|THIS)\s+((?:[A-Z][\w&'’./-]*\s+(?:(?:and|AND|of|OF|for|FOR|to|TO|&)\s+)?){1,8}?(?:Agreement|AGREEMENT|Contract|CONTRACT|Lease|LEASE|Amendment|AMENDMENT|Licen[cs]e|LICEN[CS]E|Addendum|ADDENDUM|Memorandum|MEMORANDUM)(?:\s+(?:No\.|Number|#)\s*\d+)?)\s*(?:\(|,|"|“|(?:is|was|shall|dated|made|entered|effective|by|between|among|are)\b)`)

// preambleChars bounds where preambleTitle looks: a contract's preamble
// follows its title block and cover notices.
const preambleChars = 6000

// preambleTitle is the name a contract gives itself in its preamble, or
// "" (also for a name of one word, "This Agreement").
func preambleTitle(text string) string {
	if len(text) > preambleChars {
		text = text[:preambleChars]
	}
	m := preambleTitleRe.FindStringSubmatch(text)
	if m == nil {
		return ""
	}
	t := strings.Join(strings.Fields(m[1]), " ")
	if len(strings.Fields(t)) < 2 || utf8.RuneCountInString(t) > maxTitle {
		return ""
	}
	return t
}

// actNameRe is an act's name on a line of its own: "Regulation (EU)
// 2016/679 (GDPR)", "Directive 2000/31/EC".
var actNameRe = regexp.MustCompile(`^(?:Regulation|Directive|Decision|Commission\s+(?:Implementing\s+|Delegated\s+)?Regulation)\b.{0,80}?\d{2,4}/\d{1,4}\b.{0,60}$`)

// articleLineRe is an article's number on a line of its own.
var articleLineRe = regexp.MustCompile(`^Article\s+\d{1,3}[a-z]?$`)

// actArticleTitle is the title of one article of an act, laid out as the
// act's name, the article's number and its heading on the first lines
// ("Regulation (EU) 2016/679 (GDPR), Article 5: Principles relating to
// processing of personal data"): the act's name alone was the title of
// every article of it. "" when the text does not open so.
func actArticleTitle(text string) string {
	var lines []string
	for line := range strings.SplitSeq(text, "\n") {
		if l := strings.TrimSpace(line); l != "" {
			if lines = append(lines, l); len(lines) == 3 {
				break
			}
		}
	}
	if len(lines) < 2 || !actNameRe.MatchString(lines[0]) || !articleLineRe.MatchString(lines[1]) {
		return ""
	}
	t := lines[0] + ", " + lines[1]
	if len(lines) == 3 && utf8.RuneCountInString(lines[2]) <= 100 && !strings.HasSuffix(lines[2], ".") && !strings.HasSuffix(lines[2], ":") {
		t += ": " + lines[2]
	}
	return shorten(t, 2*maxTitle)
}

// kindBetweenRe is a title in capitals that names its parties after the
// kind of document: a line too long for a title is cut before them.
var kindBetweenRe = regexp.MustCompile(`^((?:[A-Z0-9&'’,-]+\s+){0,7}(?:AGREEMENT|CONTRACT|LEASE|AMENDMENT|LICEN[CS]E|MEMORANDUM|ADDENDUM))\s+(?:BY\s+AND\s+)?(?:BETWEEN|AMONG)\s+\S`)

// agreementHeadingRe is a structural heading of a UK or Irish agreement
// ("PARTIES", "BACKGROUND", "AGREED TERMS"): a section's, never the
// document's title, though TERMS names a kind of document.
var agreementHeadingRe = regexp.MustCompile(`(?i)^(?:between|(?:the\s+)?parties|background|recitals|agreed\s+terms|operative\s+provisions|whereas|now\s+this\s+deed\s+witnesses)\s*[:.]?$`)

// datedPreambleRe opens a contract whose preamble is its only title,
// followed by its date ("THIS AGREEMENT is dated 1st March 2024", "THIS
// DEED OF LEASE is made the 2nd day of October 2021"): group 1 is its
// kind, without "THIS", as preambleTitle names it.
var datedPreambleRe = regexp.MustCompile(`^(?:THIS|This)\s+((?:[A-Z][\w&'’-]*\s+(?:(?:of|OF|and|AND)\s+)?){0,5}?(?:AGREEMENT|Agreement|DEED|Deed|CONTRACT|Contract|LEASE|Lease|LICEN[CS]E|Licen[cs]e))\s+is\s+(?:dated|made)\b`)

// lowerStartRe opens a line with a word in lower case.
var lowerStartRe = regexp.MustCompile(`^\p{Ll}{2,}\b`)

// capsTitle returns the title in capitals a line holds, and whether it
// names a kind of document: the whole line, or one of the columns a page
// set side by side ("CONTENT LICENSE AGREEMENT    SUPPLEMENT TO ...",
// "EXHIBIT 4    AFFILIATE AGREEMENT"). A numbered heading ("2.
// AMENDMENT", "SECTION FOUR. REMUNERATION") is a section's, not the
// document's.
func capsTitle(line string) (string, bool) {
	cols := columnSplit.Split(line, -1)
	if len(cols) > 1 {
		for _, c := range cols {
			if c = strings.TrimSpace(c); isCapsTitle(c) && !sectionHeading.MatchString(c) && !reLabelLine.MatchString(c) && docKindRe.MatchString(c) {
				return c, true
			}
		}
	}
	if isCapsTitle(line) && !sectionHeading.MatchString(line) {
		return line, docKindRe.MatchString(line)
	}
	return "", false
}

var (
	// danglingEnd ends a title line that goes on in the next
	danglingEnd    = regexp.MustCompile(`\b(?:TO|TO THE|OF|OF THE|AND|FOR|FOR THE|BETWEEN|ON|IN)$`)
	columnSplit    = regexp.MustCompile(`\s{4,}`)
	sectionHeading = regexp.MustCompile(`^(?:\(?[0-9]{1,3}[.)]|\(?[A-Z][.)]\s|[IVX]{1,5}[.)]|(?:SECTION|ARTICLE|CLAUSE|PART)\b)`)
)

// docKindRe names a kind of document: the line of a title block in
// capitals that holds it is the title, before the parties' names above it.
var docKindRe = regexp.MustCompile(`\b(?:AGREEMENT|CONTRACT|LEASE|AMENDMENT|LICEN[CS]E|DEED|MEMORANDUM|ADDENDUM|POLICY|REGULATION|DIRECTIVE|TERMS|PLAN|NOTE|GUARANT(?:Y|EE)|NOTICE|CERTIFICATE|BYLAWS|CHARTER|STATEMENT|REPORT|PROTOCOL|CONDITIONS)S?\b`)

// leadingCapsRe is a title in capitals that opens a long line, after an
// optional filing label, and names a kind of document: text flattened into
// one line ("Exhibit 10.1 PROMOTION AGREEMENT This Promotion Agreement
// ...") had the line's first 120 characters for a title.
var leadingCapsRe = regexp.MustCompile(`^(?:(?i:exhibit|schedule|annex)\s+[\w.()-]{1,8}\s+)?((?:[A-Z0-9&'’-]+\s+){0,7}(?:AGREEMENT|CONTRACT|LEASE|AMENDMENT|LICENSE|LICENCE|DEED|MEMORANDUM|ADDENDUM|POLICY|REGULATION|DIRECTIVE|TERMS|PLAN|NOTE|GUARANTY|GUARANTEE))(?:\s+(?:[A-Z][A-Z0-9&'’.,-]*\s+){0,5}(?:LIMITED|LTD|INC|LLC|CORP|CORPORATION|COMPANY|PLC|GMBH|AG|S\.A)\.?)?\s+(?:No\.\s*\d+\s+)?[A-Z]?[a-z]`)

// leadingCapsTitle is the title leadingCapsRe finds at the start of line,
// or "".
func leadingCapsTitle(line string) string {
	m := leadingCapsRe.FindStringSubmatch(line)
	if m == nil {
		return ""
	}
	// "WHOLESALE MARKETING AGREEMENT THIS AGREEMENT is made ...": the
	// title ends where the preamble starts
	t := m[1]
	if i := strings.Index(t, " THIS "); i > 0 {
		t = t[:i]
	}
	t = strings.TrimPrefix(t, "THIS ")
	if len(strings.Fields(t)) < 2 {
		return ""
	}
	return t
}

// isCapsTitle reports whether line looks like a title set in capitals: two
// or more words, at most 60 runes, every letter upper case, no comma and
// no closing period (which mark a sentence or a party name, "ACME, INC.").
func isCapsTitle(line string) bool {
	if utf8.RuneCountInString(line) > 60 || strings.ContainsAny(line, ",;") || strings.HasSuffix(line, ".") ||
		len(strings.Fields(line)) < 2 || strings.Contains(line, ". ") {
		// ". " inside: a wrapped disclaimer's line ("ATTORNEY-CLIENT
		// RELATIONSHIP. CREATIVE COMMONS PROVIDES THIS"), not a title
		return false
	}
	letters := 0
	for _, r := range line {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 6
}

func countLetters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// shorten cuts s to at most max runes, at a space when one is near the end.
func shorten(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	cut := 0
	for i := range s {
		if cut == max {
			cut = i
			break
		}
		cut++
	}
	out := s[:cut]
	if sp := strings.LastIndexByte(out, ' '); sp > len(out)*2/3 {
		out = out[:sp]
	}
	return strings.TrimSpace(out) + "…"
}

// Markdown constructs stripped by extractMarkdown.
var (
	// a link's target may hold one level of parentheses ("GDPR_(EU)")
	mdImage   = regexp.MustCompile(`!\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)`)
	mdLink    = regexp.MustCompile(`\[([^\]]+)\]\((?:[^()]|\([^()]*\))*\)`)
	mdRefLink = regexp.MustCompile(`\[([^\]]+)\]\[[^\]]*\]`)
	mdLinkDef = regexp.MustCompile(`^\s{0,3}\[[^\]^][^\]]*\]:\s+\S+`)
	// a footnote's definition keeps its text; its marks in the text go
	mdFootDef = regexp.MustCompile(`^\s{0,3}\[\^[^\]\s]+\]:\s*`)
	mdFootRef = regexp.MustCompile(`\[\^[^\]\s]+\]`)
	// raw HTML blocks whose content is no prose
	mdRawBlock  = regexp.MustCompile(`(?is)<(script|style|noscript|template)\b[^>]*>.*?</(?:script|style|noscript|template)\s*>`)
	mdAutolink  = regexp.MustCompile(`<((?:https?|mailto):[^>\s]+)>`)
	mdStrong    = regexp.MustCompile(`(\*\*|__)(\S(?:.*?\S)?)(\*\*|__)`)
	mdEmph      = regexp.MustCompile(`(^|[\s(\[])[*_](\S(?:[^*_]*?\S)?)[*_]($|[\s).,;:!?\]])`)
	mdStrike    = regexp.MustCompile(`~~(.+?)~~`)
	mdCode      = regexp.MustCompile("`+([^`]+)`+")
	mdTag       = regexp.MustCompile(`</?[a-zA-Z][^>]*>`)
	mdComment   = regexp.MustCompile(`(?s)<!--.*?-->`)
	mdRule      = regexp.MustCompile(`^\s{0,3}([-*_])(\s*([-*_]))\s*(?:[-*_]\s*)+$`)
	mdATX       = regexp.MustCompile(`^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$`)
	mdSetext    = regexp.MustCompile(`^\s{0,3}(=+|-+)\s*$`)
	mdBullet    = regexp.MustCompile(`^(\s*)[*+-]\s+`)
	mdQuote     = regexp.MustCompile(`^\s{0,3}(>\s?)+`)
	mdTableSep  = regexp.MustCompile(`^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$`)
	mdEscape    = regexp.MustCompile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!|<>~])")
	mdFrontName = regexp.MustCompile(`(?m)^title:\s*["']?(.*?)["']?\s*$`)
)

// extractMarkdown strips Markdown markup, keeping the text of headings,
// paragraphs, list items (as "- " lines), table cells (separated by " | ")
// and code blocks. The title is the front-matter title, else the first
// heading.
func extractMarkdown(text string) *extracted {
	text = strings.ReplaceAll(strings.TrimPrefix(text, "\uFEFF"), "\r\n", "\n")
	text = mdComment.ReplaceAllString(text, "")
	text = mdRawBlock.ReplaceAllString(text, "")
	title := ""
	if strings.HasPrefix(text, "---\n") {
		if end := strings.Index(text[4:], "\n---"); end >= 0 {
			if m := mdFrontName.FindStringSubmatch(text[4 : 4+end]); m != nil {
				title = m[1]
			}
			text = text[4+end+4:]
		}
	}
	lines := strings.Split(text, "\n")
	out := make([]string, 0, len(lines))
	fenced := false
	for i, line := range lines {
		trim := strings.TrimSpace(line)
		if strings.HasPrefix(trim, "```") || strings.HasPrefix(trim, "~~~") {
			fenced = !fenced
			out = append(out, "")
			continue
		}
		if fenced {
			out = append(out, line)
			continue
		}
		if m := mdATX.FindStringSubmatch(line); m != nil {
			h := inlineMarkdown(m[2])
			if title == "" {
				title = h
			}
			out = append(out, "", h, "")
			continue
		}
		if mdSetext.MatchString(line) && i > 0 && strings.TrimSpace(lines[i-1]) != "" && !mdBullet.MatchString(line) {
			if title == "" && len(out) > 0 {
				title = out[len(out)-1]
			}
			out = append(out, "")
			continue
		}
		if mdRule.MatchString(line) || mdLinkDef.MatchString(line) || mdTableSep.MatchString(line) && strings.Contains(line, "-") && strings.Contains(line, "|") {
			out = append(out, "")
			continue
		}
		line = mdFootDef.ReplaceAllString(line, "")
		line = mdQuote.ReplaceAllString(line, "")
		line = mdBullet.ReplaceAllString(line, "$1- ")
		if t := strings.TrimSpace(line); strings.HasPrefix(t, "|") && strings.HasSuffix(t, "|") {
			line = strings.Join(trimCells(strings.Split(strings.Trim(t, "|"), "|")), " | ")
		}
		out = append(out, inlineMarkdown(line))
	}
	return &extracted{text: normalize(strings.Join(out, "\n")), title: strings.TrimSpace(title)}
}

func trimCells(cells []string) []string {
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	return cells
}

// inlineMarkdown strips inline markup from one line. The content of code
// spans is literal: `List<Item>` and `a_b_c` keep their brackets and
// underscores.
func inlineMarkdown(s string) string {
	var b strings.Builder
	last := 0
	for _, m := range mdCode.FindAllStringSubmatchIndex(s, -1) {
		b.WriteString(inlineMarkup(s[last:m[0]]))
		b.WriteString(s[m[2]:m[3]])
		last = m[1]
	}
	b.WriteString(inlineMarkup(s[last:]))
	return b.String()
}

// inlineMarkup strips the inline markup of text outside code spans.
func inlineMarkup(s string) string {
	s = mdFootRef.ReplaceAllString(s, "")
	s = mdImage.ReplaceAllString(s, "$1")
	s = mdLink.ReplaceAllString(s, "$1")
	s = mdRefLink.ReplaceAllString(s, "$1")
	s = mdAutolink.ReplaceAllString(s, "$1")
	s = mdStrong.ReplaceAllString(s, "$2")
	s = mdEmph.ReplaceAllString(s, "$1$2$3")
	s = mdStrike.ReplaceAllString(s, "$1")
	s = mdTag.ReplaceAllStringFunc(s, htmlTagOnly)
	return mdEscape.ReplaceAllString(s, "$1")
}

// htmlTagOnly drops an HTML tag and keeps other text in angle brackets:
// "<br>" and "</span>" go, a placeholder such as "<Customer Name>" stays,
// and so does prose such as "<b and c>", which opens with an element name
// but whose words are no attributes.
func htmlTagOnly(m string) string {
	name := strings.TrimLeft(m, "</")
	rest := ""
	if i := strings.IndexFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }); i >= 0 {
		name, rest = name[:i], name[i:]
	}
	if !htmlElements[strings.ToLower(name)] || !tagRest(rest, strings.HasPrefix(m, "</")) {
		return m
	}
	return ""
}

// tagRest reports whether rest (what follows the element name, up to and
// with the closing ">") reads as a tag's attributes: each has a value
// (href="x", width=3) or is one of the boolean attributes authors write
// bare; a closing tag has none.
func tagRest(rest string, closing bool) bool {
	rest = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(rest, ">"), "/"))
	if rest == "" {
		return true
	}
	if closing {
		return false
	}
	for _, a := range htmlAttr.FindAllStringSubmatch(rest, -1) {
		if a[2] == "" && !boolAttrs[strings.ToLower(a[1])] {
			return false
		}
	}
	return htmlAttr.ReplaceAllString(rest, "") == ""
}

var (
	htmlAttr  = regexp.MustCompile(`\s*([a-zA-Z_:][-a-zA-Z0-9_:.]*)(\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>` + "`" + `]+))?`)
	boolAttrs = map[string]bool{"open": true, "controls": true, "hidden": true, "autoplay": true, "loop": true,
		"muted": true, "disabled": true, "checked": true, "nowrap": true, "reversed": true, "playsinline": true}
)

// htmlElements are the HTML element names Markdown authors write inline.
var htmlElements = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Fields(`a abbr address article aside b bdi bdo big blockquote br caption center cite code
		col colgroup dd del details dfn div dl dt em figcaption figure font footer h1 h2 h3 h4 h5 h6 header hr i img
		ins kbd li mark nav ol p picture pre q s samp section small source span strike strong sub summary sup table
		tbody td tfoot th thead tr tt u ul var video audio wbr`) {
		m[n] = true
	}
	return m
}()

// fragmentWords is the fewest words of a line fragmentTitle takes for a
// sentence's fragment: a shorter one ("Quarterly review") is a label
// that may title its document.
const fragmentWords = 5

// fragmentTitle reports whether line, the title read from a text's first
// lines, is the fragment of a sentence that the bold heading below it
// outranks: "Applies to all staff in the EMEA region" above "Travel and
// Expenses Policy". The line is a field ("Applies to: All staff") or
// runs to fragmentWords words or more in sentence case; it is in no
// capitals and names no kind of document; the heading is in title case
// or names one.
func fragmentTitle(line, heading string) bool {
	if line == heading || isCapsTitle(line) || formKindRe.MatchString(line) {
		return false
	}
	if !fieldLineRe.MatchString(line) && (len(strings.Fields(line)) < fragmentWords || titleCased(line)) {
		return false
	}
	return titleCased(heading) || formKindRe.MatchString(heading)
}

// fieldLineRe is a document's field, a short label and its value
// ("Applies to: All staff", "Owner: HR Operations"), which a policy sets
// above or below its title.
var fieldLineRe = regexp.MustCompile(`^\p{L}[\p{L} ]{0,24}:\s+\S`)

// titleCased reports whether every word of four letters or more in line
// starts with a capital ("Travel and Expenses Policy"); a line with no
// such word, Chinese included, is not.
func titleCased(line string) bool {
	long := 0
	for _, w := range strings.Fields(line) {
		r, _ := utf8.DecodeRuneInString(w)
		if countLetters(w) < 4 || !unicode.IsLetter(r) {
			continue
		}
		if !unicode.IsUpper(r) {
			return false
		}
		long++
	}
	return long > 0
}
