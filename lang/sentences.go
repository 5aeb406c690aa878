package lang

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentences splits text into trimmed, non-empty sentences.
//
// Blank lines always end a sentence. Inside a paragraph, lines are joined
// (hard-wrapped text) unless the next line starts a list item or the line
// looks like a heading (short, no closing punctuation, followed by a line
// that starts like a new sentence). English boundaries are . ! ? and
// ellipses followed by whitespace and an upper-case letter, digit, quote or
// bracket; abbreviations (Mr., e.g., U.S., No., Sec., Art., ...), initials,
// decimals (2.3) and list numbers ("1. Definitions") do not end a sentence.
// For Chinese ("zh", and "ja"), 。！？； and ! ? end a sentence, taking
// closing quotes and brackets with them, as do half-width . ! ? ; between
// CJK characters; lines of CJK text are joined without a space.
func Sentences(text, language string) []string {
	zh := language == Chinese || language == Japanese
	var out []string
	for _, para := range paragraphs(text) {
		for _, unit := range lineUnits(para, zh) {
			out = splitUnit(out, unit, zh)
		}
	}
	return out
}

// paragraphs splits text on blank lines; each paragraph is a list of
// trimmed, non-empty lines.
func paragraphs(text string) [][]string {
	var paras [][]string
	var cur []string
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			if len(cur) > 0 {
				paras = append(paras, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, line)
	}
	if len(cur) > 0 {
		paras = append(paras, cur)
	}
	return paras
}

// maxUnpunctuated bounds a unit with no punctuation at all (not even a
// comma): past it, lines are not joined any more (tables, lists and
// log-like text would otherwise become one giant "sentence").
const maxUnpunctuated = 1500

// lineUnits joins the lines of a paragraph into units that the sentence
// scanner then splits further.
func lineUnits(lines []string, zh bool) []string {
	var units []string
	var b strings.Builder
	punct := false
	for i, line := range lines {
		// a line can stand on its own only where a unit may start: the
		// paragraph's first line or one after a line that ended a clause
		// (see opensUnit)
		opens := b.Len() == 0 || i > 0 && opensUnit(lines[i-1])
		if b.Len() > 0 {
			prev, _ := utf8.DecodeLastRuneInString(b.String())
			next, _ := utf8.DecodeRuneInString(line)
			if !(isCJK(prev) && isCJK(next)) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(line)
		punct = punct || strings.ContainsAny(line, ".!?;:,。！？；：，")
		next := ""
		if i+1 < len(lines) {
			next = lines[i+1]
		}
		if next == "" || isListItem(next) || opens && isHeading(line, next, zh) || !punct && b.Len() > maxUnpunctuated ||
			fieldLine(line) && fieldLine(next) ||
			codeHeading(line) && !sentenceGoesOn(line) || codeHeading(next) && !sentenceGoesOn(line) {
			units = append(units, b.String())
			b.Reset()
			punct = false
		}
	}
	return units
}

// fieldLineRe is a line that opens with a label in title case and a
// colon: "Customer: Blue Harbor Retail Inc.", "Governing Law: England and
// Wales".
var fieldLineRe = regexp.MustCompile(`^\p{Lu}[\pL'’&-]*(?:[ \t]+(?:of|the|and|[\p{Lu}(][\pL'’&()-]*)){0,4}[ \t]*:[ \t]*\S`)

// fieldLine reports a line of a key-details table (fieldLineRe). Two such
// lines in a row are two facts: joined, a contract's table of parties,
// dates and law made one run-on sentence that opened its summary.
func fieldLine(line string) bool { return fieldLineRe.MatchString(line) }

// opensUnit reports whether the line after prev may open a unit of its
// own: prev ends a clause. A line inside a wrapped sentence is no heading
// however short it is: in a PDF's narrow column ("... located outside
// the European" over "Union. Firms should ...") every line is short, and
// each one before a capital ended its sentence there, leaving "Union." a
// sentence of its own and the summary's sentence cut off.
func opensUnit(prev string) bool {
	last, _ := utf8.DecodeLastRuneInString(prev)
	return strings.ContainsRune(".!?:;。！？；：", last)
}

// codeHeadingRe is a US code's or regulation's heading: a part of the
// code labelled and numbered before a dash ("PART 164—SECURITY AND
// PRIVACY", "Subpart E—Privacy of Individually Identifiable Health
// Information", "Title 45 —Public Welfare"), or a section by its sign
// ("§ 164.502 Uses and disclosures ..."). Such headings run longer than
// isHeading's, and one line after another they made a CFR section's
// first "sentence", which opened its summary.
var codeHeadingRe = regexp.MustCompile(`^(?:(?i:(?:sub)?(?:title|chapter|part)|subchapter)\s+[0-9IVXLC]{1,6}[A-Z]?\s*[—–-]\s*\S|§+\s*\d)`)

// codeHeading reports a line that opens with codeHeadingRe.
func codeHeading(line string) bool { return codeHeadingRe.MatchString(line) }

// sentenceGoesOn reports a line cut inside a sentence: it ends with a
// comma, a dash or a word in lower case ("... in compliance with"), so
// the next line carries on ("§ 164.506;").
func sentenceGoesOn(line string) bool {
	last, _ := utf8.DecodeLastRuneInString(line)
	if strings.ContainsRune(".!?:;。！？；：", last) {
		return false
	}
	words := strings.Fields(line)
	first, _ := utf8.DecodeRuneInString(words[len(words)-1])
	return !unicode.IsUpper(first) && !unicode.IsDigit(first)
}

// isHeading reports whether a line stands on its own: short, without
// closing punctuation, and followed by a line that starts a sentence.
func isHeading(line, next string, zh bool) bool {
	last, _ := utf8.DecodeLastRuneInString(line)
	if strings.ContainsRune(".!?:;,。！？；：，、-–—(\"“", last) {
		return false
	}
	max := 60
	if zh {
		max = 25
	}
	if utf8.RuneCountInString(line) > max {
		return false
	}
	first, _ := utf8.DecodeRuneInString(next)
	return unicode.IsUpper(first) || unicode.IsDigit(first) || isCJK(first) || strings.ContainsRune("\"“‘([", first)
}

// isListItem reports whether a line starts with a bullet or an enumerator:
// "- ", "• ", "1. ", "1.2 ", "(a) ", "a) ", "iv. ", "一、", "（一）", "1、".
func isListItem(line string) bool {
	r, size := utf8.DecodeRuneInString(line)
	if strings.ContainsRune("-*•·–▪◦►‣", r) {
		return len(line) > size && (line[size] == ' ' || line[size] == '\t')
	}
	if r == '（' || r == '(' {
		end := strings.IndexAny(line, ")）")
		return end > 0 && end <= 8 && end+1 < len(line)
	}
	// enumerator: up to 6 chars of digits, letters (roman) or dots, then ") ", ". " or "、"
	i := 0
	for i < len(line) && i < 8 {
		c := line[i]
		if c >= '0' && c <= '9' || c == '.' && i > 0 {
			i++
			continue
		}
		break
	}
	if i == 0 {
		// a single letter or short roman numeral: "a) ", "iv. "
		for i < len(line) && i < 4 && strings.IndexByte("abcdefghijklmnopqrstuvwxyzIVXivx", line[i]) >= 0 {
			i++
		}
		if i == 0 || i+1 >= len(line) || line[i+1] != ' ' || (line[i] != ')' && !(line[i] == '.' && isRoman(line[:i]))) {
			return cjkEnumerator(line)
		}
		return true
	}
	if i < len(line) {
		rest := line[i:]
		switch {
		case strings.HasPrefix(rest, ") "), strings.HasPrefix(rest, "、"):
			return true
		case rest[0] == ' ' && line[i-1] == '.':
			return true
		case rest[0] == ' ' && strings.Contains(line[:i], "."):
			return true // "1.2 Scope"
		}
	}
	return false
}

func isRoman(s string) bool {
	return strings.Trim(strings.ToLower(s), "ivx") == "" || len(s) == 1
}

// cjkEnumerator recognises "一、" style enumerators.
func cjkEnumerator(line string) bool {
	for i, r := range line {
		if i > 9 {
			return false
		}
		if r == '、' {
			return i > 0
		}
		if !strings.ContainsRune("一二三四五六七八九十", r) {
			return false
		}
	}
	return false
}

// isCJK reports whether r is a Han, kana or Hangul character or CJK
// punctuation.
func isCJK(r rune) bool {
	return r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF)
}

// strongAbbrev never end a sentence; weakAbbrev end one only before an
// upper-case word.
var (
	strongAbbrev = setOf("mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "messrs", "mme", "no", "nos", "sec", "secs",
		"art", "arts", "para", "paras", "cl", "sched", "fig", "figs", "vol", "vols", "pp", "p", "ch", "chap", "sch", "cf", "vs", "v",
		"viz", "approx", "dept", "gen", "gov", "govt", "hon", "rev", "sgt", "capt", "col", "lt", "mt", "ft", "ave", "blvd",
		"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ref", "refs", "ex", "exh",
		"subsec", "subpara", "pt", "reg", "regs", "dir", "op", "cit", "ibid", "id", "n", "nr", "tel", "min", "max", "mio",
		// addresses: "Ste. 600", "POB. 12", "Toronto, Ont. M3C", "Austin, Tex.";
		// company forms before another ("Pvt. Ltd.", "Pty. Ltd.", "Sdn. Bhd.")
		"ste", "rd", "pob", "apt", "bldg", "pvt", "pte", "pty", "sdn", "hwy", "pkwy", "ont", "fla", "ariz", "calif", "conn", "colo", "tex", "okla", "minn", "tenn")
	weakAbbrev = setOf("inc", "ltd", "co", "corp", "llc", "plc", "etc", "al", "bros", "lp", "llp", "gmbh", "ag", "sa", "bv", "nv")
	// citeAbbrev are a legal citation's abbreviations, capitalised as a
	// citation writes them: reporters, courts and rules ("34 Cal. App.
	// 4th 979", "12 F. Supp. 3d 45", "(9th Cir. 1999)", "127 S. Ct.
	// 1955", "Fed. R. Civ. P. 12", "Dkt. No. 27"). Lower-case, most are
	// words that may end a sentence ("the app.", "was fed."), so they
	// match as written.
	citeAbbrev = setOf("App", "Cal", "Supp", "Cir", "Ct", "Cts", "Dist", "Fed", "Civ", "Crim", "Stat", "Ann", "Dkt",
		"Bankr", "Super", "Div", "Jud", "Cnty", "Admin", "Proc", "Evid", "Rptr", "Sys", "Servs", "Mfg")
	// nameJoins follow a company form's stop within one name: another
	// form ("Alice Corp. Pty. Ltd.") or the "v." of a case name ("Kronos,
	// Inc. v. AVX Corp.").
	nameJoins = setOf("Pty", "Ltd", "Inc", "Co", "Corp", "LLC", "Pvt", "Pte", "Sdn", "Bhd")
)

// IsAbbreviation reports whether word (without its period) is an
// abbreviation that a period may follow inside a sentence ("Sec", "Ste",
// "Inc").
func IsAbbreviation(word string) bool {
	w := strings.ToLower(word)
	return strongAbbrev[w] || weakAbbrev[w]
}

// IsCitationAbbreviation reports whether word (without its period, as
// written) is a legal citation's abbreviation that ends no sentence
// ("Cal", "Supp", "Civ": "34 Cal. App. 4th 979", "Fed. R. Civ. P. 12").
func IsCitationAbbreviation(word string) bool { return citeAbbrev[word] }

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// closers may follow a terminator and belong to the sentence it ends.
const closers = "\"'”’」』）)]】》"

// splitUnit appends the sentences of one unit to out.
func splitUnit(out []string, s string, zh bool) []string {
	start := 0
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		end := -1
		switch r {
		case '。', '！', '？', '；', '!', '?', '…', '.', ';':
			end = boundary(s, start, i, r, zh)
		case ':':
			end = colonBoundary(s, i)
		}
		if end < 0 {
			i += size
			continue
		}
		if sent := strings.TrimSpace(s[start:end]); sent != "" {
			out = append(out, sent)
		}
		start, i = end, end
	}
	if sent := strings.TrimSpace(s[start:]); sent != "" {
		out = append(out, sent)
	}
	return out
}

// boundary decides whether the terminator r at byte i ends a sentence and
// returns the end of that sentence (after closers), or -1.
func boundary(s string, start, i int, r rune, zh bool) int {
	end := i + utf8.RuneLen(r)
	ellipsis := r == '…'
	// runs of terminators: "?!", "...", "。」"
	for end < len(s) {
		n, size := utf8.DecodeRuneInString(s[end:])
		if n == '.' || n == '…' || (n == '!' || n == '?') && r != '.' {
			if n == '.' && r == '.' || n == '…' {
				ellipsis = true
			}
			end += size
			continue
		}
		if n == '。' || n == '！' || n == '？' {
			end += size
			continue
		}
		break
	}
	for end < len(s) {
		n, size := utf8.DecodeRuneInString(s[end:])
		if !strings.ContainsRune(closers, n) {
			break
		}
		end += size
	}
	if end >= len(s) {
		return len(s)
	}
	cjkTerm := r == '。' || r == '！' || r == '？' || r == '；'
	if cjkTerm || zh && (r == '!' || r == '?' || r == '…') {
		return end
	}
	// Half-width punctuation inside Chinese text (common in scientific
	// abstracts): ". ! ?" between CJK characters always ends a sentence,
	// ";" does so in Chinese text, as "；" would.
	prevR, _ := utf8.DecodeLastRuneInString(s[start:i])
	nextR, _ := utf8.DecodeRuneInString(s[end:])
	if isCJK(prevR) && isCJK(nextR) && (r != ';' || zh) {
		return end
	}
	if r == ';' {
		return -1
	}
	// ASCII terminators need whitespace after them.
	j := end
	for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
		j++
	}
	if j == end || j >= len(s) {
		return -1
	}
	next, _ := utf8.DecodeRuneInString(s[j:])
	if r == '.' && inlineLabel(s[j:]) != "" && !caseNameV(s[start:i], s[j:]) {
		return end // "... nationwide. b. Provide ...": a list run into one line
	}
	startsSentence := unicode.IsUpper(next) || unicode.IsDigit(next) || isCJK(next) || strings.ContainsRune("\"“‘'([", next)
	if !startsSentence {
		return -1
	}
	if r == '!' || r == '?' || ellipsis {
		return end
	}
	return periodBoundary(s, start, i, next, end)
}

// periodBoundary applies the abbreviation, initial and enumerator rules to
// a period at byte i followed by a sentence-like start next.
func periodBoundary(s string, start, i int, next rune, end int) int {
	w := i
	for w > start {
		c, size := utf8.DecodeLastRuneInString(s[:w])
		if !(unicode.IsLetter(c) || unicode.IsDigit(c) || c == '.') {
			break
		}
		w -= size
	}
	word := s[w:i]
	if word == "" {
		return end // "(a)." or a quote before the period
	}
	lw := strings.ToLower(word)
	switch {
	case strongAbbrev[lw] || citeAbbrev[word]:
		return -1
	case (word == "c" || lw == "cap") && chapterNum(s[end:]):
		// a statute's chapter: "(S.C. 2000, c. 5)", "R.S.C. 1985, c. P-21";
		// Singapore's and Malaysia's "Act (Cap. 186)", which ended a MAS
		// notice's first sentence at "(Cap."
		return -1
	case strings.Contains(word, "."): // U.S., e.g., i.e., a.m.
		return -1
	case utf8.RuneCountInString(word) == 1 && unicode.IsUpper(rune(word[0])):
		return -1 // an initial: "J. Smith"
	case weakAbbrev[lw]:
		if unicode.IsUpper(next) && !nameJoins[firstWord(s[end:])] {
			return end
		}
		return -1
	case strings.TrimSpace(s[start:w]) == "" && (isNumber(word) || isRoman(word) && len(word) <= 4):
		return -1 // "1. Definitions" at the start of a unit
	case inlineLabel(s[w:]) != "" && w > start && s[w-1] == ' ':
		return w // "... public b. Information ...": the label opens the next item
	}
	return end
}

// caseNameV reports the "v." of a case name after a capitalised word,
// or a company form's stop, in before ("Bell Atlantic Corp. v. Twombly",
// "Ashcroft v. Iqbal"): no list's fifth item.
func caseNameV(before, after string) bool {
	if !strings.HasPrefix(after, "v.") {
		return false
	}
	w := before[strings.LastIndexAny(before, " \t(")+1:]
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// firstWord is s's first word after its leading spaces, up to a space or
// a stop.
func firstWord(s string) string {
	s = strings.TrimLeft(s, " \t")
	if i := strings.IndexAny(s, " \t.,"); i >= 0 {
		return s[:i]
	}
	return s
}

// inlineLabel returns the list label that s starts with when it is a
// lower-case letter or roman numeral with a period or parenthesis, then a
// capitalised word ("b. Provide", "iv) The"), or "". Text flattened from
// a list (a contract converted without its line breaks) keeps such labels
// mid-line, where the label would otherwise end the sentence before it
// ("... nationwide. b.") and open the next as a fragment.
func inlineLabel(s string) string {
	i := 0
	for i < len(s) && i < 4 && strings.IndexByte("abcdefghijklmnopqrstuvwxyz", s[i]) >= 0 {
		i++
	}
	if i == 0 || i > 1 && !isRoman(s[:i]) || i+2 >= len(s) || s[i] != '.' && s[i] != ')' || s[i+1] != ' ' {
		return ""
	}
	next, _ := utf8.DecodeRuneInString(s[i+2:])
	if !unicode.IsUpper(next) {
		return ""
	}
	return s[:i]
}

// colonBoundary ends a lead-in at its colon when a flattened list's first
// item follows ("the following: a. Information ..."), so that the lead-in
// and the items are units of their own; otherwise -1.
func colonBoundary(s string, i int) int {
	end := i + 1
	j := end
	for j < len(s) && s[j] == ' ' {
		j++
	}
	if j == end || j >= len(s) {
		return -1
	}
	if l := inlineLabel(s[j:]); l == "a" || l == "i" {
		return end
	}
	return -1
}

// chapterNum reports whether s (after "c.") opens with a chapter number
// as statutes are cited: "5", "P-21", "F.31", after optional spaces.
// "c" alone is not an abbreviation ("vitamin c. The"), and a list label
// "c. Provide" has a word after it, not a number.
func chapterNum(s string) bool {
	s = strings.TrimLeft(s, " \t")
	i := 0
	for i < len(s) && i < 3 && s[i] >= 'A' && s[i] <= 'Z' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '-' || s[i] == '.') {
		i++
	}
	return i < len(s) && s[i] >= '0' && s[i] <= '9'
}

func isNumber(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
