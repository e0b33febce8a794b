"""The deployment files in deploy/ and the README's steps hold together."""

import configparser
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"


def test_readme_never_calls_a_bare_python():
    """Debian 12 has python3 only; a bare `python` gives an empty secret key under cron."""
    readme = (ROOT / "README.md").read_text()
    section = readme[readme.index("## Deploying on Debian 12") :]
    section = section[: section.index("\n## ", 1)]
    commands = "\n".join(re.findall(r"```[a-z]*\n(.*?)```", section, re.S))
    assert not re.search(r"(?<![\w/.-])python(?![\w.3])", commands.replace(".venv/bin/python", ""))
    assert "python3 -c 'import secrets" in commands


def test_environment_example_names_every_production_setting():
    example = (DEPLOY / "hanoi-creative.env.example").read_text()
    names = set(re.findall(r"^#?\s*([A-Z_]+)=", example, re.M))
    for name in (
        "DJANGO_SETTINGS_MODULE",
        "DJANGO_SECRET_KEY",
        "DJANGO_ALLOWED_HOSTS",
        "DATABASE_URL",
        "REDIS_URL",
        "MEDIA_ROOT",
        "WAGTAILADMIN_BASE_URL",
        "EMAIL_HOST",
        "EMAIL_HOST_USER",
        "EMAIL_HOST_PASSWORD",
        "DJANGO_DEFAULT_FROM_EMAIL",
    ):
        assert name in names, name


def test_systemd_units_run_the_site_the_worker_and_the_scheduler():
    commands = {}
    for unit in (DEPLOY / "systemd").glob("*.service"):
        parser = configparser.ConfigParser(strict=False, interpolation=None)
        parser.read(unit)
        service = parser["Service"]
        assert service["EnvironmentFile"] == "/etc/hanoi-creative.env"
        assert service["User"] == "hanoi"
        commands[unit.stem] = service["ExecStart"]
    assert "gunicorn --config deploy/gunicorn.conf.py" in commands["hanoi-creative"]
    assert commands["hanoi-creative-worker"].endswith("manage.py db_worker")
    assert commands["hanoi-creative-publish"].endswith("manage.py publish_scheduled")
    timer = (DEPLOY / "systemd" / "hanoi-creative-publish.timer").read_text()
    assert "OnCalendar=*-*-* *:*:00" in timer


def test_nginx_site_is_valid_and_serves_media(tmp_path):
    if shutil.which("nginx") is None or shutil.which("openssl") is None:
        pytest.fail("nginx and openssl are needed (apt-get install -y nginx)")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
         "-keyout", tmp_path / "key.pem", "-out", tmp_path / "cert.pem"],
        check=True, capture_output=True,
    )  # fmt: skip
    site = (DEPLOY / "nginx" / "hanoi-creative.conf").read_text()
    assert "alias /srv/hanoi-creative/media/;" in site
    site = site.replace(
        "/etc/letsencrypt/live/sangtao.hanoi.gov.vn/fullchain.pem", str(tmp_path / "cert.pem")
    )
    site = site.replace("/etc/letsencrypt/live/sangtao.hanoi.gov.vn/privkey.pem", str(tmp_path / "key.pem"))
    (tmp_path / "site.conf").write_text(site)
    temp = " ".join(
        f"{kind}_temp_path {tmp_path}/{kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log;\n"
        f"events {{}}\nhttp {{ include /etc/nginx/mime.types; {temp} include {tmp_path}/site.conf; }}\n"
    )
    result = subprocess.run(
        ["nginx", "-t", "-c", str(tmp_path / "nginx.conf")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


@pytest.fixture
def media_served_by_django(settings, tmp_path):
    """The URLs as `make serve` builds them: SERVE_MEDIA on, MEDIA_ROOT in a temporary folder."""
    import importlib

    from django.urls import clear_url_caches

    import hanoi_creative.urls

    serve_media = settings.SERVE_MEDIA
    settings.SERVE_MEDIA = True
    settings.MEDIA_ROOT = str(tmp_path)
    importlib.reload(hanoi_creative.urls)
    clear_url_caches()
    yield tmp_path
    settings.SERVE_MEDIA = serve_media
    importlib.reload(hanoi_creative.urls)
    clear_url_caches()


@pytest.mark.django_db
def test_make_serve_gives_media_the_browser_caching_nginx_gives(client, media_served_by_django):
    site = (DEPLOY / "nginx" / "hanoi-creative.conf").read_text()
    media = site[site.index("location /media/") :]
    assert "expires 30d;" in media[: media.index("}")]
    (media_served_by_django / "images").mkdir()
    (media_served_by_django / "images" / "photo.webp").write_bytes(b"RIFF\x00\x00\x00\x00WEBP")

    response = client.get("/media/images/photo.webp")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"RIFF\x00\x00\x00\x00WEBP"
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"public", f"max-age={30 * 24 * 60 * 60}"} <= directives

    assert client.get("/media/images/missing.webp").status_code == 404
