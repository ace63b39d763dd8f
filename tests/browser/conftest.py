"""Real-browser fixtures: the docs site built once, served from localhost, and one Chromium.

Chromium is Debian's (``/usr/bin/chromium``, or ``$CHROMIUM``), driven by Playwright for
Python with ``executable_path``; no browser is ever downloaded. See README.md here for the
commands CI runs first.

A browser test skips only when Chromium (or the Playwright package) truly is not
installed, and says so loudly: in the test output, and again in a banner at the end of the
run. With ``PHASES_REQUIRE_BROWSER=1`` (CI sets it) a missing browser is a failure instead.
"""

from __future__ import annotations

import functools
import http.server
import os
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.browser.browser_support import LOUD_SKIPS, Tab, chromium_path, loud_skip

DOCS = Path(__file__).resolve().parents[2] / "docs"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "browser: drives a real Chromium over the built docs (tests/browser)"
    )


def pytest_terminal_summary(terminalreporter: Any) -> None:
    skipped = [
        report
        for report in terminalreporter.stats.get("skipped", [])
        if "tests/browser" in str(getattr(report, "nodeid", ""))
    ]
    if not skipped and not LOUD_SKIPS:
        return
    terminalreporter.write_sep(
        "!", "BROWSER TESTS NOT RUN (tools missing): NOT A PASS", red=True, bold=True
    )
    for report in skipped:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        terminalreporter.write_line(f"{report.nodeid}: {reason}", red=True)
    terminalreporter.write_line(
        "Install what tests/browser/README.md lists, or set PHASES_REQUIRE_BROWSER=1 "
        "to make this a failure.",
        red=True,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The docs site, built once per session with -n -W, as in the docs tox env."""
    from sphinx.cmd.build import build_main

    root = tmp_path_factory.mktemp("browser-site")
    out, warnings = root / "html", root / "warnings.txt"
    args = ["-n", "-W", "--keep-going", "-q", "-b", "html"]
    args += ["-d", str(root / "doctrees"), "-w", str(warnings), str(DOCS), str(out)]
    status = build_main(args)
    text = warnings.read_text() if warnings.exists() else ""
    assert status == 0, f"the docs build failed (sphinx-build -nW):\n{text}"
    print(f"\n[browser] docs built into {out}", flush=True)
    return out


@pytest.fixture(scope="session")
def screenshot_dir(site: Path) -> Path:
    """Where screenshots go: $PHASES_SCREENSHOT_DIR, or a fixed folder in the temp dir.

    Not pytest's own temp folders: those rotate away while the screenshots are looked at.
    """
    named = os.environ.get("PHASES_SCREENSHOT_DIR")
    default = Path(tempfile.gettempdir()) / "sphinx-phases-browser" / "screenshots"
    folder = Path(named) if named else default
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # Chromium drops connections it no longer needs (a page left mid-load): not an error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    """The built site served by an http.server thread on a free localhost port."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    try:
        yield f"http://{host}:{port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Debian Chromium for the whole session."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        loud_skip("the playwright package is not installed: run `pip install playwright`")
    executable = chromium_path()
    with sync_playwright() as playwright:
        # Chromium is there, so a failure to start it is a real error, not a skip.
        chromium = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        print(f"\n[browser] {executable} {chromium.version}", flush=True)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def tab(browser: Any, base_url: str) -> Iterator[Tab]:
    """A fresh light-theme tab, 1280 px wide."""
    opened = Tab(browser, base_url)
    yield opened
    opened.close()
