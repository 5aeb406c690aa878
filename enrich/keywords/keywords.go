// Package keywords extracts key phrases without a neural model: a
// YAKE-class statistical extractor for English with noun-phrase-like
// candidates, part-of-speech and background-frequency priors from an
// embedded WordNet-derived lexicon, and for Chinese gse words and their
// merges scored by TF-IDF against gse's background IDF table and a domain
// document-frequency table (CSL train split), position and length.
// Candidates exposes the candidate phrases with their features so the
// neural tier can rescore them.
package keywords

import (
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/lang"
)

// Options control Extract.
type Options struct {
	Top      int // number of key phrases; 10 when zero
	MaxNgram int // longest phrase in words (English); 3 when zero
	// Text is the text the candidates come from; when set, two chosen
	// phrases that overlap in it at most occurrences are one (see Top).
	Text     string
	Language string // "en", "zh"; detected when empty
	// Distinct lists a Chinese phrase once, not beside its own parts or
	// windows: a chosen phrase's part or a phrase around a chosen one
	// (数据处理 and 开展数据处理活动) that seldom occurs apart from it, and
	// a phrase overlapping a chosen one at most occurrences of both. A
	// contract's or a regulation's key phrases are facets, where pieces
	// of one term crowd out what the text is about; a scientific
	// abstract's keywords hold both (CSL's gold), so it is off by default.
	// A Chinese notice (关于…的通知) has it always (see zhNotice).
	Distinct bool
}

// Candidate is a candidate key phrase with the statistics the extractor
// scored it by.
type Candidate struct {
	Text     string   // surface form of the first occurrence
	Key      string   // normalised form: stems (English) or the words (Chinese)
	Spans    [][2]int // byte offsets of every occurrence
	Words    int      // length in words
	Freq     int      // occurrences
	FirstPos float64  // first occurrence, as a fraction of the document (0 = start)
	Spread   float64  // fraction of sentences holding it
	IDF      float64  // mean background inverse document frequency of its words
	Yake     float64  // -ln of YAKE's score (higher is better); 0 for Chinese
	Lexical  bool     // a known multi-word term (WordNet compound)
	Score    float64  // the extractor's final score (higher is better)
}

// Extract returns the best key phrases of text, best first.
func Extract(text string, opts Options) []document.Keyword {
	opts = opts.withDefaults(text)
	if isZH(opts.Language) {
		cands := Candidates(text, opts.Language)
		opts.Text = text
		return Top(cands, opts)
	}
	// English: what Top(Candidates(text)) returns, without making every
	// candidate a Candidate (128 bytes each, and 1 MiB of unrepeated words
	// has some 400K candidates): they are scored, ranked by index, and
	// made only as the ranking reaches them.
	set := newEnglishSet(text, DefaultParams)
	if set == nil {
		return nil
	}
	opts.Text = text
	raw, maxN := set.raw, opts.MaxNgram
	scores := make([]float64, len(raw))
	keep := make([]int32, 0, len(raw))
	for i, c := range raw {
		// Candidates drops overlong phrases, Top phrases over MaxNgram words
		if overlong(c.text) || int(c.words-int32(c.joins)) > maxN {
			continue
		}
		scores[i] = set.candidate(c).Score
		keep = append(keep, int32(i))
	}
	return topRanked(keep, scores, func(i int32) Candidate { return set.candidate(raw[i]) }, opts)
}

// Top picks the best opts.Top candidates by Score, dropping near
// duplicates, and returns them as keywords.
func Top(cands []Candidate, opts Options) []document.Keyword {
	maxN := opts.MaxNgram
	if maxN <= 0 {
		maxN = 3
	}
	// rank indices, not copies of the candidates
	scores := make([]float64, len(cands))
	keep := make([]int32, 0, len(cands))
	for i := range cands {
		if cands[i].Words <= maxN || isZH(opts.Language) {
			scores[i] = cands[i].Score
			keep = append(keep, int32(i))
		}
	}
	return topRanked(keep, scores, func(i int32) Candidate { return cands[i] }, opts)
}

// topRanked is Top over the candidates keep lists, in their order, made
// by cand and scored by scores (indexed as cand is).
func topRanked(keep []int32, scores []float64, cand func(int32) Candidate, opts Options) []document.Keyword {
	if opts.Top <= 0 {
		opts.Top = 10
	}
	sort.SliceStable(keep, func(i, j int) bool { return scores[keep[i]] > scores[keep[j]] })
	var out []document.Keyword
	var chosen []Candidate
	var names []zhName
	var titles []zhTitle
	var roles map[string]bool
	if !isZH(opts.Language) {
		opts.Distinct = opts.Distinct || enPolicy(opts.Text)
	}
	if opts.Distinct && !isZH(opts.Language) {
		roles = partyRoles(opts.Text)
	}
	if isZH(opts.Language) {
		names = companyNames(opts.Text)
		opts.Distinct = opts.Distinct || zhNotice(opts.Text)
		if opts.Distinct {
			titles = zhTitles(opts.Text)
		}
	}
	for _, k := range keep {
		if len(out) == opts.Top {
			break
		}
		c := cand(k)
		if roles[strings.ToLower(c.Text)] || opts.Distinct && !isZH(opts.Language) && weakENWord(c, opts.Text) {
			continue
		}
		if i := widens(c, chosen); i >= 0 && !isZH(opts.Language) && !redundant(c, slices.Delete(slices.Clone(chosen), i, i+1)) {
			// c holds a chosen phrase that seldom occurs apart from it
			// ("Repair Data" below "Data"): the model tier ranks such a
			// piece above its phrase, and the phrase, counted as one
			// more sharing the piece's word, was dropped; c takes the
			// piece's place, as the piece would have been dropped had c
			// come first
			chosen[i] = c
			out[i].Text = c.Text
			continue
		}
		if redundant(c, chosen) || pieceOfNamed(c.Text, chosen, names) || !isZH(opts.Language) && straddles(c, chosen) {
			continue
		}
		if n, ok := cutName(c, names); ok {
			// a cut of a company's name (深圳市华南智能 of
			// 深圳市华南智能制造股份有限公司): the company's key phrase is
			// its name's core, 华南智能制造
			c.Text, c.Key = n.core, n.core
			if redundant(c, chosen) {
				continue
			}
		}
		if opts.Distinct && isZH(opts.Language) {
			if t, ok := cutTitle(c, titles); ok {
				// a cut of a title in book-title marks (员工保密管理 of
				// 《员工保密管理办法》, four words, one more than a
				// phrase may hold): the title is the term
				if t == "" {
					continue
				}
				c.Text, c.Key = t, t
				if redundant(c, chosen) {
					continue
				}
			}
			if i, wider := nested(c, chosen); wider {
				// the chosen phrase is a piece of c's term (安全法 of
				// 数据安全法): the term takes its place
				chosen[i] = c
				out[i].Text = c.Text
				continue
			} else if i >= 0 {
				continue
			}
			if weakZHWord(c, opts.Text) || zhDutyTail(c.Text) {
				continue
			}
			if short, ok := boundNamePiece(c, names, opts.Text); ok {
				// a company's short name (云帆 of 上海云帆信息技术有限公司
				// and of its product 云帆路径优化系统): the company's key
				// phrase is its name's core from the short name on
				c.Text, c.Key = short, short
				if redundant(c, chosen) || pieceOfNamed(c.Text, chosen, names) {
					continue
				}
			}
			if boundPiece(c, chosen, opts.Text) {
				continue
			}
			if i := holdsBound(c, chosen, opts.Text); i >= 0 {
				// a chosen word that never stands alone (竞业 of
				// 竞业限制, 竞业协议) is a piece of c's term: c takes its
				// place
				chosen[i] = c
				out[i].Text = c.Text
				continue
			}
		}
		if opts.Distinct {
			if heldWord(c, chosen, isZH(opts.Language)) {
				continue
			}
			if i, ok := nearDuplicate(c, chosen, isZH(opts.Language)); ok {
				if i >= 0 {
					// c is the defined term ("Support Fees") of the
					// chosen lower-case phrase that holds it or that it
					// is in ("annual support fees"): the term names both
					chosen[i] = c
					out[i].Text = c.Text
				}
				continue
			}
			if i := holdsWord(c, chosen, isZH(opts.Language)); i >= 0 {
				// the chosen single word (Licence) is a word of c's
				// phrase (annual licence fee): c takes its place
				chosen[i] = c
				out[i].Text = c.Text
				continue
			}
		}
		if i, merged := mergeable(c, chosen, opts.Text); i >= 0 && !isZH(opts.Language) {
			if strings.EqualFold(merged.Text, chosen[i].Text) {
				// c lies inside the chosen phrase ("health" of "protected
				// health information"): merged, the phrase kept only its
				// first occurrence, and windows through the rest
				// ("disclosing protected health") no longer straddled it.
				// In another case ("Repair" of "Repair Data" met first in
				// "share repair data") it is inside still: merged, the
				// defined term became its lower-case window, and that
				// window's phrase took its place
				continue
			}
			// a window of a longer name ("Digital Markets Advisory" and
			// "Markets Advisory Committee"): one phrase, the name
			chosen[i].Text, chosen[i].Spans = merged.Text, merged.Spans
			chosen[i].Key += " " + c.Key
			out[i].Text = merged.Text
			continue
		}
		if !isZH(opts.Language) && headOfChosen(c, chosen) {
			continue
		}
		chosen = append(chosen, c)
		out = append(out, document.Keyword{Text: c.Text, Score: c.Score})
		if i := headWordOf(c, chosen); i >= 0 && !isZH(opts.Language) {
			chosen, out = slices.Delete(chosen, i, i+1), slices.Delete(out, i, i+1)
		}
	}
	return out
}

// minHeaded is how many chosen phrases must end in a single word before
// the word alone says nothing they do not.
const minHeaded = 2

// headOfChosen reports whether the English single word c is the head, the
// last word, of minHeaded chosen phrases: "data" beside "personal data"
// and "health data" in an impact assessment, "renewal" beside "contract
// renewal" and "three-year renewal". The word alone is the generic noun
// the phrases narrow, and a facet listing it above them was the document's
// least telling key phrase.
func headOfChosen(c Candidate, chosen []Candidate) bool {
	if strings.Contains(c.Key, " ") || c.Key == "" {
		return false
	}
	n := 0
	for _, o := range chosen {
		if strings.HasSuffix(o.Key, " "+c.Key) {
			n++
		}
	}
	return n >= minHeaded
}

// headWordOf finds the chosen single word that the phrase c, chosen last,
// made the head of minHeaded chosen phrases (headOfChosen); -1 when none.
// The word ranked above its phrases, so it was chosen before they were.
func headWordOf(c Candidate, chosen []Candidate) int {
	k := strings.LastIndexByte(c.Key, ' ')
	if k < 0 {
		return -1
	}
	head := c.Key[k+1:]
	for i, o := range chosen {
		if o.Key == head {
			if headOfChosen(o, chosen) {
				return i
			}
			return -1
		}
	}
	return -1
}

// weakENWord reports whether the English phrase c is a single word too
// weak to be a contract's or a rule's facet: one that mostly runs on
// into a neighbouring word (enBound: business of business hours and
// business day, Software of Licensed Software), or one that only one
// clause uses (clauseWord: Deliveries, written four times in the
// deliveries clause alone). A reader files a contract under its terms and
// its parties' names, not under such a word.
func weakENWord(c Candidate, text string) bool {
	if strings.ContainsAny(c.Text, " ") || len(c.Spans) == 0 || c.Text == strings.ToUpper(c.Text) {
		return false // a phrase, or an acronym (VPN, GDPR)
	}
	return enBound(c, text) || clauseWord(c, text)
}

// enBound reports whether at least half of c's occurrences stand beside
// another content word, a space between, inside one noun phrase.
func enBound(c Candidate, text string) bool {
	bound := 0
	for _, sp := range c.Spans {
		if sp[1] > len(text) {
			return false
		}
		if contentWordAt(text[sp[1]:], false) || contentWordAt(text[:sp[0]], true) {
			bound++
		}
	}
	return 2*bound >= len(c.Spans)
}

// contentWordAt reports whether s opens (or, before, ends) with a single
// space and then a content word: not a stop word, a number or punctuation.
func contentWordAt(s string, before bool) bool {
	if before {
		if !strings.HasSuffix(s, " ") || strings.HasSuffix(s, "  ") {
			return false
		}
		s = s[:len(s)-1]
		i := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
		return wordIsContent(s[i+1:])
	}
	if !strings.HasPrefix(s, " ") || strings.HasPrefix(s, "  ") {
		return false
	}
	s = s[1:]
	i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
	if i < 0 {
		i = len(s)
	}
	return wordIsContent(s[:i])
}

// wordIsContent reports whether w is a word of two letters or more and
// no stop word.
func wordIsContent(w string) bool {
	return len(w) >= 2 && !enStop[strings.ToLower(w)]
}

// clauseWord reports whether every occurrence of c lies on one line of
// a text of many lines, past its first (the title): the word is that
// clause's, not the text's.
func clauseWord(c Candidate, text string) bool {
	if !hasLines(text, minClauseLines) {
		return false
	}
	line := func(at int) (int, int) {
		start := strings.LastIndexByte(text[:at], '\n') + 1
		end := strings.IndexByte(text[at:], '\n')
		if end < 0 {
			end = len(text) - at
		}
		return start, at + end
	}
	s0, e0 := line(c.Spans[0][0])
	if s0 == 0 || 3*(e0-s0) > len(text) {
		return false
	}
	for _, sp := range c.Spans[1:] {
		if s, _ := line(sp[0]); s != s0 {
			return false
		}
	}
	return true
}

// hasLines reports whether text has at least n line breaks, reading no
// further than the nth: it is asked for each single-word candidate, and
// counting every break of a long text each time was that text's length
// over again per candidate.
func hasLines(text string, n int) bool {
	for range n {
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			return false
		}
		text = text[i+1:]
	}
	return true
}

// minClauseLines is how many line breaks a text needs before a word on
// one of its lines is read as one clause's.
const minClauseLines = 6

// enPolicyTitleRe is an internal policy's or procedure's title line:
// "Data Retention and Disposal Policy", "Incident Response Procedure",
// "Code of Conduct".
var enPolicyTitleRe = regexp.MustCompile(`^(?:[A-Z][\w'’&-]*,?\s+(?:(?:and|of|for|on|the|&)\s+)*){0,8}(?:Policy|Policies|Procedure|Procedures|Standard|Guidelines|Code of Conduct)$`)

// enSectionRe is a numbered section's heading or clause ("1. Purpose",
// "3.2 Employee records are ...").
var enSectionRe = regexp.MustCompile(`(?m)^[ \t]*\d+(?:\.\d+)*\.?[ \t]+[A-Z]`)

// minPolicySections is how many numbered sections make a titled text a
// policy rather than a paper with "Policy" in its title.
const minPolicySections = 3

// enPolicy reports whether an English text is an internal policy or
// procedure: a policy title on its first line and numbered sections.
// Whatever its class (an "other" when the classifier knows contracts and
// regulations only), its key phrases are facets as a regulation's are,
// listed once ("records" beside "patient records", "policy" beside
// "Disposal Policy" were the loose ones a policy gave).
func enPolicy(text string) bool {
	if line, _ := titleLine(text); len(line) > 200 || !enPolicyTitleRe.MatchString(line) {
		return false
	}
	return len(enSectionRe.FindAllStringIndex(text[:min(len(text), 20000)], minPolicySections)) == minPolicySections
}

// zhNoticeRe is an official notice's or decision's title: 关于开展2025年度
// 数据合规自查工作的通知, 公告, 关于…的决定 or 批复; or minutes' (总经理办公会
// 会议纪要), which name their offices as a notice does and listed 总经理 and
// 办公室 beside 总经理办公室, cut in two by the segmenter.
var zhNoticeRe = regexp.MustCompile(`^(?:关于.+的(?:通知|通告|公告|通报|决定|批复|复函|函|意见)|.*(?:通知|通告|公告|通报|纪要))$`)

// zhDutyTails end the phrases a notice or a rule writes for whoever does
// a task rather than for a subject: the work (安全生产管理工作, 信息安全管理工作)
// and the person in charge (部门负责人). The subject before the tail
// (安全生产, 信息安全) is a candidate of its own.
var zhDutyTails = []string{"工作", "负责人"}

// zhDutyTail reports a phrase that ends in a tail of zhDutyTails.
func zhDutyTail(phrase string) bool {
	for _, t := range zhDutyTails {
		if strings.HasSuffix(phrase, t) {
			return true
		}
	}
	return false
}

// zhNotice reports whether a Chinese text opens with a notice's title. A
// notice repeats its subject in nested windows (合规自查, 数据合规自查,
// 合规自查工作, 年度数据合规 of one 数据合规自查工作), so its key phrases
// list a term once as a contract's do; a scientific abstract's title (CSL's,
// 关于…的思考, …的研究) is never so worded, and its gold keeps the pieces.
func zhNotice(text string) bool {
	line, _ := titleLine(text)
	return line != "" && utf8.RuneCountInString(line) <= 80 && (zhNoticeRe.MatchString(line) || zhRuleTitle(line))
}

// overlaps counts the spans of a that overlap a span of b, and returns
// the first such pair's union. Both lists are in text order, so one walk
// over each does (a frequent phrase has hundreds of spans).
func overlaps(a, b [][2]int) (int, [2]int) {
	n, j := 0, 0
	var first [2]int
	for _, as := range a {
		for j < len(b) && b[j][1] <= as[0] {
			j++
		}
		for k := j; k < len(b) && b[k][0] < as[1]; k++ {
			if b[k] != as {
				if n == 0 {
					first = [2]int{min(as[0], b[k][0]), max(as[1], b[k][1])}
				}
				n++
				break
			}
		}
	}
	return n, first
}

// nameJoiners are the lower-case words inside a capitalised name
// ("Health and Safety Committee", "Department of Labor").
var nameJoiners = setOf("and of for on the")

// oneCase reports whether a phrase's words are written alike: all in
// lower case (a term, its first word perhaps capitalised by a sentence's
// start), all capitalised or all in capitals (a name). Windows that meet
// across a name's edge ("bill COOL TECH", "PPG SHANGHAI desires",
// "Agreement dated April", "Version OUTSOURCING AGREEMENT") are no one
// phrase.
func oneCase(phrase string) bool {
	var shapes []int
	words := strings.Fields(phrase)
	for k, w := range words {
		if k > 0 && k < len(words)-1 && nameJoiners[w] {
			// a name's joining word is written in lower case inside it
			// ("Health and Safety Committee Meeting" of the windows
			// "Health and Safety Committee" and "Committee Meeting")
			continue
		}
		if w == "&" || len(shapes) > 0 && legalForms[strings.ToLower(strings.TrimRight(w, ".,"))] {
			// a firm's ampersand has no case ("WILLOW COFFEE LIMITED &
			// SONS"), nor its legal form after its name ("Blue River
			// Logistics LLC" was two windows, "Blue River Logistics" and
			// "River Logistics LLC")
			continue
		}
		shapes = append(shapes, wordShape(w))
	}
	for i, sh := range shapes {
		if sh != shapes[len(shapes)-1] && !(i == 0 && sh == shapeTitle && shapes[len(shapes)-1] == shapeLower) {
			return false
		}
	}
	return true
}

const (
	shapeLower = iota
	shapeTitle
	shapeUpper
	shapeOther // digits, symbols
)

func wordShape(w string) int {
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case unicode.IsLower(r):
		return shapeLower
	case !unicode.IsUpper(r):
		return shapeOther
	case strings.ToUpper(w) == w && utf8.RuneCountInString(w) > 1:
		return shapeUpper
	}
	return shapeTitle
}

// maxMergedWords bounds a phrase merged from overlapping windows.
const maxMergedWords = 6

// mergeable finds the chosen phrase that c overlaps in text at most of
// the occurrences of both (two windows of one name, not two terms that
// meet now and then: "neural network" and "network training"), and the
// phrase the two make together there; -1 when none (or text is empty).
// Chinese candidates are merged words already.
func mergeable(c Candidate, chosen []Candidate, text string) (int, Candidate) {
	if text == "" {
		return -1, Candidate{}
	}
	for i, o := range chosen {
		n, first := overlaps(c.Spans, o.Spans)
		if n == 0 || 2*n < len(c.Spans) || 2*n < len(o.Spans) || first[1] > len(text) {
			continue
		}
		t := strings.Join(strings.Fields(text[first[0]:first[1]]), " ")
		if len(strings.Fields(t)) > maxMergedWords || strings.ContainsAny(t, ".;:!?\n") || !oneCase(t) {
			continue
		}
		return i, Candidate{Text: t, Spans: [][2]int{first}}
	}
	return -1, Candidate{}
}

// straddles reports whether every occurrence of c cuts through an
// occurrence of a chosen phrase that occurs more often than c, across
// its edge: a window that takes a term's words with a neighbour's
// ("disclosing protected health", "limit protected health" beside
// "protected health information" in HIPAA's rules), where the term is
// the text's and the window a fragment of it.
func straddles(c Candidate, chosen []Candidate) bool {
	for _, o := range chosen {
		if o.Freq <= c.Freq || o.Words < 2 {
			continue
		}
		cut := 0
		for _, cs := range c.Spans {
			if cutsThrough(cs, o.Spans) {
				cut++
			}
		}
		if cut == len(c.Spans) {
			return true
		}
	}
	return false
}

// cutsThrough reports whether span s overlaps one of spans (in text
// order) without holding it or lying inside it.
func cutsThrough(s [2]int, spans [][2]int) bool {
	k := sort.Search(len(spans), func(k int) bool { return spans[k][1] > s[0] })
	for ; k < len(spans) && spans[k][0] < s[1]; k++ {
		o := spans[k]
		inside := o[0] <= s[0] && s[1] <= o[1]
		holds := s[0] <= o[0] && o[1] <= s[1]
		if !inside && !holds {
			return true
		}
	}
	return false
}

// redundant reports whether c repeats a chosen phrase: the same
// normalised form, or a form that differs only by word order; or whether
// a name in c (a word written with a capital) is in maxSharing chosen
// phrases already (a contract's defined name in eight of its ten key
// phrases: "SpinCo IP", "SpinCo IP Asset", "Delayed SpinCo IP", ...).
func redundant(c Candidate, chosen []Candidate) bool {
	keys, words := strings.Fields(c.Key), strings.Fields(c.Text)
	for i, w := range keys {
		if len(keys) != len(words) || wordShape(words[i]) == shapeLower {
			continue // names repeat so; terms share words by right ("neural network training")
		}
		n := 0
		for _, o := range chosen {
			if (containsPhrase(" "+o.Key+" ", w) || o.Key == w) && !sameOccurrence(c, o) {
				n++
			}
		}
		if n >= maxSharing {
			return true
		}
	}
	for _, o := range chosen {
		// EqualFold: a Chinese text's English words keep their case in
		// the key ("Software" and "software" in a bilingual licence)
		if strings.EqualFold(o.Key, c.Key) || sameWords(o.Key, c.Key) {
			return true
		}
		// Chinese: another piece of a company's name (华夏置业 and
		// 北京华夏置业 beside 华夏置业有限公司); pieces of terms are key
		// phrases of their own (a scientific abstract's gold holds both)
		if sameCompany(c.Key, o.Key) {
			return true
		}
		// a sub-phrase of a better phrase that seldom occurs on its own
		// (at most a third of its occurrences: "Life" beside "Life
		// Technologies")
		if containsPhrase(o.Key, c.Key) && 3*(c.Freq-o.Freq) <= c.Freq {
			return true
		}
	}
	return false
}

// widens finds the chosen phrase that is a part of c and seldom occurs
// apart from it (at most a third of its occurrences), the mirror of
// redundant's sub-phrase rule; -1 when none. Only a name or a defined
// term (every word capitalised) widens so: lower-case terms that share
// words ("neural network", "neural network training") are key phrases
// each, as a scientific abstract's gold holds them.
func widens(c Candidate, chosen []Candidate) int {
	if slices.ContainsFunc(strings.Fields(c.Text), func(w string) bool { return wordShape(w) == shapeLower }) {
		return -1
	}
	for i, o := range chosen {
		if containsPhrase(c.Key, o.Key) && 3*(o.Freq-c.Freq) <= o.Freq {
			return i
		}
	}
	return -1
}

// sameOccurrence reports whether c and o overlap in the text at most of
// the occurrences of both: windows of one name, which mergeable joins
// ("BRIGHTPATH DIGITAL SERVICES" and "DIGITAL SERVICES LIMITED"), not
// two phrases that share a name, nor a phrase and a piece of it. Counted as
// sharing, the second window was dropped before it could merge, and a
// contract's party or defined term lost its first word.
func sameOccurrence(c, o Candidate) bool {
	if containsPhrase(o.Key, c.Key) || containsPhrase(c.Key, o.Key) {
		return false // a piece of the other: no window that merges into more
	}
	if both := c.Text + " " + o.Text; !oneCase(both) || wordShape(both) == shapeLower {
		return false // a name's windows are a name each ("sensing images Earth" is none)
	}
	n, _ := overlaps(c.Spans, o.Spans)
	return n > 0 && 2*n >= len(c.Spans) && 2*n >= len(o.Spans)
}

// nested finds the chosen phrase that the Chinese phrase c repeats: one
// that c is a part of, where c seldom occurs apart from it (at most a
// third of its occurrences); one that is a part of c and seldom occurs
// apart from c, when wider is true (安全法 beside 数据安全法: c names the
// term); or one that c overlaps at most occurrences of both (中华人民共和国个人信息
// beside 个人信息保护法: windows of one title). It returns -1 when none.
// Chinese keys have no spaces between words, so any part counts.
func nested(c Candidate, chosen []Candidate) (i int, wider bool) {
	for i, o := range chosen {
		if containsPart(o.Key, c.Key) && 3*(c.Freq-o.Freq) <= c.Freq {
			return i, false
		}
		if containsPart(c.Key, o.Key) && 3*(o.Freq-c.Freq) <= o.Freq {
			return i, true
		}
		if c.Freq >= 2 && containsPart(c.Key, o.Key) && strings.HasSuffix(c.Key, o.Key) {
			// c names a kind of the chosen word, which the text writes
			// alone too (钓鱼邮件 of 邮件): a term, not a window over
			// o, and dropped so the notice's key phrase was 钓鱼 alone
			continue
		}
		if n, _ := overlaps(c.Spans, o.Spans); n > 0 && 2*n >= len(c.Spans) && 2*n >= len(o.Spans) {
			return i, false
		}
	}
	return -1, false
}

// roleWords are the roles a contract gives its parties.
var roleWords = setOf("buyer seller purchaser vendor supplier customer client licensor licensee " +
	"lessor lessee landlord tenant employer employee contractor subcontractor consultant " +
	"distributor reseller franchisor franchisee borrower lender guarantor assignor assignee " +
	"provider recipient discloser manufacturer repairer")

// partyRoleRe is a party's role defined in brackets after its name
// (Orbis Analytics Ltd ("Licensor"), (the "Buyer"), (hereinafter
// referred to as the "Supplier")): group 1 is the role.
var partyRoleRe = regexp.MustCompile(`\(\s*(?:(?i:the|hereinafter(?:\s+(?:referred\s+to\s+as|called))?)\s+)?(?:(?i:the)\s+)?["“']([A-Z][a-z]+)["”']\s*\)`)

// partyRoles are the roles (roleWords) that text defines for its parties,
// in lower case; nil when none. Alone, a role is no key phrase of a
// contract: every supply agreement has a Buyer and a Supplier and every
// licence a Licensee, so the role tells one contract from another no
// better than "Agreement" does, and Buyer, Supplier, Licensee and
// Licensor took four of two contracts' ten key phrases. The parties'
// names, the contract's title (Software Licence Agreement) and its terms
// (annual licence fee) say who and what; a role word in a phrase stays.
// A role the text does not define (a regulation's "licensee") is left.
func partyRoles(text string) map[string]bool {
	var roles map[string]bool
	for _, m := range partyRoleRe.FindAllStringSubmatch(text, -1) {
		if r := strings.ToLower(m[1]); roleWords[r] {
			if roles == nil {
				roles = map[string]bool{}
			}
			roles[r] = true
		}
	}
	return roles
}

// maxTitleRunes is the longest title in book-title marks that cutTitle
// lists in place of its cut; a longer one is a sentence, no facet.
const maxTitleRunes = 20

// cutTitle reports whether every occurrence of the Chinese phrase c lies
// inside one title (titles: zhTitles of text) without being all of it,
// and returns that title, less the
// 中华人民共和国 a national law's opens with; "" when the title is too
// long to be a key phrase. A notice's own title (关于印发《员工保密管理办法》的
// 通知) repeats a rule's name that is longer than a phrase may be, and
// its cut (员工保密管理) was the notice's key phrase.
func cutTitle(c Candidate, titles []zhTitle) (string, bool) {
	title := ""
	for _, sp := range c.Spans {
		k := slices.IndexFunc(titles, func(t zhTitle) bool { return t.start <= sp[0] && sp[1] <= t.end })
		if k < 0 {
			return "", false
		}
		t := strings.TrimPrefix(titles[k].name, zhStatePrefix)
		if title != "" && t != title {
			// a piece that several titles share (中华人民共和国 of
			// two laws' titles) names none of them
			return "", true
		}
		title = t
	}
	if title == "" || title == c.Text {
		return "", false
	}
	if utf8.RuneCountInString(title) > maxTitleRunes {
		return "", true
	}
	return title, true
}

// zhTitle is a place where a text writes a title, and the title it names
// there.
type zhTitle struct {
	start, end int // byte offsets of the title's words in the text
	name       string
}

// zhRuleTailRe ends a rule's title (员工保密与竞业限制管理规定): group 1 is
// its stem, which the rule's preamble and its notice repeat in their own
// words (规范员工保密与竞业限制管理).
var zhRuleTailRe = regexp.MustCompile(`^(\p{Han}{4,}?)(?:实施细则|实施办法|规定|办法|细则|条例|制度|规则|守则|规程)$`)

// zhTitles lists where a Chinese text writes a title, in text order: each
// title in book-title marks; a rule's title standing as the text's first
// line without them (员工保密与竞业限制管理规定, whose cut 员工保密 was the
// rule's key phrase); and each place the text repeats such a rule's stem.
func zhTitles(text string) []zhTitle {
	var out []zhTitle
	stems := map[string]string{} // a rule's stem: its title
	for _, m := range zhTitleRe.FindAllStringSubmatchIndex(text, -1) {
		name := text[m[2]:m[3]]
		out = append(out, zhTitle{m[2], m[3], name})
		if sm := zhRuleTailRe.FindStringSubmatch(name); sm != nil {
			stems[sm[1]] = name
		}
	}
	if line, start := titleLine(text); utf8.RuneCountInString(line) <= maxTitleRunes {
		if sm := zhRuleTailRe.FindStringSubmatch(line); sm != nil {
			out = append(out, zhTitle{start, start + len(line), line})
			stems[sm[1]] = line
		}
	}
	for stem, name := range stems {
		for i := 0; ; {
			j := strings.Index(text[i:], stem)
			if j < 0 {
				break
			}
			at := zhTitle{i + j, i + j + len(stem), name}
			if !slices.ContainsFunc(out, func(t zhTitle) bool { return t.start <= at.start && at.end <= t.end }) {
				out = append(out, at)
			}
			i = at.end
		}
	}
	slices.SortFunc(out, func(a, b zhTitle) int { return a.start - b.start })
	return out
}

// zhRuleTitle reports a rule's title (员工离职管理规定), which like a
// notice's repeats its subject in nested windows (员工离职, 员工离职管理,
// 离职管理规定 of a short rule without articles). A title ending in 规则
// is left out: a paper's (一种改进的关联规则) ends so too.
func zhRuleTitle(line string) bool {
	return zhRuleTailRe.MatchString(line) && !strings.HasSuffix(line, "规则")
}

// titleLine returns a text's first non-blank line, trimmed, and its
// offset: where a notice, a rule or a policy writes its title.
func titleLine(text string) (string, int) {
	off := 0
	for line := range strings.SplitSeq(text, "\n") {
		if t := strings.TrimSpace(line); t != "" {
			return t, off + strings.Index(line, t)
		}
		off += len(line) + 1
	}
	return "", 0
}

// zhBound reports whether the Chinese phrase c is a word of two
// characters that text never writes alone: every occurrence runs on into
// another word (竞业 of 竞业限制, 竞业协议, 竞业期限). Such a word modifies
// the terms it opens and names none of its own; a function character
// after it (员工的, 员工应当) or a punctuation mark ends it somewhere.
func zhBound(c Candidate, text string) bool {
	if c.Words != 1 || utf8.RuneCountInString(c.Text) != 2 || len(c.Spans) == 0 {
		return false
	}
	for _, sp := range c.Spans {
		if sp[1] > len(text) {
			return false
		}
		r, _ := utf8.DecodeRuneInString(text[sp[1]:])
		if !unicode.Is(unicode.Han, r) || strings.ContainsRune(zhFunctionChars, r) {
			return false
		}
	}
	return true
}

// boundPiece reports whether c is a bound word (zhBound) that a chosen
// phrase holds.
func boundPiece(c Candidate, chosen []Candidate, text string) bool {
	if !zhBound(c, text) {
		return false
	}
	return slices.ContainsFunc(chosen, func(o Candidate) bool { return containsPart(o.Key, c.Key) })
}

// zhStaffWords name whom a rule or a notice addresses (员工, 部门, 人员):
// every HR rule has them, and alone they tell one from another no better
// than 规定 does; in a phrase (员工保密, 部门负责人) they stay.
var zhStaffWords = setOf(`员工 职工 部门 人员 单位 公司`)

// weakZHWord reports whether the Chinese phrase c is a single word too
// weak to be a contract's or a rule's facet: one of zhStaffWords, or a
// word of two characters the text writes once (协商 of 由双方协商确定,
// 托管 of 源代码托管平台, 外派 of 外派员工), where the text's facets
// recur and such a word is what one clause does. A word the text writes
// once in its title line is its topic, not a clause's act: 离职 of
// 关于进一步规范员工离职交接和档案转移工作的通知, whose body says 辞职, was
// left out of the notice's key phrases altogether. A word the segmenter's
// dictionary tags a verb only or an adverb (安排, 完成, 立即) says what is
// done or how, never what about: a notice listed 安排 (a scientific
// abstract's gold holds such words, so only facets drop them); in the
// title it is the topic (离职 of a notice on leavers).
func weakZHWord(c Candidate, text string) bool {
	if c.Words != 1 {
		return false
	}
	if zhStaffWords[c.Text] || zhCountWord(c.Text) {
		return true
	}
	return (zhPlainVerb(c.Text) || zhAdverb(c.Text) || c.Freq == 1 && utf8.RuneCountInString(c.Text) == 2) && !inTitleLine(c, text)
}

// zhCountWord reports whether a word is a count or a frequency: a numeral
// or 每 (every) before a measure word (十二位 of 密码长度不少于十二位, 每季度
// of 每季度开展一次演练), which were a notice's key phrases.
func zhCountWord(w string) bool {
	r := []rune(w)
	return len(r) >= 2 && len(r) <= 4 && (r[0] == '每' || zhNumeralWord(string(r[:len(r)-1])))
}

// maxTitleLineRunes is the longest first line read as a notice's title:
// one that says what it does about what (关于进一步规范员工离职交接和档案转移
// 工作的通知) runs longer than a rule's name (maxTitleRunes).
const maxTitleLineRunes = 40

// inTitleLine reports whether c's first occurrence lies in text's first
// line, where a notice or a rule writes its title.
func inTitleLine(c Candidate, text string) bool {
	line, start := titleLine(text)
	return len(c.Spans) > 0 && utf8.RuneCountInString(line) <= maxTitleLineRunes &&
		c.Spans[0][0] >= start && c.Spans[0][1] <= start+len(line)
}

// boundNamePiece finds the company name that the Chinese phrase c is a
// piece of where c is a bound word (zhBound), and returns the name's core
// from c on: a company's short name that opens its products' names too
// (云帆 of 上海云帆信息技术有限公司 and 云帆路径优化系统), which cutName keeps,
// as c occurs outside the name as often as in it. The core is cut at c
// because companyNameRe may take words before the name (为保护上海云帆信息技术
// of 为保护上海云帆信息技术有限公司).
func boundNamePiece(c Candidate, names []zhName, text string) (string, bool) {
	if !zhBound(c, text) {
		return "", false
	}
	for _, n := range names {
		if i := strings.Index(n.core, c.Text); i >= 0 && n.piece(c.Text) && c.Text != n.core {
			return n.core[i:], true
		}
	}
	return "", false
}

// holdsBound finds the chosen bound word (zhBound) that c holds; -1 when
// none.
func holdsBound(c Candidate, chosen []Candidate, text string) int {
	return slices.IndexFunc(chosen, func(o Candidate) bool { return containsPart(c.Key, o.Key) && zhBound(o, text) })
}

// containsPart reports whether short is a proper part of long.
func containsPart(long, short string) bool {
	return len(short) < len(long) && strings.Contains(long, short)
}

// companySuffixRe ends a Chinese company's name.
var companySuffixRe = regexp.MustCompile(`(?:有限责任公司|股份有限公司|有限公司|公司|集团)$`)

// sameCompany reports whether two Chinese phrases name one company: one
// ends as a company's name does, and the two share four or more
// characters of it before the suffix.
func sameCompany(a, b string) bool {
	if !companySuffixRe.MatchString(a) {
		a, b = b, a
	}
	if !companySuffixRe.MatchString(a) {
		return false
	}
	core := []rune(companySuffixRe.ReplaceAllString(a, ""))
	for i := 0; i+4 <= len(core); i++ {
		if strings.Contains(b, string(core[i:i+4])) {
			return true
		}
	}
	return false
}

// companyNameRe is a Chinese company's or firm's full name as a contract
// writes it: up to 20 characters before the suffix (广州智联信息技术有限公司),
// a place in brackets among them (阿里巴巴（中国）网络技术有限公司, whose pieces
// 阿里巴巴 and 网络技术有限公司 were two key phrases), a law or accounting
// firm (上海明德律师事务所), a partnership's form after it (（特殊普通合伙）),
// and a branch (上海分所, 上海市分行).
var companyNameRe = regexp.MustCompile(`\p{Han}{2,20}(?:[（(]\p{Han}{1,10}[)）]\p{Han}{0,20})?` +
	`(?:有限责任公司|股份有限公司|有限公司|集团公司|集团|律师事务所|会计师事务所|會計師事務所|律師事務所)` +
	`(?:[（(](?:特殊)?普通合伙[)）])?(?:\p{Han}{1,10}?(?:分公司|分行|支行|分所))?`)

// midName opens a phrase that starts inside a company's name, at its
// legal form (有限公司杭州分行 from 中国工商银行股份有限公司杭州分行).
var midName = regexp.MustCompile(`^(?:有限|股份有限)`)

// maxCompanyNames bounds the names pieceOfNamed compares with.
const maxCompanyNames = 50

// zhName is a Chinese company's name as a text writes it, the place it
// opens with (深圳市, 苏州工业园区) and its core: the name without the place,
// a bracketed place and the legal form (华南智能制造 of
// 深圳市华南智能制造股份有限公司); a firm's core keeps its kind
// (明德律师事务所).
type zhName struct {
	full, place, core string
	uses              int // how often the text writes the full name
}

// companyFormRe is a company's legal form, where its core ends.
var companyFormRe = regexp.MustCompile(`有限责任公司|股份有限公司|有限公司|集团公司|集团|公司`)

// firmRe is a firm's kind, which its core keeps.
var firmRe = regexp.MustCompile(`律师事务所|会计师事务所|會計師事務所|律師事務所`)

// bracketRe is a bracketed part of a name (（中国）).
var bracketRe = regexp.MustCompile(`[（(][^）)]*[)）]`)

// newZHName splits a company's full name into its place and core.
func newZHName(full string) zhName {
	base := full
	if m := firmRe.FindStringIndex(full); m != nil {
		base = full[:m[1]]
	} else if m := companyFormRe.FindStringIndex(full); m != nil {
		base = full[:m[0]]
	}
	base = bracketRe.ReplaceAllString(base, "")
	// leading words that end as an administrative division does (深圳市,
	// 苏州工业园区, 海淀区) are the place; a bare city (北京, 上海) often
	// belongs to the name itself and stays
	cut := 0
	for _, w := range lang.Words(base, lang.Chinese) {
		r := []rune(w.Text)
		if w.Start != cut || len(r) < 2 || !isHanWord(w.Text) || !strings.ContainsRune("省市区县", r[len(r)-1]) ||
			utf8.RuneCountInString(base[w.End:]) < 2 {
			break
		}
		cut = w.End
	}
	return zhName{full: full, place: base[:cut], core: base[cut:]}
}

// piece reports whether phrase is a part of the name beyond its place.
func (n zhName) piece(phrase string) bool {
	return strings.Contains(n.full, phrase) && !strings.Contains(n.place, phrase)
}

// companyNames lists the distinct company names in a Chinese text.
func companyNames(text string) []zhName {
	var out []zhName
	seen := map[string]bool{}
	for _, m := range companyNameRe.FindAllString(text, -1) {
		m = trimLeadIn(m)
		if !seen[m] {
			seen[m] = true
			n := newZHName(m)
			n.uses = strings.Count(text, m) // once here, not per candidate (cutName)
			out = append(out, n)
			if len(out) == maxCompanyNames {
				break
			}
		}
	}
	return out
}

// zhLeadInVerbs are verbs a clause puts before the company it names
// (委托北京华清科技有限公司, 授权…, 聘请…) that the segmenter tags as nouns.
var zhLeadInVerbs = setOf(`委托 授权 聘请 聘用 雇佣 许可 通知 要求 代表 协助 配合 支持 保护 维护`)

// trimLeadIn cuts the words a clause writes before a company's name off a
// companyNameRe match, which takes every Han character before the legal
// form: 为保护上海云帆科技有限公司 and 与深圳市华南智能制造股份有限公司 named
// companies 为保护上海云帆科技 and 与深圳市华南智能制造, which became key
// phrases. Function words, prepositions, a party's role and the ordering
// verbs open no name; another verb does not either when a function word
// went before it or a place follows it (保护 of 为保护上海…), but it may
// where it opens the match alone (联想集团). Whom a rule addresses
// (公司与…, 员工向…) opens none either.
func trimLeadIn(m string) string {
	seg := lang.Segmenter()
	if seg == nil {
		return m
	}
	words := lang.Words(m, lang.Chinese)
	if k := lastNameBreaker(m, words); k > 0 {
		m, words = m[k:], lang.Words(m[k:], lang.Chinese)
	}
	cut, trimmed := 0, false
	for i, w := range words {
		if w.Start != cut || !isHanWord(w.Text) {
			break
		}
		_, pos, _ := seg.Find(w.Text)
		lead := zhStop[w.Text] || zhLegalStop[w.Text] || zhStaffWords[w.Text] || pos == "p" || zhVerbWord(w.Text) || zhLeadInVerbs[w.Text]
		if !lead && strings.HasPrefix(pos, "v") {
			nextPlace := false
			if i+1 < len(words) {
				_, np, _ := seg.Find(words[i+1].Text)
				nextPlace = np == "ns"
			}
			lead = trimmed || nextPlace
		}
		if !lead || utf8.RuneCountInString(companyFormRe.ReplaceAllString(m[w.End:], "")) < 2 {
			break
		}
		cut, trimmed = w.End, true
	}
	return m[cut:]
}

// zhNameBreakers are function words no company's name holds: the copula
// and the conjunctions and prepositions that join a clause to the name
// after them. A noun before them stopped trimLeadIn, and 附件是与华为技术有限公司
// (附件 是 与 华为技术有限公司) named the company 附件是与华为技术, a key
// phrase of the minutes that wrote it.
var zhNameBreakers = setOf(`是 与 和 及 的 在 向 对 由 把 被 将 从 给 跟 同`)

// lastNameBreaker is the end of the last word of words (a segmented
// companyNameRe match m) in zhNameBreakers that leaves a name of two
// characters or more after it, without its legal form; 0 when none.
func lastNameBreaker(m string, words []lang.Token) int {
	cut := 0
	for _, w := range words {
		if zhNameBreakers[w.Text] && utf8.RuneCountInString(companyFormRe.ReplaceAllString(m[w.End:], "")) >= 2 {
			cut = w.End
		}
	}
	return cut
}

// pieceOfNamed reports whether phrase is a part of a company's name that
// a chosen phrase is a part of too, or the name's legal form alone: a
// contract's parties filled its key phrases with pieces of their names
// (广州智联信息技术, 智联信息技术, 智联, 广州智联 from 广州智联信息技术有限公司;
// 有限公司 alone), where one says who and the rest crowd out what the
// contract is about. The place a name opens with (苏州工业园区) is a
// place, no piece of it.
func pieceOfNamed(phrase string, chosen []Candidate, names []zhName) bool {
	if companySuffixRe.ReplaceAllString(phrase, "") == "" || midName.MatchString(phrase) || runsPastName(phrase) {
		return true
	}
	for _, n := range names {
		if !n.piece(phrase) {
			continue
		}
		for _, o := range chosen {
			if n.piece(o.Text) || o.Text == n.core {
				return true
			}
		}
	}
	return false
}

// limitedFormRe is a limited company's legal form, which only a name
// ends with.
var limitedFormRe = regexp.MustCompile(`有限责任公司|股份有限公司|有限公司`)

// runsPastName reports a phrase that goes on past a limited company's
// legal form into the words after the name, other than a branch's
// (科技股份有限公司信息安全 of a rule's title "深圳市华信达科技股份有限公司
// 信息安全管理办法" was its key phrase): the tail of one name and the
// head of the subject, neither whole.
func runsPastName(phrase string) bool {
	m := limitedFormRe.FindAllStringIndex(phrase, -1)
	if len(m) == 0 {
		return false
	}
	end := m[len(m)-1][1]
	return end < len(phrase) && companyNameRe.FindString(phrase) != phrase
}

// cutName finds the company name that c is a cut of: a part of it other
// than its full name and its core that seldom occurs outside the names
// (at most a third of its occurrences: 智能制造 of a text on smart
// manufacturing is a term of its own, and so is 苏州工业园区 of a text
// whose addresses name it too).
func cutName(c Candidate, names []zhName) (zhName, bool) {
	for _, n := range names {
		if c.Text == n.full || c.Text == n.core || !strings.Contains(n.full, c.Text) || len(n.core) < len(c.Text) && strings.Contains(c.Text, n.core) {
			continue
		}
		inside := 0
		for _, o := range names {
			inside += strings.Count(o.full, c.Text) * o.uses
		}
		if 3*(c.Freq-min(inside, c.Freq)) <= c.Freq {
			return n, true
		}
		return zhName{}, false
	}
	return zhName{}, false
}

// phraseWords is how many words c's phrase has: its stems (English, where
// Words counts a hyphen's parts) or its words (Chinese).
func phraseWords(c Candidate, zh bool) int {
	if zh {
		return c.Words
	}
	return len(strings.Fields(c.Key))
}

// holdsPart reports whether the phrase long holds short as a proper part:
// whole words in English, any part in Chinese, whose keys have no spaces.
func holdsPart(long, short string, zh bool) bool {
	if zh {
		return containsPart(long, short)
	}
	return containsPhrase(long, short)
}

// heldWord reports whether c is a single word that a chosen phrase holds.
// A contract's or a regulation's key phrases are its facets, and the word
// alone beside its phrases repeats them: a licence listed Licence and
// software beside Software Licence Agreement and Route Optimiser
// software, a rule 员工 beside 员工保密, however often the word stands
// alone in the text (redundant and nested drop it only where it seldom
// does, as an abstract's gold keeps both).
func heldWord(c Candidate, chosen []Candidate, zh bool) bool {
	if phraseWords(c, zh) != 1 || zh && utf8.RuneCountInString(c.Text) != 2 {
		return false // a longer Chinese word is a term (竞业限制)
	}
	return slices.ContainsFunc(chosen, func(o Candidate) bool { return holdsPart(o.Key, c.Key, zh) })
}

// holdsWord finds the chosen single word (heldWord) that c's phrase
// holds; -1 when none.
func holdsWord(c Candidate, chosen []Candidate, zh bool) int {
	if phraseWords(c, zh) < 2 {
		return -1
	}
	return slices.IndexFunc(chosen, func(o Candidate) bool { return heldWord(o, []Candidate{c}, zh) })
}

// nearDuplicate reports whether the English phrase c and a chosen
// phrase, both of two words or more, are one of the other's words
// ("annual support fees" and "Support Fees", "normal business hours"
// and "business hours"): a facet lists such a pair twice, however often
// each stands apart in the text. When it does, i is the chosen phrase
// that c, a defined term (every word capitalised) where the chosen one
// is not, replaces; -1 when c is dropped.
func nearDuplicate(c Candidate, chosen []Candidate, zh bool) (i int, ok bool) {
	if zh || phraseWords(c, false) < 2 {
		return -1, false
	}
	for i, o := range chosen {
		if phraseWords(o, false) < 2 || !containsPhrase(o.Key, c.Key) && !containsPhrase(c.Key, o.Key) {
			continue
		}
		if definedTerm(c.Text) && !definedTerm(o.Text) {
			return i, true
		}
		return -1, true
	}
	return -1, false
}

// definedTerm reports a phrase whose every word but a stop word ("of"
// in "Statement of Work") is capitalised, as a contract writes its
// defined terms and its parties' names.
func definedTerm(phrase string) bool {
	return !slices.ContainsFunc(strings.Fields(phrase), func(w string) bool { return wordShape(w) == shapeLower && !enStop[w] })
}

// maxSharing is how many chosen key phrases one word may be in.
const maxSharing = 2

func containsPhrase(long, short string) bool {
	if len(short) >= len(long) {
		return false
	}
	return strings.Contains(" "+long+" ", " "+short+" ")
}

func sameWords(a, b string) bool {
	fa, fb := strings.Fields(a), strings.Fields(b)
	if len(fa) != len(fb) || len(fa) < 2 {
		return false
	}
	sort.Strings(fa)
	sort.Strings(fb)
	return strings.Join(fa, " ") == strings.Join(fb, " ")
}

func (o Options) withDefaults(text string) Options {
	if o.Top <= 0 {
		o.Top = 10
	}
	if o.MaxNgram <= 0 {
		o.MaxNgram = 3
	}
	if o.Language == "" {
		o.Language = lang.Detect(text)
	}
	return o
}

func isZH(language string) bool { return language == lang.Chinese }

// Candidates returns every candidate phrase of text with its features and
// score, in order of first occurrence. language "zh" selects the Chinese
// extractor; anything else the English one.
func Candidates(text, language string) []Candidate {
	if isZH(language) {
		return withoutOverlong(chineseCandidates(text))
	}
	return withoutOverlong(englishScored(text, DefaultParams))
}

// maxWordRunes is the longest word a key phrase may hold: longer "words"
// are unbroken runs (a 1 MB line of one character became a 1 MB keyword,
// stored, indexed and faceted), hashes or encoded data, never a subject.
const maxWordRunes = 48

// withoutOverlong drops candidates with a word over maxWordRunes.
func withoutOverlong(cands []Candidate) []Candidate {
	out := cands[:0]
	for _, c := range cands {
		if !overlong(c.Text) {
			out = append(out, c)
		}
	}
	return out
}

// overlong reports a word of phrase over maxWordRunes; it splits as
// strings.Fields does, without making the list (it runs on every
// candidate).
func overlong(phrase string) bool {
	n := 0
	for _, r := range phrase {
		if unicode.IsSpace(r) {
			n = 0
			continue
		}
		if n++; n > maxWordRunes {
			return true
		}
	}
	return false
}

// Params weigh the English features; DefaultParams were fixed on the
// development subset described in the package test.
type Params struct {
	MaxN     int
	Yake     float64 // weight of -ln(YAKE score)
	Freq     float64 // weight of ln(1+frequency)
	Position float64 // weight of the first-position prior
	IDF      float64 // weight of the mean background IDF
	Length   float64 // bonus per word beyond the first
	Lexical  float64 // bonus for a WordNet compound
	WordSum  float64 // weight of the summed word salience (SingleRank-like)
	Spread   float64 // weight of sentence spread
}

// DefaultParams is the single configuration used for every collection.
var DefaultParams = Params{MaxN: 3, Yake: 1, Freq: 1.2, Position: 1, Length: 1.2}

// englishScored builds and scores English candidates.
func englishScored(text string, p Params) []Candidate {
	set := newEnglishSet(text, p)
	if set == nil {
		return nil
	}
	out := make([]Candidate, 0, len(set.raw))
	for _, c := range set.raw {
		out = append(out, set.candidate(c))
	}
	return out
}

// englishSet is a text's English candidates and what scoring them reads.
type englishSet struct {
	p           Params
	lx          *lexicon
	toks        []etok
	nSent       int
	h, salience map[string]float64
	raw         []*enCand
}

// newEnglishSet tokenises text and builds its candidates; nil when it has
// no tokens.
func newEnglishSet(text string, p Params) *englishSet {
	toks := tokenizeEnglish(text[:enSignOff(text)])
	if len(toks) == 0 {
		return nil
	}
	nSent := toks[len(toks)-1].sent + 1
	h := yakeWeights(toks, nSent)
	dropRegisterWords(text, toks)
	raw := englishCandidates(toks, p.MaxN)
	if values := enParticularSpans(text); len(values) > 0 {
		raw = slices.DeleteFunc(raw, func(c *enCand) bool { return inLabels(c.spans, values) })
	}
	if euActRe.MatchString(text[:min(len(text), euActHead)]) {
		raw = slices.DeleteFunc(raw, func(c *enCand) bool { return institutionPhrase(toks[c.first : c.first+c.words]) })
	}
	lx := english()
	return &englishSet{p: p, lx: lx, toks: toks, nSent: nSent, h: h, salience: wordSalience(toks, lx, h), raw: raw}
}

// candidate scores c.
func (s *englishSet) candidate(c *enCand) Candidate {
	p, h, toks := s.p, s.h, s.toks
	prod, sum, idf, ws := 1.0, 0.0, 0.0, 0.0
	for wi := c.first; wi < c.first+c.words; wi++ {
		if toks[wi].kind == kindBreak {
			continue // a conjunction in a name (nameJoin)
		}
		st := toks[wi].stem
		prod *= h[st]
		sum += h[st]
		idf += s.lx.idf(st)
		ws += s.salience[st]
	}
	n := float64(c.words - int32(c.joins))
	tf := float64(len(c.spans))
	yake := -math.Log(prod/(tf*(1+sum)) + 1e-12)
	cand := Candidate{
		Text: c.text, Key: c.key, Spans: c.spans, Words: int(n), Freq: len(c.spans),
		FirstPos: float64(c.first) / float64(len(toks)), Spread: float64(c.sents) / float64(s.nSent),
		IDF: idf / n, Yake: yake, Lexical: c.lexical,
	}
	score := p.Yake*yake + p.Freq*math.Log1p(tf) + p.Position/(1+10*cand.FirstPos) + p.IDF*cand.IDF +
		p.Length*(n-1) + p.WordSum*ws + p.Spread*cand.Spread
	if c.lexical {
		score += p.Lexical
	}
	cand.Score = score
	return cand
}

// wordSalience scores each content stem by frequency, background rarity
// and how early it first appears.
func wordSalience(toks []etok, lx *lexicon, h map[string]float64) map[string]float64 {
	// one map of both counts, sized by h, which holds every stem: a text
	// of unrepeated words has as many stems as words
	type stemCount struct {
		tf    float64
		first int
	}
	counts := make(map[string]stemCount, len(h))
	for i := range toks {
		t := &toks[i]
		if t.kind == kindBreak {
			continue
		}
		c, ok := counts[t.stem]
		if !ok {
			c.first = i
		}
		c.tf++
		counts[t.stem] = c
	}
	out := make(map[string]float64, len(counts))
	for s, c := range counts {
		pos := 1 / (1 + 10*float64(c.first)/float64(len(toks)))
		out[s] = math.Log1p(c.tf) * lx.idf(s) * (0.5 + pos)
	}
	return out
}
