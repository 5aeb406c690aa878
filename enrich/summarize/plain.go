package summarize

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/docmill/docmill/lang"
)

// plainRules are the wordy legal formulas that plain-language style guides
// cut or shorten (the US federal Plain Language Guidelines, the EU's "How
// to write clearly"), where the shorter form says the same: under a tight
// budget they take the place of words that matter. Formulas that qualify
// what a clause means ("in its sole discretion", "to the extent permitted
// by law", "notwithstanding ...") stay, however wordy. A formula that opens
// a sentence (^) goes only with the comma that closes it, and one set off
// by commas only with both: cut elsewhere, a sentence loses its grammar
// ("except to the extent permitted by law." became "except.").
var plainRules = []struct {
	cue  string // a word every match holds (lower case): most sentences need no regexp run
	re   *regexp.Regexp
	with string
}{
	{"limited", rx(`including,? but not limited to,?`), "including"},
	{"limitation", rx(`including,? without limitation,?`), "including"},
	{"limitation", rx(`, without limitation,`), ""},
	// only "you" opening a sentence: "Licensee agrees that it ..." would lose
	// what "it" is, "If you agree that ..." its condition
	{"you", rx(`^you( hereby)? (acknowledge|agree|understand)( and (acknowledge|agree|understand))? that,?`), ""},
	// how a reader comes to agree ("By accessing or using the Services, you
	// agree ..."): what they agree to is the point
	{"by ", regexp.MustCompile(`(?i)^\s*by\s+(?:accessing|using|visiting|browsing|downloading|installing|registering\s+(?:for|with|on)|signing\s+up\s+(?:for|with))(?:\s*,?\s+(?:or|and|and/or)\s+(?:accessing|using|visiting|browsing|downloading|installing|registering\s+(?:for|with|on)))*\s+(?:the|our|this|these|any\s+of\s+(?:the|our))\s+(?:[\pL\d'’-]+\s+){0,3}?(?:services?|site|websites?|apps?|applications?|platforms?|games?|software|products?)\s*,?\s+(you)\b`), "$1"},
	{"please", rx(`^please (note|be aware|be advised) that,?`), ""},
	// what a contract says its parties agree or understand: the contract says it
	{"it is", regexp.MustCompile(`(?i)^\s*it\s+is(?:\s+hereby)?(?:\s+expressly)?(?:\s+mutually)?\s+(?:stated|noted|agreed|understood|acknowledged)(?:\s+and\s+(?:agreed|understood|acknowledged))?(?:\s+by\s+the\s+parties(?:\s+hereto)?)?(?:\s+that\b,?|\s*,)\s*`), ""},
	{"foregoing", rx(`^without limiting the (generality of the )?foregoing,`), ""},
	{"avoidance", rx(`^for the avoidance of doubt,`), ""},
	{"avoidance", rx(`, for the avoidance of doubt,`), ""},
	{"hereby", rx(`hereby `), ""},
	{"event", rx(`in the event that`), "if"},
	{"prior", rx(`prior to`), "before"},
	{"order", rx(`in order to`), "to"},
	{"pursuant", rx(`pursuant to`), "under"},
	// an FCA Handbook provision's number and the letter of its type, R
	// (rule), G (guidance), E (evidential provision) or D (direction):
	// "6.1.1 R A firm must ..." gave summaries that opened "R A firm
	// must ..."; the handbook's numbers always have three parts
	{"", regexp.MustCompile(`^\s*\d{1,3}\.\d{1,3}\.\d{1,3}[A-Z]?\s+[RGED]\s+([A-Z])`), "$1"},
	// a clause's number ("3.2.4. EIT commits ...", "12. The Supplier ..."):
	// out of its document it numbers nothing
	{"", regexp.MustCompile(`^\s*(?:\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}\.)\s+([A-Z])`), "$1"},
	// a list item's letter or roman numeral and its stop ("i. Each
	// Sub-processor ...", "b. The Supplier ..."), which the numbers' rule
	// above missed: a one-letter label reads as an abbreviation, so the
	// item's first sentence kept it and a summary opened "i. Each". Labels
	// in brackets ("(c) Member States ...") stay: they mark a list's later
	// item, which no summary opens with (continuation)
	{"", regexp.MustCompile(`^\s*(?:[a-z]|[ivx]{1,5})\.\s+([A-Z])`), "$1"},
	// an ordinal that extraction split ("26t h day", "1s t day")
	{"", regexp.MustCompile(`\b(\d{1,3})(?:(s) (t)|(n) (d)|(r) (d)|(t) (h))\b`), "$1$2$3$4$5$6$7$8$9"},
	// a footnote's marker, set against the word or stop it follows
	// ("Beta LLC.[1]"): its note is not in the summary
	{"[", regexp.MustCompile(`([^\s\[(])\[\d{1,3}\]`), "$1"},
	// a reference mark set against the word it follows ("Northwind Cloud
	// Corporation∗", "Contoso Bank plc†"): its note is not in the summary
	{"", regexp.MustCompile(`([\pL.)”"])[\x{2217}\x{204E}†‡]+`), "$1"},
	// a pointer to a definition elsewhere says nothing here
	{"defined", regexp.MustCompile(`(?i)\s*\(\s*as\s+(?:defined|set\s+forth)\s+(?:below|above|herein|hereinafter|in\s+this\s+agreement)\s*\)`), ""},
}

// definedLabelRe is a defined term's label ("(the "Agreement")", "("Licensee")",
// "(each a "Party")"): the name before it says who or what, so Plain
// drops it, except a party's role in a contract's preamble (roleLabel).
var definedLabelRe = regexp.MustCompile(`(?i)\s*\((?:(?:the|this|each|collectively|together|individually|hereinafter|herein|referred\s+to\s+as|a|an|and|or|as|,|\s)*(?:"([^"()]{1,60})"|“([^”()]{1,60})”|‘([^’()]{1,60})’|'([^'()]{1,60})')\s*)+\)`)

// labelQuote finds the quoted words of a label.
var labelQuote = regexp.MustCompile(`"([^"()]{1,60})"|“([^”()]{1,60})”|‘([^’()]{1,60})’|'([^'()]{1,60})'`)

// genericLabels name no party's role: the contract itself, its date, the
// parties together.
var genericLabels = map[string]bool{"agreement": true, "this agreement": true, "contract": true, "party": true, "parties": true,
	"effective date": true, "commencement date": true, "execution date": true, "start date": true, "we": true, "us": true,
	"our": true, "you": true, "your": true, "deed": true, "lease": true, "licence": true, "license": true}

// withLabels drops the labels of s (definedLabelRe) but, in a contract's
// preamble, keeps the role each party takes in the clauses after it
// ("ACME LIMITED ("Supplier") and BETA LTD ("Customer")"): without it, a
// summary's "The Supplier shall provide the Services to the Customer"
// named nobody.
func withLabels(s string) string {
	labels := definedLabelRe.FindAllStringIndex(s, -1)
	if labels == nil {
		return s
	}
	preamble := preambleRe.MatchString(s)
	var b strings.Builder
	last := 0
	for _, m := range labels {
		b.WriteString(s[last:m[0]])
		if preamble {
			// what stands between the label before and this one is the
			// party it labels: its name, and its address after it
			if role, ok := roleLabel(s[m[0]:m[1]], s[max(last, m[0]-400):m[0]]); ok {
				b.WriteString(` ("` + role + `")`)
			}
		}
		last = m[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// roleLabel is the role a label gives the party named before it: one
// quoted term, no generic one, and none that only shortens the name
// ("Acme Software, Inc. ("Acme")" says nothing more).
func roleLabel(label, before string) (string, bool) {
	qs := labelQuote.FindAllStringSubmatch(label, -1)
	if len(qs) != 1 {
		return "", false
	}
	q := strings.TrimSpace(strings.Join(qs[0][1:], ""))
	if len(q) > 4 && strings.EqualFold(q[:4], "the ") {
		q = q[4:] // ("the Supplier")
	}
	if q == "" || genericLabels[strings.ToLower(q)] || strings.Contains(strings.ToLower(q), "date") {
		return "", false // "Effective Date", "EffectiveDate"
	}
	lower := strings.ToLower(before)
	for _, w := range strings.Fields(strings.ToLower(q)) {
		if len(w) > 2 && strings.Contains(lower, strings.Trim(w, ".,")) {
			return "", false
		}
	}
	return q, true
}

// withoutLabels is s without any label, a party's role too.
func withoutLabels(s string) string {
	return strings.Join(strings.Fields(definedLabelRe.ReplaceAllString(s, "")), " ")
}

// rx compiles a rule case-blind, as whole words, with any run of white
// space (extracted PDFs and contracts keep double spaces) between words.
// "^" anchors it at the start of the sentence; a rule ending in ",?" also
// takes a comma after its last word; a rule opening with ", " takes the
// comma before it (and, ending in ",", the one after: "a, b, c" is "a c").
func rx(s string) *regexp.Regexp {
	before, after := `\b`, `\b`
	switch {
	case strings.HasPrefix(s, "^"):
		before, s = `^\s*`, strings.TrimPrefix(s, "^")
	case strings.HasPrefix(s, ", "):
		before, s = `\s*,\s*`, strings.TrimPrefix(s, ", ")
	}
	switch {
	case strings.HasSuffix(s, ",?"):
		after, s = `\b,?`, strings.TrimSuffix(s, ",?")
	case strings.HasSuffix(s, ","):
		after, s = `\s*,`, strings.TrimSuffix(s, ",")
	}
	return regexp.MustCompile(`(?i)` + before + strings.ReplaceAll(s, " ", `\s+`) + after)
}

// plainAll is Plain over the sentences of an English text, the first
// person then said in the third (a copy; other languages are returned as
// they are).
func plainAll(sentences []string, o Options) []string {
	_, spoken := plainSpoken(sentences, o)
	return spoken
}

// plainSpoken is plainAll with the sentences before the first person was
// rewritten: scores read those, since the name put in for "we" ("the
// service") is no word of the text's and would make every sentence that
// says "we" look central.
func plainSpoken(sentences []string, o Options) (plain, spoken []string) {
	if o.Language == lang.Chinese {
		plain = make([]string, len(sentences))
		for i, s := range sentences {
			plain[i] = withoutArticleLabel(s)
		}
		return plain, plain
	}
	plain = make([]string, len(sentences))
	for i, s := range sentences {
		plain[i] = Plain(withoutGluedHeading(s))
	}
	if o.Letter {
		return plain, plain // its "we" is its writer
	}
	// who "we" is reads the definitions Plain takes out (`("Dropbox", "we")`)
	return plain, thirdPersonAll(plain, speaker(sentences))
}

// Plain shortens an English sentence by the formulas of plainRules,
// keeping the rest as written: the summary stays the document's words.
func Plain(s string) string {
	lower := strings.ToLower(s)
	out := s
	for _, r := range plainRules {
		if !strings.Contains(lower, r.cue) {
			continue
		}
		if strings.Contains(r.with, "$") {
			out = r.re.ReplaceAllString(out, r.with)
			continue
		}
		// in the case of what it replaces: a licence's "EXPRESS OR
		// IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES" read
		// "including THE WARRANTIES"
		out = r.re.ReplaceAllStringFunc(out, func(m string) string {
			if strings.ToUpper(m) == m && strings.ToLower(m) != m {
				return strings.ToUpper(r.with)
			}
			return r.with
		})
	}
	if strings.Contains(out, "(") {
		out = withLabels(out)
	}
	out = withoutOpener(out)
	if out == s || strings.Contains(lower, `"including`) {
		return s // a definition of "including" is quoted, not used
	}
	out = strings.Join(strings.Fields(out), " ")
	if dangling(out) && !dangling(strings.TrimSpace(s)) {
		return s // "For the avoidance of doubt, and subject to ..."
	}
	out = strings.ReplaceAll(out, " ,", ",")
	out = strings.ReplaceAll(out, " .", ".")
	if !strings.Contains(s, "..") {
		out = strings.ReplaceAll(out, "..", ".") // `Inc. ("Acme").` -> "Inc.."
	}
	out = strings.TrimLeft(out, ", ")
	// a sentence whose opening was cut starts with a capital as before
	if first, _ := utf8.DecodeRuneInString(strings.TrimSpace(s)); unicode.IsUpper(first) {
		if r, n := utf8.DecodeRuneInString(out); unicode.IsLower(r) {
			out = string(unicode.ToUpper(r)) + out[n:]
		}
	}
	return out
}

// openerRe is a sentence's opening adverbial that links it to the one
// before ("In addition", "Moreover") or says when in words that date
// nothing ("At this time", "From time to time"): out of its place, in a
// summary, it says nothing. The group is what follows.
var openerRe = regexp.MustCompile(`(?i)^\s*(?:(?:in\s+addition|additionally|furthermore|moreover|at\s+this\s+time|from\s+time\s+to\s+time|currently|as\s+such|accordingly|therefore|thus)\b|(?:also|further)\s*,)\s*,?\s*(\S+)`)

// withoutOpener drops a sentence's opener, unless what follows shows the
// words were no opener ("In addition to log data, ...", "Further to").
func withoutOpener(s string) string {
	m := openerRe.FindStringSubmatchIndex(s)
	if m == nil {
		return s
	}
	next := strings.ToLower(strings.TrimRight(s[m[2]:m[3]], ",.;:"))
	if next == "to" || next == "of" || next == "than" || next == "" {
		return s
	}
	return s[m[2]:]
}

// dangling says whether a sentence opens as the second half of one: with
// "and" or "or", or a comma.
func dangling(s string) bool {
	l := strings.ToLower(strings.TrimLeft(s, " "))
	return strings.HasPrefix(l, "and ") || strings.HasPrefix(l, "or ") || strings.HasPrefix(l, ",")
}

// zhArticleLabelRe is the label a Chinese provision opens with, "第一条 "
// (第十二条之一：), after any chapter heading run into it ("第一章 总则
// 第一条 "), as English clause numbers are ("12. The Supplier ..."): out
// of its document it numbers nothing, and summaries opened "第一条 为了规范
// 数据处理活动……".
var zhArticleLabelRe = regexp.MustCompile(`^[\s\x{3000}]*(?:第[一二三四五六七八九十百千零〇两\d]{1,8}[编章节編節][\s\x{3000}]+\p{Han}{1,15}[\s\x{3000}]+)*第[一二三四五六七八九十百千零〇两\d]{1,8}[条條](?:之[一二三四五六七八九十]{1,3})?(?:[\s\x{3000}]+|[\s\x{3000}]*[:：][\s\x{3000}]*)`)

// withoutArticleLabel is a Chinese unit without its provision's label. A
// unit of headings alone ("第三条 合同价款") stays as it is, for NonProse
// to set aside.
func withoutArticleLabel(s string) string {
	if zhHeadings.MatchString(s) {
		return s
	}
	m := zhArticleLabelRe.FindStringIndex(s)
	if m == nil || m[1] == len(s) {
		return s
	}
	return s[m[1]:]
}
