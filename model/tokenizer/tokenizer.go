// Package tokenizer loads Hugging Face tokenizer.json files and encodes text
// with them: WordPiece (BERT) and BPE, including byte-level BPE whose split
// regexes use lookahead (GPT-4o, Llama-3, Granite). Token offsets are byte
// ranges of the caller's text. It is an independent implementation checked
// against reference ids from transformers.js.
package tokenizer

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"unicode/utf8"
)

// Encoding is the result of Encode.
type Encoding struct {
	IDs []int
	// Offsets are byte ranges of the input text, one per id; special tokens
	// added by the post-processor have an empty range.
	Offsets []Span
	// Special marks ids that are special tokens (added or matched).
	Special []bool
}

// Len is the number of tokens.
func (e *Encoding) Len() int { return len(e.IDs) }

// AddedToken is a token matched in raw text before the model runs.
type AddedToken struct {
	ID      int    `json:"id"`
	Content string `json:"content"`
	LStrip  bool   `json:"lstrip"`
	RStrip  bool   `json:"rstrip"`
	Special bool   `json:"special"`
}

// Tokenizer encodes text; it is safe for concurrent use.
type Tokenizer struct {
	norm      normalizer
	pre       preTokenizer
	byteLevel bool
	wp        *wordPiece
	bpe       *bpe
	added     []AddedToken
	addedByte [256][]int // first byte -> indices into added, longest first
	prefix    []int      // post-processor ids before the sequence
	suffix    []int      // and after it
	idToToken map[int]string
	special   map[int]bool
	decoder   string
	wpPrefix  string
	kind      string
}

// Load reads a tokenizer.json file.
func Load(path string) (*Tokenizer, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read tokenizer: %w", err)
	}
	t, err := FromJSON(data)
	if err != nil {
		return nil, fmt.Errorf("tokenizer %s: %w", path, err)
	}
	return t, nil
}

// FromJSON builds a tokenizer from the contents of a tokenizer.json file.
func FromJSON(data []byte) (*Tokenizer, error) {
	var c jsonTokenizer
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, fmt.Errorf("parse tokenizer.json: %w", err)
	}
	t := &Tokenizer{idToToken: map[int]string{}, special: map[int]bool{}}
	var err error
	if t.norm, err = buildNormalizer(c.Normalizer); err != nil {
		return nil, err
	}
	if t.pre, err = buildPreTokenizer(c.PreTokenizer, &t.byteLevel); err != nil {
		return nil, err
	}
	if err := t.buildModel(&c.Model); err != nil {
		return nil, err
	}
	t.setAdded(c.AddedTokens)
	if err := t.buildPost(c.PostProcessor); err != nil {
		return nil, err
	}
	if c.Decoder != nil {
		t.decoder = c.Decoder.Type
		if c.Decoder.Type == "Sequence" && len(c.Decoder.Decoders) > 0 {
			t.decoder = c.Decoder.Decoders[0].Type
		}
	}
	return t, nil
}

func (t *Tokenizer) buildModel(m *jsonModel) error {
	t.kind = m.Type
	switch m.Type {
	case "WordPiece":
		var vocab map[string]int
		if err := json.Unmarshal(m.Vocab, &vocab); err != nil {
			return fmt.Errorf("WordPiece vocab: %w", err)
		}
		t.wpPrefix = "##"
		if m.ContinuingSubwordPrefix != nil {
			t.wpPrefix = *m.ContinuingSubwordPrefix
		}
		wp := &wordPiece{vocab: make(map[string]int, len(vocab)), cont: map[string]int{}, maxChars: 100}
		if m.MaxInputCharsPerWord > 0 {
			wp.maxChars = m.MaxInputCharsPerWord
		}
		for tok, id := range vocab {
			t.idToToken[id] = tok
			if rest, ok := strings.CutPrefix(tok, t.wpPrefix); ok && t.wpPrefix != "" {
				wp.cont[rest] = id
			} else {
				wp.vocab[tok] = id
			}
		}
		unk, ok := vocab[m.UnkToken]
		if !ok {
			return fmt.Errorf("WordPiece unk_token %q not in vocab", m.UnkToken)
		}
		wp.unk = unk
		t.wp = wp
		return nil
	case "BPE":
		return t.buildBPE(m)
	case "":
		return fmt.Errorf("tokenizer.json has no model")
	}
	return fmt.Errorf("unsupported tokenizer model %q (WordPiece and BPE are supported)", m.Type)
}

func (t *Tokenizer) buildBPE(m *jsonModel) error {
	var vocab map[string]int
	if err := json.Unmarshal(m.Vocab, &vocab); err != nil {
		return fmt.Errorf("BPE vocab: %w", err)
	}
	b := &bpe{vocab: vocab, merges: make(map[[2]int]merge, len(m.Merges)), unk: -1, byteLevel: t.byteLevel,
		ignoreMerges: m.IgnoreMerges, byteFallback: m.ByteFallback, cache: map[string][]int{}}
	if id, ok := vocab[m.UnkToken]; ok {
		b.unk = id
	}
	maxID := 0
	for tok, id := range vocab {
		t.idToToken[id] = tok
		maxID = max(maxID, id)
	}
	if t.byteLevel {
		b.symLen = make([]int, maxID+1)
		for tok, id := range vocab {
			b.symLen[id] = utf8.RuneCountInString(tok)
		}
	}
	for rank, raw := range m.Merges {
		var pair []string
		if err := json.Unmarshal(raw, &pair); err != nil {
			var s string
			if err := json.Unmarshal(raw, &s); err != nil {
				return fmt.Errorf("BPE merge %d: %w", rank, err)
			}
			a, c, ok := strings.Cut(s, " ")
			if !ok {
				return fmt.Errorf("BPE merge %d %q: no space", rank, s)
			}
			pair = []string{a, c}
		}
		if len(pair) != 2 {
			return fmt.Errorf("BPE merge %d: want a pair", rank)
		}
		a, okA := vocab[pair[0]]
		c, okC := vocab[pair[1]]
		id, okM := vocab[pair[0]+pair[1]]
		if !okA || !okC || !okM {
			continue
		}
		key := [2]int{a, c}
		if _, dup := b.merges[key]; !dup {
			b.merges[key] = merge{rank: rank, id: id}
		}
	}
	t.bpe = b
	return nil
}

func (t *Tokenizer) setAdded(added []AddedToken) {
	t.added = added
	order := make([]int, len(added))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return len(added[order[a]].Content) > len(added[order[b]].Content) })
	for _, i := range order {
		a := added[i]
		t.idToToken[a.ID] = a.Content
		if a.Special {
			t.special[a.ID] = true
		}
		if a.Content != "" {
			t.addedByte[a.Content[0]] = append(t.addedByte[a.Content[0]], i)
		}
	}
}

func (t *Tokenizer) buildPost(p *jsonPost) error {
	if p == nil {
		return nil
	}
	switch p.Type {
	case "Sequence":
		for i := range p.Processors {
			if err := t.buildPost(&p.Processors[i]); err != nil {
				return err
			}
		}
	case "TemplateProcessing":
		seen := false
		for _, item := range p.Single {
			if item.Sequence != nil {
				seen = true
				continue
			}
			if item.SpecialToken == nil {
				continue
			}
			st, ok := p.SpecialTokens[item.SpecialToken.ID]
			if !ok {
				return fmt.Errorf("TemplateProcessing: special token %q not defined", item.SpecialToken.ID)
			}
			if seen {
				t.suffix = append(t.suffix, st.IDs...)
			} else {
				t.prefix = append(t.prefix, st.IDs...)
			}
		}
	case "BertProcessing", "RobertaProcessing":
		var cls, sep []json.RawMessage
		if json.Unmarshal(p.Cls, &cls) != nil || json.Unmarshal(p.Sep, &sep) != nil || len(cls) != 2 || len(sep) != 2 {
			return fmt.Errorf("%s: bad cls/sep", p.Type)
		}
		var c, s int
		if json.Unmarshal(cls[1], &c) != nil || json.Unmarshal(sep[1], &s) != nil {
			return fmt.Errorf("%s: bad cls/sep ids", p.Type)
		}
		t.prefix, t.suffix = []int{c}, []int{s}
	case "ByteLevel":
	default:
		return fmt.Errorf("unsupported post-processor %q", p.Type)
	}
	return nil
}

// Prefix returns the ids the post-processor puts before a sequence (for
// example [CLS]).
func (t *Tokenizer) Prefix() []int { return t.prefix }

// Suffix returns the ids the post-processor puts after a sequence (for
// example [SEP]).
func (t *Tokenizer) Suffix() []int { return t.suffix }

// UnknownID returns the id the model gives a word it cannot spell (a
// WordPiece model's unk_token, a BPE model's when it has one).
func (t *Tokenizer) UnknownID() (int, bool) {
	switch {
	case t.wp != nil:
		return t.wp.unk, true
	case t.bpe != nil && t.bpe.unk >= 0:
		return t.bpe.unk, true
	}
	return 0, false
}

// TokenID returns the id of a token string.
func (t *Tokenizer) TokenID(tok string) (int, bool) {
	for _, a := range t.added {
		if a.Content == tok {
			return a.ID, true
		}
	}
	if t.wp != nil {
		if id, ok := t.wp.vocab[tok]; ok {
			return id, true
		}
		if rest, ok := strings.CutPrefix(tok, t.wpPrefix); ok {
			id, ok := t.wp.cont[rest]
			return id, ok
		}
		return 0, false
	}
	id, ok := t.bpe.vocab[tok]
	return id, ok
}

// Token returns the string of a token id.
func (t *Tokenizer) Token(id int) (string, bool) {
	s, ok := t.idToToken[id]
	return s, ok
}

// IsSpecial reports whether id is a special token.
func (t *Tokenizer) IsSpecial(id int) bool { return t.special[id] }

// VocabSize is one more than the largest id.
func (t *Tokenizer) VocabSize() int {
	n := 0
	for id := range t.idToToken {
		n = max(n, id+1)
	}
	return n
}

// Model names the tokenizer model type ("WordPiece" or "BPE").
func (t *Tokenizer) Model() string { return t.kind }

// Encode tokenizes text. With addSpecial the post-processor's special
// tokens (such as [CLS] and [SEP]) are added.
func (t *Tokenizer) Encode(text string, addSpecial bool) *Encoding {
	e := &Encoding{IDs: make([]int, 0, len(text)/4+4), Offsets: make([]Span, 0, len(text)/4+4)}
	if addSpecial {
		t.appendSpecial(e, t.prefix, 0)
	}
	var toks []token
	var buf []byte
	prev := 0
	for _, m := range t.findAdded(text) {
		toks, buf = t.encodeSection(e, text[prev:m.start], prev, toks, buf)
		a := t.added[m.index]
		e.IDs = append(e.IDs, a.ID)
		e.Offsets = append(e.Offsets, Span{m.start, m.end})
		e.Special = append(e.Special, a.Special)
		prev = m.end
	}
	t.encodeSection(e, text[prev:], prev, toks, buf)
	if addSpecial {
		t.appendSpecial(e, t.suffix, len(text))
	}
	if len(e.Special) < len(e.IDs) {
		e.Special = append(e.Special, make([]bool, len(e.IDs)-len(e.Special))...)
	}
	return e
}

func (t *Tokenizer) appendSpecial(e *Encoding, ids []int, at int) {
	for _, id := range ids {
		if len(e.Special) < len(e.IDs) {
			e.Special = append(e.Special, make([]bool, len(e.IDs)-len(e.Special))...)
		}
		e.IDs = append(e.IDs, id)
		e.Offsets = append(e.Offsets, Span{at, at})
		e.Special = append(e.Special, true)
	}
}

type addedMatch struct{ start, end, index int }

// findAdded finds added tokens in raw text, leftmost-longest, widening a
// match over surrounding whitespace for lstrip/rstrip tokens.
func (t *Tokenizer) findAdded(text string) []addedMatch {
	if len(t.added) == 0 {
		return nil
	}
	var out []addedMatch
	for i := 0; i < len(text); i++ {
		cands := t.addedByte[text[i]]
		if len(cands) == 0 {
			continue
		}
		for _, idx := range cands {
			a := t.added[idx]
			if !strings.HasPrefix(text[i:], a.Content) {
				continue
			}
			start, end := i, i+len(a.Content)
			floor := 0
			if len(out) > 0 {
				floor = out[len(out)-1].end
			}
			for a.LStrip && start > floor && isASCIISpace(text[start-1]) {
				start--
			}
			for a.RStrip && end < len(text) && isASCIISpace(text[end]) {
				end++
			}
			out = append(out, addedMatch{start, end, idx})
			i = end - 1
			break
		}
	}
	return out
}

func isASCIISpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// encodeSection normalises, pre-tokenizes and runs the model on text that
// holds no added tokens; base is its byte offset in the whole input.
func (t *Tokenizer) encodeSection(e *Encoding, text string, base int, toks []token, buf []byte) ([]token, []byte) {
	if text == "" {
		return toks, buf
	}
	n := newNormalized(text, base)
	if t.norm != nil {
		t.norm.normalize(n)
	}
	pieces := []piece{{start: 0, end: len(n.runes)}}
	if t.pre != nil {
		pieces = t.pre.split(n, pieces)
	}
	var runeAt []int // byte index in buf -> rune index in n
	for _, p := range pieces {
		if p.end <= p.start {
			continue
		}
		buf, runeAt = buf[:0], runeAt[:0]
		if p.prefixSpace {
			buf = append(buf, ' ')
			runeAt = append(runeAt, -1)
		}
		for i := p.start; i < p.end; i++ {
			before := len(buf)
			buf = utf8.AppendRune(buf, n.runes[i])
			for k := before; k < len(buf); k++ {
				runeAt = append(runeAt, i)
			}
		}
		toks = toks[:0]
		if t.wp != nil {
			toks = t.wp.tokenize(buf, toks)
		} else {
			toks = t.bpe.tokenize(buf, toks)
		}
		for _, tk := range toks {
			e.IDs = append(e.IDs, tk.id)
			e.Offsets = append(e.Offsets, spanOf(n, runeAt, tk.start, tk.end, p.start))
		}
	}
	return toks, buf
}

// spanOf maps a byte range of a piece back to the original input.
func spanOf(n *normalized, runeAt []int, start, end, first int) Span {
	r0, r1 := first, first
	for k := start; k < end; k++ {
		if runeAt[k] >= 0 {
			r0 = runeAt[k]
			break
		}
	}
	if end > start && runeAt[end-1] >= 0 {
		r1 = runeAt[end-1]
	} else {
		r1 = r0
	}
	if r0 >= len(n.align) {
		return Span{}
	}
	return Span{n.align[r0].Start, n.align[r1].End}
}

// Decode turns ids back into text, skipping special tokens when asked.
func (t *Tokenizer) Decode(ids []int, skipSpecial bool) string {
	var sb strings.Builder
	var bytes []byte
	flush := func() {
		sb.Write(bytes)
		bytes = bytes[:0]
	}
	for i, id := range ids {
		if skipSpecial && t.special[id] {
			continue
		}
		tok, ok := t.idToToken[id]
		if !ok {
			continue
		}
		if t.byteLevel && !t.isAdded(id) {
			for _, r := range tok {
				if b, ok := unicodeToByte[r]; ok {
					bytes = append(bytes, b)
				}
			}
			continue
		}
		flush()
		if t.wp != nil {
			if rest, ok := strings.CutPrefix(tok, t.wpPrefix); ok && t.wpPrefix != "" {
				sb.WriteString(rest)
				continue
			}
			if i > 0 && sb.Len() > 0 {
				sb.WriteByte(' ')
			}
		}
		sb.WriteString(tok)
	}
	flush()
	return sb.String()
}

func (t *Tokenizer) isAdded(id int) bool {
	for _, a := range t.added {
		if a.ID == id {
			return true
		}
	}
	return false
}
