#!/usr/bin/env python3
"""Speed and memory of resumelint against the targets of the issues:
  - one process linting one Markdown resume: median wall time, start-up included (< 3 ms)
  - one process linting one typical one-page .docx: median wall time (< 5 ms)
  - one process linting many resumes: resumes per second (> 2,000)
  - peak resident memory of any of them (< 16 MB)

Usage: bench/speed.py [RESUMELINT]
The Markdown case is samples/resume-clean.md. The .docx case is the median over
the corpus's one-page .docx files (truth.tsv), or tests/golden/both-formats.docx
without the corpus. The batch lints every Markdown resume of the corpus
(../shared/corpus, or $RESUMELINT_CORPUS) repeated to about 2,000 files, or the
samples without it. Processes are started with posix_spawn, as a shell would;
the time includes starting them.
"""
import csv, glob, os, statistics, sys, time

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEVNULL = os.open(os.devnull, os.O_WRONLY)


def run(argv):
    """(wall seconds, peak RSS in MB, exit status) of one process."""
    t0 = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, os.environ,
                         file_actions=[(os.POSIX_SPAWN_DUP2, DEVNULL, 1), (os.POSIX_SPAWN_DUP2, DEVNULL, 2)])
    _, status, usage = os.wait4(pid, 0)
    return time.perf_counter() - t0, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def peak_mb(argv):
    """Peak resident memory of argv, from a forked child: a spawned (vforked)
    child is charged the parent's pages too."""
    pid = os.fork()
    if pid == 0:
        os.dup2(DEVNULL, 1)
        os.dup2(DEVNULL, 2)
        os.execv(argv[0], argv)
    _, _, usage = os.wait4(pid, 0)
    return usage.ru_maxrss / 1024


def single(base, path, n=200):
    for _ in range(5):  # warm the page cache
        run(base + [path])
    times = []
    for _ in range(n):
        t, _, rc = run(base + [path])
        if rc not in (0, 1):
            sys.exit(f"resumelint exited {rc} on {path}")
        times.append(t)
    return statistics.median(times) * 1000, peak_mb(base + [path])


def main():
    rl = sys.argv[1] if len(sys.argv) > 1 else os.path.join(TOP, "build", "src", "resumelint")
    base = [rl, "--no-config", "--format", "json"]
    corpus = os.environ.get("RESUMELINT_CORPUS", os.path.join(TOP, "..", "shared", "corpus"))

    md_ms, md_mb = single(base, os.path.join(TOP, "samples", "resume-clean.md"))
    print(f"one Markdown resume (samples/resume-clean.md): median {md_ms:.2f} ms per process; peak {md_mb:.1f} MB")

    truth = os.path.join(corpus, "truth.tsv")
    one_page = []
    if os.path.exists(truth):
        one_page = [os.path.join(corpus, "docx", r["id"] + ".docx") for r in csv.DictReader(open(truth), delimiter="\t")
                    if r["kind"] == "docx" and r["lo_pages"].strip() == "1"]
        one_page = [f for f in one_page if os.path.exists(f)]
    docx_files = one_page or [os.path.join(TOP, "tests", "golden", "both-formats.docx")]
    per_file = [single(base, f, 40) for f in docx_files]
    docx_ms = statistics.median(ms for ms, _ in per_file)
    docx_mb = max(mb for _, mb in per_file)
    print(f"one-page .docx ({len(docx_files)} file{'s' if len(docx_files) > 1 else ''}): median {docx_ms:.2f} ms "
          f"per process (slowest {max(ms for ms, _ in per_file):.2f}); peak {docx_mb:.1f} MB")

    batch = sorted(glob.glob(os.path.join(corpus, "md", "*.md"))) or \
        sorted(glob.glob(os.path.join(TOP, "samples", "resume-*.md")))
    reps = max(1, 2000 // len(batch))
    files = batch * reps
    bt = []
    for _ in range(5):
        t, _, rc = run(base + files)
        if rc not in (0, 1):
            sys.exit(f"resumelint exited {rc} on the batch")
        bt.append(t)
    batch_mb = peak_mb(base + files)
    rate = len(files) / statistics.median(bt)
    print(f"batch ({len(batch)} Markdown resumes x {reps} = {len(files)} files, one process): {rate:,.0f} resumes/s; "
          f"peak {batch_mb:.1f} MB")

    peak = max(md_mb, docx_mb, batch_mb)
    ok = md_ms < 3.0 and docx_ms < 5.0 and rate > 2000 and peak < 16
    print(f"targets (< 3 ms, < 5 ms, > 2,000/s, < 16 MB): {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
