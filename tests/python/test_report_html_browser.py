"""The HTML audit report in a real browser (headless Chromium over the DevTools protocol).

Each bundled round's page is loaded and its rendered DOM checked: every finding present with its
code and severity, every link's target present, the lines that findings, rules, statements and
rows cite marked, the amounts in question highlighted; its colours pass WCAG AA; it reads the
same without JavaScript; and the page makes no request and logs no error or warning (a
Content-Security-Policy violation is one). A round file whose every text holds markup, script,
links, control characters and bidi overrides yields a page where none of it is active.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator

import pytest

import anslag

REPO = Path(__file__).resolve().parents[2]
CLI = os.environ.get("ANSLAG_CLI", str(REPO / "build" / "anslag"))
INJECTION = REPO / "tests" / "data" / "report-injection"
sys.path.insert(0, str(REPO / "scripts"))

from headless_chromium import Browser  # noqa: E402

YEARS = [2020, 2024]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    b = Browser()
    try:
        yield b
    finally:
        b.close()


def audit(*args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([CLI, "audit", *args], capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert result.returncode in (0, 1), result.stderr
    return result


def report_page(tmp_path: Path, *args: str) -> Path:
    page = tmp_path / "report.html"
    audit(*args, "--format", "html", "--output", str(page))
    return page


def kronor_digits(amount: anslag.Krona) -> str:
    """The integer kronor of an amount grouped by spaces, as the seeds print them: '6 558 400'."""
    return f"{amount.ore // 100:,}".replace(",", " ")


CONTRAST = """(function(){
function parse(c){var m=/rgba?\\(([^)]+)\\)/.exec(c);if(!m)return null;var p=m[1].split(',').map(parseFloat);
 return {r:p[0],g:p[1],b:p[2],a:p.length>3?p[3]:1};}
function lum(c){function ch(v){v/=255;return v<=0.03928?v/12.92:Math.pow((v+0.055)/1.055,2.4);}
 return 0.2126*ch(c.r)+0.7152*ch(c.g)+0.0722*ch(c.b);}
function ratio(a,b){var x=lum(a),y=lum(b);return (Math.max(x,y)+0.05)/(Math.min(x,y)+0.05);}
function bg(el){for(var e=el;e;e=e.parentElement){var c=parse(getComputedStyle(e).backgroundColor);if(c&&c.a>0)return c;}
 return {r:255,g:255,b:255,a:1};}
var low=[],w=document.createTreeWalker(document.body,NodeFilter.SHOW_TEXT),n=0;
while(w.nextNode()){var t=w.currentNode,el=t.parentElement;if(!t.textContent.trim()||!el.getClientRects().length)continue;
 var cs=getComputedStyle(el),fg=parse(el instanceof SVGElement?cs.fill:cs.color),r=ratio(fg,bg(el));n++;
 if(r<4.5)low.push([t.textContent.slice(0,40),cs.color,r]);}
var white={r:255,g:255,b:255,a:1},bars=[];
document.querySelectorAll('svg rect[fill^="#"], svg line[stroke^="#"]').forEach(function(e){
 var c=e.getAttribute('fill')||e.getAttribute('stroke');if(e.tagName==='rect'&&e.getAttribute('fill')==='#ffffff')return;
 var h=c.slice(1),v={r:parseInt(h.slice(0,2),16),g:parseInt(h.slice(2,4),16),b:parseInt(h.slice(4,6),16)};
 if(ratio(v,white)<3)bars.push([c,ratio(v,white)]);});
return {checked:n,low:low,bars:bars};})()"""


@pytest.mark.parametrize("year", YEARS)
def test_bundled_report_renders_every_finding_link_and_cited_line(browser: Browser, tmp_path: Path, year: int) -> None:
    expected: dict[str, Any] = json.loads(audit(str(year), "--format", "json").stdout)
    round_ = anslag.load_round(year)
    page = browser.new_page()
    page.open(report_page(tmp_path, str(year)))

    # Every finding, in the report's order, with its code, severity and both messages.
    shown = page.evaluate("""[].map.call(document.querySelectorAll('article.finding'), function(a){
        return {id:a.id, code:a.querySelector('h4 code').textContent, severity:a.getAttribute('data-severity'),
                text:a.textContent};})""")
    assert len(shown) == len(expected["findings"]) > 0
    by_id = {f["id"]: f for f in shown}
    for number, finding in enumerate(expected["findings"], start=1):
        article = by_id[f"F{number}"]
        assert (article["code"], article["severity"]) == (finding["code"], finding["severity"])
        assert finding["message_sv"] in article["text"] and finding["message_en"] in article["text"]

    # Every link stays in the page and its target exists.
    links = page.evaluate("""[].map.call(document.querySelectorAll('a'), function(a){
        var h=a.getAttribute('href')||''; return [h, h.charAt(0)==='#' && !!document.getElementById(h.slice(1))];})""")
    assert links and all(target for _, target in links), [h for h, target in links if not target]

    # A finding's line is marked with its severity and links back to it; its amounts highlighted.
    lines = page.evaluate("""(function(){var o={};document.querySelectorAll('.line').forEach(function(l){
        o[l.id]={cls:l.className, refs:[].map.call(l.querySelectorAll('.refs a'), function(a){return a.getAttribute('href');}),
                 refText:(l.querySelector('.refs')||{textContent:''}).textContent, text:l.querySelector('.t').textContent,
                 marks:[].map.call(l.querySelectorAll('mark'), function(m){return m.textContent;})};});return o;})()""")
    for number, finding in enumerate(expected["findings"], start=1):
        source = finding["source"]
        if not source or source["line"] == 0:
            continue
        line = lines[f"L{source['line']}"]
        assert "f-" in line["cls"] and f"#F{number}" in line["refs"]
        for figure in (finding["expected"], finding["actual"]):
            if figure and "ore" in figure:
                digits = kronor_digits(anslag.Krona.from_ore(figure["ore"]))
                if digits in line["text"]:
                    assert digits in line["marks"], (source["line"], digits)
    for cited in [*round_.rules, *round_.statements]:
        if cited.source.line:
            line = lines[f"L{cited.source.line}"]
            assert ("cited" in line["cls"] or "f-" in line["cls"]) and cited.id in line["refText"]
    for statement in round_.statements:
        if statement.amount is not None and kronor_digits(statement.amount) in lines[f"L{statement.source.line}"]["text"]:
            assert kronor_digits(statement.amount) in lines[f"L{statement.source.line}"]["marks"]

    # Every row of the round, linked to its line.
    rows = page.evaluate("""[].map.call(document.querySelectorAll('#rows tbody tr'), function(r){
        return [r.querySelector('th').textContent, (r.querySelector('a')||{}).hash||''];})""")
    assert [r[0] for r in rows] == [a.id for a in round_.applications]
    assert all(link == f"#L{a.source.line}" for (_, link), a in zip(rows, round_.applications))

    # WCAG AA: text 4.5:1 against what it is drawn on, the chart's bars and lines 3:1 against white.
    contrast = page.evaluate(CONTRAST)
    assert contrast["checked"] > 100 and contrast["low"] == [] and contrast["bars"] == []

    # The filters: only errors and warnings, then one fund.
    page.evaluate("document.querySelector('#filters input[value=info]').click()")
    visible = page.evaluate("document.querySelectorAll('article.finding:not([hidden])').length")
    assert visible == expected["summary"]["error"] + expected["summary"]["warning"]

    screenshot = tmp_path / f"{year}.png"
    page.screenshot(screenshot)
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and screenshot.stat().st_size > 20_000
    assert page.problems() == []


@pytest.mark.parametrize("year", YEARS)
def test_report_reads_the_same_without_javascript_and_prints_whole(browser: Browser, tmp_path: Path, year: int) -> None:
    page = browser.new_page(javascript=False)
    page.open(report_page(tmp_path, str(year)))
    state = page.evaluate("""({findings: document.querySelectorAll('article.finding').length,
        visible: [].filter.call(document.querySelectorAll('article.finding'), function(a){return a.getClientRects().length;}).length,
        filters: document.getElementById('filters').getClientRects().length,
        lines: document.querySelectorAll('.line').length})""")
    assert state["findings"] == state["visible"] > 0 and state["filters"] == 0 and state["lines"] > 100
    page.call("Emulation.setEmulatedMedia", {"media": "print"})
    printed = page.evaluate("""({doc: getComputedStyle(document.querySelector('.doc')).overflow,
        columns: getComputedStyle(document.querySelector('.columns')).display})""")
    assert printed == {"doc": "visible", "columns": "block"}
    pdf = page.call("Page.printToPDF", {"printBackground": True})["data"]
    assert len(pdf) > 10_000
    assert page.problems() == []


def test_every_text_from_a_hostile_round_and_document_stays_text(browser: Browser, tmp_path: Path) -> None:
    """Markup, script, javascript: links, terminal escapes, newlines and bidi overrides in every
    text field of the round file and in the document: none of it creates an element, runs, or
    asks for anything; all of it is shown, escaped."""
    hostile = tmp_path / "<img src=x onerror=window.__pwned=9>.toml"
    hostile.write_bytes((INJECTION / "round.toml").read_bytes())
    page_path = report_page(tmp_path, str(hostile), "--document", str(INJECTION / "document.txt"))
    source = page_path.read_text(encoding="utf-8")
    assert "\x1b" not in source and "\u202e" not in source and "\r" not in source

    page = browser.new_page()
    page.open(page_path)
    state = page.evaluate("""({pwned: typeof window.__pwned,
        scripts: document.scripts.length, styles: document.querySelectorAll('style').length,
        active: document.querySelectorAll('img,iframe,object,embed,form,base,link,meta[http-equiv=refresh],b').length,
        outside: [].filter.call(document.querySelectorAll('[href],[src],[action]'), function(e){
            return (e.getAttribute('href')||'#').charAt(0)!=='#';}).length,
        handlers: [].filter.call(document.querySelectorAll('*'), function(e){
            return [].some.call(e.attributes, function(a){return a.name.indexOf('on')===0;});}).length,
        findings: document.querySelectorAll('article.finding').length,
        text: document.body.innerText, title: document.title})""")
    assert state["pwned"] == "undefined"
    assert (state["scripts"], state["styles"], state["active"], state["outside"], state["handlers"]) == (1, 1, 0, 0, 0)
    assert state["findings"] > 0
    # Shown, as text: the markup, and the controls as visible escapes.
    assert "<script>window.__pwned=1</script>" in state["text"]
    assert '<a href="javascript:window.__pwned=3">' in state["text"]
    assert "<script>window.__pwned=4</script>" in state["text"]  # from the document
    assert "\\x1b[2J" in state["text"] and "\\u202e" in state["text"] and "\\r\\nerror" in state["text"]
    assert "\u202e" not in state["text"] + state["title"] and "\x1b" not in state["title"]
    # The document line the error cites is still marked and linked, its markup shown as text.
    line = page.evaluate("""(function(){var l=document.getElementById('L22');
        return {cls:l.className, marks:l.querySelectorAll('mark').length, kids:l.querySelectorAll('.t *').length};})()""")
    assert "f-error" in line["cls"] and line["marks"] == line["kids"] == 1
    assert page.problems() == []
