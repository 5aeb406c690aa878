#!/usr/bin/python3
"""Rebuild docmill's samples/ folder from the shared datasets plus generated
logs. Run from the repository root:

    /usr/bin/python3 samples/gen/make_samples.py        # everything
    /usr/bin/python3 samples/gen/make_samples.py bad    # only samples/bad

Needs the datasets (DOCMILL_DATASETS, default ../shared/datasets) and, for
the PDF and DOCX files, LibreOffice (Debian: libreoffice-writer-nogui) and
fonts-noto-cjk. Licences and sources of every file are in samples/NOTICE.md.
"""
import ast
import html
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

ROOT = os.getcwd()
DATA = os.environ.get("DOCMILL_DATASETS", os.path.join(ROOT, "..", "shared", "datasets"))
S = os.path.join(ROOT, "samples")

CONTRACTS = ["cuad-138", "cuad-249", "cuad-143", "cuad-236"]  # CUAD texts kept as .txt
CONTRACT_DOCX = "cuad-187"                                     # CUAD text rendered as DOCX
CONTRACT_PDF = "cuad-044"                                      # original CUAD PDF, copied
ARTICLES_TXT = ["2016-679-art5", "2016-679-art17", "2016-679-art33"]
ARTICLE_MD = "2022-2555-art21"
ARTICLE_HTML = "2022-1925-art5"
ARTICLE_PDF = "2016-679-art6"
CSL_TXT = "csl-dev-0175"   # UTF-8 and GBK copies
CSL_PDF = "csl-test-0154"


def jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def write(rel, text, encoding="utf-8"):
    path = os.path.join(S, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding=encoding, newline="\n") as f:
        f.write(text)
    return path


def soffice(src, fmt, outdir):
    """Convert src with LibreOffice into outdir (pdf or docx)."""
    subprocess.run(["soffice", "--headless", "--norestore", "--convert-to", fmt, "--outdir", outdir, src],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def slug(s):
    return "".join(c if c.isalnum() else "-" for c in s.lower()).strip("-").replace("--", "-")[:40]


def article_text(a):
    return f"{a['act']} ({a['act_short']})\nArticle {a['article']}\n{a['heading']}\n\n{a['text']}\n"


def article_html(a):
    paras = "\n".join(f"<p>{html.escape(p)}</p>" for p in a["text"].split("\n") if p.strip())
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{html.escape(a['act'])}, Article {a['article']}: {html.escape(a['heading'])}</title>
<style>body {{ font-family: serif; max-width: 42em; margin: 2em auto; }}</style>
</head>
<body>
<nav><a href="#">EUR-Lex</a> &gt; <a href="#">{html.escape(a['act_short'])}</a></nav>
<h1>Article {a['article']}</h1>
<h2>{html.escape(a['heading'])}</h2>
<p><em>{html.escape(a['act'])}, {html.escape(a['chapter'])}</em></p>
{paras}
<footer><p>Source: EUR-Lex, &copy; European Union, https://eur-lex.europa.eu. Only the EUR-Lex text is authentic.</p></footer>
</body>
</html>
"""


def article_md(a):
    body = "\n\n".join(p for p in a["text"].split("\n") if p.strip())
    return (f"# Article {a['article']}: {a['heading']}\n\n*{a['act']} ({a['act_short']}), {a['chapter']}*\n\n{body}\n\n"
            "> Source: EUR-Lex, © European Union, https://eur-lex.europa.eu. Only the EUR-Lex text is authentic.\n")


def contract_title(c):
    """CUAD's own "Document Name" label, e.g. STRATEGIC ALLIANCE AGREEMENT."""
    labels = c["labels"] if isinstance(c["labels"], dict) else ast.literal_eval(c["labels"])
    return (labels.get("Document Name") or c["id"]).title()


def contract_html(c):
    lines = [l.strip() for l in c["text"].split("\n")]
    out, title = [], contract_title(c)
    for l in lines:
        if not l:
            continue
        if l.isupper() and len(l) < 80:
            out.append(f"<h2>{html.escape(l)}</h2>")
        else:
            out.append(f"<p>{html.escape(l)}</p>")
    return f"<html><head><meta charset='utf-8'><title>{html.escape(title)}</title></head><body>{''.join(out)}</body></html>"


def make_bad():
    """Dead-letter demonstrations: a PDF whose body is destroyed after its
    first object (no catalog, no xref, so not even a rebuilt cross-reference
    table helps), and random bytes."""
    rng = random.Random(7)
    with open(os.path.join(S, "regulations", "gdpr-article-6.pdf"), "rb") as f:
        pdf = f.read()
    head = pdf[: pdf.index(b"stream")]
    body = bytes(rng.randrange(256) for _ in range(16384)).replace(b"obj", b"xxx").replace(b"Catalog", b"xxxxxxx")
    with open(os.path.join(S, "bad", "corrupt.pdf"), "wb") as f:
        f.write(head + body + b"\n%%EOF\n")
    with open(os.path.join(S, "bad", "junk.bin"), "wb") as f:
        f.write(bytes(rng.randrange(256) for _ in range(8192)))


def main():
    if sys.argv[1:] == ["bad"]:
        make_bad()
        return
    if not os.path.isdir(DATA):
        sys.exit(f"datasets not found at {DATA} (set DOCMILL_DATASETS)")
    for d in ["contracts", "regulations", "logs", "chinese", "bad"]:
        shutil.rmtree(os.path.join(S, d), ignore_errors=True)
        os.makedirs(os.path.join(S, d))
    contracts = {c["id"]: c for c in jsonl(os.path.join(DATA, "cuad_contracts", "contracts.jsonl"))}
    articles = {a["id"]: a for a in jsonl(os.path.join(DATA, "eu_digital_acquis_articles", "articles.jsonl"))}
    csl = {r["id"]: r for r in jsonl(os.path.join(DATA, "csl_zh_keywords", "csl_kg_devtest.jsonl"))}
    tmp = tempfile.mkdtemp()
    try:
        for cid in CONTRACTS:
            c = contracts[cid]
            write(f"contracts/{cid}-{slug(c['contract_type'])}.txt", c["text"])
        shutil.copy(os.path.join(DATA, "cuad_contracts", "pdf", CONTRACT_PDF + ".pdf"),
                    os.path.join(S, "contracts", f"{CONTRACT_PDF}-{slug(contracts[CONTRACT_PDF]['contract_type'])}.pdf"))
        c = contracts[CONTRACT_DOCX]
        name = f"{CONTRACT_DOCX}-{slug(c['contract_type'])}"
        src = os.path.join(tmp, name + ".html")
        with open(src, "w", encoding="utf-8") as f:
            f.write(contract_html(c))
        soffice(src, "docx:MS Word 2007 XML", tmp)
        shutil.copy(os.path.join(tmp, name + ".docx"), os.path.join(S, "contracts", name + ".docx"))

        for aid in ARTICLES_TXT:
            a = articles[aid]
            write(f"regulations/{slug(a['act_short'])}-article-{a['article']}.txt", article_text(a))
        a = articles[ARTICLE_MD]
        write(f"regulations/{slug(a['act_short'])}-article-{a['article']}.md", article_md(a))
        a = articles[ARTICLE_HTML]
        write(f"regulations/{slug(a['act_short'])}-article-{a['article']}.html", article_html(a))
        a = articles[ARTICLE_PDF]
        name = f"{slug(a['act_short'])}-article-{a['article']}"
        src = os.path.join(tmp, name + ".html")
        with open(src, "w", encoding="utf-8") as f:
            f.write(article_html(a))
        soffice(src, "pdf:writer_web_pdf_Export", tmp)
        shutil.copy(os.path.join(tmp, name + ".pdf"), os.path.join(S, "regulations", name + ".pdf"))

        subprocess.run([sys.executable, os.path.join(S, "gen", "gen_logs.py"), os.path.join(S, "logs")], check=True)
        # A log as PDF: the first 60 lines of the application log, printed.
        with open(os.path.join(S, "logs", "billing-service.log"), encoding="utf-8") as f:
            head = f.read().split("\n")[:60]
        src = os.path.join(tmp, "billing-service-excerpt.txt")
        with open(src, "w", encoding="utf-8") as f:
            f.write("\n".join(head) + "\n")
        soffice(src, "pdf", tmp)
        shutil.copy(os.path.join(tmp, "billing-service-excerpt.pdf"), os.path.join(S, "logs", "billing-service-excerpt.pdf"))

        r = csl[CSL_TXT]
        text = f"{r['title']}\n\n{r['text']}\n"
        write(f"chinese/{CSL_TXT}.txt", text)
        write(f"chinese/{CSL_TXT}-gbk.txt", text, encoding="gbk")
        r = csl[CSL_PDF]
        src = os.path.join(tmp, CSL_PDF + ".txt")
        with open(src, "w", encoding="utf-8") as f:
            f.write(f"{r['title']}\n\n{r['text']}\n")
        soffice(src, "pdf", tmp)
        shutil.copy(os.path.join(tmp, CSL_PDF + ".pdf"), os.path.join(S, "chinese", CSL_PDF + ".pdf"))

        make_bad()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
