package summarize

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A provider writes its terms and policies in the first person ("we may
// share your data with our partners"). Read apart from the document, in a
// search hit or on a result subject, that "we" names nobody, so a summary
// says who: the name the text gives itself (`Dropbox, Inc. ("Dropbox",
// "we", "us")`), else "the service" when the text reads as a service's
// terms or policy. Elsewhere (a letter, a contract with no such definition)
// "we" stays: a wrong referent is worse than a vague one. On the legal
// plain-English train split, 68 of the 125 references whose text says "we"
// say "service" and 10 say "we".

// firstPersonRe finds the first-person plural words; a bare "US" (the
// country) is left to the caller to skip.
var firstPersonRe = regexp.MustCompile(`(?i)\b(we|us|our|ours|ourselves)\b`)

// weDefinedRe is a name with the first person among the labels that
// follow it: `Acme Inc. ("Acme", "we", "us" or "our")`.
var weDefinedRe = regexp.MustCompile(`([A-Z][\w&.,'’ -]{0,60}?)\s*\(([^()]{0,120}?["“'‘]\s*(?:we|us)\s*[,"”'’][^()]{0,80})\)`)

// quotedRe is one quoted label inside a definition's parentheses.
var quotedRe = regexp.MustCompile(`["“'‘]([^"”'’]{1,40})["”'’]`)

// serviceWords say a text is a service's terms or policy, whose provider
// the references (TOS;DR's and docmill's readers alike) call "the service".
var serviceWords = regexp.MustCompile(`(?i)\b(services?|site|websites?|app|applications?|platform|terms|polic(y|ies)|privacy|accounts?|content|products?)\b`)

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
	if m := weDefinedRe.FindStringSubmatch(text); m != nil {
		for _, q := range quotedRe.FindAllStringSubmatch(m[2], -1) {
			label := strings.TrimSpace(strings.Trim(q[1], ",. "))
			if !firstPersonRe.MatchString(label) && label != "" {
				return label
			}
		}
		if name := strings.TrimSpace(strings.TrimRight(m[1], ", ")); name != "" {
			return name
		}
	}
	if serviceWords.MatchString(text) && !formalContract(text) {
		return "the service"
	}
	return ""
}

// thirdPersonAll rewrites every sentence's first person as who, the
// speaker; "" leaves them as they are.
func thirdPersonAll(sentences []string, who string) []string {
	if who == "" {
		return sentences
	}
	out := make([]string, len(sentences))
	for i, s := range sentences {
		out[i] = thirdPerson(s, who)
	}
	return out
}

// thirdPerson rewrites one sentence: "we" as who (its verb agreeing: "we
// collect" -> "the service collects", "we've" -> "the service has"), "us"
// as who, "our" and "ours" as who's, "ourselves" as itself; once who is
// named in a sentence, "it" and "its" (shorter, and plain English).
func thirdPerson(s, who string) string {
	locs := firstPersonRe.FindAllStringSubmatchIndex(s, -1)
	if locs == nil {
		return s
	}
	var b strings.Builder
	last := 0
	named := false // who is named already: then "it" and "its"
	for _, l := range locs {
		word := s[l[2]:l[3]]
		if word == "US" || l[0] < last || quoted(s[:l[0]]) {
			continue
		}
		if strings.ContainsAny(s[last:l[0]], ".!?;") {
			named = false // a new sentence names it again
		}
		b.WriteString(s[last:l[0]])
		last = l[1]
		// capitals as the word had them: a lower-cased text stays so
		atStart := word[0] >= 'A' && word[0] <= 'Z'
		name := who
		if named && !atStart {
			name = "it"
		}
		switch strings.ToLower(word) {
		case "we":
			b.WriteString(capitalIf(name, atStart))
			rest, n := agree(s[l[1]:], s[:l[0]])
			b.WriteString(rest)
			last += n
		case "us":
			b.WriteString(capitalIf(name, atStart))
		case "ourselves":
			b.WriteString("itself")
		default: // our, ours
			if name == "it" && strings.EqualFold(word, "our") && !ourServiceRe.MatchString(s[l[1]:]) {
				b.WriteString("its")
			} else {
				b.WriteString(possessive(who, s[l[1]:], atStart))
			}
		}
		// "the services" for "our services" names nobody "it" could stand for
		named = named || strings.ToLower(word) != "ourselves" && !(who == "the service" && ourServiceRe.MatchString(s[l[1]:]))
	}
	b.WriteString(s[last:])
	return b.String()
}

// quoted reports whether the text before a word leaves a quotation open:
// a "we" someone is quoted saying is theirs ("\"We are excited,\" said
// the CEO").
func quoted(before string) bool {
	return strings.Count(before, `"`)%2 == 1 || strings.Count(before, "“") > strings.Count(before, "”")
}

// possessive is "our" before what follows: "our services" -> "the
// services" when the speaker is the service itself, else "the service's
// X", "Dropbox's X".
func possessive(who, after string, atStart bool) string {
	if who == "the service" && ourServiceRe.MatchString(after) {
		return capitalIf("the", atStart)
	}
	if strings.HasSuffix(who, "s") {
		return capitalIf(who+"'", atStart)
	}
	return capitalIf(who+"'s", atStart)
}

var ourServiceRe = regexp.MustCompile(`(?i)^\s+services?\b`)

// capitalIf capitalises s's first letter when it opens a sentence.
func capitalIf(s string, atStart bool) string {
	if !atStart {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// contractionRe is what may follow "we" at once: a contraction (also as
// extraction leaves it, the apostrophe a space: "we ll", "we re").
var contractionRe = regexp.MustCompile(`(?i)^(?:['’]| )(ll|ve|re|d)\b`)

// nextWordRe is the word after a position, and whether "n't" (or, as
// extraction leaves it, " t") closes it.
var nextWordRe = regexp.MustCompile(`^\s+([A-Za-z]+)((?:['’]t|\s+t)\b)?`)

// adverbs may stand between "we" and its verb ("we also collect").
var adverbs = map[string]bool{"also": true, "only": true, "never": true, "always": true,
	"still": true, "just": true, "even": true, "often": true, "sometimes": true, "no": true, "longer": true}

// lyVerbs end in "-ly" but are verbs, not adverbs.
var lyVerbs = map[string]bool{"apply": true, "rely": true, "supply": true, "reply": true,
	"comply": true, "multiply": true, "imply": true, "ally": true, "fly": true}

// pluralSubjectRe ends a text before "we" that makes "we" part of a
// plural subject ("you and we agree").
var pluralSubjectRe = regexp.MustCompile(`(?i)\b(you|they|i|users?|partners)\s+(and|or)\s*$`)

// agree rewrites what follows "we" so its verb agrees with a singular
// subject; it returns the text to write and how many bytes of after it
// replaces.
func agree(after, before string) (string, int) {
	if m := contractionRe.FindStringSubmatch(after); m != nil {
		full := map[string]string{"ll": " will", "ve": " has", "re": " is", "d": " would"}[strings.ToLower(m[1])]
		return full, len(m[0])
	}
	if pluralSubjectRe.MatchString(before) {
		return "", 0
	}
	at := 0
	for range 4 {
		m := nextWordRe.FindStringSubmatchIndex(after[at:])
		if m == nil {
			return "", 0
		}
		word := strings.ToLower(after[at+m[2] : at+m[3]])
		if adverbs[word] || (len(word) > 4 && strings.HasSuffix(word, "ly") && !lyVerbs[word]) {
			at += m[1]
			continue
		}
		singular := thirdSingular(word, m[4] >= 0)
		if singular == "" {
			return "", 0
		}
		verb := after[at+m[2] : at+m[3]]
		return after[:at+m[2]] + matchCase(singular, verb), at + m[3]
	}
	return "", 0
}

// keepAfterWe follow "we" without being its verb; modals and past forms need
// no change.
var keepAfterWe = map[string]bool{
	"may": true, "might": true, "will": true, "would": true, "can": true, "could": true,
	"shall": true, "should": true, "must": true, "cannot": true, "and": true, "or": true,
	"both": true, "all": true, "each": true, "at": true, "no": true, "not": true,
	"ourselves": true, "had": true, "did": true, "made": true, "sent": true, "took": true,
	"gave": true, "got": true, "kept": true, "told": true, "found": true, "built": true,
	"began": true, "became": true, "knew": true, "saw": true, "said": true, "thought": true,
	"brought": true, "bought": true, "paid": true, "left": true, "held": true, "met": true,
	"ran": true, "wrote": true, "chose": true, "the": true, "a": true, "an": true,
	"in": true, "on": true, "to": true, "for": true, "as": true, "with": true, "by": true,
}

// singulars and contracted are the irregular forms, whole and before
// "n't".
var (
	singulars  = map[string]string{"are": "is", "were": "was", "have": "has", "do": "does", "go": "goes"}
	contracted = map[string]string{"aren": "isn", "weren": "wasn", "haven": "hasn", "don": "doesn"}
)

// presentEed end in "-ed" without being past forms.
var presentEed = map[string]bool{"need": true, "proceed": true, "exceed": true, "succeed": true,
	"feed": true, "heed": true, "speed": true, "seed": true, "embed": true, "shed": true}

// thirdSingular is a base-form verb in the third person singular ("" when
// it needs no change); negated says "'t" follows ("don't" -> "doesn't").
func thirdSingular(verb string, negated bool) string {
	v := strings.ToLower(verb)
	switch {
	case negated && contracted[v] != "":
		return contracted[v]
	case singulars[v] != "":
		return singulars[v]
	case negated, keepAfterWe[v], strings.HasSuffix(v, "ed") && !presentEed[v]:
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
		return capitalIf(s, true)
	}
	return s
}
