"""How the app finds its resources and what its wheel installs (issue #17).

The wheel itself is built, installed and run by ``.ci/build``; here the lookup rules and
the build config they depend on.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest

from fieldapp import __version__, paths

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def fresh_lookup():
    paths.resources_dir.cache_clear()
    yield
    paths.resources_dir.cache_clear()


def test_a_checkout_finds_its_resources_through_the_editable_install(fresh_lookup):
    # uv installs the checkout editable; PEP 610's direct_url.json names this folder.
    assert paths.resources_dir() == ROOT / "resources"
    assert paths.resource("legal").is_dir()


def test_a_frozen_build_uses_its_bundle_folder(fresh_lookup, tmp_path, monkeypatch):
    bundled = tmp_path / "fieldapp" / "resources"
    (bundled / "legal").mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resources_dir() == bundled
    assert paths.resource("legal", "x.toml") == bundled / "legal" / "x.toml"


def test_no_resources_anywhere_is_a_clear_refusal(fresh_lookup, monkeypatch):
    monkeypatch.setattr(paths, "_editable_project", lambda: None)
    with pytest.raises(paths.ResourcesMissing, match="installation is incomplete"):
        paths.resources_dir()


def test_the_wheel_installs_no_generic_top_level_names():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    wheel = config["tool"]["hatch"]["build"]["targets"]["wheel"]
    installed = set(wheel["packages"]) | {
        dest.split("/")[0] for dest in wheel["force-include"].values()
    }
    assert installed == {"fieldapp", "fieldapp_desktop"}
    # Everything the checkout keeps at its top level goes somewhere namespaced.
    assert wheel["force-include"] == {
        "resources": "fieldapp/resources",
        "ui": "fieldapp_desktop/ui",
        "main.py": "fieldapp_desktop/main.py",
    }
    assert config["project"]["scripts"]["fieldapp"] == "fieldapp_desktop:main"


def test_version_is_the_projects(capsys):
    import main

    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    assert __version__ == config["project"]["version"]
    with pytest.raises(SystemExit) as done:
        main.main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"fieldapp {__version__}"
