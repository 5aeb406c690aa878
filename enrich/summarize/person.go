package summarize

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/docmill/docmill/enrich/keywords"
)

// A provider writes its terms and policies in the first person ("we may
// share your data with our partners"). Read apart from the document, in a
// search hit or on a result subject, that "we" names nobody, so a summary
// says who: the name the text gives itself (`Dropbox, Inc. ("Dropbox",
// "we", "us")`), else "the service" when the text reads as a service's
// terms or policy. Elsewhere (a letter, a contract, a company's page that
// names no service) "we" stays: a wrong referent is worse than a vague
// one, and so is a quotation put in someone else's mouth. On the legal
// plain-English train split, 68 of the 125 references whose text says
// "we" say "service" and 10 say "we".

// firstPersonRe finds the first-person plural words.
var firstPersonRe = regexp.MustCompile(`(?i)\b(we|us|our|ours|ourselves)\b`)

// weDefinedRe is the parenthesis of labels after a name, the first person
// among them: `Acme Inc. ("Acme", "we", "us" or "our")`.
var weDefinedRe = regexp.MustCompile(`\(([^()]{0,120}?["“'‘]\s*(?:we|us)\s*[,"”'’][^()]{0,80})\)`)

// weHereinafterRe is the same definition without the parenthesis:
// `Zento Labs GmbH, hereinafter referred to as "Zento" or "we", provides`.
var weHereinafterRe = regexp.MustCompile(`,?\s+hereinafter(?:\s+(?:referred\s+to\s+as|called|collectively))?:?\s+((?:["“‘][^"”’]{1,40}["”’]\s*(?:,|or|and)?\s*){0,3}["“‘]\s*(?:we|us)\s*["”’](?:\s*(?:,|or|and)\s*["“‘][^"”’]{1,40}["”’]){0,3})`)

// labelRe is one quoted label inside a definition's parenthesis; an
// apostrophe inside a double-quoted label is the label's ("McDonald's").
var labelRe = regexp.MustCompile(`"([^"]{1,40})"|“([^”]{1,40})”|‘([^‘’]{1,40})’`)

// roleLabels are labels that name a role, not a name: "the Company".
var roleLabels = setOf("company provider service platform website site app application licensor supplier vendor seller bank lender employer landlord operator controller publisher organisation organization firm group")

// serviceCue says a text is a service's terms or policy, whose provider
// the references (TOS;DR's and docmill's readers alike) call "the
// service": the service, site, app or platform named as such, these terms,
// this policy, privacy, cookies, personal data, accounts or users.
var serviceCue = regexp.MustCompile(`(?i)\b(?:(?:our|the|this)\s+(?:services?|sites?|websites?|apps?|applications?|platforms?|software|games?|products?)|platform|these\s+terms|this\s+(?:privacy\s+)?policy|terms\s+of\s+(?:service|use)|privacy|cookies?|personal\s+(?:data|information)|your\s+(?:account|profile|username|e-?mail\s+address|content|service)|do\s+not\s+track|opt\s+out|third[\s-]+part(?:y|ies)|content\s+(?:submitted|posted|uploaded)|users?)\b`)

// weAreRe is a text saying who "we" is in so many words: "We are Quanta
// Ltd, a company ...".
var weAreRe = regexp.MustCompile(`(?:^|[.!?]\s+)We\s+are\s+(` + providerWord + `(?:\s+(?:` + providerWord + `|&|of))*)\s*(?:,|\.|\band\b|\(|$)`)

// providerWord is a capitalised word of a provider's name: a capital and
// letters of any script after it ("Société", "Zürcher"), which Go's \w
// (ASCII only) cut at the first accented letter.
const providerWord = `\p{Lu}[\pL\pM\pN_&'’.-]*`

// policyTitleRe is a policy's or terms' title with its provider's name
// after it ("Privacy policy of Save the Rivers") or before it ("Dropbox
// Terms of Service").
var (
	policyOfRe    = regexp.MustCompile(`(?i:privacy\s+(?:policy|notice|statement)|terms\s+(?:of\s+(?:service|use)|and\s+conditions)|cookie\s+policy)\s+(?:of|for)\s+(` + providerWord + `(?:\s+(?:` + providerWord + `|the|of|&|and))*)`)
	namedPolicyRe = regexp.MustCompile(`(?:^|[.!?\n]\s*)((?:` + providerWord + `\s+){1,4})(?:Privacy\s+(?:Policy|Notice|Statement)|Terms\s+of\s+(?:Service|Use)|Cookie\s+Policy)\b`)
)

// titledName is the provider a policy's or terms' title names, "" when
// none.
func titledName(text string) string {
	if m := policyOfRe.FindStringSubmatch(text); m != nil {
		name := m[1]
		if i := sentenceEnd.FindStringIndex(name); i != nil {
			name = name[:i[0]+1] // the title's sentence only
		}
		words := strings.Fields(strings.TrimRight(name, ". "))
		for len(words) > 0 && !unicode.IsUpper([]rune(words[len(words)-1])[0]) {
			words = words[:len(words)-1] // "... of Acme and" ends at Acme
		}
		return strings.Join(words, " ")
	}
	if m := namedPolicyRe.FindStringSubmatch(text); m != nil {
		name := strings.TrimSpace(m[1])
		if !genericTitleWord[strings.ToLower(strings.Fields(name)[0])] {
			return name
		}
	}
	return ""
}

var sentenceEnd = regexp.MustCompile(`[.!?]\s`)

// genericTitleWord opens a title that names no provider ("Our Privacy
// Policy", "This Cookie Policy").
var genericTitleWord = setOf("our this the these website site app service services general updated new global customer user")

// writersText reports a text whose "we" is its writers: a paper ("in this
// paper", "we propose"), a post or guide ("in this post"), notes of a meeting ("action items",
// "attendees") or a memo ("Internal memo", "To: Marketing team From:
// Privacy Office"). Such texts mention users and products too, and "the
// service spent the morning reviewing the roadmap" was a summary of notes,
// "the service's newsletter relies on consent" one of a memo on GDPR; a
// blog post or a guide too ("In this post we explain how to answer a
// consumer request" read "In this post the service explains").
func writersText(text string) bool {
	return writersRe.MatchString(text)
}

var writersRe = regexp.MustCompile(`(?i)\b(?:in\s+this\s+(?:paper|article|thesis|study|report|(?:blog\s+)?post|guide|explainer|piece|newsletter|issue|episode|tutorial|chapter)|we\s+(?:propose|present|evaluate|introduce|describe|show\s+that|discussed|agreed|decided|reviewed|spent|met)|our\s+(?:approach|experiments?|evaluation|results\s+show|method)|action\s+items?|attendees|minutes\s+of|meeting\s+notes|agenda|memo(?:randum)?\s*(?:to|from|:)|internal\s+memo(?:randum)?)\b` +
	`|\bto\W{0,4}:[^\n]{1,80}?\bfrom\W{0,4}:`)

// staffText reports a text written to employees (a handbook): its "we" is
// the employer.
func staffText(text string) bool {
	return len(staffRe.FindAllStringIndex(text, 3)) >= 3
}

var staffRe = regexp.MustCompile(`(?i)\b(?:employees?|staff|handbook)\b`)

// letterRe marks a letter (a salutation or a closing): its "we" is the
// writer, a bank, an employer, a landlord.
var letterRe = regexp.MustCompile(`(?im)^\s*(?:dear|hi|hello)\b|\b(?:sincerely|yours\s+(?:truly|faithfully|sincerely)|(?:kind|best|warm)\s+regards)\b|^\s*regards,?\s*$|\bregards,\s`)

// formalContract reports a contract between named parties (a preamble,
// recitals, a signing formula): there "we" is a party the text would have
// defined, or someone quoted, and never a service.
func formalContract(text string) bool {
	return preambleRe.MatchString(text[:min(len(text), 3000)]) || contractMarks.MatchString(text)
}

var contractMarks = regexp.MustCompile(`(?i)\b(?:whereas|in\s+witness\s+whereof|hereinafter|the\s+parties\s+(?:hereto|agree))\b`)

// speaker is who "we" is in a text: its defined name, "the service", or ""
// when the text gives no ground to say.
func speaker(sentences []string) string {
	text := strings.Join(sentences, " ")
	if !firstPersonRe.MatchString(text) {
		return ""
	}
	for _, re := range []*regexp.Regexp{weDefinedRe, weHereinafterRe} {
		if loc := re.FindStringSubmatchIndex(text); loc != nil {
			if name := definedName(text[loc[2]:loc[3]], strings.TrimRight(text[:loc[0]], " ,")); name != "" {
				return name
			}
		}
	}
	if m := weAreRe.FindStringSubmatch(text); m != nil {
		if name := trailingName(m[1]); name != "" && name == strings.TrimRight(m[1], " ,") {
			return name // "We are Quanta Ltd, a company registered in Scotland"
		}
	}
	if name := titledName(text); name != "" {
		return name // "Privacy policy of Save the Rivers", "Dropbox Terms of Service"
	}
	if serviceCue.MatchString(text) && !formalContract(text) && !letterRe.MatchString(text) && !staffText(text) && !writersText(text) {
		if name := brandName(text); name != "" {
			return name
		}
		return "the service"
	}
	return ""
}

// offeringRe is a word before what a service offers: "Facebook Products",
// "GitHub's services", "your Jagex account".
var offeringRe = regexp.MustCompile(`\b(\pL[\pL\d]{2,})(?:'s|’s| s)?\s+(?:products?|services?|accounts?|websites?|sites?|apps?|platforms?|games?|software|plugins?|tools|pages?|community|users?|members?|subscriptions?)\b`)

// brandName is the name a service's terms call their service by without
// defining it: a word that stands before what the service offers ("use
// the Facebook Products", "jagex products") and recurs, that no dictionary
// knows (so "third party services" or "mobile apps" name nobody) and, in a
// text that writes capitals, is written with one. "" when none.
func brandName(text string) string {
	capitals := strings.ToLower(text) != text
	best, bestN := "", 1
	seen := map[string]bool{}
	for _, m := range offeringRe.FindAllStringSubmatch(text, -1) {
		w := m[1]
		l := strings.ToLower(w)
		if seen[l] || enFunction[l] || keywords.WordUseOf(l) != keywords.UseUnknown {
			continue
		}
		seen[l] = true
		if capitals && !unicode.IsUpper([]rune(w)[0]) {
			continue
		}
		n := len(regexp.MustCompile(`(?i)\b`+regexp.QuoteMeta(w)+`\b`).FindAllStringIndex(text, -1))
		if n > bestN {
			best, bestN = w, n
		}
	}
	return best
}

// definedName is the name a definition gives "we": its first label that is
// not a pronoun ("the Company" for a role), else the name written before
// the parenthesis.
func definedName(labels, before string) string {
	for _, m := range labelRe.FindAllStringSubmatch(labels, -1) {
		label := strings.TrimSpace(strings.Trim(m[1]+m[2]+m[3], ",. "))
		if label == "" || firstPersonRe.MatchString(label) {
			continue
		}
		if roleLabels[strings.ToLower(label)] {
			return "the " + label
		}
		return label
	}
	return trailingName(before)
}

// trailingName is the run of capitalised words (with "&", "of", "and" and
// company suffixes) that ends a text: the name before a definition, not
// the sentence before it ("Welcome to Acme. This policy applies to Acme
// Holdings Ltd" -> "Acme Holdings Ltd").
func trailingName(before string) string {
	words := strings.Fields(strings.TrimRight(before, " ,"))
	start := len(words)
	for start > 0 {
		w := words[start-1]
		r, _ := utf8.DecodeRuneInString(w)
		suffix := companySuffix.MatchString(w)
		if !(unicode.IsUpper(r) || suffix || w == "&" || w == "of" || w == "and") {
			break
		}
		if strings.ContainsAny(w[len(w)-1:], ".!?:") && !suffix && start < len(words) {
			break // a sentence ended here
		}
		start--
	}
	for start < len(words) && (words[start] == "of" || words[start] == "and" || words[start] == "&") {
		start++
	}
	return strings.TrimRight(strings.Join(words[start:], " "), ",")
}

var companySuffix = regexp.MustCompile(`^(?:Inc|Ltd|LLC|L\.L\.C|Co|Corp|Corporation|plc|PLC|GmbH|AG|SA|S\.A|NV|N\.V|BV|B\.V|LLP|LP|Limited|Pty)\.?,?$`)

// thirdPersonAll rewrites every sentence's first person as who, the
// speaker; "" leaves them as they are. A quotation may run over
// sentences, so whether one is open carries from each to the next.
func thirdPersonAll(sentences []string, who string) []string {
	if who == "" {
		return sentences
	}
	out := make([]string, len(sentences))
	open := false
	for i, s := range sentences {
		out[i], open = thirdPerson(s, who, open)
	}
	return out
}

// singleQuoted is a sentence of speech in single quotes ("'We grew,' she
// said"), which apostrophes make unsafe to track mark by mark.
var singleQuoted = regexp.MustCompile(`^\s*['‘]|[,.!?]['’]\s+(?:\S+\s+){0,4}?(?:said|says|added|adds|explained|noted|stated)\b`)

// thirdPerson rewrites one sentence: "we" as who (its verb agreeing: "we
// collect" -> "the service collects", "we've" -> "the service has"), "us"
// as who, "our" and "ours" as who's, "ourselves" as itself; once who is
// named in a sentence that has no "it" of its own, "it" and "its" (shorter,
// and plain English). Quoted words are left alone; open says a quotation
// is open when the sentence starts, and the result whether one is at its
// end.
func thirdPerson(s, who string, open bool) (string, bool) {
	locs := firstPersonRe.FindAllStringSubmatchIndex(s, -1)
	if locs == nil || singleQuoted.MatchString(s) || pronounList.MatchString(s) {
		double, _ := quoteState(s, open)
		return s, double
	}
	var b strings.Builder
	last := 0
	named := false
	ownIt := itRe.MatchString(s)
	for _, l := range locs {
		word := s[l[2]:l[3]]
		// (with the word's first letter: a quote mark right before it opens)
		if l[0] < last || quoteOpen(s[:l[0]+1], open) || word == "US" || isCountry(word, s[:l[0]]) ||
			word == "Us" && titled(s[:l[0]]) || strings.EqualFold(word, "us") && betweenRe.MatchString(s[:l[0]]) {
			continue
		}
		segment := s[last:l[0]]
		if strings.ContainsAny(segment, ".!?;") {
			named = false // a new sentence names it again
		}
		caps := len(word) > 1 && word == strings.ToUpper(word)
		atStart := unicode.IsUpper(rune(word[0])) && !caps
		name := who
		if named && !atStart && !ownIt {
			name = "it"
		}
		lower := strings.ToLower(word)
		if lower == "we" {
			if aux := auxBefore.FindStringSubmatchIndex(segment); aux != nil {
				// a question or an inversion ("do we collect", "will we"):
				// the auxiliary agrees, the verb after "we" stays
				segment = segment[:aux[2]] + matchCase(auxSingular(segment[aux[2]:aux[3]]), segment[aux[2]:aux[3]]) + segment[aux[3]:]
			}
		}
		b.WriteString(segment)
		last = l[1]
		switch lower {
		case "we":
			b.WriteString(styled(name, atStart, caps))
			if auxBefore.MatchString(segment) {
				break
			}
			rest, n := agree(s[l[1]:], s[:l[0]])
			b.WriteString(rest)
			last += n
		case "us":
			b.WriteString(styled(name, atStart, caps))
		case "ourselves":
			b.WriteString(styled("itself", false, caps))
		case "ours":
			b.WriteString(styled(possessive(who), atStart, caps))
		default: // our
			switch {
			case who == "the service" && ourServiceRe.MatchString(s[l[1]:]):
				b.WriteString(styled("the", atStart, caps))
				continue // "the services" names nobody "it" could stand for
			case name == "it":
				b.WriteString(styled("its", false, caps))
			default:
				b.WriteString(styled(possessive(who), atStart, caps))
			}
		}
		named = named || lower != "ourselves"
	}
	b.WriteString(s[last:])
	double, _ := quoteState(s, open)
	return b.String(), double
}

// pronounList is a sentence that defines the pronouns themselves ("We,
// Our, Us. means Zomo Ltd"): rewritten, it defines nothing.
var pronounList = regexp.MustCompile(`(?i)\bwe\s*[,/]\s*our\s*[,/]?\s*(?:and\s+|or\s+)?us\b`)

// betweenRe ends the text before an "us" that means both parties ("a
// dispute between us").
var betweenRe = regexp.MustCompile(`(?i)\bbetween\s+$`)

// titled reports whether the word before a capitalised "Us" is capitalised
// too: a page's or a form's name ("About Us", "Contact Us form").
func titled(before string) bool {
	f := strings.Fields(before)
	if len(f) == 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(f[len(f)-1])
	return unicode.IsUpper(r)
}

// itRe finds a sentence's own "it", which a rewritten "it" would blur ("we
// lock it and we notify you" -> "the service locks it and it notifies").
var itRe = regexp.MustCompile(`(?i)\bit(?:s)?\b`)

// auxBefore ends the text before a "we" that follows its auxiliary.
var auxBefore = regexp.MustCompile(`(?i)\b(do|does|did|are|were|have|has|had|can|could|will|would|shall|should|may|might|must|(?:don|doesn|didn|aren|weren|haven|hasn|hadn|won|can|couldn|wouldn|shouldn|isn|wasn)['’]t)\s+$`)

// auxSingular is an auxiliary that agrees with a singular subject.
func auxSingular(aux string) string {
	l := strings.ReplaceAll(strings.ToLower(aux), "’", "'")
	switch l {
	case "do":
		return "does"
	case "are":
		return "is"
	case "were":
		return "was"
	case "have":
		return "has"
	case "don't":
		return "doesn't"
	case "aren't":
		return "isn't"
	case "weren't":
		return "wasn't"
	case "haven't":
		return "hasn't"
	}
	return strings.ToLower(aux)
}

// isCountry reports a lower-case "us" that is the country ("from the us to
// another country", as a lower-cased text writes it).
func isCountry(word, before string) bool {
	return word == "us" && strings.HasSuffix(strings.ToLower(strings.TrimRight(before, " ")), " the")
}

// quoteOpen reports whether a quotation is open at the end of s, open
// saying whether one was at its start: a straight double quote toggles,
// curly ones open and close.
func quoteOpen(s string, open bool) bool {
	double, single := quoteState(s, open)
	return double || single
}

// quoteState is whether a double and a single quotation are open at the
// end of s; only a double one carries to the next sentence (a stray
// single quote must not silence the rest of a text).
func quoteState(s string, open bool) (bool, bool) {
	single := false
	rs := []rune(s)
	for i, r := range rs {
		switch r {
		case '"':
			open = !open
		case '“':
			open = true
		case '”':
			open = false
		case '\'', '‘', '’':
			// a single quote opens after a space and before a letter
			// ("reads 'we value ..."), and closes before what is no
			// letter; between letters it is an apostrophe ("don't")
			before := i == 0 || unicode.IsSpace(rs[i-1]) || rs[i-1] == '('
			letterAfter := i+1 < len(rs) && unicode.IsLetter(rs[i+1])
			switch {
			case !single && before && letterAfter && r != '’':
				single = true
			case single && !letterAfter && r != '‘':
				single = false
			}
		}
	}
	return open, single
}

// styled writes a name as its place needs: capitalised to open a
// sentence (a name keeps its own letters: "eBay"), in capitals in a text
// written in them.
func styled(name string, atStart, caps bool) string {
	switch {
	case caps:
		return strings.ToUpper(name)
	case atStart && (name == "it" || name == "its" || name == "itself" || name == "the" || strings.HasPrefix(name, "the ")):
		r, n := utf8.DecodeRuneInString(name)
		return string(unicode.ToUpper(r)) + name[n:]
	}
	return name
}

// possessive is who's, for "our" before what follows: "the service's X",
// "Dropbox's X", "Siemens' X".
func possessive(who string) string {
	if strings.HasSuffix(who, "'s") || strings.HasSuffix(who, "’s") {
		return who // "McDonald's app"
	}
	if strings.HasSuffix(who, "s") {
		return who + "'"
	}
	return who + "'s"
}

var ourServiceRe = regexp.MustCompile(`(?i)^\s+services?\b`)

// contractionRe is what may follow "we" at once: a contraction (also as
// extraction leaves it, the apostrophe a space: "we ll", "we re").
var contractionRe = regexp.MustCompile(`(?i)^(?:['’]| )(ll|ve|re|d)\b`)

// nextWordRe is the word after a position, and whether "n't" (or, as
// extraction leaves it, " t") closes it.
var nextWordRe = regexp.MustCompile(`(?i)^\s+([a-z]+)((?:['’]t|\s+t)\b)?`)

// asideRe is an aside between "we" and its verb: "We, as a small company,
// rely ...".
var asideRe = regexp.MustCompile(`^\s*,[^,]{1,60},`)

// coordinatedRe is a verb joined to the one before it: "collect, use and
// share", "swap or sell".
var coordinatedRe = regexp.MustCompile(`(?i)^(\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)([a-z]+)\b`)

// adverbs may stand between "we" and its verb ("we also collect").
var adverbs = setOf("also only never always still just even often sometimes no longer now already then too first further ourselves")

// pluralSubjectRe ends a text before "we" that makes "we" part of a
// plural subject ("you and we agree").
var pluralSubjectRe = regexp.MustCompile(`(?i)\b(you|they|i|users?|partners|affiliates)\s+(and|or)\s*$`)

// agree rewrites what follows "we" so its verb, and verbs joined to it,
// agree with a singular subject; it returns the text to write and how
// many bytes of after it replaces.
func agree(after, before string) (string, int) {
	if m := contractionRe.FindStringSubmatch(after); m != nil {
		full := map[string]string{"ll": " will", "ve": " has", "re": " is", "d": " would"}[strings.ToLower(m[1])]
		if strings.EqualFold(m[1], "d") && participleNext(after[len(m[0]):]) {
			full = " had" // "we'd deleted it", "we'd been told"
		}
		return matchCase(full, m[1]), len(m[0])
	}
	if pluralSubjectRe.MatchString(before) {
		return "", 0
	}
	var b strings.Builder
	at := 0
	if m := asideRe.FindStringIndex(after); m != nil {
		b.WriteString(after[:m[1]])
		at = m[1]
	}
	for range 4 {
		m := nextWordRe.FindStringSubmatchIndex(after[at:])
		if m == nil {
			return "", 0
		}
		word := strings.ToLower(after[at+m[2] : at+m[3]])
		if adverbs[word] || keywords.WordUseOf(word) == keywords.UseModifier {
			b.WriteString(after[at : at+m[2]])
			if word == "ourselves" {
				b.WriteString(matchCase("itself", after[at+m[2]:at+m[3]]))
			} else {
				b.WriteString(after[at+m[2] : at+m[3]])
			}
			at += m[3]
			continue
		}
		singular := thirdSingular(word, m[4] >= 0)
		if singular == "" {
			return "", 0
		}
		b.WriteString(after[at : at+m[2]])
		b.WriteString(matchCase(singular, after[at+m[2]:at+m[3]]))
		at += m[3]
		if m[4] < 0 {
			at = coordinated(after, at, &b)
		}
		return b.String(), at
	}
	return "", 0
}

// coordinated writes the verbs joined to the one that ends at at, each
// agreeing ("collects, uses and shares"), and returns where they end. A
// list joined by commas counts only when "and" or "or" closes it: "how we
// work, write to us" goes on with an order, not a second verb.
func coordinated(after string, at int, b *strings.Builder) int {
	type joined struct{ sep, verb int } // byte offsets in after: separator start, verb start
	var list []joined
	end, closed := at, -1
	for {
		m := coordinatedRe.FindStringSubmatchIndex(after[end:])
		if m == nil || keywords.WordUseOf(strings.ToLower(after[end+m[4]:end+m[5]])) != keywords.UseVerb {
			break
		}
		list = append(list, joined{end, end + m[4]})
		if andOr.MatchString(after[end+m[2] : end+m[3]]) {
			closed = len(list) - 1
		}
		end += m[5]
	}
	for _, j := range list[:closed+1] {
		stop := j.verb + len(nextWordRe.FindString(" "+after[j.verb:])) - 1
		verb := after[j.verb:stop]
		b.WriteString(after[at:j.verb])
		b.WriteString(matchCase(thirdSingular(strings.ToLower(verb), false), verb))
		at = stop
	}
	return at
}

// andOr is a separator that closes a list of verbs.
var andOr = regexp.MustCompile(`(?i)\b(?:and|or)\b`)

// participleNext reports a past participle next, adverbs aside: what
// follows "we'd" when it is "we had".
func participleNext(s string) bool {
	for range 3 {
		m := nextWordRe.FindStringSubmatch(s)
		if m == nil {
			return false
		}
		w := strings.ToLower(m[1])
		if adverbs[w] || keywords.WordUseOf(w) == keywords.UseModifier {
			s = s[len(m[0]):]
			continue
		}
		return w == "been" || strings.HasSuffix(w, "ed") && !presentEed[w] || keywords.WordUseOf(w) == keywords.UseInflected
	}
	return false
}

// keepAfterWe follow "we" without being its verb; modals and past forms
// need no change.
var keepAfterWe = setOf("may might will would can could shall should must cannot and or nor but if so than that who which both all each at no not the a an in on to for as with by had did was")

// singulars and contracted are the irregular forms, whole and before
// "n't".
var (
	singulars  = map[string]string{"are": "is", "were": "was", "have": "has", "do": "does", "go": "goes", "be": "is"}
	contracted = map[string]string{"aren": "isn", "weren": "wasn", "haven": "hasn", "don": "doesn"}
)

// presentEed end in "-ed" without being past forms.
var presentEed = setOf("need proceed exceed succeed feed heed speed seed embed shed")

// thirdSingular is a base-form verb in the third person singular ("" when
// it needs no change); negated says "'t" follows ("don't" -> "doesn't").
func thirdSingular(v string, negated bool) string {
	switch {
	case negated && contracted[v] != "":
		return contracted[v]
	case singulars[v] != "":
		return singulars[v]
	case negated, keepAfterWe[v], strings.HasSuffix(v, "ed") && !presentEed[v],
		keywords.WordUseOf(v) == keywords.UseInflected:
		return ""
	case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "ch") ||
		strings.HasSuffix(v, "x") || strings.HasSuffix(v, "z") || strings.HasSuffix(v, "o"):
		return v + "es"
	case len(v) > 1 && strings.HasSuffix(v, "y") && !strings.ContainsRune("aeiou", rune(v[len(v)-2])):
		return v[:len(v)-1] + "ies"
	}
	return v + "s"
}

// matchCase gives s the capitals of model: all capitals or a capital first
// letter.
func matchCase(s, model string) string {
	if model == strings.ToUpper(model) && len(model) > 1 {
		return strings.ToUpper(s)
	}
	if r, _ := utf8.DecodeRuneInString(model); unicode.IsUpper(r) {
		r, n := utf8.DecodeRuneInString(s)
		return string(unicode.ToUpper(r)) + s[n:]
	}
	return s
}
