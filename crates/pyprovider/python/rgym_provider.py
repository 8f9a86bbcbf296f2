"""rgym's Python provider worker: reasoning-gym 0.1.25 behind a line protocol.

rgym (crates/pyprovider) starts this script in a pool of separate processes
and sends one JSON request per line on stdin; each gets one JSON reply line:

    {"op": "hello"}
        -> {"ok": true, "reasoning_gym": "0.1.25", "python": "3.11.7", "network": "..."}
    {"op": "generate", "name": N, "config": {...}, "seed": S, "size": Z, "index": I}
        -> {"ok": true, "item": {"question": ..., "answer": ..., "metadata": {...}}}
    any failure
        -> {"ok": false, "kind": "config" | "generation" | "protocol", "error": "Type: message"}

Items are a pure function of (name, config, seed, size, index), which the
reference itself does not promise (codeio's snippets draw from the global
`random` and `numpy.random`, some read the clock): before every item the
worker seeds the global `random` with `seed + index` and numpy's global
RandomState with `(seed + index) % 2**32`, and restores decimal's default
context; the process runs with PYTHONHASHSEED=0 (set by rgym). A built dataset
is cached per (name, config, seed, size), at most CACHE of them, and codeio's
class-level entry list (`CodeIODataset._jsonl_data`, which the reference
overwrites whenever another instance is built) is put back to the instance's
own before each of its items.

The protocol owns the process's real stdin and stdout: the snippets codeio
executes print to stdout and might read stdin, so both are moved to private
descriptors at start and fds 0/1 become /dev/null and stderr.
"""

import json
import os
import sys

PROTO_IN = os.fdopen(os.dup(0), "r", encoding="utf-8", newline="\n")
PROTO_OUT = os.fdopen(os.dup(1), "w", encoding="utf-8", newline="\n")
_null = os.open(os.devnull, os.O_RDWR)
os.dup2(_null, 0)
os.dup2(2, 1)
sys.stdin = open(os.devnull, "r")
sys.stdout = sys.stderr

import socket  # noqa: E402

# rgym starts the worker in a network namespace of its own where the kernel
# allows one: then the only interface is the loopback. Otherwise Python's
# sockets are refused (raw os-level calls still could connect).
if {name for _, name in socket.if_nameindex()} <= {"lo"}:
    NETWORK = "isolated"
else:

    class _NoSocket(socket.socket):
        def __init__(self, *args, **kwargs):
            raise PermissionError("network access is disabled in rgym's Python provider")

    socket.socket = _NoSocket
    socket.create_connection = lambda *a, **k: _NoSocket()
    NETWORK = "python-blocked"

import decimal  # noqa: E402
import importlib.metadata  # noqa: E402
import random  # noqa: E402

import reasoning_gym  # noqa: E402

try:
    import numpy  # noqa: E402
except ImportError:  # pragma: no cover - reasoning-gym depends on numpy
    numpy = None

CACHE = 8
_datasets = {}


def _error(kind, exc):
    text = str(exc)
    return {"ok": False, "kind": kind, "error": f"{type(exc).__name__}: {text}" if text else type(exc).__name__}


def _dataset(req):
    key = json.dumps([req["name"], req["config"], req["seed"], req["size"]], sort_keys=True)
    ds = _datasets.pop(key, None)
    if ds is None:
        _reset_globals(req["seed"])
        ds = reasoning_gym.create_dataset(req["name"], seed=req["seed"], size=req["size"], **_kwargs(req["config"]))
        own = getattr(type(ds), "_jsonl_data", None)
        if own is not None:
            ds._rgym_jsonl_data = own
        while len(_datasets) >= CACHE:
            _datasets.pop(next(iter(_datasets)))
    _datasets[key] = ds  # most recently used last
    return ds


def _kwargs(config):
    """The config as the reference's Python API takes it: over the wire a
    nested dataclass (rearc's `board_format_opts`) can only come as an object."""
    kwargs = dict(config)
    if isinstance(kwargs.get("board_format_opts"), dict):
        from reasoning_gym.arc.board_format import BoardFormattingOptions

        kwargs["board_format_opts"] = BoardFormattingOptions(**kwargs["board_format_opts"])
    return kwargs


def _reset_globals(n):
    random.seed(n)
    if numpy is not None:
        numpy.random.seed(n % 2**32)
    decimal.setcontext(decimal.Context())


def _generate(req):
    try:
        ds = _dataset(req)
    except Exception as e:  # the reference's refusal of the config
        return _error("config", e)
    idx = req["index"]
    own = getattr(ds, "_rgym_jsonl_data", None)
    if own is not None:
        type(ds)._jsonl_data = own
    _reset_globals(req["seed"] + idx)
    try:
        item = ds[idx]
    except Exception as e:
        return _error("generation", e)
    return {"ok": True, "item": {"question": item["question"], "answer": item["answer"], "metadata": item["metadata"]}}


def _finite(v):
    """JSON has no NaN or infinities, which a snippet's output may hold: they
    travel as the strings "nan", "inf", "-inf" (documented in README)."""
    if isinstance(v, float):
        return repr(float(v)) if v != v or v in (float("inf"), float("-inf")) else v
    if isinstance(v, dict):
        return {k: _finite(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_finite(x) for x in v]
    return v


def _reply(obj):
    # Values json cannot write (numpy scalars, sets, ...) travel as their str(),
    # as the reference's own server would fail on them.
    try:
        try:
            text = json.dumps(obj, default=str, allow_nan=False)
        except ValueError:
            text = json.dumps(_finite(obj), default=str, allow_nan=False)
    except Exception as e:
        text = json.dumps(_error("generation", e))
    PROTO_OUT.write(text + "\n")
    PROTO_OUT.flush()


def _hello():
    return {
        "ok": True,
        # reasoning_gym.__version__ says 0.1.19 in the 0.1.25 wheel.
        "reasoning_gym": importlib.metadata.version("reasoning-gym"),
        "python": sys.version.split()[0],
        "network": NETWORK,
    }


def main():
    # Unasked, once the imports are done: rgym sends no item to a worker
    # before this line, so a worker's start-up is never an item's time.
    _reply(_hello())
    for line in PROTO_IN:
        try:
            req = json.loads(line)
            op = req["op"]
        except Exception as e:
            _reply(_error("protocol", e))
            continue
        if op == "hello":
            _reply(_hello())
        elif op == "generate":
            _reply(_generate(req))
        else:
            _reply(_error("protocol", ValueError(f"unknown op {op!r}")))


if __name__ == "__main__":
    main()
