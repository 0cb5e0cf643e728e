"""The pipeline's shape, checked: data flows one way, and MkDocs stays in the plugin module."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "plugins" / "dossier"
# Stage order: a module may import its own stage and earlier ones, never a later one.
ORDER = ["__init__", "model", "store", "data", "world", "yamlfile", "config", "read", "clean", "parse", "extract", "resolve",
         "relations", "export", "wikilinks", "mdx", "linktext", "pipeline", "prepare", "render", "core", "cli", "plugin"]


def stage_of(module: str) -> str:
    return module.split(".")[0]


def our_imports(path: Path) -> set[str]:
    """Modules of this package imported by a file, as dotted paths relative to the package."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    rel = path.relative_to(PACKAGE).with_suffix("")
    parts = list(rel.parts[:-1]) if rel.name != "__init__" else list(rel.parts[:-1])
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = parts[: len(parts) - (node.level - 1)] if node.level > 1 else parts
            target = ".".join(base + ([node.module] if node.module else []))
            if not node.module:
                found |= {".".join(base + [a.name]) for a in node.names}
            elif target:
                found.add(target)
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("dossier"):
            found.add(node.module.removeprefix("dossier").lstrip("."))
    return {f for f in found if f}


def third_party(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            names.add(node.module.split(".")[0])
    return names


MODULES = sorted(p for p in PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_only_the_plugin_module_imports_mkdocs(path):
    if path.name == "plugin.py" and path.parent == PACKAGE:
        return
    assert "mkdocs" not in third_party(path)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_stage_imports_a_later_one(path):
    own = stage_of(".".join(path.relative_to(PACKAGE).with_suffix("").parts))
    if own not in ORDER:
        pytest.fail(f"{path.name}: module {own!r} has no place in the stage order; add it to ORDER")
    for target in our_imports(path):
        stage = stage_of(target)
        assert stage in ORDER, f"{path.name} imports {target!r}, unknown to the stage order"
        assert ORDER.index(stage) <= ORDER.index(own), f"{path.name} ({own}) imports later stage {target!r}"


def test_nothing_but_the_core_imports_render():
    # the core (core.py) renders for both front ends: the MkDocs plugin and `dossier generate`
    for path in MODULES:
        own = stage_of(".".join(path.relative_to(PACKAGE).with_suffix("").parts))
        if own in {"render", "core"}:
            continue
        assert not any(stage_of(t) == "render" for t in our_imports(path)), path.name


def test_model_imports_nothing_of_ours():
    assert our_imports(PACKAGE / "model.py") == set()


def test_world_knowledge_sits_below_the_stages():
    # countries, capitals, demonyms and seats of power are asked by extract and resolve alike: they live
    # in world.py (which reads only data/), and no later stage reaches into extract/ for them
    assert {stage_of(t) for t in our_imports(PACKAGE / "world.py")} <= {"data", "model"}
    for path in MODULES:
        if path.relative_to(PACKAGE).parts[0] == "extract":
            continue
        assert "extract.countries" not in our_imports(path), path.name
