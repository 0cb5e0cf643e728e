"""`dossier generate`: the dossier's pages written into a folder, for Zensical or any Markdown site builder.

It reads the same `plugins: - dossier:` options the MkDocs plugin reads, from mkdocs.yml (or properdocs.yml),
runs the core (core.build, which never imports mkdocs) and writes a complete docs folder: the editors' pages
of docs_dir (wikilinks made links), every generated page (front matter with the escaped title, `hide:` and
`search: boost:`; notes merged; backlinks), dossier.json, claims/claims.csv and the CSS. Paths inside it are
relative, so a builder pointed at it (`docs_dir: .dossier/docs`) builds the same pages as `mkdocs build`.

The folder is git-ignored (a `.gitignore` of `*` inside it) and is the command's own: files it did not write
are removed on the next run, so it refuses a folder it did not make, and one that is or holds docs_dir, the
seeds or the curation. Unchanged files are not rewritten (same bytes, same times), so a second run with
the same input changes nothing.
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

import yaml

from . import core, pipeline
from .parse import ModelMissing

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml", "properdocs.yml", "properdocs.yaml")
DEFAULT_OUT = ".dossier/docs"
MARKER = ".gitignore"
MARKER_TEXT = "# written by `dossier generate`: everything here is generated, and git-ignored\n*\n"

log = logging.getLogger("dossier")


class Refused(Exception):
    """The command cannot run as asked; the message says why (no traceback)."""


class _ConfigLoader(yaml.SafeLoader):
    """MkDocs' YAML: `!ENV` resolved as MkDocs resolves it, any other tag (`!!python/name:` ...) read as
    nothing, since only site_name, docs_dir, use_directory_urls and the plugin's options matter here."""


def _env(loader: yaml.SafeLoader, node: yaml.Node):
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        items = loader.construct_sequence(node)
        names, default = items[:-1], items[-1] if len(items) > 1 else None
    for name in names:
        if name in os.environ:
            return yaml.load(os.environ[name], Loader=yaml.SafeLoader)
    return default


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def find_config(given: str | None, cwd: Path) -> Path:
    if given:
        path = (cwd / given).resolve()
        if not path.is_file():
            raise Refused(f"no config file {given!r}")
        return path
    for name in CONFIG_NAMES:
        if (cwd / name).is_file():
            return (cwd / name).resolve()
    raise Refused(f"no {' or '.join(CONFIG_NAMES[::2])} here ({cwd}); give one with -f")


def read_config(path: Path) -> dict:
    """The config as MkDocs reads it (INHERIT: the parent's keys, this file's win, mappings merged)."""
    try:
        config = yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    except yaml.YAMLError as err:
        raise Refused(f"{path.name}: not valid YAML: {err}") from None
    if not isinstance(config, dict):
        raise Refused(f"{path.name}: the config is not a mapping")
    parent = config.pop("INHERIT", None)
    if parent:
        config = _merge(read_config((path.parent / parent).resolve()), config)
    return config


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for key, value in over.items():
        out[key] = _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def plugin_options(config: dict, path: Path) -> dict:
    """The options of `plugins: - dossier:` (a list of names or one-key mappings, or a mapping)."""
    plugins = config.get("plugins") or []
    entries = plugins.items() if isinstance(plugins, dict) else (
        next(iter(p.items())) if isinstance(p, dict) and len(p) == 1 else (p, None) for p in plugins)
    for name, options in entries:
        if name == "dossier":
            if options is not None and not isinstance(options, dict):
                raise Refused(f"{path.name}: the dossier plugin's options are not a mapping")
            return options or {}
    raise Refused(f"{path.name}: no `dossier` in its plugins; add `- dossier` under `plugins:`")


def check_out(out: Path, root: Path, keep: list[Path]) -> None:
    """The output folder may be written, and emptied of what the command did not write this time."""
    if out == root or any(out == k or out in k.parents or k in out.parents for k in keep):
        raise Refused(f"will not write into {out}: it is or holds {', '.join(map(str, keep))}, or is the "
                      "project folder; choose a folder of its own with -o")
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).is_file())):
        raise Refused(f"will not write into {out}: it exists and `dossier generate` did not make it")


def outputs(site: core.Site, docs: Path) -> dict[str, bytes]:
    """Every file of the generated folder: relative path -> bytes."""
    files: dict[str, bytes] = {}
    if docs.is_dir():  # images and other files of docs/ as they are; editors' pages with links done
        for path in sorted(docs.rglob("*")):
            rel = path.relative_to(docs)
            if path.is_file() and not any(part.startswith(".") for part in rel.parts):
                files[rel.as_posix()] = path.read_bytes()
    for uri in (u for u in list(files) if core.is_note(u)):
        del files[uri]  # merged into the generated page (or written again below when it names nothing)
    for uri, text in {**site.editors, **site.pages, **site.files}.items():
        files[uri] = text.encode("utf-8")
    files[MARKER] = MARKER_TEXT.encode("utf-8")
    return dict(sorted(files.items()))


def write(out: Path, files: dict[str, bytes]) -> tuple[int, int]:
    """Files written (those whose bytes changed) and removed (no longer generated)."""
    out.mkdir(parents=True, exist_ok=True)
    written = removed = 0
    for rel, data in files.items():
        path = out / rel
        if path.is_file() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written += 1
    for path in sorted(out.rglob("*"), reverse=True):  # children before their folders
        rel = path.relative_to(out).as_posix()
        if path.is_file() and rel not in files:
            path.unlink()
            removed += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return written, removed


def generate(config_file: str | None = None, out: str | None = None, cwd: Path | None = None) -> tuple[Path, list]:
    """Run the command; (the folder written, the warnings). Raises Refused, or the core's errors."""
    path = find_config(config_file, (cwd or Path.cwd()).resolve())
    root = path.parent
    config = read_config(path)
    try:
        options = core.Options.from_mapping(plugin_options(config, path))
    except core.OptionsError as err:
        raise Refused(f"{path.name}: {err}") from None
    docs = (root / str(config.get("docs_dir") or "docs")).resolve()
    target = (root / (out or DEFAULT_OUT)).resolve()
    check_out(target, root, [docs, (root / options.seeds_dir).resolve(), (root / options.dossier_dir).resolve()])
    site = core.build(options, root, title=str(config.get("site_name") or "Dossier"),
                      docs_dir=os.path.relpath(docs, root), directory_urls=config.get("use_directory_urls", True) is not False,
                      progress=log.info)
    written, removed = write(target, outputs(site, docs))
    log.info(f"dossier: {site.result.counts()}; {len(site.pages)} pages generated into "
             f"{os.path.relpath(target, Path.cwd())} ({written} written, {removed} removed)")
    return target, site.warnings


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["prepare"]:  # `dossier prepare`: the per-article work ahead of the build (prepare.py)
        from . import prepare

        return prepare.main(argv)
    parser = argparse.ArgumentParser(prog="dossier", description="Dossier without MkDocs' plugin system.")
    commands = parser.add_subparsers(dest="command", required=True)
    gen = commands.add_parser("generate", help="write the dossier's pages into a folder for any Markdown site builder")
    gen.add_argument("-f", "--config-file", help="mkdocs.yml or properdocs.yml (default: the one in this folder)")
    gen.add_argument("-o", "--out", help=f"the folder to write, relative to the config file (default {DEFAULT_OUT})")
    gen.add_argument("-s", "--strict", action="store_true", help="exit with an error when there are warnings")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s", stream=sys.stderr)
    try:
        _, warnings = generate(args.config_file, args.out)
    except Refused as err:
        log.error(f"dossier generate: {err}")
        return 2
    except pipeline.CurationError as err:
        log.error("dossier: the curation files have errors:\n  " + "\n  ".join(map(str, err.problems)))
        return 1
    except ModelMissing as err:
        log.error(f"dossier: {err}")
        return 1
    for problem in warnings:
        log.warning(str(problem))
    if warnings and args.strict:
        log.error(f"dossier generate: {len(warnings)} warning(s) in strict mode")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
