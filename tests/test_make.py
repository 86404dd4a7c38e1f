"""`make test` installs the browser for the report test only through `make browser`, visibly, and never
upgrades a package: run here with a stand-in apt-get that records what it is asked."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from .conftest import ROOT

FAKE_APT = """#!/bin/sh
echo "$*" >> "{log}"
case "$*" in
  *" -s "*|"install -s"*) printf '%s\\n' {plan} ;;
esac
"""
NEW_ONLY = ["'Inst chromium-common (120.0 Debian:12/stable [amd64])'", "'Inst chromium (120.0 Debian:12/stable [amd64])'"]
WITH_UPGRADE = NEW_ONLY + ["'Inst libc6 [2.36-9] (2.36-9+deb12u4 Debian:12/stable [amd64])'"]

pytestmark = [
    pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed"),
    pytest.mark.skipif(os.geteuid() != 0, reason="make browser installs only as root; as another user it only reports"),
]


def make_browser(tmp_path, plan: list[str]) -> tuple[str, list[str]]:
    log = tmp_path / "apt.log"
    apt = tmp_path / "apt-get"
    apt.write_text(FAKE_APT.format(log=log, plan=" ".join(plan)), encoding="utf-8")
    apt.chmod(0o755)
    run = subprocess.run(["make", "-s", "-C", str(ROOT), "browser", f"APT_GET={apt}", "CHROMIUM=kg-no-such-browser"],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    return run.stdout, log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def test_browser_installs_chromium_alone_without_recommends(tmp_path):
    out, calls = make_browser(tmp_path, NEW_ONLY)
    assert calls == ["update -qq", "install -s --no-install-recommends chromium",
                     "install -y -qq --no-install-recommends --no-upgrade chromium"]
    assert "make browser: apt-get install --no-install-recommends chromium (2 new package(s))" in out


def test_browser_installs_nothing_when_chromium_would_upgrade_a_package(tmp_path):
    out, calls = make_browser(tmp_path, WITH_UPGRADE)
    assert calls == ["update -qq", "install -s --no-install-recommends chromium"]
    assert "installing chromium would upgrade 1 installed package(s); not installing" in out


def test_make_test_runs_the_browser_step_and_says_so():
    run = subprocess.run(["make", "-n", "-C", str(ROOT), "test"], capture_output=True, text=True, timeout=60)
    lines = run.stdout.splitlines()
    announce = next(i for i, ln in enumerate(lines) if "make browser: the browser test of kg report needs" in ln)
    tests = next(i for i, ln in enumerate(lines) if "-m pytest" in ln)
    assert announce < tests
