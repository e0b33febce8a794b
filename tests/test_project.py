"""Project guards: no pending migrations, production settings pass check --deploy."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "hanoi_creative.settings.production",
    "DJANGO_SECRET_KEY": "x7#kq!2vW9zL0pR4tY8uI3oP6aS1dF5gH-jK_lZ%xC&vB*nM@qE",
    "DJANGO_ALLOWED_HOSTS": "sangtao.hanoi.example,www.sangtao.hanoi.example",
    "DJANGO_DEBUG": "false",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def manage(*args, env):
    base = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.django_db
def test_no_model_changes_without_a_migration():
    # wagtail-modeltranslation's makemigrations ignores the patched Page (README: "Installed apps").
    try:
        call_command("makemigrations", "--check", "--dry-run", verbosity=0)
    except SystemExit as exit:
        pytest.fail(f"makemigrations --check found pending changes (exit {exit.code})")


def test_production_settings_pass_check_deploy_without_warnings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "DJANGO_SECRET_KEY"}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_manage_py_defaults_to_dev_and_servers_to_production():
    source = (ROOT / "manage.py").read_text()
    assert '"hanoi_creative.settings.dev"' in source
    for module in ("wsgi.py", "asgi.py"):
        assert '"hanoi_creative.settings.production"' in (ROOT / "hanoi_creative" / module).read_text()


def test_requirements_are_pinned():
    for name in ("requirements.txt", "requirements-dev.txt"):
        for line in (ROOT / name).read_text().splitlines():
            line = line.strip()
            if line and not line.startswith(("#", "-r")):
                assert "==" in line, f"{name}: {line} is not pinned"
