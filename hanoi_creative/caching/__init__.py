"""The full-page cache for anonymous visitors, its invalidation, and HTTP caching headers.

- ``store``: cached pages and the content generation that invalidates them all at once;
- ``receivers``: every change to what the public sees moves the generation on;
- ``headers``: ``Cache-Control``, ``ETag``/``Last-Modified`` and conditional answers;
- ``middleware``: puts the three together around each request.
"""
