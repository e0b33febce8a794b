"""Helpers for the caches' tests."""

from hanoi_creative.caching import fragments, store


def new_generation():
    """A healthy cache and a content generation that starts now: rolled-back test transactions
    never start one themselves."""
    store.health.retry_at = 0.0
    store.health.replace_generation = False
    fragments.clear()
    assert store.invalidate_all()
