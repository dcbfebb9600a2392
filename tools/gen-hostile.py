#!/usr/bin/env python3
"""Writes the hostile inputs of tests/hostile/: broken and malicious files with
resume names. Run by hand when a case is added; the files are committed (they
are small: the bombs compress well) and tests/hostile/run.py checks them."""
import io, os, random, zipfile

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "hostile")
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="xml" ContentType="application/xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="word/document.xml"/></Relationships>')


def doc(body):
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}</w:body></w:document>'


def para(text):
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def docx(name, document, extra=()):
    with zipfile.ZipFile(os.path.join(OUT, name), "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("_rels/.rels", RELS)
        if document is not None:
            z.writestr("word/document.xml", document)
        for n, data in extra:
            z.writestr(n, data)


def main():
    os.makedirs(OUT, exist_ok=True)
    ok = doc(para("Jane Doe") + para("jane@example.com"))
    # a valid one, the base of the broken ones
    docx("valid.docx", ok)
    # 64 MiB of one letter in one text run: inflates past the part limit
    with zipfile.ZipFile(os.path.join(OUT, "zip-bomb.docx"), "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("_rels/.rels", RELS)
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(doc("<w:p><w:r><w:t>").split("<w:t>")[0].encode() + b"<w:t>")
            chunk = b"A" * (1 << 20)
            for _ in range(64):
                f.write(chunk)
            f.write(b"</w:t></w:r></w:p></w:body></w:document>")
    # the directory says the part is small; the data says otherwise
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/document.xml", doc(para("B" * (24 << 20))))
    data = bytearray(raw.getvalue())
    big = (24 << 20) + len(doc(para(""))) 
    for sig in (b"PK\x03\x04", b"PK\x01\x02"):
        at = 0
        while (at := data.find(sig, at)) >= 0:
            name_len = int.from_bytes(data[at + (26 if sig == b"PK\x03\x04" else 28):][:2], "little")
            off = 30 if sig == b"PK\x03\x04" else 46
            name = bytes(data[at + off:at + off + name_len])
            if name == b"word/document.xml":
                size_at = at + (22 if sig == b"PK\x03\x04" else 24)
                data[size_at:size_at + 4] = (1000).to_bytes(4, "little")
            at += 4
    open(os.path.join(OUT, "lying-sizes.docx"), "wb").write(bytes(data))
    del big
    # billion laughs: entities defined in a DTD
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10))
              + f']><w:document {W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')
    docx("entity-expansion.docx", laughs)
    # an external entity that would read a local file
    xxe = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           f'<w:document {W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>')
    docx("external-entity.docx", xxe)
    # half an archive
    full = open(os.path.join(OUT, "valid.docx"), "rb").read()
    open(os.path.join(OUT, "truncated.docx"), "wb").write(full[: len(full) // 2])
    # text with a Word name
    open(os.path.join(OUT, "not-a-zip.docx"), "w").write("# Jane Doe\n\nThis is Markdown.\n")
    # a zip with no document part
    docx("no-document.docx", None, [("word/styles.xml", f"<w:styles {W}/>")])
    # content controls nested 2,000 deep (libxml2 and resumelint stop at 256)
    depth = 2000
    docx("deep-nesting.docx", doc("<w:sdt><w:sdtContent>" * depth + para("x") + "</w:sdtContent></w:sdt>" * depth))
    # a tag never closed
    docx("malformed.docx", f'<?xml version="1.0"?><w:document {W}><w:body><w:p><w:r><w:t>Jane</w:r></w:p>')
    # Flat OPC whose document part is broken
    open(os.path.join(OUT, "malformed-flat.xml"), "w").write(
        '<?xml version="1.0"?><pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">'
        '<pkg:part pkg:name="/word/document.xml"><pkg:xmlData>'
        f'<w:document {W}><w:body><w:p><w:r><w:t>Jane</w:t></w:r></w:p></w:body></w:document>'
        '</pkg:xmlData></pkg:part><pkg:part pkg:name="/word/styles.xml"><pkg:xmlData><w:styles ')
    # one paragraph of 1.1 MiB, varied enough to stay under the zip ratio
    # limit: past the block text limit
    rnd = random.Random(9)
    vocab = ["".join(rnd.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rnd.randrange(2, 9))) for _ in range(300)]
    text = " ".join(rnd.choice(vocab) for _ in range(200000))[: 1100 * 1024]
    docx("long-paragraph.docx", doc(para(text)))
    markdown_and_text()
    word_counts()
    print("wrote", sorted(os.listdir(OUT)))


def word_counts():
    """Word files with an error where the reader cuts elements it never reads
    before parsing (src/word/prune.c). Files past the style, list and
    paragraph limits are made by tests/hostile/run.py."""
    # an undefined entity inside run properties the reader cuts before
    # parsing: still reported, where it is in the part
    docx("entity-in-unread.docx", doc('<w:p><w:r><w:rPr><w:color w:val="&nbsp;"/></w:rPr><w:t>Jane</w:t></w:r></w:p>'))


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def markdown_and_text():
    """Pathological Markdown (md4c and our pre-pass must stay linear), broken
    text, and binary files with resume names. The 10 MB line is made at run
    time by tests/hostile/run.py (too big to commit)."""
    # 100,000 nested brackets, and as many opened and never closed
    write("brackets-nested.md", "[" * 100000 + "x" + "]" * 100000 + "\n")
    write("brackets-open.md", "[a](" * 25000 + "[" * 50000 + "\n")
    # emphasis storms: openers that never close, and runs of delimiters
    write("emphasis-storm.md", "*a **b _c __d " * 10000 + "\n\n" + "a" + "*" * 50000 + "b" + "_" * 50000 + "\n")
    # backtick runs of every length from 1 to 600: each looks for its closer
    write("backtick-runs.md", "".join("`" * i + "a" for i in range(1, 600)) + "\n")
    # lists and quotes 5,000 deep on one line, and 200 deep by indentation
    write("deep-lists.md", "- " * 5000 + "x\n\n" + "1. " * 5000 + "y\n\n" + "> " * 5000 + "z\n\n"
          + "".join("  " * i + "- item\n" for i in range(200)))
    # pandoc bracketed spans by the thousand (each one cost a pass over the block)
    write("span-storm.md", "[x]{.a} " * 20000 + "\n\n" + "x]{.a} " * 20000 + "\n")
    # front matter of flow sequences nested 2,000 deep: YAML refuses it, and the
    # text read as Markdown made a table row taller than a page (the layout looped)
    write("yaml-flow-storm.md", "---\n" + "a: [" * 2000 + "\n---\n")
    # a table cell of 20,000 words: a row taller than a page
    write("table-tall-row.md", "| a | b |\n|---|---|\n| " + "word " * 20000 + "| x |\n")
    # raw HTML, comments, entities and fences by the tens of thousands
    write("html-storm.md", "<div>" * 20000 + "\n\n" + "<!-- " * 20000 + "\n\n" + "&amp;&#x41;&nope;" * 10000 + "\n\n"
          + "```\n" * 10000)
    # more matches than the findings cap: summed up, not listed one by one
    write("gpa-storm.md", "# Education\n\n" + "GPA: 3.9/4.0\n\n" * 5000)
    # text robustness
    write("empty.md", b"")
    write("blank.md", b"\n  \n\t\n")
    write("utf16le-bom.md", "\ufeff# Jane Doe\n".encode("utf-16-le"))
    write("utf16be-bom.md", "\ufeff# Jane Doe\n".encode("utf-16-be"))
    write("invalid-utf8.md", b"# Jane Doe\n\nCaf\xe9 manager, \xff\xfe\xc0\xaf overlong\n")
    write("nul-bytes.md", b"# Jane Doe\n\n" + b"Built a service used by many customers every day. " * 40 + b"\x00\n")
    write("cr-line-ends.md", b"# Jane Doe\r\rjane@example.com\r\r## Education\r\rGPA: 3.9/4.0\r")
    write("crlf-line-ends.md", b"# Jane Doe\r\n\r\njane@example.com\r\n\r\n## Education\r\n\r\nGPA: 3.9/4.0\r\n")
    # binary files with resume names
    rnd = random.Random(8)
    write("random-bytes.md", bytes(rnd.randrange(256) for _ in range(4096)))
    write("elf.md", b"\x7fELF\x02\x01\x01\x00" + bytes(rnd.randrange(256) for _ in range(2048)))
    write("pdf-renamed.md", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    write("png-renamed.docx", b"\x89PNG\r\n\x1a\n" + bytes(rnd.randrange(256) for _ in range(512)))
    write("old-word.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    # a directory where a file is expected (a folder named like a resume)
    os.makedirs(os.path.join(OUT, "folder.md"), exist_ok=True)
    write(os.path.join("folder.md", "cv.md"), "# Jane Doe\n\njane@example.com\n")


if __name__ == "__main__":
    main()
