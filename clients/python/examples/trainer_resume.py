# For trainers: resume by index. A session picks up at a given item (as after
# a lost connection), and reconnect=True makes the client do that by itself
# whenever its connection drops. RGYM_URL picks the server.
import os

from reasoning_gym_env import ReasoningGymAction, ReasoningGymEnv

url = os.environ.get("RGYM_URL", "http://localhost:8000")

with ReasoningGymEnv(base_url=url, reconnect=True) as env:
    # Items 0..4 were served before the interruption: go on with item 5.
    result = env.reset(dataset_name="leg_counting", seed=42, size=100, index=5)
    print(f"Question 5: {result.observation.question}")
    result = env.step(ReasoningGymAction(answer="4"))
    print(f"Score: {result.reward}")
    result = env.reset()  # the cursor moved on from 5
    print(f"Question 6: {result.observation.question}")
