"""Safe YAML loading that keeps line numbers, so every curation error can name its file and line.

PyYAML's safe loader already refuses custom tags such as `!!python/object`; we also refuse alias bombs
(a few anchors expanding to millions of nodes) by counting nodes as we build values, and we keep the
line of every mapping and of every key in it.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from .model import Problem  # noqa: F401 (re-exported: the stages used to read it here)

MAX_NODES = 200_000  # far above any hand-written curation file, far below an alias bomb
PLAIN_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp",
}



class YamlError(Exception):
    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


class Map(dict):
    """A mapping that remembers its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class Seq(list):
    line: int = 0
    item_lines: list


def load(path: Path, label: str) -> object:
    """Parse a YAML file into plain values (Map, Seq, scalars). Raises YamlError naming label and line."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise YamlError(Problem(label, None, f"is not UTF-8 text ({err.reason} at byte {err.start})"))
    return loads(text, label)


def loads(text: str, label: str) -> object:
    """Parse YAML text; see load."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        line = err.problem_mark.line + 1 if err.problem_mark else None
        raise YamlError(Problem(label, line, f"is not valid YAML: {err.problem}"))
    except yaml.YAMLError as err:
        raise YamlError(Problem(label, None, f"is not valid YAML: {err}"))
    if node is None:
        return None
    return _Builder(label).build(node)


class _Builder:
    def __init__(self, label: str):
        self.label = label
        self.count = 0
        self.constructor = yaml.SafeLoader("")

    def fail(self, node: yaml.Node, message: str) -> YamlError:
        return YamlError(Problem(self.label, node.start_mark.line + 1, message))

    def build(self, node: yaml.Node) -> object:
        self.count += 1
        if self.count > MAX_NODES:
            raise self.fail(node, "expands to too many values (anchors and aliases nested too deep?)")
        if isinstance(node, yaml.MappingNode):
            return self.build_map(node)
        if isinstance(node, yaml.SequenceNode):
            return self.build_seq(node)
        if node.tag not in PLAIN_TAGS:
            raise self.fail(node, f"uses the tag {node.tag!r}; only plain values are allowed")
        try:
            return self.constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError) as err:
            if node.tag == "tag:yaml.org,2002:timestamp":
                return node.value  # looks like a date but is none (2023-02-30): the schema names the key
            raise self.fail(node, f"has a value that cannot be read: {err}")

    def build_map(self, node: yaml.MappingNode) -> Map:
        if node.tag != "tag:yaml.org,2002:map":
            raise self.fail(node, f"uses the tag {node.tag!r}; only plain values are allowed")
        out = Map()
        out.line = node.start_mark.line + 1
        out.key_lines = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise self.fail(key_node, "uses a merge key (<<); write the keys out instead")
            key = self.build(key_node)
            if not isinstance(key, (str, int, float, bool)) or key is None:
                raise self.fail(key_node, "has a key that is not a plain name")
            key = str(key)
            if key in out:
                raise self.fail(key_node, f"repeats the key {key!r}")
            out[key] = self.build(value_node)
            out.key_lines[key] = key_node.start_mark.line + 1
        return out

    def build_seq(self, node: yaml.SequenceNode) -> Seq:
        if node.tag != "tag:yaml.org,2002:seq":
            raise self.fail(node, f"uses the tag {node.tag!r}; only plain values are allowed")
        out = Seq(self.build(item) for item in node.value)
        out.line = node.start_mark.line + 1
        out.item_lines = [item.start_mark.line + 1 for item in node.value]
        return out
