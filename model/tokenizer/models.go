package tokenizer

import (
	"container/heap"
	"sync"
	"unicode/utf8"
)

// token is one model output: its id and the byte range [start, end) it
// covers inside the piece's UTF-8 bytes (after any prefix space).
type token struct {
	id         int
	start, end int
}

// wordPiece is greedy longest-match-first WordPiece.
type wordPiece struct {
	vocab    map[string]int // word-initial pieces
	cont     map[string]int // continuation pieces, keyed without the prefix
	unk      int
	maxChars int
}

func (w *wordPiece) tokenize(word []byte, out []token) []token {
	if utf8.RuneCount(word) > w.maxChars {
		return append(out, token{id: w.unk, start: 0, end: len(word)})
	}
	mark := len(out)
	for start := 0; start < len(word); {
		end := len(word)
		found := -1
		for end > start {
			var id int
			var ok bool
			if start == 0 {
				id, ok = w.vocab[string(word[start:end])]
			} else {
				id, ok = w.cont[string(word[start:end])]
			}
			if ok {
				found = id
				break
			}
			end--
			for end > start && !utf8.RuneStart(word[end]) {
				end--
			}
		}
		if found < 0 {
			return append(out[:mark], token{id: w.unk, start: 0, end: len(word)})
		}
		out = append(out, token{id: found, start: start, end: end})
		start = end
	}
	return out
}

// bpe is byte-pair encoding over symbols; for byte-level tokenizers the
// symbols are the GPT-2 byte-to-unicode characters of the piece's bytes.
type bpe struct {
	vocab        map[string]int
	merges       map[[2]int]merge
	unk          int // -1 when the model has none
	byteLevel    bool
	ignoreMerges bool
	byteFallback bool
	symLen       []int // per id: how many input bytes the token stands for (byte level)

	mu    sync.RWMutex
	cache map[string][]int
}

type merge struct{ rank, id int }

const bpeCacheMax = 50000

func (b *bpe) tokenize(word []byte, out []token) []token {
	ids := b.cachedIDs(word)
	pos := 0
	for _, id := range ids {
		n := b.byteLen(id, word[pos:])
		out = append(out, token{id: id, start: pos, end: pos + n})
		pos += n
	}
	return out
}

// byteLen is how many bytes of rest the token id consumes.
func (b *bpe) byteLen(id int, rest []byte) int {
	if id >= 0 && id < len(b.symLen) && b.symLen[id] > 0 {
		return min(b.symLen[id], len(rest))
	}
	_, size := utf8.DecodeRune(rest)
	return size
}

func (b *bpe) cachedIDs(word []byte) []int {
	b.mu.RLock()
	ids, ok := b.cache[string(word)]
	b.mu.RUnlock()
	if ok {
		return ids
	}
	ids = b.merge(word)
	b.mu.Lock()
	if len(b.cache) >= bpeCacheMax {
		b.cache = make(map[string][]int, bpeCacheMax)
	}
	b.cache[string(word)] = ids
	b.mu.Unlock()
	return ids
}

func (b *bpe) symbols(word []byte) []string {
	var syms []string
	if b.byteLevel {
		syms = make([]string, len(word))
		for i, c := range word {
			syms[i] = byteToUnicode[c]
		}
		return syms
	}
	for _, r := range string(word) {
		syms = append(syms, string(r))
	}
	return syms
}

func (b *bpe) merge(word []byte) []int {
	syms := b.symbols(word)
	if b.ignoreMerges {
		if id, ok := b.vocab[joinStrings(syms)]; ok {
			return []int{id}
		}
	}
	ids := make([]int, 0, len(syms))
	for _, s := range syms {
		id, ok := b.vocab[s]
		switch {
		case ok:
			ids = append(ids, id)
		case b.byteFallback:
			for _, c := range []byte(s) {
				ids = append(ids, b.vocab[byteFallbackToken(c)])
			}
		default:
			ids = append(ids, b.unk)
		}
	}
	if len(ids) > 24 {
		return b.mergeLong(ids)
	}
	return b.mergeShort(ids)
}

// mergeShort applies merges by rescanning for the lowest-ranked pair:
// quadratic, fastest for the short words that make up most text.
func (b *bpe) mergeShort(ids []int) []int {
	for len(ids) > 1 {
		best, at := merge{rank: -1}, -1
		for i := 0; i+1 < len(ids); i++ {
			if m, ok := b.merges[[2]int{ids[i], ids[i+1]}]; ok && (at < 0 || m.rank < best.rank) {
				best, at = m, i
			}
		}
		if at < 0 {
			break
		}
		ids[at] = best.id
		ids = append(ids[:at+1], ids[at+2:]...)
	}
	return ids
}

func byteFallbackToken(c byte) string {
	const hex = "0123456789ABCDEF"
	return string([]byte{'<', '0', 'x', hex[c>>4], hex[c&15], '>'})
}

func joinStrings(s []string) string {
	n := 0
	for _, x := range s {
		n += len(x)
	}
	b := make([]byte, 0, n)
	for _, x := range s {
		b = append(b, x...)
	}
	return string(b)
}

// byteToUnicode is GPT-2's reversible map from bytes to printable runes.
var byteToUnicode, unicodeToByte = buildByteMaps()

func buildByteMaps() ([256]string, map[rune]byte) {
	var fwd [256]string
	rev := make(map[rune]byte, 256)
	keep := func(b int) bool {
		return (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF)
	}
	n := 0
	for b := 0; b < 256; b++ {
		r := rune(b)
		if !keep(b) {
			r = rune(256 + n)
			n++
		}
		fwd[b] = string(r)
		rev[r] = byte(b)
	}
	return fwd, rev
}

// mergeLong applies merges to a long symbol sequence in O(n log n): a heap
// of candidate pairs ordered by (rank, position) over a linked list, the
// same order as the quadratic loop (lowest rank first, leftmost on ties).
func (b *bpe) mergeLong(ids []int) []int {
	n := len(ids)
	next := make([]int, n)
	prev := make([]int, n)
	alive := make([]bool, n)
	for i := range ids {
		next[i], prev[i], alive[i] = i+1, i-1, true
	}
	next[n-1] = -1
	h := &pairHeap{}
	push := func(i int) {
		if i < 0 || next[i] < 0 {
			return
		}
		if m, ok := b.merges[[2]int{ids[i], ids[next[i]]}]; ok {
			heap.Push(h, pairAt{rank: m.rank, pos: i, left: ids[i], right: ids[next[i]], id: m.id})
		}
	}
	for i := 0; i+1 < n; i++ {
		push(i)
	}
	for h.Len() > 0 {
		p := heap.Pop(h).(pairAt)
		r := next[p.pos]
		if !alive[p.pos] || r < 0 || ids[p.pos] != p.left || ids[r] != p.right {
			continue // stale: a neighbour was merged since this pair was pushed
		}
		ids[p.pos] = p.id
		alive[r] = false
		next[p.pos] = next[r]
		if next[r] >= 0 {
			prev[next[r]] = p.pos
		}
		push(prev[p.pos])
		push(p.pos)
	}
	out := make([]int, 0, n)
	for i := 0; i >= 0; i = next[i] {
		out = append(out, ids[i])
	}
	return out
}

type pairAt struct{ rank, pos, left, right, id int }

type pairHeap []pairAt

func (h pairHeap) Len() int { return len(h) }
func (h pairHeap) Less(i, j int) bool {
	if h[i].rank != h[j].rank {
		return h[i].rank < h[j].rank
	}
	return h[i].pos < h[j].pos
}
func (h pairHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *pairHeap) Push(x any)   { *h = append(*h, x.(pairAt)) }
func (h *pairHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
