# Varnish in front of the CityNet app servers (make cluster; docs/deploy.md).
# Anonymous GETs are cached until the site purges them by cache tag (xkey); everything
# personal passes through. The backends come from backends.vcl, written by deploy/cluster.sh.
vcl 4.1;

import directors;
import xkey;

include "backends.vcl";

# Who may purge: the app servers and the task worker, on this machine.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.http.xkey) {
            # Hard purge: the next request fetches the changed content.
            set req.http.n-gone = xkey.purge(req.http.xkey);
            return (synth(200, "Invalidated " + req.http.n-gone + " objects"));
        }
        return (purge);
    }
    set req.backend_hint = app.backend();
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Editors and readers with a session or messages get their own pages (as in the app,
    # citynet/delivery/cache.py is_anonymous); the admin is never cached.
    if (req.http.Authorization
        || req.http.Cookie ~ "(^|;\s*)(sessionid|messages)="
        || req.url ~ "^/(admin|django-admin)/") {
        return (pass);
    }
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    set beresp.http.X-Backend = beresp.backend.name;
    if (beresp.status == 200 && beresp.http.xkey) {
        # Tagged public responses stay until a purge; browsers still get max-age.
        set beresp.ttl = 1d;
        set beresp.grace = 0s;
    } else {
        # Errors, redirects and anything untagged are never shared from here.
        set beresp.ttl = 0s;
        set beresp.uncacheable = true;
    }
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # Tags are for purging here, not for the public.
    unset resp.http.xkey;
}
