"""The self-review's storage module (docs/javascripts/self-review-store.js), tested under
node's built-in test runner by tests/js/*.test.js: its format, migration, exports and import.

Node is the only thing needed (no packages). Without node the test is skipped, loudly;
with CI=true a missing node fails the run.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from support import ROOT

JS_TESTS = sorted((ROOT / "tests" / "js").glob("*.test.js"))


def test_the_storage_module_passes_its_node_tests():
    node = shutil.which("node")
    if node is None:
        message = "node is not installed: the self-review's storage module (tests/js) was not tested"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    assert JS_TESTS, "no tests/js/*.test.js found"
    result = subprocess.run([node, "--test", *map(str, JS_TESTS)], capture_output=True, text=True, cwd=ROOT)
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    passed = re.search(r"^# pass (\d+)$", report, re.MULTILINE)
    failed = re.search(r"^# fail (\d+)$", report, re.MULTILINE)
    assert passed and int(passed.group(1)) > 0, f"node ran no tests:\n{report}"
    assert failed and int(failed.group(1)) == 0, report
