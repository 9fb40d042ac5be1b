"""The apps import downwards only: the layers contract in pyproject.toml ([tool.importlinter]),
drawn in README.md. import-linter reads every import, also those inside functions."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    code = (
        "import sys; from importlinter.cli import lint_imports; "
        "sys.exit(lint_imports(config_filename='pyproject.toml', no_cache=True, no_logo=True))"
    )
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True, timeout=120)


def test_the_apps_keep_to_their_layers():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 1 kept, 0 broken." in result.stdout


@pytest.fixture
def copy_of_the_code(tmp_path) -> Path:
    """The Python files of inzet/ and the contract, to break without touching the real tree."""
    shutil.copytree(
        ROOT / "inzet",
        tmp_path / "inzet",
        ignore=lambda folder, names: [n for n in names if not n.endswith(".py") and not (Path(folder) / n).is_dir()],
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


@pytest.mark.parametrize(
    "source,expected",
    [
        # at the top of the file
        (
            "from inzet.engagements.models import Invitation\n",
            "inzet.experts is not allowed to import inzet.engagements",
        ),
        # hidden in a function, as the old cycles were
        (
            "def accepted():\n    from inzet.directory.services import search_document_refresh\n",
            "inzet.experts is not allowed to import inzet.directory",
        ),
    ],
)
def test_the_contract_fails_when_an_app_imports_an_app_above_it(copy_of_the_code, source, expected):
    (copy_of_the_code / "inzet" / "experts" / "upwards.py").write_text(source)
    result = lint_imports(copy_of_the_code)
    assert result.returncode == 1
    assert expected in result.stdout
    assert "inzet.experts.upwards ->" in result.stdout


def test_the_contract_fails_on_a_lower_layer_importing_the_dashboard(copy_of_the_code):
    (copy_of_the_code / "inzet" / "lib" / "steps.py").write_text(
        "from inzet.dashboard.next_steps import sections_for\n"
    )
    result = lint_imports(copy_of_the_code)
    assert result.returncode == 1
    assert "inzet.lib is not allowed to import inzet.dashboard" in result.stdout


def test_a_new_app_must_be_given_a_layer(copy_of_the_code):
    (copy_of_the_code / "inzet" / "newcomer").mkdir()
    (copy_of_the_code / "inzet" / "newcomer" / "__init__.py").write_text("")
    result = lint_imports(copy_of_the_code)
    assert result.returncode == 1
    assert "inzet.newcomer" in result.stdout


def test_the_contract_has_no_exceptions():
    """Demo and benchmark code lives in inzet/demo, so no import needs to be let through by name."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    for contract in config["contracts"]:
        assert contract.get("ignore_imports", []) == [], contract["id"]
