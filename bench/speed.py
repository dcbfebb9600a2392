#!/usr/bin/env python3
"""Speed and memory of resumelint, against the targets in the foundation issue:
  - one process linting one resume: median wall time, start-up included (< 3 ms)
  - one process linting many resumes: resumes per second (> 2,000)
  - peak resident memory of either (< 16 MB)

Usage: bench/speed.py [RESUMELINT] [FILE...]
Defaults: build/src/resumelint; the single-file case lints samples/resume-clean.md;
the batch lints every Markdown resume of the corpus (../shared/corpus/md, or
$RESUMELINT_CORPUS) repeated to about 2,000 files, or the samples without it.
"""
import glob, os, statistics, sys, time

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(argv):
    """Runs argv with output discarded; returns (wall seconds, peak RSS in KiB, status)."""
    t0 = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        os.execv(argv[0], argv)
    _, status, usage = os.wait4(pid, 0)
    return time.perf_counter() - t0, usage.ru_maxrss, os.waitstatus_to_exitcode(status)


def main():
    rl = sys.argv[1] if len(sys.argv) > 1 else os.path.join(TOP, "build", "src", "resumelint")
    extra = sys.argv[2:]
    one = os.path.join(TOP, "samples", "resume-clean.md")
    corpus = os.environ.get("RESUMELINT_CORPUS", os.path.join(TOP, "..", "shared", "corpus"))
    batch = extra or sorted(glob.glob(os.path.join(corpus, "md", "*.md"))) or \
        sorted(glob.glob(os.path.join(TOP, "samples", "resume-*.md")))
    base = [rl, "--no-config", "--format", "json"]

    for _ in range(5):  # warm the page cache
        run(base + [one])
    times, peak1 = [], 0
    for _ in range(200):
        t, rss, rc = run(base + [one])
        if rc not in (0, 1):
            sys.exit(f"resumelint failed with {rc} on {one}")
        times.append(t)
        peak1 = max(peak1, rss)
    med = statistics.median(times) * 1000

    reps = max(1, 2000 // len(batch))
    files = batch * reps
    bt, peak2 = [], 0
    for _ in range(5):
        t, rss, rc = run(base + files)
        if rc not in (0, 1):
            sys.exit(f"resumelint failed with {rc} on the batch")
        bt.append(t)
        peak2 = max(peak2, rss)
    rate = len(files) / statistics.median(bt)

    print(f"single resume ({os.path.basename(one)}): median {med:.2f} ms per process, "
          f"p90 {statistics.quantiles(times, n=10)[-1] * 1000:.2f} ms; peak {peak1 / 1024:.1f} MB")
    print(f"batch ({len(batch)} resumes x {reps} = {len(files)} files, one process): "
          f"{rate:,.0f} resumes/s; peak {peak2 / 1024:.1f} MB")
    ok = med < 3.0 and rate > 2000 and max(peak1, peak2) < 16 * 1024
    print("targets (< 3 ms, > 2,000/s, < 16 MB):", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
