"""Turns the JSONL corpus into token-level training examples.

Every example is a whole document as token ids (no [CLS]/[SEP]); the
trainer cuts windows. Optional per-token targets:
  kw   1 where the token lies inside an occurrence of a gold key phrase
  sal  1 where the token's sentence is in the oracle extractive summary
"""

import json
import os
import re

import numpy as np

import tokenizer as T

_SENT_END = re.compile(r"(?<=[.!?;])\s+|(?<=[.!?;])(?=[\u4e00-\u9fff])|(?<=[。！？；])|\n+")


def read_jsonl(path, limit=None):
    """All rows, or with limit an evenly spaced slice (so every source is represented)."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                out.append(json.loads(line))
    if limit and len(out) > limit:
        step = len(out) / float(limit)
        out = [out[int(i * step)] for i in range(limit)]
    return out


def sentences(text):
    """Split into sentences at boundaries the pre-tokenizer also splits at."""
    parts = [p for p in _SENT_END.split(text) if p and p.strip()]
    return parts


def _units(s, zh):
    s = s.lower()
    if zh:
        return [c for c in s if not c.isspace() and not T._is_punct(c)]
    return re.findall(r"[a-z0-9]+", s)


def rouge1(cand, ref):
    if not cand or not ref:
        return 0.0
    from collections import Counter
    c, r = Counter(cand), Counter(ref)
    ov = sum((c & r).values())
    if ov == 0:
        return 0.0
    p, rr = ov / len(cand), ov / len(ref)
    return 2 * p * rr / (p + rr)


def oracle(sents, summary, zh, max_sents=3):
    """Greedy ROUGE-1 oracle: sentence indices that best cover the summary."""
    ref = _units(summary, zh)
    units = [_units(s, zh) for s in sents]
    chosen, best = [], 0.0
    while len(chosen) < max_sents:
        cand = None
        for i in range(len(sents)):
            if i in chosen:
                continue
            sc = rouge1(sum((units[j] for j in chosen + [i]), []), ref)
            if sc > best + 1e-9:
                best, cand = sc, i
        if cand is None:
            break
        chosen.append(cand)
    return sorted(chosen)


def keyword_labels(wp, ids, keywords):
    """0/1 per token: inside a whole-word occurrence of any key phrase."""
    arr = np.asarray(ids, dtype=np.int64)
    lab = np.zeros(len(ids), dtype=np.int8)
    cont = np.array([t.startswith("##") for t in wp.vocab], dtype=bool)
    is_cont = cont[arr] if len(arr) else np.zeros(0, dtype=bool)
    for k in keywords:
        kid = wp.encode(k)
        if not kid or T.UNK in kid:
            continue
        n = len(kid)
        starts = np.nonzero(arr == kid[0])[0]
        for s in starts:
            if s + n > len(arr) or is_cont[s]:
                continue
            if list(arr[s:s + n]) != kid:
                continue
            if s + n < len(arr) and is_cont[s + n]:
                continue
            lab[s:s + n] = 1
    return lab


class Example:
    __slots__ = ("id", "ids", "label", "subtype", "kw", "sal", "sent", "lang", "ref")

    def __init__(self, id, ids, label=-100, subtype=-100, kw=None, sal=None, sent=None, lang="en", ref=None):
        self.id, self.ids, self.label, self.subtype = id, ids, label, subtype
        self.kw, self.sal, self.sent, self.lang, self.ref = kw, sal, sent, lang, ref


def load_split(corpus_dir, split, wp, labels, subtypes, limit=None, max_chars=None):
    """Returns dict task -> list[Example] for one split."""
    lab_idx = {k: i for i, k in enumerate(labels)}
    sub_idx = {k: i for i, k in enumerate(subtypes)}
    cls_rows = read_jsonl(os.path.join(corpus_dir, "classify_%s.jsonl" % split), limit)
    # Class targets for keyword/salience rows come from the same document's
    # classify row when there is one (ids are shared across tasks).
    by_id = {r["id"]: r for r in read_jsonl(os.path.join(corpus_dir, "classify_%s.jsonl" % split))}

    def cut(t):
        return t[:max_chars] if max_chars else t

    def cls_of(rid):
        r = by_id.get(rid)
        if r is None:
            return -100, -100
        return lab_idx[r["label"]], sub_idx.get(r["subtype"], -100)

    out = {"classify": [], "keywords": [], "salience": []}
    for r in cls_rows:
        ids = np.asarray(wp.encode(cut(r["text"])), dtype=np.int32)
        out["classify"].append(Example(r["id"], ids, lab_idx[r["label"]], sub_idx.get(r["subtype"], -100)))
    for r in read_jsonl(os.path.join(corpus_dir, "keywords_%s.jsonl" % split), limit):
        ids = wp.encode(cut(r["text"]))
        kw = keyword_labels(wp, ids, r["keywords"])
        if kw.sum() == 0:
            continue
        lab, sub = cls_of(r["id"])
        out["keywords"].append(Example(r["id"], np.asarray(ids, dtype=np.int32), lab, sub, kw=kw, lang=r["language"], ref=r["keywords"]))
    for r in read_jsonl(os.path.join(corpus_dir, "salience_%s.jsonl" % split), limit):
        zh = r["language"] == "zh"
        sents = sentences(cut(r["text"]))
        if len(sents) < 2:
            continue
        pick = set(oracle(sents, r["summary"], zh))
        if not pick:
            continue
        ids, sal, sent = [], [], []
        for i, s in enumerate(sents):
            t = wp.encode(s)
            ids.extend(t)
            sal.extend([1 if i in pick else 0] * len(t))
            sent.extend([i] * len(t))
        lab, sub = cls_of(r["id"])
        out["salience"].append(Example(r["id"], np.asarray(ids, dtype=np.int32), lab, sub,
                                       sal=np.asarray(sal, dtype=np.int8), sent=np.asarray(sent, dtype=np.int32),
                                       lang=r["language"], ref=r["summary"]))
    return out


def subtype_list(corpus_dir):
    """Sorted subtype labels seen in the training split, "none" last."""
    subs = set()
    for r in read_jsonl(os.path.join(corpus_dir, "classify_train.jsonl")):
        subs.add(r["subtype"])
    subs.discard("none")
    return sorted(subs) + ["none"]
