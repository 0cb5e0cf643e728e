"""How does a build's cost grow with the corpus? `make bench-scale` (never part of the test suite).

For each corpus size (synthetic corpora from bench/rebuild.py: real sentences recombined), in a fresh
`mkdocs build` process each time, as a newsroom's CI or a user's terminal runs it:

  cold            empty cache: every article parsed (on every core), extracted, resolved, rendered
  unchanged       a new process on the same corpus and cache
  one article     a new process after one seed was edited

Records the total, the plugin's stage timings (from its build log), how many articles were parsed and
extracted, and the peak memory of the build process and its worker processes, writes the table into
bench/results.md (between the scaling markers) and plots seconds per article per stage against corpus
size (bench/scaling.png with matplotlib, else bench/scaling.svg written by hand). The figures are kept in
bench/scaling.json after each size, so a run of one size (`--sizes 1600`) adds its rows to the others'.

Usage: python bench/scale.py [--sizes 100 400 1600]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
STAGES = ["parse", "extract", "resolve", "render"]
START, END = "<!-- scaling:start -->", "<!-- scaling:end -->"


def one_build(root: Path) -> dict:
    """Run in a child process: one `mkdocs build`, its timings and peak memory as JSON on stdout."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    started = time.perf_counter()
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))
    config.plugins.on_startup(command="build", dirty=False)  # as `mkdocs build` does around its build
    build(config)
    config.plugins.on_shutdown()
    plugin = config.plugins["dossier"]
    stats = plugin.parser.stats
    return {"total": time.perf_counter() - started, "stages": plugin.built.timings,
            "parsed": stats.parsed, "from_disk": stats.from_disk,
            "extracted": plugin.built.extraction.extracted, "redone": plugin.built.extraction.redone,
            "rss_self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "rss_workers_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def measure(root: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins"), "NO_MKDOCS_2_WARNING": "1"}
    out = subprocess.run([sys.executable, __file__, "--one", str(root)], capture_output=True, text=True,
                         env=env, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 400, 1600])
    ap.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one_build(args.one)))
        return
    from rebuild import make_corpus

    kept = ROOT / "bench" / "scaling.json"
    rows = [tuple(r) for r in json.loads(kept.read_text(encoding="utf-8"))] if kept.exists() else []
    for n in args.sizes:
        rows = [r for r in rows if r[0] != n]
        root = Path(tempfile.mkdtemp(prefix=f"dossier-scale-{n}-"))
        shutil.rmtree(root)
        make_corpus(root, n)
        for label in ("cold", "unchanged", "one article"):
            if label == "one article":
                seed = root / "seeds" / "0007_bench.txt"
                seed.write_text(seed.read_text(encoding="utf-8").replace("(7)", "(7, updated)"), encoding="utf-8")
            found = measure(root)
            found["when"] = time.strftime("%Y-%m-%d %H:%M")
            rows.append((n, label, found))
            stages = ", ".join(f"{k} {v:.1f}s" for k, v in found["stages"].items())
            print(f"{n:>5} {label:<12} {found['total']:7.1f}s  parsed {found['parsed']:>4}  "
                  f"extracted {found['extracted']:>4}  "
                  f"peak {found['rss_self_mb']:.0f} MB (workers {found['rss_workers_mb']:.0f} MB)  ({stages})",
                  flush=True)
        shutil.rmtree(root, ignore_errors=True)
        rows.sort(key=lambda r: (r[0], ("cold", "unchanged", "one article").index(r[1])))
        kept.write_text(json.dumps(rows, indent=1), encoding="utf-8")
        write_results(rows, write_plot(rows))  # after each size: a long run stopped early keeps what it measured


def write_results(rows, plot: str) -> None:
    cold = {n: found for n, label, found in rows if label == "cold"}
    lines = [START, "## Scaling", "",
             f"`python bench/scale.py` on synthetic corpora; each row a fresh `mkdocs build` process. Python "
             f"{platform.python_version()}, {os.cpu_count()} cores, {time.strftime('%Y-%m-%d %H:%M')}.", "",
             "| articles | build | total | vs cold | per article | parsed | extracted | " + " | ".join(STAGES)
             + " | peak memory (build / a worker) |",
             "| ---: | --- | ---: | ---: | ---: | ---: | ---: | " + " | ".join("---:" for _ in STAGES) + " | ---: |"]
    for n, label, found in rows:
        st = found["stages"]
        lines.append(f"| {n} | {label} | {found['total']:.1f} s | {found['total'] / cold[n]['total']:.0%} | "
                     f"{found['total'] / n * 1000:.0f} ms | {found['parsed']} | {found.get('extracted', '')} | "
                     + " | ".join(f"{st.get(k, 0):.1f} s" for k in STAGES)
                     + f" | {found['rss_self_mb']:.0f} MB / {found['rss_workers_mb']:.0f} MB |")
    sizes = sorted(cold)
    for a, b in zip(sizes, sizes[1:]):
        ratio = (cold[b]["total"] / b) / (cold[a]["total"] / a)
        lines.append("")
        lines.append(f"Per-article cost ratio, cold, {a} -> {b} articles: {ratio:.2f}")
    lines += ["", f"![seconds per article per stage against corpus size]({plot})", "", END]
    out = ROOT / "bench" / "results.md"
    text = out.read_text(encoding="utf-8") if out.exists() else "# Benchmarks\n"
    block = "\n".join(lines)
    if START in text and END in text:
        text = text[:text.index(START)] + block + text[text.index(END) + len(END):]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")


def write_plot(rows) -> str:
    cold = sorted((n, found) for n, label, found in rows if label == "cold")
    series = {stage: [(n, found["stages"].get(stage, 0) / n) for n, found in cold] for stage in STAGES}
    series["total"] = [(n, found["total"] / n) for n, found in cold]
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return _svg(series)
    fig, ax = plt.subplots(figsize=(6.4, 4))
    for name, points in series.items():
        ax.plot([n for n, _ in points], [v for _, v in points], marker="o", label=name)
    ax.set_xscale("log")
    ax.set_xticks([n for n, _ in cold], [str(n) for n, _ in cold])
    ax.set_xlabel("articles (cold build, new process)")
    ax.set_ylabel("seconds per article")
    ax.set_ylim(bottom=0)
    ax.legend()
    ax.set_title("Build cost per article by stage")
    fig.tight_layout()
    fig.savefig(ROOT / "bench" / "scaling.png", dpi=100)
    return "scaling.png"


def _svg(series) -> str:
    """A plain line chart, for machines without matplotlib."""
    w, h, pad = 560, 340, 50
    xs = sorted({n for points in series.values() for n, _ in points})
    top = max(v for points in series.values() for _, v in points) * 1.1 or 1
    import math

    def x(n):
        if len(xs) == 1:
            return pad + (w - 2 * pad) / 2
        return pad + (math.log(n) - math.log(xs[0])) / (math.log(xs[-1]) - math.log(xs[0])) * (w - 2 * pad)

    def y(v):
        return h - pad - v / top * (h - 2 * pad)

    colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#333333"]
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="sans-serif" font-size="12">',
             f'<line x1="{pad}" y1="{h - pad}" x2="{w - pad}" y2="{h - pad}" stroke="black"/>',
             f'<line x1="{pad}" y1="{pad}" x2="{pad}" y2="{h - pad}" stroke="black"/>',
             f'<text x="{w / 2}" y="{h - 10}" text-anchor="middle">articles (cold build, new process)</text>',
             f'<text x="12" y="{h / 2}" transform="rotate(-90 12 {h / 2})" text-anchor="middle">seconds per article</text>']
    for n in xs:
        parts.append(f'<text x="{x(n):.0f}" y="{h - pad + 16}" text-anchor="middle">{n}</text>')
    for k in range(5):
        v = top * k / 4
        parts.append(f'<text x="{pad - 6}" y="{y(v) + 4:.0f}" text-anchor="end">{v:.2f}</text>')
    for (name, points), colour in zip(series.items(), colours):
        path = " ".join(f"{x(n):.1f},{y(v):.1f}" for n, v in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        parts.append(f'<text x="{x(points[-1][0]) + 4:.0f}" y="{y(points[-1][1]):.0f}" fill="{colour}">{name}</text>')
    parts.append("</svg>")
    (ROOT / "bench" / "scaling.svg").write_text("\n".join(parts), encoding="utf-8")
    return "scaling.svg"


if __name__ == "__main__":
    sys.exit(main())
