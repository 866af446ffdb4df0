"""`mltrail doctor` checks the web app's settings and its signing key."""

from __future__ import annotations

from mltrail.doctor import web_check


def test_default_settings_are_personal_mode(tmp_path):
    found = web_check(tmp_path)
    assert found.status == "ok" and "personal" in found.detail


def test_multi_user_settings_are_named(tmp_path):
    (tmp_path / "mltrail.toml").write_text('[web]\nmulti_user = true\nregistration = "open"\n')
    found = web_check(tmp_path)
    assert found.status == "ok" and "multi-user, registration open" in found.detail


def test_a_bad_setting_is_an_error_naming_the_key(tmp_path):
    (tmp_path / "mltrail.toml").write_text('[web]\nregistration = "sometimes"\n')
    found = web_check(tmp_path)
    assert found.status == "error" and "registration must be one of open, invite, closed" in found.detail
    (tmp_path / "mltrail.toml").write_text('[web]\nmulti_usr = true\n')
    assert "unknown key 'multi_usr'" in web_check(tmp_path).detail


def test_a_signing_key_others_can_read_is_an_error(tmp_path):
    from mltrail.web.security import server_secret

    server_secret(tmp_path)
    assert web_check(tmp_path).status == "ok"
    (tmp_path / "web-secret").chmod(0o644)
    found = web_check(tmp_path)
    assert found.status == "error" and "chmod 600" in found.detail
