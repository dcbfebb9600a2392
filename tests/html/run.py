#!/usr/bin/env python3
"""The html format in a real browser (headless Chromium).

  run.py samples RESUMELINT RULES SAMPLES_DIR
      the samples' report (with the sample posting): no scripts, nothing
      fetched, opens without console messages; the screenshot is not empty
      and the page-limit line is drawn where the layout puts it (read back
      from the DOM, measured by the browser and found in the screenshot);
      the pages drawn are the JSON pages.count; hostile resume text and
      file names reach the DOM as text, never as elements.
  run.py corpus RESUMELINT RULES DIR...
      every resume of the corpus folders: its report opens without console
      messages and draws as many pages as the JSON pages.count.

Exits 77 (skipped) without chromium, or, for corpus, without the corpus."""

import concurrent.futures
import html.parser
import json
import math
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

SKIP = 77
PX_PER_PT = 96 / 72
# The samples are laid out with the pandoc profile: Letter, 1 in margins.
LETTER_LIMIT_LINE_PT = 792 - 72
# How far the line may sit from where it should: layout rounding (pt) and
# the browser's pixel snapping plus the line's own 2 px (px).
TOL_PT = 0.5
TOL_PX = 3

# Elements the report is made of; anything else in the DOM came from input.
ALLOWED = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "table", "thead", "tbody",
           "tr", "th", "td", "a", "section", "div", "span", "mark", "aside", "ol", "ul", "li", "code", "details",
           "summary", "b", "br"}

failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg)


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        p = shutil.which(name)
        if p:
            return p
    return None


def chromium(browser, url, *extra, timeout=120):
    """Runs headless Chromium with a fresh profile; returns (stdout, stderr)."""
    with tempfile.TemporaryDirectory(prefix="rl-chromium-") as profile:
        cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + profile,
               "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars",
               "--enable-logging=stderr", "--v=0", *extra, url]
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                           env=dict(os.environ, DBUS_SESSION_BUS_ADDRESS="disabled:"))
        return p.stdout, p.stderr


def console_messages(stderr):
    """Console output (script errors, blocked loads, CSP violations)."""
    return [l for l in stderr.splitlines() if ":CONSOLE" in l or "Uncaught" in l]


def lint(resumelint, rules, fmt, out, files, *extra, ok=(0, 1)):
    cmd = [resumelint, "--rules", rules, "--no-config", "-f", fmt, "-o", out, *extra, *files]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode not in ok:
        raise SystemExit("resumelint failed (%d): %s\n%s" % (p.returncode, " ".join(cmd), p.stderr))


class Elements(html.parser.HTMLParser):
    """Every element with its attributes, and the text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.text = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(markup):
    p = Elements()
    p.feed(markup)
    p.close()
    return p


def check_markup(name, markup):
    """What the report is made of: known elements, no handlers, nothing fetched."""
    doc = parse(markup)
    bad = sorted({t for t, _ in doc.elements} - ALLOWED)
    if bad:
        fail("%s: elements the report never writes: %s" % (name, ", ".join(bad)))
    for tag, attrs in doc.elements:
        for k, v in attrs.items():
            if k.startswith("on"):
                fail("%s: <%s %s=...>: an event handler" % (name, tag, k))
            if k in ("src", "srcset", "action", "formaction", "background"):
                fail("%s: <%s %s=%r>: loads something" % (name, tag, k, v))
            if k == "href" and not (v or "").startswith("#"):
                fail("%s: <a href=%r>: a link out of the report" % (name, v))
            if k == "style" and re.search(r"url\(|@import|expression\(", v or "", re.I):
                fail("%s: <%s style=%r>: fetches" % (name, tag, v))
    return doc


def sheets_per_file(doc):
    """Pages drawn in each file's section, in order: [(path, sheets)]."""
    out = []
    for tag, attrs in doc.elements:
        cls = (attrs.get("class") or "").split()
        if tag == "section" and "file" in cls:
            out.append([attrs.get("data-path"), 0])
        elif tag == "div" and "sheet" in cls and out:
            out[-1][1] += 1
    return out


def read_png(path):
    """(width, height, rows of (r, g, b) tuples) of an 8-bit RGB/RGBA PNG."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        pos += 12 + n
        if kind == b"IHDR":
            w, h, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or color not in (2, 6) or interlace:
                raise ValueError("unexpected PNG format")
            bpp = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    raw = zlib.decompress(idat)
    stride = w * bpp
    rows, prev = [], bytearray(stride)
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(line[i:i + 3]) for i in range(0, stride, bpp)])
        prev = line
    return w, h, rows


# Appended to a copy of the report (its policy lifted) to measure the
# drawing as laid out: sheets and limit lines in CSS px from the page top.
MEASURE = """<script>
window.onerror = function (m) { console.error("error: " + m); };
addEventListener("load", function () {
  var out = {files: []};
  document.querySelectorAll("section.file").forEach(function (s) {
    var f = {path: s.getAttribute("data-path"), sheets: s.querySelectorAll(".sheet").length, limits: []};
    s.querySelectorAll(".limit").forEach(function (l) {
      var sheet = l.closest(".sheet").getBoundingClientRect(), r = l.getBoundingClientRect();
      f.limits.push({sheet_top: sheet.top + scrollY, sheet_left: sheet.left, sheet_width: sheet.width,
                     top: r.top + scrollY, pt: parseFloat(l.getAttribute("data-top-pt")),
                     style_top: l.style.top});
    });
    out.files.push(f);
  });
  var pre = document.createElement("pre");
  pre.id = "measured";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>"""


def measure(browser, report, workdir):
    markup = open(report, encoding="utf-8").read()
    markup = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", markup, count=1)
    markup = markup.replace("</body>", MEASURE + "</body>")
    copy = os.path.join(workdir, "measure.html")
    open(copy, "w", encoding="utf-8").write(markup)
    dom, err = chromium(browser, "file://" + copy, "--window-size=1400,1600", "--dump-dom")
    m = re.search(r'<pre id="measured">(.*?)</pre>', dom, re.S)
    if not m:
        raise SystemExit("the measuring script wrote nothing:\n" + err[-2000:])
    return json.loads(html.unescape(m.group(1))), console_messages(err)


def check_samples(browser, resumelint, rules, samples):
    work = tempfile.mkdtemp(prefix="rl-html-")
    files = sorted(os.path.join(samples, f) for f in os.listdir(samples)
                   if f.startswith("resume-") and f.endswith(".md"))
    job = os.path.join(samples, "job-posting.md")
    report = os.path.join(work, "report.html")
    lint(resumelint, rules, "html", report, files, "--job", job)
    lint(resumelint, rules, "json", os.path.join(work, "report.json"), files, "--job", job)
    counts = {f["path"]: f["pages"]["count"] for f in json.load(open(os.path.join(work, "report.json")))["files"]}
    markup = open(report, encoding="utf-8").read()
    doc = check_markup("samples", markup)
    if "Content-Security-Policy" not in markup:
        fail("samples: no Content-Security-Policy")

    # the DOM as Chromium builds it: the same pages, and no console messages
    dom, err = chromium(browser, "file://" + report, "--window-size=1400,1600", "--dump-dom")
    for msg in console_messages(err):
        fail("samples: console: " + msg)
    bdoc = check_markup("samples (browser DOM)", dom)
    drawn = sheets_per_file(bdoc)
    if [p for p, _ in drawn] != files:
        fail("samples: sections %r, expected %r" % ([p for p, _ in drawn], files))
    for path, n in drawn:
        if n != counts.get(path):
            fail("%s: %d pages drawn, JSON pages.count %s" % (path, n, counts.get(path)))
    # the limit line as written: inline style and data attribute agree with the layout
    for tag, attrs in bdoc.elements:
        if tag == "div" and "limit" in (attrs.get("class") or "").split():
            pt = float(attrs["data-top-pt"])
            style_pt = float(re.search(r"top:([0-9.]+)pt", attrs["style"]).group(1))
            if abs(pt - LETTER_LIMIT_LINE_PT) > TOL_PT or abs(style_pt - pt) > TOL_PT:
                fail("limit line at %.2f pt (style %.2f pt), expected %.2f" % (pt, style_pt, LETTER_LIMIT_LINE_PT))

    # as laid out by the browser
    measured, msgs = measure(browser, report, work)
    for msg in msgs:
        fail("samples (measured): console: " + msg)
    first = None
    for f in measured["files"]:
        if f["sheets"] != counts.get(f["path"]):
            fail("%s: %d sheets laid out, JSON pages.count %s" % (f["path"], f["sheets"], counts.get(f["path"])))
        if len(f["limits"]) != 1:
            fail("%s: %d limit lines, expected 1" % (f["path"], len(f["limits"])))
            continue
        l = f["limits"][0]
        want = l["sheet_top"] + LETTER_LIMIT_LINE_PT * PX_PER_PT
        if abs(l["top"] - want) > TOL_PX:
            fail("%s: limit line at %.1f px, expected %.1f px" % (f["path"], l["top"], want))
        if first is None:
            first = l

    # the screenshot: not empty, and the red line where it was measured
    shot = os.path.join(work, "report.png")
    height = int(first["top"]) + 200 if first else 1600
    chromium(browser, "file://" + report, "--window-size=1400,%d" % height, "--screenshot=" + shot)
    if not os.path.exists(shot) or os.path.getsize(shot) == 0:
        fail("no screenshot")
    else:
        w, h, rows = read_png(shot)
        colors = {px for row in rows[::16] for px in row[::16]}
        if len(colors) < 16:
            fail("screenshot of %dx%d has %d colours: empty?" % (w, h, len(colors)))
        if first:
            x0, x1 = int(first["sheet_left"]) + 4, int(first["sheet_left"] + first["sheet_width"] * 0.6)
            red = []
            for y in range(max(0, int(first["top"]) - 10), min(h, int(first["top"]) + 12)):
                n = sum(1 for (r, g, b) in rows[y][x0:x1] if r > 200 and g < 60 and b < 60)
                if n > 0.9 * (x1 - x0):
                    red.append(y)
            if not red:
                fail("no red page line in the screenshot near y=%.0f" % first["top"])
            elif abs(red[0] - first["top"]) > TOL_PX:
                fail("red page line at y=%d in the screenshot, measured %.1f" % (red[0], first["top"]))
            else:
                print("page line: %.2f pt from the sheet top; measured %.1f px, screenshot row %d" %
                      (first["pt"], first["top"], red[0]))
    print("samples: %d files, pages %s" % (len(drawn), ", ".join(str(n) for _, n in drawn)))
    check_hostile(browser, resumelint, rules, work)
    shutil.rmtree(work, ignore_errors=True)


HOSTILE_TEXT = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "\"><iframe src=javascript:alert(3)>",
    "</style><b id=pwned>",
]

HOSTILE_RESUME = """# Mallory &lt;script&gt;alert(1)&lt;/script&gt;

mallory@example.com | `<img src=x onerror=alert(2)>`

## Objective

Seeking a role where I can `"><iframe src=javascript:alert(3)>` and `</style><b id=pwned>` grow.

## Experience

- Responsible for &lt;img src=x onerror=alert(2)&gt; and "quotes" & 'apostrophes' in a team player way
- Worked on `<script>alert(1)</script>` pages

## Education

- GPA: 3.9/4.0 `<script>alert(1)</script>`
- Relevant Coursework: &lt;/style&gt;&lt;b id=pwned&gt;

## References

References available upon request `<img src=x onerror=alert(2)>`
"""

HOSTILE_JOB = """# Data Engineer <script>alert(1)</script>

## Requirements

- Python, SQL and `<img src=x onerror=alert(2)>` pipelines
"""


def check_hostile(browser, resumelint, rules, work):
    """Markup in the resume, its file name and the posting stays text."""
    folder = os.path.join(work, "hostile")
    os.makedirs(folder)
    name = os.path.join(folder, '<img src=x onerror=alert(9)>"&.md')
    open(name, "w", encoding="utf-8").write(HOSTILE_RESUME)
    job = os.path.join(folder, "job <b>.md")
    open(job, "w", encoding="utf-8").write(HOSTILE_JOB)
    report = os.path.join(work, "hostile.html")
    # an unreadable file too (exit 2): its error message names it
    lint(resumelint, rules, "html", report, [name, os.path.join(work, "no such <b>.md")], "--job", job, ok=(2,))
    markup = open(report, encoding="utf-8").read()
    check_markup("hostile", markup)
    dom, err = chromium(browser, "file://" + report, "--window-size=1400,1600", "--dump-dom")
    for msg in console_messages(err):
        fail("hostile: console: " + msg)
    doc = check_markup("hostile (browser DOM)", dom)
    if any(a.get("id") == "pwned" for _, a in doc.elements):
        fail("hostile: an element from the resume reached the DOM")
    text = "".join(doc.text)
    for t in HOSTILE_TEXT:
        # the text may be broken across lines and highlights; compare without spaces
        if re.sub(r"\s", "", t) not in re.sub(r"\s", "", text):
            fail("hostile: %r is not in the report's text" % t)
    if '<img src=x onerror=alert(9)>"&.md' not in text:
        fail("hostile: the file name is not in the report's text")
    print("hostile: %d elements, all the report's own" % len(doc.elements))


def check_corpus(browser, resumelint, rules, dirs):
    files = []
    for d in dirs:
        if os.path.isdir(d):
            files += sorted(os.path.join(d, f) for f in os.listdir(d)
                            if f.endswith((".md", ".docx")) and not f.startswith("."))
    if not files:
        print("no corpus: skipped")
        return SKIP
    work = tempfile.mkdtemp(prefix="rl-html-corpus-")
    lint(resumelint, rules, "json", os.path.join(work, "all.json"), files)
    pages = {f["path"]: f["pages"] for f in json.load(open(os.path.join(work, "all.json")))["files"]}

    def one(i_path):
        i, path = i_path
        report = os.path.join(work, "%03d.html" % i)
        lint(resumelint, rules, "html", report, [path])
        check_markup(path, open(report, encoding="utf-8").read())
        dom, err = chromium(browser, "file://" + report, "--window-size=1400,1000", "--dump-dom")
        return path, dom, console_messages(err)

    drawn_total = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        for path, dom, msgs in pool.map(one, enumerate(files)):
            for msg in msgs:
                fail("%s: console: %s" % (path, msg))
            drawn = sheets_per_file(check_markup(path + " (browser DOM)", dom))
            p = pages.get(path)
            if len(drawn) != 1 or p is None:
                fail("%s: %d sections in its report" % (path, len(drawn)))
                continue
            n = drawn[0][1]
            drawn_total += n
            if n != p["count"]:
                fail("%s: %d pages drawn, JSON pages.count %d" % (path, n, p["count"]))
            if n != max(1, math.ceil(p["estimate"] - 1e-9)):
                # a trailing empty page counts in pages.count, not in the estimate
                print("note: %s: %d pages drawn, estimate %.2f" % (path, n, p["estimate"]))
    print("corpus: %d resumes, %d pages drawn" % (len(files), drawn_total))
    shutil.rmtree(work, ignore_errors=True)
    return 0


def main():
    if len(sys.argv) < 5 or sys.argv[1] not in ("samples", "corpus"):
        raise SystemExit(__doc__)
    browser = find_chromium()
    if not browser:
        print("chromium not installed: skipped")
        return SKIP
    mode, resumelint, rules = sys.argv[1:4]
    if mode == "samples":
        check_samples(browser, resumelint, rules, sys.argv[4])
        rc = 0
    else:
        rc = check_corpus(browser, resumelint, rules, sys.argv[4:])
    if failures:
        print("%d failure(s)" % len(failures))
        return 1
    return rc


if __name__ == "__main__":
    sys.exit(main())
