vcl 4.1;
# Varnish in front of the portal's app servers.
#
# - Caches anonymous GET/HEAD for as long as the app's Cache-Control allows (s-maxage first).
# - Passes the admin, previews, POST and anyone with a session (logged in) or a
#   "stick to the primary" cookie (a reader who just wrote something).
# - Strips tracking query parameters, so utm_* links share one cache object.
# - Serves stale objects for a while when every app server is failing (grace).
# - Purges by surrogate key: the app tags responses with `xkey: page-12 category-3 ...` and
#   sends `PURGE /` with `xkey-purge: page-12 home` after publishing (hanoi_creative/edge).
# - Answers /varnish-health itself, for a load balancer or monitor in front.
#
# The app servers and the purge ACL live in backends.vcl, written per deployment
# (deploy/varnish/backends.example.vcl; `make cluster` writes its own).

import std;
import directors;
import xkey;

include "backends.vcl";

sub vcl_recv {
    if (req.url == "/varnish-health") {
        return (synth(200, "OK"));
    }

    if (req.method == "PURGE") {
        if (!client.ip ~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.http.xkey-purge) {
            set req.http.n-gone = xkey.purge(req.http.xkey-purge);
            return (synth(200, "Invalidated " + req.http.n-gone + " objects"));
        }
        return (purge);
    }

    set req.backend_hint = app.backend();
    # While an app server is healthy, an expired object is served at most 10 s past its TTL
    # (while Varnish fetches a fresh one); the 6 h of grace are for when none is.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }

    # Tracking parameters change nothing the app renders.
    if (req.url ~ "[?&](utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga|zarsrc|zarsid)=") {
        set req.url = regsuball(req.url, "(?<=[?&])(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga|zarsrc|zarsid)=[^&]*&?", "");
        set req.url = regsub(req.url, "[?&]+$", "");
    }

    if (req.url ~ "^/admin(/|$)" || req.url ~ "^/django-admin(/|$)" || req.url ~ "[?&]preview") {
        return (pass);
    }

    if (req.http.Cookie) {
        # Logged-in editors, and readers who just wrote (their next reads go to the primary).
        if (req.http.Cookie ~ "(^|;\s*)(sessionid|hc_primary)=") {
            return (pass);
        }
        # Every other cookie (analytics, csrftoken, the language choice) changes nothing on a
        # language-prefixed page. The root "/" redirect reads the language cookie: pass it.
        if (req.url == "/" && req.http.Cookie ~ "(^|;\s*)django_language=") {
            return (pass);
        }
        unset req.http.Cookie;
    }
    return (hash);
}

sub vcl_backend_response {
    # Keep objects past their TTL, to serve while every backend is failing.
    set beresp.grace = 6h;
    set beresp.keep = 0s;

    if (bereq.uncacheable) {
        return (deliver);
    }
    if (beresp.status >= 500) {
        # Do not cache errors; a stale object in grace is served instead if there is one.
        if (bereq.is_bgfetch) {
            return (abandon);
        }
        set beresp.ttl = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    if (beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Only what the app marks public is cached: a response without Cache-Control is
    # private by default here (Varnish's built-in would cache it for default_ttl).
    if (!beresp.http.Cache-Control || beresp.http.Cache-Control !~ "public") {
        # Until the app sends Cache-Control on its own public pages, a tagged response
        # (it carries surrogate keys, so purges reach it) is cached briefly.
        if (beresp.http.xkey && !beresp.http.Cache-Control && beresp.status == 200) {
            set beresp.ttl = 300s;
            return (deliver);
        }
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    return (deliver);
}

sub vcl_backend_error {
    # An app server that just died is still "healthy" until its probe fails: try the next one.
    if (bereq.retries < 1) {
        return (retry);
    }
    # No backend answered and there is no stale object: a short, honest error page.
    set beresp.http.Content-Type = "text/plain; charset=utf-8";
    set beresp.http.Retry-After = "5";
    synthetic("Service temporarily unavailable. Please try again in a moment.");
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # Surrogate keys are between the app and Varnish; browsers and CDNs need not see them
    # (a request with X-Debug-Keys from a purger address still sees them, for tests).
    if (!(req.http.X-Debug-Keys && client.ip ~ purgers)) {
        unset resp.http.xkey;
    }
}

sub vcl_synth {
    set resp.http.Content-Type = "text/plain; charset=utf-8";
    synthetic(resp.reason + {"
"});
    return (deliver);
}
