# For trainers: curricula. reasoning-gym's curriculum of a dataset chooses its
# config by level (`rgym describe leg_counting` lists the levels); adaptive mode
# moves the levels with the session's own scores. RGYM_URL picks the server.
import os

from reasoning_gym_env import ReasoningGymAction, ReasoningGymEnv

url = os.environ.get("RGYM_URL", "http://localhost:8000")

with ReasoningGymEnv(base_url=url) as env:
    # Fixed: every attribute at level 2 (capped at an attribute's last level).
    result = env.reset(dataset_name="leg_counting", seed=42, size=100, curriculum={"level": 2})
    curriculum = result.observation.metadata["curriculum"]
    print(f"Levels: {curriculum['levels']}")
    print(f"Config: {curriculum['dataset_config']}")
    print(f"Question: {result.observation.question}")

    # Adaptive: once the last 2 scores average <= 0.2 every attribute goes
    # down a level (>= 0.8: up), and the next reset serves the new levels.
    # Here a "model" that is always wrong, two completions per prompt.
    result = env.reset(
        dataset_name="leg_counting", seed=42, size=100,
        curriculum={"adaptive": {"window": 2, "raise_at": 0.8, "lower_at": 0.2, "start_level": 2}},
    )
    for _ in range(3):
        print(f"Adaptive levels: {result.observation.metadata['curriculum']['levels']}")
        for completion in ["I don't know", "no idea"]:
            env.step(ReasoningGymAction(answer=completion))
        result = env.reset()
