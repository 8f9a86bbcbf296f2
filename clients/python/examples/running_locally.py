# Upstream README "Running Locally" client snippet; RGYM_URL picks the server.
import os

from reasoning_gym_env import ReasoningGymEnv, ReasoningGymAction

env = ReasoningGymEnv(base_url=os.environ.get("RGYM_URL", "http://localhost:8000"))
result = env.reset(dataset_name='leg_counting', seed=42, size=5)
print(result.observation.question)
