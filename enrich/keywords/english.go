package keywords

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind classifies a token for candidate building.
type tokKind uint8

const (
	kindContent  tokKind = iota // noun-like or unknown word: may head a phrase
	kindModifier                // adjective or participle: may open a phrase, not end it
	kindBreak                   // stopword, verb, adverb, number, punctuation
)

// etok is one English token.
type etok struct {
	text       string // as written
	lower      string
	stem       string
	start, end int // byte offsets
	sent       int // sentence index
	kind       tokKind
	upper      bool // capitalised, not at a sentence start
	acronym    bool
	punct      bool
	stop       bool
	lineStart  bool // the first token of a line
	// enumerated is the first word after a paragraph's enumerator at the
	// start of its line ("(a) Standard.", "(1)(i) Risk analysis")
	enumerated bool
	// clauseHead is the first word after a clause's number at the start
	// of its line ("1. Notification.", "12.3 Audit."): only a label's
	// mark, not read as a sentence's start as enumerated is
	clauseHead bool
	// partHeading: the word is in a part's numbered heading in capitals
	// (capitalsPartHeading)
	partHeading bool
}

// tokenizeEnglish splits text into word and punctuation tokens with byte
// offsets, sentence indices and a part-of-speech-like kind.
// addressRe is an e-mail address, a URL or a host name with a common
// top-level domain, at the start of the text it is matched against.
var addressRe = regexp.MustCompile(`^(?:(?i:https?|ftp)://[^\s<>"()\[\]]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|gov|edu|info|biz|ai|app|dev|co\.uk|ac\.uk|gov\.uk|org\.uk|de|fr|cn|jp|eu|nl|ch|se|es|it|au|ca|in|sg|hk)\b(?:/[^\s<>"()\[\]]*)?)`)

// addressAt is the length of the address (addressRe) that starts the word
// at text[i:], 0 when none does; a trailing full stop or comma ends the
// sentence, not the address.
func addressAt(text string, i int) int {
	if i > 0 {
		if r, _ := utf8.DecodeLastRuneInString(text[:i]); r == '.' || r == '@' || r == '/' || r == '-' || r == '_' {
			return 0 // inside a name already read as words
		}
	}
	run := text[i:min(len(text), i+512)]
	if k := strings.IndexFunc(run, unicode.IsSpace); k >= 0 {
		run = run[:k]
	}
	if !strings.ContainsAny(run, ".@:") {
		return 0 // most words: no regexp run
	}
	m := addressRe.FindString(run)
	return len(strings.TrimRight(m, ".,;:!?'\""))
}

func tokenizeEnglish(text string) []etok {
	lx := english()
	// sized once: appending 1 MiB of words' tokens one by one allocated
	// five times their final size
	toks := make([]etok, 0, tokenBound(text))
	sent, sentStart, lineStart := 0, true, true
	capsLine := capitalsPartHeading(text)
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if n := addressAt(text, i); n > 0 {
				// an e-mail or web address is no phrase, nor its parts ("com",
				// "acme" from support@acme.com), and ends the phrase before it
				toks = append(toks, etok{text: text[i : i+n], start: i, end: i + n, sent: sent, punct: true, kind: kindBreak})
				lineStart, sentStart = false, false
				i += n
				continue
			}
			j := scanEnglishWord(text, i)
			if n := slashFormAt(text, i); n > 0 {
				j = i + n
			}
			// a possessive ends its owner's phrase: "PivX's" and "PivX"
			// were two key phrases (and two facet values), and "PivX's
			// product" is two phrases, not "PivX product"
			end := j
			if w := text[i:j]; len(w) > 3 {
				if strings.HasSuffix(w, "'s") {
					end -= len("'s")
				} else if strings.HasSuffix(w, "’s") {
					end -= len("’s")
				}
			}
			t := etok{text: text[i:end], start: i, end: end, sent: sent, lineStart: lineStart, partHeading: capsLine}
			t.enumerated = !lineStart && unicode.IsUpper(r) && afterEnumerator(text, i)
			t.clauseHead = !lineStart && unicode.IsUpper(r) && afterClauseNumber(text, i)
			// a paragraph's first word after its enumerator opens a
			// sentence, and in a part's heading in capitals every word is
			// capitalised: neither capital says the word names something
			// ("Risk" of "(A) Risk analysis", "SECURITY" of "PART
			// 164—SECURITY AND PRIVACY" were key phrases of the HIPAA rules)
			classify(&t, lx, sentStart || t.enumerated, capsLine)
			toks = append(toks, t)
			lineStart = false
			if end < j {
				toks = append(toks, etok{text: text[end:j], start: end, end: j, sent: sent, punct: true, kind: kindBreak})
			}
			sentStart = false
			i = j
		case unicode.IsSpace(r):
			if r == '\n' && !lineStart && (tableRowEnds(text, i) || numberedHeadingRe.MatchString(text[i+size:]) || headingEnds(text, i)) {
				// a table's rows ("cell | cell" lines from HTML and DOCX
				// tables): no phrase runs from one row's last cell into
				// the next row's first ("Role Acme Corp")
				toks = append(toks, etok{text: "\n", start: i, end: i + size, sent: sent, punct: true, kind: kindBreak})
			}
			if r == '\n' {
				capsLine = capitalsPartHeading(text[i+size:])
			}
			lineStart = lineStart || r == '\n'
			if r == '\n' && strings.HasPrefix(text[i+size:], "\n") {
				sent, sentStart = sent+1, true
			}
			if !lineStart && columnGap(text[i:]) {
				// a table's or a page's columns: no phrase runs across
				toks = append(toks, etok{text: " ", start: i, end: i + size, sent: sent, punct: true, kind: kindBreak})
				i += len(text[i:]) - len(strings.TrimLeft(text[i:], " \t"))
				continue
			}
			i += size
		default:
			toks = append(toks, etok{text: text[i : i+size], start: i, end: i + size, sent: sent, punct: true, kind: kindBreak})
			// a Markdown heading's marks ("## Next Steps") and a list's
			// bullet leave the first word the first of its line
			lineStart = lineStart && (r == '#' || r == '-' || r == '*' || r == '•')
			if r == '.' || r == '!' || r == '?' || r == ';' {
				if i+size >= len(text) || text[i+size] == ' ' || text[i+size] == '\n' || text[i+size] == '\t' {
					sent, sentStart = sent+1, true
				}
			}
			i += size
		}
	}
	markAcronymStops(toks)
	markCompoundHeads(toks)
	markDesignators(toks)
	markParticleVerbs(toks)
	markModalVerbs(toks)
	markClauseVerbs(toks)
	markSubjectVerbs(toks)
	markJoinedVerbs(toks)
	markGerundVerbs(toks)
	markGerundObjects(toks)
	markHeadlineVerbs(toks)
	markMeasureUnits(toks)
	markNameOpeners(toks)
	markFirmCompany(toks)
	markLegalFormEnds(toks)
	markFormVerbs(toks)
	markFrequencyWords(toks)
	markClauseGerunds(toks)
	return toks
}

// markCompoundHeads makes a word the lexicon reads as a verb a content
// word where it ends a compound noun the lexicon knows with the word
// before it ("fire drill", "fire drills"): minutes' "Fire drill" heading
// and "the next fire drill" gave the key phrase "Fire", "drill" being
// mostly a verb. The passes after it still make it a verb where its
// context says so.
func markCompoundHeads(toks []etok) {
	lx := english()
	for k := 1; k < len(toks); k++ {
		t, before := &toks[k], toks[k-1]
		if t.kind != kindBreak || t.stop || t.punct || before.kind == kindBreak || before.sent != t.sent {
			continue
		}
		if compound := before.lower + " " + t.lower; lx.multi[compound] || lx.multi[strings.TrimSuffix(compound, "s")] {
			t.kind = kindContent
		}
	}
}

// markDesignators makes a capital letter that ends a name a content word
// of it: after a word capitalised inside its sentence, a space between,
// before no capitalised word nor a symbol that goes on ("Warehouse B",
// "Building C"; not "John F Kennedy", "David R. Cheriton", "Texas A&M",
// "Visual C++"), the pair written at least twice (an author's initial, "William A. Smith",
// is written once). As a break it cut the name, and minutes about
// "Warehouse B" had the key phrase "Warehouse". A part's letter
// ("Schedule A") stays a label's (partLabel), and "I" the pronoun.
func markDesignators(toks []etok) {
	var at []int
	seen := map[string]int{}
	for k := 1; k < len(toks); k++ {
		if designatorAt(toks, k) {
			at = append(at, k)
			seen[toks[k-1].lower+" "+toks[k].text]++
		}
	}
	for _, k := range at {
		if seen[toks[k-1].lower+" "+toks[k].text] >= 2 {
			toks[k].kind, toks[k].stop = kindContent, false
		}
	}
}

// designatorAt reports a capital letter at toks[k] that may end a name
// (markDesignators).
func designatorAt(toks []etok, k int) bool {
	t, before := toks[k], toks[k-1]
	if len(t.text) != 1 || t.text[0] < 'A' || t.text[0] > 'Z' || t.text == "I" || before.kind != kindContent || !before.upper ||
		before.acronym || partLabels[before.lower] || before.end+1 != t.start || before.sent != t.sent {
		return false
	}
	if k+1 == len(toks) {
		return true
	}
	next := toks[k+1]
	if next.text == "." && k+2 < len(toks) && !toks[k+2].lineStart && capitalised(toks[k+2].text) {
		return false // an initial ("David R. Cheriton"), or a sentence's end, which says neither
	}
	if next.punct {
		return next.text == "\n" || strings.Contains(".,;:)", next.text) && next.start == t.end
	}
	return next.lineStart || !capitalised(next.text)
}

// operators are the conjunctions a query writes in capitals.
var operators = setOf("and or not nor but")

// markAcronymStops makes a stop word written in capitals an acronym's
// content word where it names a thing: before a content word that is not
// in capitals too, after no word in capitals ("the IT Service Desk", "IT
// staff"). Read as the pronoun "it", it broke the phrase, and a policy's
// "IT Service Desk" was the key phrase "Service Desk". A heading in
// capitals ("IT IS AGREED") keeps its pronoun, and a search's operator
// ("Boolean AND search") is no acronym.
func markAcronymStops(toks []etok) {
	for k := 0; k+1 < len(toks); k++ {
		t, next := &toks[k], toks[k+1]
		if !t.stop || !t.acronym || operators[t.lower] || next.sent != t.sent || next.punct || next.stop || next.acronym || shouting(next.text) {
			continue
		}
		if next.kind != kindContent && next.kind != kindModifier {
			continue
		}
		if k > 0 && !toks[k-1].punct && shouting(toks[k-1].text) {
			continue
		}
		t.kind, t.stop = kindContent, false
	}
}

// slashFormRe is a Nordic legal form written with a slash ("A/S", "ApS"
// needs none), at the start of the text it is matched against.
var slashFormRe = regexp.MustCompile(`^[AIKP]/S\b`)

// slashFormAt is the length of the legal form with a slash (slashFormRe)
// that starts text[i:], 0 when none does. Read as "A", "/" and "S", the
// slash broke the name, and "Vestra Turbines A/S" was the key phrase
// "Vestra Turbines", a different facet value from the entity's name.
func slashFormAt(text string, i int) int {
	if i > 0 && (text[i-1] != ' ' || i < 2 || !unicode.IsLetter(rune(text[i-2]))) {
		return 0 // only after a name's word and one space
	}
	return len(slashFormRe.FindString(text[i:]))
}

// markLegalFormEnds makes a capitalised "Ltd" right after a capitalised
// word of its sentence a content word: the stopword ended the name before
// it, so "Acme Pty Ltd" was the key phrase "Acme" (its cut "Acme Pty" is
// no phrase, see layoutPhrase), while "Nordwind GmbH" stayed whole.
func markLegalFormEnds(toks []etok) {
	for k := 1; k < len(toks); k++ {
		t, before := &toks[k], toks[k-1]
		if t.stop && t.lower == "ltd" && capitalised(t.text) && before.kind != kindBreak && capitalised(before.text) &&
			before.sent == t.sent && before.end+1 == t.start {
			t.kind, t.stop = kindContent, false
		}
	}
}

// formEnds are the last words of a company's legal form ("Ltd", "Pte.
// Ltd.", "Sdn. Bhd.", "Inc.", "GmbH").
var formEnds = setOf("llc inc ltd corp plc gmbh llp lp bhd ag sa bv nv")

// markFormVerbs makes a break of the lower-case "-s" or "-ed" word right
// after a company's legal form (its abbreviation's full stop between
// them or not) that the lexicon knows as a verb, before no auxiliary:
// the company is the subject, the word its verb. "Lion City Freight Pte.
// Ltd. stores the cargo" gave the key phrase "stores" (the full stop
// opened a sentence there, and markSubjectVerbs reads at most
// maxSubjectWords words, the form's among them), and "Northwind Systems
// Inc. supports the platform" gave "supports".
func markFormVerbs(toks []etok) {
	lx := english()
	for k := 1; k+1 < len(toks); k++ {
		t, form := &toks[k], k-1
		if toks[form].text == "." && form > 0 && toks[form].start == toks[form-1].end {
			form--
		}
		f := toks[form]
		if t.punct || t.upper || t.acronym || t.kind == kindBreak || !formEnds[f.lower] || !capitalised(f.text) || f.punct ||
			verbForm(t.lower) == "" || toks[k+1].punct || auxAhead(toks, k+1) {
			continue
		}
		if c, _ := lx.posCounts(t.lower); c[1] > 0 {
			t.kind = kindBreak
		}
	}
}

// frequencyWords say how often something happens: adjectives before a
// noun ("quarterly review"), adverbs after a verb's object ("pay the
// fees quarterly").
var frequencyWords = setOf("hourly nightly daily weekly fortnightly biweekly monthly bimonthly quarterly yearly annually biannually semiannually")

// markFrequencyWords makes a lower-case word of frequencyWords that the
// lexicon took for a noun a modifier before a content word of its
// sentence and a break elsewhere: the
// lexicon knows "quarterly" as a noun (a magazine), so "pay storage fees
// monthly and maintenance fees quarterly" gave the key phrase
// "maintenance fees quarterly", though "storage fees" stopped at
// "monthly".
func markFrequencyWords(toks []etok) {
	for k := range toks {
		t := &toks[k]
		if !frequencyWords[t.lower] || t.upper || t.acronym || t.punct || t.kind != kindContent {
			continue // an adverb or adjective already
		}
		t.kind = kindBreak
		if k+1 < len(toks) {
			if next := toks[k+1]; next.sent == t.sent && !next.punct && (next.kind == kindContent || next.kind == kindModifier) {
				t.kind = kindModifier
			}
		}
	}
}

// markFirmCompany makes "Co" after a firm's ampersand a content word: the
// stopword (of "Co." in an address, "c/o") ended the firm's name before
// it, and "WILLOW COFFEE LIMITED & CO. PTE. LTD." was the key phrase
// "WILLOW COFFEE LIMITED".
func markFirmCompany(toks []etok) {
	for k := 2; k < len(toks); k++ {
		t, amp, before := &toks[k], toks[k-1], toks[k-2]
		// firmJoin's test, but for the stopword after the ampersand
		if t.stop && t.lower == "co" && capitalised(t.text) && amp.text == "&" && before.end < amp.start && amp.end < t.start &&
			before.kind != kindBreak && capitalised(before.text) && before.sent == t.sent {
			t.kind, t.stop = kindContent, false
		}
	}
}

// nameOpeners are stop words that open a place's name ("New York", "New
// South Wales", "New Zealand"): so written, the word is the name's, and
// cut there a contract's governing law gave the key phrase "York".
var nameOpeners = setOf("new")

// markNameOpeners makes a capitalised word of nameOpeners before a
// capitalised content word in its sentence content.
func markNameOpeners(toks []etok) {
	for k := 0; k+1 < len(toks); k++ {
		t, next := &toks[k], toks[k+1]
		if t.stop && nameOpeners[t.lower] && wordShape(t.text) == shapeTitle && next.kind == kindContent && next.sent == t.sent && wordShape(next.text) == shapeTitle {
			t.kind, t.stop = kindContent, false
		}
	}
}

// particleVerbs are verbs a contract writes with a particle after them
// ("the fee set out in Schedule 3", "the services set forth below",
// "work carried out"): so used, the word is a verb and ends a phrase
// ("monthly service fee set" was a key phrase).
var particleVerbs = setOf("set sets laid lays carried carries spelled spelt pointed")

// markParticleVerbs makes a verb of particleVerbs before "out" or
// "forth" a break.
func markParticleVerbs(toks []etok) {
	for k := 0; k+1 < len(toks); k++ {
		if t := &toks[k]; t.kind == kindContent && !t.upper && particleVerbs[t.lower] {
			if next := toks[k+1].lower; next == "out" || next == "forth" {
				t.kind = kindBreak
			}
		}
	}
}

// modals are the auxiliaries a verb follows in a rule or a clause
// ("Firms should set ...", "The Supplier shall report ..."): in lower
// case (not the month "May"), the word after one is a verb.
var modals = setOf("shall should must may will can could would might")

// modalAdverbs stand between a modal and its verb ("shall not share",
// "may also disclose").
var modalAdverbs = setOf("not also only promptly immediately jointly thereafter")

// toVerbs take an infinitive after "to" ("agrees to share", "the right
// to audit", "is entitled to terminate"): the word after their "to" is a
// verb as the word after a modal is.
var toVerbs = setOf("agree agrees agreed undertake undertakes undertaken intend intends wish wishes " +
	"elect elects fail fails refuse refuses continue continues right entitled permitted required " +
	"obliged obligated authorised authorized able unable")

// markModalVerbs makes the word after a modal, or after "to" that follows
// a verb of toVerbs, a break where the lexicon took it for a noun, an
// adverb of modalAdverbs between them: "Firms should set information
// security requirements" gave the key phrase "set information security
// requirements", and "shall not share diagnostic codes" and "agrees to
// share repair data" gave "share diagnostic codes" and "share repair
// data" beside "repair data". A second infinitive joined to the first by
// "and" or "or" ("agrees to share repair data, and to share diagnostic
// codes") is the verb's too.
func markModalVerbs(toks []etok) {
	infSent := -1 // the sentence of the last infinitive a verb of toVerbs took
	for k := 0; k+1 < len(toks); k++ {
		t := toks[k]
		inf := t.lower == "to" && k > 0 && (toVerbs[toks[k-1].lower] || joinedInfinitive(toks, k, infSent))
		if t.punct || !modals[t.text] && !inf {
			continue
		}
		if inf {
			infSent = t.sent
		}
		j := k + 1
		for j+1 < len(toks) && !toks[j].punct && modalAdverbs[toks[j].lower] {
			j++
		}
		next := &toks[j]
		if next.punct || next.sent != t.sent || next.upper || next.acronym {
			continue
		}
		if next.kind == kindContent || next.kind == kindModifier {
			next.kind = kindBreak
		}
	}
}

// objectOpeners open a verb's object: a determiner or a number after
// an "-ing" word makes it a verb ("Deploying the payments service",
// "held fortnightly starting 3 March"), not a gerund naming a subject.
var objectOpeners = setOf("the a an this these those our your its their his her")

// markGerundVerbs makes an "-ing" word before an object's determiner or
// a number a break: a runbook's heading "Deploying the payments service"
// gave the key phrase "Deploying", and meeting notes' "held fortnightly
// starting 3 March" gave "fortnightly starting".
func markGerundVerbs(toks []etok) {
	lx := english()
	for k := 0; k+1 < len(toks); k++ {
		t, next := &toks[k], toks[k+1]
		if t.kind == kindBreak || t.acronym || !strings.HasSuffix(t.lower, "ing") || next.sent != t.sent {
			continue
		}
		if !objectOpeners[next.lower] && !isNumeric(next.lower) {
			continue
		}
		if c, _ := lx.posCounts(t.lower); c[1] > 0 {
			t.kind = kindBreak
		}
	}
}

// gerundOpeners are the prepositions a gerund's clause follows ("the
// cost of processing personal data", "responsible for managing risks").
var gerundOpeners = setOf("of for by in on about before after without through from when while")

// markGerundObjects makes a break of an "-ing" word that opens a sentence
// or follows a preposition of gerundOpeners and takes an object: an
// adjective after it, or a plural head ("Processing personal data
// requires a lawful basis", "Managing risks is ...", "Building streaming
// pipelines with Kafka"). The phrase was the verb's with its object
// ("Processing personal data", "Mentoring junior engineers"); the object
// is the key phrase. The lexicon must know the word as a verb more than
// as a noun, and a singular noun after it is left: "Operating
// temperature", "Planning permission" name a thing.
func markGerundObjects(toks []etok) {
	lx := english()
	for k := 0; k+1 < len(toks); k++ {
		t := &toks[k]
		if t.kind == kindBreak || t.upper && !t.lineStart || t.acronym || !strings.HasSuffix(t.lower, "ing") {
			continue
		}
		opens := opensSentence(toks, k) || t.lineStart || afterPreposition(toks, k)
		if !opens && !followsVerb(toks, k) {
			continue
		}
		if c, known := lx.posCounts(t.lower); known && c[1] <= c[0] {
			continue
		}
		// after a verb, only an adjective marks an object: "adopt
		// implementing rules" names the rules
		if opens && takesObject(toks, k) || toks[k+1].kind == kindModifier && toks[k+1].sent == t.sent {
			t.kind = kindBreak
		}
	}
}

// afterPreposition reports a preposition of gerundOpeners before toks[k]
// in its sentence.
func afterPreposition(toks []etok, k int) bool {
	return k > 0 && toks[k-1].sent == toks[k].sent && gerundOpeners[toks[k-1].lower]
}

// followsVerb reports a verb before toks[k] in its sentence ("covers
// processing personal data").
func followsVerb(toks []etok, k int) bool {
	if k == 0 || toks[k-1].sent != toks[k].sent {
		return false
	}
	p := toks[k-1]
	return !p.punct && p.kind == kindBreak && !p.stop && !isNumeric(p.lower)
}

// massNouns are singular heads that take an object's place as a plural
// does ("Processing location data").
var massNouns = setOf("data information")

// takesObject reports an object after the gerund at toks[k]: an adjective
// next, or content words whose last is a plural.
func takesObject(toks []etok, k int) bool {
	next := toks[k+1]
	if next.sent != toks[k].sent || next.punct {
		return false
	}
	if next.kind == kindModifier {
		return true
	}
	last := -1
	for j := k + 1; j < len(toks) && toks[j].sent == toks[k].sent && toks[j].kind != kindBreak; j++ {
		last = j
	}
	if last < 0 || toks[last].upper || toks[last].acronym {
		return false
	}
	w := toks[last].lower
	return massNouns[w] || strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
}

// measureUnits are the units a figure is written with, as written
// ("500 MW", "1.6 GHz", "2 GB RAM"); currentKinds qualify a voltage or a
// current after them ("24 V DC").
var (
	measureUnits = exactSet("W kW MW GW TW Wh kWh MWh GWh TWh mV kV mA kA VA kVA MVA Hz kHz MHz GHz " +
		"KB kB MB GB TB PB KiB MiB GiB TiB bps kbps Mbps Gbps mm cm km mg kg ms ns µs rpm dB dBm " +
		"psi Pa kPa MPa bar kN Nm lb lbs oz ft m2 m3 ml mL °C °F")
	currentKinds = exactSet("AC DC")
)

// markMeasureUnits makes a break of a unit after a figure, and of "AC" or
// "DC" after a unit or a figure: "500 MW Offshore Wind Farm" gave the key
// phrase "MW Offshore Wind", a datasheet's "2 GB RAM" gave "GB RAM" and
// "24 V DC power input" "DC power input". The unit measures the figure;
// the name or the thing after it stands alone.
func markMeasureUnits(toks []etok) {
	for k := 1; k < len(toks); k++ {
		t, prev := &toks[k], toks[k-1]
		if t.sent != prev.sent || t.punct {
			continue
		}
		figure := isNumeric(prev.lower) && !prev.punct
		switch {
		case figure && measureUnits[t.text]:
			t.kind = kindBreak
		case currentKinds[t.text] && (figure || k > 1 && isNumeric(toks[k-2].lower) && (measureUnits[prev.text] || prev.text == "V" || prev.text == "A")):
			t.kind = kindBreak
		}
	}
}

// exactSet is the set of s's space-separated words as written: a unit's
// case tells it apart ("MB" is a unit, "mb" may be a word).
func exactSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, f := range fieldsSpace(s) {
		m[f] = true
	}
	return m
}

// headlineVerbs are the verbs a press release's headline puts after its
// company ("Northwind Energy Announces 500 MW Offshore Wind
// Partnership"): written capitalised there, the lexicon reads them as
// names, and "Northwind Energy Announces" was a key phrase. Only forms
// that are no noun's plural are listed ("Reports", "Partners" are left).
var headlineVerbs = setOf("announces launches unveils acquires appoints completes expands introduces secures raises signs wins selects debuts")

// markHeadlineVerbs makes a capitalised word of headlineVerbs a break.
func markHeadlineVerbs(toks []etok) {
	for k := range toks {
		if t := &toks[k]; headlineVerbs[t.lower] && capitalised(t.text) && !t.acronym {
			t.kind = kindBreak
		}
	}
}

// subordinators open a clause whose verb follows its subject ("when
// employment ends", "if the licence lapses").
var subordinators = setOf("when whenever if once until unless after before while where because since")

// clauseDeterminers stand between a subordinator and the clause's subject.
var clauseDeterminers = setOf("the a an this that its their his her our your such any each every")

// markClauseVerbs makes a verb of the word that ends a clause's subject
// after a subordinator: a lower-case word ending in "s" that the lexicon
// knows as a verb, after one to three content words and before a break
// ("When employment ends, the manager ...", "if the licence lapses
// during the term"). The lexicon takes "ends" for a noun, and "employment
// ends" was a key phrase. A word before a content word is left: it may
// head a compound's plural ("when employment contracts expire").
func markClauseVerbs(toks []etok) {
	lx := english()
	for k := 0; k+2 < len(toks); k++ {
		if !subordinators[toks[k].lower] && !timeRelative(toks, k) || toks[k].punct {
			continue
		}
		j := k + 1
		if clauseDeterminers[toks[j].lower] {
			j++
		}
		for n := 1; n <= 3 && j+n < len(toks); n++ {
			if v := &toks[j+n]; clauseVerb(toks, j, j+n, lx) {
				// the time noun's phrase ends before the clause ("day employment")
				v.kind, toks[k].kind = kindBreak, kindBreak
				break
			}
			if toks[j+n].kind == kindBreak {
				break
			}
		}
	}
}

// subjectPronouns are the pronouns a verb follows ("It supports Modbus
// TCP", "the gateway, which stores logs").
var subjectPronouns = setOf("it they we he she who which")

// auxiliaries follow a compound's head, not a verb: "Claims process
// improvements were made", "the company reports are due".
var auxiliaries = setOf("is are was were be been has have had do does did " +
	"shall should must may will can could would might")

// markSubjectVerbs makes a verb of the word after a sentence's subject, or
// after a pronoun, where the lexicon knows it as a verb and it agrees
// with the subject: "Customers claim rewards", "The Supplier delivers
// turbines", "The audit reviewed procurement controls", "It supports
// Modbus TCP" gave the key phrases "Customers claim rewards", "reviewed
// procurement controls" and "supports Modbus TCP". A word may head a
// compound instead ("Claims process improvements were made", "Sales
// reports are due"): an auxiliary before the clause's next punctuation
// leaves it a noun.
func markSubjectVerbs(toks []etok) {
	lx := english()
	for k := range toks {
		t := toks[k]
		if t.punct {
			continue
		}
		if subjectPronouns[t.lower] {
			if k+1 < len(toks) && pronounVerb(toks, k+1, lx) {
				toks[k+1].kind = kindBreak
			}
			continue
		}
		if !opensSentence(toks, k) && !opensClause(toks, k) {
			continue
		}
		if v := subjectVerb(toks, k, lx); v > 0 {
			toks[v].kind = kindBreak
		}
	}
}

// markJoinedVerbs makes a verb of an "-s" word after "and" or "or" that
// the lexicon knows as a verb, opens an object (opensObject) and follows
// a verb of that form in its clause: "The Supplier provides hosting
// services and processes personal data", "It monitors capacity and
// reports incidents" gave the key phrases "processes personal data" and
// "reports incidents". A word before a preposition stays a noun
// ("describes methods and processes for ..."); an "-ed" word after "and"
// is far more often an adjective ("and switched dynamical systems",
// "and related disciplines") than a verb, and is left.
func markJoinedVerbs(toks []etok) {
	lx := english()
	for k := 1; k+2 < len(toks); k++ {
		if toks[k].lower != "and" && toks[k].lower != "or" || toks[k+2].sent != toks[k].sent {
			continue
		}
		w, obj := &toks[k+1], toks[k+2]
		if verbForm(w.lower) != "s" || w.kind == kindBreak || w.upper || w.acronym || w.punct ||
			!opensObject(obj) || auxAhead(toks, k+2) {
			continue
		}
		if c, _ := lx.posCounts(w.lower); c[1] > 0 && clauseHasVerb(toks, k, "s", lx) {
			w.kind = kindBreak
		}
	}
}

// opensObject reports t as the first word of a verb's object rather than
// of a compound's next word: a determiner, an adjective or a plural
// ("processes personal data", "reports incidents"); "records management"
// and "patents information" are compounds.
func opensObject(t etok) bool {
	if t.punct || t.upper || t.acronym {
		return false
	}
	if t.stop {
		return clauseDeterminers[t.lower]
	}
	return t.kind == kindModifier || verbForm(t.lower) == "s"
}

// clauseHasVerb reports a verb of the given form (verbForm) before
// toks[k] in its clause, back to its sentence's start or a punctuation
// mark other than a comma: a word the lexicon knows as a verb that is a
// break there, as a verb's form, the stop list ("provides") or
// markSubjectVerbs made it.
func clauseHasVerb(toks []etok, k int, form string, lx *lexicon) bool {
	for p := k - 1; p >= 0 && toks[p].sent == toks[k].sent; p-- {
		t := toks[p]
		if t.punct {
			if t.text != "," {
				return false
			}
			continue
		}
		if t.kind != kindBreak || t.upper || t.acronym || verbForm(t.lower) != form {
			continue
		}
		if c, _ := lx.posCounts(t.lower); c[1] > 0 {
			return true
		}
	}
	return false
}

// verbForm is the inflection a finite verb shows: "s" ("provides"), "ed"
// ("terminated"), or "" for any other word.
func verbForm(w string) string {
	switch {
	case strings.HasSuffix(w, "ed"):
		return "ed"
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return "s"
	}
	return ""
}

// opensSentence reports toks[k] as its sentence's first word, after a
// clause's number or a list's bullet ("3.2 Customers claim ...").
func opensSentence(toks []etok, k int) bool {
	p := k - 1
	for p >= 0 && toks[p].sent == toks[k].sent && (toks[p].punct || isNumeric(toks[p].lower)) {
		p--
	}
	return p < 0 || toks[p].sent != toks[k].sent
}

// clauseOpeners open a clause with its own subject and verb ("describes
// how employees report incidents", "acts when attackers gain access").
var clauseOpeners = setOf("how when where whether because unless until while once")

// opensClause reports toks[k] as the first word of a clause after a word
// of clauseOpeners in its sentence.
func opensClause(toks []etok, k int) bool {
	return k > 0 && clauseOpeners[toks[k-1].lower] && toks[k-1].sent == toks[k].sent
}

// pronounVerb reports toks[v], after a subject pronoun, as its verb.
func pronounVerb(toks []etok, v int, lx *lexicon) bool {
	t := toks[v]
	if t.punct || t.upper || t.acronym || t.stop || t.kind == kindBreak || t.sent != toks[v-1].sent {
		return false
	}
	c, _ := lx.posCounts(t.lower)
	return c[1] > 0 && !auxAhead(toks, v+1)
}

// maxSubjectWords is the most content words a sentence's subject holds
// before its verb: a four-word title ("This Data Processing Addendum
// Schedule forms part of ...") gave "Addendum Schedule forms" with three.
const maxSubjectWords = 4

// subjectVerb returns the position of the verb after the subject that
// opens a sentence at toks[s]: a determiner, then one to maxSubjectWords
// content words, then a word the lexicon knows as a verb in the form the subject
// takes. It returns 0 when there is none.
func subjectVerb(toks []etok, s int, lx *lexicon) int {
	j := s
	if clauseDeterminers[toks[j].lower] {
		j++
	}
	gerund := j < len(toks) && strings.HasSuffix(toks[j].lower, "ing") // "Managing risks is ..."
	for v := j + 1; v <= j+maxSubjectWords && v+1 < len(toks); v++ {
		prev, t := toks[v-1], toks[v]
		if prev.punct || prev.stop || prev.kind == kindBreak || t.sent != toks[s].sent || t.punct {
			return 0
		}
		if t.upper || t.acronym || t.stop || t.kind == kindBreak {
			continue
		}
		if c, _ := lx.posCounts(t.lower); c[1] == 0 {
			continue
		}
		if toks[v+1].sent != t.sent || toks[v+1].punct && toks[v+1].text != "," {
			continue // a verb has an object or an adverbial after it
		}
		if next := toks[v+1].lower; next == "and" || next == "or" {
			continue // a plural joined to the next noun ("Voronoi grain models and FE-simulations")
		}
		if agrees(prev.lower, t.lower, gerund) && !auxAhead(toks, v+1) {
			return v
		}
	}
	return 0
}

// agrees reports whether verb, in its form, can follow a subject whose
// head is head: a past tense any subject, "-s" a singular one (a gerund's
// phrase is singular), the bare form a plural one.
func agrees(head, verb string, gerund bool) bool {
	plural := strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss")
	switch {
	case strings.HasSuffix(verb, "ed"):
		return true
	case strings.HasSuffix(verb, "ing"):
		return false
	case strings.HasSuffix(verb, "s") && !strings.HasSuffix(verb, "ss"):
		return !plural || gerund
	}
	return plural && !gerund
}

// auxAhead reports an auxiliary from toks[k] to the clause's next
// punctuation.
func auxAhead(toks []etok, k int) bool {
	for ; k < len(toks) && !toks[k].punct && toks[k].sent == toks[k-1].sent; k++ {
		if auxiliaries[toks[k].lower] {
			return true
		}
	}
	return false
}

// timeNouns open a relative clause without "that" after "the" ("on the
// day employment ends", "the date the agreement lapses").
var timeNouns = setOf("day date time moment month year week")

// timeRelative reports "the" and a word of timeNouns ending at toks[k].
func timeRelative(toks []etok, k int) bool {
	return k > 0 && timeNouns[toks[k].lower] && toks[k-1].lower == "the" && toks[k-1].sent == toks[k].sent
}

// clauseVerb reports toks[v] as the verb of a subject toks[from:v].
func clauseVerb(toks []etok, from, v int, lx *lexicon) bool {
	for _, t := range toks[from:v] {
		if t.kind == kindBreak || t.sent != toks[v].sent {
			return false
		}
	}
	t := toks[v]
	if t.upper || t.acronym || t.kind == kindBreak || !strings.HasSuffix(t.lower, "s") || strings.HasSuffix(t.lower, "ss") {
		return false
	}
	if strings.HasSuffix(toks[v-1].lower, "s") {
		return false // a plural subject takes no "s": a compound's head ("when employment contracts expire")
	}
	if c, _ := lx.posCounts(t.lower); c[1] == 0 {
		return false
	}
	if strings.HasSuffix(toks[from].lower, "ing") {
		return false // a gerund's object ("when coding multiple video objects")
	}
	return v+1 == len(toks) || toks[v+1].sent != t.sent || toks[v+1].punct || afterVerb[toks[v+1].lower]
}

// afterVerb are the words that follow an intransitive verb ("ends
// during probation", "lapses before renewal") or its object's determiner;
// an auxiliary after the word ("when Lindahl prices are") makes it a noun.
var afterVerb = setOf("during in on at for to from with within without by under after before until unless the a an its their this his her our")

// joinedInfinitive reports whether the "to" at toks[k] follows "and" or
// "or" in the sentence infSent, whose earlier infinitive a verb of
// toVerbs took: "agrees to share X, and to share Y".
func joinedInfinitive(toks []etok, k, infSent int) bool {
	prev := toks[k-1].lower
	return toks[k].sent == infSent && (prev == "and" || prev == "or")
}

// numberedHeadingRe is a line that heads a part of an act or a contract
// by its number ("Chapter II — Securities and Exchange Commission", "Part
// 240", "ARTICLE 5", "DIVISION 3.", "§ 240.10b-5"): no phrase runs into it
// from the line above ("Exchanges Chapter II" was a key phrase of a CFR
// part, "CALIFORNIA CIVIL CODE DIVISION" of the CCPA).
//
// The CFR's subtitles, subchapters and subparts are lettered ("Subtitle
// A — Department of Health and Human Services", "Subchapter C —
// Administrative Data Standards"): "Public Welfare Subtitle" and "Human
// Services Subchapter" were key phrases of 45 CFR 164.
var numberedHeadingRe = regexp.MustCompile(`\A[ \t]*(?:(?:CHAPTER|Chapter|PART|Part|SUBPART|Subpart|SUBCHAPTER|Subchapter|SUBTITLE|Subtitle|TITLE|Title|DIVISION|Division|ARTICLE|Article|SECTION|Section|SCHEDULE|Schedule|ANNEX|Annex)[ \t]+(?:\d|[IVXLC]+\b)|(?:SUBPART|Subpart|SUBCHAPTER|Subchapter|SUBTITLE|Subtitle)[ \t]+[A-Z]\b|§)`)

// maxHeadingLine is the longest line, in runes, read as a heading; lang's
// sentence splitter takes a line as long for a heading too.
const maxHeadingLine = 60

// headingEnds reports whether the line break at text[nl] ends a heading:
// a short line that opens with a capital ("Fire safety", "NOTICE TO
// BANKS") with text under it. Run on, the heading and the next line's
// first words made one phrase ("Fire safety Rob" of "Fire safety\nRob
// Allen, the facilities manager, ...", "BANKS MONETARY AUTHORITY" of
// "NOTICE TO BANKS\nMONETARY AUTHORITY OF SINGAPORE ACT", "MASTER
// SERVICES AGREEMENT REVISED EDITION" of a contract's title over its
// edition). A line wrapped in a narrow column ("3. COST SHARING USING THE
// SHAPLEY\nVALUE") or in a paragraph runs on: it broke because the next
// word did not fit, where a heading's line ends though a line near it
// (headingWidth) is long enough to have taken that word.
func headingEnds(text string, nl int) bool {
	prev := strings.TrimSpace(text[strings.LastIndexByte(text[:nl], '\n')+1 : nl])
	if prev == "" || utf8.RuneCountInString(prev) > maxHeadingLine || !opensCapital(prev) {
		return false
	}
	if last, _ := utf8.DecodeLastRuneInString(prev); strings.ContainsRune(",-–—(&/", last) {
		return false
	}
	if fields := strings.Fields(prev); enStop[strings.ToLower(fields[len(fields)-1])] {
		return false // "AGREEMENT AND PLAN OF\nMERGER": a title wrapped
	}
	words := strings.Fields(firstLine(text[nl+1:]))
	if len(words) == 0 {
		return false
	}
	lines := headingLines
	if r, _ := utf8.DecodeRuneInString(prev); unicode.IsDigit(r) {
		// a paper's numbered heading wraps in its column, the text
		// under it maybe wider (its line here unbroken)
		lines = 1
	}
	return utf8.RuneCountInString(prev)+1+utf8.RuneCountInString(words[0]) <= headingWidth(text[nl+1:], lines)
}

// headingLines is how many lines under a heading are read for the width
// of the text's lines: a title's second line ("REVISED EDITION") is
// short, the text under it wider.
const headingLines = 3

// headingWidth is the longest, in runes, of the first n lines of s.
func headingWidth(s string, n int) int {
	width := 0
	for range n {
		line := firstLine(s)
		width = max(width, utf8.RuneCountInString(strings.TrimSpace(line)))
		if len(line) == len(s) {
			break
		}
		s = s[len(line)+1:]
	}
	return width
}

// firstLine is s up to its first line break.
func firstLine(s string) string {
	if j := strings.IndexByte(s, '\n'); j >= 0 {
		return s[:j]
	}
	return s
}

// opensCapital reports whether the first letter of s, after any
// enumerator ("2.1 ", "(a) "), is a capital.
func opensCapital(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return unicode.IsUpper(r)
		}
	}
	return false
}

// capitalsPartHeading reports whether the line that opens s is a part's
// numbered heading (numberedHeadingRe) written in capitals: it has a
// capital letter and no lower-case one. A paper's headings in capitals
// ("2. VIRTUAL CONFERENCING ENVIRONMENT") name its subject, and their
// capitals helped find its key phrases; a code's part headings are
// labels.
func capitalsPartHeading(s string) bool {
	if j := strings.IndexByte(s, '\n'); j >= 0 {
		s = s[:j]
	}
	if !numberedHeadingRe.MatchString(s) && !statuteSeriesRe.MatchString(s) {
		return false
	}
	caps := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		caps = caps || unicode.IsUpper(r)
	}
	return caps
}

// statuteSeriesRe is the name of a state's book of statutes above an
// act's title ("THE STATUTES OF THE REPUBLIC OF SINGAPORE", "LAWS OF
// MALAYSIA"): a label, like a part's heading, whose words ("STATUTES",
// "REPUBLIC", "SINGAPORE") were key phrases of Singapore's PDPA.
var statuteSeriesRe = regexp.MustCompile(`^[ \t]*(?:THE[ \t]+)?(?:REVISED[ \t]+)?(?:STATUTES|LAWS)[ \t]+OF[ \t]+(?:THE[ \t]+)?[A-Z][A-Z \t]{2,40}$`)

// enumeratorRe is a paragraph's enumerators at the start of its line, as
// the CFR and contracts number them ("(a) ", "(1)(i) ", "(A) "), or a
// section's number before its caption ("§ 314.3 ").
var enumeratorRe = regexp.MustCompile(`^[ \t]*(?:(?:\((?:\d{1,3}|[A-Za-z]{1,2}|[ivxlcIVXLC]{1,6})\)[ \t]*)+[ \t]|§{1,2}[ \t]*\d+(?:\.\d+)*[a-z]?(?:-\d+)?[ \t]+)$`)

// afterEnumerator reports whether the word at text[i] is the first after
// its line's paragraph enumerators (enumeratorRe), a space between: a
// bracket run into a word ("(18)F-fluoro-2-deoxy-D-glucose") is none.
func afterEnumerator(text string, i int) bool {
	if i == 0 || text[i-1] != ' ' && text[i-1] != '\t' {
		return false
	}
	line := text[strings.LastIndexByte(text[:i], '\n')+1 : i]
	if len(line) > 24 {
		return false
	}
	if l := strings.TrimLeft(line, " \t"); !strings.HasPrefix(l, "(") && !strings.HasPrefix(l, "§") {
		return false // most lines: no regexp run
	}
	return enumeratorRe.MatchString(line)
}

// clauseNumberRe is a contract's clause number at the start of its line,
// before the clause's run-in heading ("1. ", "12.3 ", "4.2. ").
var clauseNumberRe = regexp.MustCompile(`^[ \t]*\d{1,3}(?:\.\d{1,3})*\.?[ \t]+$`)

// afterClauseNumber reports whether the word at text[i:] follows a
// clause's number (clauseNumberRe) alone on its line.
func afterClauseNumber(text string, i int) bool {
	if i == 0 || text[i-1] != ' ' && text[i-1] != '\t' {
		return false
	}
	line := text[strings.LastIndexByte(text[:i], '\n')+1 : i]
	if len(line) > 16 {
		return false
	}
	return clauseNumberRe.MatchString(line)
}

// tokenBound is about the number of tokens tokenizeEnglish makes of text,
// seldom fewer: every run of letters, digits or non-ASCII bytes is a word
// and every other byte but a space is punctuation.
func tokenBound(text string) int {
	n, inWord := 0, false
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == ' ' || c == '\n' || c == '\t' || c == '\r':
			inWord = false
		case c >= utf8.RuneSelf || 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9':
			if !inWord {
				n++
			}
			inWord = true
		default:
			n++
			inWord = false
		}
	}
	return n
}

// tableRowEnds reports whether the line break at text[nl] ends or opens a
// table row as the parsers write one, its cells joined by " | ".
func tableRowEnds(text string, nl int) bool {
	prev := text[strings.LastIndexByte(text[:nl], '\n')+1 : nl]
	next := text[nl+1:]
	if j := strings.IndexByte(next, '\n'); j >= 0 {
		next = next[:j]
	}
	return strings.Contains(prev, " | ") || strings.Contains(next, " | ")
}

// columnGap reports whether s opens with the gap between two columns of
// a line: a tab, or three spaces or more.
func columnGap(s string) bool {
	return strings.HasPrefix(s, "\t") || strings.HasPrefix(s, "   ")
}

// scanEnglishWord returns the end of the word starting at i; hyphens,
// apostrophes and dots between letters or digits stay inside the word.
func scanEnglishWord(text string, i int) int {
	j := i
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			j += size
			continue
		}
		if (r == '-' || r == '\'' || r == '’') && j+size < len(text) {
			n, _ := utf8.DecodeRuneInString(text[j+size:])
			if unicode.IsLetter(n) || unicode.IsDigit(n) {
				j += size
				continue
			}
		}
		break
	}
	return j
}

// classify sets t's forms and kind; sentStart is whether t opens a
// sentence, capsLine whether its line is a part's heading in capitals
// (capitalsPartHeading).
func classify(t *etok, lx *lexicon, sentStart, capsLine bool) {
	t.lower = strings.ToLower(t.text)
	t.stem = stemPhraseWord(t.lower)
	first, _ := utf8.DecodeRuneInString(t.text)
	// an all-capitals dictionary word ("AGREEMENT" in a heading) is
	// shouting, not an acronym; in a part's heading in capitals a short
	// one is too ("PART 1—GENERAL RULES AND DATA")
	t.acronym = utf8.RuneCountInString(t.text) >= 2 && strings.ToUpper(t.text) == t.text && t.lower != t.text &&
		(utf8.RuneCountInString(t.text) <= 4 && !capsLine || !lx.known(t.lower))
	t.upper = !sentStart && !capsLine && unicode.IsUpper(first)
	switch {
	case enStop[t.lower]:
		t.kind, t.stop = kindBreak, true
	case isNumeric(t.lower) || utf8.RuneCountInString(t.lower) < 2:
		t.kind = kindBreak
	case t.acronym || t.upper:
		t.kind = kindContent
	default:
		t.kind = wordKind(t.lower, lx)
	}
}

// stemPhraseWord stems each part of a hyphenated word, matching how the
// evaluation protocol splits words before stemming.
func stemPhraseWord(w string) string {
	if !strings.ContainsAny(w, "-'’") {
		return Stem(w)
	}
	parts := SplitWords(w)
	for i, p := range parts {
		parts[i] = Stem(p)
	}
	return strings.Join(parts, " ")
}

func isNumeric(w string) bool {
	digits := 0
	for _, r := range w {
		if unicode.IsDigit(r) {
			digits++
		}
	}
	return digits*2 > utf8.RuneCountInString(w)
}

// verbRatio is how much more often a word must be used as a verb or adverb
// than as a noun or adjective to break a phrase.
const verbRatio = 2.0

func wordKind(w string, lx *lexicon) tokKind {
	if strings.Contains(w, "-") {
		return kindContent
	}
	c, known := lx.posCounts(w)
	if !known {
		if strings.HasSuffix(w, "ly") {
			return kindBreak
		}
		return kindContent
	}
	nounish := float64(c[0])
	adj := float64(c[2])
	verb := float64(c[1])
	adv := float64(c[3])
	participle := strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed")
	switch {
	case adv > verbRatio*(nounish+adj) && adv > 0:
		return kindBreak
	case participle && strings.HasSuffix(w, "ing"):
		return kindContent // gerunds head phrases: "image processing"
	case participle:
		return kindModifier // "distributed systems"
	case verb > verbRatio*(nounish+adj):
		return kindBreak
	case adj > nounish*2:
		return kindModifier
	}
	return kindContent
}

// markClauseGerunds makes a verb's -ing form that is next to never a noun
// ("involving", "taking", "containing") a break right after a content
// word: there it opens a participial clause, and "data breach involving
// health data", "a reasonable fee taking into account" gave the phrases
// "breach involving health" and "reasonable fee taking". Opening a
// phrase it still modifies a noun ("operating temperature").
func markClauseGerunds(toks []etok) {
	lx := english()
	for k := 1; k < len(toks); k++ {
		t, before := &toks[k], toks[k-1]
		if t.kind == kindBreak || t.upper || t.acronym || !strings.HasSuffix(t.lower, "ing") ||
			before.kind == kindBreak || before.sent != t.sent {
			continue
		}
		if c, known := lx.posCounts(t.lower); known && c[0] <= 1 && c[1] >= verbOnlyGerund {
			t.kind = kindBreak
		}
	}
}

// verbOnlyGerund is how many verb senses an -ing word with at most one
// noun sense needs to be read as a verb: "involving" and "taking" have
// over a hundred, "routing" and "computing" (of "routing protocol",
// "cloud computing") a few dozen at most.
const verbOnlyGerund = 50

// enCand accumulates statistics for one English candidate. Its counts
// are int32s, and a text of unrepeated words has 400K candidates per MiB.
type enCand struct {
	key   string
	text  string
	spans [][2]int
	forms map[string]int // surface forms and their counts
	// first is the token position of the first occurrence, whose words
	// are toks[first:first+words] (a candidate's words are consecutive
	// tokens, so no list of them is kept)
	first int32
	words int32
	// sents counts the distinct sentences it occurs in: occurrences are
	// met in token order, and sentence numbers never decrease along it, so
	// a count and the last sentence seen stand for a set (a map per
	// candidate cost some 300 bytes each)
	sents    int32
	lastSent int32
	// textN counts the occurrences written as text while no other form has
	// been seen; forms is made only when a second form appears
	textN   int32
	lexical bool
	// joins counts the conjunctions inside an agency's name ("Food and
	// Drug Administration", nameJoin): no word of the phrase, nor scored
	joins int8
}

// inSentence counts sentence sent, met in token order, once.
func (c *enCand) inSentence(sent int) {
	if c.sents == 0 || int32(sent) != c.lastSent {
		c.sents++
		c.lastSent = int32(sent)
	}
}

// surface counts a surface form and keeps the most frequent as the
// candidate's text, preferring one that is not all capitals ("Company"
// over a heading's "COMPANY"). form is the caller's buffer: it is copied
// only when a second form is met.
func (c *enCand) surface(form []byte) {
	if c.forms == nil {
		if string(form) == c.text {
			c.textN++
			return
		}
		c.forms = map[string]int{c.text: int(c.textN)}
	}
	f := string(form)
	c.forms[f]++
	best, bestN := c.text, c.forms[c.text]
	if c.forms[f] > bestN || (c.forms[f] == bestN && shouting(best) && !shouting(f)) {
		c.text = f
	}
}

func shouting(s string) bool { return strings.ToUpper(s) == s && strings.ToLower(s) != s }

// englishCandidates builds candidate phrases: runs of content words
// (modifiers allowed before the head) of up to maxN words.
//
// Every word of a text of unrepeated words opens maxN candidates, so the
// loop allocates only for a new candidate: a phrase's key, its lower-case
// form and its text are built in reused buffers and looked up without a
// copy, and candidates and their first spans are carved from slabs.
func englishCandidates(toks []etok, maxN int) []*enCand {
	byKey := map[string]*enCand{}
	var slabs [][]enCand // full ones; the candidates in order of first occurrence
	var slab []enCand
	var spanSlab [][2]int
	var keyBuf, lowBuf, textBuf []byte
	lx := english()
	defined := definedOfTerms(toks)
	for i := range toks {
		if toks[i].kind == kindBreak {
			continue
		}
		if joinedTail(toks, i, defined) {
			continue
		}
		keyBuf, lowBuf, textBuf = keyBuf[:0], lowBuf[:0], textBuf[:0]
		joins := 0
		for n := 1; n-joins <= maxN && i+n <= len(toks); n++ {
			last := &toks[i+n-1]
			if last.sent != toks[i].sent {
				break // a phrase ends with its sentence, paragraph or table cell
			}
			if n > 1 && (incoterms[last.text] || incoterms[toks[i].text]) {
				break // a delivery term is a phrase of its own ("Products FCA Supplier")
			}
			if n > 1 && legalForms[toks[i+n-2].lower] && !capitalised(last.text) {
				break // a company's name ends at its legal form ("Nordwind GmbH maintenance contract")
			}
			if n > 1 && last.lineStart && capitalised(last.text) && labelLine(toks, i+n-1) {
				// no phrase runs into the next line's label ("Officer Effective
				// date" of "...Officer\nEffective date:"); a wrapped line of
				// prose opens lower-case ("education users: instructors")
				break
			}
			if last.kind == kindBreak {
				if n == 1 || joins > 0 || !nameJoin(toks, i+n-1) && !defined[string(keyBuf)+" "+last.stem] {
					break
				}
				joins++
			}
			if n > 1 {
				keyBuf, lowBuf, textBuf = append(keyBuf, ' '), append(lowBuf, ' '), append(textBuf, ' ')
			}
			keyBuf, lowBuf, textBuf = append(keyBuf, last.stem...), append(lowBuf, last.lower...), append(textBuf, last.text...)
			if last.kind != kindContent || joins > 0 && !joinedName(toks, i, i+n-1) && !defined[string(keyBuf)] {
				continue
			}
			if n == 1 && (enGeneric[last.lower] || shortLower(last.text) || len(last.text) == 1) {
				continue
			}
			if sectionHeading(toks, i, n) {
				continue
			}
			if n > 1 && (actTitleTail(toks, i, i+n-1) || intoName(toks, i, i+n-1) && (joins == 0 || !defined[string(keyBuf)])) || layoutPhrase(toks[i:i+n]) || n > 1 && fieldLabel(toks, i+n-1) || wholeLabel(toks, i, n) || inWholeLabel(toks, i, n) || n == 1 && (partLabel(toks, i) || numberLabel(toks, i) || paragraphLabel(toks, i) || toks[i].partHeading || citedReporter(toks, i)) || amountUnit(toks, i) || n > 1 && citedPart(toks, i+n-1) {
				continue
			}
			c := byKey[string(keyBuf)]
			if c == nil {
				if len(slab) == cap(slab) {
					if slab != nil {
						slabs = append(slabs, slab)
					}
					slab = make([]enCand, 0, slabSize(len(byKey)))
					spanSlab = make([][2]int, cap(slab))
				}
				slab = append(slab, enCand{first: int32(i), words: int32(n), joins: int8(joins)})
				c = &slab[len(slab)-1]
				// one word's key and text are the token's own strings
				if n == 1 {
					c.key, c.text = toks[i].stem, toks[i].text
				} else {
					// key and text in one allocation
					kt := string(append(keyBuf, textBuf...))
					c.key, c.text = kt[:len(keyBuf)], kt[len(keyBuf):]
				}
				c.lexical = n > 1 && lx.multi[string(lowBuf)]
				// the first span's room is capped, so a second
				// occurrence moves the spans out of the slab
				k := len(slab) - 1
				c.spans = spanSlab[k : k : k+1]
				byKey[c.key] = c
			}
			c.spans = append(c.spans, [2]int{toks[i].start, last.end})
			c.surface(textBuf)
			c.inSentence(toks[i].sent)
		}
	}
	order := make([]*enCand, 0, len(byKey))
	for _, sl := range append(slabs, slab) {
		for k := range sl {
			order = append(order, &sl[k])
		}
	}
	return order
}

// nameJoin reports a conjunction at toks[k] inside an agency's or a
// body's name: "and" or "&" between capitalised words, a word naming a
// body (agencyHeads) at most two words on ("Food and Drug
// Administration", "Securities and Exchange Commission", "Health and
// Human Services"). Split there, FDA's name gave the key phrases "Food"
// and "Drug Administration".
func nameJoin(toks []etok, k int) bool {
	if t := toks[k]; t.lower != "and" && t.text != "&" || k == 0 || k+1 >= len(toks) {
		return false
	}
	if !capitalised(toks[k-1].text) || toks[k-1].kind == kindBreak || toks[k-1].sent != toks[k].sent {
		return false
	}
	if firmJoin(toks, k) {
		return true
	}
	for j := k + 1; j < len(toks) && j <= k+3; j++ {
		t := toks[j]
		if t.kind == kindBreak || !capitalised(t.text) || t.sent != toks[k].sent {
			return false
		}
		if agencyHeads[t.lower] {
			return true
		}
	}
	return false
}

// incoterms are the Incoterms 2020 delivery terms, as a contract writes
// them in capitals.
var incoterms = setOf("EXW FCA FAS FOB CFR CIF CPT CIP DAP DPU DDP")

// definedOfTerms are the stems of the defined terms that text writes in
// quotes with "of" inside ("Statement of Work", "Bill of Materials"),
// and of their heads up to each "of" ("statement of"): nil when none.
// Split at "of", a contract's defined term gave the key phrase
// "Statement" alone.
func definedOfTerms(toks []etok) map[string]bool {
	var terms map[string]bool
	for i := range toks {
		if !isQuote(toks[i].text) {
			continue
		}
		end, ok := definedOfEnd(toks, i+1)
		if !ok {
			continue
		}
		if terms == nil {
			terms = map[string]bool{}
		}
		key := toks[i+1].stem
		for k := i + 2; k < end; k++ {
			key += " " + toks[k].stem
			if toks[k].lower == "of" {
				terms[key] = true
			}
		}
		terms[key] = true
	}
	return andTerms(toks, capitalisedOfTerms(toks, terms))
}

// joinedTail reports toks[i] as the word after the "and" of a pair
// andTerms joins ("Development" of "Research and Development"): a phrase
// opening there is the pair's half ("Development costs").
func joinedTail(toks []etok, i int, defined map[string]bool) bool {
	return i >= 2 && toks[i-1].lower == "and" && toks[i-1].sent == toks[i].sent &&
		defined[toks[i-2].stem+" "+toks[i-1].stem+" "+toks[i].stem]
}

// andTerms adds to terms the stems of the two-word phrases joined by
// "and" that name one thing ("Terms and Conditions", "Research and
// Development", "Mergers and Acquisitions"), and of their heads up to the
// "and": a fixed pair of fixedPairs in any case, or a pair WordNet lists
// as one noun ("Accord and Satisfaction") written capitalised. Split at
// "and", a contract's "Terms and Conditions" gave "Terms" and
// "Conditions" as key phrases of their own.
func andTerms(toks []etok, terms map[string]bool) map[string]bool {
	lx := english()
	for k := 1; k+1 < len(toks); k++ {
		a, and, b := toks[k-1], toks[k], toks[k+1]
		if and.lower != "and" || a.sent != and.sent || b.sent != and.sent || a.kind == kindBreak || b.kind == kindBreak {
			continue
		}
		phrase := a.lower + " and " + b.lower
		if !fixedPairs[phrase] && !(lx.multi[phrase] && capitalised(a.text) && capitalised(b.text)) {
			continue
		}
		if terms == nil {
			terms = map[string]bool{}
		}
		terms[a.stem+" "+and.stem] = true
		terms[a.stem+" "+and.stem+" "+b.stem] = true
	}
	return terms
}

// fixedPairs are the pairs joined by "and" that business writing uses as
// one term, which WordNet does not list.
var fixedPairs = setOf2(
	"terms and conditions", "research and development", "mergers and acquisitions",
	"profit and loss", "health and safety", "sales and marketing",
	"general and administrative", "oil and gas", "plant and equipment",
	"property and equipment", "operations and maintenance", "repairs and maintenance",
	"learning and development", "diversity and inclusion", "compliance and ethics",
	"governance and compliance", "safety and health", "monitoring and evaluation",
)

// setOf2 is a set of phrases, each given whole.
func setOf2(phrases ...string) map[string]bool {
	m := make(map[string]bool, len(phrases))
	for _, p := range phrases {
		m[p] = true
	}
	return m
}

// capitalisedOfTerms adds to terms the stems of the phrases with "of"
// inside that text writes capitalised, mid-sentence, more than once
// without quotes ("each Statement of Work", "a Certificate of Insurance",
// "the Bill of Lading"), and of their heads up to the "of". A contract
// defines such a term by a heading or a schedule as often as by quotes,
// and split at "of" it gave "Statement" and "Certificate" alone. Once is
// not enough: a capitalised "of" phrase met once is as likely a heading's
// words as a term.
func capitalisedOfTerms(toks []etok, terms map[string]bool) map[string]bool {
	seen := map[string]int{}
	for k := 1; k+1 < len(toks); k++ {
		if toks[k].lower != "of" {
			continue
		}
		for _, key := range ofWindows(toks, k) {
			seen[key]++
		}
	}
	for key, n := range seen {
		if n < 2 {
			continue
		}
		if terms == nil {
			terms = map[string]bool{}
		}
		terms[key] = true
		terms[key[:strings.Index(key, " of ")+len(" of")]] = true
	}
	return terms
}

// ofWindows are the stems of the phrases around the "of" at toks[k] whose
// words either side are capitalised mid-sentence (etok.upper), in prose:
// the capitalised run before it follows a stopword ("each", "a", "the")
// on its line, and the run after it stays on that line. Each
// head of the run after it gives one, at most maxDefinedWords words in
// all. A paper's affiliations ("Department of Computer Science" under
// each author) and a table's headings ("Number of Agents") repeat
// capitalised "of" phrases that name no subject of the text.
func ofWindows(toks []etok, k int) []string {
	termWord := func(j int) bool {
		t := toks[j]
		return t.upper && t.kind != kindBreak && t.sent == toks[k].sent && !t.lineStart
	}
	i := k
	for i > 0 && k-i < maxDefinedWords-1 && termWord(i-1) {
		i--
	}
	if i == k || i == 0 || !proseOpener(toks[i-1], toks[k]) || toks[k].lineStart {
		return nil
	}
	var keys []string
	key := ""
	for j := i; j <= k; j++ {
		key = strings.TrimSpace(key + " " + toks[j].stem)
	}
	for j := k + 1; j < len(toks) && j-i < maxDefinedWords && termWord(j); j++ {
		key += " " + toks[j].stem
		keys = append(keys, key)
	}
	return keys
}

// proseOpener reports a stopword in of's sentence, lower-case or opening
// the sentence, as "each" or "Each" before "Statement of Work".
func proseOpener(t, of etok) bool {
	return t.stop && !t.upper && t.sent == of.sent
}

// definedOfEnd finds the closing quote of a defined term opening at
// toks[from]: capitalised words, one "of" between two of them, at most
// maxDefinedWords; ok is false for anything else.
func definedOfEnd(toks []etok, from int) (end int, ok bool) {
	of := false
	for k := from; k < len(toks) && k < from+maxDefinedWords+1; k++ {
		t := toks[k]
		switch {
		case isQuote(t.text):
			return k, of && k > from && toks[k-1].lower != "of"
		case t.lower == "of" && !of && k > from:
			of = true
		case t.kind == kindBreak && t.punct || !capitalised(t.text) || t.sent != toks[from].sent:
			return 0, false
		}
	}
	return 0, false
}

// maxDefinedWords bounds a defined term with "of" inside.
const maxDefinedWords = 5

func isQuote(s string) bool { return s == "\"" || s == "“" || s == "”" }

// firmJoin reports an ampersand with a space either side before a
// capitalised word, inside a firm's name ("WILLOW COFFEE LIMITED & SONS",
// "Harbour & Pine Analytics"): split there, a
// contract's party lost its name's tail. "R&D" is one word's letters.
func firmJoin(toks []etok, k int) bool {
	t, next := toks[k], toks[k+1]
	return t.text == "&" && toks[k-1].end < t.start && t.end < next.start &&
		next.kind != kindBreak && next.sent == t.sent && capitalised(next.text)
}

// actTitleTail reports a phrase toks[i..last] that ends in "Act" after
// "of" and a capitalised word: the tail of an act's title ("SINGAPORE
// ACT" of "MONETARY AUTHORITY OF SINGAPORE ACT", a key phrase of MAS
// Notice 626), which names no subject of its own.
func actTitleTail(toks []etok, i, last int) bool {
	if toks[last].lower != "act" || !capitalised(toks[last].text) || i < 2 {
		return false
	}
	of, before := toks[i-1], toks[i-2]
	return of.lower == "of" && of.sent == toks[i].sent && before.kind != kindBreak && capitalised(before.text)
}

// joinedName reports whether toks[i..last], a phrase with a conjunction
// inside (nameJoin), is a name: an agency's, whole from its first word
// ("Food and Drug Administration", not "Oceanic and Atmospheric
// Administration" of the NOAA), or a firm's joined by "&" and ending in a
// capitalised word; a window of a firm's longer name merges with the
// window before it when both are chosen ("WILLOW COFFEE LIMITED" and
// "COFFEE LIMITED & SONS").
func joinedName(toks []etok, i, last int) bool {
	if agencyHeads[toks[last].lower] && !nameGoesOn(toks, i) {
		return true
	}
	if !capitalised(toks[last].text) {
		return false
	}
	for k := i + 1; k < last; k++ {
		if firmJoin(toks, k) {
			return true
		}
	}
	return false
}

// nameGoesOn reports a capitalised word before toks[i] in its sentence:
// a phrase from i is a window of a longer name ("Oceanic and Atmospheric
// Administration" of "National Oceanic and Atmospheric Administration").
func nameGoesOn(toks []etok, i int) bool {
	return i > 0 && toks[i-1].kind != kindBreak && toks[i-1].sent == toks[i].sent && capitalised(toks[i-1].text)
}

// agencyHeads are the words that end the name of a government's body.
var agencyHeads = setOf("administration commission agency authority board bureau service services department office institute institutes council committee")

// slabSize is how many candidates the next slab holds once have are
// made: small for a short text, doubling to a bound for a long one.
func slabSize(have int) int {
	return min(max(have, 64), 4096)
}

// sectionWords are the words of the headings that divide minutes, reports,
// assessments, datasheets and job descriptions into their usual parts:
// "Action Items", "Next Steps", "Background", "Executive Summary", "Key
// Features". Such a heading names where a part is, not what the document
// is about, and minutes listed them as key phrases.
var sectionWords = setOf(`action actions item items next steps step attendees attendee apologies background
summary executive review scope finding findings recommendation recommendations conclusion conclusions
introduction objective objectives discussion decisions decision responsibilities requirements benefits
specification specifications key features overview product ordering information contents appendix
references acknowledgements purpose agenda notes other business follow-up`)

// sectionHeading reports a phrase at toks[i:i+n] in a heading's line
// ("Action Items" alone, or after Markdown's "##") whose words are all
// sectionWords: "Executive Summary" gave "Summary" and "Executive" too. A
// topical heading ("Offshore Wind Farm", "Data Retention") has a word of
// its own and stays; the same words in a sentence ("the action items we
// agreed") are left to the scores.
func sectionHeading(toks []etok, i, n int) bool {
	if !sectionWords[toks[i].lower] {
		return false
	}
	from := i
	for from > 0 && !toks[from].lineStart && inLine(toks, from-1, i) {
		from--
	}
	if !toks[from].lineStart {
		return false
	}
	to := i + n
	for to < len(toks) && !toks[to].lineStart && inLine(toks, to, i) {
		to++
	}
	if to < len(toks) && !toks[to].lineStart && toks[to].sent == toks[i].sent && toks[to].text != "\n" {
		return false // punctuation runs on: "Review: the board ..."
	}
	for _, t := range toks[from:to] {
		if !sectionWords[t.lower] {
			return false
		}
	}
	return true
}

// inLine reports whether toks[k] is a word of toks[i]'s sentence.
func inLine(toks []etok, k, i int) bool {
	return !toks[k].punct && toks[k].sent == toks[i].sent
}

// fieldLabel reports a form's label at toks[k]: the first word of its
// line, a colon after it ("Meeting Notes\nDate: 12 March" gave the key
// phrase "Meeting Notes Date").
func fieldLabel(toks []etok, k int) bool {
	return toks[k].lineStart && k+1 < len(toks) && toks[k+1].text == ":"
}

// messageLabels are a message's header fields, a label before their
// colon even on a line of their own: a memo pasted from an e-mail opens
// with "Subject: Forklift safety procedure update", and "Subject" was
// its key phrase.
var messageLabels = setOf("subject attn attention cc bcc")

// wholeLabel reports a phrase at toks[i:i+n] that is a form's label, the
// whole of it from its line's start to the colon after it, in a block of
// such lines: a memo's "Subject:" under "To:" and "From:", a policy's
// "Effective date:" over "Review date:" were key phrases of the memo and
// the policy they head, where what follows the colon is what the document
// is about; a header of messageLabels is one alone. A title alone before
// its colon ("Wavelets: a new approach")
// names the subject.
func wholeLabel(toks []etok, i, n int) bool {
	if !toks[i].lineStart || i+n >= len(toks) || toks[i+n].text != ":" {
		return false
	}
	if n == 1 && messageLabels[toks[i].lower] {
		return true
	}
	prev := i - 1
	for prev >= 0 && !toks[prev].lineStart {
		prev--
	}
	next := i + n
	for next < len(toks) && !toks[next].lineStart {
		next++
	}
	return prev >= 0 && labelLine(toks, prev) || next < len(toks) && labelLine(toks, next)
}

// inWholeLabel reports a phrase at toks[i:i+n] that is a piece of a
// form's whole label (wholeLabel) of more words: an action item's owner
// in a block of them ("- Markus Brandt: order ...", "- Sofia Rossi:
// repaint ..."). The whole name was no key phrase, but its words were,
// and the minutes' facets listed "Markus", "Brandt" and "Rossi".
func inWholeLabel(toks []etok, i, n int) bool {
	j := i
	for j > 0 && !toks[j].lineStart && i-j < maxLabelWords {
		j--
	}
	if !toks[j].lineStart || !labelLine(toks, j) {
		return false
	}
	colon := j
	for toks[colon].text != ":" {
		colon++
	}
	// the whole label itself is wholeLabel's
	return i+n <= colon && (i > j || i+n < colon) && wholeLabel(toks, j, colon-j)
}

// maxLabelWords is the most words a form's label has before its colon.
const maxLabelWords = 3

// labelLine reports a line that opens at toks[j] with a form's label: up
// to maxLabelWords words, then a colon.
func labelLine(toks []etok, j int) bool {
	for k := j; k < len(toks) && k <= j+maxLabelWords; k++ {
		if toks[k].text == ":" {
			return k > j
		}
		if r, _ := utf8.DecodeRuneInString(toks[k].text); !unicode.IsLetter(r) || k > j && toks[k].lineStart {
			return false
		}
	}
	return false
}

// paragraphLabel reports a paragraph's one-word label at toks[k], after
// its enumerator and before a full stop or a colon: the CFR's "(a)
// Standard." and "(b) Standard: Minimum necessary.", "(b) Objectives.",
// and a contract's run-in heading after its clause's number ("1.
// Notification. The Supplier shall notify"). Every paragraph of a rule
// may carry one, and "Standard" was a key phrase of HIPAA's sections,
// "Notification" of a supply agreement.
//
// After a clause's number only a full stop marks a label: a paper's
// numbered heading "2. DCSP: PROBLEM FORMALIZATION" names its subject
// before the colon.
func paragraphLabel(toks []etok, k int) bool {
	if k+1 >= len(toks) {
		return false
	}
	next := toks[k+1].text
	return toks[k].enumerated && (next == "." || next == ":") || toks[k].clauseHead && next == "."
}

// partLabel reports a part's label before its number at toks[k], or its
// abbreviation before a full stop and the number ("DIVISION 3.", "Section
// 1798.130", Singapore's "(Cap. 186)"): alone it is no key phrase. The
// heading "CALIFORNIA CIVIL CODE\nDIVISION 3. OBLIGATIONS", no longer one
// phrase, left "DIVISION" a key phrase of the CCPA, and a MAS notice got
// "Cap". A phrase that ends in one names something ("interest rate cap
// 2%"), so the caller asks only of single words.
func partLabel(toks []etok, k int) bool {
	if !partLabels[toks[k].lower] {
		return false
	}
	if k+2 < len(toks) && toks[k+1].text == "." {
		k++ // "Cap. 186"
	}
	return k+1 < len(toks) && (partNumberRe.MatchString(toks[k+1].text) || isNumeric(toks[k+1].text))
}

// versionLabels name a document's edition before its number.
var versionLabels = setOf("version revision rev edition release draft issue ver")

// numberLabel reports a word at toks[k] that labels the number after it:
// a document's version ("Version 2.1, last updated 3 March 2024"), a
// public law's "Pub. L. 104-191" or the Statutes at Large's "110 Stat.
// 2033" in a regulation's authority note, and its "sec. 264". Alone they
// were key phrases ("Version" of a services agreement, "Pub", "Stat" and
// "sec" of HIPAA's rules) that name no subject.
func numberLabel(toks []etok, k int) bool {
	next := func(j int) string {
		if j < len(toks) {
			return toks[j].text
		}
		return ""
	}
	if versionLabels[toks[k].lower] {
		j := k + 1
		if next(j) == "." {
			j++ // "Rev. 3"
		}
		return isNumeric(next(j)) || partNumberRe.MatchString(next(j))
	}
	if toks[k].text == "sec" || toks[k].text == "Sec" {
		return next(k+1) == "." && isNumeric(next(k+2)) // "sec. 264, Pub. L. 104-191"; SEC, the agency, is kept
	}
	if toks[k].text == "Stat" {
		return next(k+1) == "." && isNumeric(next(k+2)) // "110 Stat. 2033"
	}
	return toks[k].text == "Pub" && next(k+1) == "." && next(k+2) == "L"
}

// citedPart reports a phrase's last word at toks[k] that is a part's
// label, capitalised, before the part's number: the phrase runs into a
// citation ("CFR Part" of "21 CFR Part 11" was a key phrase of FDA's rule
// on electronic records). A label in lower case ends a phrase that names
// something ("interest rate cap 2%").
func citedPart(toks []etok, k int) bool {
	return capitalised(toks[k].text) && partLabel(toks, k)
}

// reporters are the abbreviations a US citation puts between its volume
// or title and its page or section ("67 FR 36493", "21 CFR 11.10", "15
// U.S.C. 6801").
var reporters = setOf("fr cfr usc u.s.c")

// citedReporter reports a reporter's abbreviation at toks[k] after a
// number and before a number or a part's label: it is a citation's, no
// key phrase ("FR" was one of 16 CFR 314, from its source notes).
func citedReporter(toks []etok, k int) bool {
	if !reporters[toks[k].lower] || k == 0 || k+1 >= len(toks) || !isNumeric(toks[k-1].text) {
		return false
	}
	next := toks[k+1]
	if next.text == "." && k+2 < len(toks) {
		next = toks[k+2] // "U.S.C. 6801"
	}
	return isNumeric(next.text) || partLabels[next.lower]
}

// amountUnit reports a currency at toks[k] that an amount in words
// counts ("five hundred dollars"): the amount is no key phrase
// (datePhrase), nor is its unit.
func amountUnit(toks []etok, k int) bool {
	return currencyWords[toks[k].lower] && k > 0 && numberWord(toks[k-1].lower)
}

// actLabels are the labels in an EU act's number ("Regulation (EU)
// 2016/679", "Directive 95/46/EC"): alone they were a key phrase of 24 of
// 36 EU articles, and say only that the text is European law.
var actLabels = map[string]bool{"EU": true, "EC": true, "EEC": true, "EURATOM": true, "Euratom": true}

// euActRe is what an EU act says of itself ("this Regulation", "this
// Directive") or its number ("Regulation (EU) 2016/679", "Directive
// 95/46/EC"), in its opening (euActHead).
var euActRe = regexp.MustCompile(`\b(?:this|that|the\s+present)\s+(?:Regulation|Directive|Decision)\b|\((?:EU|EC|EEC|Euratom)\)\s*(?:No\s*)?\d{2,4}/\d+|\bDirective\s+\d{2,4}/\d+/(?:EU|EC|EEC)\b`)

// euActHead bounds how far into a text euActRe is looked for.
const euActHead = 16 << 10

// institutionWords are the words of the Union's institutions and of its
// acts' formulas: "European Parliament", "Member States", "the
// Commission", "this Regulation", "repealing Directive", "implementing
// acts". Every EU act names them, and they were key phrases of nearly
// every one, saying only that the text is European law.
var institutionWords = setOf(`european union parliament council commission member state states official journal
regulation regulations directive directives decision decisions repealing amending implementing delegated act acts treaty`)

// institutionPhrase reports a candidate made only of institutionWords, in
// an EU act (euActRe): "Member States", but not "European Data Protection
// Board" or "General Data Protection Regulation", which name something.
func institutionPhrase(ts []etok) bool {
	for _, t := range ts {
		if !institutionWords[t.lower] {
			return false
		}
	}
	return true
}

// intoName reports a window whose last word, toks[j], is capitalised
// after a word in lower case: it runs from a clause into a name or a
// defined term ("hold harmless Company from", "use of Confidential"),
// which is no phrase; "hidden Markov model" ends in lower case and stays.
// A window that opens in lower case runs into a name of several words
// as well ("long Acme Health" of "how long Acme Health Group retains").
func intoName(toks []etok, i, j int) bool {
	return wordShape(toks[j].text) == shapeTitle && toks[j].upper &&
		(wordShape(toks[j-1].text) == shapeLower || wordShape(toks[i].text) == shapeLower && toks[i].kind != kindBreak)
}

// layoutPhrase reports a candidate made of a page's layout rather than its
// subject: a street address ("King William Street", "Harbor Blvd", "SW
// 11th CT"), a signature block's labels ("Robert King Title", "President
// Print Name", "Alpha Widgets Limited Signed"), a running header's page
// label ("Global Maintenance Agreement Page"),
// words that repeat because columns ran together ("BOSCH BOSCH",
// "John Smith John"), or a heading in capitals run into the line after it
// ("CONSULTING AGREEMENT\nAduro": a line break where capitals start or
// stop).
func layoutPhrase(ts []etok) bool {
	if len(ts) == 1 {
		// "Co" alone is a firm's "& Co." (markFirmCompany), no phrase
		return actLabels[ts[0].text] || legalForms[ts[0].lower] || ts[0].lower == "co" || formOpeners[ts[0].lower] || signatureLabels[ts[0].lower] && capitalised(ts[0].text) ||
			honorifics[ts[0].lower] || postcodePart.MatchString(ts[0].text) || greetingWords[ts[0].lower] ||
			streetWords[ts[0].lower] && capitalised(ts[0].text) || numberWord(ts[0].lower) || currencyCodes[ts[0].text] || dayNames[ts[0].text]
	}
	if datePhrase(ts) {
		return true
	}
	last := ts[len(ts)-1].lower
	if formOpeners[last] {
		return true // "Southern Cross Mining Pty" of "... Pty Ltd": "Ltd", a stopword, ends the phrase first
	}
	if streetWords[ts[0].lower] && capitalised(ts[0].text) && capitalised(ts[1].text) {
		return true // "Street Reading": an address line run into its town
	}
	if streetWords[last] && capitalised(ts[len(ts)-2].text) {
		return true
	}
	for k := 1; k < len(ts); k++ {
		if buildingWords[ts[k].lower] && capitalised(ts[k-1].text) {
			return true // "Mills Road Bldg"
		}
	}
	if addressPhrase(ts) || legalForms[ts[0].lower] || ts[0].lower == "witness" && last == "whereof" ||
		ts[0].lower == "limited" && ts[1].lower == "liability" || ts[0].lower == "liability" && last == "company" ||
		ts[0].lower == "dear" || ts[0].lower == "execution" && (last == "copy" || last == "version") ||
		partLabels[ts[0].lower] && partNumberRe.MatchString(ts[1].text) {
		return true
	}
	allCaps := true // every word capitalised, as in a signature block
	for _, t := range ts {
		allCaps = allCaps && capitalised(t.text)
	}
	if allCaps && (signatureLabels[last] || signatureLabels[ts[0].lower]) {
		return true
	}
	seen := map[string]bool{}
	for k, t := range ts {
		if seen[t.lower] {
			return true
		}
		seen[t.lower] = true
		if k > 0 && t.lineStart && shouting(ts[k-1].text) != shouting(t.text) {
			return true
		}
	}
	return false
}

// datePhrase reports a candidate that a date runs through: a month's name
// ("Texas November", "Agreement dated February", "Parliament 19th
// April"), a day's ordinal ("force 1st October"), or an amount in words
// ("Hundred Fifty Thousand", and "hundred dollars" of "two thousand five
// hundred dollars ($2,500)": a phrase that opens with a number word
// counts something, and names no subject; alone, "thousand" is none
// either, see layoutPhrase).
func datePhrase(ts []etok) bool {
	if numberWord(ts[0].lower) {
		return true
	}
	numbers := true
	for _, t := range ts {
		if monthNames[t.text] || dayNames[t.text] || dayOrdinal.MatchString(t.lower) {
			return true
		}
		numbers = numbers && numberWord(t.lower)
	}
	return numbers
}

var (
	// monthNames are the months as a date writes them; "May" is left out,
	// a sentence's first word as often as a month.
	monthNames = setOf("January February March April June July August September October November December JANUARY FEBRUARY MARCH APRIL JUNE JULY AUGUST SEPTEMBER OCTOBER NOVEMBER DECEMBER")
	// dayNames are weekdays and short months, as an e-mail's header ("On Mon, 3 Jun")
	// and its arrangements ("by Friday") write them: a day names when,
	// not what ("Sat" and "Sun" are left out, being names too)
	dayNames      = setOf("Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thur Thurs Fri Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec")
	dayOrdinal    = regexp.MustCompile(`^\d{1,2}(?:st|nd|rd|th)$`)
	currencyWords = setOf("dollar dollars pound pounds euro euros cent cents pence yen yuan renminbi franc francs rupee rupees")
	numberWords   = setOf("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion")
	// currencyCodes are ISO 4217 codes as amounts write them ("USD
	// 800 per month"): alone, a key phrase names no subject (not CAD,
	// which is computer-aided design as often as Canada's dollar)
	currencyCodes = setOf("USD EUR GBP JPY CNY RMB CHF AUD NZD HKD SGD INR SEK NOK DKK")
	honorifics    = setOf("mr mrs ms dr messrs mr. mrs. ms. dr.")
	// greetingWords open or close a letter ("Dear Sirs", "Kind regards")
	greetingWords = setOf("dear sirs madam gentlemen sincerely regards")
)

// numberWord reports a number in words, hyphenated ones too
// ("forty-five", as in "forty-five days").
func numberWord(w string) bool {
	if numberWords[w] {
		return true
	}
	if !strings.Contains(w, "-") {
		return false
	}
	for p := range strings.SplitSeq(w, "-") {
		if !numberWords[p] {
			return false
		}
	}
	return true
}

// addressPhrase reports the tail of an address or a party's legal
// description: a place then a kind of company ("York limited liability
// company", "Jersey corporation"), a place before a country or a state's
// code ("Toronto Ontario Canada", "Las Vegas NV"), or a postcode ("London
// EC4Y 1AA").
func addressPhrase(ts []etok) bool {
	last := ts[len(ts)-1]
	if placeWords[ts[0].lower] && companyKinds[last.lower] {
		return true
	}
	if !capitalised(ts[0].text) {
		return false
	}
	// "CO" after a firm's ampersand is the firm's "& Co.", not Colorado
	if len(ts) >= 2 && (addressCountries[last.lower] || len(last.text) == 2 && usStateCodes[last.text] && ts[len(ts)-2].text != "&") {
		return true
	}
	for _, t := range ts {
		if postcodePart.MatchString(t.text) {
			return true
		}
	}
	return false
}

// postcodePart is a British postcode's half ("EC4Y", "1AA", "SW1A") or a
// US ZIP code.
var postcodePart = regexp.MustCompile(`^(?:[A-Z]{1,2}\d[A-Z\d]?|\d[A-Z]{2}|\d{5}(?:-\d{4})?)$`)

var (
	legalForms = setOf("llc inc ltd corp plc gmbh llp lp")
	// formOpeners open a two-word legal form ("Pty Ltd" in Australia,
	// "Pte. Ltd." in Singapore, "Sdn. Bhd." in Malaysia): a phrase that
	// ends in one is a name cut before the form's end
	formOpeners  = setOf("pty pte sdn")
	companyKinds = setOf("corporation company partnership llc corp liability limited")
	partLabels   = setOf("chapter article section title part annex appendix schedule exhibit division cap subtitle subchapter subpart rule")
	// a part's number, or its letter ("Subtitle A", "Schedule B")
	partNumberRe     = regexp.MustCompile(`^(?:[IVXLC]{1,6}|\d{1,3}(?:\.\d{1,3})*|[A-Z])$`)
	buildingWords    = setOf("bldg suite")
	addressCountries = setOf("canada usa china germany france japan india singapore australia ireland switzerland israel")
	placeWords       = setOf(`alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois
		indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska
		nevada hampshire jersey mexico york carolina dakota ohio oklahoma oregon pennsylvania rhode island tennessee texas utah
		vermont virginia washington wisconsin wyoming ontario quebec`)
	usStateCodes = map[string]bool{}
)

func init() {
	for _, c := range strings.Fields(`AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND
		OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC`) {
		usStateCodes[c] = true
	}
}

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

var (
	streetWords     = setOf("street st avenue ave blvd boulevard road rd drive dr lane ln suite floor parkway pkwy highway hwy plaza ct bldg")
	signatureLabels = setOf("name title signature print printed its signed page president director signatory secretary treasurer")
)

// termStats are YAKE's per-term features (Campos et al. 2020).
type termStats struct {
	tf, tfUpper, tfAcr float64
	sents              int // distinct sentences: sentIdx never decreases
	sentIdx            []int
	left, right        stemSet
	leftN, rightN      float64
}

// stemSet is a set of stems, of which only the size is read: a few in a
// slice, a map past smallSet. Most words of a text have a handful of
// distinct neighbours, and two maps per word cost some 600 bytes each
// (a text of unrepeated words has as many words as stems).
type stemSet struct {
	few  []string
	many map[string]struct{}
}

// smallSet is the size past which a stemSet is a map.
const smallSet = 8

func (s *stemSet) add(stem string) {
	if s.many != nil {
		s.many[stem] = struct{}{}
		return
	}
	if slices.Contains(s.few, stem) {
		return
	}
	if len(s.few) < smallSet {
		if s.few == nil {
			// a word of a text of unrepeated words has two neighbours
			// a side: one allocation, not two
			s.few = make([]string, 0, 2)
		}
		s.few = append(s.few, stem)
		return
	}
	s.many = make(map[string]struct{}, 2*smallSet)
	for _, x := range s.few {
		s.many[x] = struct{}{}
	}
	s.many[stem] = struct{}{}
	s.few = nil
}

func (s *stemSet) len() int {
	if s.many != nil {
		return len(s.many)
	}
	return len(s.few)
}

// yakeWeights computes YAKE's H score per stem (lower is more important).
func yakeWeights(toks []etok, nSent int) map[string]float64 {
	st := map[string]*termStats{}
	var slab []termStats // a text of unrepeated words has a term per word
	get := func(s string) *termStats {
		t := st[s]
		if t == nil {
			if len(slab) == cap(slab) {
				slab = make([]termStats, 0, slabSize(len(st)))
			}
			slab = append(slab, termStats{})
			t = &slab[len(slab)-1]
			st[s] = t
		}
		return t
	}
	for i := range toks {
		t := &toks[i]
		if t.punct {
			continue
		}
		s := get(t.stem)
		s.tf++
		if t.acronym {
			s.tfAcr++
		} else if t.upper {
			s.tfUpper++
		}
		if n := len(s.sentIdx); n == 0 || s.sentIdx[n-1] != t.sent {
			s.sents++
		}
		s.sentIdx = append(s.sentIdx, t.sent)
		// co-occurrence within a window of two words in the same sentence
		for k := i - 1; k >= 0 && k >= i-2; k-- {
			if toks[k].punct || toks[k].sent != t.sent {
				break
			}
			s.left.add(toks[k].stem)
			s.leftN++
			get(toks[k].stem).right.add(t.stem)
			get(toks[k].stem).rightN++
		}
	}
	var sum, sumSq, n, maxTF float64
	for stem, s := range st {
		maxTF = math.Max(maxTF, s.tf)
		if isStopStem(stem) {
			continue
		}
		sum += s.tf
		sumSq += s.tf * s.tf
		n++
	}
	mean, std := 0.0, 0.0
	if n > 0 {
		mean = sum / n
		std = math.Sqrt(math.Max(sumSq/n-mean*mean, 0))
	}
	h := make(map[string]float64, len(st))
	for stem, s := range st {
		tcase := math.Max(s.tfUpper, s.tfAcr) / (1 + math.Log(s.tf))
		tpos := math.Log(math.Log(3 + medianSorted(s.sentIdx)))
		tfNorm := s.tf / (mean + std + 1e-9)
		dl, dr := 0.0, 0.0
		if s.leftN > 0 {
			dl = float64(s.left.len()) / s.leftN
		}
		if s.rightN > 0 {
			dr = float64(s.right.len()) / s.rightN
		}
		trel := 1 + (dl+dr)*s.tf/maxTF
		tsent := float64(s.sents) / float64(max(nSent, 1))
		h[stem] = tpos * trel / (tcase + tfNorm/trel + tsent/trel)
	}
	return h
}

var stopStems = func() map[string]bool {
	m := map[string]bool{}
	for w := range enStop {
		m[Stem(w)] = true
	}
	return m
}()

func isStopStem(s string) bool { return stopStems[s] }

// medianSorted is the median of v, which is in ascending order (a term's
// sentences, met in token order).
func medianSorted(v []int) float64 {
	if len(v) == 0 {
		return 0
	}
	if len(v)%2 == 1 {
		return float64(v[len(v)/2])
	}
	return float64(v[len(v)/2-1]+v[len(v)/2]) / 2
}

// shortLower reports whether a word is two letters or fewer, all lower
// case: alone it is a formula's variable ("vi", "wi", "aj" in a paper
// that writes each player's valuation vi) or a list's numeral, never a
// key phrase; an abbreviation in capitals ("AI", "IP") stays one.
func shortLower(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
		n++
	}
	return n > 0 && n <= 2
}
