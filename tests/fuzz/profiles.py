"""Hypothesis profiles for the fuzz tests: ``ci`` (300 examples in all, the default) and ``long``
(3,000), chosen with ``HYPOTHESIS_PROFILE=long``. The profile is read here, not loaded globally,
so the other tests that use hypothesis keep their own settings.

Under ``ci`` the slow build test does not shrink a failure (each step is a full build; shrinking
can take many minutes): it prints the failing brief as drawn. ``long`` shrinks it to a minimal
one."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, Phase, settings

settings.register_profile(
    "ci", max_examples=300, deadline=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.function_scoped_fixture, HealthCheck.large_base_example],
)
settings.register_profile("long", parent=settings.get_profile("ci"), max_examples=3000)

NAME = os.environ.get("HYPOTHESIS_PROFILE", "ci")
PROFILE = settings.get_profile(NAME if NAME in ("ci", "long") else "ci")


def share(fraction: float, slow: bool = False) -> settings:
    """Settings of the active profile with ``fraction`` of its examples (the tests split it).

    :param slow: each example is a full build; under ``ci``, report a failure unshrunk.
    """
    phases = [p for p in Phase if p != Phase.shrink] if slow and NAME != "long" else list(Phase)
    return settings(PROFILE, max_examples=max(1, round(PROFILE.max_examples * fraction)),
                    phases=phases)
