"""The reasoning_gym OpenEnv environment, re-created from the protocol spec.

A faithful stand-in for OpenEnv's `envs/reasoning_gym_env` server (the Python
reference rgym is measured against in docs/PERFORMANCE.md), written from
`openenv-protocol.md` section 3: same models, same reset/step semantics, same
default dataset, served by openenv-core's own `create_app`. Only the session
limit differs from the stock app (which allows one session).
"""

from typing import Any, Dict, List, Optional
from uuid import uuid4

import reasoning_gym
from reasoning_gym.composite import DatasetSpec
from openenv.core.env_server.interfaces import Environment
from openenv.core.env_server.types import Action, Observation, State

DEFAULT_DATASET = "leg_counting"
DEFAULT_SEED = 42
DEFAULT_SIZE = 1000


class ReasoningGymAction(Action):
    """The agent's answer to the current question."""

    answer: str


class ReasoningGymObservation(Observation):
    """After reset: the question. After step: the score and what was right."""

    question: Optional[str] = None
    score: Optional[float] = None
    correct_answer: Optional[str] = None
    dataset_metadata: Optional[Dict[str, Any]] = None


class ReasoningGymEnvironment(Environment):
    """One environment per WebSocket session (spec §3)."""

    SUPPORTS_CONCURRENT_SESSIONS = True

    def __init__(self) -> None:
        super().__init__()
        self._state = State(episode_id=str(uuid4()), step_count=0)
        self._dataset = None
        self._iterator = None
        self._item: Optional[dict] = None

    # The server passes only keys named in this signature: no **kwargs, so
    # unknown reset parameters are dropped as the reference drops them.
    def reset(
        self,
        dataset_name: Optional[str] = None,
        dataset_config: Optional[Dict[str, Any]] = None,
        dataset_specs: Optional[List[Dict[str, Any]]] = None,
        seed: Optional[int] = None,
        size: Optional[int] = None,
        episode_id: Optional[str] = None,
    ) -> ReasoningGymObservation:
        if dataset_name is not None:
            # Built completely before it replaces anything, so a failure
            # leaves the session where it was.
            dataset = self._build(dataset_name, dataset_config, dataset_specs, seed, size)
            self._dataset = dataset
            self._iterator = iter(dataset)
        elif self._dataset is None:
            self._dataset = reasoning_gym.create_dataset(
                DEFAULT_DATASET, seed=DEFAULT_SEED, size=DEFAULT_SIZE
            )
            self._iterator = iter(self._dataset)

        try:
            item = next(self._iterator)
        except StopIteration:
            # Past `size`: start over at index 0.
            self._iterator = iter(self._dataset)
            item = next(self._iterator)
        self._item = item
        self._state = State(episode_id=episode_id or str(uuid4()), step_count=0)
        return ReasoningGymObservation(question=item["question"], done=False, reward=0.0)

    @staticmethod
    def _build(name, config, specs, seed, size):
        if seed is None or size is None:
            raise ValueError("seed and size must be provided when dataset_name is specified")
        if name == "composite":
            if specs is None:
                raise ValueError("dataset_specs must be provided for composite datasets")
            if not specs:
                raise ValueError("dataset_specs cannot be empty for composite datasets")
            datasets = [
                DatasetSpec(
                    name=s["name"], weight=s.get("weight", 1), config=s.get("config", {})
                )
                for s in specs
            ]
            return reasoning_gym.create_dataset("composite", seed=seed, size=size, datasets=datasets)
        return reasoning_gym.create_dataset(name, seed=seed, size=size, **(config or {}))

    def step(self, action: ReasoningGymAction, timeout_s: Optional[float] = None, **kwargs: Any) -> ReasoningGymObservation:
        self._state.step_count += 1
        if self._item is None:
            return ReasoningGymObservation(done=True, reward=0.0)
        score = float(self._dataset.score_answer(answer=action.answer, entry=self._item))
        return ReasoningGymObservation(
            question=None,
            score=score,
            correct_answer=self._item["answer"],
            dataset_metadata=self._item.get("metadata") or None,
            done=True,
            reward=score,
        )

    @property
    def state(self) -> State:
        return self._state
