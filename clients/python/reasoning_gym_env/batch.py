"""rgym's stateless batch API: many items or many scores in one HTTP request.

``POST /v1/generate`` returns the rows ``rgym generate`` writes
(``{"index", "question", "answer", "metadata"}``); ``POST /v1/score`` returns
``{"index", "score"}`` per answer (plus ``"extracted_answer"`` when an
``answer_format`` is given), the scores a session's steps would give.
Nothing is kept between requests, so any replica behind a load balancer
answers. Standard library only. With rgym's optional auth, pass ``token=``
(default ``$RGYM_TOKEN``).
"""

from __future__ import annotations

import ipaddress
import json
import os
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Tuple, Union

Answer = Union[Mapping[str, Any], Tuple[int, Optional[str]]]


class BatchError(RuntimeError):
    """The server refused a batch request: ``status`` is the HTTP status
    (422 malformed or over ``max_batch_items``, 500 dataset error, 503
    shutting down) and ``detail`` the server's ``detail``."""

    def __init__(self, status: int, detail: Any):
        super().__init__(f"HTTP {status}: {detail}")
        self.status = status
        self.detail = detail


def http_url(base_url: str) -> str:
    """``http://host:port`` for a client base URL given as http(s):// or ws(s)://."""
    url = base_url.rstrip("/")
    for ws, http in (("ws://", "http://"), ("wss://", "https://")):
        if url.lower().startswith(ws):
            url = http + url[len(ws):]
    if url.endswith("/ws"):
        url = url[: -len("/ws")]
    return url


def _opener(url: str) -> urllib.request.OpenerDirector:
    # Proxies from the environment apply, but never to a loopback server.
    host = urllib.parse.urlsplit(url).hostname or ""
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    return urllib.request.build_opener(urllib.request.ProxyHandler({}) if loopback else urllib.request.ProxyHandler())


def _post(base_url: str, path: str, body: Dict[str, Any], accept: str, timeout: float,
          token: Optional[str]):
    url = http_url(base_url) + path
    headers = {"Content-Type": "application/json", "Accept": accept}
    token = token if token is not None else os.environ.get("RGYM_TOKEN") or None
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    req = urllib.request.Request(url, data=json.dumps(body).encode(), headers=headers, method="POST")
    try:
        return _opener(url).open(req, timeout=timeout)
    except urllib.error.HTTPError as e:
        raw = e.read()
        try:
            detail = json.loads(raw).get("detail", raw.decode(errors="replace"))
        except (ValueError, AttributeError):
            detail = raw.decode(errors="replace")
        raise BatchError(e.code, detail) from None


def _dataset(dataset_name: str, seed: int, size: int, dataset_config: Optional[dict],
             dataset_specs: Optional[List[dict]]) -> Dict[str, Any]:
    body: Dict[str, Any] = {"dataset_name": dataset_name, "seed": seed, "size": size}
    if dataset_config is not None:
        body["dataset_config"] = dataset_config
    if dataset_specs is not None:
        body["dataset_specs"] = dataset_specs
    return body


def generate_batch(
    base_url: str,
    dataset_name: str,
    *,
    seed: int,
    size: int,
    count: int,
    start: int = 0,
    dataset_config: Optional[dict] = None,
    dataset_specs: Optional[List[dict]] = None,
    stream: bool = False,
    timeout: float = 120.0,
    token: Optional[str] = None,
) -> Union[List[Dict[str, Any]], Iterator[Dict[str, Any]]]:
    """Items ``start..start+count`` of a dataset (all ``< size``).

    ``stream=True`` returns an iterator over the rows as the server streams
    them (JSON Lines); a stream that fails after its start raises
    :class:`BatchError` where it stops.
    """
    body = _dataset(dataset_name, seed, size, dataset_config, dataset_specs)
    body.update(start=start, count=count)
    if not stream:
        with _post(base_url, "/v1/generate", body, "application/json", timeout, token) as r:
            return json.load(r)
    return _rows(_post(base_url, "/v1/generate", body, "application/x-ndjson", timeout, token))


def _rows(response) -> Iterator[Dict[str, Any]]:
    with response:
        for line in response:
            if not line.strip():
                continue
            row = json.loads(line)
            if "error" in row and "index" not in row:
                raise BatchError(500, row["error"])
            yield row


def score_batch(
    base_url: str,
    dataset_name: str,
    *,
    seed: int,
    size: int,
    answers: Iterable[Answer],
    answer_format: Optional[str] = None,
    dataset_config: Optional[dict] = None,
    dataset_specs: Optional[List[dict]] = None,
    timeout: float = 120.0,
    token: Optional[str] = None,
) -> List[Dict[str, Any]]:
    """Scores ``answers`` (``{"index", "answer"}`` mappings or ``(index,
    answer)`` pairs; an answer may be ``None``), one row each, in order."""
    body = _dataset(dataset_name, seed, size, dataset_config, dataset_specs)
    body["answers"] = [_answer(a) for a in answers]
    if answer_format is not None:
        body["answer_format"] = answer_format
    with _post(base_url, "/v1/score", body, "application/json", timeout, token) as r:
        return json.load(r)


def _answer(a: Answer) -> Dict[str, Any]:
    if isinstance(a, Mapping):
        return {"index": a["index"], "answer": a.get("answer")}
    index, answer = a  # type: ignore[misc]
    return {"index": index, "answer": answer}


__all__: Sequence[str] = ["BatchError", "generate_batch", "score_batch", "http_url"]
