#!/usr/bin/env python3
"""Word text fidelity on the corpus: for every .docx, the words of
resumelint --dump (headers and footers aside) against the words pandoc
extracts (its HTML output with the tags removed: pandoc's plain writer wraps
narrow table columns and CJK lines mid-word, which is layout, not text). At
least 98% of pandoc's words must be ours, and no paragraph may be read twice
(the corpus has text boxes stored twice, as DrawingML and as VML): a
paragraph may show up in --dump no more often than document.xml has it once
the VML copies (mc:Fallback) are set aside. pandoc drops text-box text that
Word shows, so ours may be longer.

Usage: docx_text.py RESUMELINT RULES_DIR"""
import collections, glob, html.parser, os, re, shutil, subprocess, sys, zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus import SKIP, corpus_dir  # noqa: E402


class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.out = []

    def handle_data(self, d):
        self.out.append(d)

    def handle_starttag(self, tag, attrs):
        self.out.append(" ")

    def handle_endtag(self, tag):
        self.out.append(" ")


def words(s):
    return collections.Counter(re.findall(r"\w+", s.lower()))


def main():
    rl, rules = sys.argv[1:3]
    root = corpus_dir()
    if not shutil.which("pandoc"):
        print("pandoc not installed: skipped")
        return SKIP
    files = sorted(glob.glob(os.path.join(root, "docx", "*.docx")))
    ok = 0
    for f in files:
        t = Text()
        t.feed(subprocess.run(["pandoc", "-t", "html", f], capture_output=True).stdout.decode(errors="replace"))
        ref = words("".join(t.out))
        p = subprocess.run([rl, "--rules", rules, "--no-config", "--dump", f], capture_output=True, timeout=30)
        ours, texts = collections.Counter(), collections.Counter()
        for line in p.stdout.decode(errors="replace").splitlines():
            cols = line.split("\t", 3)
            if len(cols) == 4 and cols[2] not in ("header", "footer"):
                ours += words(cols[3])
                if len(cols[3].split()) >= 4:
                    texts[cols[3]] += 1
        recall = sum((ref & ours).values()) / max(1, sum(ref.values()))
        # a paragraph of four words or more read more often than pandoc has it
        doubled = [t for t, n in texts.items() if n > 1 and n > xml_count(f, t)]
        good = p.returncode in (0, 1) and recall >= 0.98 and not doubled
        ok += good
        print(f"{'ok  ' if good else 'FAIL'} {os.path.basename(f)}: exit {p.returncode}, recall {recall:.3f}, "
              f"words {sum(ours.values())} vs pandoc {sum(ref.values())}"
              + (f", doubled: {doubled[:2]}" if doubled else "")
              + (f", missing {list((ref - ours).items())[:6]}" if recall < 0.98 else ""))
    print(f"{ok}/{len(files)} docx files: pandoc's words found (>=98%), no paragraph doubled")
    return 0 if ok == len(files) else 1


def xml_count(path, text):
    """How many paragraphs of document.xml hold this text, mc:Fallback aside."""
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8", "replace")
    xml = re.sub(r"<mc:Fallback>.*?</mc:Fallback>", "", xml, flags=re.S)
    paras = ["".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p)) for p in re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.S)]
    paras += re.findall(r'<w:tbl(?:Caption|Description) w:val="([^"]*)"', xml)  # table alt text
    key = re.sub(r"\s+", " ", text).strip()
    return sum(re.sub(r"\s+", " ", p).strip() == key for p in paras)


if __name__ == "__main__":
    sys.exit(main())
