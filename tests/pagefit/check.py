#!/usr/bin/env python3
"""Page-fit accuracy on a set with LibreOffice truth (tests/pagefit/synthetic/expected.tsv).

Usage: check.py RESUMELINT RULES_DIR DIR

Runs `resumelint --format json` on every file listed in DIR/expected.tsv and compares its
"pages" (estimate: laid-out height in pages; count: pages) with LibreOffice's (pages; total =
pages - 1 + fill of the last page). Prints one line per file, then the totals. Exit 0 only when
  - DOCX page counts agree on at least 98% of the files,
  - Markdown page counts agree on at least 95%,
  - the mean |total - estimate| is under 0.03 page,
  - and every page-count miss is borderline: LibreOffice's total lies within 0.05 page of a
    page boundary (last-page fill <= 0.05 or >= 0.95).
The truth was made by tools/gen-pagefit-set.py; see the comment at the top of expected.tsv.
"""
import json, math, os, subprocess, sys

DOCX_EXACT, MD_EXACT, MEAN_ERR, BORDER = 0.98, 0.95, 0.03, 0.05


def load_expected(folder):
    path = os.path.join(folder, "expected.tsv")
    lines = [l.rstrip("\n") for l in open(path, encoding="utf-8") if l.strip() and not l.startswith("#")]
    head = lines[0].split("\t")
    return [dict(zip(head, l.split("\t"))) for l in lines[1:]]


def estimate(rl, rules, path):
    """(estimate, count) from resumelint's JSON, or (nan, None) with the reason."""
    cmd = [rl] + (["--rules", rules] if rules else []) + ["--no-config", "--format", "json", path]
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=60)
        pg = json.loads(p.stdout)["files"][0].get("pages") or {}
        est = pg.get("estimate")
        if est is None:
            return math.nan, None, "no pages.estimate in the JSON"
        est = float(est)
        cnt = pg.get("count")
        cnt = int(cnt) if cnt is not None else max(1, math.ceil(est - 1e-9))
        return est, cnt, ""
    except subprocess.TimeoutExpired:
        return math.nan, None, "timed out"
    except OSError as e:
        return math.nan, None, f"cannot run {rl}: {e.strerror}"
    except (ValueError, KeyError, IndexError) as e:
        return math.nan, None, f"unreadable output ({e.__class__.__name__}; exit {p.returncode})"


def borderline(total):
    return abs(total - round(total)) <= BORDER


def evaluate(rl, rules, folder):
    res = []
    for r in load_expected(folder):
        path = os.path.join(folder, r["file"])
        kind = r.get("kind") or ("md" if r["file"].endswith(".md") else "docx")
        est, cnt, why = estimate(rl, rules, path)
        pages, total = int(r["pages"]), float(r["total"])
        res.append({"file": r["file"], "kind": kind, "pages": pages, "total": total, "est": est, "count": cnt,
                    "err": est - total, "ok": cnt == pages, "border": borderline(total), "why": why,
                    "group": (r.get("features") or "").split(" ")[0] if kind == "docx" else "md"})
    return res


def pct(xs, q):
    xs = sorted(xs)
    if not xs:
        return math.nan
    return xs[min(len(xs) - 1, max(0, math.ceil(q * len(xs)) - 1))]


def report(res, out=print, title="", per_file=True, misses_only=False):
    """Print per-file lines (only the misses with misses_only) and the totals; return True
    when the targets are met."""
    if per_file:
        out(f"{'file':34} {'truth':>5} {'total':>7} {'estimate':>8} {'count':>5} {'error':>7}")
        for x in res:
            if misses_only and x["ok"]:
                continue
            est = "-" if math.isnan(x["est"]) else f"{x['est']:.2f}"
            err = "-" if math.isnan(x["err"]) else f"{x['err']:+.3f}"
            tag = "ok" if x["ok"] else "MISS" + (" (borderline)" if x["border"] else "")
            cnt = "-" if x["count"] is None else str(x["count"])
            why = x["why"]
            if x["count"] is not None and x["count"] != max(1, math.ceil(x["est"] - 1e-9)):
                why = "count is not the estimate rounded up"
            out(f"{x['file']:34} {x['pages']:5d} {x['total']:7.3f} {est:>8} {cnt:>5} {err:>7}  {tag}"
                + (f"  ({why})" if why else ""))
    d = [x for x in res if x["kind"] == "docx"]
    m = [x for x in res if x["kind"] == "md"]
    errs = [abs(x["err"]) for x in res if not math.isnan(x["err"])]
    failed_runs = [x for x in res if math.isnan(x["err"])]
    mean = sum(errs) / len(errs) if errs else math.nan
    hard = [x for x in res if not x["ok"] and not x["border"]]
    if title:
        out(title)
    groups = {}
    for x in d:
        groups.setdefault(x["group"], []).append(x)
    for g in sorted(groups):
        xs = groups[g]
        ge = [abs(x["err"]) for x in xs if not math.isnan(x["err"])]
        out(f"  {g:16} exact {sum(x['ok'] for x in xs)}/{len(xs)}, mean |error| "
            f"{(sum(ge) / len(ge)) if ge else math.nan:.3f}")
    dx, mx = sum(x["ok"] for x in d), sum(x["ok"] for x in m)
    out(f"DOCX exact {dx}/{len(d)}, Markdown exact {mx}/{len(m)}; |total - estimate|: mean {mean:.3f}, "
        f"p95 {pct(errs, 0.95):.3f}, max {max(errs) if errs else math.nan:.3f} page"
        + (f"; {len(failed_runs)} without an estimate" if failed_runs else ""))
    out(f"misses {sum(not x['ok'] for x in res)}, of which not borderline (truth more than {BORDER} page "
        f"from a boundary): {len(hard)}")
    ok = (not failed_runs and dx >= DOCX_EXACT * len(d) and mx >= MD_EXACT * len(m)
          and errs and mean < MEAN_ERR and not hard)
    out(f"targets: DOCX exact >= {DOCX_EXACT:.0%}, Markdown exact >= {MD_EXACT:.0%}, mean |error| < {MEAN_ERR}, "
        f"misses only borderline: {'met' if ok else 'NOT met'}")
    return bool(ok)


def main():
    if len(sys.argv) != 4:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    rl, rules, folder = sys.argv[1:4]
    return 0 if report(evaluate(os.path.abspath(rl), os.path.abspath(rules), folder)) else 1


if __name__ == "__main__":
    sys.exit(main())
