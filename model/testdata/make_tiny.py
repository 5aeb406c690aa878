#!/usr/bin/python3
"""Builds docmill's tiny test bundles: random-weight multi-exit encoders
exported exactly as model/BUNDLE.md describes, plus PyTorch outputs for
parity tests.

  tiny/          lower.onnx + upper.onnx (+ int8 variants), manifest.json,
                 tokenizer.json, parity.json
  tiny-optimum/  model.onnx + config.json + tokenizer.json, the layout of a
                 Hugging Face Optimum sequence-classification export, and
                 parity.json

usage: /usr/bin/python3 model/testdata/make_tiny.py   (torch 1.13, onnx 1.12)
       /usr/bin/python3 model/testdata/make_tiny.py --mini OUT_DIR
The second form writes one random-weight bundle with docmill-mini's shape
(d=256, 6 layers, 4 heads, FFN 768, exit after layer 2, max length 256) for
speed measurements before the trained bundle exists; it is not committed.
Deterministic: seeded weights and inputs.
"""
import json
import math
import os
import shutil
import sys

import numpy as np
import onnx
import torch
import torch.nn as nn
import torch.nn.functional as F
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
TOKENIZER = os.path.join(HERE, "..", "tokenizer", "testdata", "wordpiece", "tokenizer.json")
CLASSES = ["contract", "regulation", "log", "other"]
SUBTYPES = ["contract/license", "contract/nda", "regulation/eu", "log/app", "log/system", "none"]
D, LAYERS, EXIT, HEADS, FFN, MAXLEN = 32, 4, 2, 2, 64, 128


class Layer(nn.Module):
    def __init__(self):
        super().__init__()
        self.qkv = nn.Linear(D, 3 * D)
        self.out = nn.Linear(D, D)
        self.ln1 = nn.LayerNorm(D, eps=1e-12)
        self.ff1 = nn.Linear(D, FFN)
        self.ff2 = nn.Linear(FFN, D)
        self.ln2 = nn.LayerNorm(D, eps=1e-12)

    def forward(self, x, bias):
        b, s, _ = x.shape
        dk = D // HEADS
        q, k, v = self.qkv(x).view(b, s, 3, HEADS, dk).permute(2, 0, 3, 1, 4)
        att = torch.softmax(torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(dk) + bias, dim=-1)
        ctx = torch.matmul(att, v).transpose(1, 2).reshape(b, s, D)
        x = self.ln1(x + self.out(ctx))
        return self.ln2(x + self.ff2(F.gelu(self.ff1(x))))


def bias_of(mask):
    return ((1.0 - mask.to(torch.float32)) * -10000.0)[:, None, None, :]


def masked_mean(x, mask):
    m = mask.to(x.dtype).unsqueeze(-1)
    return (x * m).sum(1) / m.sum(1).clamp(min=1.0)


class Heads(nn.Module):
    def __init__(self, salience):
        super().__init__()
        self.pool = nn.Linear(2 * D, D)
        self.cls = nn.Linear(D, len(CLASSES))
        self.sub = nn.Linear(D, len(SUBTYPES))
        self.tok = nn.Linear(D, D)
        self.kw = nn.Linear(D, 1)
        self.sal = nn.Linear(D, 1) if salience else None

    def forward(self, x, mask):
        pooled = torch.tanh(self.pool(torch.cat([x[:, 0], masked_mean(x, mask)], dim=-1)))
        t = F.gelu(self.tok(x))
        out = [self.cls(pooled), self.sub(pooled), self.kw(t).squeeze(-1)]
        if self.sal is not None:
            out.append(self.sal(t).squeeze(-1))
        return out


class Tiny(nn.Module):
    def __init__(self, vocab):
        super().__init__()
        self.tok_emb = nn.Embedding(vocab, D)
        self.pos_emb = nn.Embedding(MAXLEN, D)
        self.emb_ln = nn.LayerNorm(D, eps=1e-12)
        self.layers = nn.ModuleList([Layer() for _ in range(LAYERS)])
        self.shallow = Heads(False)
        self.full = Heads(True)
        for p in self.parameters():
            nn.init.normal_(p, std=0.3)

    def lower(self, ids, mask):
        pos = torch.arange(ids.shape[1]).unsqueeze(0)
        x = self.emb_ln(self.tok_emb(ids) + self.pos_emb(pos))
        for layer in self.layers[:EXIT]:
            x = layer(x, bias_of(mask))
        return x

    def upper(self, x, mask):
        for layer in self.layers[EXIT:]:
            x = layer(x, bias_of(mask))
        return x


class LowerExport(nn.Module):
    def __init__(self, m):
        super().__init__()
        self.m = m

    def forward(self, input_ids, attention_mask):
        h = self.m.lower(input_ids, attention_mask)
        c, s, k = self.m.shallow(h, attention_mask)
        return h, c, s, k


class UpperExport(nn.Module):
    def __init__(self, m):
        super().__init__()
        self.m = m

    def forward(self, hidden, attention_mask):
        c, s, k, sal = self.m.full(self.m.upper(hidden, attention_mask), attention_mask)
        return c, s, k, sal


class FullExport(nn.Module):
    """Single graph with the names of an Optimum BERT export:
    input_ids, attention_mask, token_type_ids -> logits."""

    def __init__(self, m):
        super().__init__()
        self.m = m
        g = torch.Generator().manual_seed(99)
        self.type_emb = nn.Parameter(torch.randn(2, D, generator=g) * 0.3)

    def forward(self, input_ids, attention_mask, token_type_ids):
        pos = torch.arange(input_ids.shape[1]).unsqueeze(0)
        x = self.m.emb_ln(self.m.tok_emb(input_ids) + self.m.pos_emb(pos) + self.type_emb[token_type_ids])
        for layer in self.m.layers:
            x = layer(x, bias_of(attention_mask))
        return self.m.full(x, attention_mask)[0]


def export(mod, args, path, inputs, outputs, axes):
    mod.eval()
    torch.onnx.export(mod, args, path, input_names=inputs, output_names=outputs, dynamic_axes=axes,
                      opset_version=17, do_constant_folding=True)


def quantize(src, dst):
    """Dynamic int8 in the pattern ORT's own quantizer emits: activations go
    through DynamicQuantizeLinear, weights are int8 with a per-tensor scale,
    MatMulInteger does the product; embedding tables become int8 with a
    DequantizeLinear before the Gather."""
    m = onnx.load(src)
    g = m.graph
    inits = {i.name: i for i in g.initializer}
    nodes, new_inits = [], []
    for n in g.node:
        w = inits.get(n.input[1]) if len(n.input) > 1 else None
        if n.op_type == "MatMul" and w is not None and len(w.dims) == 2:
            wf = numpy_helper.to_array(w)
            scale = np.float32(max(np.abs(wf).max(), 1e-8) / 127.0)
            wq = np.clip(np.round(wf / scale), -127, 127).astype(np.int8)
            base = n.output[0]
            new_inits += [numpy_helper.from_array(wq, w.name + "_q"),
                          numpy_helper.from_array(np.array(scale, np.float32), w.name + "_scale"),
                          numpy_helper.from_array(np.array(0, np.int8), w.name + "_zp")]
            nodes += [
                helper.make_node("DynamicQuantizeLinear", [n.input[0]], [base + "_aq", base + "_as", base + "_azp"]),
                helper.make_node("MatMulInteger", [base + "_aq", w.name + "_q", base + "_azp", w.name + "_zp"],
                                 [base + "_i32"]),
                helper.make_node("Cast", [base + "_i32"], [base + "_f"], to=TensorProto.FLOAT),
                helper.make_node("Mul", [base + "_as", w.name + "_scale"], [base + "_s"]),
                helper.make_node("Mul", [base + "_f", base + "_s"], [base]),
            ]
            continue
        w = inits.get(n.input[0]) if n.input else None
        if n.op_type == "Gather" and w is not None and len(w.dims) == 2:
            wf = numpy_helper.to_array(w)
            scale = np.float32(max(np.abs(wf).max(), 1e-8) / 127.0)
            wq = np.clip(np.round(wf / scale), -127, 127).astype(np.int8)
            new_inits += [numpy_helper.from_array(wq, w.name + "_q"),
                          numpy_helper.from_array(np.array(scale, np.float32), w.name + "_scale"),
                          numpy_helper.from_array(np.array(0, np.int8), w.name + "_zp")]
            nodes += [helper.make_node("DequantizeLinear", [w.name + "_q", w.name + "_scale", w.name + "_zp"],
                                       [w.name + "_dq"]),
                      helper.make_node("Gather", [w.name + "_dq", n.input[1]], list(n.output), axis=0)]
            continue
        nodes.append(n)
    used = {i for n in nodes for i in n.input}
    keep = [i for i in g.initializer if i.name in used] + [i for i in new_inits if i.name in used]
    del g.node[:]
    g.node.extend(nodes)
    del g.initializer[:]
    g.initializer.extend(keep)
    onnx.checker.check_model(m)
    onnx.save(m, dst)


def batch(vocab, lengths, seed):
    g = torch.Generator().manual_seed(seed)
    s = max(lengths)
    ids = torch.zeros(len(lengths), s, dtype=torch.long)
    mask = torch.zeros(len(lengths), s, dtype=torch.long)
    for i, n in enumerate(lengths):
        ids[i, :n] = torch.randint(5, vocab, (n,), generator=g)
        ids[i, 0], ids[i, n - 1] = 2, 3
        mask[i, :n] = 1
    return ids, mask


def tolist(t):
    return np.round(t.detach().numpy().astype(np.float64), 7).tolist()


def main():
    global D, LAYERS, EXIT, HEADS, FFN, MAXLEN
    mini_out = None
    if len(sys.argv) == 3 and sys.argv[1] == "--mini":
        D, LAYERS, EXIT, HEADS, FFN, MAXLEN = 256, 6, 2, 4, 768, 256
        mini_out = sys.argv[2]
    torch.manual_seed(7)
    with open(TOKENIZER, encoding="utf-8") as f:
        vocab = len(json.load(f)["model"]["vocab"])
    m = Tiny(vocab).eval()
    out = os.path.join(HERE, "tiny")
    opt = os.path.join(HERE, "tiny-optimum")
    if mini_out:
        out, opt = mini_out, mini_out + "-optimum"
    for d in (out, opt):
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        shutil.copy(TOKENIZER, os.path.join(d, "tokenizer.json"))
    ax2 = {0: "batch", 1: "seq"}
    lower_out = ["hidden", "class_logits_shallow", "subtype_logits_shallow", "keyword_logits_shallow"]
    upper_out = ["class_logits", "subtype_logits", "keyword_logits", "salience_logits"]
    ids, mask = batch(vocab, [9, 4], 1)
    export(LowerExport(m), (ids, mask), os.path.join(out, "lower.onnx"), ["input_ids", "attention_mask"], lower_out,
           {"input_ids": ax2, "attention_mask": ax2, "hidden": {0: "batch", 1: "seq"},
            "class_logits_shallow": {0: "batch"}, "subtype_logits_shallow": {0: "batch"},
            "keyword_logits_shallow": ax2})
    h = m.lower(ids, mask)
    export(UpperExport(m), (h, mask), os.path.join(out, "upper.onnx"), ["hidden", "attention_mask"], upper_out,
           {"hidden": {0: "batch", 1: "seq"}, "attention_mask": ax2, "class_logits": {0: "batch"},
            "subtype_logits": {0: "batch"}, "keyword_logits": ax2, "salience_logits": ax2})
    full = FullExport(m).eval()
    export(full, (ids, mask, torch.zeros_like(ids)), os.path.join(opt, "model.onnx"),
           ["input_ids", "attention_mask", "token_type_ids"], ["logits"],
           {"input_ids": ax2, "attention_mask": ax2, "token_type_ids": ax2, "logits": {0: "batch"}})
    for seg in ("lower", "upper"):
        quantize(os.path.join(out, seg + ".onnx"), os.path.join(out, seg + ".int8.onnx"))
    manifest = {
        "name": "docmill-mini-shape-random" if mini_out else "docmill-tiny", "version": "0.0.1", "kind": "multi-exit-encoder", "tokenizer": "tokenizer.json",
        "max_length": MAXLEN, "hidden_size": D, "layers": LAYERS,
        "segments": [
            {"name": "lower", "file": "lower.onnx", "int8_file": "lower.int8.onnx",
             "inputs": ["input_ids", "attention_mask"], "outputs": lower_out},
            {"name": "upper", "file": "upper.onnx", "int8_file": "upper.int8.onnx",
             "inputs": ["hidden", "attention_mask"], "outputs": upper_out},
        ],
        "exits": [
            {"name": "shallow", "layer": EXIT, "segment": "lower",
             "heads": {"class": "class_logits_shallow", "subtype": "subtype_logits_shallow",
                       "keyword": "keyword_logits_shallow"}, "tasks": ["classify", "keywords"]},
            {"name": "full", "layer": LAYERS, "segment": "upper",
             "heads": {"class": "class_logits", "subtype": "subtype_logits", "keyword": "keyword_logits",
                       "salience": "salience_logits"}, "tasks": ["classify", "keywords", "summary"]},
        ],
        "labels": {"class": CLASSES, "subtype": SUBTYPES},
        "metrics": {"note": "random weights: a test fixture, not a model"},
    }
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
    cases, opt_cases = [], []
    with torch.no_grad():
        for seed, lengths in ((11, [7]), (12, [20, 5, 13]), (13, [MAXLEN])):
            ids, mask = batch(vocab, lengths, seed)
            h, c, s, k = LowerExport(m)(ids, mask)
            uc, us, uk, usal = UpperExport(m)(h, mask)
            cases.append({"input_ids": ids.tolist(), "attention_mask": mask.tolist(), "outputs": {
                "hidden": tolist(h), "class_logits_shallow": tolist(c), "subtype_logits_shallow": tolist(s),
                "keyword_logits_shallow": tolist(k), "class_logits": tolist(uc), "subtype_logits": tolist(us),
                "keyword_logits": tolist(uk), "salience_logits": tolist(usal)}})
            opt_cases.append({"input_ids": ids.tolist(), "attention_mask": mask.tolist(),
                              "outputs": {"logits": tolist(full(ids, mask, torch.zeros_like(ids)))}})
    with open(os.path.join(out, "parity.json"), "w") as f:
        json.dump({"generator": "model/testdata/make_tiny.py (PyTorch %s)" % torch.__version__, "cases": cases}, f)
    with open(os.path.join(opt, "parity.json"), "w") as f:
        json.dump({"generator": "model/testdata/make_tiny.py", "cases": opt_cases}, f)
    config = {"architectures": ["DocmillTinyForSequenceClassification"], "model_type": "bert", "hidden_size": D,
              "num_hidden_layers": LAYERS, "max_position_embeddings": MAXLEN,
              "id2label": {str(i): c for i, c in enumerate(CLASSES)},
              "label2id": {c: i for i, c in enumerate(CLASSES)}}
    with open(os.path.join(opt, "config.json"), "w") as f:
        json.dump(config, f, indent=1)
    for d in (out, opt):
        for n in sorted(os.listdir(d)):
            print(os.path.join(os.path.basename(d), n), os.path.getsize(os.path.join(d, n)))


if __name__ == "__main__":
    main()
