# Upstream README "Dataset Persistence": the snippet verbatim inside a session
# (the README leaves `env` to the reader); RGYM_URL picks the server.
import os

from reasoning_gym_env import ReasoningGymEnv

with ReasoningGymEnv(base_url=os.environ.get("RGYM_URL", "http://localhost:8000")) as env:
    # Create dataset
    result = env.reset(dataset_name='leg_counting', seed=42, size=10)
    question1 = result.observation.question

    # Get next question from SAME dataset
    result = env.reset()  # No params = reuse dataset
    question2 = result.observation.question

    # Create NEW dataset (different seed)
    result = env.reset(dataset_name='leg_counting', seed=99, size=10)
    question3 = result.observation.question  # From new dataset

    for q in (question1, question2, question3):
        print(f"Question: {q}")
