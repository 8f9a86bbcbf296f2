"""The upstream README examples (clients/python/examples) against rgym serve.

Each example runs as its own Python process, exactly as a user would run it;
its printed output is then checked against the oracle.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def run_example(name: str, url: str, check: bool = True) -> subprocess.CompletedProcess:
    env = dict(os.environ, RGYM_URL=url)
    proc = subprocess.run(
        [sys.executable, str(EXAMPLES / name)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if check:
        assert proc.returncode == 0, f"{name} failed:\n{proc.stderr}"
    return proc


def test_quick_start(server_url, oracle):
    items = oracle.items("leg_counting", 42, 10, count=2)
    [score] = oracle.scores("leg_counting", 42, 10, {0: "4"})
    out = run_example("quick_start.py", server_url).stdout
    # Both sides are decoded JSON, so the dict reprs agree key for key.
    metadata = items[0]["metadata"]
    assert out == (
        f"Question: {items[0]['question']}\n"
        f"Score: {score}\n"
        f"Correct answer: {items[0]['answer']}\n"
        f"Reward: {score}\n"
        f"Done: True\n"
        f"Metadata: {metadata}\n"
        f"Next question: {items[1]['question']}\n"
    )


def _docker_image_present(image: str) -> bool:
    try:
        return subprocess.run(
            ["docker", "image", "inspect", image], capture_output=True, timeout=20
        ).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def test_quick_start_docker(server_url, oracle):
    """Verbatim upstream Quick Start: runs where Docker and the image exist,
    and elsewhere fails at once with a message saying what to do."""
    from reasoning_gym_env.client import _docker_problem

    problem = _docker_problem()
    if problem is None:
        if not _docker_image_present("reasoning_gym-env:latest"):
            pytest.skip("Docker works but reasoning_gym-env:latest is not built")
        items = oracle.items("leg_counting", 42, 10, count=2)
        out = run_example("quick_start_docker.py", server_url).stdout
        assert out.startswith(f"Question: {items[0]['question']}\n")
        assert out.endswith(f"Next question: {items[1]['question']}\n")
        return
    proc = run_example("quick_start_docker.py", server_url, check=False)
    assert proc.returncode != 0
    assert proc.stdout == ""
    # The example's own `finally: env.close()` then fails with a NameError
    # (`env` was never bound), so our error is the first of two tracebacks.
    [line] = [
        l for l in proc.stderr.splitlines()
        if l.startswith("reasoning_gym_env.client.DockerUnavailableError: ")
    ]
    assert "needs Docker" in line and problem in line
    assert 'ReasoningGymEnv(base_url="http://localhost:8000")' in line


def test_connect_existing_server(server_url):
    assert run_example("connect_existing_server.py", server_url).stdout == ""


def test_context_manager(server_url, oracle):
    items = oracle.items("leg_counting", 42, 5)
    scores = oracle.scores("leg_counting", 42, 5, {i: "4" for i in range(5)})
    out = run_example("context_manager.py", server_url).stdout
    assert out == f"Question: {items[0]['question']}\n" + "".join(
        f"Score: {s}\n" for s in scores
    )


def test_concurrent_sessions(server_url, oracle):
    expected = ""
    for client_id in range(4):
        scores = oracle.scores("leg_counting", 42 + client_id, 10, {i: "4" for i in range(10)})
        total = 0.0
        for s in scores:
            total += s
        expected += f"Client {client_id}: Total score = {total}\n"
    assert run_example("concurrent_sessions.py", server_url).stdout == expected


def test_composite_datasets(server_url, oracle):
    config = {
        "datasets": [
            {"name": "leg_counting", "weight": 3, "config": {}},
            {"name": "reverse_sort", "weight": 1, "config": {"min_length": 3, "max_length": 5}},
        ]
    }
    [item] = oracle.items("composite", 42, 20, config=config, count=1)
    out = run_example("composite_datasets.py", server_url).stdout
    assert out == f"Question: {item['question']}\n"


def test_dataset_persistence(server_url, oracle):
    first = oracle.items("leg_counting", 42, 10, count=2)
    other = oracle.items("leg_counting", 99, 10, count=1)
    out = run_example("dataset_persistence.py", server_url).stdout
    assert out == "".join(
        f"Question: {q}\n"
        for q in (first[0]["question"], first[1]["question"], other[0]["question"])
    )


def test_running_locally(server_url, oracle):
    [item] = oracle.items("leg_counting", 42, 5, count=1)
    assert run_example("running_locally.py", server_url).stdout == item["question"] + "\n"


def test_trainer_batch(server_url, oracle):
    items = oracle.items("leg_counting", 42, 100_000, count=4)
    answers = {i: str(int(it["answer"]) + i % 2) for i, it in enumerate(items)}
    scores = oracle.scores("leg_counting", 42, 100_000, answers)
    out = run_example("trainer_batch.py", server_url).stdout
    assert out == "".join(
        f"item {i}: scored {answers[i]!r} -> {scores[i]}\n" for i in range(4)
    )
    assert scores[0] == 1.0 and scores[1] < 1.0


def test_trainer_answer_extraction(server_url, oracle):
    [score] = oracle.scores("leg_counting", 42, 10, {0: "4"})
    out = run_example("trainer_answer_extraction.py", server_url).stdout
    assert out == f"Scored: '4'\nReward: {score}\n"


def test_trainer_resume(server_url, oracle):
    items = oracle.items("leg_counting", 42, 100, count=7)
    [score] = oracle.scores("leg_counting", 42, 100, {5: "4"})
    out = run_example("trainer_resume.py", server_url).stdout
    assert out == (
        f"Question 5: {items[5]['question']}\n"
        f"Score: {score}\n"
        f"Question 6: {items[6]['question']}\n"
    )


def _derived(curriculum: dict, level: int) -> dict:
    """generate_configuration at `level` for every attribute, from `rgym
    describe --json` (ranges: levels[0] to levels[k], one further with
    ensure_interval, capped; scalars: levels[k])."""
    config = {}
    for a in curriculum["attributes"]:
        levels, last = a["levels"], len(a["levels"]) - 1
        k = min(level, last)
        if a["kind"] == "scalar":
            config[a["field_name"]] = levels[k]
        else:
            lo, hi = levels[0], levels[min(k + a["ensure_interval"], last)]
            config[a["lower_field_name"]] = min(lo, hi)
            config[a["upper_field_name"]] = max(lo, hi)
    return config


def test_trainer_curriculum(server_url, oracle):
    curriculum = oracle.describe("leg_counting")["curriculum"]
    names = [a["name"] for a in curriculum["attributes"]]
    at = lambda k: {n: min(k, len(a["levels"]) - 1) for n, a in zip(names, curriculum["attributes"])}
    config = _derived(curriculum, 2)
    [item] = oracle.items("leg_counting", 42, 100, config=config, count=1)
    out = run_example("trainer_curriculum.py", server_url).stdout
    assert out == (
        f"Levels: {at(2)}\n"
        f"Config: {config}\n"
        f"Question: {item['question']}\n"
        f"Adaptive levels: {at(2)}\n"
        f"Adaptive levels: {at(1)}\n"
        f"Adaptive levels: {at(0)}\n"
    )
