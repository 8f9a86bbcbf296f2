"""A running rgym server and an oracle for what it must answer.

The server is ``$RGYM_URL`` if set, else ``rgym serve`` started on a free
loopback port from ``$RGYM_BIN`` (default: the workspace's target/debug/rgym).
The oracle is the same binary's ``generate`` / ``score`` commands, which the
Rust test suite checks against reasoning-gym itself.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest

REPO = Path(__file__).resolve().parents[3]


def rgym_bin() -> Path:
    path = Path(os.environ.get("RGYM_BIN", REPO / "target" / "debug" / "rgym"))
    if not path.is_file():
        # Failing, not skipping: a missing binary must not pass as "no tests".
        pytest.fail(f"rgym binary not found at {path}: run `cargo build --bin rgym` or set RGYM_BIN")
    return path


def _healthy(url: str) -> bool:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(url + "/health", timeout=2) as r:
            return r.status == 200 and json.load(r).get("status") == "healthy"
    except OSError:
        return False


@pytest.fixture(scope="session")
def server_url() -> Any:
    given = os.environ.get("RGYM_URL")
    if given:
        if not _healthy(given.rstrip("/")):
            pytest.fail(f"RGYM_URL={given} does not answer /health")
        yield given.rstrip("/")
        return
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = open(Path(tempfile.gettempdir()) / f"rgym-client-tests-server-{port}.log", "wb")
    proc = subprocess.Popen(
        [str(rgym_bin()), "serve", "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while not _healthy(url):
            if proc.poll() is not None:
                pytest.fail(f"rgym serve exited with {proc.returncode}; see {log.name}")
            if time.monotonic() > deadline:
                pytest.fail(f"rgym serve not healthy after 30 s; see {log.name}")
            time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


class Oracle:
    """Items and scores from `rgym generate` / `rgym score`."""

    def _run(self, args: List[str], stdin: Optional[str] = None) -> List[Dict[str, Any]]:
        out = subprocess.run(
            [str(rgym_bin()), *args], input=stdin, capture_output=True, text=True, check=False
        )
        assert out.returncode == 0, out.stderr
        return [json.loads(line) for line in out.stdout.splitlines()]

    @staticmethod
    def _ds(name: str, seed: int, size: int, config: Optional[dict]) -> List[str]:
        args = [name, "--seed", str(seed), "--size", str(size)]
        if config is not None:
            args += ["--config", json.dumps(config)]
        return args

    def items(self, name: str, seed: int, size: int, config: Optional[dict] = None,
              count: Optional[int] = None) -> List[Dict[str, Any]]:
        args = ["generate", *self._ds(name, seed, size, config)]
        if count is not None:
            args += ["--count", str(count)]
        return self._run(args)

    def describe(self, name: str) -> Dict[str, Any]:
        """`rgym describe NAME --json`."""
        [doc] = self._run(["describe", name, "--json"])
        return doc

    def scores(self, name: str, seed: int, size: int, answers: Dict[int, str],
               config: Optional[dict] = None) -> List[float]:
        stdin = "".join(json.dumps({"index": i, "answer": a}) + "\n" for i, a in answers.items())
        return [r["score"] for r in self._run(["score", *self._ds(name, seed, size, config)], stdin)]


@pytest.fixture(scope="session")
def oracle() -> Oracle:
    return Oracle()
