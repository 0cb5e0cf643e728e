"""Cases as data: each stage's tests/cases/<stage>/*.yml, one pytest parameter per case, named by its file
and its `name`."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

CASES = Path(__file__).parent / "cases"


def case_params(stage: str, pattern: str = "*.yml", but: str | None = None) -> list:
    """Every case of tests/cases/<stage>/*.yml (or the files `pattern` names, less the one `but` names) as a
    pytest parameter with the id "file: name"."""
    return [pytest.param(case, id=f"{path.stem}: {case['name']}")
            for path in sorted((CASES / stage).glob(pattern)) if path.name != but
            for case in yaml.safe_load(path.read_text(encoding="utf-8"))]
