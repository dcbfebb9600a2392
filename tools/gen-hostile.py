#!/usr/bin/env python3
"""Writes the hostile inputs of tests/hostile/: broken and malicious files with
resume names. Run by hand when a case is added; the files are committed (they
are small: the bombs compress well) and tests/hostile/run.py checks them."""
import io, os, zipfile

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
    print("wrote", sorted(os.listdir(OUT)))


if __name__ == "__main__":
    main()
