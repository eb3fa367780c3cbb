"""A minimal PDF writer for the tests: pages of text lines in Courier (WinAnsiEncoding), or a page
with a drawing and no text (what a scan gives a text extractor). No PDF comes from outside."""

from __future__ import annotations

import pathlib


def _escape(line: str) -> bytes:
    raw = line.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _page(contents: int, width: int = 842) -> bytes:
    return (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d 1191] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents %d 0 R >>" % (width, contents))


def _stream(stream: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"


def _head(kids: list[int]) -> list[bytes]:
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % len(kids),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>",
    ]


def _document(streams: list[bytes], width: int = 842) -> bytes:
    objects = _head([4 + 2 * i for i in range(len(streams))])
    for i, stream in enumerate(streams):
        objects.append(_page(5 + 2 * i, width))
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


def _is_prose(line: str, width: int) -> bool:
    return bool(line.strip()) and "  " not in line and "\t" not in line and len(line) <= width


def two_column_pdf(path: pathlib.Path, lines: list[str], per_page: int = 90, column: int = 64) -> None:
    """Writes `lines` as `text_pdf` does, but each run of prose lines (at most `column` wide, no
    run of spaces: not a table row) in two columns side by side, its first half on the left, as
    a two-column report prints its paragraphs; tables and blank lines stay full width."""
    streams = []
    step = (column + 4) * 42 // 10  # 7 pt Courier: 4.2 pt a character
    for start in range(0, max(len(lines), 1), per_page):
        page = lines[start : start + per_page]
        body = bytearray(b"BT /F1 7 Tf\n")
        row, k = 0, 0
        while k < len(page):
            run = k
            while run < len(page) and _is_prose(page[run], column):
                run += 1
            if run - k >= 2:
                half = (run - k + 1) // 2
                for i, line in enumerate(page[k:run]):
                    x, y = (20, row + i) if i < half else (20 + step, row + i - half)
                    body += b"1 0 0 1 %d %d Tm (" % (x, 1170 - 9 * y) + _escape(line) + b") Tj\n"
                row += half
                k = run
                continue
            body += b"1 0 0 1 20 %d Tm (" % (1170 - 9 * row) + _escape(page[k]) + b") Tj\n"
            row += 1
            k += 1
        body += b"ET"
        streams.append(bytes(body))
    longest = max((len(line) for line in lines), default=0)
    path.write_bytes(_document(streams, max(842, 40 + (longest * 42 + 9) // 10)))
