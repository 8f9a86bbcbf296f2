"""The Reasoning Gym environment client.

openenv-core 0.3.0 made ``EnvClient`` async, while the upstream README calls
``env.reset()`` / ``env.step()`` plainly and uses ``with``. So the async
protocol client is :class:`AsyncReasoningGymEnv`, and :class:`ReasoningGymEnv`
is openenv's own synchronous wrapper around it: every call runs on a private
event-loop thread, nothing differs on the wire, and the upstream examples run
as written.
"""

from __future__ import annotations

import shutil
import subprocess
from typing import Any, Awaitable, Callable, Dict, Optional

from openenv.core.client_types import StepResult
from openenv.core.containers.runtime import LocalDockerProvider
from openenv.core.env_client import EnvClient
from openenv.core.env_server.types import State
from openenv.core.sync_client import SyncEnvClient

from .models import ReasoningGymAction, ReasoningGymObservation


class DockerUnavailableError(RuntimeError):
    """``from_docker_image`` was called where Docker cannot run containers."""


class AsyncReasoningGymEnv(
    EnvClient[ReasoningGymAction, ReasoningGymObservation, State]
):
    """Async client: ``async with AsyncReasoningGymEnv(base_url=...) as env``,
    then ``await env.reset(...)`` / ``await env.step(...)``."""

    def _step_payload(self, action: ReasoningGymAction) -> Dict[str, Any]:
        return {"answer": action.answer}

    def _parse_result(self, payload: Dict[str, Any]) -> StepResult[ReasoningGymObservation]:
        obs = payload.get("observation", {})
        metadata = dict(obs.get("metadata") or {})
        # rgym's opt-in answer extraction (reset with answer_format=...): what
        # was scored rides beside the observation; the model stays upstream's.
        if "extracted_answer" in payload:
            metadata["extracted_answer"] = payload["extracted_answer"]
        observation = ReasoningGymObservation(
            question=obs.get("question"),
            score=obs.get("score"),
            correct_answer=obs.get("correct_answer"),
            done=payload.get("done", False),
            reward=payload.get("reward"),
            metadata=metadata,
            dataset_metadata=obs.get("dataset_metadata"),
        )
        return StepResult(
            observation=observation,
            reward=payload.get("reward"),
            done=payload.get("done", False),
        )

    def _parse_state(self, payload: Dict[str, Any]) -> State:
        return State(
            episode_id=payload.get("episode_id"),
            step_count=payload.get("step_count", 0),
        )


def _docker_problem() -> Optional[str]:
    """Why Docker cannot run a container here, or None if it can."""
    if shutil.which("docker") is None:
        return "the docker command is not installed"
    try:
        probe = subprocess.run(
            ["docker", "version"], capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"`docker version` failed: {e}"
    if probe.returncode != 0:
        lines = (probe.stderr or probe.stdout).strip().splitlines()
        return f"`docker version` failed: {lines[-1] if lines else f'exit {probe.returncode}'}"
    return None


class ReasoningGymEnv(SyncEnvClient[ReasoningGymAction, ReasoningGymObservation, State]):
    """Synchronous client, one server-side session per instance.

    Example:
        >>> from reasoning_gym_env import ReasoningGymAction, ReasoningGymEnv
        >>> with ReasoningGymEnv(base_url="http://localhost:8000") as env:
        ...     result = env.reset(dataset_name="leg_counting", seed=42, size=10)
        ...     result = env.step(ReasoningGymAction(answer="4"))
        ...     print(result.observation.score, result.observation.correct_answer)

    The connection opens on ``with`` or on the first call; ``close()`` (or
    leaving the ``with`` block) ends the session, and stops the container when
    the client started one. The async client is ``env.async_client``.
    """

    def __init__(
        self,
        base_url: str,
        connect_timeout_s: float = 10.0,
        message_timeout_s: float = 60.0,
        max_message_size_mb: float = 100.0,
        provider: Any = None,
        mode: Optional[str] = None,
    ):
        super().__init__(
            AsyncReasoningGymEnv(
                base_url=base_url,
                connect_timeout_s=connect_timeout_s,
                message_timeout_s=message_timeout_s,
                max_message_size_mb=max_message_size_mb,
                provider=provider,
                mode=mode,
            )
        )

    def sync(self) -> "ReasoningGymEnv":
        """Already synchronous: code written for the async 0.3.0-style client
        as ``ReasoningGymEnv(...).sync()`` keeps working."""
        return self

    @classmethod
    def _adopt(
        cls, make: Callable[[], Awaitable[AsyncReasoningGymEnv]]
    ) -> "ReasoningGymEnv":
        # The socket must belong to the loop that later serves every call, so
        # the async factory runs on this wrapper's own loop.
        self = cls.__new__(cls)
        SyncEnvClient.__init__(self, None)  # type: ignore[arg-type]
        try:
            self._async = self._run(make())
        except BaseException:
            self._stop_loop()
            raise
        return self

    @classmethod
    def from_docker_image(
        cls, image: str, provider: Any = None, **kwargs: Any
    ) -> "ReasoningGymEnv":
        """Start ``image`` (e.g. rgym's, built with
        ``docker build -t reasoning_gym-env:latest .``), wait for its
        ``/health``, and connect. ``close()`` stops and removes the container.

        Raises :class:`DockerUnavailableError` (a ``RuntimeError``) at once
        when Docker is missing or its daemon is unreachable.
        """
        if provider is None:
            problem = _docker_problem()
            if problem is not None:
                raise DockerUnavailableError(
                    f"ReasoningGymEnv.from_docker_image({image!r}) needs Docker, "
                    f"which is not usable here: {problem}. Either start Docker, or "
                    "run the server yourself (`rgym serve`, or "
                    "`docker run -p 8000:8000 reasoning_gym-env:latest` on a Docker host) "
                    'and connect with ReasoningGymEnv(base_url="http://localhost:8000").'
                )
            provider = LocalDockerProvider()
        try:
            return cls._adopt(
                lambda: AsyncReasoningGymEnv.from_docker_image(
                    image, provider=provider, **kwargs
                )
            )
        except BaseException:
            # A container that never became ready must not outlive the error.
            try:
                provider.stop_container()
            except Exception:
                pass
            raise

    @classmethod
    def from_env(cls, repo_id: str, **kwargs: Any) -> "ReasoningGymEnv":
        """Run a Hugging Face Space (see ``EnvClient.from_env``) and connect."""
        return cls._adopt(lambda: AsyncReasoningGymEnv.from_env(repo_id, **kwargs))
