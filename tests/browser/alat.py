"""What the browser tests share: signing in through the real login page, keeping screenshots
for reviewers, the accessibility check (axe-core, committed under tests/browser/static/axe-core,
MPL-2.0, never a CDN), and running a queued task in a real worker process."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.akses_data import SANDI
from tests.proses import ROOT, perintah_worker

AXE = Path(__file__).parent / "static" / "axe-core" / "axe-4.14.1.min.js"


def tangkap_layar(page: Page, name: str) -> None:
    """Keep a screenshot for people reviewing the pages (SCREENSHOT_DIR), never for asserting."""
    folder = os.environ.get("SCREENSHOT_DIR")
    if folder:
        page.screenshot(path=os.path.join(folder, f"{name}.png"), full_page=True)


def login(page: Page, base: str, username: str, password: str = SANDI) -> None:
    page.goto(f"{base}/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()


def periksa_axe(page: Page) -> None:
    """Run axe-core on the page (evaluated, so the page's CSP allows it) and fail on any
    serious or critical violation of WCAG 2 A/AA."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text())
    hasil = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    berat = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in hasil["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not berat, f"{page.url}\n" + "\n".join(berat)


def kerjakan(page: Page, teks: str) -> None:
    """Run the queued task in a worker process; wait for the page to say it is done."""
    blok = page.locator(".progres")
    cmd, env = perintah_worker("--batch")
    worker = subprocess.Popen(cmd, cwd=ROOT, env=env)
    try:
        expect(blok.locator("[data-progres-status]")).to_have_text("Selesai", timeout=60_000)
        assert worker.wait(timeout=60) == 0
    finally:
        if worker.poll() is None:
            worker.kill()
    expect(blok.locator("[data-progres-persen]")).to_have_text("100%")
    expect(blok.locator("[data-progres-pesan]")).to_contain_text(teks)
