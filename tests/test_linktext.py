"""dossier.linktext finds link text by a forward scan; the HTML must be the library's, whatever the input."""
from __future__ import annotations

import markdown
import pytest

from dossier.plugin import NEEDED_EXTENSIONS

BASE = ["attr_list", "md_in_html", "tables", "toc", "admonition"]

INPUTS = {
    "a table cell dense with links": "| Claim | Peru |\n| --- | --- |\n| [Row](claims/x.md) | "
    + " ".join(f"[s{k}](../sources/a.md#s{k} \"said [it] on {k}\"){{: .dossier-cite }}" for k in range(300)) + " |\n",
    "nested brackets in link text": "[the [quoted] words](a.md) and [[Peru]](b.md) and [a [b [c] d] e](c.md)",
    "images, references and short references": "![map](m.png) [ref][r] [r] ![img][r]\n\n[r]: http://x.org \"t\"",
    "brackets that never close": "[" * 3000 + " text [a](b)",
    "a bracket that closes past the scan": "[" + "x" * 5000 + "](far.md) [near](n.md)",
    "an unclosed bracket before links": "[open " + " ".join(f"[l{k}](u{k}.md)" for k in range(50)),
    "escaped and code brackets": r"\[not a link\](x) `[code](y)` [real](z.md)",
}


@pytest.mark.parametrize("text", INPUTS.values(), ids=INPUTS.keys())
def test_the_html_is_the_librarys(text):
    library = markdown.Markdown(extensions=BASE).convert(text)
    ours = markdown.Markdown(extensions=[*BASE, "dossier.linktext"]).convert(text)
    assert ours == library
    assert "<a" in library or "[" in library  # (the input is read as links or left as written, not lost)


def test_the_plugin_adds_it_to_every_build():
    assert "dossier.linktext" in NEEDED_EXTENSIONS
