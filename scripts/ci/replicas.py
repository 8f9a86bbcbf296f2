"""Three `rgym serve` replicas behind haproxy, then behind nginx, on loopback.

The proxies run deploy/lb/haproxy.cfg and deploy/lb/nginx.conf as shipped,
with only their ports (and nginx's pid path) rewritten. Through each:

1. `rgym loadtest` (load, then churn) shows 0 errors, and the sessions each
   replica opened (its own rgym_sessions_opened_total) are within ±20% of
   an even share;
2. held sessions looping reset -> step, spread over the three replicas,
   plus a Python client with reconnect=True; the replica that client is on
   gets SIGTERM mid-run. Its /ready turns 503 at once while /health stays
   200; (haproxy) new sessions stop going there before it closes its own;
   only its sessions are closed, with 1001; the others never notice; the
   replica exits 0; the client's next step resumes the same item on
   another replica and the reset after it serves the next item;
3. the replica, restarted, gets new sessions again (health checks for
   haproxy, fail_timeout for nginx).

Run by scripts/ci/replicas.sh. Prints one line per check and closes with
"N passed, M failed". Every wait is bounded; the whole run stops itself
after RUN_LIMIT seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Dict, List, Optional

from reasoning_gym_env import AsyncReasoningGymEnv, ReasoningGymAction
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

ROOT = Path(__file__).resolve().parents[2]
LB = ROOT / "deploy" / "lb"
RUN_LIMIT = 240
# As docs/DEPLOYMENT.md advises behind haproxy: twice its checks' inter x fall.
DRAIN_DELAY = 4.0
SHUTDOWN_TIMEOUT = 5.0
HELD = 9
DATASET = "leg_counting"

passed = 0
failed = 0


def ok(name: str, cond: bool, detail: str = "") -> bool:
    global passed, failed
    if cond:
        passed += 1
        print(f"ok   {name}" + (f" ({detail})" if detail else ""), flush=True)
    else:
        failed += 1
        print(f"FAIL {name}" + (f": {detail}" if detail else ""), flush=True)
    return cond


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, timeout: float = 2.0) -> tuple:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def wait_for(pred, timeout: float, step: float = 0.05) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            if pred():
                return True
        except OSError:
            pass
        time.sleep(step)
    return False


class Replica:
    def __init__(self, rgym: str, port: int, logdir: str, n: int):
        self.rgym, self.port, self.n = rgym, port, n
        self.url = f"http://127.0.0.1:{port}"
        self.log = Path(logdir) / f"replica{n}.log"
        self.proc: Optional[subprocess.Popen] = None

    def start(self) -> None:
        env = dict(os.environ, RGYM_DRAIN_DELAY=str(DRAIN_DELAY),
                   RGYM_SHUTDOWN_TIMEOUT=str(SHUTDOWN_TIMEOUT),
                   RGYM_WORKERS="1", RGYM_WORKER_THREADS="1")
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(
                [self.rgym, "serve", "--host", "127.0.0.1", "--port", str(self.port)],
                stdout=log, stderr=log, env=env)
        if not wait_for(lambda: get(self.url + "/health")[0] == 200, 15):
            raise RuntimeError(f"replica {self.n} did not start: {self.log.read_text()}")

    def metric(self, name: str) -> float:
        """0 while the replica is down (it opens nothing then)."""
        try:
            _, text = get(self.url + "/metrics")
        except OSError:
            return 0.0
        for line in text.splitlines():
            if line.startswith(name + " "):
                return float(line.split()[1])
        return 0.0

    def opened(self) -> float:
        return self.metric("rgym_sessions_opened_total")

    def stop(self) -> Optional[int]:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                return self.proc.wait(timeout=DRAIN_DELAY + SHUTDOWN_TIMEOUT + 3)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                return self.proc.wait()
        return self.proc.returncode if self.proc else None


def replace_once(text: str, old: str, new: str) -> str:
    n = text.count(old)
    if n != 1:
        raise RuntimeError(f"{old!r} occurs {n} times in the shipped config; the test rewrites it once")
    return text.replace(old, new)


class Proxy:
    def __init__(self, kind: str, replicas: List[Replica], logdir: str):
        self.kind = kind
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.dir = Path(tempfile.mkdtemp(prefix=f"rgym-{kind}-", dir=logdir))
        self.log = self.dir / "proxy.log"
        self.proc: Optional[subprocess.Popen] = None
        if kind == "haproxy":
            text = (LB / "haproxy.cfg").read_text()
            text = replace_once(text, "bind 127.0.0.1:8080", f"bind 127.0.0.1:{self.port}")
            for i, r in enumerate(replicas):
                text = replace_once(text, f" 127.0.0.1:{8001 + i}\n", f" 127.0.0.1:{r.port}\n")
            self.conf = self.dir / "haproxy.cfg"
            self.cmd = ["haproxy", "-db", "-f", str(self.conf)]
        else:
            text = (LB / "nginx.conf").read_text()
            text = replace_once(text, "listen 127.0.0.1:8080;", f"listen 127.0.0.1:{self.port};")
            text = replace_once(text, "pid /run/nginx-rgym.pid;", f"pid {self.dir}/nginx.pid;")
            for i, r in enumerate(replicas):
                text = replace_once(text, f"server 127.0.0.1:{8001 + i} ", f"server 127.0.0.1:{r.port} ")
            self.conf = self.dir / "nginx.conf"
            self.cmd = ["nginx", "-p", str(self.dir), "-e", "stderr", "-c", str(self.conf),
                        "-g", "daemon off;"]
        self.conf.write_text(text)

    def start(self) -> None:
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(self.cmd, stdout=log, stderr=log)
        if not wait_for(lambda: get(self.url + "/health")[0] == 200, 15):
            raise RuntimeError(f"{self.kind} did not start: {self.log.read_text()}")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            # SIGQUIT: both stop gracefully on it (haproxy: SIGUSR1 too).
            self.proc.send_signal(signal.SIGQUIT if self.kind == "nginx" else signal.SIGUSR1)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def even(deltas: List[float]) -> bool:
    mean = sum(deltas) / len(deltas)
    return mean > 0 and all(abs(d - mean) <= 0.2 * mean for d in deltas)


def loadtest(rgym: str, proxy: Proxy, replicas: List[Replica], mode: str, sessions: int) -> None:
    before = [r.opened() for r in replicas]
    cmd = [rgym, "loadtest", "--url", proxy.url, "--mode", mode, "--sessions", str(sessions),
           "--duration", "3", "--warmup", "1", "--json", "--label", f"{proxy.kind}-{mode}"]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    try:
        report = json.loads(p.stdout)
    except json.JSONDecodeError:
        report = {}
    deltas = [r.opened() - b for r, b in zip(replicas, before)]
    ok(f"{proxy.kind}: loadtest {mode}, {sessions} sessions: 0 errors",
       p.returncode == 0 and report.get("error_count") == 0 and report.get("episodes", 0) > 0,
       f"exit {p.returncode}, {report.get('episodes')} episodes, errors {report.get('errors')}"
       + ("" if p.returncode == 0 else f"\n{p.stderr[-2000:]}"))
    ok(f"{proxy.kind}: loadtest {mode}: sessions per replica within ±20%", even(deltas),
       f"opened {[int(d) for d in deltas]}")


class Held:
    """A raw protocol session that loops reset -> step until told to stop."""

    def __init__(self, n: int):
        self.n = n
        self.ws = None
        self.replica = -1
        self.close_code: Optional[int] = None
        self.closed_at: Optional[float] = None
        self.episodes_at: List[float] = []
        self.bad: List[str] = []

    async def open(self, url: str) -> None:
        self.ws = await connect(url.replace("http://", "ws://") + "/ws", open_timeout=10)
        await self.rt({"type": "reset", "data": {"dataset_name": DATASET, "seed": 1000 + self.n,
                                                 "size": 100000}})

    async def rt(self, msg: dict) -> dict:
        await self.ws.send(json.dumps(msg))
        reply = json.loads(await asyncio.wait_for(self.ws.recv(), 10))
        if reply.get("type") != "observation":
            self.bad.append(json.dumps(reply)[:300])
        return reply

    async def loop(self, stop: asyncio.Event) -> None:
        try:
            while not stop.is_set():
                await self.rt({"type": "step", "data": {"answer": "3"}})
                await self.rt({"type": "reset", "data": {}})
                self.episodes_at.append(time.monotonic())
                await asyncio.sleep(0.05)
        except ConnectionClosed as e:
            self.close_code = e.rcvd.code if e.rcvd is not None else None
            self.closed_at = time.monotonic()
        except Exception as e:  # a timeout or a malformed reply
            self.bad.append(repr(e))


def landed(replicas: List[Replica], before: List[float]) -> int:
    """The one replica whose opened count moved by one since `before`."""
    deltas = [r.opened() - b for r, b in zip(replicas, before)]
    moved = [i for i, d in enumerate(deltas) if d != 0]
    if len(moved) != 1 or deltas[moved[0]] != 1:
        raise RuntimeError(f"cannot tell which replica took the session: deltas {deltas}")
    return moved[0]


def item(rgym: str, seed: int, size: int, index: int) -> dict:
    out = subprocess.run([rgym, "generate", DATASET, "--seed", str(seed), "--size", str(size),
                          "--start", str(index), "--count", "1"],
                         capture_output=True, text=True, timeout=30, check=True).stdout
    return json.loads(out.splitlines()[0])


async def sigterm_phase(rgym: str, proxy: Proxy, replicas: List[Replica]) -> Optional[int]:
    tag = proxy.kind
    held = [Held(i) for i in range(HELD)]
    for h in held:
        before = [r.opened() for r in replicas]
        await h.open(proxy.url)
        h.replica = landed(replicas, before)

    seed, size = 4242, 100
    item5, item6 = item(rgym, seed, size, 5), item(rgym, seed, size, 6)
    env = AsyncReasoningGymEnv(base_url=proxy.url, reconnect=True,
                               reconnect_backoff_s=0.2, reconnect_backoff_max_s=1.0)
    before = [r.opened() for r in replicas]
    await env.connect()
    first = await env.reset(dataset_name=DATASET, seed=seed, size=size, index=5)
    victim = landed(replicas, before)
    ok(f"{tag}: reconnect client served item 5", first.observation.question == item5["question"])
    spread = [sum(1 for h in held if h.replica == i) for i in range(3)]
    if not ok(f"{tag}: held sessions on every replica", all(spread), f"{spread}, victim {victim}"):
        return None

    stop = asyncio.Event()
    loops = [asyncio.create_task(h.loop(stop)) for h in held]
    await asyncio.sleep(1.0)
    v = replicas[victim]
    t_kill = time.monotonic()
    v.proc.send_signal(signal.SIGTERM)
    ready = await asyncio.to_thread(wait_for, lambda: get(v.url + "/ready")[0] == 503, 1.0, 0.02)
    ok(f"{tag}: SIGTERM: /ready answers 503 at once", ready, get(v.url + "/ready")[1])
    status, body = get(v.url + "/health")
    ok(f"{tag}: /health keeps its reply while draining", (status, json.loads(body)) == (200, {"status": "healthy"}))

    if proxy.kind == "haproxy":
        # inter 1s x fall 2: out of rotation by ~2 s, before drain_delay (4 s) ends.
        await asyncio.sleep(max(0.0, t_kill + DRAIN_DELAY - 1.0 - time.monotonic()))
        late = []
        for n in range(3):
            h = Held(100 + n)
            before = [r.opened() for r in replicas]
            await h.open(proxy.url)
            late.append(landed(replicas, before))
            await h.ws.close()
        still_open = not any(h.closed_at for h in held)
        ok(f"{tag}: new sessions avoid the draining replica before it closes its own",
           victim not in late and still_open, f"new sessions went to {late}, victim {victim}")

    code = await asyncio.to_thread(v.proc.wait, DRAIN_DELAY + SHUTDOWN_TIMEOUT + 3)
    t_exit = time.monotonic()
    ok(f"{tag}: the replica exits 0 within drain_delay + shutdown_timeout + 1 s",
       code == 0 and t_exit - t_kill <= DRAIN_DELAY + SHUTDOWN_TIMEOUT + 1.5,
       f"exit {code} after {t_exit - t_kill:.1f} s")
    await asyncio.sleep(1.0)
    stop.set()
    await asyncio.gather(*loops)

    mine = [h for h in held if h.replica == victim]
    others = [h for h in held if h.replica != victim]
    ok(f"{tag}: the victim's {len(mine)} sessions were closed with 1001",
       all(h.close_code == 1001 for h in mine), f"codes {[h.close_code for h in mine]}")
    ok(f"{tag}: ... after the drain, not before",
       all(h.closed_at and h.closed_at - t_kill >= DRAIN_DELAY - 0.2 for h in mine),
       f"closed after {[round(h.closed_at - t_kill, 2) for h in mine if h.closed_at]} s")
    ok(f"{tag}: the other {len(others)} sessions saw nothing: no close, no bad reply",
       all(h.close_code is None and h.closed_at is None and not h.bad for h in others),
       f"{[(h.close_code, h.bad[:1]) for h in others if h.closed_at or h.bad]}")
    ok(f"{tag}: ... and went on serving after the replica was gone",
       all(any(t > t_exit for t in h.episodes_at) for h in others))

    before = [r.opened() for r in replicas]
    result = await env.step(ReasoningGymAction(answer=str(item5["answer"])))
    moved_to = landed(replicas, before)
    ok(f"{tag}: reconnect=True resumes item 5 on another replica",
       env.reconnects >= 1 and moved_to != victim and result.observation.score == 1.0
       and result.observation.correct_answer == item5["answer"],
       f"reconnects {env.reconnects}, replica {victim} -> {moved_to}, score {result.observation.score}")
    nxt = await env.reset()
    ok(f"{tag}: ... and the next reset serves item 6", nxt.observation.question == item6["question"])
    await env.close()
    for h in held:
        if h.closed_at is None:
            await h.ws.close()
    return victim


async def taken_back(proxy: Proxy, replicas: List[Replica], victim: int) -> None:
    v = replicas[victim]
    v.start()
    t = time.monotonic()
    got = []
    while time.monotonic() - t < 15:
        h = Held(200 + len(got))
        before = [r.opened() for r in replicas]
        await h.open(proxy.url)
        got.append(landed(replicas, before))
        await h.ws.close()
        if got[-1] == victim:
            break
        await asyncio.sleep(0.3)
    ok(f"{proxy.kind}: the restarted replica is taken back", got and got[-1] == victim,
       f"after {time.monotonic() - t:.1f} s, {len(got)} sessions")


async def main_async(rgym: str, logdir: str) -> None:
    replicas = [Replica(rgym, free_port(), logdir, n) for n in range(3)]
    for r in replicas:
        r.start()
    try:
        for kind in ("haproxy", "nginx"):
            proxy = Proxy(kind, replicas, logdir)
            proxy.start()
            try:
                ok(f"{kind}: /health through the proxy", get(proxy.url + "/health")[0] == 200)
                loadtest(rgym, proxy, replicas, "load", 48)
                loadtest(rgym, proxy, replicas, "churn", 12)
                victim = await sigterm_phase(rgym, proxy, replicas)
                if victim is not None:
                    await taken_back(proxy, replicas, victim)
            finally:
                proxy.stop()
    finally:
        codes = [r.stop() for r in replicas]
    ok("replicas stop cleanly on SIGTERM", all(c == 0 for c in codes), f"exit codes {codes}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rgym", required=True)
    args = ap.parse_args()
    # A hung step fails the run (and the finally blocks stop every process)
    # instead of holding CI.
    def overtime(*_):
        raise TimeoutError(f"the replicas test ran over {RUN_LIMIT} s")

    signal.signal(signal.SIGALRM, overtime)
    signal.alarm(RUN_LIMIT)
    logdir = tempfile.mkdtemp(prefix="rgym-replicas-")
    t = time.monotonic()
    try:
        asyncio.run(main_async(args.rgym, logdir))
    except Exception as e:
        global failed
        failed += 1
        print(f"FAIL replicas test aborted: {e!r} (logs in {logdir})", flush=True)
    if failed:
        print(f"replicas: {time.monotonic() - t:.1f} s; logs in {logdir}")
    else:
        shutil.rmtree(logdir, ignore_errors=True)
        print(f"replicas: {time.monotonic() - t:.1f} s")
    print(f"\n{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
