#!/usr/bin/env python3
"""SARIF output validates against the official SARIF 2.1.0 JSON schema
(tests/sarif/sarif-schema-2.1.0.json, from OASIS).

Usage: validate.py RESUMELINT RULES_DIR FILE_OR_DIR...
Lints every .md/.docx/.xml given (directories: the files in them, and the
real-resume corpus when a directory is ../shared/corpus) one run at a time
and all together, and validates each SARIF log. Exit 77 (skip) when
python3-jsonschema is missing."""
import json
import os
import subprocess
import sys

try:
    import jsonschema
except ImportError:
    print("python3-jsonschema is not installed: skipped")
    sys.exit(77)

rl, rules = sys.argv[1:3]
schema = json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "sarif-schema-2.1.0.json")))
validator = jsonschema.Draft7Validator(schema)

files = []
for arg in sys.argv[3:]:
    if os.path.isdir(arg):
        for root, _, names in sorted(os.walk(arg)):
            files += [os.path.join(root, n) for n in sorted(names) if n.endswith((".md", ".docx", ".xml"))]
    elif os.path.exists(arg):
        files.append(arg)
if not files:
    print("no inputs: skipped")
    sys.exit(77)


def check(paths):
    p = subprocess.run([rl, "--no-config", "--rules", rules, "--format", "sarif"] + paths,
                       capture_output=True, timeout=120)
    if p.returncode not in (0, 1, 2):
        return f"exit {p.returncode}: {p.stderr.decode(errors='replace')[:200]}"
    try:
        log = json.loads(p.stdout)
    except ValueError as e:
        return f"not JSON: {e}"
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    if errors:
        e = errors[0]
        return f"{len(errors)} schema errors, first at {'/'.join(map(str, e.path))}: {e.message[:200]}"
    results = log["runs"][0]["results"]
    for res in results:
        reg = res["locations"][0]["physicalLocation"]["region"]
        if reg["startLine"] < 1 or reg["startColumn"] < 1:
            return f"region not 1-based: {reg}"
    return None


failures = 0
for f in files:
    err = check([f])
    if err:
        failures += 1
        print(f"FAIL {f}: {err}")
err = check(files + ["/nonexistent/resume.md"])
if err:
    failures += 1
    print(f"FAIL all files together: {err}")
print(f"{len(files)} files: {failures} invalid SARIF logs")
sys.exit(1 if failures else 0)
