"""Typed access to the ``phases`` domain and the builder, for modules the domain imports."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from sphinx_phases.domain import PhasesDomain


def phases_domain(env: BuildEnvironment) -> PhasesDomain:
    """The ``phases`` domain of *env*."""
    return cast("PhasesDomain", env.get_domain("phases"))


def current_builder(env: BuildEnvironment) -> Builder:
    """The builder writing *env*'s documents (``env.app`` is deprecated from Sphinx 9)."""
    app = getattr(env, "_app", None) or env.app
    return cast("Builder", app.builder)
