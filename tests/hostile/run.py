#!/usr/bin/env python3
"""Hostile inputs: each file here ends with its expected exit status and
exactly one line on stderr (expected.txt: FILE<TAB>EXIT<TAB>STDERR), within a
second and in under 64 MB (peak resident memory of the process), also under
the sanitizers. Files are made by tools/gen-hostile.py.

Usage: run.py RESUMELINT RULES_DIR HOSTILE_DIR [--update]"""
import os, sys, time

LIMIT_S = 1.0
LIMIT_MB = 64


def run(argv, cwd):
    r, w = os.pipe()
    devnull = os.open(os.devnull, os.O_WRONLY)
    t0 = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.chdir(cwd)
        os.dup2(devnull, 1)
        os.dup2(w, 2)
        os.execv(argv[0], argv)
    os.close(w)
    err = b""
    while chunk := os.read(r, 65536):
        err += chunk
    _, status, usage = os.wait4(pid, 0)
    os.close(r)
    os.close(devnull)
    return os.waitstatus_to_exitcode(status), err.decode("utf-8", "replace"), time.perf_counter() - t0, usage.ru_maxrss / 1024


def main():
    args = [a for a in sys.argv[1:] if a != "--update"]
    update = len(args) < len(sys.argv) - 1
    rl, rules, folder = (os.path.abspath(a) for a in args[:3])
    expected_path = os.path.join(folder, "expected.txt")
    cases = sorted(f for f in os.listdir(folder) if not f.endswith((".txt", ".py")) and not f.startswith("."))
    expected = {}
    if os.path.exists(expected_path):
        for line in open(expected_path, encoding="utf-8"):
            if line.strip() and not line.startswith("#"):
                name, code, msg = line.rstrip("\n").split("\t", 2)
                expected[name] = (int(code), msg)
    rows, bad = [], 0
    for case in cases:
        code, err, secs, mb = run([rl, "--rules", rules, "--no-config", "--format", "json", case], folder)
        lines = err.splitlines()
        rows.append(f"{case}\t{code}\t{lines[0] if lines else ''}")
        problems = []
        if len(lines) > 1:
            problems.append(f"{len(lines)} lines on stderr")
        if secs > LIMIT_S:
            problems.append(f"took {secs:.2f} s")
        if mb > LIMIT_MB:
            problems.append(f"used {mb:.0f} MB")
        want = expected.get(case)
        if not update and want != (code, lines[0] if lines else ""):
            problems.append(f"got exit {code} {lines[:1]}, expected {want}")
        bad += bool(problems)
        print(f"{'FAIL' if problems else 'ok  '} {case}: exit {code}, {secs * 1000:.0f} ms, {mb:.1f} MB"
              + (": " + "; ".join(problems) if problems else ""))
    if update:
        with open(expected_path, "w", encoding="utf-8") as f:
            f.write("# file\texit\tthe one line on stderr (tests/hostile/run.py --update)\n")
            f.write("\n".join(rows) + "\n")
    print(f"{len(cases)} hostile inputs, {bad} failed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
