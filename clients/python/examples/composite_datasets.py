# Upstream README "Composite Datasets": the snippet verbatim inside a session
# (the README leaves `env` to the reader); RGYM_URL picks the server.
import os

from reasoning_gym_env import ReasoningGymEnv

with ReasoningGymEnv(base_url=os.environ.get("RGYM_URL", "http://localhost:8000")) as env:
    result = env.reset(
        dataset_name='composite',
        dataset_specs=[
            {
                "name": "leg_counting",
                "weight": 3,  # 3x more likely
                "config": {}
            },
            {
                "name": "reverse_sort",
                "weight": 1,
                "config": {"min_length": 3, "max_length": 5}
            }
        ],
        seed=42,
        size=20
    )
    print(f"Question: {result.observation.question}")
