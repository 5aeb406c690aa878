"""ONNX export, int8 rewriting, Python-side int8 simulation, parity file and manifest.

ONNX Runtime for Python is not installable here, so the exported graphs are
checked from Go (train_test.go runs them with onnxruntime_go against
parity.json, which holds reference inputs and PyTorch outputs).

int8: torch's quantize_dynamic cannot be exported, so the fp32 graph is
rewritten with the onnx helper into the pattern ONNX Runtime's own dynamic
quantiser emits (DynamicQuantizeLinear + MatMulInteger + Cast + Mul by
a_scale*b_scale; ORT fuses it). Weights are symmetric int8 per output
column. The token embedding table is stored as int8 per row and
dequantised after the Gather, so the embeddings shrink too (they are a third
of the parameters). QuantSim reproduces the same arithmetic in PyTorch so
int8 quality can be measured here.
"""

import copy
import json
import os
import time

import numpy as np
import onnx
import torch
import torch.nn as nn
from onnx import TensorProto, helper, numpy_helper

import model as M
import tokenizer as T

LOWER_OUT = ["hidden", "class_logits_shallow", "subtype_logits_shallow", "keyword_logits_shallow"]
UPPER_OUT = ["class_logits", "subtype_logits", "keyword_logits", "salience_logits"]
OPSET = 17


def export_fp32(model, out_dir, L):
    model.eval()
    lower = M.LowerExport(model).eval()
    upper = M.UpperExport(model).eval()
    ids = torch.full((2, 16), 7, dtype=torch.long)
    mask = torch.ones((2, 16), dtype=torch.long)
    mask[1, 10:] = 0
    lp = os.path.join(out_dir, "lower.onnx")
    up = os.path.join(out_dir, "upper.onnx")
    with torch.no_grad():
        torch.onnx.export(lower, (ids, mask), lp, opset_version=OPSET, input_names=["input_ids", "attention_mask"],
                          output_names=LOWER_OUT, do_constant_folding=True,
                          dynamic_axes={"input_ids": {0: "batch", 1: "sequence"}, "attention_mask": {0: "batch", 1: "sequence"},
                                        "hidden": {0: "batch", 1: "sequence"}, "class_logits_shallow": {0: "batch"},
                                        "subtype_logits_shallow": {0: "batch"}, "keyword_logits_shallow": {0: "batch", 1: "sequence"}})
        hidden = model.lower(ids, mask)
        torch.onnx.export(upper, (hidden, mask), up, opset_version=OPSET, input_names=["hidden", "attention_mask"],
                          output_names=UPPER_OUT, do_constant_folding=True,
                          dynamic_axes={"hidden": {0: "batch", 1: "sequence"}, "attention_mask": {0: "batch", 1: "sequence"},
                                        "class_logits": {0: "batch"}, "subtype_logits": {0: "batch"},
                                        "keyword_logits": {0: "batch", 1: "sequence"}, "salience_logits": {0: "batch", 1: "sequence"}})
    for p in (lp, up):
        onnx.checker.check_model(onnx.load(p))
    return lp, up


# ---------------------------------------------------------------- int8 graph rewrite

def quantize_weight(w):
    """Symmetric int8 per output column of a [K, N] weight: (q int8, scale [N] float32)."""
    amax = np.abs(w).max(axis=0)
    scale = np.where(amax > 0, amax / 127.0, 1.0).astype(np.float32)
    q = np.clip(np.rint(w / scale), -127, 127).astype(np.int8)
    return q, scale


def quantize_rows(w):
    """Symmetric int8 per row of an embedding table [V, d]."""
    amax = np.abs(w).max(axis=1)
    scale = np.where(amax > 0, amax / 127.0, 1.0).astype(np.float32)
    q = np.clip(np.rint(w / scale[:, None]), -127, 127).astype(np.int8)
    return q, scale


def quantize_graph(src, dst, emb_rows=None):
    m = onnx.load(src)
    g = m.graph
    inits = {i.name: i for i in g.initializer}
    new_nodes, drop = [], set()
    k = 0
    for node in g.node:
        if node.op_type == "MatMul" and node.input[1] in inits and len(inits[node.input[1]].dims) == 2:
            w = numpy_helper.to_array(inits[node.input[1]]).astype(np.float32)
            q, s = quantize_weight(w)
            p = "q%d_" % k
            k += 1
            g.initializer.extend([numpy_helper.from_array(q, p + "W"), numpy_helper.from_array(s, p + "Ws"),
                                  numpy_helper.from_array(np.zeros(q.shape[1], dtype=np.int8), p + "Wzp")])
            drop.add(node.input[1])
            x = node.input[0]
            new_nodes += [
                helper.make_node("DynamicQuantizeLinear", [x], [p + "xq", p + "xs", p + "xzp"], name=p + "dql"),
                helper.make_node("MatMulInteger", [p + "xq", p + "W", p + "xzp", p + "Wzp"], [p + "mm"], name=p + "mmi"),
                helper.make_node("Cast", [p + "mm"], [p + "mmf"], to=TensorProto.FLOAT, name=p + "cast"),
                helper.make_node("Mul", [p + "xs", p + "Ws"], [p + "sc"], name=p + "scale"),
                helper.make_node("Mul", [p + "mmf", p + "sc"], [node.output[0]], name=p + "out"),
            ]
        elif (node.op_type == "Gather" and node.input[0] in inits and emb_rows is not None
              and tuple(inits[node.input[0]].dims) == tuple(emb_rows)):
            w = numpy_helper.to_array(inits[node.input[0]]).astype(np.float32)
            q, s = quantize_rows(w)
            p = "qe%d_" % k
            k += 1
            g.initializer.extend([numpy_helper.from_array(q, p + "E"), numpy_helper.from_array(s, p + "Es")])
            drop.add(node.input[0])
            ids = node.input[1]
            new_nodes += [
                helper.make_node("Gather", [p + "E", ids], [p + "rows"], axis=0, name=p + "gather"),
                helper.make_node("Cast", [p + "rows"], [p + "rowsf"], to=TensorProto.FLOAT, name=p + "cast"),
                helper.make_node("Gather", [p + "Es", ids], [p + "rs"], axis=0, name=p + "gscale"),
                helper.make_node("Unsqueeze", [p + "rs", p + "ax"], [p + "rs2"], name=p + "unsq"),
                helper.make_node("Mul", [p + "rowsf", p + "rs2"], [node.output[0]], name=p + "deq"),
            ]
            g.initializer.append(numpy_helper.from_array(np.array([-1], dtype=np.int64), p + "ax"))
        else:
            new_nodes.append(node)
    still_used = {i for n in new_nodes for i in n.input}
    keep = [i for i in g.initializer if i.name not in drop or i.name in still_used]
    del g.initializer[:]
    g.initializer.extend(keep)
    del g.node[:]
    g.node.extend(new_nodes)
    onnx.checker.check_model(m)
    onnx.save(m, dst)
    return k


# ---------------------------------------------------------------- int8 simulation in PyTorch

def _round_half_even(x):
    return torch.round(x)  # torch.round rounds half to even, like ONNX


class QLinear(nn.Module):
    """nn.Linear computed the way the int8 ONNX graph computes it."""

    def __init__(self, lin):
        super().__init__()
        w = lin.weight.detach().t().contiguous().numpy()  # [K, N], as exported
        q, s = quantize_weight(w)
        # float32 holds the integer products exactly up to 2^24; the rare
        # larger partial sums round at 1e-7 relative, far below int8 noise.
        self.wq = torch.from_numpy(q.astype(np.float32))
        self.ws = torch.from_numpy(s)
        self.b = None if lin.bias is None else lin.bias.detach().clone()

    def forward(self, x):
        x = x.float()
        lo = torch.clamp(x.min(), max=0.0)
        hi = torch.clamp(x.max(), min=0.0)
        scale = (hi - lo) / 255.0
        if float(scale) == 0.0:
            scale = torch.tensor(1.0)
        zp = torch.clamp(_round_half_even(-lo / scale), 0, 255)
        xq = torch.clamp(_round_half_even(x / scale) + zp, 0, 255)
        acc = torch.matmul(xq - zp, self.wq)
        y = acc * (scale * self.ws)
        if self.b is not None:
            y = y + self.b
        return y


class QuantSim:
    """A copy of the model whose Linear layers and token embedding use int8 arithmetic."""

    def __init__(self, model):
        m = copy.deepcopy(model).eval()
        self._swap(m)
        w = m.tok_emb.weight.detach().numpy()
        q, s = quantize_rows(w)
        m.tok_emb.weight.data = torch.from_numpy(q.astype(np.float32) * s[:, None])
        self.m = m

    def _swap(self, mod):
        for name, child in list(mod.named_children()):
            if isinstance(child, nn.Linear):
                setattr(mod, name, QLinear(child))
            else:
                self._swap(child)

    def run(self, ids, mask):
        with torch.no_grad():
            h = self.m.lower(ids, mask)
            return self.m.shallow(h, mask), self.m.full(self.m.upper(h, mask), mask)


# ---------------------------------------------------------------- parity reference

def parity_cases(ex, L, rng_seed=7):
    """A few real dev documents: a padded batch of short windows and one full-length window."""
    rng = np.random.RandomState(rng_seed)
    by_label = {}
    for e in ex["dev"]["classify"]:
        by_label.setdefault(e.label, []).append(e)
    picks = [by_label[k][rng.randint(len(by_label[k]))] for k in sorted(by_label)]
    cases = []
    short = []
    for i, e in enumerate(picks):
        n = min(len(e.ids), 20 + 9 * i)
        short.append([T.CLS] + [int(x) for x in e.ids[:n]] + [T.SEP])
    cases.append(short)
    longest = max(ex["dev"]["classify"], key=lambda e: len(e.ids))
    cases.append([[T.CLS] + [int(x) for x in longest.ids[:L]] + [T.SEP]])
    return cases


def write_parity(model, qsim, cases, path):
    out = {"tolerance": 1e-3, "int8_tolerance_note": "int8 reference comes from a PyTorch simulation of the int8 graph; "
           "compare class argmax, not values", "cases": []}
    with torch.no_grad():
        for rows in cases:
            S = max(len(r) for r in rows)
            ids = torch.zeros((len(rows), S), dtype=torch.long)
            mask = torch.zeros((len(rows), S), dtype=torch.long)
            for j, r in enumerate(rows):
                ids[j, :len(r)] = torch.tensor(r)
                mask[j, :len(r)] = 1
            h = model.lower(ids, mask)
            sh = model.shallow(h, mask)
            fu = model.full(model.upper(h, mask), mask)
            qsh, qfu = qsim.run(ids, mask)
            case = {"input_ids": ids.tolist(), "attention_mask": mask.tolist(), "fp32": {}, "int8": {},
                    "hidden_first_token": [round(float(v), 6) for v in h[0, 0]]}
            for names, vals, key in ((LOWER_OUT[1:], sh, "fp32"), (UPPER_OUT, fu, "fp32"),
                                     (LOWER_OUT[1:], qsh, "int8"), (UPPER_OUT, qfu, "int8")):
                for n, v in zip(names, vals):
                    case[key][n] = {"shape": list(v.shape), "data": [round(float(x), 6) for x in v.reshape(-1)]}
            out["cases"].append(case)
    with open(path, "w") as f:
        json.dump(out, f)


# ---------------------------------------------------------------- bundle

def subset(ex_split, sizes):
    """Evenly spaced subset per task: (classify, keywords, salience) sizes."""
    out = {}
    for task, n in zip(("classify", "keywords", "salience"), sizes):
        rows = ex_split[task]
        if len(rows) > n:
            step = len(rows) / float(n)
            rows = [rows[int(i * step)] for i in range(n)]
        out[task] = rows
    return out


def build_bundle(model, wp, cfg, subtypes, ex, out, work, evaluate, train_seconds, total_seconds, args):
    from train import log, LABELS
    L = cfg["max_len"] - 2
    t0 = time.time()
    lp, up = export_fp32(model, out, cfg["max_len"])
    V, d = model.tok_emb.weight.shape
    nq_l = quantize_graph(lp, os.path.join(out, "lower.int8.onnx"), emb_rows=(V, d))
    nq_u = quantize_graph(up, os.path.join(out, "upper.int8.onnx"))
    log("exported ONNX (%d + %d quantised ops) in %.1fs" % (nq_l, nq_u, time.time() - t0))
    qsim = QuantSim(model)
    write_parity(model, qsim, parity_cases(ex, L), os.path.join(out, "parity.json"))
    metrics = {}
    preds = {}
    # Evaluation budget (the run shares a busy 2-core machine): fp32 on the
    # whole test split; dev (nothing is tuned on it) and the int8 simulation
    # on evenly spaced subsets, whose sizes are recorded in the metrics.
    sub = {"dev": (400, 150, 150), "int8": (500, 200, 200)}
    for split in ("dev", "test"):
        t1 = time.time()
        data_f = subset(ex[split], sub["dev"]) if split == "dev" else ex[split]
        mf = evaluate(model, data_f, cfg)
        mq = None
        if split == "test":
            data_q = subset(ex[split], sub["int8"])
            mq = evaluate(model, data_q, cfg, quant=qsim)
            # fp32 on the same subset, so agreement compares like with like.
            mf_q = evaluate(model, data_q, cfg)
            for k in ("shallow", "full"):
                a, b = np.array(mf_q["class_pred_" + k]), np.array(mq["class_pred_" + k])
                metrics["%s_fp32_int8_class_agreement_%s" % (split, k)] = float((a == b).mean()) if len(a) else 0.0
            for kk, v in mf_q.items():
                if isinstance(v, float):
                    metrics["%s_int8subset_fp32_%s" % (split, kk)] = round(v, 4)
            metrics["test_int8subset_n"] = {k: len(v) for k, v in data_q.items()}
        for k in ("shallow", "full"):
            preds[(split, k)] = np.array(mf.pop("class_pred_" + k))
            if mq is not None:
                mq.pop("class_pred_" + k)
        a, b = preds[(split, "shallow")], preds[(split, "full")]
        metrics["%s_shallow_full_class_agreement" % split] = float((a == b).mean()) if len(a) else 0.0
        for kk, v in mf.items():
            metrics["%s_fp32_%s" % (split, kk)] = round(v, 4) if isinstance(v, float) else v
        for kk, v in (mq or {}).items():
            if not kk.startswith("n_"):
                metrics["%s_int8sim_%s" % (split, kk)] = round(v, 4) if isinstance(v, float) else v
        log("eval %s in %.1fs: %s" % (split, time.time() - t1, json.dumps({k: v for k, v in metrics.items() if k.startswith(split)})))
    files = ["tokenizer.json", "lower.onnx", "upper.onnx", "lower.int8.onnx", "upper.int8.onnx", "parity.json"]
    sizes = {f: os.path.getsize(os.path.join(out, f)) for f in files}
    fp32 = sizes["lower.onnx"] + sizes["upper.onnx"]
    int8 = sizes["lower.int8.onnx"] + sizes["upper.int8.onnx"]
    metrics["size_fp32_bytes"] = fp32
    metrics["size_int8_bytes"] = int8
    metrics["int8_size_ratio"] = round(int8 / fp32, 4)
    metrics["bundle_bytes"] = sum(sizes.values())
    manifest = {
        "name": "docmill-mini",
        "version": "0.2.0",
        "kind": "multi-exit-encoder",
        "tokenizer": "tokenizer.json",
        "max_length": cfg["max_len"],
        "hidden_size": cfg["hidden"],
        "layers": cfg["layers"],
        "segments": [
            {"name": "lower", "file": "lower.onnx", "int8_file": "lower.int8.onnx",
             "inputs": ["input_ids", "attention_mask"], "outputs": LOWER_OUT},
            {"name": "upper", "file": "upper.onnx", "int8_file": "upper.int8.onnx",
             "inputs": ["hidden", "attention_mask"], "outputs": UPPER_OUT},
        ],
        "exits": [
            {"name": "shallow", "layer": cfg["exit_layer"], "segment": "lower",
             "heads": {"class": "class_logits_shallow", "subtype": "subtype_logits_shallow", "keyword": "keyword_logits_shallow"},
             "tasks": ["classify", "keywords"]},
            {"name": "full", "layer": cfg["layers"], "segment": "upper",
             "heads": {"class": "class_logits", "subtype": "subtype_logits", "keyword": "keyword_logits", "salience": "salience_logits"},
             "tasks": ["classify", "keywords", "summary"]},
        ],
        "labels": {"class": list(LABELS), "subtype": list(subtypes)},
        "special_tokens": {"cls": "[CLS]", "sep": "[SEP]", "pad": "[PAD]", "pad_id": T.PAD},
        "parity": "parity.json",
        "parameters": M.param_count(model),
        "training": {
            "command": "/usr/bin/python3 model/train/train.py" + (" --tiny" if args.tiny else "")
                       + (" --steps %d" % args.steps if args.steps is not None else "")
                       + (" --mlm-steps %d" % args.mlm_steps if args.mlm_steps is not None else "")
                       + (" --budget-minutes %g" % args.budget_minutes if args.budget_minutes else ""),
            "config": cfg,
            "train_step_seconds": round(train_seconds, 1),
            "wall_seconds_this_process": round(total_seconds, 1),
            "threads": args.threads,
            "torch": torch.__version__,
            "onnx": onnx.__version__,
            "opset": OPSET,
            "finished_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        },
        "metrics": metrics,
    }
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=2)
    return manifest
