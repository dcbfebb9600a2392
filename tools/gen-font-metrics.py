#!/usr/bin/python3
"""Writes src/fontmetrics_table.c: the font metrics page fit lays text out
with, read from the free font files Debian installs, plus the table of which
face LibreOffice 7.4 really uses for a requested family (tools/font-aliases.tsv,
made by tools/lo-font-substitution.py).

Run it with Debian's /usr/bin/python3 (it has fontTools; the pyenv python3 on
PATH does not) after installing the packages named in FACES below. The output
is committed, so the build needs neither Python nor the fonts.

Per face it stores:
  * advance widths in 1/1000 em (uint16, 0 = the face has no glyph) for the
    code points in RANGES, regular and bold;
  * unitsPerEm, hhea ascender/descender/lineGap, OS/2 usWinAscent/Descent,
    sTypoAscender/Descender/LineGap and fsSelection bit 7 (USE_TYPO_METRICS);
  * a class (sans, serif, mono);
  * the average advance for code points outside RANGES: a-z weighted by
    English letter frequency (regular, bold);
  * its glyph fallback chain (GLYPH_FALLBACK): the faces LibreOffice takes a
    character the face lacks from.
A space or U+2011 a face lacks but HarfBuzz makes up from its other glyphs
gets that advance in the table instead of 0 (hb_substitute).

Then the aliases: every row of tools/font-aliases.tsv whose family
LibreOffice set in a face of ours (or one close to it, NEAREST), except
fontconfig's names that end in the general fallback anyway.

Also importable: tools/lo-font-substitution.py takes FACES, face_for_psname()
and predict_advance() from here, to check the rules against LibreOffice.
"""
import logging
import os
import sys

# fontTools warns about the odd 'created' dates of some of the fonts
logging.getLogger("fontTools").setLevel(logging.ERROR)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
OUT = os.path.normpath(os.path.join(ROOT, "src", "fontmetrics_table.c"))
ALIASES = os.path.join(HERE, "font-aliases.tsv")

CROS = "/usr/share/fonts/truetype/crosextra/"
LIB2 = "/usr/share/fonts/truetype/liberation2/"
LIB1 = "/usr/share/fonts/truetype/liberation/"
CROSCORE = "/usr/share/fonts/truetype/croscore/"
URW = "/usr/share/fonts/opentype/urw-base35/"
GYRE = "/usr/share/texmf/fonts/opentype/public/tex-gyre/"
LM = "/usr/share/texmf/fonts/opentype/public/lm/"
DJ = "/usr/share/fonts/truetype/dejavu/"

# (face name, class, Debian package, regular file, bold file or None when the
# face has no bold: LibreOffice then emboldens the regular glyphs, keeping
# their advances). The name is the family LibreOffice and fontconfig know it by.
FACES = [
    ("Carlito", "sans", "fonts-crosextra-carlito", CROS + "Carlito-Regular.ttf", CROS + "Carlito-Bold.ttf"),
    ("Caladea", "serif", "fonts-crosextra-caladea", CROS + "Caladea-Regular.ttf", CROS + "Caladea-Bold.ttf"),
    ("Liberation Sans", "sans", "fonts-liberation2", LIB2 + "LiberationSans-Regular.ttf", LIB2 + "LiberationSans-Bold.ttf"),
    ("Liberation Serif", "serif", "fonts-liberation2", LIB2 + "LiberationSerif-Regular.ttf", LIB2 + "LiberationSerif-Bold.ttf"),
    ("Liberation Mono", "mono", "fonts-liberation2", LIB2 + "LiberationMono-Regular.ttf", LIB2 + "LiberationMono-Bold.ttf"),
    ("Liberation Sans Narrow", "sans", "fonts-liberation", LIB1 + "LiberationSansNarrow-Regular.ttf", LIB1 + "LiberationSansNarrow-Bold.ttf"),
    ("Arimo", "sans", "fonts-croscore", CROSCORE + "Arimo-Regular.ttf", CROSCORE + "Arimo-Bold.ttf"),
    ("Tinos", "serif", "fonts-croscore", CROSCORE + "Tinos-Regular.ttf", CROSCORE + "Tinos-Bold.ttf"),
    ("Cousine", "mono", "fonts-croscore", CROSCORE + "Cousine-Regular.ttf", CROSCORE + "Cousine-Bold.ttf"),
    ("Nimbus Sans", "sans", "fonts-urw-base35", URW + "NimbusSans-Regular.otf", URW + "NimbusSans-Bold.otf"),
    ("Nimbus Roman", "serif", "fonts-urw-base35", URW + "NimbusRoman-Regular.otf", URW + "NimbusRoman-Bold.otf"),
    ("Nimbus Mono PS", "mono", "fonts-urw-base35", URW + "NimbusMonoPS-Regular.otf", URW + "NimbusMonoPS-Bold.otf"),
    ("P052", "serif", "fonts-urw-base35", URW + "P052-Roman.otf", URW + "P052-Bold.otf"),
    ("URW Bookman", "serif", "fonts-urw-base35", URW + "URWBookman-Light.otf", URW + "URWBookman-Demi.otf"),
    ("C059", "serif", "fonts-urw-base35", URW + "C059-Roman.otf", URW + "C059-Bold.otf"),
    ("URW Gothic", "sans", "fonts-urw-base35", URW + "URWGothic-Book.otf", URW + "URWGothic-Demi.otf"),
    ("TeX Gyre Heros", "sans", "fonts-texgyre", GYRE + "texgyreheros-regular.otf", GYRE + "texgyreheros-bold.otf"),
    ("TeX Gyre Termes", "serif", "fonts-texgyre", GYRE + "texgyretermes-regular.otf", GYRE + "texgyretermes-bold.otf"),
    ("TeX Gyre Pagella", "serif", "fonts-texgyre", GYRE + "texgyrepagella-regular.otf", GYRE + "texgyrepagella-bold.otf"),
    ("TeX Gyre Bonum", "serif", "fonts-texgyre", GYRE + "texgyrebonum-regular.otf", GYRE + "texgyrebonum-bold.otf"),
    ("TeX Gyre Schola", "serif", "fonts-texgyre", GYRE + "texgyreschola-regular.otf", GYRE + "texgyreschola-bold.otf"),
    ("TeX Gyre Adventor", "sans", "fonts-texgyre", GYRE + "texgyreadventor-regular.otf", GYRE + "texgyreadventor-bold.otf"),
    ("Open Sans", "sans", "fonts-open-sans", "/usr/share/fonts/truetype/open-sans/OpenSans-Regular.ttf",
     "/usr/share/fonts/truetype/open-sans/OpenSans-Bold.ttf"),
    ("Roboto", "sans", "fonts-roboto-unhinted", "/usr/share/fonts/truetype/roboto/unhinted/RobotoTTF/Roboto-Regular.ttf",
     "/usr/share/fonts/truetype/roboto/unhinted/RobotoTTF/Roboto-Bold.ttf"),
    ("Lato", "sans", "fonts-lato", "/usr/share/fonts/truetype/lato/Lato-Regular.ttf", "/usr/share/fonts/truetype/lato/Lato-Bold.ttf"),
    ("Latin Modern Roman", "serif", "fonts-lmodern", LM + "lmroman10-regular.otf", LM + "lmroman10-bold.otf"),
    # LibreOffice sets "EB Garamond" in the 08 optical size, which has no bold
    # (it emboldens the regular); "EB Garamond 12" is the text size.
    ("EB Garamond", "serif", "fonts-ebgaramond", "/usr/share/fonts/opentype/ebgaramond/EBGaramond08-Regular.otf", None),
    ("EB Garamond 12", "serif", "fonts-ebgaramond", "/usr/share/fonts/opentype/ebgaramond/EBGaramond12-Regular.otf",
     "/usr/share/fonts/opentype/ebgaramond/EBGaramond12-Bold.otf"),
    ("DejaVu Sans", "sans", "fonts-dejavu-core", DJ + "DejaVuSans.ttf", DJ + "DejaVuSans-Bold.ttf"),
    ("DejaVu Serif", "serif", "fonts-dejavu-core", DJ + "DejaVuSerif.ttf", DJ + "DejaVuSerif-Bold.ttf"),
    ("DejaVu Sans Mono", "mono", "fonts-dejavu-core", DJ + "DejaVuSansMono.ttf", DJ + "DejaVuSansMono-Bold.ttf"),
    ("Noto Sans Mono", "mono", "fonts-noto-mono", "/usr/share/fonts/truetype/noto/NotoSansMono-Regular.ttf",
     "/usr/share/fonts/truetype/noto/NotoSansMono-Bold.ttf"),
    ("OpenSymbol", "sans", "fonts-opensymbol", "/usr/share/fonts/truetype/libreoffice/opens___.ttf", None),
]

# Code points with a stored width, as (first, last) ranges. The 25A0-25CF
# block is a subset: the shapes used as bullets. U+25E6 (white bullet) is
# outside it but is a common bullet too.
RANGES = [
    (0x0020, 0x007E),             # ASCII
    (0x00A0, 0x017F),             # Latin-1 Supplement, Latin Extended-A
    (0x0400, 0x045F),             # Cyrillic
    (0x2000, 0x2027),             # spaces, dashes, quotes, bullets, ellipsis
    (0x2030, 0x203A),             # per mille, primes, angle quotes
    (0x20AC, 0x20AC),             # euro
    (0x2122, 0x2122),             # trade mark
    (0x2190, 0x2193),             # arrows
    (0x25A0, 0x25A1), (0x25AA, 0x25AB), (0x25B2, 0x25B2), (0x25B6, 0x25B6),
    (0x25BA, 0x25BA), (0x25C6, 0x25C7), (0x25CB, 0x25CB), (0x25CF, 0x25CF),
    (0x25E6, 0x25E6),
    (0x2605, 0x2605), (0x2713, 0x2714), (0x27A2, 0x27A2), (0x27A4, 0x27A4),  # ★ ✓ ✔ ➢ ➤
]

# Code points that take no room whatever the font says: fonts.c returns 0 for
# them before looking at the table, so a zero advance there is expected.
ZERO_WIDTH = {0x00AD} | set(range(0x200B, 0x2010)) | set(range(0x2028, 0x202F))

# English letter frequencies (percent), for the average of other code points.
LETTER_FREQ = {
    "a": 8.167, "b": 1.492, "c": 2.782, "d": 4.253, "e": 12.702, "f": 2.228, "g": 2.015,
    "h": 6.094, "i": 6.966, "j": 0.153, "k": 0.772, "l": 4.025, "m": 2.406, "n": 6.749,
    "o": 7.507, "p": 1.929, "q": 0.095, "r": 5.987, "s": 6.327, "t": 9.056, "u": 2.758,
    "v": 0.978, "w": 2.360, "x": 0.150, "y": 1.974, "z": 0.074,
}

# LibreOffice's glyph fallback: where a character the face lacks is taken
# from (fontconfig's order of the installed fonts for that face), as far as it
# goes through faces of ours. The last resort is DejaVu Sans; a character no
# face in the chain has gets the face's average.
GLYPH_FALLBACK = {
    "Carlito": [],
    "Caladea": ["DejaVu Serif", "TeX Gyre Adventor"],
    "Liberation Sans": ["Arimo", "Nimbus Sans"],
    "Liberation Serif": ["Tinos", "Nimbus Roman", "DejaVu Serif", "TeX Gyre Adventor"],
    "Liberation Mono": ["Cousine", "Nimbus Mono PS", "Noto Sans Mono", "DejaVu Sans Mono"],
    "Liberation Sans Narrow": [],
    "Arimo": ["Nimbus Sans"],
    "Tinos": ["Nimbus Roman", "DejaVu Serif", "TeX Gyre Adventor"],
    "Cousine": ["Liberation Mono", "Nimbus Mono PS", "Noto Sans Mono", "DejaVu Sans Mono"],
    "Nimbus Sans": ["TeX Gyre Heros", "Arimo"],
    "Nimbus Roman": ["TeX Gyre Termes", "Tinos", "DejaVu Serif", "TeX Gyre Adventor"],
    "Nimbus Mono PS": ["Cousine", "Noto Sans Mono", "DejaVu Sans Mono"],
    "P052": ["TeX Gyre Pagella", "DejaVu Serif"],
    "URW Bookman": ["TeX Gyre Bonum"],
    "C059": ["TeX Gyre Schola"],
    "URW Gothic": ["TeX Gyre Adventor"],
    "TeX Gyre Heros": ["Nimbus Sans", "Arimo"],
    "TeX Gyre Termes": ["Nimbus Roman", "Tinos", "DejaVu Serif", "TeX Gyre Adventor"],
    "TeX Gyre Pagella": ["P052", "DejaVu Serif"],
    "TeX Gyre Bonum": ["URW Bookman"],
    "TeX Gyre Schola": ["C059"],
    "TeX Gyre Adventor": ["URW Gothic"],
    "EB Garamond": ["EB Garamond 12"],
    "DejaVu Serif": ["TeX Gyre Adventor"],
    "DejaVu Sans Mono": ["Noto Sans Mono"],
}
LAST_RESORT = "DejaVu Sans"
MAX_CHAIN = 6

# Families LibreOffice used that are no face of ours -> the face of ours
# closest in widths (other weights or an older version of the same design,
# the same clone family); the alias is then not exact. Other such families
# (Latin Modern Math, Standard Symbols PS, D050000L, Z003, the Latin Modern
# variants, Roboto Condensed) are left out: fonts.c sets them in UNKNOWN_FACE.
NEAREST = {
    "Roboto": "Roboto",
    "Open Sans": "Open Sans",
    "Lato": "Lato",
    "Noto Mono": "Noto Sans Mono",
    "TeX Gyre Cursor": "Nimbus Mono PS",
    "NimbusSansNarrow": "Liberation Sans Narrow",
    "TeXGyreHerosCondensed-Re": "Liberation Sans Narrow",
}
# What LibreOffice sets a family in when neither it nor fontconfig knows the
# name (every 'probe' row of font-aliases.tsv).
UNKNOWN_FACE = "DejaVu Sans"

CLASSES = {"sans": "RL_FONT_SANS", "serif": "RL_FONT_SERIF", "mono": "RL_FONT_MONO"}


def codepoints():
    out = []
    for first, last in RANGES:
        out.extend(range(first, last + 1))
    return out


def norm(name):
    """The key a family name is looked up by: ASCII letters in lower case, no
    ASCII white space (as fonts.c folds the name it is asked for)."""
    return "".join(c.lower() if "A" <= c <= "Z" else c for c in name if c not in " \t\n\r\f\v")


def face_by_name(name):
    for i, face in enumerate(FACES):
        if face[0] == name:
            return i
    raise KeyError(name)


_ps_cache = None


def _pskey(s):
    return "".join(c for c in s if c.isalnum()).lower()


def psnames():
    """The names a PDF may give every FACES file -> (face name, 'regular'/'bold').
    LibreOffice writes the PostScript name of a TrueType font but the full name
    without spaces of a CFF one (NimbusSans-Regular -> "NimbusSans")."""
    global _ps_cache
    if _ps_cache is None:
        from fontTools.ttLib import TTFont
        _ps_cache = {}
        for name, _cls, _pkg, reg, bold in FACES:
            for path, style in ((reg, "regular"), (bold, "bold")):
                if path:
                    names = TTFont(path, lazy=True)["name"]
                    for nid in (6, 4):
                        n = names.getDebugName(nid)
                        if n:
                            _ps_cache.setdefault(_pskey(n), (name, style))
    return _ps_cache


def face_for_psname(ps):
    """(face name, style) of a font name in a PDF, or None when it is no face of ours.
    LibreOffice cuts the name of a subset font to 24 characters
    (LiberationSansNarrow-Bold -> LiberationSansNarrow-Bol)."""
    key = _pskey(ps)
    hit = psnames().get(key)
    if hit is None and len(ps) >= 24:
        hits = {v for k, v in psnames().items() if k.startswith(key)}
        if len(hits) == 1:
            hit = hits.pop()
    return hit


def glyph_chain(name):
    """Faces tried in turn for a character: the face, then LibreOffice's fallback."""
    chain = [name] + GLYPH_FALLBACK.get(name, []) + [LAST_RESORT]
    return list(dict.fromkeys(chain))


def is_wide(cp):
    """East Asian wide and fullwidth characters: 1 em (Droid Sans Fallback)."""
    return (0x1100 <= cp <= 0x115F or 0x2E80 <= cp <= 0x303E or 0x3041 <= cp <= 0x33FF
            or 0x3400 <= cp <= 0x4DBF or 0x4E00 <= cp <= 0x9FFF or 0xA000 <= cp <= 0xA4CF
            or 0xAC00 <= cp <= 0xD7A3 or 0xF900 <= cp <= 0xFAFF or 0xFE30 <= cp <= 0xFE4F
            or 0xFF00 <= cp <= 0xFF60 or 0xFFE0 <= cp <= 0xFFE6 or 0x20000 <= cp <= 0x3FFFD)


def face_widths(face):
    """({cp: width}, {cp: width}, avg_regular, avg_bold) of a FACES row, 1/1000 em."""
    cps = codepoints()
    reg, avg_reg, _ = read_face(face[3], cps)
    if face[4]:
        bold, avg_bold, _ = read_face(face[4], cps)
    else:
        bold, avg_bold = reg, avg_reg
    return dict(zip(cps, reg)), dict(zip(cps, bold)), avg_reg, avg_bold


def predict_advance(widths, name, cp, bold):
    """The advance in em fonts.c gives; widths: face name -> face_widths()."""
    if cp in ZERO_WIDTH:
        return 0.0
    if is_wide(cp):
        return 1.0
    if cp in widths[name][0]:
        # in each face the bold glyph, else the regular one (emboldened)
        for f in glyph_chain(name):
            w = (bold and widths[f][1][cp]) or widths[f][0][cp]
            if w:
                return w / 1000
    return widths[name][3 if bold else 2] / 1000


# Spaces a font lacks, as HarfBuzz makes them up from the space glyph
# (hb-ot-shape-fallback.cc, _hb_set_unicode_props space types): em fractions,
# or the advance of another character.
HB_SPACES = {
    0x00A0: ("char", 0x20), 0x2000: ("em", 2), 0x2001: ("em", 1), 0x2002: ("em", 2),
    0x2003: ("em", 1), 0x2004: ("em", 3), 0x2005: ("em", 4), 0x2006: ("em", 6),
    0x2007: ("char", 0x30), 0x2008: ("char", 0x2E), 0x2009: ("em", 5), 0x200A: ("em", 16),
}


def hb_substitute(cp, cmap, hmtx, upem):
    """Advance in font units HarfBuzz gives cp when the font lacks it but can
    set it from other glyphs (hb-ot-shape-normalize.cc): a canonical
    decomposition (U+2000 -> U+2002, T-cedilla -> T + cedilla), made-up
    spaces, U+2011 as U+2010 or U+002D. None when it cannot."""
    import unicodedata
    dec = unicodedata.decomposition(chr(cp))
    if dec and not dec.startswith("<"):
        parts = [int(x, 16) for x in dec.split()]
        if all(p in cmap for p in parts):
            return sum(hmtx[cmap[p]][0] for p in parts)
    if cp in HB_SPACES and 0x20 in cmap:
        kind, arg = HB_SPACES[cp]
        if kind == "em":
            return upem / arg
        if arg in cmap:
            return hmtx[cmap[arg]][0]
        return None
    if cp == 0x2011:
        for alt in (0x2010, 0x2D):
            if alt in cmap:
                return hmtx[cmap[alt]][0]
    return None


def read_face(path, cps):
    """Widths of cps in 1/1000 em (0: the face lacks the glyph), the average,
    and the vertical metrics. A character the face lacks but which HarfBuzz
    sets from its other glyphs (spaces, U+2011) gets that advance: it is what
    LibreOffice lays out."""
    from fontTools.ttLib import TTFont
    f = TTFont(path)
    upem = f["head"].unitsPerEm
    cmap = f.getBestCmap()
    hmtx = f["hmtx"].metrics
    widths = []
    for cp in cps:
        if cp not in cmap:
            sub = hb_substitute(cp, cmap, hmtx, upem)
            widths.append(0 if sub is None else max(1, round(sub * 1000 / upem)))
            continue
        w = round(hmtx[cmap[cp]][0] * 1000 / upem)
        if w == 0 and cp not in ZERO_WIDTH:
            print(f"warning: {os.path.basename(path)} U+{cp:04X} has a zero advance;"
                  " stored as missing", file=sys.stderr)
        widths.append(min(w, 0xFFFF))
    tot = wsum = 0.0
    for ch, freq in LETTER_FREQ.items():
        if ord(ch) in cmap:
            tot += freq
            wsum += freq * hmtx[cmap[ord(ch)]][0] / upem
    avg = round(1000 * wsum / tot) if tot else 500
    hhea = f["hhea"]
    os2 = f["OS/2"]
    vert = {
        "upem": upem,
        "hhea": (hhea.ascent, hhea.descent, hhea.lineGap),
        "win": (os2.usWinAscent, os2.usWinDescent),
        "typo": (os2.sTypoAscender, os2.sTypoDescender, os2.sTypoLineGap),
        "use_typo": 1 if os2.fsSelection & 0x80 else 0,
    }
    return widths, avg, vert


def lo_line(v):
    """LibreOffice 7.4's single line height in em (vcl fontmetric.cxx)."""
    asc, desc, gap = v["hhea"]
    asc, desc = abs(asc), abs(desc)
    if asc == 0 and desc == 0:
        asc, desc = v["win"]
        gap = 0
    ta, td, tg = v["typo"]
    if v["use_typo"] and ta >= 0 and td <= 0:
        asc, desc, gap = ta, -td, tg
    return (asc + desc + gap) / v["upem"]


def word_line(v):
    """Word's single line height in em (GDI TEXTMETRIC)."""
    wa, wd = v["win"]
    asc, desc, gap = v["hhea"]
    ext = max(0, gap - ((wa + wd) - (asc - desc)))
    return (wa + wd + ext) / v["upem"]


def read_aliases():
    """Rows of tools/font-aliases.tsv: (requested, face, exact, approx_vertical)."""
    rows = []
    with open(ALIASES, encoding="utf-8") as f:
        header = None
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if header is None:
                header = cols
                continue
            r = dict(zip(header, cols))
            rows.append(r)
    return rows


def c_ident(name):
    return "".join(c if c.isalnum() else "_" for c in name.lower())


def main():
    cps = codepoints()
    faces = []
    for name, cls, pkg, reg, bold in FACES:
        w_reg, avg_reg, vert = read_face(reg, cps)
        if bold:
            w_bold, avg_bold, _ = read_face(bold, cps)
        else:
            w_bold, avg_bold = w_reg, avg_reg
        faces.append((name, cls, pkg, reg, bold, w_reg, w_bold, avg_reg, avg_bold, vert))

    keyed = {}
    skipped = []
    for r in read_aliases():
        if r["kind"] == "probe":
            continue
        key = norm(r["requested"])
        face = r["face"]
        if face.startswith("-"):
            face = NEAREST.get(face[1:])
            if face is None:
                skipped.append(f"{r['requested']} ({r['face'][1:]})")
                continue
        # fontconfig's names that LibreOffice sets in its general fallback add
        # nothing: fonts.c falls back to that face anyway.
        if r["kind"] == "fc" and face == UNKNOWN_FACE:
            continue
        if key in keyed:
            continue
        keyed[key] = (face_by_name(face), int(r["exact"]), int(r.get("approx_vertical", "0") or 0),
                      r["requested"])

    n = len(cps)
    # One array per distinct row of widths: a face whose bold is its regular
    # (no bold file), or faces with the same widths, share it.
    rows = {}
    row_names = []
    face_rows = []
    for name, cls, pkg, reg, bold, w_reg, w_bold, *_ in faces:
        pair = []
        for style, widths in (("regular", w_reg), ("bold", w_bold)):
            t = tuple(widths)
            if t not in rows:
                rows[t] = f"w_{c_ident(name)}_{style}"
                row_names.append((rows[t], t, f"{name} {style}"))
            pair.append(rows[t])
        face_rows.append(pair)

    chains = []
    for name, *_ in faces:
        chain = [face_by_name(f) for f in glyph_chain(name)[1:]]
        if len(chain) > MAX_CHAIN:
            raise SystemExit(f"{name}: glyph fallback chain longer than {MAX_CHAIN}")
        chains.append(chain + [-1] * (MAX_CHAIN - len(chain)))

    lines = []
    w = lines.append
    w("/* Generated by tools/gen-font-metrics.py (fontTools) from the font files of")
    w(" * the Debian 12 packages below, and from tools/font-aliases.tsv (made by")
    w(" * tools/lo-font-substitution.py: what LibreOffice 7.4 sets each family in).")
    w(" * Do not edit: rerun the script.")
    w(" *")
    for name, cls, pkg, reg, bold, *_ in faces:
        w(f" * {name} ({pkg}): {os.path.basename(reg)}" + (f", {os.path.basename(bold)}" if bold else ""))
    w(" */")
    w('#include "fonts.h"')
    w("")
    w(f"_Static_assert(RL_FONT_NWIDTHS == {n}, \"fonts.h: RL_FONT_NWIDTHS must be {n}\");")
    w(f"_Static_assert(RL_FONT_MAX_CHAIN == {MAX_CHAIN}, \"fonts.h: RL_FONT_MAX_CHAIN must be {MAX_CHAIN}\");")
    w("")
    w("/* Code points with a stored width; a range's widths start at index 'at'. */")
    w("const struct rl_font_range rl_font_ranges[] = {")
    at = 0
    for first, last in RANGES:
        w(f"\t{{ 0x{first:04X}, 0x{last:04X}, {at} }},")
        at += last - first + 1
    w("};")
    w("const unsigned rl_font_range_count = sizeof rl_font_ranges / sizeof rl_font_ranges[0];")
    w("")
    w("/* Advance widths in 1/1000 em of the code points of rl_font_ranges, in")
    w(" * order; 0 = the face has no glyph. */")
    for ident, t, label in row_names:
        w(f"static const uint16_t {ident}[RL_FONT_NWIDTHS] = {{ /* {label} */")
        for i in range(0, n, 20):
            w("\t" + ",".join(str(x) for x in t[i:i + 20]) + ",")
        w("};")
    w("")
    w("const struct rl_font rl_font_faces[] = {")
    for k, (name, cls, pkg, reg, bold, w_reg, w_bold, avg_reg, avg_bold, v) in enumerate(faces):
        ha, hd, hg = v["hhea"]
        wa, wd = v["win"]
        ta, td, tg = v["typo"]
        chain = ", ".join(str(x) for x in chains[k])
        w(f"\t{{ /* {k}: LibreOffice single line {lo_line(v):.4f} em, Word {word_line(v):.4f} em */")
        w(f'\t\t"{name}", {CLASSES[cls]}, {v["use_typo"]}, {v["upem"]},')
        w(f"\t\t{ha}, {hd}, {hg}, {wa}, {wd}, {ta}, {td}, {tg},")
        w(f"\t\t{{ {avg_reg}, {avg_bold} }}, {{ {face_rows[k][0]}, {face_rows[k][1]} }}, {{ {chain} }},")
        w("\t},")
    w("};")
    w("const unsigned rl_font_face_count = sizeof rl_font_faces / sizeof rl_font_faces[0];")
    w(f"const unsigned rl_font_unknown_face = {face_by_name(UNKNOWN_FACE)}; /* {UNKNOWN_FACE} */")
    w("")
    w("/* Requested family (ASCII lower case, no white space) -> the face")
    w(" * LibreOffice 7.4 lays it out with on Debian 12; sorted by key (bytes). */")
    w("const struct rl_font_alias rl_font_aliases[] = {")
    for key in sorted(keyed, key=lambda k: k.encode()):
        idx, exact, approx, req = keyed[key]
        flags = "RL_FONT_APPROX_VERTICAL" if approx else "0"
        key_c = "".join(c if 32 <= ord(c) < 127 and c not in '"\\?' else
                        "".join(f"\\{b:03o}" for b in c.encode()) for c in key)
        w(f'\t{{ "{key_c}", {idx}, {exact}, {flags} }}, /* {req} -> {FACES[idx][0]} */')
    w("};")
    w("const unsigned rl_font_alias_count = sizeof rl_font_aliases / sizeof rl_font_aliases[0];")
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")

    size = len(row_names) * 2 * n
    print(f"{OUT}: {len(faces)} faces x {n} code points; {len(row_names)} width arrays,"
          f" {size} bytes; {len(keyed)} aliases", file=sys.stderr)
    if skipped:
        print("not in the table (LibreOffice used no face of ours): " + "; ".join(skipped), file=sys.stderr)
    for name, cls, pkg, reg, bold, w_reg, w_bold, avg_reg, avg_bold, v in faces:
        miss = sum(1 for x in w_reg if x == 0)
        print(f"  {name:24} {cls:5} LO {lo_line(v):.4f}  Word {word_line(v):.4f}  "
              f"avg {avg_reg}/{avg_bold}  missing {miss}/{n}", file=sys.stderr)


if __name__ == "__main__":
    main()
