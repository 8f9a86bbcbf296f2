"""Client for the Reasoning Gym environment served by rgym.

Drop-in for the upstream OpenEnv ``reasoning_gym_env`` client: same names,
same models, and the synchronous usage its README shows.
"""

# rgym's version (Cargo.toml's workspace version; tests/test_client.py
# checks they agree). Read by setuptools without importing the package.
__version__ = "0.1.0"

from .batch import BatchError, generate_batch, score_batch
from .client import AsyncReasoningGymEnv, DockerUnavailableError, ReasoningGymEnv
from .models import ReasoningGymAction, ReasoningGymObservation

__all__ = [
    "__version__",
    "ReasoningGymAction",
    "ReasoningGymObservation",
    "ReasoningGymEnv",
    "AsyncReasoningGymEnv",
    "DockerUnavailableError",
    "BatchError",
    "generate_batch",
    "score_batch",
]
