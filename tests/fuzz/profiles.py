"""Hypothesis profiles for the fuzz tests: ``ci`` (300 examples in all, the default) and ``long``
(3,000), chosen with ``HYPOTHESIS_PROFILE=long``. The profile is read here, not loaded globally,
so the other tests that use hypothesis keep their own settings."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", max_examples=300, deadline=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.function_scoped_fixture, HealthCheck.large_base_example],
)
settings.register_profile("long", parent=settings.get_profile("ci"), max_examples=3000)

NAME = os.environ.get("HYPOTHESIS_PROFILE", "ci")
PROFILE = settings.get_profile(NAME if NAME in ("ci", "long") else "ci")


def share(fraction: float) -> settings:
    """Settings of the active profile with ``fraction`` of its examples (the tests split it)."""
    return settings(PROFILE, max_examples=max(1, round(PROFILE.max_examples * fraction)))
