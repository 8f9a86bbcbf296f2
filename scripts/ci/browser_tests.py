#!/usr/bin/env python3
"""Browser tests of the web interface (/web/) and the API docs (/docs, /redoc).

Drives headless Chromium through chromedriver (selenium) against a running
`rgym serve --web`, the way a person would: pick a dataset, edit its config,
start an episode, type answers. Every score, question and correct answer the
page shows is checked against what the `rgym` CLI computes for the same
dataset, seed and index, so the page cannot drift from the server.

Usage: browser_tests.py --url http://127.0.0.1:PORT --rgym target/debug/rgym
       [--screenshots docs]
Prints one line per test and a final `N passed, M failed`; exit 1 on failure.
Run it through scripts/ci/browser_tests.sh, which installs what it needs and
starts the server.
"""

import argparse
import decimal
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
    "--window-size=1440,1500",
]


# The page's files, whose ETags (content hashes) the screenshot stamp records.
WEB_ASSET_PATHS = ["/web/", "/web/static/app.js", "/web/static/app.css"]
WEB_STAMP = "web-ui-screenshots.json"


class Failure(AssertionError):
    pass


def rounded(exact):
    """A score as the page shows it: 3 decimals, ties away from zero (what
    JavaScript's toFixed does with the double's exact value)."""
    d = decimal.Decimal(float(exact))
    return str(d.quantize(decimal.Decimal("0.001"), rounding=decimal.ROUND_HALF_UP))


def expect(cond, msg):
    if not cond:
        raise Failure(msg)


class Ctx:
    def __init__(self, args, driver):
        self.url = args.url.rstrip("/")
        self.rgym = args.rgym
        self.shots = args.screenshots
        self.d = driver

    # ---- the CLI, as the reference for what the page must show ----
    def cli(self, *argv, stdin=None):
        out = subprocess.run(
            [self.rgym, *argv], input=stdin, capture_output=True, text=True, timeout=120
        )
        if out.returncode != 0:
            raise Failure(f"rgym {' '.join(argv)} failed: {out.stderr.strip()}")
        return out.stdout

    def item(self, ds, seed, size, index, config=None):
        argv = ["generate", ds, "--seed", str(seed), "--size", str(size),
                "--start", str(index), "--count", "1"]
        if config is not None:
            argv += ["--config", json.dumps(config)]
        return json.loads(self.cli(*argv))

    def score(self, ds, seed, size, index, answer, config=None):
        """The score as the literal the CLI prints (`1.0`, `0.6`)."""
        argv = ["score", ds, "--seed", str(seed), "--size", str(size)]
        if config is not None:
            argv += ["--config", json.dumps(config)]
        line = self.cli(*argv, stdin=json.dumps({"index": index, "answer": answer}) + "\n")
        return json.loads(line, parse_float=str)["score"]

    def defaults(self, ds):
        doc = json.loads(self.cli("describe", ds, "--json"))
        return {f["name"]: f["default"] for f in doc["fields"] if "default" in f}

    def http_json(self, path):
        with urllib.request.urlopen(self.url + path, timeout=10) as r:
            return json.loads(r.read())

    # ---- the page ----
    def el(self, css):
        return self.d.find_element(By.CSS_SELECTOR, css)

    def els(self, css):
        return self.d.find_elements(By.CSS_SELECTOR, css)

    def wait(self, cond, what, timeout=15):
        try:
            # The page re-renders lists and builders as it updates: an element
            # read a moment ago may be gone, which only means "not yet".
            return WebDriverWait(self.d, timeout, poll_frequency=0.05,
                                 ignored_exceptions=(StaleElementReferenceException,)).until(lambda d: cond())
        except TimeoutException:
            raise Failure(f"timed out waiting for {what}") from None

    def text(self, css):
        return self.el(css).get_attribute("textContent")

    def set_value(self, css, value):
        """Replaces a field's text as typing would (fires `input`). A field
        the page re-rendered meanwhile is found again and typed into anew."""
        for attempt in range(3):
            try:
                return self._set_value(css, value)
            except StaleElementReferenceException:
                if attempt == 2:
                    raise

    def _set_value(self, css, value):
        e = self.el(css)
        e.click()
        e.send_keys(Keys.CONTROL, "a")
        e.send_keys(Keys.DELETE)
        # send_keys types "\n" as Enter; set multi-line text directly.
        if "\n" in value:
            self.d.execute_script(
                "arguments[0].value = arguments[1];"
                "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                e, value)
        else:
            e.send_keys(value)

    def status(self):
        e = self.el("#config-status")
        return e.get_attribute("class"), e.text

    def wait_status_in(self, css, contains, timeout=15):
        self.wait(lambda: contains in self.text(css),
                  f"{css} containing {contains!r} (now {self.text(css)!r})", timeout)

    def wait_status(self, kind, contains="", timeout=15):
        def ok():
            cls, text = self.status()
            return kind in cls.split() and contains in text
        self.wait(ok, f"config status {kind!r} containing {contains!r} (now {self.status()})", timeout)

    def answer(self, text):
        """Types an answer, submits with Enter, waits for the new result."""
        before = self.step_count()
        self.set_value("#answer", text)
        self.el("#answer").send_keys(Keys.ENTER)
        self.wait(lambda: self.el("#result").is_displayed() and self.step_count() == before + 1,
                  f"the result of answering {text!r}")
        # Scored: the box is emptied for the next answer (issue 23).
        self.wait(lambda: self.el("#answer").get_attribute("value") == "",
                  f"the answer box cleared after {text!r} (holds "
                  f"{self.el('#answer').get_attribute('value')!r})")
        exact = self.el("#score").get_attribute("title")
        expect(self.text("#score") == rounded(exact),
               f"score box shows {self.text('#score')!r} for the exact {exact!r}")
        return {
            # The exact value (the title), to compare with `rgym score`.
            "score": exact,
            "shown": self.text("#score"),
            "correct": self.text("#correct"),
            "metadata": json.loads(self.text("#metadata")),
        }

    def step_count(self):
        return len(self.els("#history tr"))

    def history(self):
        """Rows of cells as the page renders them; a score cell is its title
        (the exact value), after checking the text is that value rounded."""
        rows = []
        for tr in self.els("#history tr"):
            row = [td.get_attribute("textContent") for td in tr.find_elements(By.TAG_NAME, "td")]
            score = tr.find_elements(By.TAG_NAME, "td")[3]
            exact = score.get_attribute("title")
            expect(row[3] == rounded(exact), f"history shows score {row[3]!r} for the exact {exact!r}")
            row[3] = exact
            rows.append(row)
        return rows

    def start(self):
        self.wait(lambda: self.el("#start").is_enabled(), "an enabled Start button")
        old = self.text("#question")
        self.el("#start").click()
        self.wait(lambda: self.status()[1] == "Episode started.",
                  f"the episode to start (status {self.status()})")
        return old

    def screenshot(self, name):
        if not self.shots:
            return
        os.makedirs(self.shots, exist_ok=True)
        path = os.path.join(self.shots, name)
        # Full page, not just the window.
        h = self.d.execute_script("return document.documentElement.scrollHeight")
        w = self.d.execute_script("return document.documentElement.scrollWidth")
        self.d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": w, "height": max(h, 900), "deviceScaleFactor": 1, "mobile": False})
        try:
            self.d.save_screenshot(path)
        finally:
            self.d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        print(f"  screenshot {path}")
        if name.startswith("web-ui"):
            self.stamp_web_screenshots()

    def stamp_web_screenshots(self):
        """Records what the web-ui pictures were taken of: the ETags of the
        page's files and the dataset count it shows. crates/server/tests/
        web_ui.rs fails when these no longer match the binary's, so README's
        picture cannot silently fall behind the UI (issue 23)."""
        assets = {}
        for path in WEB_ASSET_PATHS:
            with urllib.request.urlopen(self.url + path, timeout=10) as r:
                assets[path] = r.headers["ETag"]
        placeholder = self.el("#search").get_attribute("placeholder")
        stamp = {
            "about": "What docs/web-ui*.png show; written by scripts/ci/browser_tests.py "
                     "with them, checked by crates/server/tests/web_ui.rs.",
            "assets": assets,
            "datasets": int(placeholder.split()[1]),
        }
        path = os.path.join(self.shots, WEB_STAMP)
        with open(path, "w") as f:
            json.dump(stamp, f, indent=2)
            f.write("\n")
        print(f"  stamp {path}")

    def offsite_requests(self):
        """Requests that went (or tried to go) anywhere but the server since
        the last call, from Chromium's network log. A request the page's
        Content-Security-Policy blocked never leaves the browser, so it is
        not counted; one still in flight is waited for (at most 5 s) to learn
        which it was."""
        sent, done, blocked = {}, set(), set()
        deadline = time.monotonic() + 5
        while True:
            for entry in self.d.get_log("performance"):
                msg = json.loads(entry["message"])["message"]
                p = msg.get("params", {})
                rid = p.get("requestId")
                if msg["method"] == "Network.requestWillBeSent":
                    sent[rid] = p["request"]["url"]
                elif msg["method"] in ("Network.loadingFinished", "Network.loadingFailed"):
                    done.add(rid)
                    if p.get("blockedReason"):
                        blocked.add(rid)
            # chrome:// and data: URLs are the browser's own (its new-tab page).
            offsite = {r: u for r, u in sent.items()
                       if u.startswith(("http:", "https:", "ws:", "wss:"))
                       and not u.startswith(self.url)}
            if all(r in done for r in offsite) or time.monotonic() > deadline:
                return sorted({u for r, u in offsite.items() if r not in blocked})
            time.sleep(0.2)

    def on_web_page(self):
        """Tests may run alone (-k): load /web/ unless it is already shown."""
        if "/web/" not in self.d.current_url:
            self.open("/web/")
            self.wait(lambda: len(self.els(".ds")) > 50, "the dataset list")
        # From the top, as a person starts: an element scrolled into view
        # from below ends up under the sticky top bar, which takes its clicks.
        self.d.execute_script("window.scrollTo(0, 0)")

    def close_browser_card(self):
        """Leaves the item browser closed, as the page opens, for later tests."""
        if self.el("#browse-card").get_attribute("open"):
            self.d.execute_script("document.getElementById('browse-card').open = false")

    def open(self, path):
        """Loads a page with a clean network log, for `offsite_requests`."""
        self.d.get_log("performance")
        self.d.get(self.url + path)

    def console_errors(self):
        try:
            logs = self.d.get_log("browser")
        except Exception:
            return []
        return [l["message"] for l in logs if l.get("level") == "SEVERE"]


# ----------------------------------------------------------------- tests ----

def test_page_loads(c):
    c.open("/")
    c.wait(lambda: "/web/" in c.d.current_url, "the redirect from / to /web/")
    c.wait(lambda: len(c.els(".ds")) > 50, "the dataset list")
    names = [e.get_attribute("data-name") for e in c.els(".ds")]
    registry = [d["name"] for d in c.http_json("/web/datasets") if d["name"] != "composite"]
    expect(sorted(names) == sorted(registry), "the list shows every registered dataset")
    c.wait(lambda: c.el("#config").get_attribute("value").strip(), "the pre-filled config")
    expect(c.text("#ds-title") == "leg_counting", f"default selection: {c.text('#ds-title')}")
    shown = json.loads(c.el("#config").get_attribute("value"))
    expect(shown == c.defaults("leg_counting"), f"config pre-filled with the defaults: {shown}")
    c.wait(lambda: c.el("#live").text == "live", "the /ws/ui live indicator")
    c.wait_status("ok")
    expect(not c.offsite_requests(), f"nothing fetched off-server: {c.offsite_requests()}")
    # The dataset count the page (and README's screenshot) shows is the CLI's.
    cli = [d["name"] for d in json.loads(c.cli("list", "--json")) if d["name"] != "composite"]
    placeholder = c.el("#search").get_attribute("placeholder")
    expect(placeholder == f"Search {len(cli)} datasets", f"{placeholder!r}, `rgym list` has {len(cli)}")
    return f"{len(names)} datasets listed, defaults {shown}"


def list_scroll(c):
    return c.d.execute_script("return document.getElementById('dataset-list').scrollTop")


def test_list_scroll_on_load(c):
    """Without a #hash the list stays at its top (issue 23: it scrolled to
    leg_counting, hiding the groups above it); a #dataset scrolls to it."""
    for path, name in [("/web/", "leg_counting"), ("/web/#word_sorting", "word_sorting")]:
        c.d.get("about:blank")  # a real load, not a same-page hash change
        c.open(path)
        c.wait(lambda: c.els(f'.ds.selected[data-name="{name}"]'), f"{name} selected")
        c.wait(lambda: c.el("#config").get_attribute("value").strip(), f"{name}'s config")
        sel = c.el(".ds.selected")
        # Whether the selection lies outside the part of the list in sight.
        hidden = c.d.execute_script(
            "const l = document.getElementById('dataset-list');"
            "return arguments[0].offsetTop - l.offsetTop + arguments[0].offsetHeight > l.clientHeight"
            " + l.scrollTop;", sel)
        top = list_scroll(c)
        if path == "/web/":
            expect(top == 0, f"the list is scrolled to {top}px on load without a #hash")
            first = c.els("#dataset-list li")[0]
            expect(first.get_attribute("class") == "group", "the first group heading leads the list")
            # Not scrolled to: whether leg_counting is in sight depends on the
            # window's height, so it is only reported.
            hidden_default = hidden
        else:
            expect(top > 0 and not hidden, f"#word_sorting: list scrolled to {top}px, "
                   f"selection {'hidden' if hidden else 'shown'}")
    return (f"no scroll without a hash (leg_counting {'below' if hidden_default else 'within'} the fold); "
            f"#word_sorting scrolls the list to {top}px")


def test_search(c):
    c.on_web_page()
    c.set_value("#search", "legs animals")
    c.wait(lambda: [e.get_attribute("data-name") for e in c.els(".ds")] == ["leg_counting"],
           "search to narrow the list to leg_counting")
    c.set_value("#search", "zzzz-no-such-thing")
    c.wait(lambda: not c.els(".ds") and "No dataset matches" in c.text("#dataset-list"),
           "an empty-result message")
    c.set_value("#search", "sort")
    c.wait(lambda: c.els(".ds") and all("sort" in (e.text.lower()) for e in c.els(".ds")),
           "a search for 'sort'")
    found = [e.get_attribute("data-name") for e in c.els(".ds")]
    c.set_value("#search", "")
    return f"'sort' finds {found}"


def test_inline_validation(c):
    c.on_web_page()
    c.el('.ds[data-name="leg_counting"]').click()
    c.wait(lambda: c.el("#config").get_attribute("value").strip(), "the config")
    c.set_value("#config", '{"min_animals": 0}')
    c.wait_status("error", "min_animals must be positive")
    # Valid JSON that the server refuses: Start must not try it (issue 23).
    expect(not c.el("#start").is_enabled(), "Start is disabled while the server refuses the config")
    c.set_value("#config", '{"min_animals": 3}')
    c.wait_status("ok")
    c.wait(lambda: c.el("#start").is_enabled(), "Start enabled again once the config is valid")
    c.set_value("#config", '{"min_animals": 3, "nope": 1}')
    c.wait_status("error", "unexpected keyword argument 'nope'")
    expect(not c.el("#start").is_enabled(), "Start is disabled for an unknown key")
    c.set_value("#config", '{"min_animals": ')
    c.wait_status("error", "not valid JSON")
    expect("invalid" in c.el("#config").get_attribute("class"), "the config box is marked invalid")
    expect(not c.el("#start").is_enabled(), "Start is disabled while the JSON is broken")
    c.set_value("#seed", "4x")
    c.wait_status("error", "Seed must be an integer")
    c.set_value("#seed", "42")
    c.el("#defaults").click()
    c.wait_status("ok")
    expect(json.loads(c.el("#config").get_attribute("value")) == c.defaults("leg_counting"),
           "Restore defaults")
    return "server rule, unknown key, broken JSON and a bad seed shown inline; Start disabled for each"


def test_leg_counting_episode(c):
    c.on_web_page()
    seed, size = 42, 1000
    c.el('.ds[data-name="leg_counting"]').click()
    c.set_value("#seed", str(seed))
    c.set_value("#size", str(size))
    c.wait_status("ok")
    c.start()
    item = c.item("leg_counting", seed, size, 0)
    c.wait(lambda: c.text("#question") == item["question"], "item 0's question")
    c.wait(lambda: c.text("#source") == f"leg_counting · seed {seed} · size {size}",
           f"the dataset label (now {c.text('#source')!r})")
    expect(c.step_count() == 0, "a new episode has no history")
    results = []
    for answer in [item["answer"], "3", f"about {item['answer']} legs"]:
        r = c.answer(answer)
        want = c.score("leg_counting", seed, size, 0, answer)
        expect(r["score"] == want, f"answer {answer!r}: page shows score {r['score']}, rgym score says {want}")
        expect(r["correct"] == item["answer"], f"correct answer shown {r['correct']!r}")
        expect(r["metadata"] == item["metadata"], f"metadata shown {r['metadata']}")
        results.append((answer, r["score"]))
    hist = c.history()
    expect([row[3] for row in hist] == [s for _, s in results], f"history scores {hist}")
    expect([row[2] for row in hist] == [a for a, _ in results], f"history answers {hist}")
    state = c.http_json("/web/state")
    expect(state["step_count"] == 3, f"/web/state step_count {state}")
    expect(c.text("#step-count") == "3 steps", f"step count shown {c.text('#step-count')!r}")
    c.screenshot("web-ui.png")
    # Next question: same dataset, item 1, fresh history.
    c.el("#next").click()
    item1 = c.item("leg_counting", seed, size, 1)
    c.wait(lambda: c.text("#question") == item1["question"], "item 1 after Next question")
    c.wait(lambda: c.step_count() == 0, "the history cleared by the reset")
    expect(not c.el("#result").is_displayed(), "the old result is hidden")
    return "scores " + ", ".join(f"{a!r}={s}" for a, s in results) + "; Next gives item 1"


def test_multiline_answers_in_history(c):
    """A sudoku answer is nine lines... here four (mini_sudoku): the history
    keeps its line breaks, in the answer and the correct answer."""
    c.on_web_page()
    seed, size = 3, 20
    c.set_value("#search", "mini_sudoku")
    c.wait(lambda: c.els('.ds[data-name="mini_sudoku"]'), "mini_sudoku in the list")
    c.el('.ds[data-name="mini_sudoku"]').click()
    c.wait(lambda: c.text("#ds-title") == "mini_sudoku", "mini_sudoku selected")
    c.set_value("#seed", str(seed))
    c.set_value("#size", str(size))
    c.wait_status("ok")
    c.start()
    item = c.item("mini_sudoku", seed, size, 0)
    c.wait(lambda: c.text("#question") == item["question"], "the sudoku")
    lines = item["answer"].split("\n")
    expect(len(lines) > 1, f"a multi-line answer: {item['answer']!r}")
    r = c.answer(item["answer"])
    expect(r["score"] == c.score("mini_sudoku", seed, size, 0, item["answer"]), f"score {r}")
    cells = c.els("#history tr")[-1].find_elements(By.TAG_NAME, "td")
    # Selenium's .text is the rendered text: collapsed whitespace shows as spaces.
    for what, td in [("answer", cells[2]), ("correct answer", cells[4])]:
        shown = td.text.split("\n")
        expect(shown == lines, f"the history's {what} renders as {shown}, not the lines {lines}")
    c.set_value("#search", "")
    return f"{len(lines)} lines kept in both columns, score {r['shown']} (exact {r['score']})"


def browse_rows(c):
    return [(int(li.get_attribute("data-index")),
             li.find_element(By.CSS_SELECTOR, "pre.question").get_attribute("textContent"),
             li.find_element(By.CSS_SELECTOR, "pre.correct").get_attribute("textContent"),
             json.loads(li.find_element(By.CSS_SELECTOR, "pre.json").get_attribute("textContent")))
            for li in c.els("#browse-items .browse-item")]


def expect_page(c, ds, seed, size, start, count, config=None):
    argv = ["generate", ds, "--seed", str(seed), "--size", str(size),
            "--start", str(start), "--count", str(count)]
    if config is not None:
        argv += ["--config", json.dumps(config)]
    want = [json.loads(line) for line in c.cli(*argv).splitlines()]
    want = [(w["index"], w["question"], w["answer"], w["metadata"]) for w in want]
    shown = []

    def same():
        shown[:] = browse_rows(c)
        return shown == want
    try:
        c.wait(same, f"items {start}..{start + count - 1} of {ds} in the browser")
    except Failure as e:
        raise Failure(f"{e} (shown: items {[r[0] for r in shown]})") from None


def test_browse_items(c):
    """Browse items: a page of items as `rgym generate` writes them, paged
    with Prev/Next, following the config; none of it starts an episode."""
    c.on_web_page()
    seed, size = 42, 1000
    c.el('.ds[data-name="leg_counting"]').click()
    c.wait(lambda: c.text("#ds-title") == "leg_counting", "leg_counting selected")
    c.el("#defaults").click()
    c.set_value("#seed", str(seed))
    c.set_value("#size", str(size))
    c.wait_status("ok")
    steps = c.http_json("/web/state")["step_count"]
    episode = c.http_json("/web/state")["episode_id"]
    card = c.el("#browse-card")
    if not card.get_attribute("open"):
        c.el("#browse-card > summary").click()
    expect_page(c, "leg_counting", seed, size, 0, 10)
    expect(not c.el("#browse-prev").is_enabled(), "no Prev on the first page")
    c.el("#browse-next").click()
    expect_page(c, "leg_counting", seed, size, 10, 10)
    expect(c.text("#browse-range") == f"items 10–19 of {size}", f"range {c.text('#browse-range')!r}")
    c.el("#browse-prev").click()
    expect_page(c, "leg_counting", seed, size, 0, 10)
    # Another config: the page follows it, once the server accepts it.
    config = dict(c.defaults("leg_counting"), max_animals=4)
    c.set_value("#config", json.dumps(config))
    c.wait_status("ok")
    expect_page(c, "leg_counting", seed, size, 0, 10, config)
    # The last page: Next stops at size.
    c.set_value("#browse-start", str(size - 5))
    c.el("#browse-start").send_keys(Keys.TAB)
    expect_page(c, "leg_counting", seed, size, size - 5, 5, config)
    expect(not c.el("#browse-next").is_enabled(), "no Next past the last item")
    # A config the server refuses: nothing to browse or download.
    c.set_value("#config", '{"min_animals": 0}')
    c.wait_status("error", "min_animals must be positive")
    for b in ["#browse-prev", "#browse-next", "#download"]:
        expect(not c.el(b).is_enabled(), f"{b} disabled while the config is refused")
    c.el("#defaults").click()
    c.wait_status("ok")
    state = c.http_json("/web/state")
    expect((state["step_count"], state["episode_id"]) == (steps, episode),
           f"browsing left the episode alone: {state}")
    c.set_value("#browse-start", "0")
    c.el("#browse-start").send_keys(Keys.TAB)
    expect_page(c, "leg_counting", seed, size, 0, 10)
    c.close_browser_card()
    return "pages 0–9, 10–19, back, another config, the last page; the episode untouched"


def test_browse_big_integers(c):
    """Metadata integers beyond 2^53 are shown exactly (JSON.parse would round them)."""
    c.on_web_page()
    seed, size = 5, 50
    # Just past 2^53 (9.007e15): bigger numbers take long to factorize.
    config = {"min_value": 10**16, "max_value": 2 * 10**16}
    c.set_value("#search", "prime_factorization")
    c.wait(lambda: c.els('.ds[data-name="prime_factorization"]'), "prime_factorization in the list")
    c.el('.ds[data-name="prime_factorization"]').click()
    c.wait(lambda: c.text("#ds-title") == "prime_factorization", "prime_factorization selected")
    c.wait(lambda: c.el("#config").get_attribute("value").strip(), "its config")
    c.set_value("#config", json.dumps(dict(c.defaults("prime_factorization"), **config)))
    c.set_value("#seed", str(seed))
    c.set_value("#size", str(size))
    c.wait_status("ok")
    if not c.el("#browse-card").get_attribute("open"):
        c.el("#browse-card > summary").click()
    c.set_value("#browse-start", "0")
    c.el("#browse-start").send_keys(Keys.TAB)
    cfg = dict(c.defaults("prime_factorization"), **config)
    expect_page(c, "prime_factorization", seed, size, 0, 10, cfg)
    big = [r[3]["number"] for r in browse_rows(c)]
    expect(all(n > 2**53 for n in big), f"numbers past 2^53 shown: {big}")
    c.set_value("#search", "")
    c.close_browser_card()
    return f"e.g. {big[0]} shown exactly"


def test_download_jsonl(c):
    """Download JSON Lines: the file holds the bytes `rgym generate` writes."""
    c.on_web_page()
    seed, size = 42, 1000
    c.el('.ds[data-name="leg_counting"]').click()
    c.wait(lambda: c.text("#ds-title") == "leg_counting", "leg_counting selected")
    c.el("#defaults").click()
    c.set_value("#seed", str(seed))
    c.set_value("#size", str(size))
    c.wait_status("ok")
    if not c.el("#browse-card").get_attribute("open"):
        c.el("#browse-card > summary").click()
    limit = c.http_json("/web/limits")["max_batch_items"]
    c.wait(lambda: f"At most {limit:,} items per download" in c.text("#dl-limit"),
           f"the max_batch_items bound said (now {c.text('#dl-limit')!r})")
    with tempfile.TemporaryDirectory(prefix="rgym-download-") as d:
        c.d.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": d})
        start, count = 5, 300
        c.set_value("#dl-start", str(start))
        c.set_value("#dl-count", str(count))
        c.el("#download").click()
        name = f"leg_counting-seed{seed}-items{start}-{start + count - 1}.jsonl"
        path = os.path.join(d, name)
        c.wait(lambda: os.path.exists(path) and os.path.getsize(path) > 0, f"{name} downloaded", timeout=30)
        c.wait_status_in("#browse-status", f"Downloaded {count} items")
        with open(path, "rb") as f:
            got = f.read()
        want = subprocess.run([c.rgym, "generate", "leg_counting", "--seed", str(seed), "--size", str(size),
                               "--start", str(start), "--count", str(count)],
                              capture_output=True, check=True).stdout
        expect(got == want, f"{name} differs from `rgym generate` ({len(got)} vs {len(want)} bytes)")
        # Past the bound: refused in the page, before any request.
        c.set_value("#dl-count", str(limit + 1))
        c.el("#download").click()
        c.wait_status_in("#browse-status", f"at most {limit}")
    c.close_browser_card()
    return f"{count} items, {len(got)} bytes, byte-identical to rgym generate; {limit + 1} refused"


def test_composite_episode(c):
    c.on_web_page()
    seed, size = 7, 50
    c.el("#tab-composite").click()
    c.wait(lambda: c.el("#composite-config").is_displayed(), "the composite builder")
    picks = [("leg_counting", "2"), ("basic_arithmetic", "1")]
    for name, _ in picks:
        c.set_value("#search", name)
        c.wait(lambda: c.els(f'.ds[data-name="{name}"] .add'), f"{name} in the list")
        c.el(f'.ds[data-name="{name}"] .add').click()
        c.wait(lambda: c.els(f'.component[data-name="{name}"]'), f"{name} added")
        expect(not c.el(f'.ds[data-name="{name}"] .add').is_enabled(), "a dataset is added once")
    # Each part is re-rendered once its defaults arrive: wait for them first.
    for name, _ in picks:
        sel = f'.component[data-name="{name}"] textarea.cfg'
        c.wait(lambda: c.el(sel).get_attribute("value") != "{}", f"{name}'s defaults")
    for name, weight in picks:
        c.set_value(f'.component[data-name="{name}"] input.weight', weight)
    c.wait(lambda: c.text('.component[data-name="leg_counting"] .pct') == "67%", "the weight shares")
    c.set_value("#seed", str(seed))
    c.set_value("#size", str(size))
    # The builder pre-fills each part with its defaults, as the single editor does.
    specs = []
    for name, weight in picks:
        sel = f'.component[data-name="{name}"] textarea.cfg'
        c.wait(lambda: c.el(sel).get_attribute("value") != "{}", f"{name}'s defaults")
        specs.append({"name": name, "weight": int(weight), "config": json.loads(c.el(sel).get_attribute("value"))})
        expect(specs[-1]["config"] == c.defaults(name), f"{name} pre-filled with its defaults")
    c.set_value('.component[data-name="leg_counting"] input.weight', "x")
    c.wait_status("error", "Weight of leg_counting")
    c.set_value('.component[data-name="leg_counting"] input.weight', "2")
    c.wait_status("ok")
    c.start()
    config = {"datasets": specs}
    item = c.item("composite", seed, size, 0, config)
    c.wait(lambda: c.text("#question") == item["question"], "composite item 0's question")
    label = f"composite (leg_counting ×2, basic_arithmetic ×1) · seed {seed} · size {size}"
    c.wait(lambda: c.text("#source") == label, f"the dataset label (now {c.text('#source')!r})")
    results = []
    for answer in [item["answer"], "0"]:
        r = c.answer(answer)
        want = c.score("composite", seed, size, 0, answer, config)
        expect(r["score"] == want, f"answer {answer!r}: page shows {r['score']}, rgym score says {want}")
        expect(r["correct"] == item["answer"], f"correct answer {r['correct']!r} != {item['answer']!r}")
        expect(r["metadata"] == item["metadata"], f"metadata shown {r['metadata']}")
        results.append((answer, r["score"]))
    # The first item drawn from the other dataset: reached with Next question,
    # scored through the composite's delegation to basic_arithmetic.
    items = [json.loads(line) for line in c.cli(
        "generate", "composite", "--seed", str(seed), "--size", str(size),
        "--count", "30", "--config", json.dumps(config)).splitlines()]
    k = next(i for i, it in enumerate(items) if it["metadata"]["source_dataset"] == "basic_arithmetic")
    for i in range(1, k + 1):
        episode = c.text("#episode")
        c.el("#next").click()
        c.wait(lambda: c.text("#episode") != episode and c.text("#question") == items[i]["question"],
               f"composite item {i} after Next question")
    for answer in [items[k]["answer"], items[k]["answer"] + ".5"]:
        r = c.answer(answer)
        want = c.score("composite", seed, size, k, answer, config)
        expect(r["score"] == want, f"item {k}, answer {answer!r}: page shows {r['score']}, rgym score says {want}")
        expect(r["metadata"] == items[k]["metadata"], f"metadata shown {r['metadata']}")
        results.append((answer, r["score"]))
    c.set_value("#search", "")
    c.screenshot("web-ui-composite.png")
    c.el("#tab-single").click()
    return (f"item 0 from {item['metadata']['source_dataset']}, item {k} from basic_arithmetic; scores "
            + ", ".join(f"{a!r}={s}" for a, s in results))


def test_composite_error_inline(c):
    c.on_web_page()
    c.el("#tab-composite").click()
    if not c.els('.component[data-name="leg_counting"]'):
        c.set_value("#search", "leg_counting")
        c.wait(lambda: c.els('.ds[data-name="leg_counting"] .add'), "leg_counting in the list")
        c.el('.ds[data-name="leg_counting"] .add').click()
    c.wait(lambda: c.els('.component[data-name="leg_counting"]'), "leg_counting in the mix")
    box = c.el('.component[data-name="leg_counting"] details')
    if not box.get_attribute("open"):
        box.find_element(By.TAG_NAME, "summary").click()
    c.set_value('.component[data-name="leg_counting"] textarea.cfg', '{"max_animals": 0}')
    c.wait_status("error", "max_animals")
    msg = c.status()[1]
    c.set_value('.component[data-name="leg_counting"] textarea.cfg', "{}")
    c.wait_status("ok")
    c.el("#tab-single").click()
    return f"shown: {msg!r}"


def test_two_tabs_share_the_env(c):
    """The web env is shared: a second tab follows the first over /ws/ui."""
    c.on_web_page()
    first = c.d.current_window_handle
    c.d.switch_to.new_window("tab")
    try:
        c.d.get(c.url + "/web/")
        c.wait(lambda: c.el("#live").text == "live", "the second tab's live updates")
        c.wait(lambda: c.text("#question") and "Start episode" not in c.text("#question"),
               "the shared question in the second tab")
        q = c.text("#question")
        c.d.switch_to.window(first)
        c.el("#next").click()
        c.wait(lambda: c.text("#question") != q, "the first tab's next question")
        q2 = c.text("#question")
        c.d.switch_to.window(c.d.window_handles[-1])
        c.wait(lambda: c.text("#question") == q2, "the second tab to follow the reset")
    finally:
        c.d.close()
        c.d.switch_to.window(first)
    return "a reset in one tab shows in the other"


def test_no_console_errors(c):
    errors = [e for e in c.console_errors() if "favicon" not in e]
    expect(not errors, f"console errors: {errors}")
    return "none"


def test_api_docs(c):
    c.open("/docs")
    c.wait(lambda: len(c.els(".opblock")) >= 7, "Swagger UI's operations", timeout=30)
    paths = {e.text for e in c.els(".opblock-summary-path")}
    for p in ["/reset", "/step", "/state", "/health", "/metadata", "/schema", "/mcp",
              "/web/reset", "/web/step", "/web/state", "/web/metadata"]:
        expect(p in paths, f"{p} listed in /docs ({sorted(paths)})")
    title = c.text(".info .title")
    expect("OpenEnv Environment HTTP API" in title, f"title {title!r}")
    # Try it out: an interactive call from the page to the live server.
    block = [b for b in c.els(".opblock") if b.find_element(By.CSS_SELECTOR, ".opblock-summary-path").text == "/health"][0]
    block.find_element(By.CSS_SELECTOR, ".opblock-summary").click()
    c.wait(lambda: block.find_elements(By.CSS_SELECTOR, ".try-out__btn"), "Try it out")
    block.find_element(By.CSS_SELECTOR, ".try-out__btn").click()
    block.find_element(By.CSS_SELECTOR, ".execute").click()
    c.wait(lambda: any("healthy" in e.text for e in
                       block.find_elements(By.CSS_SELECTOR, ".live-responses-table .microlight")),
           "the /health response in Swagger UI")
    block.find_element(By.CSS_SELECTOR, ".opblock-summary").click()
    c.d.execute_script("window.scrollTo(0, 0)")
    time.sleep(0.3)
    expect(not c.offsite_requests(), f"nothing fetched off-server: {c.offsite_requests()}")
    c.screenshot("api-docs.png")
    return f"{len(paths)} paths; Try it out on /health answered"


def test_redoc(c):
    c.open("/redoc")
    c.wait(lambda: c.els("h1") and "OpenEnv Environment HTTP API" in c.els("h1")[0].text,
           "ReDoc's rendered title", timeout=30)
    c.wait(lambda: "/reset" in c.el("body").text, "the operations in ReDoc")
    expect(not c.offsite_requests(), f"nothing fetched off-server: {c.offsite_requests()}")
    return "rendered"


TESTS = [
    test_page_loads,
    test_search,
    test_inline_validation,
    test_list_scroll_on_load,
    test_leg_counting_episode,
    test_multiline_answers_in_history,
    test_browse_items,
    test_browse_big_integers,
    test_download_jsonl,
    test_composite_episode,
    test_composite_error_inline,
    test_two_tabs_share_the_env,
    test_no_console_errors,
    test_api_docs,
    test_redoc,
]


def make_driver(profile):
    opts = webdriver.ChromeOptions()
    opts.binary_location = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
    for f in CHROMIUM_FLAGS:
        opts.add_argument(f)
    opts.add_argument(f"--user-data-dir={profile}")
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver_path = os.environ.get("CHROMEDRIVER", shutil.which("chromedriver") or "/usr/bin/chromedriver")
    # An explicit driver path: selenium-manager would otherwise try to download one.
    return webdriver.Chrome(service=Service(executable_path=driver_path), options=opts)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--rgym", required=True)
    ap.add_argument("--screenshots", default=None, help="directory for the PNGs")
    ap.add_argument("-k", default="", help="run only tests whose name contains this")
    args = ap.parse_args()
    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix="rgym-chromium-") as profile:
        driver = make_driver(profile)
        driver.set_page_load_timeout(30)
        try:
            c = Ctx(args, driver)
            for t in TESTS:
                if args.k not in t.__name__:
                    continue
                name = t.__name__.removeprefix("test_")
                started = time.monotonic()
                try:
                    detail = t(c)
                    passed += 1
                    print(f"PASS {name} ({time.monotonic() - started:.1f}s): {detail}", flush=True)
                except Exception as e:  # noqa: BLE001 - every failure is reported the same way
                    failed += 1
                    print(f"FAIL {name}: {e}", flush=True)
                    if not isinstance(e, Failure):
                        traceback.print_exc(limit=3)
                    if args.screenshots:
                        try:
                            path = os.path.join(tempfile.gettempdir(), f"rgym-browser-fail-{name}.png")
                            driver.save_screenshot(path)
                            print(f"  failure screenshot {path}")
                        except Exception:
                            pass
        finally:
            driver.quit()
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
