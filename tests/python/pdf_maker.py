"""A minimal PDF writer for the tests: pages of text lines in Courier (WinAnsiEncoding), or a page
with a drawing and no text (what a scan gives a text extractor). No PDF comes from outside."""

from __future__ import annotations

import pathlib


def _escape(line: str) -> bytes:
    raw = line.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _document(streams: list[bytes], width: int = 842) -> bytes:
    pages = len(streams)
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(pages)) + b"] /Count %d >>" % pages,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>",
    ]
    for i, stream in enumerate(streams):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d 1191] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents %d 0 R >>" % (width, 5 + 2 * i)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
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
    """Writes `lines` as monospaced text, `per_page` lines a page: A3 (195 columns of 7 pt
    Courier), or wider when a line is longer, so that no text runs off the page."""
    streams = []
    for start in range(0, max(len(lines), 1), per_page):
        body = bytearray(b"BT /F1 7 Tf 9 TL 20 1170 Td\n")
        for line in lines[start : start + per_page]:
            body += b"(" + _escape(line) + b") Tj T*\n"
        body += b"ET"
        streams.append(bytes(body))
    longest = max((len(line) for line in lines), default=0)
    path.write_bytes(_document(streams, max(842, 40 + (longest * 42 + 9) // 10)))


def laid_out(lines: list[str]) -> list[str]:
    """A PDF prints a tab-separated table as aligned columns: each run of tab lines, padded."""
    out: list[str] = []
    block: list[list[str]] = []

    def flush() -> None:
        widths = [max(len(row[k]) for row in block if k < len(row)) for k in range(max(map(len, block), default=0))]
        out.extend("    ".join(cell.ljust(widths[k]) for k, cell in enumerate(row)).rstrip() for row in block)
        block.clear()

    for line in lines:
        if "\t" in line:
            block.append(line.split("\t"))
            continue
        flush()
        out.append(line)
    flush()
    return out


def scan_pdf(path: pathlib.Path) -> None:
    """A page with a filled rectangle and no text."""
    path.write_bytes(_document([b"0.5 g 50 50 400 300 re f"]))
