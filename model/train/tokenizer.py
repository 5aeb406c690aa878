"""A deterministic pure-Python WordPiece tokenizer: trainer, encoder and HF export.

The encoder reproduces what a Hugging Face tokenizer.json with this
pipeline does, so that the Go runtime (which reads tokenizer.json) and
training agree on ids:

  normalizer  Sequence[Replace(each non-ASCII space -> " "), NFD,
                       BertNormalizer(clean_text, handle_chinese_chars,
                                      strip_accents=true, lowercase=true)]
  pre-tok     BertPreTokenizer (split on whitespace, isolate punctuation)
  model       WordPiece, "##" continuation, [UNK], max 100 chars a word
  post        BertProcessing: [CLS] ... [SEP]

The explicit Replace and NFD steps look redundant but are there for the Go
tokenizer (sugarme), which only maps ASCII whitespace, reads a null
strip_accents as false and does not decompose before stripping accents
(see shared notes MODEL.md). Regex Replace is avoided for the same reason.

Training is BPE-style merging over word counts, as the HF WordPiece
trainer does, with ties broken by the pair itself so results never depend
on dict order.
"""

import collections
import heapq
import json
import unicodedata

SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
PAD, UNK, CLS, SEP, MASK = range(5)
MAX_WORD_CHARS = 100

# Non-ASCII characters Rust's char::is_whitespace accepts (Zs, Zl, Zp, NEL).
NON_ASCII_SPACES = ["\u0085", "\u00a0", "\u1680"] + [chr(c) for c in range(0x2000, 0x200B)] + ["\u2028", "\u2029", "\u202f", "\u205f", "\u3000"]
_SPACE_MAP = {ord(c): " " for c in NON_ASCII_SPACES}


def _is_chinese(cp):
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF
            or 0x2A700 <= cp <= 0x2B73F or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF
            or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


def _is_control(ch):
    if ch in "\t\n\r":
        return False
    return unicodedata.category(ch) in ("Cc", "Cf", "Cn", "Co")


def _is_whitespace(ch):
    return ch in " \t\n\r\x0b\x0c" or ch in NON_ASCII_SPACES


def _is_punct(ch):
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def normalize(text):
    """The tokenizer.json normalizer sequence, in Python."""
    text = unicodedata.normalize("NFD", text.translate(_SPACE_MAP))
    out = []
    for ch in text:
        cp = ord(ch)
        if cp == 0 or cp == 0xFFFD or _is_control(ch):
            continue
        if _is_whitespace(ch):
            out.append(" ")
        elif _is_chinese(cp):
            out.append(" ")
            out.append(ch)
            out.append(" ")
        else:
            out.append(ch)
    text = unicodedata.normalize("NFD", "".join(out))
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return text.lower()


def pre_tokenize(text):
    """BertPreTokenizer: whitespace split, each punctuation char its own word."""
    words = []
    for chunk in text.split():
        cur = []
        for ch in chunk:
            if _is_punct(ch):
                if cur:
                    words.append("".join(cur))
                    cur = []
                words.append(ch)
            else:
                cur.append(ch)
        if cur:
            words.append("".join(cur))
    return words


def words_of(text):
    return pre_tokenize(normalize(text))


def train(texts, vocab_size=10000, min_char_count=3, max_chars_per_text=60000):
    """Learn a WordPiece vocabulary (list of tokens, specials first)."""
    counts = collections.Counter()
    for t in texts:
        counts.update(words_of(t[:max_chars_per_text]))
    # Alphabet: characters seen often enough, as word-initial and "##" forms.
    char_counts = collections.Counter()
    for w, c in counts.items():
        for ch in w:
            char_counts[ch] += c
    alphabet = sorted(ch for ch, c in char_counts.items() if c >= min_char_count)
    vocab = list(SPECIALS)
    seen = set(vocab)
    for ch in alphabet:
        if ch not in seen:
            vocab.append(ch)
            seen.add(ch)
    for ch in alphabet:
        if len(ch) == 1 and not _is_chinese(ord(ch)) and not _is_punct(ch):
            t = "##" + ch
            if t not in seen:
                vocab.append(t)
                seen.add(t)
    # Words as symbol sequences; skip words holding characters outside the alphabet.
    alpha = set(alphabet)
    words, freqs = [], []
    for w, c in sorted(counts.items()):
        if len(w) < 2 or len(w) > MAX_WORD_CHARS or any(ch not in alpha for ch in w):
            continue
        if c < 2:
            continue
        words.append([w[0]] + ["##" + ch for ch in w[1:]])
        freqs.append(c)
    pair_count = collections.Counter()
    where = collections.defaultdict(set)
    for i, syms in enumerate(words):
        for a, b in zip(syms, syms[1:]):
            pair_count[(a, b)] += freqs[i]
            where[(a, b)].add(i)
    heap = [(-c, p) for p, c in pair_count.items()]
    heapq.heapify(heap)
    while len(vocab) < vocab_size and heap:
        negc, pair = heapq.heappop(heap)
        c = pair_count.get(pair, 0)
        if c <= 0:
            continue
        if -negc != c:
            heapq.heappush(heap, (-c, pair))
            continue
        a, b = pair
        new = a + (b[2:] if b.startswith("##") else b)
        if new not in seen:
            vocab.append(new)
            seen.add(new)
        changed = collections.Counter()
        for i in sorted(where.pop(pair, ())):
            syms = words[i]
            f = freqs[i]
            for x, y in zip(syms, syms[1:]):
                changed[(x, y)] -= f
            j, merged = 0, []
            while j < len(syms):
                if j + 1 < len(syms) and syms[j] == a and syms[j + 1] == b:
                    merged.append(new)
                    j += 2
                else:
                    merged.append(syms[j])
                    j += 1
            words[i] = merged
            for x, y in zip(merged, merged[1:]):
                changed[(x, y)] += f
                where[(x, y)].add(i)
        pair_count[pair] = 0
        for p, d in changed.items():
            if d == 0 or p == pair:
                continue
            pair_count[p] += d
            if d > 0:
                heapq.heappush(heap, (-pair_count[p], p))
    return vocab


class WordPiece:
    """Encoder over a trained vocabulary."""

    def __init__(self, vocab):
        self.vocab = list(vocab)
        self.ids = {t: i for i, t in enumerate(self.vocab)}
        self._cache = {}

    def word_ids(self, word):
        r = self._cache.get(word)
        if r is not None:
            return r
        if len(word) > MAX_WORD_CHARS:
            r = [UNK]
        else:
            r, start = [], 0
            while start < len(word):
                end, cur = len(word), None
                while start < end:
                    piece = word[start:end] if start == 0 else "##" + word[start:end]
                    if piece in self.ids:
                        cur = self.ids[piece]
                        break
                    end -= 1
                if cur is None:
                    r = [UNK]
                    break
                r.append(cur)
                start = end
        if len(self._cache) < 2000000:
            self._cache[word] = r
        return r

    def encode(self, text):
        """Token ids without [CLS]/[SEP]."""
        out = []
        for w in words_of(text):
            out.extend(self.word_ids(w))
        return out

    def encode_words(self, text):
        """Token ids plus, per token, the index of the pre-token word it came from."""
        ids, widx = [], []
        for k, w in enumerate(words_of(text)):
            p = self.word_ids(w)
            ids.extend(p)
            widx.extend([k] * len(p))
        return ids, widx

    def to_hf_json(self):
        added = [{"id": i, "content": t, "single_word": False, "lstrip": False, "rstrip": False,
                  "normalized": False, "special": True} for i, t in enumerate(SPECIALS)]
        normalizers = [{"type": "Replace", "pattern": {"String": c}, "content": " "} for c in NON_ASCII_SPACES]
        normalizers.append({"type": "NFD"})
        normalizers.append({"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True,
                            "strip_accents": True, "lowercase": True})
        return {
            "version": "1.0",
            "truncation": None,
            "padding": None,
            "added_tokens": added,
            "normalizer": {"type": "Sequence", "normalizers": normalizers},
            "pre_tokenizer": {"type": "BertPreTokenizer"},
            "post_processor": {"type": "BertProcessing", "sep": ["[SEP]", SEP], "cls": ["[CLS]", CLS]},
            "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
            "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                      "max_input_chars_per_word": MAX_WORD_CHARS,
                      "vocab": {t: i for i, t in enumerate(self.vocab)}},
        }

    def save(self, path):
        with open(path, "w", encoding="utf-8") as f:
            json.dump(self.to_hf_json(), f, ensure_ascii=False, indent=1)

    @classmethod
    def load(cls, path):
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        v = d["model"]["vocab"]
        vocab = [None] * len(v)
        for t, i in v.items():
            vocab[i] = t
        return cls(vocab)
