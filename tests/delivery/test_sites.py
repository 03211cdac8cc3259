"""The site of a request, read from the cache until a site changes (decision 0350)."""

from citynet.delivery.sites import cached_site


def test_a_hosts_site_is_read_once_then_from_the_cache(site, rf, django_assert_num_queries):
    assert cached_site(rf.get("/")) == site

    request = rf.get("/")
    with django_assert_num_queries(0):
        assert cached_site(request) == site
        assert request._wagtail_site == site


def test_a_change_to_a_site_is_seen_at_the_next_request(site, rf):
    assert cached_site(rf.get("/")).site_name == site.site_name

    site.site_name = "CityNet Asia-Pacific"
    site.save()

    assert cached_site(rf.get("/")).site_name == "CityNet Asia-Pacific"


def test_an_article_names_its_site_after_a_rename(client, site, make_article):
    first, second = make_article(), make_article()
    assert f"| {site.site_name}</title>" in client.get(first.url).content.decode()

    site.site_name = "CityNet Asia-Pacific"
    site.save()

    html = client.get(second.url).content.decode()

    assert "| CityNet Asia-Pacific</title>" in html
