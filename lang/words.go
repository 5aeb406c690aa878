package lang

import (
	"log/slog"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

// Token is a word and its byte offsets in the text it came from:
// text[Start:End] == Text.
type Token struct {
	Text       string
	Start, End int
}

// Words splits text into word tokens. Latin-script words are runs of letters
// and digits; a hyphen or apostrophe between two word characters is kept
// ("state-of-the-art", "party's"), as is a period between digits ("2.3").
// When language is "zh", runs of Han characters are segmented with gse (its
// dictionary is loaded once, lazily, on the first Chinese call); for other
// languages each Han character is a token of its own, so English text never
// pays for the Chinese dictionary. Punctuation and spaces are not tokens.
func Words(text, language string) []Token {
	toks := make([]Token, 0, len(text)/6+1)
	i := 0
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if isASCIIWord(c) {
				i = scanWord(text, i, &toks)
				continue
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.Is(unicode.Han, r):
			end := hanRunEnd(text, i)
			toks = appendHan(toks, text, i, end, language == Chinese)
			i = end
		case isWordRune(r):
			i = scanWord(text, i, &toks)
		default:
			i += size
		}
	}
	return toks
}

func isASCIIWord(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// isWordRune reports whether r can be part of a Latin-style word (Han is
// handled separately).
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIWord(byte(r))
	}
	if unicode.Is(unicode.Han, r) {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// runeAt decodes the rune at byte i (0 size at the end).
func runeAt(text string, i int) (rune, int) {
	if i >= len(text) {
		return 0, 0
	}
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:])
}

// scanWord appends the word starting at byte start and returns its end.
func scanWord(text string, start int, toks *[]Token) int {
	i := start
	var prev rune
	for i < len(text) {
		r, size := runeAt(text, i)
		if isWordRune(r) {
			prev = r
			i += size
			continue
		}
		if isJoiner(r) {
			next, _ := runeAt(text, i+size)
			if isWordRune(next) && (r != '.' || isDigit(prev) && isDigit(next)) {
				prev = r
				i += size
				continue
			}
		}
		break
	}
	*toks = append(*toks, Token{Text: text[start:i], Start: start, End: i})
	return i
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// isJoiner reports whether r may sit inside a word between word characters.
func isJoiner(r rune) bool {
	return r == '-' || r == '\'' || r == '’' || r == '.' || r == '‐'
}

// hanRunEnd returns the end of the run of Han characters starting at i.
func hanRunEnd(text string, i int) int {
	for i < len(text) {
		r, size := runeAt(text, i)
		if r < utf8.RuneSelf || !unicode.Is(unicode.Han, r) {
			break
		}
		i += size
	}
	return i
}

// appendHan appends the tokens of the Han run text[start:end]: gse words
// when segment is set, single characters otherwise.
func appendHan(toks []Token, text string, start, end int, segment bool) []Token {
	run := text[start:end]
	if segment {
		if seg := segmenter(); seg != nil {
			return alignPieces(toks, run, start, seg.Cut(run, true))
		}
	}
	for i, r := range run {
		toks = append(toks, Token{Text: string(r), Start: start + i, End: start + i + utf8.RuneLen(r)})
	}
	return toks
}

// alignPieces turns gse's pieces into tokens with offsets. gse returns the
// run's characters in order, so offsets are cumulative; a piece that does
// not match (a gse change) falls back to one token per character.
func alignPieces(toks []Token, run string, base int, pieces []string) []Token {
	off := 0
	for _, p := range pieces {
		if p == "" {
			continue
		}
		if off+len(p) > len(run) || run[off:off+len(p)] != p {
			for i, r := range run[off:] {
				s := base + off + i
				toks = append(toks, Token{Text: string(r), Start: s, End: s + utf8.RuneLen(r)})
			}
			return toks
		}
		toks = append(toks, Token{Text: run[off : off+len(p)], Start: base + off, End: base + off + len(p)})
		off += len(p)
	}
	for i, r := range run[off:] {
		s := base + off + i
		toks = append(toks, Token{Text: string(r), Start: s, End: s + utf8.RuneLen(r)})
	}
	return toks
}

var (
	segOnce sync.Once
	segZh   *gse.Segmenter
	segLog  atomic.Pointer[slog.Logger]
)

// LogSegmenterLoad has the load of the Chinese word segmenter logged to
// log. The first Chinese document of a process waited seconds for it
// with nothing in the log to say why, and a load that failed left Chinese
// text split into single characters without a word.
func LogSegmenterLoad(log *slog.Logger) { segLog.Store(log) }

// segmenter returns the shared gse segmenter, loading its embedded Chinese
// dictionary on first use (about 1.8 s and 370 MB, so only when Chinese
// text appears). A load failure leaves it nil and Han text falls back to
// single characters.
func segmenter() *gse.Segmenter {
	segOnce.Do(func() { segZh = loadSegmenter(segLog.Load()) })
	return segZh
}

// loadSegmenter loads gse's embedded Chinese dictionary, saying so to log
// (nil: silently). gse.New would read the dictionary from the module
// source path and fail in -trimpath builds; NewEmbed does not.
func loadSegmenter(log *slog.Logger) *gse.Segmenter {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	log.Info("loading the Chinese word segmenter's dictionary, once per process (seconds, about 370 MB): Chinese text waits for it")
	start := time.Now()
	s, err := gse.NewEmbed("zh")
	if err != nil {
		log.Warn("the Chinese word segmenter did not load: Chinese text is split into single characters", "err", err)
		return nil
	}
	log.Info("Chinese word segmenter loaded", "took", time.Since(start).Round(time.Millisecond))
	return &s
}

// Segmenter exposes the shared, lazily loaded gse segmenter for callers
// that need gse directly (e.g. its IDF table); nil if it failed to load.
func Segmenter() *gse.Segmenter { return segmenter() }
