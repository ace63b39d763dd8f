"""The ``phases_*`` settings in Sphinx: declared from
:class:`~sphinx_phases.core.config.PhasesConfig`, checked at ``config-inited`` with one
located ``phases.config`` warning per bad value."""

from __future__ import annotations

import dataclasses as dc
from typing import TYPE_CHECKING, Any

from sphinx_phases.core.config import (
    PhasesConfig,
    config_file,
    config_line,
    default_of,
    invalid_values,
)
from sphinx_phases.core.inputs import excerpt
from sphinx_phases.core.problems import PhaseWarning
from sphinx_phases.sphinx_ext.warnings import file_location, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


def register_config(app: Sphinx) -> None:
    """Declare every ``phases_*`` value; types are checked by :func:`check_config`."""
    for field in dc.fields(PhasesConfig):
        # ``types=Any``: our own check warns with a located ``phases.config`` warning;
        # Sphinx's generic type warning would report the same problem a second time.
        app.add_config_value(
            f"phases_{field.name}",
            default_of(field),
            field.metadata["rebuild"],
            types=frozenset({Any}),
            description=field.metadata["help"],
        )


def check_config(app: Sphinx, config: Config) -> None:
    """Warn about each invalid value, then put its default back (``config-inited``)."""
    conf_path = config_file(app)
    overrides = getattr(config, "overrides", None) or {}
    for name, value, error, default in list(invalid_values(config)):
        if name in overrides:
            # Given with -D: conf.py's line for it (if any) is not what was read.
            given = excerpt(f"-D {name}={overrides[name]}", quote=False)
            warn(
                f"{name} = {excerpt(value)}, given on the command line ({given}), is not "
                f"valid: {error}; the default is used",
                PhaseWarning.CONFIG,
                file_location(conf_path, None),
            )
        else:
            warn(
                f"{name} = {excerpt(value)} is not valid: {error}; the default is used",
                PhaseWarning.CONFIG,
                file_location(conf_path, config_line(conf_path, name)),
            )
        setattr(config, name, default)


def check_required_questions(app: Sphinx, config: Config) -> None:
    """Warn about required keys that no question configures, and drop them
    (``config-inited``, once the profile has given its questions: a profile's own keys can
    be required without setting ``phases_questions``, docs/reference/profiles.md)."""
    conf_path = config_file(app)
    unknown = [k for k in config.phases_required_questions if k not in config.phases_questions]
    if unknown:
        names = ", ".join(excerpt(k) for k in unknown)
        warn(
            f"phases_required_questions names {names}, which phases_questions does not "
            f"configure; expected keys among {', '.join(config.phases_questions)}; "
            "they are ignored",
            PhaseWarning.CONFIG,
            file_location(conf_path, config_line(conf_path, "phases_required_questions")),
        )
        config.phases_required_questions = [
            k for k in config.phases_required_questions if k not in unknown
        ]
