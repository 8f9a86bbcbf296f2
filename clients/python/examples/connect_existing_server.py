# Upstream README "Connecting to an Existing Server"; RGYM_URL picks the server.
# (One README revision also passes dataset_config={"min_animals": 5,
# "max_animals": 15} but lacks the comma after it; dataset_config is covered by
# tests/test_examples.py.)
import os

from reasoning_gym_env import ReasoningGymEnv, ReasoningGymAction

# Connect to existing server
env = ReasoningGymEnv(base_url=os.environ.get("RGYM_URL", "http://localhost:8000"))

# Use as normal
result = env.reset(
    dataset_name='leg_counting',
    seed=42,
    size=10
)
result = env.step(ReasoningGymAction(answer="4"))
