#!/usr/bin/python3
"""Builds a small BERT-style WordPiece tokenizer.json for docmill's tests.

The vocabulary is learned from text the machine already has (the Go
distribution's documentation and source comments, BSD licence): every
character seen, the most frequent whole words and the most frequent word
suffixes as ##pieces, plus the first CJK ideographs so Chinese text maps to
real ids. It is a test fixture, not a model tokenizer.

usage: /usr/bin/python3 make_wordpiece.py GOROOT OUT_DIR
"""
import collections
import json
import os
import re
import sys
import unicodedata

VOCAB_SIZE = 6000


def corpus(root):
    for dirpath, _, files in os.walk(root):
        for f in sorted(files):
            if f.endswith((".go", ".html", ".md", ".txt")):
                try:
                    with open(os.path.join(dirpath, f), encoding="utf-8") as fh:
                        yield fh.read()
                except (UnicodeDecodeError, OSError):
                    continue


def normalise(text):
    text = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in text if unicodedata.category(c) != "Mn")


def words(text):
    return re.findall(r"[^\W_]+|[^\w\s]|_", normalise(text))


def main():
    root, out = sys.argv[1], sys.argv[2]
    counts = collections.Counter()
    for i, text in enumerate(corpus(os.path.join(root, "src"))):
        if i > 4000:
            break
        counts.update(words(text))
    for text in corpus(os.path.join(root, "doc")):
        counts.update(words(text))
    special = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    chars = sorted({c for w in counts for c in w if ord(c) < 0x3000})
    cjk = [chr(c) for c in range(0x4E00, 0x4E00 + 1500)]
    vocab = special + chars + ["##" + c for c in chars if c.isalnum()] + cjk
    seen = set(vocab)
    suffixes = collections.Counter()
    for w, n in counts.items():
        for k in range(2, min(len(w), 6)):
            suffixes["##" + w[-k:]] += n
    ranked = [w for w, _ in counts.most_common() if len(w) > 1]
    ranked_suf = [s for s, _ in suffixes.most_common()]
    while len(vocab) < VOCAB_SIZE and (ranked or ranked_suf):
        for src in (ranked, ranked_suf):
            if src:
                t = src.pop(0)
                if t not in seen:
                    seen.add(t)
                    vocab.append(t)
    tok = {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [
            {"id": i, "content": s, "single_word": False, "lstrip": False, "rstrip": False,
             "normalized": False, "special": True}
            for i, s in enumerate(special)
        ],
        "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True,
                       "strip_accents": None, "lowercase": True},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                       {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
            "pair": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                     {"SpecialToken": {"id": "[SEP]", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}},
                     {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
            "special_tokens": {"[CLS]": {"id": "[CLS]", "ids": [2], "tokens": ["[CLS]"]},
                               "[SEP]": {"id": "[SEP]", "ids": [3], "tokens": ["[SEP]"]}},
        },
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                  "max_input_chars_per_word": 100, "vocab": {t: i for i, t in enumerate(vocab)}},
    }
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "tokenizer.json"), "w", encoding="utf-8") as fh:
        json.dump(tok, fh, ensure_ascii=False)
    # The same vocabulary with the pipeline docmill-mini's trainer writes:
    # Replace(each non-ASCII space), NFD, BertNormalizer(strip_accents=true),
    # BertProcessing.
    spaces = ["\u0085", "\u00a0", "\u1680"] + [chr(c) for c in range(0x2000, 0x200B)] + \
        ["\u2028", "\u2029", "\u202f", "\u205f", "\u3000"]
    seq = [{"type": "Replace", "pattern": {"String": c}, "content": " "} for c in spaces]
    seq += [{"type": "NFD"}, {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True,
                              "strip_accents": True, "lowercase": True}]
    tok["normalizer"] = {"type": "Sequence", "normalizers": seq}
    tok["post_processor"] = {"type": "BertProcessing", "sep": ["[SEP]", 3], "cls": ["[CLS]", 2]}
    seq_dir = out.rstrip("/") + "-seq"
    os.makedirs(seq_dir, exist_ok=True)
    with open(os.path.join(seq_dir, "tokenizer.json"), "w", encoding="utf-8") as fh:
        json.dump(tok, fh, ensure_ascii=False)
    print(len(vocab), "tokens")


if __name__ == "__main__":
    main()
