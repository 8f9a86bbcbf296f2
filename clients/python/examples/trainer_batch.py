# For trainers: one GRPO-style step over rgym's stateless batch API.
# Prompts for a batch in one request, a "policy" that answers with reasoning
# around an <answer> tag, and every completion scored in one request, after
# extracting the tag (answer_format="answer_tag"). RGYM_URL picks the server.
import os

from reasoning_gym_env import ReasoningGymEnv

url = os.environ.get("RGYM_URL", "http://localhost:8000")
dataset = dict(dataset_name="leg_counting", seed=42, size=100_000)

with ReasoningGymEnv(base_url=url) as env:
    prompts = env.generate_batch(**dataset, start=0, count=4)
    completions = [
        # Right on even indices, off by one on odd ones.
        (p["index"], f"Counting... <answer>{int(p['answer']) + p['index'] % 2}</answer>")
        for p in prompts
    ]
    rows = env.score_batch(**dataset, answers=completions, answer_format="answer_tag")
    for row in rows:
        print(f"item {row['index']}: scored {row['extracted_answer']!r} -> {row['score']}")
