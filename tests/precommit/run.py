#!/usr/bin/env python3
"""The pre-commit hook, run by the real pre-commit: the README's snippet, with
this checkout as the hook repository, blocks a commit of a noisy resume and
shows the findings, and lets a clean resume through.

Usage: run.py RESUMELINT SOURCE_DIR. Exit 77 (skip) without pre-commit or git."""
import os
import re
import shutil
import subprocess
import sys
import tempfile

rl, src = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
if not shutil.which("pre-commit") or not shutil.which("git"):
    print("pre-commit or git is not installed: skipped")
    sys.exit(77)

readme = open(os.path.join(src, "README.md"), encoding="utf-8").read()
m = re.search(r"<!-- pre-commit-snippet -->\s*```yaml\n(.*?)```", readme, re.S)
if not m:
    print("FAIL: README.md has no pre-commit snippet (<!-- pre-commit-snippet --> before a yaml block)")
    sys.exit(1)
snippet = m.group(1)

tmp = tempfile.mkdtemp(prefix="rl-precommit-")
env = dict(os.environ, PRE_COMMIT_HOME=os.path.join(tmp, "cache"),
           PATH=os.path.dirname(rl) + os.pathsep + os.environ.get("PATH", ""),
           GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
           GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org",
           GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")


def run(args, cwd, check=True):
    p = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    if check and p.returncode != 0:
        print(f"FAIL: {' '.join(args)} exited {p.returncode}\n{p.stdout}{p.stderr}")
        sys.exit(1)
    return p


try:
    # the hook repository: this checkout as it is now (uncommitted work included)
    hooks = os.path.join(tmp, "hooks")
    files = subprocess.run(["git", "ls-files", "-z", "-co", "--exclude-standard"], cwd=src,
                           capture_output=True, check=True).stdout.split(b"\0")
    for f in filter(None, files):
        f = f.decode()
        if not os.path.isfile(os.path.join(src, f)):
            continue
        os.makedirs(os.path.dirname(os.path.join(hooks, f)), exist_ok=True)
        shutil.copy2(os.path.join(src, f), os.path.join(hooks, f))
    run(["git", "init", "-q", "-b", "main"], hooks)
    run(["git", "add", "-A"], hooks)
    run(["git", "commit", "-q", "-m", "snapshot"], hooks)
    rev = run(["git", "rev-parse", "HEAD"], hooks).stdout.strip()

    # a resume repository using the README's configuration
    user = os.path.join(tmp, "resumes")
    os.makedirs(user)
    run(["git", "init", "-q", "-b", "main"], user)
    config = re.sub(r"repo: \S+", f"repo: {hooks}", snippet)
    config = re.sub(r"rev: \S+", f"rev: {rev}", config)
    open(os.path.join(user, ".pre-commit-config.yaml"), "w").write(config)
    open(os.path.join(user, "README.md"), "w").write("# My resumes\n\nNot a resume: the hook skips it.\n")
    run(["pre-commit", "install"], user)

    shutil.copy(os.path.join(src, "samples", "resume-noisy.md"), os.path.join(user, "resume.md"))
    run(["git", "add", "-A"], user)
    p = run(["git", "commit", "-m", "noisy"], user, check=False)
    out = p.stdout + p.stderr
    if p.returncode == 0:
        print("FAIL: the commit of a noisy resume was not blocked\n" + out)
        sys.exit(1)
    for want in ("resume.md:", "[one-page]", "[no-gpa]"):
        if want not in out:
            print(f"FAIL: the blocked commit's output does not show {want!r}\n{out}")
            sys.exit(1)
    if "README.md:" in out:
        print("FAIL: the hook linted README.md\n" + out)
        sys.exit(1)

    shutil.copy(os.path.join(src, "samples", "resume-clean.md"), os.path.join(user, "resume.md"))
    run(["git", "add", "-A"], user)
    p = run(["git", "commit", "-m", "clean"], user, check=False)
    if p.returncode != 0:
        print("FAIL: the commit of a clean resume was blocked\n" + p.stdout + p.stderr)
        sys.exit(1)
    print("pre-commit: noisy resume blocked with its findings, clean resume committed")
finally:
    shutil.rmtree(tmp, ignore_errors=True)
