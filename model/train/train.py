#!/usr/bin/python3
"""docmill-mini recipe: corpus -> tokenizer -> (MLM) -> multi-task -> ONNX -> int8 -> eval -> bundle.

Usage (from the repository root):
    /usr/bin/python3 model/train/train.py [--tiny] [--out DIR] [--resume] [--steps N]

The default configuration is the one that produced model/bundles/docmill-mini
(see model/MODEL_CARD.md). --tiny runs the same pipeline on a thin model and a
slice of the data in a few minutes (used by train_test.go).
Work files (corpus, checkpoints, log) go to model/train/work/ (git-ignored),
or to <out>/work with --tiny.
"""

import argparse
import json
import math
import os
import pickle
import random
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
# OpenBLAS's own threads busy-wait; on this shared 2-core machine that made
# fp32 evaluation 5x slower. torch's threads (set_num_threads) do the work.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, HERE)

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

import corpus as C  # noqa: E402
import data as D  # noqa: E402
import model as M  # noqa: E402
import tokenizer as T  # noqa: E402

LABELS = C.LABELS
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))

DEFAULT = dict(
    vocab_size=10000, hidden=192, layers=12, heads=4, ffn=576, max_len=256, exit_layer=1,
    batch=16, mlm_steps=0, steps=3000, lr=4e-4, warmup=300, seed=1234, crop_cls=0.0,
    limit_docs=None, max_chars=None, eval_limit=None, ckpt_minutes=5,
)
TINY = dict(
    vocab_size=2000, hidden=64, layers=6, heads=2, ffn=128, max_len=128, exit_layer=2,
    batch=8, mlm_steps=10, steps=40, lr=1e-3, warmup=5, seed=1234, crop_cls=0.0,
    limit_docs=120, max_chars=4000, eval_limit=40, ckpt_minutes=5,
)


def log(*a):
    print(time.strftime("%H:%M:%S"), *a, flush=True)


class Batcher:
    """Samples mixed multi-task batches of windows from whole-document examples."""

    def __init__(self, ex, cfg, rng):
        self.rng = rng
        self.L = cfg["max_len"] - 2
        self.by_label = {}
        for e in ex["classify"]:
            self.by_label.setdefault(e.label, []).append(e)
        self.kw = ex["keywords"]
        self.sal = ex["salience"]
        self.all = ex["classify"] + ex["keywords"] + ex["salience"]
        b = cfg["batch"]
        self.n_cls = b // 2
        self.n_kw = b // 4
        self.n_sal = b - self.n_cls - self.n_kw
        self.crop = cfg.get("crop_cls", 0.0)

    def cls_window(self, e):
        """A classification window; with probability crop_cls an excerpt of
        random length (32 tokens to a full window, log-uniform) from anywhere
        in the document, so that length cannot tell the classes apart. Off by
        default: tried against the abstracts the model calls contracts
        (--crop-cls 0.3, otherwise the default run) it changed little
        (MODEL_CARD.md, "Length-cropped classification windows")."""
        n = len(e.ids)
        # no draw when off, so the default run keeps its random stream
        if self.crop > 0 and n > 32 and self.rng.random() < self.crop:
            L = int(round(math.exp(self.rng.uniform(math.log(32), math.log(min(n, self.L))))))
            s = self.rng.randrange(0, n - L + 1)
            return s, s + L
        return self.window(e)

    def window(self, e):
        n = len(e.ids)
        if n <= self.L or self.rng.random() < 0.5:
            s = 0
        else:
            s = self.rng.randrange(0, n - self.L + 1)
        return s, s + self.L

    def pick_cls(self):
        labs = sorted(self.by_label)
        return self.rng.choice(self.by_label[self.rng.choice(labs)])

    def multitask(self):
        items = [self.pick_cls() for _ in range(self.n_cls)]
        if self.kw:
            items += [self.rng.choice(self.kw) for _ in range(self.n_kw)]
        if self.sal:
            items += [self.rng.choice(self.sal) for _ in range(self.n_sal)]
        spans = [self.cls_window(e) for e in items[:self.n_cls]] + [self.window(e) for e in items[self.n_cls:]]
        return collate(items, spans)

    def mlm(self):
        items = [self.rng.choice(self.all) for _ in range(self.n_cls + self.n_kw + self.n_sal)]
        return collate(items, [self.window(e) for e in items])


def collate(items, spans):
    """Pads windows to the longest; adds [CLS]/[SEP]; targets use -100 (or mask 0) for 'none'."""
    lens = [e2 - s for (s, e2), e in zip(spans, items)]
    lens = [min(l, len(e.ids) - s) for l, (s, _), e in zip(lens, spans, items)]
    # Few distinct shapes: oneDNN builds kernels per shape, and a new
    # length every batch made the first hundreds of steps 10x slower.
    S = -(-(max(lens) + 2) // 64) * 64
    B = len(items)
    ids = np.zeros((B, S), dtype=np.int64)
    mask = np.zeros((B, S), dtype=np.int64)
    kw = np.zeros((B, S), dtype=np.float32)
    kwm = np.zeros((B, S), dtype=np.float32)
    sal = np.zeros((B, S), dtype=np.float32)
    salm = np.zeros((B, S), dtype=np.float32)
    lab = np.full(B, -100, dtype=np.int64)
    sub = np.full(B, -100, dtype=np.int64)
    for i, (e, (s, _), n) in enumerate(zip(items, spans, lens)):
        ids[i, 0] = T.CLS
        ids[i, 1:1 + n] = e.ids[s:s + n]
        ids[i, 1 + n] = T.SEP
        mask[i, :n + 2] = 1
        lab[i], sub[i] = e.label, e.subtype
        if e.kw is not None:
            kw[i, 1:1 + n] = e.kw[s:s + n]
            kwm[i, 1:1 + n] = 1
        if e.sal is not None:
            sal[i, 1:1 + n] = e.sal[s:s + n]
            salm[i, 1:1 + n] = 1
    t = torch.from_numpy
    return dict(ids=t(ids), mask=t(mask), kw=t(kw), kwm=t(kwm), sal=t(sal), salm=t(salm), lab=t(lab), sub=t(sub),
                ntok=int(mask.sum()))


def masked_bce(logits, target, m, pos_weight):
    if m.sum() == 0:
        return logits.sum() * 0.0
    l = F.binary_cross_entropy_with_logits(logits.float(), target, reduction="none",
                                           pos_weight=torch.tensor(pos_weight))
    return (l * m).sum() / m.sum()


def ce(logits, y):
    if (y != -100).sum() == 0:
        return logits.sum() * 0.0
    return F.cross_entropy(logits.float(), y, ignore_index=-100)


def multitask_loss(model, b):
    h, top, sh, fu = model(b["ids"], b["mask"])
    parts = {}
    for name, heads in (("shallow", sh), ("full", fu)):
        parts[name + "_class"] = ce(heads[0], b["lab"])
        parts[name + "_subtype"] = 0.5 * ce(heads[1], b["sub"])
        parts[name + "_kw"] = masked_bce(heads[2], b["kw"], b["kwm"], 3.0)
    parts["full_sal"] = masked_bce(fu[3], b["sal"], b["salm"], 2.0)
    return sum(parts.values()), parts


def mlm_loss(model, b, rng_t):
    ids = b["ids"].clone()
    real = (b["mask"] == 1) & (ids > T.MASK)
    sel = (torch.rand(ids.shape, generator=rng_t) < 0.15) & real
    if sel.sum() == 0:
        return None
    target = ids[sel]
    r = torch.rand(ids.shape, generator=rng_t)
    ids[sel & (r < 0.8)] = T.MASK
    rnd = sel & (r >= 0.8) & (r < 0.9)
    ids[rnd] = torch.randint(5, model.c.vocab_size, (int(rnd.sum()),), generator=rng_t)
    x = model.lower(ids, b["mask"])
    top = model.upper(x, b["mask"])
    logits = model.mlm_logits(top[sel])
    return F.cross_entropy(logits.float(), target)


def lr_at(step, cfg, total, time_progress=0.0):
    """Linear warm-up, then cosine to 10%; progress is by steps or, with a
    time budget, by whichever of steps and time is further along."""
    if step < cfg["warmup"]:
        return cfg["lr"] * (step + 1) / cfg["warmup"]
    p = max((step - cfg["warmup"]) / max(1, total - cfg["warmup"]), time_progress)
    return cfg["lr"] * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * min(1.0, p))))


def save_ckpt(path, model, opt, step, phase, rng, rng_t, elapsed):
    tmp = path + ".tmp"
    torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "step": step, "phase": phase,
                "rng": rng.getstate(), "rng_t": rng_t.get_state(), "elapsed": elapsed,
                "config": model.c.to_dict()}, tmp)
    os.replace(tmp, path)


def train_loop(model, batcher, cfg, work, resume):
    ckpt = os.path.join(work, "checkpoint.pt")
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=0.01)
    rng_t = torch.Generator().manual_seed(cfg["seed"])
    phase, step, elapsed = "mlm", 0, 0.0
    if resume and os.path.exists(ckpt):
        st = torch.load(ckpt)
        model.load_state_dict(st["model"])
        opt.load_state_dict(st["opt"])
        step, phase, elapsed = st["step"], st["phase"], st["elapsed"]
        batcher.rng.setstate(st["rng"])
        rng_t.set_state(st["rng_t"])
        log("resumed from %s at %s step %d (%.1f min trained)" % (ckpt, phase, step, elapsed / 60))
    plan = [("mlm", cfg["mlm_steps"]), ("multitask", cfg["steps"])]
    budget = (cfg.get("budget_minutes") or 0) * 60.0
    t_begin, elapsed_at_start = time.time(), elapsed
    last_ckpt = time.time()
    for ph, total in plan:
        if [p for p, _ in plan].index(ph) < [p for p, _ in plan].index(phase):
            continue
        if ph != phase:
            phase, step = ph, 0
            # A fresh optimiser state per phase: MLM moments do not suit the heads.
            opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=0.01)
        model.train()
        t0, tok, run, step0 = time.time(), 0, {}, step
        tp = 0.0
        while step < total:
            if budget and ph == "multitask":
                # Fraction of the time left for this phase (at its start) that is used up.
                tp = (time.time() - t0) / max(1.0, budget - (t0 - t_begin) - elapsed_at_start)
                if tp >= 1.0:
                    log("time budget reached at %s step %d of %d" % (ph, step, total))
                    break
            for g in opt.param_groups:
                g["lr"] = lr_at(step, cfg, total, tp)
            ts = time.time()
            with torch.autocast("cpu", dtype=torch.bfloat16):
                if ph == "mlm":
                    b = batcher.mlm()
                    loss = mlm_loss(model, b, rng_t)
                    parts = {"mlm": loss} if loss is not None else {}
                else:
                    b = batcher.multitask()
                    loss, parts = multitask_loss(model, b)
            if loss is None:
                continue
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            step += 1
            tok += b["ntok"]
            elapsed += time.time() - ts
            for k, v in parts.items():
                run[k] = 0.98 * run.get(k, float(v)) + 0.02 * float(v)
            if step % 25 == 0 or step == total:
                dt = time.time() - t0
                done = max(1, step - step0)
                log("%s step %d/%d lr %.2e tok/s %.0f eta %.1f min loss %s" % (
                    ph, step, total, opt.param_groups[0]["lr"], tok / max(dt, 1e-6), (total - step) * dt / done / 60,
                    " ".join("%s=%.3f" % (k, v) for k, v in sorted(run.items()))))
            if time.time() - last_ckpt > cfg["ckpt_minutes"] * 60:
                save_ckpt(ckpt, model, opt, step, ph, batcher.rng, rng_t, elapsed)
                last_ckpt = time.time()
                log("checkpoint saved")
        save_ckpt(ckpt, model, opt, step, ph, batcher.rng, rng_t, elapsed)
        cfg.setdefault("steps_done", {})[ph] = step
    model.eval()
    return elapsed


# ---------------------------------------------------------------- evaluation

def first_window(e, L):
    n = min(len(e.ids), L)
    return [T.CLS] + [int(x) for x in e.ids[:n]] + [T.SEP]


def run_model(model, examples, L, quant=None, bs=16):
    """Per example: (shallow outs, full outs) as numpy, on the first window."""
    res = []
    with torch.no_grad():
        for i in range(0, len(examples), bs):
            chunk = examples[i:i + bs]
            rows = [first_window(e, L) for e in chunk]
            S = max(len(r) for r in rows)
            ids = torch.zeros((len(rows), S), dtype=torch.long)
            mask = torch.zeros((len(rows), S), dtype=torch.long)
            for j, r in enumerate(rows):
                ids[j, :len(r)] = torch.tensor(r)
                mask[j, :len(r)] = 1
            if quant is not None:
                sh, fu = quant.run(ids, mask)
            else:
                h = model.lower(ids, mask)
                sh = model.shallow(h, mask)
                fu = model.full(model.upper(h, mask), mask)
            for j, r in enumerate(rows):
                n = len(r)
                res.append(([x[j].numpy() if x.dim() == 2 and x.shape[1] != S else x[j, :n].numpy() for x in sh],
                            [x[j].numpy() if x.dim() == 2 and x.shape[1] != S else x[j, :n].numpy() for x in fu]))
    return res


def evaluate(model, ex, cfg, quant=None):
    L = cfg["max_len"] - 2
    m = {}
    cls = ex["classify"]
    out = run_model(model, cls, L, quant)
    for k, name in ((0, "shallow"), (1, "full")):
        pred = np.array([int(np.argmax(o[k][0])) for o in out])
        gold = np.array([e.label for e in cls])
        m["class_acc_" + name] = float((pred == gold).mean()) if len(gold) else 0.0
        sp = np.array([int(np.argmax(o[k][1])) for o in out])
        sg = np.array([e.subtype for e in cls])
        ok = sg != -100
        m["subtype_acc_" + name] = float((sp[ok] == sg[ok]).mean()) if ok.any() else 0.0
        m["class_confidence_mean_" + name] = float(np.mean([softmax(o[k][0]).max() for o in out])) if out else 0.0
    m["class_pred_shallow"] = [int(np.argmax(o[0][0])) for o in out]
    m["class_pred_full"] = [int(np.argmax(o[1][0])) for o in out]
    m["n_classify"] = len(cls)
    kwe = ex["keywords"]
    kout = run_model(model, kwe, L, quant)
    for k, name in ((0, "shallow"), (1, "full")):
        tp = fp = fn = 0
        for e, o in zip(kwe, kout):
            logit = o[k][2][1:-1]
            gold = e.kw[:len(logit)].astype(bool)
            pred = logit > 0
            tp += int((pred & gold).sum())
            fp += int((pred & ~gold).sum())
            fn += int((~pred & gold).sum())
        p = tp / max(1, tp + fp)
        r = tp / max(1, tp + fn)
        m["keyword_token_f1_" + name] = 2 * p * r / max(1e-9, p + r)
    m["n_keywords"] = len(kwe)
    se = ex["salience"]
    sout = run_model(model, se, L, quant)
    hit = rsum = 0.0
    for e, o in zip(se, sout):
        logit = o[1][3][1:-1]
        sent = e.sent[:len(logit)]
        lab = e.sal[:len(logit)]
        best, bs = None, -1e9
        for s in np.unique(sent):
            v = float(logit[sent == s].mean())
            if v > bs:
                best, bs = s, v
        hit += float(lab[sent == best].max() > 0)
        toks = [int(x) for x in e.ids[:len(logit)][sent == best]]
        rsum += D.rouge1(D._units(" ".join(_detok(toks)), e.lang == "zh"), D._units(e.ref, e.lang == "zh"))
    m["salience_top1_in_oracle"] = hit / max(1, len(se))
    m["salience_top1_rouge1_f"] = rsum / max(1, len(se))
    m["n_salience"] = len(se)
    return m


_VOCAB = None


def _detok(toks):
    return [_VOCAB[t].replace("##", "") for t in toks]


def softmax(x):
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(x - x.max())
    return e / e.sum()


# ---------------------------------------------------------------- main

def main(argv=None):
    ap = argparse.ArgumentParser(description="Train and export docmill-mini.")
    ap.add_argument("--tiny", action="store_true", help="thin model, data slice, a few minutes")
    ap.add_argument("--out", default=None, help="bundle directory (default model/bundles/docmill-mini)")
    ap.add_argument("--work", default=None, help="work directory (default model/train/work, or OUT/work with --tiny)")
    ap.add_argument("--datasets", default=os.environ.get("DOCMILL_DATASETS") or os.path.join(REPO, "..", "shared", "datasets"))
    ap.add_argument("--resume", action="store_true", help="continue from WORK/checkpoint.pt")
    ap.add_argument("--steps", type=int, default=None, help="override multi-task steps")
    ap.add_argument("--mlm-steps", type=int, default=None, help="override masked-LM steps (0 = no pretraining)")
    ap.add_argument("--crop-cls", type=float, default=None, help="override the share of classification windows cut to a random length")
    ap.add_argument("--science-docs", type=int, default=700, help="English technical docstrings in the corpus (class other)")
    ap.add_argument("--science-packages", default=",".join(C.SCIENCE_PACKAGES),
                    help="Debian python3-* packages whose docstrings feed --science-docs")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--budget-minutes", type=float, default=None,
                    help="stop multi-task training (with the LR schedule compressed to fit) after this much training time")
    ap.add_argument("--export-only", action="store_true", help="skip training: load WORK/checkpoint.pt and export")
    args = ap.parse_args(argv)

    cfg = dict(TINY if args.tiny else DEFAULT)
    if args.steps is not None:
        cfg["steps"] = args.steps
    if args.mlm_steps is not None:
        cfg["mlm_steps"] = args.mlm_steps
    if args.crop_cls is not None:
        cfg["crop_cls"] = args.crop_cls
    cfg["budget_minutes"] = args.budget_minutes
    out = os.path.abspath(args.out or os.path.join(REPO, "model", "bundles", "docmill-mini"))
    work = os.path.abspath(args.work or (os.path.join(out, "work") if args.tiny else os.path.join(HERE, "work")))
    os.makedirs(out, exist_ok=True)
    os.makedirs(work, exist_ok=True)
    torch.set_num_threads(args.threads)
    torch.manual_seed(cfg["seed"])
    t_start = time.time()
    log("config", json.dumps(cfg))

    # 1. corpus and 2. tokenizer. A resumed run reuses both from WORK: the
    # Debian part of the corpus can change when packages are installed, and
    # the checkpoint is tied to its vocabulary.
    cdir = os.path.join(work, "corpus")
    tok_path = os.path.join(out, "tokenizer.json")
    work_tok = os.path.join(work, "tokenizer.json")
    reuse = (args.resume or args.export_only) and os.path.exists(work_tok) and os.path.exists(os.path.join(cdir, "classify_train.jsonl"))
    if reuse:
        wp = T.WordPiece.load(work_tok)
        vocab = wp.vocab
        log("reusing corpus and tokenizer from %s" % work)
    else:
        C.build(os.path.abspath(args.datasets), cdir, science_docs=args.science_docs,
                science_packages=tuple(args.science_packages.split(",")))
        tr = D.read_jsonl(os.path.join(cdir, "classify_train.jsonl"), cfg["limit_docs"])
        tr += D.read_jsonl(os.path.join(cdir, "keywords_train.jsonl"), cfg["limit_docs"])
        t0 = time.time()
        vocab = T.train([r["text"] for r in tr], cfg["vocab_size"])
        wp = T.WordPiece(vocab)
        wp.save(work_tok)
        log("tokenizer: %d tokens in %.1fs" % (len(vocab), time.time() - t0))
    wp.save(tok_path)
    global _VOCAB
    _VOCAB = wp.vocab
    # 3. data
    subtypes = D.subtype_list(cdir)
    t0 = time.time()
    cache = os.path.join(work, "examples.pkl")
    if reuse and os.path.exists(cache):
        with open(cache, "rb") as f:
            ex = pickle.load(f)
        log("reusing tokenized examples from %s" % cache)
    else:
        ex = {s: D.load_split(cdir, s, wp, LABELS, subtypes, cfg["limit_docs"] if s == "train" else cfg["eval_limit"], cfg["max_chars"])
              for s in ("train", "dev", "test")}
        with open(cache, "wb") as f:
            pickle.dump(ex, f, protocol=4)
    for s in ex:
        log("%s: %s, %d tokens" % (s, {k: len(v) for k, v in ex[s].items()},
                                  sum(len(e.ids) for v in ex[s].values() for e in v)))
    log("data ready in %.1fs" % (time.time() - t0))
    # 4. model + training
    mc = M.Config(vocab_size=len(vocab), hidden=cfg["hidden"], layers=cfg["layers"], heads=cfg["heads"], ffn=cfg["ffn"],
                  max_len=cfg["max_len"], exit_layer=cfg["exit_layer"], n_class=len(LABELS), n_subtype=len(subtypes))
    model = M.MultiExit(mc)
    log("parameters: %d exported (+%d MLM head, training only)" % (M.param_count(model), M.param_count(model, False) - M.param_count(model)))
    batcher = Batcher(ex["train"], cfg, random.Random(cfg["seed"]))
    t_train = time.time()
    if args.export_only:
        st = torch.load(os.path.join(work, "checkpoint.pt"))
        model.load_state_dict(st["model"])
        model.eval()
        train_seconds = st["elapsed"]
        log("loaded checkpoint (%s step %d)" % (st["phase"], st["step"]))
    else:
        train_seconds = train_loop(model, batcher, cfg, work, args.resume)
    log("training done: %.1f min in training steps (%.1f min wall this process)" % (train_seconds / 60, (time.time() - t_train) / 60))
    # 5. export, quantise, evaluate, bundle
    import export as X
    X.build_bundle(model, wp, cfg, subtypes, ex, out, work, evaluate, train_seconds, time.time() - t_start, args)
    log("bundle written to %s (%.1f min total)" % (out, (time.time() - t_start) / 60))


if __name__ == "__main__":
    main()
