#!/usr/bin/env python3
"""On every Markdown resume of the corpus: resumelint --format json exits 0 or 1,
the JSON has the contract's fields, and every finding's line:column points at
its text (the source sliced at the reported position starts with it).

Usage: positions.py RESUMELINT RULES_DIR"""
import glob, json, os, re, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus import corpus_dir  # noqa: E402

FILE_KEYS = {"path", "format", "status", "pages", "findings"}
FINDING_KEYS = {"rule", "severity", "message", "advice", "line", "column", "end_line",
                "end_column", "section", "text"}


def main():
    rl, rules = sys.argv[1:3]
    files = sorted(glob.glob(os.path.join(corpus_dir(), "md", "*.md")))
    problems, checked = [], 0
    for f in files:
        p = subprocess.run([rl, "--rules", rules, "--no-config", "--format", "json", f],
                           capture_output=True, timeout=30)
        if p.returncode not in (0, 1):
            problems.append(f"{f}: exit {p.returncode}: {p.stderr.decode()[:200]}")
            continue
        doc = json.loads(p.stdout)
        ent = doc["files"][0]
        missing = FILE_KEYS - ent.keys()
        if missing or not {"files", "errors", "warnings", "infos"} <= doc["summary"].keys():
            problems.append(f"{f}: JSON lacks {missing or 'summary fields'}")
            continue
        lines = open(f, encoding="utf-8", errors="replace").read()
        lines = lines.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
        for x in ent["findings"]:
            if FINDING_KEYS - x.keys():
                problems.append(f"{f}: finding lacks {FINDING_KEYS - x.keys()}")
                continue
            text = x["text"]
            if not text:
                continue
            checked += 1
            line = lines[x["line"] - 1] if 0 < x["line"] <= len(lines) else ""
            at = line[x["column"] - 1:]
            # the text is the model's (markup removed): its first word must
            # start exactly at the reported column
            first = (re.match(r"\w+|\S", text.lstrip()) or re.match(r".", text)).group(0)
            if not at.startswith(first):
                problems.append(f"{f}:{x['line']}:{x['column']}: {x['rule']} text {text[:30]!r} "
                                f"is not there: {at[:30]!r}")
    for p in problems:
        print(p)
    print(f"{len(files)} files, {checked} findings with text checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
