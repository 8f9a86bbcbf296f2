"""`openenv push` accepts what scripts/openenv_push.sh stages, and its own
Dockerfile/README rewriting leaves a working image definition.

Runs openenv-core's push preparation steps on the staged directory (everything
but the upload, which needs a Hugging Face account).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openenv.cli.commands import push

from conftest import REPO, rgym_bin


@pytest.fixture(scope="module")
def staged(tmp_path_factory) -> Path:
    stage = tmp_path_factory.mktemp("stage")
    subprocess.run(
        ["bash", str(REPO / "scripts" / "openenv_push.sh"), "--stage-only", str(stage)],
        check=True,
        capture_output=True,
    )
    return stage


def test_openenv_accepts_the_staged_directory(staged):
    name, manifest = push._validate_openenv_directory(staged)
    assert name == "reasoning_gym"
    assert manifest["port"] == 8000
    assert not (staged / "target").exists()
    assert (staged / "Cargo.lock").is_file() and (staged / "config" / "default.toml").is_file()
    # The client bundles the same manifest, for openenv's AutoEnv discovery.
    bundled = REPO / "clients" / "python" / "reasoning_gym_env" / "openenv.yaml"
    assert bundled.read_text() == (staged / "openenv.yaml").read_text()


def test_push_preparation_keeps_the_dockerfile_working(staged, tmp_path):
    out = tmp_path / "space"
    push._prepare_staging_directory(
        staged, "reasoning_gym", out, list(push.DEFAULT_PUSH_IGNORE_PATTERNS)
    )
    lines = (out / "Dockerfile").read_text().splitlines()
    # The web UI switch lands before the final CMD, not inside HEALTHCHECK's
    # continuation line.
    env_at = lines.index("ENV ENABLE_WEB_INTERFACE=true")
    assert lines[env_at + 1].startswith("CMD [")
    assert lines[env_at - 1].startswith("ENTRYPOINT")
    readme = (out / "README.md").read_text()
    assert readme.startswith("---\n") and "base_path: /web" in readme and "app_port: 8000" in readme


def test_openenv_validate_accepts_the_staged_directory(staged):
    """`openenv validate DIR`, as a user runs it: the staged tree has the
    layout of a deployable environment in every mode openenv knows."""
    out = subprocess.run(
        [sys.executable, "-m", "openenv.cli", "validate", str(staged), "--json", "--verbose"],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    report = json.loads(out.stdout)
    assert report["passed"] is True, report
    assert all(report["deployment_modes"].values()), report


def test_the_server_entry_point_is_rgym_serve(staged):
    """server/app.py's main() (what `uv run server` runs) execs `rgym serve`
    with its arguments."""
    env = dict(os.environ, RGYM_BIN=str(rgym_bin()))
    out = subprocess.run(
        [sys.executable, str(staged / "server" / "app.py"), "--help"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert out.returncode == 0, out.stderr
    assert "--max-sessions" in out.stdout
    env["RGYM_BIN"] = str(staged / "no-such-binary")
    env["PATH"] = ""
    out = subprocess.run(
        [sys.executable, str(staged / "server" / "app.py")], capture_output=True, text=True, env=env
    )
    assert out.returncode != 0
