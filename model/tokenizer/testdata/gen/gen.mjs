// Writes reference token ids for docmill's tokenizer tests with
// @lenml/tokenizers (a port of transformers.js), so the Go tokenizer is
// checked against an independent implementation.
//
// usage: node gen.mjs NAME TOKENIZER_JSON OUT_JSON   (one tokenizer)
//        node gen.mjs                                (all bundled fixtures)
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { TokenizerLoader } from "@lenml/tokenizers";

const here = dirname(fileURLToPath(import.meta.url));

function longText() {
  const parts = [];
  for (let i = 0; i < 400; i++) {
    parts.push(`Section ${i}. The licensee shall pay ${i * 37} EUR within ${i % 30} days; ` +
      `failure (clause ${i}.${i % 7}) voids the agreement.\n`);
    if (i % 50 === 0) parts.push("本协议自双方签字之日起生效。 Café naïve résumé\t\tend   \n");
  }
  return parts.join("");
}

export const cases = [
  ["english", "The quick brown fox jumps over the lazy dog. Isn't it?"],
  ["english_code", "func (m *Model) Run(ctx context.Context) error { return nil } // x_y == 42"],
  ["chinese", "本协议自双方签字之日起生效，有效期为三年。"],
  ["mixed_zh_en", "ONNX Runtime 在 CPU 上运行 BERT 模型，速度很快。"],
  ["accents", "Café naïve résumé Zürich Ærøskøbing São Paulo ÉCOLE İstanbul"],
  ["whitespace_runs", "a    b  \n\n\n   c     \n  d"],
  ["tabs", "col1\tcol2\t\tcol3\n\tindented\t"],
  ["emoji", "Great job 👍🏽! 🚀 launch 🇩🇪 family: 👨‍👩‍👧"],
  ["numbers", "Version 1.24.1 costs $1,234,567.89 on 2025-11-28 at 17:12 UTC."],
  ["contractions", "I'm sure they've said you'll SEE IT'S done, we'd LL've"],
  ["punctuation", "Hello!!! (wait)... \"quoted\" -- [brackets] {braces} <tags> a/b\\c"],
  ["control_chars", "bell\u0007 nul\u0000 zero\u200bwidth soft\u00adhyphen nbsp\u00a0here ideographic\u3000space"],
  ["unicode_spaces", "en\u2002space thin\u2009space nel\u0085line narrow\u202fnbsp line\u2028sep"],
  ["compat_forms", "ﬁnancial ｆｕｌｌｗｉｄｔｈ Ｔｅｘｔ ① ½ ℃ ™ Å ǅ"],
  ["long_word", "x".repeat(150) + " supercalifragilisticexpialidocious https://example.com/a/very/long/path?query=1&x=2"],
  ["combining_marks", "e\u0301e\u0300\u0323 Z\u0351\u0352a\u0353l\u0354g\u0355o cafe\u0301"],
  ["greek_cyrillic", "ΣΊΣΥΦΟΣ Ὀδυσσεύς — Москва ПРИВЕТ"],
  ["newlines_crlf", "line one\r\nline two\r\n\r\nline four\n"],
  ["special_text", "before <|endoftext|> after [CLS] [SEP] text"],
  ["empty", ""],
  ["spaces_only", "     "],
  ["long", longText()],
];

// randomTexts are seeded random strings over characters that stress
// normalisation and splitting: mixed scripts, spaces of every kind,
// combining marks, control and zero-width characters, emoji.
function randomTexts(n) {
  let seed = 12345;
  const rnd = (k) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % k;
  };
  const pools = [
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "0123456789",
    " \t\n\r\u00a0\u2003\u3000\u200b\u2028",
    ".,;:!?'\"()[]{}<>-_/\\@#$%^&*+=~`|",
    "àáâãäåçèéêëìíîïñòóôõöùúûüýÿÀÉÎÕÜßæøœ",
    "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年",
    "αβγδεζηθΣσςΩωабвгдежзийклмнопАБВГД",
    "\u0301\u0308\u0327\u0323",
    "ﬁﬂ①½™ℌＡＢＣａｂｃ１２３",
    "\u0000\u0007\u001b\u007f\u00ad\ufeff",
    "😀👍🏽🚀🇩🇪👨‍👩‍👧❤️",
    "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
    "กขคงจฉชซญดตถทธนบปผพฟภมยรลวศษสหอฮ",
  ];
  const out = [];
  for (let i = 0; i < n; i++) {
    const len = 1 + rnd(60);
    let s = "";
    for (let k = 0; k < len; k++) {
      const pool = [...pools[rnd(pools.length)]];
      s += pool[rnd(pool.length)];
    }
    out.push([`random_${i}`, s]);
  }
  return out;
}

function load(file) {
  return TokenizerLoader.fromPreTrained({
    tokenizerJSON: JSON.parse(readFileSync(file, "utf8")),
    tokenizerConfig: {},
  });
}

function generate(name, file, out) {
  const tok = load(file);
  const rows = cases.concat(randomTexts(300)).map(([label, text]) => ({
    name: label,
    text,
    ids: Array.from(tok.encode(text, { add_special_tokens: true })),
  }));
  const body = rows.map((r) => " " + JSON.stringify(r)).join(",\n");
  writeFileSync(out, `{"tokenizer": ${JSON.stringify(name)}, "generator": "@lenml/tokenizers@3.7.2", "cases": [\n${body}\n]}\n`);
  console.log(`${name}: ${rows.length} cases -> ${out}`);
}

const args = process.argv.slice(2);
if (args.length === 3) {
  generate(args[0], args[1], args[2]);
} else {
  const fixtures = join(here, "..", "fixtures");
  generate("wordpiece", join(here, "..", "wordpiece", "tokenizer.json"), join(fixtures, "wordpiece.json"));
  generate("wordpiece-seq", join(here, "..", "wordpiece-seq", "tokenizer.json"), join(fixtures, "wordpiece-seq.json"));
  const mini = join(here, "..", "..", "..", "bundles", "docmill-mini", "tokenizer.json");
  if (existsSync(mini)) generate("docmill-mini", mini, join(fixtures, "docmill-mini.json"));
  for (const n of ["gpt4o", "llama3"]) {
    const f = join(here, "node_modules", "@lenml", `tokenizer-${n}`, "models", "tokenizer.json");
    if (existsSync(f)) generate(n, f, join(fixtures, `${n}.json`));
  }
}
