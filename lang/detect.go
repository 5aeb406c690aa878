// Package lang holds the text basics every analysis step shares: language
// detection, sentence splitting and word tokenisation for English (and other
// Latin-script languages) and Chinese.
package lang

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Language codes returned by Detect.
const (
	English      = "en"
	Chinese      = "zh"
	Japanese     = "ja"
	Korean       = "ko"
	German       = "de"
	French       = "fr"
	Spanish      = "es"
	Italian      = "it"
	Dutch        = "nl"
	Portuguese   = "pt"
	Polish       = "pl"
	Greek        = "el"
	Russian      = "ru"
	Ukrainian    = "uk"
	Undetermined = "und"
)

// detectSample bounds the bytes Detect looks at: the language of a document
// is settled long before 64 KiB, and long inputs must stay cheap.
const detectSample = 64 << 10

// stopwords are small function-word profiles. Single letters are left out:
// they are as often initials or code ("o.e.billing") as words. A word in
// several profiles counts fractionally (see latinProfile).
var stopwords = map[string][]string{
	English:    {"the", "and", "of", "to", "is", "in", "that", "for", "with", "this", "shall", "by", "be", "are", "or", "any", "which", "it", "as", "on", "not", "such", "from", "will", "have", "you", "your", "we", "our", "can", "if", "at", "but", "they", "there", "what", "has", "would", "about", "me", "my", "please", "thanks", "regards", "hi"},
	German:     {"der", "die", "und", "das", "ist", "nicht", "mit", "den", "von", "zu", "sich", "des", "auf", "für", "eine", "ein", "dem", "im", "oder", "wird", "werden", "auch", "bei", "nach", "ich", "du", "wir", "mir", "uns", "bitte", "danke", "kann", "kannst", "hallo", "ihnen", "gruß", "grüße"},
	French:     {"le", "la", "les", "et", "des", "est", "une", "du", "dans", "pour", "qui", "que", "sur", "pas", "au", "aux", "sont", "par", "avec", "ce", "cette", "il", "elle", "être", "de", "ou", "ne", "en", "qu", "vous", "nous", "je", "tu", "merci", "bonjour", "votre", "notre", "mon", "moi"},
	Spanish:    {"el", "la", "los", "las", "del", "que", "en", "por", "con", "una", "para", "es", "se", "al", "lo", "como", "más", "su", "sus", "pero", "este", "esta", "usted", "gracias", "hola", "yo", "nosotros", "muy", "tengo"},
	Italian:    {"il", "di", "che", "la", "per", "un", "una", "del", "della", "non", "sono", "gli", "le", "nel", "alla", "con", "questo", "anche", "dei", "grazie", "ciao", "io", "noi", "voi", "mi", "ti"},
	Dutch:      {"de", "het", "een", "en", "van", "is", "dat", "niet", "op", "voor", "met", "zijn", "aan", "ook", "worden", "wordt", "bij", "naar", "dit", "er", "ik", "jij", "wij", "bedankt", "hallo", "jullie", "graag"},
	Portuguese: {"os", "as", "do", "da", "dos", "das", "que", "em", "um", "uma", "para", "com", "não", "por", "se", "na", "no", "ao", "mais", "obrigado", "obrigada", "olá", "você", "nós", "eu"},
	Polish:     {"się", "nie", "jest", "oraz", "że", "przez", "dla", "lub", "ale", "są", "być", "może", "który", "która", "które", "tym", "tego", "przy", "jego", "dziękuję", "proszę", "pani", "umowy", "umowa", "od", "jak"},
}

// stopIndex maps a stopword to a bit set of the languages it belongs to.
var (
	stopIndex map[string]uint16
	stopLangs []string
)

func init() {
	stopLangs = []string{English, German, French, Spanish, Italian, Dutch, Portuguese, Polish}
	stopIndex = make(map[string]uint16)
	for i, l := range stopLangs {
		for _, w := range stopwords[l] {
			stopIndex[w] |= 1 << i
		}
	}
}

// Detect returns the ISO 639-1 code of text's main language: "zh" when Han
// characters dominate (by a script ratio that weighs a CJK character like a
// short Latin word), "ja"/"ko" for kana/Hangul, and for Latin script the
// best of a small stopword profile (en, de, fr, es, it, nl, pt, pl); Greek
// script is "el", Cyrillic "uk" when it has the letters only Ukrainian
// writes (і, ї, є, ґ) and otherwise "ru" (Bulgarian and Serbian read as
// Russian: no profile tells them yet). Text too short or without a clear
// signal is "und".
func Detect(text string) string {
	if len(text) > detectSample {
		cut := detectSample
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	var han, kana, hangul, latin, greek, cyrillic, ukrainian int
	for _, r := range text {
		switch {
		case r < 0x80:
			if isASCIILetter(byte(r)) {
				latin++
			}
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.In(r, unicode.Hiragana, unicode.Katakana):
			kana++
		case unicode.Is(unicode.Hangul, r):
			hangul++
		case unicode.IsLetter(r) && unicode.Is(unicode.Latin, r):
			latin++
		case unicode.Is(unicode.Greek, r):
			greek++
		case unicode.Is(unicode.Cyrillic, r):
			cyrillic++
			if strings.ContainsRune("іїєґІЇЄҐ", r) {
				ukrainian++
			}
		}
	}
	cjk := han + kana + hangul
	// A CJK character carries about as much as a 4-letter Latin word.
	if cjk >= 2 && float64(cjk) >= 0.3*(float64(cjk)+float64(latin)/4) {
		switch {
		case hangul > han && hangul > kana:
			return Korean
		case kana*5 > cjk:
			return Japanese
		default:
			return Chinese
		}
	}
	if l := otherScript(latin, greek, cyrillic, ukrainian); l != "" {
		return l
	}
	if latin < 8 {
		return Undetermined
	}
	return latinProfile(text)
}

// otherScript is the language of text written mostly in Greek or Cyrillic
// letters, or "" when neither script has most of its letters: a Greek or
// Russian note was "und" however long, as the stopword profiles hold
// Latin-script words only.
func otherScript(latin, greek, cyrillic, ukrainian int) string {
	switch {
	case greek >= 8 && greek > latin+cyrillic:
		return Greek
	case cyrillic >= 8 && cyrillic > latin+greek && ukrainian > 0:
		return Ukrainian
	case cyrillic >= 8 && cyrillic > latin+greek:
		return Russian
	}
	return ""
}

// latinProfile scores the lower-cased words of text against the stopword
// profiles and returns the best language, or "und" when no profile is hit
// clearly.
func latinProfile(text string) string {
	var scores [8]float64
	words, hits := 0, 0
	var buf [24]byte
	forEachLowerWord(withoutIdentifiers(text), buf[:0], func(w []byte) {
		words++
		mask, ok := stopIndex[string(w)]
		if !ok {
			return
		}
		hits++
		// A word shared by k profiles counts 1/k for each: shared words
		// ("de", "en", "la") say little about which language it is.
		share := 1 / float64(bits.OnesCount16(mask))
		for i := range stopLangs {
			if mask&(1<<i) != 0 {
				scores[i] += share
			}
		}
	})
	best, second := -1, 0.0
	for i := range stopLangs {
		if best < 0 || scores[i] > scores[best] {
			if best >= 0 {
				second = scores[best]
			}
			best = i
		} else if scores[i] > second {
			second = scores[i]
		}
	}
	// A short note (an e-mail, a ticket) has few function words: two hits
	// that only one language has are as clear as many shared ones.
	clear := scores[best] >= 1.5 || (hits >= 2 && second == 0 && scores[best] >= 1)
	if best < 0 || !clear || hits*20 < words || scores[best] == second {
		// Short or stopword-free text (identifiers, log lines): English is
		// the honest default only when there is some signal for it.
		return Undetermined
	}
	return stopLangs[best]
}

// withoutIdentifiers drops the words of text that are code, not prose:
// dotted names ("com.acme.App", "java.io"), paths, snake_case and
// key=value pairs. A Java stack trace read as Portuguese, "com" being
// Portuguese for "with".
func withoutIdentifiers(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	for _, f := range strings.Fields(text) {
		if identifier(f) {
			continue
		}
		b.WriteString(f)
		b.WriteByte(' ')
	}
	return b.String()
}

func identifier(f string) bool {
	if strings.ContainsAny(f, "/\\_=") {
		return true
	}
	for i := 1; i+1 < len(f); i++ {
		if (f[i] == '.' || f[i] == ':') && isASCIILetter(f[i-1]) && isASCIILetter(f[i+1]) {
			return true
		}
	}
	return false
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// forEachLowerWord calls fn with each lower-cased letter run of text; the
// slice is reused between calls.
func forEachLowerWord(text string, buf []byte, fn func([]byte)) {
	w := buf[:0]
	flush := func() {
		if len(w) > 0 {
			fn(w)
			w = w[:0]
		}
	}
	for _, r := range text {
		if unicode.IsLetter(r) {
			w = utf8.AppendRune(w, unicode.ToLower(r))
			continue
		}
		flush()
	}
	flush()
}

// names are the English names of the codes Detect returns, for people.
var names = map[string]string{English: "English", Chinese: "Chinese", Japanese: "Japanese", Korean: "Korean",
	German: "German", French: "French", Spanish: "Spanish", Italian: "Italian", Dutch: "Dutch",
	Portuguese: "Portuguese", Polish: "Polish", Greek: "Greek", Russian: "Russian", Ukrainian: "Ukrainian",
	Undetermined: "undetermined"}

// Name is the English name of a language code Detect returns ("zh":
// "Chinese"), or the code itself for one it does not know.
func Name(code string) string {
	if n, ok := names[code]; ok {
		return n
	}
	return code
}
