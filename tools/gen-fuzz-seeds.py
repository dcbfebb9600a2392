#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz harnesses, tests/fuzz/corpus/<harness>/,
from the project's own inputs (samples/, tests/golden/, tests/hostile/,
tests/pagefit/synthetic/, rules/) plus a few small hand-made cases. Run by
hand when inputs are added; the seeds are committed and `meson test --suite
fuzz` replays them. Files named regress-* (a crash a fuzzer found, kept as a
named regression input) are never touched."""
import glob, io, os, re, shutil, zipfile

TOP = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(TOP, "tests", "fuzz", "corpus")
MAX = 64 * 1024  # seeds stay small: the fuzzer mutates them, the replay stays fast


def files(pattern, limit=None):
    got = sorted(f for f in glob.glob(os.path.join(TOP, pattern)) if os.path.getsize(f) <= MAX)
    return got[:limit] if limit else got


def seed_name(path):
    rel = os.path.relpath(path, TOP)
    return re.sub(r"[^A-Za-z0-9.]+", "-", rel)


def flat_opc(docx_path):
    """A .docx as one Flat OPC file (what Word saves as "Word XML Document")."""
    parts = []
    with zipfile.ZipFile(docx_path) as z:
        for info in z.infolist():
            data = z.read(info.filename).decode("utf-8")
            if not info.filename.endswith((".xml", ".rels")):
                continue
            data = re.sub(r"^<\?xml[^>]*\?>", "", data)
            ct = ("application/vnd.openxmlformats-package.relationships+xml" if info.filename.endswith(".rels")
                  else "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")
            parts.append(f'<pkg:part pkg:name="/{info.filename}" pkg:contentType="{ct}"><pkg:xmlData>{data}</pkg:xmlData></pkg:part>')
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n'
            '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">' + "".join(parts) + "</pkg:package>")


WORD2003 = ('<?xml version="1.0" encoding="UTF-8"?><?mso-application progid="Word.Document"?>'
            '<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"><w:body>'
            '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Jane Doe</w:t></w:r></w:p>'
            '<w:p><w:r><w:t>Experience</w:t></w:r></w:p><w:p><w:r><w:t>GPA: 3.9/4.0</w:t></w:r></w:p>'
            '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
            '</w:body></w:wordDocument>')

# Small Markdown that reaches the corners: every construct the pre-pass and
# md4c know, and the shapes that used to be costly.
MARKDOWN = {
    "constructs.md": "---\ntitle: x\nresumelint: {markdown: commonmark}\n---\n% Title\n% Author\n\n# H {#id .c}\n\n"
                     "Term\n:   def\n\n| line\n| block\n\n::: div\ntext [span]{.sc}\n:::\n\n\\newpage\n\n"
                     "<div>html *em*</div><!-- resumelint-disable-next-line no-gpa -->\nGPA 3.9\n\n"
                     "| a | b |\n|---|---|\n| 1 | 2 |\n\n- [link](http://x) ![img](a.png) `code` **b** _i_\n"
                     "    1. nested\n\n```\nfence\n```\n\r\nCR\rline\r\n",
    "nesting.md": "[" * 200 + "x" + "]" * 200 + "\n\n" + "> " * 100 + "q\n\n" + "".join("  " * i + "- x\n" for i in range(60)),
    "emphasis.md": "*a **b" * 200 + "\n\n" + "`" * 300 + "\n\n" + "_" * 500 + "\n",
    "bytes.md": "caf\xe9 \x00 \ufeff\u2028 text\n",
}

CONFIG = ("rules:\n  no-gpa: off\n  no-objective: error\nmax-pages: 2\npaper: a4\njob: posting.md\nskills: extra.tsv\n"
          "match-threshold: 60\nmarkdown: commonmark\nprofile: uk\nlevel: entry\nlayout:\n  render: latex-11pt\n"
          "  margins: 2cm\n  font: Georgia\n  font-size: 11\n  line-spacing: 1.15\n")


def cuts_flat_opc():
    """A Flat OPC file whose parts hold what the Word reader cuts before
    parsing (prune.c): latent styles, rsids, list definitions and levels no
    paragraph uses, a picture bullet, run properties it never reads."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    rt = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

    def part(name, xml):
        return (f'<pkg:part pkg:name="{name}" pkg:contentType="application/xml"><pkg:xmlData>{xml}'
                '</pkg:xmlData></pkg:part>')

    rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rt}officeDocument" Target="word/document.xml"/></Relationships>')
    doc_rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                f'<Relationship Id="rId1" Type="{rt}styles" Target="styles.xml"/>'
                f'<Relationship Id="rId2" Type="{rt}numbering" Target="numbering.xml"/>'
                f'<Relationship Id="rId3" Type="{rt}settings" Target="settings.xml"/></Relationships>')
    doc = (f'<w:document xmlns:w="{w}"><w:body><w:p w:rsidR="00A1"><w:pPr><w:numPr><w:ilvl w:val="1"/>'
           '<w:numId w:val="2"/></w:numPr><w:shd w:fill="FFFF00"/></w:pPr><w:r><w:rPr><w:lang w:val="en-GB"/>'
           '<w:color w:val="FF0000"/><w:szCs w:val="20"/></w:rPr><w:t>Led a team</w:t></w:r>'
           '<w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="0" w:name="x"/><w:bookmarkEnd w:id="0"/>'
           '</w:p></w:body></w:document>')
    styles = (f'<w:styles xmlns:w="{w}"><w:latentStyles w:count="2"><w:lsdException w:name="Normal"/>'
              '<w:lsdException w:name="heading 1" w:qFormat="1"/></w:latentStyles>'
              '<w:style w:type="paragraph" w:styleId="Normal" w:default="1"><w:name w:val="Normal"/></w:style>'
              '</w:styles>')
    numbering = (f'<w:numbering xmlns:w="{w}"><w:numPicBullet w:numPicBulletId="0"><w:pict/></w:numPicBullet>'
                 '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl>'
                 '</w:abstractNum><w:abstractNum w:abstractNumId="1" w:x="a&gt;b"><w:lvl w:ilvl="0">'
                 '<w:numFmt w:val="decimal"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:pPr>'
                 '<w:ind w:left="1440" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2">'
                 '<w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"/></w:lvlOverride>'
                 '</w:num></w:numbering>')
    settings = (f'<w:settings xmlns:w="{w}"><w:defaultTabStop w:val="720"/><w:rsids><w:rsidRoot w:val="00A1"/>'
                '<w:rsid w:val="00A1"/></w:rsids></w:settings>')
    return ('<?xml version="1.0" standalone="yes"?>\n'
            '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">'
            + part("/_rels/.rels", rels) + part("/word/document.xml", doc)
            + part("/word/_rels/document.xml.rels", doc_rels) + part("/word/styles.xml", styles)
            + part("/word/numbering.xml", numbering) + part("/word/settings.xml", settings)
            + "</pkg:package>\n")


def write(harness, name, data):
    d = os.path.join(OUT, harness)
    os.makedirs(d, exist_ok=True)
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(os.path.join(d, name), mode, **({} if mode == "wb" else {"encoding": "utf-8", "newline": ""})) as f:
        f.write(data)


def copy(harness, path):
    write(harness, seed_name(path), open(path, "rb").read())


def main():
    for h in ("markdown", "docx", "wordxml", "rule", "config", "posting", "pipeline"):
        d = os.path.join(OUT, h)
        if os.path.isdir(d):
            for f in os.listdir(d):
                if not f.startswith("regress-"):
                    os.remove(os.path.join(d, f))
    md = files("samples/*.md") + files("tests/golden/*.md") + files("tests/pagefit/synthetic/m0*.md")
    docx = files("tests/golden/*.docx") + files("tests/hostile/*.docx") + files("tests/pagefit/synthetic/d0*.docx", 4)
    xml = files("tests/hostile/*.xml")
    for p in md:
        copy("markdown", p)
        copy("pipeline", p)
    for name, text in MARKDOWN.items():
        write("markdown", name, text)
        write("pipeline", name, text)
    for p in docx:
        copy("docx", p)
    for p in files("tests/golden/*.docx") + files("tests/pagefit/synthetic/d0*.docx", 2):
        copy("pipeline", p)
    for p in xml:
        copy("wordxml", p)
    for p in files("tests/golden/*.docx") + files("tests/pagefit/synthetic/d0*.docx", 3):
        write("wordxml", seed_name(p) + ".flat.xml", flat_opc(p))
    write("wordxml", "word2003.xml", WORD2003)
    write("wordxml", "cuts.xml", cuts_flat_opc())
    write("pipeline", "word2003.xml", WORD2003)
    write("pipeline", "flat.xml", flat_opc(files("tests/golden/*.docx")[0]))
    for p in files("rules/*.yaml"):
        copy("rule", p)
    for p in files("tests/golden/*.yml"):
        copy("config", p)
    write("config", "all-keys.yml", CONFIG)
    for p in files("samples/job-posting.md") + files("samples/resume-tailored.md"):
        copy("posting", p)
    write("posting", "plain.txt", "Senior Data Engineer\n\nRequirements:\n- Python, SQL, Airflow/Luigi\n- 5+ years\n\nNice to have: Kubernetes\n")
    for p in files("tests/golden/*.docx"):
        copy("posting", p)
    for h in sorted(os.listdir(OUT)):
        print(h, len(os.listdir(os.path.join(OUT, h))), "seeds")


if __name__ == "__main__":
    main()
