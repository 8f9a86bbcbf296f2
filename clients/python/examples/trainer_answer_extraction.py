# For trainers: a WebSocket session that scores what a completion puts in its
# <answer> tag (answer_format is kept for the session until a reset changes it).
# RGYM_URL picks the server.
import os

from reasoning_gym_env import ReasoningGymAction, ReasoningGymEnv

url = os.environ.get("RGYM_URL", "http://localhost:8000")

with ReasoningGymEnv(base_url=url) as env:
    result = env.reset(dataset_name="leg_counting", seed=42, size=10, answer_format="answer_tag")
    completion = "Two cats have 8 legs, so... <answer>4</answer>"
    result = env.step(ReasoningGymAction(answer=completion))
    print(f"Scored: {result.observation.metadata['extracted_answer']!r}")
    print(f"Reward: {result.reward}")
