"""Live preview: `mkdocs serve` (a real server, in a subprocess) with a curation file broken while it runs
keeps answering every request with the last good page and the error (file:line) on top, until fixed."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from html import unescape

import pytest

from conftest import MINIMAL_CONFIG, ROOT

SEED = ("Moscow denies arms deal\n\nMaria Zakharova, the Russian Foreign Ministry spokeswoman, said on Monday that "
        "the reports were baseless. John Kirby said North Korea had shipped arms to Russia.\n")
GOOD = "- name: Maria Zakharova\n  kind: person\n  aliases: [Zakharova]\n  role: CURATED-ROLE spokeswoman\n"
BROKEN = "- name: Maria Zakharova\n  kind: person\n  aliases: [Zakharova\n"
ERROR = "dossier/actors.yml:4: is not valid YAML"
PAGES = ("", "actors/maria-zakharova/", "sources/a/", "claims/", "no-such-page/")
PATIENCE = 300  # seconds to wait for a server start or a rebuild before giving up (a deadline, not a measure)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=PATIENCE) as r:
            return r.status, unescape(r.read().decode("utf-8"))
    except urllib.error.HTTPError as err:
        return err.code, unescape(err.read().decode("utf-8"))


def _until(check, what: str):
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        try:
            found = check()
        except (urllib.error.URLError, ConnectionError, socket.timeout):
            found = None
        if found:
            return found
        time.sleep(0.5)
    pytest.fail(f"gave up waiting for {what}")


@pytest.fixture
def served(tmp_path, parse_cache):
    root = tmp_path / "site-src"
    for folder, files in (("seeds", {"a.txt": SEED}), ("docs", {"index.md": "# Home\n"}),
                          ("dossier", {"sources.yml": "a:\n  published: 2023-10-16\n", "actors.yml": GOOD})):
        (root / folder).mkdir(parents=True)
        for name, text in files.items():
            (root / folder / name).write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text(MINIMAL_CONFIG % {"cache": parse_cache}, encoding="utf-8")
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins"), "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield root, f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def test_broken_yaml_keeps_serving_the_last_good_site_with_the_error(served):
    root, base = served
    _until(lambda: _get(base + "actors/maria-zakharova/")[0] == 200, "the first build")
    assert "CURATED-ROLE" in _get(base + "actors/maria-zakharova/")[1]

    (root / "dossier" / "actors.yml").write_text(BROKEN, encoding="utf-8")
    _until(lambda: "dossier-build-error" in _get(base)[1], "the rebuild with the broken file")
    for url in PAGES:  # every request is answered: the last good page, the error on top
        status, html = _get(base + url)
        text = unescape(html)
        assert ERROR in text, url
        assert text.index("dossier-build-error") < text.index("</header>"), url
        if url != "no-such-page/":
            assert status == 200, url
    assert "CURATED-ROLE" in _get(base + "actors/maria-zakharova/")[1]  # the last good curation

    (root / "dossier" / "actors.yml").write_text(GOOD.replace("CURATED-ROLE", "FIXED-ROLE"), encoding="utf-8")
    _until(lambda: "FIXED-ROLE" in _get(base + "actors/maria-zakharova/")[1], "the rebuild with the fixed file")
    for url in PAGES:
        assert "dossier-build-error" not in _get(base + url)[1], url


def test_a_plain_build_still_stops_on_broken_yaml(make_site):
    build = make_site({"a.txt": SEED}, dossier={"sources.yml": "a:\n  published: 2023-10-16\n", "actors.yml": BROKEN})
    assert build.error is not None
    assert any(ERROR in r.getMessage() for r in build.records if r.levelname == "ERROR")
