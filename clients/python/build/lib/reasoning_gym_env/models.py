"""Action and observation of the Reasoning Gym environment.

Field for field the upstream models, so that code written against the
upstream package type-checks and validates the same way.
"""

from typing import Any, Dict, Optional

from openenv.core.env_server.types import Action, Observation
from pydantic import Field


class ReasoningGymAction(Action):
    """The agent's answer to the current question."""

    answer: str = Field(..., description="The agent's answer to the current question")


class ReasoningGymObservation(Observation):
    """A question (after reset) or its grading (after step)."""

    question: Optional[str] = Field(
        default=None,
        description="The current question to answer (None after step)",
    )
    score: Optional[float] = Field(
        default=None,
        description="Score for the answer (0.0 to 1.0 range, from dataset.score_answer())",
    )
    correct_answer: Optional[str] = Field(
        default=None,
        description="The correct answer (revealed after step)",
    )
    dataset_metadata: Optional[Dict[str, Any]] = Field(
        default=None,
        description="Metadata from the reasoning gym dataset entry",
    )
