#!/usr/bin/env python3
"""Golden tests: each input file in this folder is linted and the output compared
byte for byte with the expectation files beside it.

  CASE.md (or .docx, .xml)  the input (README.md and job-* postings are not cases);
                            expectations of a .docx or .xml case are named after
                            its full name: CASE.docx.txt
  CASE.args                 optional: extra flags, one line, shell-split
  CASE.txt                  expected text output, then stderr and exit status
  CASE.json                 expected JSON output, then stderr and exit status
  CASE.dump                 optional: expected --dump output (the document model)

Usage: run.py RESUMELINT RULES_DIR EXPECT_DIR [INPUT_DIR] [--update]
Inputs are read from INPUT_DIR (default EXPECT_DIR, the cases' own folder);
the bundled samples are linted in place with their expectations kept apart.
--update rewrites the expectations (tools/regen-golden); review the diff.
"""
import difflib, os, shlex, subprocess, sys

INPUTS = (".md", ".docx", ".xml")


def run(rl, rules, folder, case, extra, fmt):
    mode = ["--dump"] if fmt == "dump" else ["--format", fmt]
    # RL_WRAPPER: a command the binary runs under (.ci/run: valgrind memcheck,
    # whose reports on stderr and exit status then fail the comparison)
    wrapper = shlex.split(os.environ.get("RL_WRAPPER", ""))
    cmd = wrapper + [rl, "--rules", rules, "--no-config", "--color", "never"] + mode + extra + [case]
    env = dict(os.environ)
    env.pop("NO_COLOR", None)
    # "present" in a date range means today: pin today so the outputs stay put
    env["SOURCE_DATE_EPOCH"] = "1795608000"  # 2026-11-25
    p = subprocess.run(cmd, cwd=folder, capture_output=True, env=env, timeout=300 if wrapper else 60)
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    if err:
        out += "--- stderr ---\n" + err
    return out + f"--- exit {p.returncode} ---\n"


def main():
    args = [a for a in sys.argv[1:] if a != "--update"]
    update = len(args) < len(sys.argv) - 1
    rl, rules, expect = args[:3]
    folder = args[3] if len(args) > 3 else expect
    rl, rules = os.path.abspath(rl), os.path.abspath(rules)
    cases = sorted(f for f in os.listdir(folder)
                   if f.endswith(INPUTS) and not f.startswith((".", "job-")) and f != "README.md")
    failed = 0
    for case in cases:
        # CASE.md keeps CASE.txt; other inputs add to their full name
        # (both-formats.docx.txt), so one resume can be a case in both formats
        stem = os.path.splitext(case)[0] if case.endswith(".md") else case
        extra = []
        args_file = os.path.join(expect, stem + ".args")
        if os.path.exists(args_file):
            extra = shlex.split(open(args_file, encoding="utf-8").read())
        formats = [("text", ".txt"), ("json", ".json")]
        if os.path.exists(os.path.join(expect, stem + ".dump")):
            formats.append(("dump", ".dump"))
        for fmt, ext in formats:
            got = run(rl, rules, folder, case, extra, fmt)
            want_path = os.path.join(expect, stem + ext)
            if update:
                with open(want_path, "w", encoding="utf-8") as f:
                    f.write(got)
                continue
            if not os.path.exists(want_path):
                print(f"FAIL {case} [{fmt}]: no expectation {stem + ext} (run tools/regen-golden)")
                failed += 1
                continue
            want = open(want_path, encoding="utf-8").read()
            if got != want:
                failed += 1
                print(f"FAIL {case} [{fmt}]")
                sys.stdout.writelines(difflib.unified_diff(
                    want.splitlines(True), got.splitlines(True), want_path, "actual"))
            else:
                print(f"ok   {case} [{fmt}]")
    if update:
        print(f"updated {len(cases)} cases")
        return 0
    print(f"{len(cases)} cases, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
