#!/usr/bin/python3
"""Builds docmill's tiny generative test model: a random-weight Llama-like
decoder (RMSNorm, rotary positions, grouped-query attention, SwiGLU)
exported with a KV cache in the Hugging Face Optimum / onnx-community layout

  inputs   input_ids [b, s], attention_mask [b, past+s], position_ids [b, s],
           past_key_values.N.key / .value [b, kv_heads, past, head_dim]
  outputs  logits [b, s, vocab], present.N.key / .value [b, kv_heads, past+s, head_dim]

plus a small byte-level BPE tokenizer.json (Split regex with lookahead, then
ByteLevel) and PyTorch's greedy tokens for a few prompts, computed without
the cache, in expected.json.

usage: /usr/bin/python3 model/testdata/make_tiny_decoder.py   (torch 1.13, onnx 1.12)
"""
import collections
import json
import os
import re
import shutil

import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "tiny-decoder")
D, LAYERS, HEADS, KV_HEADS, FFN = 48, 2, 4, 2, 96
HEAD_DIM = D // HEADS
MERGES = 240
SPLIT = r" ?[A-Za-z]+| ?[0-9]+| ?[^\sA-Za-z0-9]+|\s+(?!\S)|\s+"
BOS, EOS = "<|begin_of_text|>", "<|end_of_text|>"
TEMPLATE = BOS + "Summarize: {input}\nSummary:"
PROMPTS = ["The licensee shall pay the fees within thirty days.",
           "Either party may terminate this agreement upon written notice.",
           "ERROR 2025-11-28 disk full on node 7"]
MAX_NEW = 16
CORPUS = """This Agreement is entered into by and between the Licensor and the Licensee. The Licensee shall pay
the fees set out in Schedule 2 within thirty days of the invoice date. Either party may terminate this Agreement
upon written notice if the other party materially breaches it. The summary of a document is a short text that
says what the document is about. Logs record errors, warnings and information about a system and its nodes.
Regulation of the European Union applies to all member states. The parties agree to the terms below."""


def bytes_to_unicode():
    keep = list(range(ord("!"), ord("~") + 1)) + list(range(0xA1, 0xAD)) + list(range(0xAE, 0x100))
    out, n = {}, 0
    for b in range(256):
        if b in keep:
            out[b] = chr(b)
        else:
            out[b] = chr(256 + n)
            n += 1
    return out


B2U = bytes_to_unicode()


def train_bpe():
    words = collections.Counter("".join(B2U[b] for b in w.encode()) for w in re.findall(SPLIT, CORPUS))
    vocab = [B2U[b] for b in range(256)]
    merges = []
    split = {w: list(w) for w in words}
    for _ in range(MERGES):
        pairs = collections.Counter()
        for w, n in words.items():
            s = split[w]
            for a, b in zip(s, s[1:]):
                pairs[(a, b)] += n
        if not pairs:
            break
        (a, b), _ = min(pairs.items(), key=lambda kv: (-kv[1], kv[0]))
        merges.append((a, b))
        vocab.append(a + b)
        for w in words:
            s, out, i = split[w], [], 0
            while i < len(s):
                if i + 1 < len(s) and s[i] == a and s[i + 1] == b:
                    out.append(a + b)
                    i += 2
                else:
                    out.append(s[i])
                    i += 1
            split[w] = out
    return vocab, merges


def encode_piece(piece, ids, ranks):
    syms = [B2U[b] for b in piece.encode()]
    while len(syms) > 1:
        best = min(range(len(syms) - 1), key=lambda i: ranks.get((syms[i], syms[i + 1]), 1 << 30))
        if (syms[best], syms[best + 1]) not in ranks:
            break
        syms[best:best + 2] = [syms[best] + syms[best + 1]]
    return [ids[s] for s in syms]


def encode(text, ids, ranks, specials):
    out = []
    for part in re.split("(" + "|".join(re.escape(s) for s in specials) + ")", text):
        if part in specials:
            out.append(specials[part])
        elif part:
            for piece in re.findall(SPLIT, part):
                out += encode_piece(piece, ids, ranks)
    return out


class RMSNorm(nn.Module):
    def __init__(self):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(D))

    def forward(self, x):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + 1e-6) * self.weight


def rope(x, pos):
    half = HEAD_DIM // 2
    inv = 1.0 / (10000 ** (torch.arange(0, half, dtype=torch.float32) / half))
    ang = pos.to(torch.float32)[:, None, :, None] * inv[None, None, None, :]
    cos, sin = torch.cos(ang), torch.sin(ang)
    x1, x2 = x[..., :half], x[..., half:]
    return torch.cat([x1 * cos - x2 * sin, x2 * cos + x1 * sin], dim=-1)


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.n1, self.n2 = RMSNorm(), RMSNorm()
        self.q = nn.Linear(D, HEADS * HEAD_DIM, bias=False)
        self.k = nn.Linear(D, KV_HEADS * HEAD_DIM, bias=False)
        self.v = nn.Linear(D, KV_HEADS * HEAD_DIM, bias=False)
        self.o = nn.Linear(D, D, bias=False)
        self.gate = nn.Linear(D, FFN, bias=False)
        self.up = nn.Linear(D, FFN, bias=False)
        self.down = nn.Linear(FFN, D, bias=False)

    def forward(self, x, pos, mask, pk, pv):
        b, s, _ = x.shape
        h = self.n1(x)
        q = rope(self.q(h).view(b, s, HEADS, HEAD_DIM).transpose(1, 2), pos)
        k = rope(self.k(h).view(b, s, KV_HEADS, HEAD_DIM).transpose(1, 2), pos)
        v = self.v(h).view(b, s, KV_HEADS, HEAD_DIM).transpose(1, 2)
        k, v = torch.cat([pk, k], dim=2), torch.cat([pv, v], dim=2)
        rep = HEADS // KV_HEADS
        kk = k.unsqueeze(2).expand(-1, -1, rep, -1, -1).flatten(1, 2)
        vv = v.unsqueeze(2).expand(-1, -1, rep, -1, -1).flatten(1, 2)
        att = torch.matmul(q, kk.transpose(-1, -2)) / (HEAD_DIM ** 0.5) + mask
        ctx = torch.matmul(torch.softmax(att, dim=-1), vv).transpose(1, 2).reshape(b, s, D)
        x = x + self.o(ctx)
        h = self.n2(x)
        return x + self.down(F.silu(self.gate(h)) * self.up(h)), k, v


class Decoder(nn.Module):
    def __init__(self, vocab):
        super().__init__()
        self.emb = nn.Embedding(vocab, D)
        self.blocks = nn.ModuleList([Block() for _ in range(LAYERS)])
        self.norm = RMSNorm()
        self.lm_head = nn.Linear(D, vocab, bias=False)
        for name, p in self.named_parameters():
            if "weight" in name and p.dim() == 2:
                nn.init.normal_(p, std=0.2)

    def forward(self, input_ids, attention_mask, position_ids, *past):
        s = input_ids.shape[1]
        past_len = past[0].shape[2]
        total = past_len + s
        q_idx = torch.arange(s)[:, None] + past_len
        k_idx = torch.arange(total)[None, :]
        allowed = (k_idx <= q_idx)[None, None, :, :] & (attention_mask[:, None, None, :] > 0)
        mask = (~allowed).to(torch.float32) * -1e9
        x = self.emb(input_ids)
        present = []
        for i, blk in enumerate(self.blocks):
            x, k, v = blk(x, position_ids, mask, past[2 * i], past[2 * i + 1])
            present += [k, v]
        return (self.lm_head(self.norm(x)),) + tuple(present)


def greedy(model, prompt, stop):
    ids = list(prompt)
    out = []
    with torch.no_grad():
        for _ in range(MAX_NEW):
            t = torch.tensor([ids])
            empty = [torch.zeros(1, KV_HEADS, 0, HEAD_DIM)] * (2 * LAYERS)
            logits = model(t, torch.ones_like(t), torch.arange(len(ids))[None, :], *empty)[0]
            nxt = int(torch.argmax(logits[0, -1]))
            out.append(nxt)
            ids.append(nxt)
            if nxt == stop:
                break
    return out


def main():
    torch.manual_seed(3)
    vocab, merges = train_bpe()
    specials = {BOS: len(vocab), EOS: len(vocab) + 1}
    n_vocab = len(vocab) + 2
    ids = {t: i for i, t in enumerate(vocab)}
    ranks = {m: r for r, m in enumerate(merges)}
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    tok = {
        "version": "1.0", "truncation": None, "padding": None,
        "added_tokens": [{"id": i, "content": s, "single_word": False, "lstrip": False, "rstrip": False,
                          "normalized": False, "special": True} for s, i in specials.items()],
        "normalizer": None,
        "pre_tokenizer": {"type": "Sequence", "pretokenizers": [
            {"type": "Split", "pattern": {"Regex": SPLIT}, "behavior": "Isolated", "invert": False},
            {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": False}]},
        "post_processor": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": False, "use_regex": True},
        "decoder": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True, "use_regex": True},
        "model": {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": None,
                  "end_of_word_suffix": None, "fuse_unk": False, "byte_fallback": False, "ignore_merges": False,
                  "vocab": ids, "merges": [a + " " + b for a, b in merges]},
    }
    with open(os.path.join(OUT, "tokenizer.json"), "w", encoding="utf-8") as f:
        json.dump(tok, f, ensure_ascii=False)
    model = Decoder(n_vocab).eval()
    names_in = ["input_ids", "attention_mask", "position_ids"]
    names_out = ["logits"]
    axes = {"input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "total"},
            "position_ids": {0: "batch", 1: "seq"}, "logits": {0: "batch", 1: "seq"}}
    for i in range(LAYERS):
        for kind in ("key", "value"):
            names_in.append("past_key_values.%d.%s" % (i, kind))
            names_out.append("present.%d.%s" % (i, kind))
            axes[names_in[-1]] = {0: "batch", 2: "past"}
            axes[names_out[-1]] = {0: "batch", 2: "total"}
    ex_ids = torch.tensor([[5, 6, 7]])
    ex_past = [torch.randn(1, KV_HEADS, 2, HEAD_DIM) for _ in range(2 * LAYERS)]
    torch.onnx.export(model, (ex_ids, torch.ones(1, 5, dtype=torch.long), torch.tensor([[2, 3, 4]])) + tuple(ex_past),
                      os.path.join(OUT, "model.onnx"), input_names=names_in, output_names=names_out,
                      dynamic_axes=axes, opset_version=17, do_constant_folding=True)
    config = {"architectures": ["LlamaForCausalLM"], "model_type": "llama", "hidden_size": D,
              "num_hidden_layers": LAYERS, "num_attention_heads": HEADS, "num_key_value_heads": KV_HEADS,
              "head_dim": HEAD_DIM, "vocab_size": n_vocab, "bos_token_id": specials[BOS], "eos_token_id": specials[EOS]}
    with open(os.path.join(OUT, "config.json"), "w") as f:
        json.dump(config, f, indent=1)
    cases = []
    for p in PROMPTS:
        prompt = encode(TEMPLATE.replace("{input}", p), ids, ranks, specials)
        cases.append({"input": p, "prompt_ids": prompt, "greedy_ids": greedy(model, prompt, specials[EOS])})
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump({"generator": "model/testdata/make_tiny_decoder.py (PyTorch %s, no KV cache)" % torch.__version__,
                   "template": TEMPLATE, "max_new_tokens": MAX_NEW, "stop": [EOS], "cases": cases}, f, indent=1)
    for n in sorted(os.listdir(OUT)):
        print(n, os.path.getsize(os.path.join(OUT, n)))
    print(cases[0])


if __name__ == "__main__":
    main()
