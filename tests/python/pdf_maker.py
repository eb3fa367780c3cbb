"""A minimal PDF writer for the tests: pages of text lines in Courier (WinAnsiEncoding), or a page
with a drawing and no text (what a scan gives a text extractor). No PDF comes from outside."""

from __future__ import annotations

import pathlib


def _escape(line: str) -> bytes:
    raw = line.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _page(contents: int) -> bytes:
    return (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 1191] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents %d 0 R >>" % contents)


def _stream(stream: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"


def _head(kids: list[int]) -> list[bytes]:
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % len(kids),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>",
    ]


def _document(streams: list[bytes]) -> bytes:
    objects = _head([4 + 2 * i for i in range(len(streams))])
    for i, stream in enumerate(streams):
        objects.append(_page(5 + 2 * i))
        objects.append(_stream(stream))
    return _file(objects)


def _file(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def text_pdf(path: pathlib.Path, lines: list[str], per_page: int = 90) -> None:
    """Writes `lines` as monospaced text, `per_page` lines a page."""
    streams = []
    for start in range(0, max(len(lines), 1), per_page):
        body = bytearray(b"BT /F1 7 Tf 9 TL 20 1170 Td\n")
        for line in lines[start : start + per_page]:
            body += b"(" + _escape(line) + b") Tj T*\n"
        body += b"ET"
        streams.append(bytes(body))
    path.write_bytes(_document(streams))


def shared_stream_pdf(path: pathlib.Path, lines: list[str], pages: int) -> None:
    """`pages` pages that all show one content stream of `lines`: a small file of many pages, the
    shape of a PDF that costs its reader far more than its size."""
    body = bytearray(b"BT /F1 7 Tf 9 TL 20 1170 Td\n")
    for line in lines:
        body += b"(" + _escape(line) + b") Tj T*\n"
    body += b"ET"
    objects = _head([5 + i for i in range(pages)]) + [_stream(bytes(body))]
    objects += [_page(4) for _ in range(pages)]
    path.write_bytes(_file(objects))


def scan_pdf(path: pathlib.Path) -> None:
    """A page with a filled rectangle and no text."""
    path.write_bytes(_document([b"0.5 g 50 50 400 300 re f"]))
