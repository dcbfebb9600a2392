#!/usr/bin/env python3
"""Hostile inputs: each file here ends with its expected exit status and
exactly one line on stderr (expected.txt: FILE<TAB>EXIT<TAB>STDERR), within a
second and in under 64 MB (peak resident memory of the process), also under
the sanitizers. Files are made by tools/gen-hostile.py; the 10 MB line is made
here (GENERATED); a name in expected.txt with no file is a missing path.

Usage: run.py RESUMELINT RULES_DIR HOSTILE_DIR [--update]"""
import os, sys, tempfile, time, zipfile

LIMIT_S = 1.0
LIMIT_MB = 64

# Cases too big to commit, made in a temporary folder at run time: each
# writes its file in small pieces (a 10 MB bytes object would stay in this
# process's memory, and a forked child starts with the parent's pages counted
# in its peak). The peak measured still includes this interpreter's ~13 MB.
def repeat(unit, total, end=b""):
    def write(f):
        piece = unit * (65536 // len(unit) + 1)
        left = total
        while left > 0:
            f.write(piece[:left])
            left -= min(left, len(piece))
        f.write(end)
    return write


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def word_file(body, parts=()):
    """A .docx of body (WordprocessingML) and parts ((name, XML) pairs, each
    related to the document)."""
    def write(f):
        rels = "".join(f'<Relationship Id="r{kind}" Type="{REL}{kind}" Target="{kind}.xml"/>' for kind, _ in parts)
        with zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                       'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
            z.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                       f'relationships"><Relationship Id="r1" Type="{REL}officeDocument" '
                       'Target="word/document.xml"/></Relationships>')
            z.writestr("word/document.xml", f"<w:document {W}><w:body>{body}</w:body></w:document>")
            z.writestr("word/_rels/document.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/'
                       f'package/2006/relationships">{rels}</Relationships>')
            for kind, xml in parts:
                z.writestr(f"word/{kind}.xml", xml)
    return write


LISTED = '<w:p><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Jane Doe</w:t></w:r></w:p>'

GENERATED = {
    # a 10 MB single line (under the 10 MiB input limit): refused by the line limit
    "long-line.md": repeat(b"Responsible for GPA 3.9/4.0 and references available upon request. ", 10_000_000, b"\n"),
    # a line just under the line limit, a match of no-gpa every 70 bytes: its
    # `unless` exceptions were looked for from the line's start at each (3 s
    # for 100 KB, minutes for this)
    "gpa-line.md": repeat(b"Responsible for GPA 3.9/4.0 and references available upon request. ", 1_000_000, b"\n"),
    # 10 MiB of empty lines: the line maps alone took 450 MB
    "empty-lines.md": repeat(b"x\n\n", 10 * 1024 * 1024 - 1),
    # a table of 120,000 cells in 40,000 lines: past the block limit
    "many-cells.md": repeat(b"| x | y | z |\n", 40000 * 14, b""),
    # Word files past a count limit: a style kept costs 700 bytes, a list
    # 200, and each paragraph looks its style and list up
    "many-styles.docx": word_file(LISTED, [("styles", f"<w:styles {W}>" + "".join(
        f'<w:style w:type="paragraph" w:styleId="S{i}"><w:basedOn w:val="S{i + 1}"/></w:style>'
        for i in range(10001)) + "</w:styles>")]),
    "many-lists.docx": word_file(LISTED, [("numbering", f"<w:numbering {W}>" + "".join(
        f'<w:num w:numId="{i + 1}"><w:abstractNumId w:val="{i}"/></w:num>' for i in range(10001))
        + "</w:numbering>")]),
    "many-paragraphs.docx": word_file("".join(f"<w:p><w:r><w:t>{i * 7919 % 1000003}</w:t></w:r></w:p>"
                                              for i in range(20001))),
}


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


def read_expected(folder):
    expected = {}
    path = os.path.join(folder, "expected.txt")
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            if line.strip() and not line.startswith("#"):
                name, code, msg = line.rstrip("\n").split("\t", 2)
                expected[name] = (int(code), msg)
    return expected


def cases_of(folder, expected, tmp):
    """(name, folder to run in) for every case: the files here, the generated
    ones (written to tmp), and names in expected.txt with no file (a missing
    path given as a file)."""
    here = [f for f in os.listdir(folder) if not f.endswith((".txt", ".py")) and not f.startswith(".")]
    for name, write in GENERATED.items():
        with open(os.path.join(tmp, name), "wb") as f:
            if name == "many-cells.md":
                f.write(b"| a | b | c |\n|---|---|---|\n")
            write(f)
    cases = {name: folder for name in here}
    cases.update({name: tmp for name in GENERATED})
    for name in expected:
        cases.setdefault(name, folder)
    return sorted(cases.items())


def main():
    args = [a for a in sys.argv[1:] if a != "--update"]
    update = len(args) < len(sys.argv) - 1
    rl, rules, folder = (os.path.abspath(a) for a in args[:3])
    expected_path = os.path.join(folder, "expected.txt")
    expected = read_expected(folder)
    tmp = tempfile.TemporaryDirectory(prefix="rl-hostile-")
    cases = cases_of(folder, expected, tmp.name)
    rows, bad = [], 0
    for case, cwd in cases:
        code, err, secs, mb = run([rl, "--rules", rules, "--no-config", "--format", "json", case], cwd)
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
