#!/usr/bin/env python3
"""Pandoc definition lists land in their sections: for three corpus resumes
that write every job and degree as a definition list, the number of terms per
section in --dump must be what a person counted by reading the file.

Usage: deflist_sections.py RESUMELINT RULES_DIR"""
import collections, os, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus import corpus_dir  # noqa: E402

# Counted by hand from the files (headings and the term lines under them).
EXPECTED = {
    "md010": {"education": 3, "publications": 3, "other": 3, "experience": 10},
    "md019": {"experience": 9, "projects": 6, "education": 2},
    # md043's "**Cloud**" terms are a definition list too (pandoc -t native)
    "md043": {"education": 1, "certifications": 2, "skills": 19, "experience": 6, "publications": 0,
              "other": 4},
}


def main():
    rl, rules = sys.argv[1:3]
    root, bad = corpus_dir(), 0
    for name, want in EXPECTED.items():
        p = subprocess.run([rl, "--rules", rules, "--no-config", "--dump",
                            os.path.join(root, "md", name + ".md")], capture_output=True, timeout=30)
        got = collections.Counter(line.split("\t")[1] for line in p.stdout.decode().splitlines()
                                  if line.split("\t")[2:3] == ["term"])
        diff = {k: (v, got.get(k, 0)) for k, v in want.items() if got.get(k, 0) != v}
        extra = {k: v for k, v in got.items() if k not in want}
        if diff or extra or p.returncode not in (0, 1):
            bad += 1
            print(f"{name}: expected vs got {diff}, unexpected {extra}, exit {p.returncode}")
        else:
            print(f"{name}: ok {dict(got)}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
