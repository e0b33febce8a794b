# The app servers behind Varnish, and who may purge. Copy to backends.vcl next to
# default.vcl (or onto varnishd's vcl_path) and list your own servers.
import directors;

probe app_health {
    .url = "/robots.txt";
    .timeout = 5s;
    .interval = 2s;
    .window = 5;
    .threshold = 2;
    .initial = 2;
}

backend app1 { .host = "10.0.0.11"; .port = "8000"; .probe = app_health; }
backend app2 { .host = "10.0.0.12"; .port = "8000"; .probe = app_health; }

acl purgers {
    "127.0.0.1";
    "10.0.0.0"/24;
}

sub vcl_init {
    new app = directors.round_robin();
    app.add_backend(app1);
    app.add_backend(app2);
}
