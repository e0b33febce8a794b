"""The VCL in deploy/varnish compiles with the example backends (the cluster suite runs it)."""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

DEPLOY = Path(__file__).resolve().parent.parent / "deploy" / "varnish"


def test_vcl_compiles_with_the_example_backends():
    # Debian installs it in /usr/sbin, which is not on every user's PATH.
    varnishd = shutil.which("varnishd", path=f"{os.environ.get('PATH', '')}:/usr/sbin")
    if varnishd is None:
        if os.environ.get("CI"):
            pytest.fail("varnishd is missing: apt-get install -y varnish varnish-modules")
        pytest.skip("varnishd is not installed")
    # varnishd compiles as its own unprivileged user: the folder must be readable to it.
    tmp_path = Path(tempfile.mkdtemp(prefix="hc-vcl-"))
    tmp_path.chmod(0o755)
    (tmp_path / "backends.vcl").write_text((DEPLOY / "backends.example.vcl").read_text())
    result = subprocess.run(
        [
            varnishd,
            "-C",
            "-n",
            str(tmp_path / "work"),
            "-f",
            str(DEPLOY / "default.vcl"),
            "-p",
            f"vcl_path={tmp_path}:{DEPLOY}",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    shutil.rmtree(tmp_path, ignore_errors=True)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "vmod_xkey" in result.stdout + result.stderr
