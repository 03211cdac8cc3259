# The mixed benchmark's stand-in for stock Wagtail behind Varnish (benchmarks/mixed.py): its v2
# responses carry no cache tags to purge by, so they are kept for a fixed time, as API_CACHE_MAX_AGE
# would. Loaded over deploy/varnish.vcl, whose own rules apply to everything else.
vcl 4.1;

sub vcl_backend_response {
    if (bereq.url ~ "^/api/stock/" && beresp.status == 200) {
        set beresp.ttl = 60s;
        set beresp.grace = 0s;
        return (deliver);
    }
}

include "varnish.vcl";
