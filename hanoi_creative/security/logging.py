"""Keep the error log readable: health probes and outage answers are logged elsewhere (once per
interval, by the outage code), not once per request by django.request."""

import logging

PROBES = ("/healthz", "/readyz")


class QuietProbesAndOutages(logging.Filter):
    def filter(self, record):
        request = getattr(record, "request", None)
        if request is not None and getattr(request, "path", "") in PROBES:
            return False
        return getattr(record, "status_code", None) != 503
