"""The client API beyond the README examples: models, state, errors, the
async client, and from_docker_image without Docker."""

from __future__ import annotations

import asyncio

import pytest
from openenv.core.env_server.types import State
from pydantic import ValidationError

from reasoning_gym_env import (
    AsyncReasoningGymEnv,
    DockerUnavailableError,
    ReasoningGymAction,
    ReasoningGymEnv,
    ReasoningGymObservation,
)


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
