"""Link text found in time linear in the text, for the dossier's link-dense pages.

Python-Markdown (3.11) finds where a link's `[text]` ends by computing, for the whole of the text being
converted, where every bracket closes (`LinkInlineProcessor._findBracketEnds`), and it computes that again
each time a link is replaced by its placeholder, since the text has then changed. A table cell or a
paragraph with many links (the matrix, the outlets table, the network's "read in" column, an actor's list of
mentions) costs the square of its length: at 400 articles most of the time MkDocs spends on the network page.

This extension gives the link processors a forward scan from the opening bracket to its closing one, as
Python-Markdown did before 3.11, bounded in length: the link text of a page is short, so the scan is linear
in the page. A bracket that does not close within the bound (`[[[[...`, the case the library's table guards
against) is handed back to the library's own method, so the result is always the library's.
"""
from __future__ import annotations

import types

from markdown import Extension
from markdown.inlinepatterns import LinkInlineProcessor

LONGEST_TEXT = 2000  # characters of link text scanned before handing back to the library


def _text_up_to_its_bracket(self, data: str, index: int) -> tuple[str, int, bool]:
    """The text between the `[` just before `index` and the `]` that closes it, the index past that `]`,
    and whether it closed: the library's answer, found by scanning forward."""
    depth = 1
    for pos in range(index, min(len(data), index + LONGEST_TEXT)):
        c = data[pos]
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
            if depth == 0:
                return data[index:pos], pos + 1, True
    return LinkInlineProcessor.getText(self, data, index)


class LinkTextExtension(Extension):
    def extendMarkdown(self, md):
        # every processor that reads a link's text: links, images and references, as registered
        for processor in md.inlinePatterns:
            if isinstance(processor, LinkInlineProcessor):
                processor.getText = types.MethodType(_text_up_to_its_bracket, processor)


def makeExtension(**kwargs):  # Python-Markdown's hook for loading by module name
    return LinkTextExtension(**kwargs)
