"""The client API beyond the README examples: models, state, errors, the
async client, and from_docker_image without Docker."""

from __future__ import annotations

import asyncio

import pytest
from openenv.core.env_server.types import State
from pydantic import ValidationError

from reasoning_gym_env import (
    AsyncReasoningGymEnv,
    BatchError,
    DockerUnavailableError,
    ReasoningGymAction,
    ReasoningGymEnv,
    ReasoningGymObservation,
    generate_batch,
    score_batch,
)


def test_version_is_rgyms():
    """The package's version is rgym's (Cargo.toml's workspace version), in
    the module and in the installed distribution's metadata."""
    import importlib.metadata
    import tomllib

    import reasoning_gym_env
    from conftest import REPO

    cargo = tomllib.loads((REPO / "Cargo.toml").read_text())["workspace"]["package"]["version"]
    assert reasoning_gym_env.__version__ == cargo
    assert importlib.metadata.version("openenv-reasoning-gym-env") == cargo


def test_models_match_upstream():
    assert ReasoningGymAction(answer="4").model_dump() == {"metadata": {}, "answer": "4"}
    with pytest.raises(ValidationError):
        ReasoningGymAction()  # answer is required
    with pytest.raises(ValidationError):
        ReasoningGymAction(answer="4", extra=1)
    obs = ReasoningGymObservation()
    assert (obs.question, obs.score, obs.correct_answer, obs.dataset_metadata) == (None,) * 4
    assert obs.done is False


def test_reset_step_state_and_dataset_config(server_url, oracle):
    config = {"min_animals": 5, "max_animals": 15}
    items = oracle.items("leg_counting", 42, 10, config=config, count=1)
    with ReasoningGymEnv(base_url=server_url) as env:
        result = env.reset(
            dataset_name="leg_counting", dataset_config=config, seed=42, size=10,
            episode_id="ep-1",
        )
        assert result.observation.question == items[0]["question"]
        assert (result.reward, result.done, result.observation.score) == (0.0, False, None)
        result = env.step(ReasoningGymAction(answer=items[0]["answer"]))
        assert (result.reward, result.done) == (1.0, True)
        assert result.observation.correct_answer == items[0]["answer"]
        assert result.observation.dataset_metadata == items[0]["metadata"]
        state = env.state()
        assert isinstance(state, State)
        assert (state.episode_id, state.step_count) == ("ep-1", 1)


def test_answer_format_extracts_before_scoring(server_url, oracle):
    [item] = oracle.items("leg_counting", 42, 10, count=1)
    completion = f"Let me count... <answer> {item['answer']} </answer>"
    with ReasoningGymEnv(base_url=server_url) as env:
        env.reset(dataset_name="leg_counting", seed=42, size=10)
        plain = env.step(ReasoningGymAction(answer=completion))
        assert "extracted_answer" not in plain.observation.metadata
        assert plain.reward < 1.0
        env.reset(dataset_name="leg_counting", seed=42, size=10, answer_format="answer_tag")
        tagged = env.step(ReasoningGymAction(answer=completion))
        assert tagged.reward == 1.0
        assert tagged.observation.metadata["extracted_answer"] == item["answer"]


def test_batch_generate_and_score(server_url, oracle):
    want = oracle.items("leg_counting", 5, 3000, count=2100)
    ws_url = server_url.replace("http://", "ws://")
    with ReasoningGymEnv(base_url=ws_url) as env:
        rows = env.generate_batch("leg_counting", seed=5, size=3000, start=3, count=20)
        assert rows == want[3:23]
        streamed = list(env.generate_batch("leg_counting", seed=5, size=3000, count=2100, stream=True))
        assert streamed == want
        answers = [(0, want[0]["answer"]), (1, "nope"), (2, None), (3, f"<answer>{want[3]['answer']}</answer>")]
        scored = env.score_batch("leg_counting", seed=5, size=3000, answers=answers)
        expect = oracle.scores("leg_counting", 5, 3000, {0: want[0]["answer"], 1: "nope"})
        assert [r["score"] for r in scored[:2]] == expect
        assert all("extracted_answer" not in r for r in scored)
        tagged = env.score_batch("leg_counting", seed=5, size=3000, answers=answers[3:],
                                 answer_format="answer_tag")
        assert tagged == [{"index": 3, "score": 1.0, "extracted_answer": want[3]["answer"]}]
        # The session is untouched: it starts at item 0 of its own dataset.
        first = env.reset(dataset_name="leg_counting", seed=5, size=3000)
        assert first.observation.question == want[0]["question"]
    with pytest.raises(BatchError) as refused:
        generate_batch(server_url, "leg_counting", seed=5, size=10, start=5, count=6)
    assert refused.value.status == 422
    with pytest.raises(BatchError, match="not registered"):
        score_batch(server_url, "no_such", seed=1, size=1, answers=[(0, "x")])


async def _async_batch(url):
    async with AsyncReasoningGymEnv(base_url=url) as env:
        return await env.generate_batch("leg_counting", seed=5, size=10, count=2)


def test_async_batch(server_url, oracle):
    assert asyncio.run(_async_batch(server_url)) == oracle.items("leg_counting", 5, 10, count=2)


def test_server_errors_raise_and_keep_the_session(server_url, oracle):
    [item] = oracle.items("leg_counting", 7, 3, count=1)
    env = ReasoningGymEnv(base_url=server_url)
    try:
        env.reset(dataset_name="leg_counting", seed=7, size=3)
        with pytest.raises(RuntimeError, match="Dataset 'no_such' not registered"):
            env.reset(dataset_name="no_such", seed=1, size=1)
        with pytest.raises(RuntimeError, match="min_animals must be positive"):
            env.reset(dataset_name="leg_counting", dataset_config={"min_animals": 0},
                      seed=1, size=1)
        # The failed resets left the dataset alone: stepping still grades item 0.
        result = env.step(ReasoningGymAction(answer=item["answer"]))
        assert result.observation.correct_answer == item["answer"]
    finally:
        env.close()


def test_sync_returns_the_same_client_and_async_client_works(server_url, oracle):
    items = oracle.items("leg_counting", 42, 1000, count=2)
    env = ReasoningGymEnv(base_url=server_url)
    assert env.sync() is env
    assert isinstance(env.async_client, AsyncReasoningGymEnv)
    env.close()

    async def episode():
        async with AsyncReasoningGymEnv(base_url=server_url) as aenv:
            first = await aenv.reset()
            second = await aenv.reset()
            return first.observation.question, second.observation.question

    assert asyncio.run(episode()) == (items[0]["question"], items[1]["question"])


def test_from_docker_image_without_docker_fails_clearly(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # no `docker` on PATH
    with pytest.raises(DockerUnavailableError) as e:
        ReasoningGymEnv.from_docker_image("reasoning_gym-env:latest")
    msg = str(e.value)
    assert "docker command is not installed" in msg
    assert "rgym serve" in msg and "base_url" in msg
    assert isinstance(e.value, RuntimeError)  # what openenv itself raises


def test_from_docker_image_with_a_broken_daemon_fails_clearly(monkeypatch, tmp_path):
    fake = tmp_path / "docker"
    fake.write_text(
        "#!/bin/sh\necho 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock.' >&2\n"
        "exit 1\n"
    )
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(DockerUnavailableError, match="Cannot connect to the Docker daemon"):
        ReasoningGymEnv.from_docker_image("reasoning_gym-env:latest")


def _serve(port: int, env=None):
    import os
    import subprocess

    from conftest import _healthy, rgym_bin

    proc = subprocess.Popen(
        [str(rgym_bin()), "serve", "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=dict(os.environ, **(env or {})),
    )
    import time

    deadline = time.monotonic() + 30
    while not _healthy(f"http://127.0.0.1:{port}"):
        assert proc.poll() is None and time.monotonic() < deadline, "rgym serve did not start"
        time.sleep(0.05)
    return proc


def test_reconnect_resumes_after_the_server_restarts(oracle):
    """Kill the server mid-run, start it again: a reconnect=True client goes
    on with the same items; a plain client fails as before."""
    import signal
    import socket
    import threading

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    items = oracle.items("leg_counting", 3, 6)
    proc = _serve(port)
    restarted = []
    try:
        env = ReasoningGymEnv(base_url=url, reconnect=True, reconnect_backoff_s=0.05,
                              reconnect_backoff_max_s=0.5, max_reconnect_attempts=30)
        plain = ReasoningGymEnv(base_url=url)
        with env, plain:
            assert env.reset(dataset_name="leg_counting", seed=3, size=6,
                             answer_format="answer_tag").observation.question == items[0]["question"]
            plain.reset(dataset_name="leg_counting", seed=3, size=6)
            assert env.reset().observation.question == items[1]["question"]

            # The server dies; a new one comes up a moment later.
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            timer = threading.Timer(0.5, lambda: restarted.append(_serve(port)))
            timer.start()
            # The step is sent again on the new connection, to the same item.
            r = env.step(ReasoningGymAction(answer=f"<answer>{items[1]['answer']}</answer>"))
            timer.join()
            assert r.reward == 1.0
            assert r.observation.metadata["extracted_answer"] == items[1]["answer"]
            assert r.observation.correct_answer == items[1]["answer"]
            assert env.async_client.reconnects >= 1
            # Resets go on from where the session stood, wrapping at the end.
            for want in [2, 3, 4, 5, 0]:
                assert env.reset().observation.question == items[want]["question"]
            # Without reconnect the lost connection is an error, as upstream.
            with pytest.raises(Exception):
                plain.step(ReasoningGymAction(answer="1"))
    finally:
        for p in [proc, *restarted]:
            if p.poll() is None:
                p.terminate()
                p.wait(timeout=15)


def test_reconnect_keeps_an_adaptive_curriculum_where_it_stood(oracle):
    """A session whose adaptive curriculum climbed resumes, after the server
    restarts, at the levels that served its item: the resent step scores it."""
    import signal
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    # lower_at below any score: levels only go up here.
    adaptive = {"adaptive": {"window": 1, "raise_at": 1.0, "lower_at": -1.0}}
    proc = _serve(port)
    restarted = []
    try:
        env = ReasoningGymEnv(base_url=url, reconnect=True, reconnect_backoff_s=0.05,
                              reconnect_backoff_max_s=0.5, max_reconnect_attempts=30)
        with env:
            r = env.reset(dataset_name="leg_counting", seed=3, size=50, curriculum=adaptive)
            for _ in range(3):
                # Step to see the answer, then answer right: up a level each time.
                answer = env.step(ReasoningGymAction(answer="?")).observation.correct_answer
                env.step(ReasoningGymAction(answer=answer))
                r = env.reset()
            curriculum = r.observation.metadata["curriculum"]
            assert curriculum["levels"]["num_animals"] == 3, curriculum
            items = oracle.items("leg_counting", 3, 50, config=curriculum["dataset_config"])
            current = items[env.async_client._index]
            assert r.observation.question == current["question"]

            # The server dies and comes back; the resent step scores the
            # same item, served again at the same levels.
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            restarted.append(_serve(port))
            step = env.step(ReasoningGymAction(answer=current["answer"]))
            assert env.async_client.reconnects >= 1
            assert step.reward == 1.0 and step.observation.correct_answer == current["answer"]
            # ... and counts: the next reset is a level up.
            levels = env.reset().observation.metadata["curriculum"]["levels"]
            assert levels["num_animals"] == 4, levels
    finally:
        for p in [proc, *restarted]:
            if p.poll() is None:
                p.terminate()
                p.wait(timeout=15)


def test_token_auth(oracle, tmp_path, monkeypatch):
    """A server with auth_tokens: the client's token= (or $RGYM_TOKEN) opens
    the socket and the batch routes; without it the server refuses."""
    import socket

    tokens = tmp_path / "tokens"
    tokens.write_text("trainer-token-1\n")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    proc = _serve(port, {"RGYM_AUTH_TOKENS": str(tokens)})
    try:
        [first] = oracle.items("leg_counting", 1, 5, count=1)
        with ReasoningGymEnv(base_url=url, token="trainer-token-1") as env:
            r = env.reset(dataset_name="leg_counting", seed=1, size=5)
            assert r.observation.question == first["question"]
            assert env.generate_batch("leg_counting", seed=1, size=5, count=1) == [first]
        with pytest.raises(ConnectionError):
            with ReasoningGymEnv(base_url=url) as env:
                env.reset()
        with pytest.raises(BatchError) as refused:
            generate_batch(url, "leg_counting", seed=1, size=5, count=1)
        assert refused.value.status == 401
        monkeypatch.setenv("RGYM_TOKEN", "trainer-token-1")
        with ReasoningGymEnv(base_url=url) as env:
            assert env.reset(dataset_name="leg_counting", seed=1, size=5).observation.question == first["question"]
        assert score_batch(url, "leg_counting", seed=1, size=5, answers=[(0, first["answer"])])[0]["score"] == 1.0
    finally:
        proc.terminate()
        proc.wait(timeout=15)
