"""Notebooks are stored without outputs and must run top to bottom on a database."""

import contextlib
import io
import json
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_and_has_no_outputs(path, tmp_path, monkeypatch):
    nb = json.loads(path.read_text())
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(not c["outputs"] and c["execution_count"] is None for c in code), "commit notebooks without outputs"
    monkeypatch.setenv("MINER_DB", str(tmp_path / "nb.db"))
    namespace: dict = {}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        for cell in code:
            exec(compile("".join(cell["source"]), f"{path.name}", "exec"), namespace)
    assert "incidents" in out.getvalue() and "chatgpt" in out.getvalue()
