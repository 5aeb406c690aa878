#!/usr/bin/env python3
"""Builds an out-of-distribution classification set from evaluation-only
data, for `docmill eval --task classify`:

  /usr/bin/python3 eval/scripts/ood_classify.py > /tmp/ood_classify.jsonl
  docmill eval --task classify --data /tmp/ood_classify.jsonl --tier model|free

- label "log": real system logs from loghub_2k (research-only licence, so
  never trained on; the training corpus has generated logs only): for each
  system, 5 excerpts of 40 consecutive lines taken 400 lines apart.
- label "other": English scientific abstracts from keyphrase_en (Inspec,
  SemEval2010), skipping the fixed keyword-tuning subset
  (int(sha256(id)[:8], 16) % 5 == 0); the training corpus has no English
  abstracts.

Neither tier trains on these sources, so the set measures how each one
generalises beyond the corpus it was fitted on. It is small (260 documents)
and has two classes only.
"""
import hashlib
import json
import os
import sys

DATASETS = os.environ.get("DOCMILL_DATASETS") or os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "datasets")


def main():
    out = sys.stdout
    logs = os.path.join(DATASETS, "loghub_2k")
    for system in sorted(os.listdir(logs)):
        path = os.path.join(logs, system, system + "_2k.log")
        if not os.path.exists(path):
            continue
        lines = open(path, errors="replace").read().splitlines()
        for k in range(5):
            chunk = lines[k * 400:k * 400 + 40]
            out.write(json.dumps({"id": "loghub/%s/%d" % (system, k), "text": "\n".join(chunk), "label": "log"}) + "\n")
    for name, limit in (("inspec", 150), ("semeval2010", 50)):
        taken = 0
        for line in open(os.path.join(DATASETS, "keyphrase_en", name + ".jsonl")):
            d = json.loads(line)
            if int(hashlib.sha256(d["id"].encode()).hexdigest()[:8], 16) % 5 == 0:
                continue
            out.write(json.dumps({"id": "%s/%s" % (name, d["id"]), "text": d["text"], "label": "other"}) + "\n")
            taken += 1
            if taken >= limit:
                break


if __name__ == "__main__":
    main()
