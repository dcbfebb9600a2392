#!/usr/bin/env python3
"""The same resume as Markdown and as .docx (made from it by pandoc) gets the
same findings: same rules, same offending text, same sections.

Usage: both_formats.py RESUMELINT RULES_DIR GOLDEN_DIR"""
import glob, json, os, shlex, subprocess, sys


def findings(rl, rules, path):
    wrapper = shlex.split(os.environ.get("RL_WRAPPER", ""))  # see run.py
    p = subprocess.run(wrapper + [rl, "--rules", rules, "--no-config", "--format", "json", path], capture_output=True)
    if wrapper and p.returncode == 99:  # the wrapper's (valgrind's) error exit
        sys.exit(f"FAIL {path}: under {wrapper[0]}:\n{p.stderr.decode('utf-8', 'replace')}")
    doc = json.loads(p.stdout)
    return sorted((f["rule"], f["text"], f["section"]) for f in doc["files"][0]["findings"]
                  if f["rule"] != "one-page")


def main():
    rl, rules, folder = sys.argv[1:4]
    bad = 0
    for md in sorted(glob.glob(os.path.join(folder, "*.md"))):
        docx = md[:-3] + ".docx"
        if not os.path.exists(docx):
            continue
        a, b = findings(rl, rules, md), findings(rl, rules, docx)
        if a != b or not a:
            bad += 1
            print(f"FAIL {os.path.basename(md)}: markdown {a}\n     docx     {b}")
        else:
            print(f"ok   {os.path.basename(md)}: {len(a)} findings alike in both formats")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
