"""The admin's login and pages carry CityNet's name and mark (Wagtail's branding blocks)."""


def test_the_admin_login_is_citynets(client):
    html = client.get("/admin/login/").content.decode()

    assert "Sign in to CityNet" in html and "Sign in to Wagtail" not in html
    assert 'src="/static/citynet/logo.svg" alt="CityNet"' in html
    assert "<title>Sign in - CityNet</title>" in html
    assert 'href="/static/citynet/logo-mark.svg" type="image/svg+xml"' in html
    assert '<link rel="stylesheet" href="/static/citynet/admin.css">' in html


def test_the_admin_sidebar_shows_the_citynet_mark(admin_client):
    html = admin_client.get("/admin/").content.decode()

    assert "<template data-wagtail-sidebar-branding-logo>" in html
    assert 'src="/static/citynet/logo-mark.svg" alt="CityNet"' in html
