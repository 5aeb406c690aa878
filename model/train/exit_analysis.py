#!/usr/bin/python3
"""Early-exit analysis of a trained checkpoint (Python side, fp32).

Usage (from the repository root, after train.py):
    /usr/bin/python3 model/train/exit_analysis.py [--work model/train/work] [--cost 0.35]

For confidence thresholds t, a document leaves at the shallow exit when the
shallow class head's max softmax is >= t, otherwise it goes to full depth.
The threshold is chosen on dev (the lowest t whose dev accuracy is within
0.5 point of full depth) and reported on test: fraction of documents that
exit early, accuracy, and the expected cost relative to always-full depth
given the shallow segment's relative cost (--cost, default 0.35: the ORT
timing of lower vs lower+upper in ../shared/notes/MODEL.md; an estimate,
not a latency measurement; `docmill eval` measures latency).
"""

import argparse
import json
import os
import pickle
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import torch  # noqa: E402

import model as M  # noqa: E402
import tokenizer as T  # noqa: E402


def scores(model, examples, L, bs=16):
    conf, pred_s, pred_f, gold = [], [], [], []
    with torch.no_grad():
        for i in range(0, len(examples), bs):
            chunk = examples[i:i + bs]
            rows = [[T.CLS] + [int(x) for x in e.ids[:L]] + [T.SEP] for e in chunk]
            S = max(len(r) for r in rows)
            ids = torch.zeros((len(rows), S), dtype=torch.long)
            mask = torch.zeros((len(rows), S), dtype=torch.long)
            for j, r in enumerate(rows):
                ids[j, :len(r)] = torch.tensor(r)
                mask[j, :len(r)] = 1
            h = model.lower(ids, mask)
            cs = torch.softmax(model.shallow(h, mask)[0], -1)
            cf = model.full(model.upper(h, mask), mask)[0]
            conf += cs.max(-1).values.tolist()
            pred_s += cs.argmax(-1).tolist()
            pred_f += cf.argmax(-1).tolist()
            gold += [e.label for e in chunk]
    return np.array(conf), np.array(pred_s), np.array(pred_f), np.array(gold)


def sweep(conf, ps, pf, gold, cost):
    out = []
    for t in [0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.999, 1.01]:
        early = conf >= t
        pred = np.where(early, ps, pf)
        frac = float(early.mean())
        out.append({"threshold": t, "early_fraction": round(frac, 4), "accuracy": round(float((pred == gold).mean()), 4),
                    "relative_cost": round(frac * cost + (1 - frac) * 1.0, 4)})
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", default=os.path.join(HERE, "work"))
    ap.add_argument("--cost", type=float, default=0.35)
    args = ap.parse_args()
    torch.set_num_threads(2)
    st = torch.load(os.path.join(args.work, "checkpoint.pt"))
    model = M.MultiExit(M.Config.from_dict(st["config"]))
    model.load_state_dict(st["model"])
    model.eval()
    with open(os.path.join(args.work, "examples.pkl"), "rb") as f:
        ex = pickle.load(f)
    L = model.c.max_len - 2
    res = {}
    for split in ("dev", "test"):
        res[split] = scores(model, ex[split]["classify"], L)
    full_dev = float((res["dev"][2] == res["dev"][3]).mean())
    dev_sweep = sweep(*res["dev"], args.cost)
    chosen = next(r for r in dev_sweep if r["accuracy"] >= full_dev - 0.005)
    test_sweep = sweep(*res["test"], args.cost)
    test_at = next(r for r in test_sweep if r["threshold"] == chosen["threshold"])
    out = {"cost_shallow_relative": args.cost, "dev_full_accuracy": round(full_dev, 4),
           "test_full_accuracy": round(float((res["test"][2] == res["test"][3]).mean()), 4),
           "test_shallow_accuracy": round(float((res["test"][1] == res["test"][3]).mean()), 4),
           "chosen_on_dev": chosen, "test_at_chosen": test_at,
           "expected_speedup_at_chosen": round(1.0 / test_at["relative_cost"], 3),
           "dev_sweep": dev_sweep, "test_sweep": test_sweep}
    path = os.path.join(args.work, "exit_analysis.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
    print(json.dumps({k: v for k, v in out.items() if not k.endswith("sweep")}, indent=1))


if __name__ == "__main__":
    main()
