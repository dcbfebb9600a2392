#!/usr/bin/env python3
"""--jobs gives the same report, byte for byte and in input order, as one
thread: over folders of inputs (the golden cases, the samples, and the corpus
when it is there), in text, JSON and SARIF, with unreadable files mixed in.

Usage: jobs.py RESUMELINT RULES_DIR FOLDER..."""
import os
import subprocess
import sys

rl, rules = sys.argv[1:3]
folders = [f for f in sys.argv[3:] if os.path.isdir(f)]
args = folders + ["/nonexistent/cv.md"]
failures = 0
for fmt in ("text", "json", "sarif"):
    outs = []
    for jobs in ("1", "3"):
        p = subprocess.run([rl, "--no-config", "--rules", rules, "--format", fmt, "--color", "never",
                            "--jobs", jobs] + args, capture_output=True, timeout=300,
                           env=dict(os.environ, SOURCE_DATE_EPOCH="1795608000"))
        outs.append((p.returncode, p.stdout, p.stderr))
    if outs[0] != outs[1]:
        failures += 1
        print(f"FAIL --format {fmt}: --jobs 3 differs from --jobs 1 "
              f"(exit {outs[0][0]} vs {outs[1][0]}, {len(outs[0][1])} vs {len(outs[1][1])} bytes)")
    elif outs[0][0] != 2:
        failures += 1
        print(f"FAIL --format {fmt}: exit {outs[0][0]}, not 2 (an input could not be read)")
print(f"--jobs 3 and --jobs 1 agree on {', '.join(folders)}: {3 - failures}/3 formats")
sys.exit(1 if failures else 0)
