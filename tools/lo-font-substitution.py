#!/usr/bin/python3
"""Finds out which font LibreOffice really lays each requested family out
with, and writes tools/font-aliases.tsv, which tools/gen-font-metrics.py turns
into the alias table of src/fontmetrics_table.c.

The experiment: a .docx (python-docx) with one paragraph per family name, a
regular and a bold run in that family between marker runs in Latin Modern
Mono; `soffice --headless --convert-to pdf` with a private profile; then
`mutool draw -F stext` says which font every character was set in. The
families: those resumes ask for (REQUESTED), every family fontconfig's
configuration names (kind 'fc': the names it has an opinion on), and made-up
ones (PROBES) for what happens to a name nobody knows.

A second part sets, at 40 pt, every character of the table's ranges each face
lacks, and compares the font LibreOffice's glyph fallback took and the advance
it laid out with what gen-font-metrics.py's rule predicts (comment lines at the
end of the TSV: a summary per face and the mispredicted characters).

Takes about 10 s. Run it, then tools/gen-font-metrics.py.

Needs Debian's /usr/bin/python3 (python-docx, fontTools), LibreOffice, mupdf-tools
and the font packages tools/gen-font-metrics.py lists. The result depends on
the fonts installed: run it on the machine whose LibreOffice you match.
"""
import importlib.util
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "font-aliases.tsv")
PROFILE = "file:///tmp/lo-profile-fonts"

sys.dont_write_bytecode = True  # no __pycache__ in tools/
_spec = importlib.util.spec_from_file_location("genfm", os.path.join(HERE, "gen-font-metrics.py"))
genfm = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(genfm)

MARKER_FONT = "Latin Modern Mono"

# Families resumes ask for (Office, Google Docs, pandoc, LaTeX, web fonts),
# then every face of ours under its own name.
REQUESTED = [
    "Calibri", "Calibri Light", "Cambria", "Cambria Math", "Arial", "Arial Narrow", "Arial Black",
    "Arial Unicode MS", "Helvetica", "Helvetica Neue", "Helvetica Light", "Times New Roman", "Times",
    "Courier New", "Courier", "Consolas", "Lucida Console", "Menlo", "Monaco", "Source Code Pro",
    "Georgia", "Garamond", "Book Antiqua", "Palatino", "Palatino Linotype", "Verdana", "Tahoma",
    "Trebuchet MS", "Segoe UI", "Segoe UI Light", "Segoe UI Semibold", "Century Gothic", "Century",
    "Century Schoolbook", "New Century Schoolbook", "Bookman Old Style", "Bookman", "Avant Garde",
    "ITC Avant Garde Gothic", "Gill Sans MT", "Gill Sans", "Franklin Gothic Book",
    "Franklin Gothic Medium", "Aptos", "Aptos Display", "Candara", "Constantia", "Corbel",
    "Lucida Sans", "Lucida Sans Unicode", "Lucida Grande", "Microsoft Sans Serif", "MS Sans Serif",
    "Baskerville", "Baskerville Old Face", "Didot", "Bodoni MT", "Futura", "Avenir", "Avenir Next",
    "Optima", "Rockwell", "Perpetua", "Goudy Old Style", "Tw Cen MT", "Impact", "Comic Sans MS",
    "Myriad Pro", "Minion Pro", "Proxima Nova", "Symbol", "Wingdings", "Webdings",
    "Roboto", "Roboto Light", "Roboto Condensed", "Open Sans", "Open Sans Light",
    "Open Sans Semibold", "Lato", "Lato Light", "Merriweather", "Montserrat", "Raleway",
    "Source Sans Pro", "Source Sans 3", "Source Serif Pro", "Noto Sans", "Noto Serif", "Noto Mono",
    "Ubuntu", "Poppins", "Inter", "Nunito", "PT Sans", "PT Serif", "Playfair Display", "Lora",
    "Fira Sans", "IBM Plex Sans", "Work Sans", "Oswald", "Latin Modern Roman", "LM Roman 10",
    "Latin Modern Sans", "LM Sans 10", "Computer Modern", "CMU Serif", "EB Garamond",
    "EB Garamond 12", "Liberation Sans", "Liberation Serif", "Liberation Mono", "Arimo",
    "Tinos", "Cousine", "Carlito", "Caladea", "Gelasio", "MS Mincho", "MS Gothic", "SimSun",
    "Microsoft YaHei", "sans-serif", "serif", "monospace",
    # weights and widths spelt into the family name (PDF conversions, Google Docs)
    "Arial Bold", "Arial Light", "Times New Roman Bold", "Calibri Bold", "Carlito Light",
    "Liberation Sans Light", "Open Sans Condensed", "Open Sans ExtraBold", "Lato Black", "Roboto Medium",
    "Roboto Black", "Georgia Bold", "Montserrat Light", "Raleway Medium",
    # code fonts
    "Roboto Mono", "JetBrains Mono", "Fira Code", "Fira Mono", "Ubuntu Mono", "IBM Plex Mono",
    "Inconsolata", "Courier Prime", "SF Mono", "Andale Mono", "Noto Sans Mono",
]
REQUESTED += [f[0] for f in genfm.FACES if f[0] not in REQUESTED]

# Made-up names: what LibreOffice does with a family it has never heard of,
# by the words in it. They go to the TSV as 'probe' rows, not into the table.
PROBES = [
    "Qwertzu", "Qwertzu Sans", "Qwertzu Serif", "Qwertzu Mono", "Qwertzu Code", "Qwertzu Console",
    "Qwertzu Typewriter", "Qwertzu Courier", "Qwertzu Roman", "Qwertzu Times", "Qwertzu Book",
    "Qwertzu Garamond", "Qwertzu Georgia", "Qwertzu Cambria", "Qwertzu Palatino", "Qwertzu Antiqua",
    "Qwertzu Schoolbook", "Qwertzu Slab", "Qwertzu Gothic", "Qwertzu Grotesk", "Qwertzu Narrow",
    "Qwertzu Condensed", "Qwertzu Light", "Qwertzu Script", "Qwertzu Symbol", "Qwertzu Arial",
    "Qwertzu Helvetica", "Qwertzu Calibri",
]

# Metric-compatible clones: requested family -> faces that copy its metrics.
CLONES = {
    "calibri": {"Carlito"},
    "arial": {"Liberation Sans", "Arimo"},
    "timesnewroman": {"Liberation Serif", "Tinos"},
    "couriernew": {"Liberation Mono", "Cousine"},
    "cambria": {"Caladea"},
    "arialnarrow": {"Liberation Sans Narrow"},
}
# Clones whose widths match but whose line height does not (Caladea#4).
APPROX_VERTICAL = {"cambria"}
# Other names of our faces (the face itself, so exact).
OWN_NAMES = {
    "lmroman10": "Latin Modern Roman",
    "latinmodernroman10": "Latin Modern Roman",
}

TEXT = "Hamburgefonstiv Quick 0123 "
BOLD = "Hamburgefonstiv"
# Symbol fonts get text they have glyphs for: Symbol/Wingdings bullets as Word
# stores them (private use), OpenSymbol's own bullets.
SPECIAL_TEXT = {
    "symbol": "\uF0B7\uF0A7\uF0D8 ",
    "wingdings": "\uF0B7\uF0A7\uF0D8 ",
    "webdings": "\uF0B7\uF0A7\uF0D8 ",
    "opensymbol": "\u2022\u25CF\u25A0\u25C6\u2192\u2713 ",
}

# Characters to try LibreOffice's glyph fallback with, beyond those a face lacks
# in the table's ranges: CJK (1 em by the rule).
EXTRA_FALLBACK = [0x65E5, 0x4E00, 0x3042]
SIZE = 11  # points, the family paragraphs
# Glyph fallback paragraphs: large, so that LibreOffice's rounding of glyph
# positions (0.1 pt) stays small in em; CHUNK characters a paragraph.
GLYPH_SIZE = 40
CHUNK = 4
TOLERANCE = 0.004  # em


def fc_conf_families():
    """Every family named in fontconfig's configuration: the names it knows
    something about (metric aliases, serif/sans/mono classes, fallbacks)."""
    import glob
    import re
    names = set()
    for path in glob.glob("/etc/fonts/conf.d/*.conf"):
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        for m in re.finditer(r"<(?:family|string)>([^<]+)</(?:family|string)>", text):
            n = m.group(1).strip()
            if n and "/" not in n and not n.startswith(("~", ".")) and len(n) < 60:
                names.add(n)
    return sorted(names)


def set_font(run, name):
    from docx.oxml.ns import qn
    run.font.name = name
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), name)


def marker(p, text):
    r = p.add_run(text)
    set_font(r, MARKER_FONT)


def build_docx(path, names, fallback):
    import docx
    from docx.shared import Pt
    d = docx.Document()
    d.styles["Normal"].font.size = Pt(SIZE)
    for i, name in enumerate(names):
        p = d.add_paragraph()
        marker(p, f"Q{i:04d} ")
        text = SPECIAL_TEXT.get(genfm.norm(name), TEXT)
        r = p.add_run(text)
        set_font(r, name)
        marker(p, "|")
        r = p.add_run(BOLD if text == TEXT else text)
        set_font(r, name)
        r.bold = True
    for j, (face, bold, cps) in enumerate(fallback):
        p = d.add_paragraph()
        marker(p, f"G{j:04d} ")
        for cp in cps:
            r = p.add_run(chr(cp))
            set_font(r, face)
            r.bold = bool(bold)
            r.font.size = Pt(GLYPH_SIZE)
            marker(p, "|")
    d.save(path)


def convert(docx_path, outdir):
    subprocess.run(["soffice", f"-env:UserInstallation={PROFILE}", "--headless",
                    "--convert-to", "pdf", "--outdir", outdir, docx_path],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    pdf = os.path.join(outdir, os.path.splitext(os.path.basename(docx_path))[0] + ".pdf")
    xml = subprocess.run(["mutool", "draw", "-q", "-F", "stext", "-o", "-", pdf],
                         check=True, capture_output=True).stdout
    return ET.fromstring(xml)


def lines_of(root):
    """Each baseline of each page as a list of (x, PDF font name, char), left
    to right. By baseline, not by mutool's lines: a glyph from a fallback font
    can start a line of its own there."""
    for page in root.iter("page"):
        rows = {}
        for font in page.iter("font"):
            ps = font.get("name").split("+")[-1]
            for ch in font.iter("char"):
                y = round(float(ch.get("y")), 1)
                rows.setdefault(y, []).append((float(ch.get("x")), ps, ch.get("c")))
        for y in sorted(rows):
            yield sorted(rows[y], key=lambda t: t[0])


def segments(chars):
    """Splits a line into alternating runs: [(is_marker, [(x, ps, c)...]), ...]."""
    out = []
    for x, ps, c in chars:
        is_marker = ps.startswith("LMMono")
        if out and out[-1][0] == is_marker:
            out[-1][1].append((x, ps, c))
        else:
            out.append((is_marker, [(x, ps, c)]))
    return out


def fc_families():
    res = subprocess.run(["fc-list", "-f", "%{postscriptname}\t%{family[0]}\n"],
                         capture_output=True, text=True, check=True).stdout
    out = {}
    for line in res.splitlines():
        if "\t" in line:
            ps, fam = line.split("\t", 1)
            out.setdefault(ps, fam)
    return out


def describe(ps, fams):
    hit = genfm.face_for_psname(ps)
    if hit:
        return hit[0]
    return "-" + fams.get(ps, ps)


def main():
    from fontTools.ttLib import TTFont
    curated = list(dict.fromkeys(REQUESTED))
    fc_names = [n for n in fc_conf_families() if genfm.norm(n) not in {genfm.norm(c) for c in curated}
                and not genfm.norm(n).startswith(("lmmono", "latinmodernmono"))]
    names = curated + fc_names + PROBES
    kinds = ["name"] * len(curated) + ["fc"] * len(fc_names) + ["probe"] * len(PROBES)
    fams = fc_families()

    # Glyph fallback: every character of the table's ranges a face lacks.
    cps_all = genfm.codepoints()
    widths = {}
    fallback = []
    for face in genfm.FACES:
        widths[face[0]] = genfm.face_widths(face)
        for bold in (0, 1):
            if bold and not face[4]:
                continue
            cmap = TTFont(face[4] if bold else face[3]).getBestCmap()
            missing = [cp for cp in cps_all if cp not in cmap and cp not in genfm.ZERO_WIDTH]
            missing += [cp for cp in EXTRA_FALLBACK if cp not in cmap]
            for k in range(0, len(missing), CHUNK):
                fallback.append((face[0], bold, missing[k:k + CHUNK]))

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "fonts.docx")
        build_docx(path, names, fallback)
        root = convert(path, tmp)

    rows = {}
    glyph = []  # (face, bold, cp, used font, advance)
    for chars in lines_of(root):
        segs = segments(chars)
        if not segs or not segs[0][0]:
            continue
        tag = "".join(c for _x, _ps, c in segs[0][1]).strip()
        probe = [s for m, s in segs[1:] if not m]
        if tag.startswith("Q"):
            i = int(tag[1:5])
            if len(probe) != 2:
                print(f"warning: {names[i]!r}: {len(probe)} runs", file=sys.stderr)
                continue
            rows[i] = [Counter(ps for _x, ps, c in seg if c.strip()) for seg in probe]
        elif tag.startswith("G"):
            face, bold, cps = fallback[int(tag[1:5])]
            if len(probe) != len(cps):
                print(f"warning: glyph chunk {tag}: {len(probe)} of {len(cps)}", file=sys.stderr)
                continue
            # The advance is how far the next marker starts: what the layout
            # used, not the glyph's width in the PDF font (a space LibreOffice
            # or HarfBuzz makes up differs from it).
            k = 0
            for n in range(1, len(segs) - 1):
                is_marker, seg = segs[n]
                if is_marker or k >= len(cps):
                    continue
                x, ps, _c = seg[0]
                nxt = segs[n + 1][1][0][0]
                glyph.append((face, bold, cps[k], describe(ps, fams), (nxt - x) / GLYPH_SIZE))
                k += 1

    out = ["# What LibreOffice 7.4 lays each requested family out with, on Debian 12 with the",
           "# fonts of tools/gen-font-metrics.py installed. Made by tools/lo-font-substitution.py",
           "# (do not edit by hand; rerun it). face: the face of ours LibreOffice used ('-' + the",
           "# family when it is none of ours); exact: 1 = the font itself or a metric-compatible",
           "# clone; approx_vertical: 1 = widths compatible, line height not. kind: name = asked",
           "# for by resumes; fc = named in fontconfig's configuration; probe = a made-up name,",
           "# showing what LibreOffice does with a family it does not know.",
           "requested\tkind\tface\tbold_face\texact\tapprox_vertical\tps_regular\tps_bold"]
    for i, name in enumerate(names):
        if i not in rows:
            print(f"warning: no line for {name!r}", file=sys.stderr)
            continue
        reg, bold = rows[i]
        ps_reg = reg.most_common(1)[0][0]
        ps_bold = bold.most_common(1)[0][0]
        face = describe(ps_reg, fams)
        bface = describe(ps_bold, fams)
        key = genfm.norm(name)
        exact = int(face in CLONES.get(key, ()) or genfm.norm(face) == key or OWN_NAMES.get(key) == face)
        approx = int(exact and key in APPROX_VERTICAL)
        out.append(f"{name}\t{kinds[i]}\t{face}\t{bface}\t{exact}\t{approx}\t{ps_reg}\t{ps_bold}")

    # How well the generator's glyph fallback rule predicts LibreOffice's.
    out.append("# Glyph fallback: characters each face lacks, set in that face; the font")
    out.append("# LibreOffice took them from, and whether gen-font-metrics.py's rule")
    out.append(f"# (fonts.c rl_font_advance) gets the advance within {TOLERANCE} em.")
    summary = {}
    misses = []
    for face, bold, cp, used, adv in glyph:
        want = genfm.predict_advance(widths, face, cp, bold)
        ok = want is not None and abs(want - adv) <= TOLERANCE
        st = summary.setdefault((face, bold), [0, 0, Counter()])
        st[0] += 1
        st[1] += ok
        st[2][used] += 1
        if not ok:
            misses.append(f"#   {face}{' bold' if bold else ''} U+{cp:04X}: LibreOffice {used} {adv:.3f} em,"
                          f" rule {'none' if want is None else f'{want:.3f}'}")
    for (face, bold), (n, ok, used) in summary.items():
        top = ", ".join(f"{u} {c}" for u, c in used.most_common())
        out.append(f"# {face}{' bold' if bold else ''}: {ok}/{n} predicted; taken from {top}")
    out.append("# Mispredicted:")
    out += misses
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    tot = sum(v[0] for v in summary.values())
    good = sum(v[1] for v in summary.values())
    print(f"{OUT}: {len(rows)} families; glyph fallback {good}/{tot} predicted", file=sys.stderr)


if __name__ == "__main__":
    main()
