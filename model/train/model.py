"""docmill-mini: a small post-LN BERT-style encoder with two exits.

The encoder is split in two so it exports as two ONNX graphs:
  lower: embeddings + layers[:exit_layer] -> hidden, shallow heads
  upper: layers[exit_layer:] from hidden   -> full heads (+ salience)
Attention is written out by hand (no nn.MultiheadAttention) so the exported
graphs are plain MatMul/Softmax and quantise cleanly.
"""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class Config:
    """Model hyper-parameters; stored in the checkpoint and the manifest."""

    def __init__(self, vocab_size=10000, hidden=256, layers=6, heads=4, ffn=768, max_len=256,
                 exit_layer=2, n_class=4, n_subtype=50, dropout=0.1):
        self.vocab_size = vocab_size
        self.hidden = hidden
        self.layers = layers
        self.heads = heads
        self.ffn = ffn
        self.max_len = max_len
        self.exit_layer = exit_layer
        self.n_class = n_class
        self.n_subtype = n_subtype
        self.dropout = dropout

    def to_dict(self):
        return dict(self.__dict__)

    @classmethod
    def from_dict(cls, d):
        return cls(**d)


class Layer(nn.Module):
    """One post-LN transformer encoder layer."""

    def __init__(self, c):
        super().__init__()
        self.h = c.heads
        self.dk = c.hidden // c.heads
        self.qkv = nn.Linear(c.hidden, 3 * c.hidden)
        self.out = nn.Linear(c.hidden, c.hidden)
        self.ln1 = nn.LayerNorm(c.hidden, eps=1e-12)
        self.ff1 = nn.Linear(c.hidden, c.ffn)
        self.ff2 = nn.Linear(c.ffn, c.hidden)
        self.ln2 = nn.LayerNorm(c.hidden, eps=1e-12)
        self.drop = nn.Dropout(c.dropout)

    def forward(self, x, bias):
        b, s, d = x.shape
        qkv = self.qkv(x).view(b, s, 3, self.h, self.dk).permute(2, 0, 3, 1, 4)
        q, k, v = qkv[0], qkv[1], qkv[2]
        att = torch.matmul(q, k.transpose(-1, -2)) * (1.0 / math.sqrt(self.dk)) + bias
        att = self.drop(torch.softmax(att, dim=-1))
        ctx = torch.matmul(att, v).transpose(1, 2).reshape(b, s, d)
        x = self.ln1(x + self.drop(self.out(ctx)))
        y = self.ff2(self.drop(F.gelu(self.ff1(x))))
        return self.ln2(x + self.drop(y))


def attn_bias(mask):
    """[b, s] 0/1 mask -> additive [b, 1, 1, s] bias (large negative on padding)."""
    m = mask.to(torch.float32)
    return ((1.0 - m) * -10000.0)[:, None, None, :]


def masked_mean(x, mask):
    m = mask.to(x.dtype).unsqueeze(-1)
    return (x * m).sum(1) / m.sum(1).clamp(min=1.0)


class Heads(nn.Module):
    """Document heads (class, subtype) on a pooled state, per-token heads on tokens."""

    def __init__(self, c, salience):
        super().__init__()
        self.pool = nn.Linear(2 * c.hidden, c.hidden)
        self.cls = nn.Linear(c.hidden, c.n_class)
        self.sub = nn.Linear(c.hidden, c.n_subtype)
        self.tok = nn.Linear(c.hidden, c.hidden)
        self.kw = nn.Linear(c.hidden, 1)
        self.sal = nn.Linear(c.hidden, 1) if salience else None
        self.drop = nn.Dropout(c.dropout)

    def forward(self, x, mask):
        # Pool the [CLS] state and the mean of the real tokens.
        pooled = torch.tanh(self.pool(torch.cat([x[:, 0], masked_mean(x, mask)], dim=-1)))
        pooled = self.drop(pooled)
        t = self.drop(F.gelu(self.tok(x)))
        out = [self.cls(pooled), self.sub(pooled), self.kw(t).squeeze(-1)]
        if self.sal is not None:
            out.append(self.sal(t).squeeze(-1))
        return out


class MultiExit(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.c = c
        self.tok_emb = nn.Embedding(c.vocab_size, c.hidden)
        self.pos_emb = nn.Embedding(c.max_len, c.hidden)
        self.emb_ln = nn.LayerNorm(c.hidden, eps=1e-12)
        self.drop = nn.Dropout(c.dropout)
        self.layers = nn.ModuleList([Layer(c) for _ in range(c.layers)])
        self.shallow = Heads(c, salience=False)
        self.full = Heads(c, salience=True)
        # Masked-LM head (training only, never exported), tied to the embeddings.
        self.mlm_dense = nn.Linear(c.hidden, c.hidden)
        self.mlm_ln = nn.LayerNorm(c.hidden, eps=1e-12)
        self.mlm_bias = nn.Parameter(torch.zeros(c.vocab_size))
        self.apply(self._init)

    @staticmethod
    def _init(m):
        if isinstance(m, (nn.Linear, nn.Embedding)):
            nn.init.normal_(m.weight, std=0.02)
        if isinstance(m, nn.Linear) and m.bias is not None:
            nn.init.zeros_(m.bias)

    def lower(self, ids, mask):
        s = ids.shape[1]
        pos = torch.arange(s, device=ids.device).unsqueeze(0)
        x = self.drop(self.emb_ln(self.tok_emb(ids) + self.pos_emb(pos)))
        bias = attn_bias(mask)
        for layer in self.layers[: self.c.exit_layer]:
            x = layer(x, bias)
        return x

    def upper(self, x, mask):
        bias = attn_bias(mask)
        for layer in self.layers[self.c.exit_layer:]:
            x = layer(x, bias)
        return x

    def forward(self, ids, mask):
        h = self.lower(ids, mask)
        sh = self.shallow(h, mask)
        top = self.upper(h, mask)
        fu = self.full(top, mask)
        return h, top, sh, fu

    def mlm_logits(self, x):
        y = self.mlm_ln(F.gelu(self.mlm_dense(x)).float())
        return torch.matmul(y, self.tok_emb.weight.t()) + self.mlm_bias


class LowerExport(nn.Module):
    """Segment 1 for ONNX: (input_ids, attention_mask) -> hidden + shallow heads."""

    def __init__(self, m):
        super().__init__()
        self.m = m

    def forward(self, input_ids, attention_mask):
        h = self.m.lower(input_ids, attention_mask)
        c, s, k = self.m.shallow(h, attention_mask)
        return h, c, s, k


class UpperExport(nn.Module):
    """Segment 2 for ONNX: (hidden, attention_mask) -> full heads."""

    def __init__(self, m):
        super().__init__()
        self.m = m

    def forward(self, hidden, attention_mask):
        top = self.m.upper(hidden, attention_mask)
        c, s, k, sal = self.m.full(top, attention_mask)
        return c, s, k, sal


def param_count(m, exported_only=True):
    n = 0
    for name, p in m.named_parameters():
        if exported_only and name.startswith("mlm_"):
            continue
        n += p.numel()
    return n
