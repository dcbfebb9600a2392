#!/usr/bin/env python3
"""No data loss, no writes: one run over good and broken files together.

Every file keeps its entry in the JSON report, in input order; each good file
has exactly the findings it gets when linted alone; each broken one has
"status": "error" and its message; the exit status is 2. The inputs are only
read: the folder holds the same entries, sizes and times after the run, and
(where strace is installed) every open of a file in it is read-only and
nothing is created, renamed or removed there.

Usage: batch.py RESUMELINT RULES_DIR SOURCE_ROOT"""
import json, os, shutil, subprocess, sys, tempfile

GOOD = ["samples/resume-noisy.md", "samples/resume-clean.md", "tests/golden/both-formats.docx",
        "tests/golden/both-formats.md"]
BROKEN = ["tests/hostile/truncated.docx", "tests/hostile/zip-bomb.docx", "tests/hostile/pdf-renamed.md",
          "tests/hostile/empty.md", "tests/hostile/malformed-flat.xml"]


def snapshot(folder):
    out = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            p = os.path.join(root, name)
            st = os.lstat(p)
            out[os.path.relpath(p, folder)] = (st.st_mode, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
    st = os.lstat(folder)
    out["."] = (st.st_mode, st.st_mtime_ns, st.st_ctime_ns)
    return out


def lint(rl, rules, paths, cwd, extra=(), trace=None):
    cmd = [rl, "--rules", rules, "--no-config", "--format", "json", *extra, *paths]
    if trace:
        cmd = ["strace", "-f", "-qq", "-o", trace, "-e", "trace=open,openat,creat,rename,renameat,renameat2,"
               "unlink,unlinkat,mkdir,mkdirat,truncate,link,linkat,symlink,symlinkat", *cmd]
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=120)
    return p.returncode, json.loads(p.stdout), p.stderr.decode("utf-8", "replace")


def findings(entry):
    return [(f["rule"], f["line"], f["column"], f["message"]) for f in entry["findings"]]


def check_trace(trace, folder, problems):
    """Each syscall line naming a path in folder must be a read-only open.
    Returns how many opens there were."""
    opens = 0
    for line in open(trace, encoding="utf-8", errors="replace"):
        if folder not in line:
            continue
        call = line.split(None, 1)[1] if " " in line else line
        if call.startswith(("open(", "openat(")):
            opens += 1
            flags = call.split(",")[2 if call.startswith("openat(") else 1]
            if "O_RDONLY" not in flags or any(f in flags for f in ("O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC")):
                problems.append("opened for writing: " + call.strip())
        elif not call.startswith(("+++", "---")):
            problems.append("changed the input folder: " + call.strip())
    return opens


def main():
    rl, rules, top = (os.path.abspath(a) for a in sys.argv[1:4])
    problems = []
    with tempfile.TemporaryDirectory(prefix="rl-batch-") as tmp:
        inputs = os.path.join(tmp, "inputs")
        os.mkdir(inputs)
        names = []
        for rel in GOOD + BROKEN:
            name = os.path.basename(rel)
            if name in names:
                name = "x-" + name
            shutil.copyfile(os.path.join(top, rel), os.path.join(inputs, name))
            names.append(name)
        good = names[:len(GOOD)]
        # interleave, with a missing path in the middle
        broken = names[len(GOOD):]
        order = []
        for i in range(max(len(good), len(broken))):
            order += good[i:i + 1] + broken[i:i + 1]
        order.insert(3, "missing.md")
        alone = {}
        for name in good:
            code, doc, err = lint(rl, rules, [name], inputs)
            alone[name] = findings(doc["files"][0])
            if doc["files"][0]["status"] != "ok" or not alone[name] and "clean" not in name:
                problems.append(f"{name} alone: status {doc['files'][0]['status']}, {len(alone[name])} findings")
        before = snapshot(inputs)
        trace = os.path.join(tmp, "strace.log") if shutil.which("strace") else None
        for jobs in ("1", "3"):
            code, doc, err = lint(rl, rules, order, inputs, ["--jobs", jobs])
            got = [f["path"] for f in doc["files"]]
            if got != order:
                problems.append(f"--jobs {jobs}: files {got}, expected {order}")
            if code != 2:
                problems.append(f"--jobs {jobs}: exit {code}, expected 2")
            for entry in doc["files"]:
                name = entry["path"]
                if name in alone:
                    if entry["status"] != "ok" or findings(entry) != alone[name]:
                        problems.append(f"--jobs {jobs}: {name} lost findings in the batch")
                elif entry["status"] != "error" or not entry.get("error") or entry["pages"] is not None:
                    problems.append(f"--jobs {jobs}: {name} should have status error: {entry}")
            unreadable = doc["summary"]["unreadable"]
            if unreadable != len(BROKEN) + 1:
                problems.append(f"--jobs {jobs}: summary says {unreadable} unreadable, expected {len(BROKEN) + 1}")
            if len(err.splitlines()) != len(BROKEN) + 1:
                problems.append(f"--jobs {jobs}: stderr should have one line per broken file:\n{err}")
        if trace:
            # once more with absolute paths, so that the trace names the folder
            lint(rl, rules, [os.path.join(inputs, n) for n in order] + [inputs], tmp, trace=trace)
        after = snapshot(inputs)
        if before != after:
            changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
            problems.append(f"the input folder changed: {changed}")
        if trace:
            opens = check_trace(trace, inputs, problems)
            if opens < len(order) - 1:
                problems.append(f"strace saw {opens} opens in the input folder; expected at least {len(order) - 1}")
        else:
            print("strace not installed: read-only opens not traced (folder snapshot only)")
    for p in problems:
        print("FAIL", p)
    print(f"{len(order)} inputs ({len(good)} good) in one run: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
