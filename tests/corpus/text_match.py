#!/usr/bin/env python3
"""Markdown text fidelity on the corpus: the words of resumelint --dump against
the words of pandoc -t plain, as multisets, both ways, at least 98%: nothing
pandoc shows is lost, nothing it hides (tags, attributes, fences) is linted.
Front matter and metadata blocks are left out of both. Skipped without the
corpus or without pandoc (a test-only dependency).

Usage: text_match.py RESUMELINT RULES_DIR"""
import collections, glob, os, re, shutil, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus import SKIP, corpus_dir  # noqa: E402


def words(s):
    return collections.Counter(re.findall(r"\w+", s.lower()))


def main():
    rl, rules = sys.argv[1:3]
    root = corpus_dir()
    if not shutil.which("pandoc"):
        print("pandoc not installed: skipped")
        return SKIP
    files = sorted(glob.glob(os.path.join(root, "md", "*.md")))
    ok = 0
    for f in files:
        p0 = subprocess.run(["pandoc", "-f", "markdown", "-t", "plain", "--wrap=none", f], capture_output=True)
        if p0.returncode:
            p0 = subprocess.run(["pandoc", "-f", "markdown-yaml_metadata_block", "-t", "plain", f],
                                capture_output=True)
        ref = words(p0.stdout.decode(errors="replace"))
        p = subprocess.run([rl, "--rules", rules, "--no-config", "--dump", f], capture_output=True, timeout=30)
        ours = collections.Counter()
        for line in p.stdout.decode(errors="replace").splitlines():
            cols = line.split("\t", 3)
            if len(cols) == 4 and cols[2] != "meta":
                ours += words(cols[3])
        common = sum((ref & ours).values())
        r1, r2 = common / max(1, sum(ref.values())), common / max(1, sum(ours.values()))
        if p.returncode in (0, 1) and r1 >= 0.98 and r2 >= 0.98:
            ok += 1
        else:
            print(f"{os.path.basename(f)}: exit {p.returncode}, pandoc's words found {r1:.3f}, "
                  f"ours in pandoc {r2:.3f}; missing {list((ref - ours))[:8]}, extra {list((ours - ref))[:8]}")
    print(f"{ok}/{len(files)} Markdown files: text matches pandoc both ways (>=98%)")
    return 0 if ok == len(files) else 1


if __name__ == "__main__":
    sys.exit(main())
