"""The Reasoning Gym environment client.

openenv-core 0.3.0 made ``EnvClient`` async, while the upstream README calls
``env.reset()`` / ``env.step()`` plainly and uses ``with``. So the async
protocol client is :class:`AsyncReasoningGymEnv`, and :class:`ReasoningGymEnv`
is openenv's own synchronous wrapper around it: every call runs on a private
event-loop thread, nothing differs on the wire, and the upstream examples run
as written.
"""

from __future__ import annotations

import asyncio
import os
import random
import shutil
import subprocess
from typing import Any, Awaitable, Callable, Dict, List, Optional

from openenv.core.client_types import StepResult
from openenv.core.containers.runtime import LocalDockerProvider
from openenv.core.env_client import EnvClient
from openenv.core.env_server.types import State
from openenv.core.sync_client import SyncEnvClient
from websockets.asyncio.client import connect as ws_connect
from websockets.exceptions import ConnectionClosed

from . import batch
from .models import ReasoningGymAction, ReasoningGymObservation


class DockerUnavailableError(RuntimeError):
    """``from_docker_image`` was called where Docker cannot run containers."""


# What a lost connection raises: the socket closed (1001 going away, 1006
# abnormal), the connect failing (openenv wraps it in ConnectionError), or the
# network under it. Server errors (RuntimeError) are answers, not losses.
_LOST = (ConnectionClosed, ConnectionError, OSError)


class AsyncReasoningGymEnv(
    EnvClient[ReasoningGymAction, ReasoningGymObservation, State]
):
    """Async client: ``async with AsyncReasoningGymEnv(base_url=...) as env``,
    then ``await env.reset(...)`` / ``await env.step(...)``.

    ``reconnect=True`` (opt-in, rgym's resume by index) survives a lost
    connection: the client asks every reset for its item's index, and when a
    call finds the connection gone (1001/1006, or the server not reachable)
    it reconnects with exponential backoff and full jitter (``reconnect_backoff_s``
    doubling up to ``reconnect_backoff_max_s``, at most ``max_reconnect_attempts``
    tries), resets the new session to the dataset and item it was on (an
    adaptive curriculum at the levels that served it), and sends the call
    again (scoring is pure, so a step sent twice scores the same).
    """

    def __init__(
        self,
        base_url: str,
        *args: Any,
        reconnect: bool = False,
        max_reconnect_attempts: int = 8,
        reconnect_backoff_s: float = 0.25,
        reconnect_backoff_max_s: float = 10.0,
        token: Optional[str] = None,
        **kwargs: Any,
    ):
        super().__init__(base_url, *args, **kwargs)
        # rgym's optional auth: a bearer token for the socket and the batch
        # routes (default: $RGYM_TOKEN).
        self.token = token if token is not None else os.environ.get("RGYM_TOKEN") or None
        self._reconnect = reconnect
        self._max_attempts = max_reconnect_attempts
        self._backoff = reconnect_backoff_s
        self._backoff_max = reconnect_backoff_max_s
        # Where the session stands, to rebuild it on a new connection: the
        # last reset that named a dataset, the answer format in force, and
        # the index of the current item (from the reset replies).
        self._dataset_params: Optional[Dict[str, Any]] = None
        self._answer_format: Optional[str] = None
        self._index: Optional[int] = None
        self._reply_index: Optional[int] = None
        # The levels of an adaptive curriculum the last reset served.
        self._levels: Optional[Dict[str, Any]] = None
        self.reconnects = 0

    async def reset(self, **kwargs: Any) -> StepResult[ReasoningGymObservation]:
        if not self._reconnect:
            return await super().reset(**kwargs)
        params = dict(kwargs)
        names_dataset = params.get("dataset_name") is not None
        # Opting in to index replies; index 0 is what such a reset serves anyway.
        if params.get("index") is None and (names_dataset or self._index is None):
            params["index"] = 0
        continues = not names_dataset and kwargs.get("index") is None and self._index is not None

        async def attempt(fresh: bool) -> StepResult[ReasoningGymObservation]:
            if fresh and continues:
                await self._restore()
            return await EnvClient.reset(self, **params)

        result = await self._retrying(attempt)
        if names_dataset:
            self._dataset_params = {
                k: v for k, v in params.items() if k not in ("index", "episode_id", "answer_format")
            }
        if params.get("answer_format") is not None:
            self._answer_format = params["answer_format"]
        self._index = self._reply_index
        curriculum = result.observation.metadata.get("curriculum")
        if curriculum is not None or names_dataset:
            self._levels = (curriculum or {}).get("levels")
        return result

    async def step(self, action: ReasoningGymAction, **kwargs: Any) -> StepResult[ReasoningGymObservation]:
        if not self._reconnect:
            return await super().step(action, **kwargs)

        async def attempt(fresh: bool) -> StepResult[ReasoningGymObservation]:
            if fresh and self._index is not None:
                await self._restore()
            return await EnvClient.step(self, action, **kwargs)

        return await self._retrying(attempt)

    async def _restore(self) -> None:
        """On a new connection: the session's dataset at its current item."""
        params: Dict[str, Any] = dict(self._dataset_params or {})
        params["index"] = self._index
        # An adaptive curriculum resumes at the levels that served the item
        # (its score window starts afresh).
        curriculum = params.get("curriculum")
        if isinstance(curriculum, dict) and "adaptive" in curriculum and self._levels is not None:
            adaptive = dict(curriculum["adaptive"] or {}, start_level=self._levels)
            params["curriculum"] = {"adaptive": adaptive}
        if self._answer_format is not None:
            params["answer_format"] = self._answer_format
        await EnvClient.reset(self, **params)

    async def _retrying(self, attempt: Callable[[bool], Awaitable[Any]]) -> Any:
        for n in range(self._max_attempts + 1):
            try:
                return await attempt(n > 0)
            except _LOST:
                if n == self._max_attempts:
                    raise
                await self._drop_connection()
                cap = min(self._backoff_max, self._backoff * 2**n)
                await asyncio.sleep(random.uniform(0, cap))
                self.reconnects += 1
        raise AssertionError("unreachable")

    async def _drop_connection(self) -> None:
        ws, self._ws = self._ws, None
        if ws is not None:
            try:
                await ws.close()
            except Exception:
                pass

    def _step_payload(self, action: ReasoningGymAction) -> Dict[str, Any]:
        return {"answer": action.answer}

    def _parse_result(self, payload: Dict[str, Any]) -> StepResult[ReasoningGymObservation]:
        obs = payload.get("observation", {})
        metadata = dict(obs.get("metadata") or {})
        # rgym's opt-in answer extraction (reset with answer_format=...): what
        # was scored rides beside the observation; the model stays upstream's.
        if "extracted_answer" in payload:
            metadata["extracted_answer"] = payload["extracted_answer"]
        # rgym's curricula (reset with curriculum=...): the levels and the
        # config they gave ride beside the observation too.
        if "curriculum" in payload:
            metadata["curriculum"] = payload["curriculum"]
        # rgym's resume by index: reset replies say which item they serve.
        self._reply_index = payload.get("index")
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

    async def connect(self) -> "AsyncReasoningGymEnv":
        if self.token is None or self._ws is not None:
            await super().connect()
            return self
        # openenv's connect, plus the Authorization header.
        try:
            self._ws = await ws_connect(
                self._ws_url,
                open_timeout=self._connect_timeout,
                max_size=self._max_message_size,
                additional_headers={"Authorization": f"Bearer {self.token}"},
            )
        except Exception as e:
            raise ConnectionError(f"Failed to connect to {self._ws_url}: {e}") from e
        return self

    @property
    def http_url(self) -> str:
        """The server's ``http(s)://host:port``, whatever form ``base_url`` took."""
        return batch.http_url(self._ws_url)

    async def generate_batch(self, dataset_name: str, **kwargs: Any) -> List[Dict[str, Any]]:
        """rgym's ``POST /v1/generate`` (see :func:`batch.generate_batch`; no
        ``stream`` here: the rows come back as one list). Stateless: it does
        not touch this client's session."""
        kwargs.pop("stream", None)
        kwargs.setdefault("token", self.token)
        return await asyncio.to_thread(batch.generate_batch, self.http_url, dataset_name, **kwargs)

    async def score_batch(self, dataset_name: str, **kwargs: Any) -> List[Dict[str, Any]]:
        """rgym's ``POST /v1/score`` (see :func:`batch.score_batch`)."""
        kwargs.setdefault("token", self.token)
        return await asyncio.to_thread(batch.score_batch, self.http_url, dataset_name, **kwargs)


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
    ``reconnect=True`` resumes the session on a new connection when the old
    one is lost (see :class:`AsyncReasoningGymEnv`).
    """

    def __init__(
        self,
        base_url: str,
        connect_timeout_s: float = 10.0,
        message_timeout_s: float = 60.0,
        max_message_size_mb: float = 100.0,
        provider: Any = None,
        mode: Optional[str] = None,
        reconnect: bool = False,
        max_reconnect_attempts: int = 8,
        reconnect_backoff_s: float = 0.25,
        reconnect_backoff_max_s: float = 10.0,
        token: Optional[str] = None,
    ):
        super().__init__(
            AsyncReasoningGymEnv(
                base_url=base_url,
                connect_timeout_s=connect_timeout_s,
                message_timeout_s=message_timeout_s,
                max_message_size_mb=max_message_size_mb,
                provider=provider,
                mode=mode,
                reconnect=reconnect,
                max_reconnect_attempts=max_reconnect_attempts,
                reconnect_backoff_s=reconnect_backoff_s,
                reconnect_backoff_max_s=reconnect_backoff_max_s,
                token=token,
            )
        )

    def generate_batch(self, dataset_name: str, **kwargs: Any) -> Any:
        """rgym's ``POST /v1/generate``: items ``start..start+count`` in one
        request, as ``rgym generate`` writes them; ``stream=True`` iterates
        over them as they arrive (see :func:`batch.generate_batch`).
        Stateless: this client's session is not touched."""
        kwargs.setdefault("token", self._async.token)
        return batch.generate_batch(self._async.http_url, dataset_name, **kwargs)

    def score_batch(self, dataset_name: str, **kwargs: Any) -> List[Dict[str, Any]]:
        """rgym's ``POST /v1/score``: ``answers`` as ``(index, answer)`` pairs
        or ``{"index", "answer"}`` mappings, scored as steps would score them,
        optionally after ``answer_format`` extraction (see
        :func:`batch.score_batch`)."""
        kwargs.setdefault("token", self._async.token)
        return batch.score_batch(self._async.http_url, dataset_name, **kwargs)

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
