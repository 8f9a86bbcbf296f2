"""Serve the re-created reasoning_gym environment the way the stock image does
(`uvicorn server.app:app`, one process, uvicorn defaults), except that the
session limit is a flag: the stock app allows a single session.

    .venv-perf/bin/python scripts/perf/reference_env/app.py --port 8001 --max-sessions 512
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import uvicorn  # noqa: E402
from openenv.core.env_server.http_server import create_app  # noqa: E402

from reasoning_gym_env import (  # noqa: E402
    ReasoningGymAction,
    ReasoningGymEnvironment,
    ReasoningGymObservation,
)


def build_app(max_sessions: int):
    return create_app(
        ReasoningGymEnvironment,
        ReasoningGymAction,
        ReasoningGymObservation,
        env_name="reasoning_gym",
        max_concurrent_envs=max_sessions,
    )


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--max-sessions", type=int, default=1)
    p.add_argument("--log-level", default="info")
    a = p.parse_args()
    uvicorn.run(build_app(a.max_sessions), host=a.host, port=a.port, log_level=a.log_level)


if __name__ == "__main__":
    main()
