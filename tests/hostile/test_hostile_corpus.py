# ruff: noqa: E501  (expected warnings are compared as exact, whole lines)
"""A bad-input corpus: one small root per case, its exact warnings, and a site that still builds.

Each root under ``tests/hostile/roots`` is built once, as a user runs ``sphinx-build``
(no ``-W``): the build must finish with exit code 0 and no traceback, render every page, and
report each problem exactly once, located (``file:line``), saying what was found and what was
expected. The defects this corpus found have tests of their own below, kept as regression
tests after their fix.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.hostile.helpers import HOSTILE_ROOTS, Build

EXPECTED: dict[str, list[str]] = {
    "config-items": [
        "conf.py:2: WARNING: phases_sequence: 'Bad Id' is not valid: expected lower-case letters, digits and '-' (perhaps 'bad-id') [phases.config]",
        "conf.py:2: WARNING: phases_sequence: an item is a list; expected a phase id or a mapping of one parent id to a list of sub-phase ids [phases.config]",
        "conf.py:2: WARNING: phases_sequence: an item is a mapping of 2 keys; expected a phase id or a mapping of one parent id to a list of sub-phase ids [phases.config]",
        "conf.py:2: WARNING: phases_sequence: an item is empty; expected a phase id or a mapping of one parent id to a list of sub-phase ids [phases.config]",
        "conf.py:2: WARNING: phases_sequence: the sub-phases of 'b' is the text 'c'; expected a list [phases.config]",
        "conf.py:3: WARNING: phases_loops: an item is a list; expected a mapping like {from: live, to: discovery} [phases.config]",
        "conf.py:3: WARNING: phases_loops: an item is a number (3); expected a mapping like {from: live, to: discovery} [phases.config]",
        "conf.py:2: WARNING: phases_sequence item '5' is not declared by any page; expected the id of a phase [phases.unknown]",
    ],
    "config-types": [
        "conf.py:2: WARNING: phases_sequence = {'a': 1} is not valid: expected a list of phase ids, or the path of a YAML file; the default is used [phases.config]",
        "conf.py:3: WARNING: phases_loops = 'a' is not valid: expected a list of {'from': ID, 'to': ID} mappings; the default is used [phases.config]",
        "conf.py:4: WARNING: phases_navigation = 'left' is not valid: expected one of 'bottom', 'top', 'both', 'none'; the default is used [phases.config]",
        "conf.py:5: WARNING: phases_theme_nav = 'yes' is not valid: expected True or False; the default is used [phases.config]",
        "conf.py:6: WARNING: phases_hide_drafts = 1 is not valid: expected True or False; the default is used [phases.config]",
        "conf.py:7: WARNING: phases_pictograms = ['a.svg'] is not valid: expected a mapping of pictogram names to file paths; the default is used [phases.config]",
        "conf.py:8: WARNING: phases_pictogram_dirs = '_pictograms' is not valid: expected a list of folder paths; the default is used [phases.config]",
        "conf.py:9: WARNING: phases_questions = {'Bad Key': 'x'} is not valid: expected a mapping of question keys (like 'objective') to heading templates; the default is used [phases.config]",
        "conf.py:10: WARNING: phases_required_questions = 'objective' is not valid: expected a list of question keys; the default is used [phases.config]",
        "conf.py:11: WARNING: phases_json = None is not valid: expected True or False; the default is used [phases.config]",
        "conf.py:12: WARNING: phases_default_pictogram = '' is not valid: expected a pictogram name, or None; the default is used [phases.config]",
    ],
    # Profiles (issue 23, "Bad input"): each mistake in a profile file at its line, each
    # in a page at its option's line; one warning each, and the build goes on.
    "profile-alias": [
        "profile.yml:3: WARNING: phases_profile: the file is not read: it uses an alias (*t); expected plain YAML without anchors and aliases; the gov-uk profile is used [phases.config]",
    ],
    "profile-malformed": [
        "profile.yml:4: WARNING: phases_profile: the file does not parse as YAML (expected ',' or ']', but got '<stream end>'); expected a mapping of a profile's parts (title, labels, decisions, criteria...); the gov-uk profile is used [phases.config]",
    ],
    "profile-mistakes": [
        "procurement.yml:3: WARNING: profile: labels 'en' renames 'Nxt phase', which is not a message of the extension; expected a message id as `sphinx-phases labels` lists it (did you mean 'Next phase'?) [phases.config]",
        "procurement.yml:6: WARNING: profile: a decision has no means; expected id, label, means [phases.config]",
        "procurement.yml:7: WARNING: profile: decision 'drop' means 'vanish'; expected one of pending, proceed, proceed-with-conditions, wait, return, stop [phases.config]",
        "procurement.yml:8: WARNING: profile: decision 'hold' means 'hold'; expected one of pending, proceed, proceed-with-conditions, wait, return, stop [phases.config]",
        "discovery.md:7: WARNING: phase-gate: outcome 'pass' is not valid: expected one of the profile's decisions: award [phases.option]",
        "discovery.md:8: WARNING: phase-gate: decisions 'award, cancel' is not valid: 'cancel' is not a decision of the profile; expected ids among award [phases.option]",
        "discovery.md:12: WARNING: phase-criteria: kind 'shuold' is not valid: expected one of the profile's kinds of criteria: must, should (did you mean 'should'?) [phases.option]",
    ],
    "profile-mistakes-rst": [
        "conf.py:3: WARNING: phases_labels renames 'Nxt phase', which is not a message of the extension; expected a message id as `sphinx-phases labels` lists it (did you mean 'Next phase'?) [phases.config]",
        "discovery.rst:7: WARNING: phase-gate: outcome 'met' is not valid: expected one of the profile's decisions: pending, go, kill, hold, recycle [phases.option]",
        "discovery.rst:8: WARNING: phase-gate: decisions 'go, approve' is not valid: 'approve' is not a decision of the profile; expected ids among pending, go, kill, hold, recycle [phases.option]",
        "discovery.rst:12: WARNING: phase-criteria: kind 'could' is not valid: expected one of the profile's kinds of criteria: must, should (did you mean 'should'?) [phases.option]",
    ],
    # A link that leads out of the project: named, never read.
    "profile-outside": [
        "conf.py:2: WARNING: phases_profile names 'linked.yml', which resolves outside the project; expected a YAML file inside the source or configuration directory; the gov-uk profile is used [phases.config]",
    ],
    "frontmatter-and-directive": [
        "a.md:2: WARNING: front matter 'phase' declares a phase on a page whose phase directive declares one too; expected one declaration per page, so the front matter is ignored [phases.duplicate]",
    ],
    "frontmatter": [
        "fm-bool.md:2: WARNING: front matter 'phase': 'status' is a boolean (true); expected a string [phases.option]",
        "fm-bool.md:2: WARNING: front matter 'phase': color '12' is not valid: expected a CSS colour: a colour name, transparent, currentcolor, #rgb, #rgba, #rrggbb, #rrggbbaa, rgb(...), hsl(...), hwb(...), lab(...), lch(...), oklab(...), oklch(...) or var(--name) [phases.option]",
        "fm-deep.md:4: WARNING: front matter 'phase': 'title' is a mapping; expected a string [phases.option]",
        "fm-deep.md:9: WARNING: front matter 'phase': 'next' is a mapping; expected a string [phases.option]",
        "fm-id-list.md:2: WARNING: front matter 'phase': 'id' is a list; expected a string [phases.option]",
        "fm-list.md:2: WARNING: front matter 'phase' is a list; expected a mapping with at least an 'id' (e.g. 'phase: {id: alpha}') [phases.option]",
        "fm-null.md:2: WARNING: front matter 'phase' is empty; expected a mapping with at least an 'id' (e.g. 'phase: {id: alpha}') [phases.option]",
        "fm-number.md:2: WARNING: front matter 'phase' is a number (3.5); expected a mapping with at least an 'id' (e.g. 'phase: {id: alpha}') [phases.option]",
        "fm-text.md:2: WARNING: front matter 'phase' is the text 'alpha'; expected a mapping with at least an 'id' (e.g. 'phase: {id: alpha}') [phases.option]",
    ],
    "ids": [
        "capitals.md:3: WARNING: phase directive: id 'Alpha' is not valid: expected lower-case letters, digits and '-' (perhaps 'alpha') [phases.option]",
        "empty.md:3: WARNING: phase directive: no phase id; expected an 'id' [phases.option]",
        "quotes.md:3: WARNING: phase directive: id '\"\"' is not valid: expected lower-case letters, digits and '-' [phases.option]",
        "spaces.md:3: WARNING: phase directive: id 'public beta' is not valid: expected lower-case letters, digits and '-' (perhaps 'public-beta') [phases.option]",
        "trailing.md:3: WARNING: phase directive: id 'beta-' is not valid: expected lower-case letters, digits and '-' (perhaps 'beta') [phases.option]",
    ],
    "option-color": [
        "brace.md:4: WARNING: phase directive: color 'red;} body{display:none' is not valid: expected a CSS colour: a colour name, transparent, currentcolor, #rgb, #rgba, #rrggbb, #rrggbbaa, rgb(...), hsl(...), hwb(...), lab(...), lch(...), oklab(...), oklch(...) or var(--name) [phases.option]",
        "expr.md:4: WARNING: phase directive: color 'expression(alert(1))' is not valid: expected a CSS colour: a colour name, transparent, currentcolor, #rgb, #rgba, #rrggbb, #rrggbbaa, rgb(...), hsl(...), hwb(...), lab(...), lch(...), oklab(...), oklch(...) or var(--name) [phases.option]",
        "url.md:4: WARNING: phase directive: color 'url(javascript:alert(1))' is not valid: expected a CSS colour: a colour name, transparent, currentcolor, #rgb, #rgba, #rrggbb, #rrggbbaa, rgb(...), hsl(...), hwb(...), lab(...), lch(...), oklab(...), oklch(...) or var(--name) [phases.option]",
    ],
    "option-links": [
        "a.md:4: WARNING: phase directive: previous 'Bad Id' is not valid: expected lower-case letters, digits and '-' (perhaps 'bad-id') [phases.option]",
        "a.md:5: WARNING: phase directive: next 'ALPHA' is not valid: expected lower-case letters, digits and '-' (perhaps 'alpha') [phases.option]",
        "a.md:6: WARNING: phase directive: parent 'x y' is not valid: expected lower-case letters, digits and '-' (perhaps 'x-y') [phases.option]",
        "a.md:7: WARNING: phase directive: loops-to 'b!' is not valid: expected lower-case letters, digits and '-' (perhaps 'b') [phases.option]",
        "b.md:4: WARNING: phase directive: previous '' is not valid: expected lower-case letters, digits and '-' [phases.option]",
        "b.md:5: WARNING: phase directive: next '-' is not valid: expected lower-case letters, digits and '-' [phases.option]",
        "b.md:6: WARNING: phase directive: parent '--' is not valid: expected lower-case letters, digits and '-' [phases.option]",
        "b.md:7: WARNING: phase directive: loops-to 'b_' is not valid: expected lower-case letters, digits and '-' (perhaps 'b') [phases.option]",
    ],
    "option-links-unknown": [
        "a.md:4: WARNING: previous phase 'ghost' is not declared by any page; expected the id of a phase [phases.unknown]",
        "a.md:5: WARNING: next phase 'spectre' is not declared by any page; expected the id of a phase [phases.unknown]",
        "a.md:6: WARNING: parent 'phantom' is not declared by any page; expected the id of a phase [phases.unknown]",
        "a.md:7: WARNING: loop target 'wraith' is not declared by any page; expected the id of a phase [phases.unknown]",
    ],
    "option-pictogram": [
        "a.md:4: WARNING: phase directive: pictogram '../../etc/passwd' is not valid: expected a pictogram name (letters, digits, '-', '_' and '.') [phases.option]",
        "c.md:4: WARNING: phase directive: pictogram '<script>' is not valid: expected a pictogram name (letters, digits, '-', '_' and '.') [phases.option]",
        "b.md:3: WARNING: pictogram 'nosuch' is not known; expected a built-in pictogram or one from phases_pictograms [phases.pictogram]",
    ],
    "option-status": [
        "a.md:4: WARNING: phase directive: status 'Draft' is not valid: expected one of 'draft', 'review', 'published' (did you mean 'draft'?) [phases.option]",
        "b.md:4: WARNING: phase directive: status '<b>published</b>' is not valid: expected one of 'draft', 'review', 'published' (did you mean 'published'?) [phases.option]",
    ],
    "option-title": [
        "blank.md:4: WARNING: phase directive: title '' is not valid: expected some text [phases.option]",
        "blank.md:5: WARNING: phase directive: subtitle '' is not valid: expected some text [phases.option]",
        "blank.md:6: WARNING: phase directive: noun '' is not valid: expected some text [phases.option]",
        "blank.md:7: WARNING: phase directive: duration '' is not valid: expected some text [phases.option]",
        "blank.md:8: WARNING: phase directive: team '' is not valid: expected some text [phases.option]",
        "empty.md:4: WARNING: phase directive: title '' is not valid: expected some text [phases.option]",
    ],
    "outputs-bad-phase": [
        "a.md:6: WARNING: phase-activities: phase 'Bad Id' is not valid: expected a phase id [phases.option]",
    ],
    "outputs-no-list": [
        "a.md:6: WARNING: phase-outputs: no bullet list; expected one item per line, each starting with '- ' [phases.option]",
        "a.md:10: WARNING: phase-activities: no bullet list; expected one item per line, each starting with '- ' [phases.option]",
        "a.md:13: WARNING: phase-outputs: no bullet list; expected one item per line, each starting with '- ' [phases.option]",
    ],
    "outputs-pictogram-only": [
        "a.md:7: WARNING: phase-outputs: an item has a pictogram but no label; expected text after it [phases.option]",
        "a.md:8: WARNING: phase-outputs: an item has a pictogram but no label; expected text after it [phases.option]",
        "a.md:10: WARNING: phase-outputs: an item has no text; expected a label [phases.option]",
    ],
    "parent-cycle": [
        "c.md:4: WARNING: parents form a cycle: 'a' -> 'c' -> 'b' -> 'a'; expected a parent chain that ends at a top-level phase, so 'c' is treated as top-level [phases.cycle]",
        "p.md:4: WARNING: phase 'p' names itself as its parent; expected another phase [phases.cycle]",
    ],
    # Required questions with an empty section, or the text `sphinx-phases new` wrote,
    # are unanswered; a sub-phase (sub.md) is exempt.
    "question-unanswered": [
        "a.md:6: WARNING: phase 'a' does not answer the required question 'objective': its phase-question objective section is empty; expected an answer in it [phases.question]",
        "a.md:9: WARNING: phase 'a' does not answer the required question 'team': its phase-question team section still holds the text sphinx-phases new wrote; expected the answer in its place [phases.question]",
        "a.md:13: WARNING: phase 'a' does not answer the required question 'outputs': its phase-question outputs section still holds the text sphinx-phases new wrote; expected the answer in its place [phases.question]",
        "a.md:19: WARNING: phase 'a' does not answer the required question 'duration': its phase-question duration section is empty; expected an answer in it [phases.question]",
    ],
    "question-unknown": [
        "a.md:6: WARNING: phase-question: key 'nonsense' is not configured; expected one of objective, contents, duration, team, outputs [phases.question]",
        "a.md:10: WARNING: phase-question: key 'Objective' is not configured; expected one of objective, contents, duration, team, outputs (did you mean 'objective'?) [phases.question]",
    ],
    "role-empty-pictogram": [
        "a.md:6: WARNING: a pictogram has an empty name; expected the name of a built-in pictogram or one from phases_pictograms [phases.pictogram]",
        "a.md:9: WARNING: a pictogram has an empty name; expected the name of a built-in pictogram or one from phases_pictograms [phases.pictogram]",
    ],
    "rst": [
        "a.rst:4: WARNING: phase directive: id 'Public Beta' is not valid: expected lower-case letters, digits and '-' (perhaps 'public-beta') [phases.option]",
        "a.rst:5: WARNING: phase directive: status 'finished' is not valid: expected one of 'draft', 'review', 'published' [phases.option]",
        "a.rst:6: WARNING: phase directive: color 'red;} body{display:none' is not valid: expected a CSS colour: a colour name, transparent, currentcolor, #rgb, #rgba, #rrggbb, #rrggbbaa, rgb(...), hsl(...), hwb(...), lab(...), lch(...), oklab(...), oklch(...) or var(--name) [phases.option]",
        "a.rst:7: WARNING: phase directive: title '' is not valid: expected some text [phases.option]",
        "b.rst:5: WARNING: phase directive: previous 'Alpha!' is not valid: expected lower-case letters, digits and '-' (perhaps 'alpha') [phases.option]",
        "b.rst:8: WARNING: phase-outputs: no bullet list; expected one item per line, each starting with '- ' [phases.option]",
        "c.rst:5: WARNING: phase directive: color '\"></style><script>alert(1)</script>' is not valid: expected a CSS colour: a colour name, transparent, currentcolor, #rgb, #rgba, #rrggbb, #rrggbbaa, rgb(...), hsl(...), hwb(...), lab(...), lch(...), oklab(...), oklch(...) or var(--name) [phases.option]",
        "c.rst:8: WARNING: this page already declares phase 'c' (line 4); expected at most one phase per page, so 'd' is ignored [phases.duplicate]",
        "c.rst:9: WARNING: phase directive: color '#fff; background: url(x)' is not valid: expected a CSS colour: a colour name, transparent, currentcolor, #rgb, #rgba, #rrggbb, #rrggbbaa, rgb(...), hsl(...), hwb(...), lab(...), lch(...), oklab(...), oklch(...) or var(--name) [phases.option]",
        "b.rst:4: WARNING: pictogram 'nosuch' is not known; expected a built-in pictogram or one from phases_pictograms [phases.pictogram]",
        "b.rst:12: WARNING: phase-question: key 'nonsense' is not configured; expected one of objective, contents, duration, team, outputs [phases.question]",
    ],
    "self-links": [
        "a.md:4: WARNING: phase 'a' names itself as its previous; expected a neighbouring phase [phases.cycle]",
        "b.md:4: WARNING: phase 'b' names itself as its next; expected a neighbouring phase [phases.cycle]",
        "c.md:4: WARNING: phase 'c' loops to itself; expected a loop back to an earlier phase [phases.cycle]",
    ],
    # A bare phase-table (and an empty :columns:) shows the default columns, silently.
    "table-no-columns": [],
    "two-starts": [
        "x.md:3: WARNING: phases 'x', 'y' form a sequence that phases_sequence does not reach; expected them in the sequence [phases.orphan]",
    ],
    "yaml-items": [
        "phases.yml:4: WARNING: sequence: an item is empty; expected a phase id or a mapping of one parent id to a list of sub-phase ids [phases.config]",
        "phases.yml:5: WARNING: sequence: an item is a list; expected a phase id or a mapping of one parent id to a list of sub-phase ids [phases.config]",
        "phases.yml:6: WARNING: sequence: the sub-phases of 'b' is the text 'c'; expected a list [phases.config]",
        "phases.yml:7: WARNING: sequence: 'Bad Id' is not valid: expected lower-case letters, digits and '-' (perhaps 'bad-id') [phases.config]",
        "phases.yml:9: WARNING: loops: an item is the text 'nope'; expected a mapping like {from: live, to: discovery} [phases.config]",
        "phases.yml:10: WARNING: loops: an item is a list; expected a mapping like {from: live, to: discovery} [phases.config]",
        "phases.yml:3: WARNING: phases_sequence item '3' is not declared by any page; expected the id of a phase [phases.unknown]",
    ],
    "yaml-list-file": [
        "phases.yml:1: WARNING: phases_sequence: the file holds a list; expected a mapping with a 'sequence' list [phases.config]",
    ],
    "yaml-loop-forward": [
        "phases.yml:3: WARNING: phase 'a' loops to 'b', which comes after it; expected a loop back to an earlier phase [phases.cycle]",
    ],
    "yaml-loop-self": [
        "phases.yml:3: WARNING: phase 'b' loops to itself; expected a loop back to an earlier phase [phases.cycle]",
    ],
    "yaml-shapes": [
        "phases.yml:1: WARNING: sequence is a mapping; expected a list [phases.config]",
        "phases.yml:2: WARNING: loops is a number (5); expected a list [phases.config]",
        "phases.yml:3: WARNING: phases_sequence: the file has the unknown key 'extra'; expected 'sequence' and optionally 'loops' and 'stages' [phases.config]",
    ],
    "yaml-syntax": [
        "phases.yml:4: WARNING: phases_sequence: the file does not parse as YAML (expected ',' or ']', but got ':'); expected a mapping with a 'sequence' list; the default sequence is used [phases.config]",
    ],
    "yaml-tab": [
        "phases.yml:2: WARNING: phases_sequence: the file does not parse as YAML (found character '\\t' that cannot start any token); expected a mapping with a 'sequence' list; the default sequence is used [phases.config]",
    ],
    "yaml-two-parents": [
        "phases.yml:3: WARNING: phases_sequence lists 'c' more than once; expected each phase once [phases.duplicate]",
    ],
    "yaml-unknown": [
        "phases.yml:1: WARNING: phases_sequence item 'ghost' is not declared by any page; expected the id of a phase [phases.unknown]",
        "phases.yml:1: WARNING: phases_sequence item 'phantom' is not declared by any page; expected the id of a phase [phases.unknown]",
        "phases.yml:1: WARNING: phases_sequence item 'spirit' is not declared by any page; expected the id of a phase [phases.unknown]",
        "phases.yml:3: WARNING: loop target 'wraith' is not declared by any page; expected the id of a phase [phases.unknown]",
        "phases.yml:4: WARNING: loop source 'spectre' is not declared by any page; expected the id of a phase [phases.unknown]",
    ],
    "config-required-unknown": [
        "conf.py:2: WARNING: phases_required_questions names 'nosuch', which phases_questions does not configure; expected keys among objective, contents, duration, team, outputs; they are ignored [phases.config]",
    ],
    "id-lookalike": [
        "lookalike.md:3: WARNING: phase directive: id '\u0430lpha' is not valid: expected lower-case letters, digits and '-' (it contains '\u0430', U+0430 CYRILLIC SMALL LETTER A) [phases.option]",
    ],
    "include": [
        "_part.txt:2: WARNING: phase directive: status 'bogus' is not valid: expected one of 'draft', 'review', 'published' [phases.option]",
    ],
    # A declaration in an included file (issue 15 item 4) is reported there: values at
    # their option's line, sequence problems at the link's or the directive's line.
    "include-myst": [
        "parts/_beta-decl.md:4: WARNING: phase directive: status 'bogus' is not valid: expected one of 'draft', 'review', 'published' [phases.option]",
        "parts/_extra-decl.md:3: WARNING: phase 'alpha' is already declared by page 'alpha' (line 3); expected each id on one page only [phases.duplicate]",
        "parts/_beta-decl.md:3: WARNING: next phase 'lve' is not declared by any page; expected the id of a phase (did you mean 'live'?) [phases.unknown]",
        "parts/_beta-decl.md:2: WARNING: phase 'beta' names 'live' as its previous, but 'alpha' says its next is 'beta'; expected both pages to agree (this page's navigation follows its own link) [phases.asymmetric]",
    ],
    "include-rst": [
        "parts/_beta-decl.rst:4: WARNING: phase directive: status 'bogus' is not valid: expected one of 'draft', 'review', 'published' [phases.option]",
        "parts/_extra-decl.rst:3: WARNING: phase 'alpha' is already declared by page 'alpha' (line 4); expected each id on one page only [phases.duplicate]",
        "parts/_beta-decl.rst:3: WARNING: next phase 'lve' is not declared by any page; expected the id of a phase (did you mean 'live'?) [phases.unknown]",
        "parts/_beta-decl.rst:2: WARNING: phase 'beta' names 'live' as its previous, but 'alpha' says its next is 'beta'; expected both pages to agree (this page's navigation follows its own link) [phases.asymmetric]",
    ],
    "loop-missing-key": [
        "phases.yml:3: WARNING: loops: an item is a mapping, without 'to'; expected a mapping like {from: live, to: discovery} [phases.config]",
    ],
    "outputs-nested": [
        "a.md:8: WARNING: phase-outputs: an item holds a nested list; expected one level of items (nested ones are shown, but only the item is recorded for overviews and phases.json) [phases.option]",
    ],
    "parent-disagrees": [
        "a.md:4: WARNING: phase 'a' declares parent 'c', but phases_sequence puts it under 'b'; expected both to name the same parent (the page's own is used) [phases.asymmetric]",
    ],
    "table-text": [],
    "table-unknown-column": [
        "index.md:7: WARNING: phase-table: column 'nope' is not known; expected one of id, title, subtitle, status, duration, team, summary, activities, outputs, previous, next, stage, gate, objective, contents [phases.option]",
    ],
    # One typo'd id, named by a link, the sequence, another link and a role: the
    # declaration is reported first, as the typo, with the id everything else expects
    # (not the other way round); the orphan it leaves is not a second problem.
    "typo-declared-id": [
        "beta.md:3: WARNING: phase id 'betta' looks like a typo for 'beta': no page declares 'beta', yet phases.yml (line 1), page 'alpha' (line 4) and page 'live' (line 4) name it, and nothing names 'betta'; expected 'beta' [phases.unknown]",
        "about.md:3: WARNING: phase role names 'beta', which no page declares; expected the id of a phase [phases.unknown]",
    ],
    # The sequence misspells a page's id: the sequence is the typo (and the page it leaves
    # out is not reported as an orphan too).
    "typo-sequence-item": [
        "phases.yml:1: WARNING: phases_sequence item 'alpah' is not declared by any page; expected the id of a phase (did you mean 'alpha'?) [phases.unknown]",
    ],
    # Links that order phases otherwise than the toctree: the sidebar would disagree.
    "links-against-toctree": [
        "beta.md:4: WARNING: phase 'beta' names 'extra' as its next, but the toctree lists 'live' between 'beta' and 'extra'; expected the toctree in the order of the links (the sidebar follows the toctree, the phase navigation the links) [phases.asymmetric]",
        "discovery.md:5: WARNING: phase 'discovery' names 'alpha' as its next, but the toctree lists 'alpha' before 'discovery'; expected the toctree in the order of the links (the sidebar follows the toctree, the phase navigation the links) [phases.asymmetric]",
    ],
    # A previous that disagrees with phases_sequence is asymmetric, although following
    # it would also close a cycle; reported at the :previous: line.
    "previous-against-sequence": [
        "a.md:5: WARNING: phase 'a' names 'c' as its previous, but phases_sequence puts 'a' before 'c' ('a' -> 'b' -> 'c'); expected the page and phases_sequence to agree (this page's navigation follows its own link) [phases.asymmetric]",
    ],
    # Did you mean, for values and question keys; an unquoted #hex colour; a loop at its
    # own line.
    "did-you-mean": [
        "a.md:4: WARNING: front matter 'phase': status 'in-review' is not valid: expected one of 'draft', 'review', 'published' (did you mean 'review'?) [phases.option]",
        "a.md:5: WARNING: front matter 'phase': 'color' is empty; expected a string (quote a #hex colour, as in \"#f47738\": unquoted, '#' starts a comment) [phases.option]",
        "a.md:6: WARNING: front matter 'phase': unknown key 'colour'; expected one of id, title, subtitle, previous, next, parent, loops-to, status, pictogram, color, noun, duration, team, summary (did you mean 'color'?) [phases.option]",
        "a.md:10: WARNING: phase-question: key 'durations' is not configured; expected one of objective, contents, duration, team, outputs (did you mean 'duration'?) [phases.question]",
        "b.md:5: WARNING: phase 'b' loops to itself; expected a loop back to an earlier phase [phases.cycle]",
        "b.md:8: WARNING: phase-question: key 'gaols' is not configured; expected one of objective, contents, duration, team, outputs [phases.question]",
    ],
    "yaml-alias-bomb": [
        "phases.yml:2: WARNING: phases_sequence: the file is not read: it uses an alias (*x0); expected plain YAML without anchors and aliases; the default sequence is used [phases.config]",
    ],
    "yaml-deep": [
        "phases.yml:1: WARNING: phases_sequence: the file nests too deeply to read; expected a mapping with a 'sequence' list; the default sequence is used [phases.config]",
    ],
    "yaml-empty": [
        "phases.yml:1: WARNING: phases_sequence: the file is empty; expected a mapping with a 'sequence' list; the default sequence is used [phases.config]",
    ],
    "yaml-missing": [
        "conf.py:2: WARNING: phases_sequence names 'missing.yml', which is not a file; expected the path of a YAML file, relative to the configuration directory; the default sequence is used [phases.config]",
    ],
    # Gates (docs/reference/gates.md): an after or before naming no phase, or a gate.
    "gate-after-unknown": [
        "c.md:6: WARNING: gate 'typo' comes after 'bb', which no page declares; expected the id of a phase [phases.unknown]",
        "c.md:12: WARNING: gate 'nothing-like' comes after 'zzzz', which no page declares; expected the id of a phase [phases.unknown]",
        "c.md:18: WARNING: gate 'after-gate' comes after 'a-review', which is a gate; expected the id of a phase [phases.unknown]",
        "c.md:24: WARNING: gate 'before-gate' comes before 'a-review', which is a gate; expected the id of a phase [phases.unknown]",
        "c.md:31: WARNING: gate 'before-unknown' comes before 'cc', which no page declares; expected the id of a phase [phases.unknown]",
    ],
    # Gates in an included file: located there; a message naming one names its file.
    "gate-include": [
        "b.md:6: WARNING: gate 'a-review' is declared again (first in _gates.md, line 3); expected one declaration per gate [phases.duplicate]",
        "parts/_gates.md:4: WARNING: phase-gate: outcome 'passed' is not valid: expected one of the profile's decisions: pending, met, met-with-conditions, not-met [phases.option]",
        "parts/_gates.md:9: WARNING: gate 'later' comes after 'bb', which no page declares; expected the id of a phase [phases.unknown]",
    ],
    # A gate between phases that are not neighbours, a gate before itself, backwards, or
    # closing a phase that is not the final one with :before: empty.
    "gate-not-neighbours": [
        "a.md:6: WARNING: gate 'skip' stands between 'a' and 'c', which are not neighbours in the sequence; expected :before: 'b' [phases.gate]",
        "a.md:12: WARNING: gate 'self' stands between 'a' and 'a', which are not neighbours in the sequence; expected :before: 'b' [phases.gate]",
        "c.md:6: WARNING: gate 'backwards' stands between 'c' and 'a', which are not neighbours in the sequence; expected :before: empty [phases.gate]",
        "c.md:12: WARNING: gate 'too-early' closes 'a' with no phase after it, but 'b' follows; expected :before: left out, or a gate after the final phase [phases.gate]",
    ],
    # Two gates on one boundary: after the same phase, or after a whole family and after its
    # last sub-phase (both stand before c); the first in page and line order holds it.
    "gate-one-boundary": [
        "a.md:11: WARNING: gate 'second' stands on the boundary after 'a' that gate 'first' (a, line 6) already holds; expected one gate per boundary [phases.gate]",
        "b2.md:6: WARNING: gate 'b2-review' stands on the boundary before 'c' that gate 'b-review' (b, line 6) already holds; expected one gate per boundary [phases.gate]",
        "c.md:6: WARNING: gate 'third' stands on the boundary after 'a' that gate 'first' (a, line 6) already holds; expected one gate per boundary [phases.gate]",
    ],
    # Gates and phases share one set of ids; a gate declared twice keeps its first
    # declaration (one declared again on its own page is no duplicate HTML id either).
    "gate-id-of-phase": [
        "a.md:6: WARNING: gate 'b' has the id of a phase; expected an id no phase or gate uses (they share one namespace) [phases.duplicate]",
        "a.md:16: WARNING: gate 'a-review' is declared again (first in a, line 11); expected one declaration per gate [phases.duplicate]",
        "b.md:6: WARNING: gate 'a-review' is declared again (first in a, line 11); expected one declaration per gate [phases.duplicate]",
    ],
    # reStructuredText: each value at its option's line, the gate's own problems at its
    # directive's.
    "gate-rst": [
        "a.rst:6: WARNING: phase-gate: id 'A Review' is not valid: expected lower-case letters, digits and '-' (perhaps 'a-review') [phases.option]",
        "a.rst:12: WARNING: phase-gate: outcome 'passed' is not valid: expected one of the profile's decisions: pending, met, met-with-conditions, not-met [phases.option]",
        "a.rst:13: WARNING: phase-gate: date '2026/05/04' is not valid: expected an ISO date such as 2026-05-04 [phases.option]",
        "a.rst:14: WARNING: phase-gate: ratings '1 - green' is not valid: expected 'POINT: RATING' pairs, ratings among green, amber, red [phases.option]",
        "a.rst:15: WARNING: phase-gate: before 'b!' is not valid: expected lower-case letters, digits and '-' (perhaps 'b') [phases.option]",
        "a.rst:11: WARNING: phase-gate: gate 'a-review' has no criteria; expected a bullet list in its body, one criterion per item [phases.gate]",
        "a.rst:19: WARNING: gate 'late' comes after 'bb', which no page declares; expected the id of a phase [phases.unknown]",
    ],
    # Decisions outside the allowed words and dates that are not ISO dates: the value is
    # left out, at its option's line.
    "gate-values": [
        "a.md:7: WARNING: phase-gate: outcome 'passed' is not valid: expected one of the profile's decisions: pending, met, met-with-conditions, not-met [phases.option]",
        "a.md:8: WARNING: phase-gate: date '4 May 2026' is not valid: expected an ISO date such as 2026-05-04 [phases.option]",
        "a.md:10: WARNING: phase-gate: ratings '1: blue' is not valid: expected 'POINT: RATING' pairs, ratings among green, amber, red [phases.option]",
        "b.md:7: WARNING: phase-gate: outcome 'Met' is not valid: expected one of the profile's decisions: pending, met, met-with-conditions, not-met (did you mean 'met'?) [phases.option]",
        "b.md:8: WARNING: phase-gate: date '2026-13-01' is not valid: expected an ISO date such as 2026-05-04 [phases.option]",
        "b.md:10: WARNING: phase-gate: ratings '1 green' is not valid: expected 'POINT: RATING' pairs, ratings among green, amber, red [phases.option]",
        "c.md:7: WARNING: phase-gate: outcome '<b>met</b>' is not valid: expected one of the profile's decisions: pending, met, met-with-conditions, not-met [phases.option]",
        "c.md:8: WARNING: phase-gate: date '2026-05-04; drop' is not valid: expected an ISO date such as 2026-05-04 [phases.option]",
        "c.md:10: WARNING: phase-gate: ratings '1: green, 2: <script>' is not valid: expected 'POINT: RATING' pairs, ratings among green, amber, red [phases.option]",
        "d.md:8: WARNING: phase-gate: ratings '1: green, 2: amber, 1: red' is not valid: point '1' is rated twice; expected one rating per point [phases.option]",
    ],
    # Standards (docs/reference/standards.md). Inline standards in conf.py: each problem at
    # the setting's line, each standard read on its own.
    "standard-inline": [
        "conf.py:2: WARNING: phases_standards: standard 'm' has the point id 'a b'; expected letters and digits, with '.', '-' or '_' between them, without spaces, commas or colons [phases.standard]",
        "conf.py:2: WARNING: phases_standards: standard 'm' has the point id 'all' (it names every point in gates); expected letters and digits, with '.', '-' or '_' between them, without spaces, commas or colons [phases.standard]",
        "conf.py:2: WARNING: phases_standards: standard 's' has the point '2' without a 'title'; expected the point's title [phases.standard]",
        "conf.py:2: WARNING: phases_standards: standard 's' lists the point '1' twice, first above; expected each point id once [phases.standard]",
        "conf.py:2: WARNING: phases_standards: standard 'u' has the point '9' with a 'url' set to 'javascript:alert(1)'; expected an http:// or https:// address [phases.standard]",
        "conf.py:2: WARNING: phases_standards: standard 'u' has the unknown key 'colour'; expected 'title', 'url' and 'points' [phases.standard]",
    ],
    # A file that cannot be used is reported where it is named or at its line, and then (the
    # mistake first) the gate assessing its points says why they are unknown.
    "standard-missing": [
        "conf.py:2: WARNING: phases_standards: standard 's' names 'missing.yml', which is not a file; expected the path of a YAML file, relative to the configuration directory [phases.standard]",
        "a.md:6: WARNING: gate 'a-gate': point '1' is not a point of the standard 's', which has no point that could be read; expected its points fixed first [phases.unknown]",
    ],
    "standard-empty": [
        "standard.yml:1: WARNING: standard 's' is empty; expected a mapping with 'title' and a 'points' list, or a list of points [phases.standard]",
        "a.md:6: WARNING: gate 'a-gate': point '1' is not a point of the standard 's', which has no point that could be read; expected its points fixed first [phases.unknown]",
    ],
    "standard-not-mapping": [
        "standard.yml:1: WARNING: standard 's' holds the text 'just some words'; expected a mapping with 'title' and a 'points' list, or a list of points [phases.standard]",
        "a.md:6: WARNING: gate 'a-gate': point '1' is not a point of the standard 's', which has no point that could be read; expected its points fixed first [phases.unknown]",
    ],
    "standard-duplicate-points": [
        "standard.yml:5: WARNING: standard 's' lists the point '1' twice, first at line 3; expected each point id once [phases.standard]",
        "standard.yml:6: WARNING: standard 's' lists the point '1' twice, first at line 3; expected each point id once [phases.standard]",
    ],
    "standard-no-title": [
        "standard.yml:3: WARNING: standard 's' has the point '1' without a 'title'; expected the point's title [phases.standard]",
        "standard.yml:4: WARNING: standard 's' has the point '2' with a 'title' that is empty; expected text [phases.standard]",
        "standard.yml:6: WARNING: standard 's' has the point '4' with a 'title' set to a list; expected text [phases.standard]",
        "a.md:6: WARNING: gate 'a-gate': point '1' is not a point of the standard 's'; expected '3' [phases.unknown]",
    ],
    # An alias bomb is refused before anything is expanded.
    "standard-alias-bomb": [
        "standard.yml:3: WARNING: standard 's' is not read: it uses an alias (*x0); expected plain YAML without anchors and aliases [phases.standard]",
        "a.md:6: WARNING: gate 'a-gate': point '1' is not a point of the standard 's', which has no point that could be read; expected its points fixed first [phases.unknown]",
    ],
    # A Python tag constructs nothing, and is reported where it stands.
    "standard-python-tag": [
        "standard.yml:1: WARNING: standard 's' has a 'title' set to a Python object ('!!python/object/apply:os.system'); expected text [phases.standard]",
    ],
    # Citations and :standard: naming a point or a standard that is not configured.
    "standard-citations": [
        "a.md:6: WARNING: gate 'a-gate': point 'tcop:1' names the standard 'tcop', which phases_standards does not configure; expected 's' [phases.unknown]",
        "a.md:9: WARNING: standard role: point 'tcop:2' names the standard 'tcop', which phases_standards does not configure; expected 's' [phases.unknown]",
        "a.md:10: WARNING: standard role: point '8' is not a point of the standard 's'; expected '1' or '2' [phases.unknown]",
        "b.md:6: WARNING: gate 'b-gate': point 'tcop:all' names the standard 'tcop', which phases_standards does not configure; expected 's' [phases.unknown]",
        "index.md:8: WARNING: standard role: point '9' is not a point of the standard 's'; expected '1' or '2' [phases.unknown]",
        "index.md:8: WARNING: standard role: point 's:7' is not a point of the standard 's'; expected '1' or '2' [phases.unknown]",
        "index.md:8: WARNING: standard role: point 'tcop:1' names the standard 'tcop', which phases_standards does not configure; expected 's' [phases.unknown]",
        "index.md:8: WARNING: standard role: point 'tcop:3' names the standard 'tcop', which phases_standards does not configure; expected 's' [phases.unknown]",
        "index.md:13: WARNING: phase-standard names 'tcop', which is not a configured standard; expected one of: s [phases.unknown]",
    ],
    # A gate and a role naming points when no standard is configured at all.
    "standard-none-configured": [
        "a.md:6: WARNING: gate 'a-gate': point 'all' is not known: phases_standards configures no standard; expected a standard in phases_standards [phases.unknown]",
        "b.md:6: WARNING: gate 'b-gate' rates '1': point '1' is not known: phases_standards configures no standard; expected a standard in phases_standards [phases.unknown]",
        "b.md:6: WARNING: gate 'b-gate': point '1' is not known: phases_standards configures no standard; expected a standard in phases_standards [phases.unknown]",
        "b.md:6: WARNING: gate 'b-gate': point '2' is not known: phases_standards configures no standard; expected a standard in phases_standards [phases.unknown]",
        "index.md:8: WARNING: standard role: point '1' is not known: phases_standards configures no standard; expected a standard in phases_standards [phases.unknown]",
    ],
    # phases_stages in conf.py: each problem at the setting's line.
    "stage-conf": [
        "conf.py:2: WARNING: phases_stages: a stage is the text 'just text'; expected a mapping like {id: formulation, title: Formulation, phases: [phase-a, phase-b]} [phases.config]",
        "conf.py:2: WARNING: stage 'ends' holds phases that are not consecutive: 'b' comes between them in the sequence; expected a run of consecutive top-level phases [phases.stage]",
        "conf.py:2: WARNING: stage 'ghost' names 'zzzz', which no page declares; expected the id of a phase [phases.unknown]",
    ],
    # Stages (docs/reference/stages.md): phases in any order, but consecutive.
    "stage-not-consecutive": [
        "phases.yml:3: WARNING: stage 'ends' holds phases that are not consecutive: 'b' comes between them in the sequence; expected a run of consecutive top-level phases [phases.stage]",
    ],
    "stage-unknown-phase": [
        "phases.yml:3: WARNING: stage 'first' names 'bb', which no page declares; expected the id of a phase [phases.unknown]",
        "phases.yml:4: WARNING: stage 'ghost' names 'zzzz', which no page declares; expected the id of a phase [phases.unknown]",
    ],
    # A phase in two stages, and a stage configured twice.
    "stage-two-stages": [
        "phases.yml:4: WARNING: stage 'second' names 'b', which is in stage 'first' already; expected each phase in one stage at most [phases.stage]",
        "phases.yml:5: WARNING: stage 'first' is configured twice; expected one entry per stage [phases.stage]",
    ],
}


ALL_ROOTS = sorted(p.name for p in HOSTILE_ROOTS.iterdir() if p.is_dir())
LOCATED = re.compile(r"^[^:\s][^:]*:\d+: WARNING: .* \[phases\.[a-z]+\]$")

_BUILDS: dict[str, Build] = {}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """Build each root once per module run, however many tests look at it."""

    def get(name: str) -> Build:
        if name not in _BUILDS:
            base = tmp_path_factory.mktemp(name)
            srcdir = base / "src"
            shutil.copytree(HOSTILE_ROOTS / name, srcdir, symlinks=True)
            _BUILDS[name] = Build(srcdir, base / "out")
        return _BUILDS[name]

    return get


def test_every_root_is_classified() -> None:
    assert sorted(EXPECTED) == ALL_ROOTS


@pytest.mark.parametrize("root", ALL_ROOTS)
def test_build_finishes_and_renders_every_page(built, root: str) -> None:  # type: ignore[no-untyped-def]
    result = built(root)
    result.assert_finished()
    result.assert_every_page_rendered()


@pytest.mark.parametrize("root", sorted(EXPECTED))
def test_warnings_are_exact(built, root: str) -> None:  # type: ignore[no-untyped-def]
    assert built(root).warnings == EXPECTED[root]


# table-text is valid input, there for the text builder (test_phase_table_in_the_text_builder).
@pytest.mark.parametrize("root", sorted(r for r, warnings in EXPECTED.items() if warnings))
def test_each_phase_warning_is_located(built, root: str) -> None:  # type: ignore[no-untyped-def]
    warnings = built(root).phase_warnings
    assert warnings, "every hostile root must say something"
    for line in warnings:
        assert LOCATED.match(line), line
        assert "expected" in line, line  # says what was expected, not only what was found
    assert len(warnings) == len(set(warnings)), "one problem, one warning"


def test_hostile_colour_never_reaches_a_style_attribute(built) -> None:  # type: ignore[no-untyped-def]
    for root in ("option-color", "rst"):
        result = built(root)
        for page in Path(result.outdir).rglob("*.html"):
            text = page.read_text("utf8")
            assert "display:none" not in text
            assert "expression(" not in text
            assert "url(javascript" not in text
            assert "<script>alert" not in text


# -- defects: each test states what a fixed build reports -----------------------------------


def test_included_declaration_is_located_in_the_included_file(built) -> None:  # type: ignore[no-untyped-def]
    (line,) = built("include").phase_warnings
    assert line.startswith("_part.txt:2: WARNING: phase directive: status 'bogus'"), line


def test_missing_sequence_file_is_located_at_conf_py(built) -> None:  # type: ignore[no-untyped-def]
    (line,) = built("yaml-missing").phase_warnings
    assert line.startswith("conf.py:2: WARNING: "), line
    assert "missing.yml" in line


def test_deeply_nested_sequence_file_is_located(built) -> None:  # type: ignore[no-untyped-def]
    (line,) = built("yaml-deep").phase_warnings
    assert LOCATED.match(line), line
    assert "RecursionError" not in line
    assert "expected" in line


def test_empty_sequence_file_reads_well(built) -> None:  # type: ignore[no-untyped-def]
    (line,) = built("yaml-empty").phase_warnings
    assert line.startswith("phases.yml:1: WARNING: "), line
    assert "holds empty" not in line


def test_unconfigured_required_question_is_one_config_warning(built) -> None:  # type: ignore[no-untyped-def]
    (line,) = built("config-required-unknown").phase_warnings
    assert line.startswith("conf.py:2: WARNING: "), line
    assert "'nosuch'" in line
    assert line.endswith("[phases.config]")


def test_nested_output_list_is_reported(built) -> None:  # type: ignore[no-untyped-def]
    (line,) = built("outputs-nested").phase_warnings
    assert re.match(r"a\.md:[78]: WARNING: phase-outputs: .*\[phases\.option\]$", line), line


def test_unknown_table_column_is_one_warning(built) -> None:  # type: ignore[no-untyped-def]
    (line,) = built("table-unknown-column").phase_warnings
    assert line.startswith("index.md:7: WARNING: phase-table: column 'nope'"), line


def test_lookalike_id_names_the_character(built) -> None:  # type: ignore[no-untyped-def]
    (line,) = built("id-lookalike").phase_warnings
    assert line.startswith("lookalike.md:3: WARNING: "), line
    assert "'lpha'" not in line
    assert "U+0430" in line or "(perhaps 'alpha')" in line


def test_loop_missing_key_names_the_key(built) -> None:  # type: ignore[no-untyped-def]
    (line,) = built("loop-missing-key").phase_warnings
    assert line.startswith("phases.yml:3: WARNING: "), line
    assert "'to'" in line


def test_parent_that_disagrees_with_the_sequence_says_what_was_expected(built) -> None:  # type: ignore[no-untyped-def]
    (line,) = built("parent-disagrees").phase_warnings
    assert line.startswith("a.md:4: WARNING: phase 'a' declares parent 'c'"), line  # at :parent:
    assert "expected" in line


def test_a_gate_declared_again_on_its_page_has_no_anchor_of_its_own(built) -> None:  # type: ignore[no-untyped-def]
    html = (built("gate-id-of-phase").outdir / "a.html").read_text("utf8")
    assert html.count('id="gate-a-review"') == 1
    assert html.count('id="gate-a-review-title"') == 1
    assert html.count('class="phases-gate"') == 3  # b, a-review and a-review again
    # Shown where it is written, and nowhere else: the first declaration's title stands.
    assert html.count("Declared again on its page") == 1
    ends = '<a class="reference internal" href="#gate-a-review" title="A review">'
    assert f"<dt>Ends with</dt><dd><p>{ends}<span>A review</span></a></p>" in html


def test_phase_table_in_the_text_builder(tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(HOSTILE_ROOTS / "table-text", srcdir)
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-q",
        "-b",
        "text",
        str(srcdir),
        str(tmp_path / "out"),
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=15)
    except subprocess.TimeoutExpired:
        pytest.fail("the text build did not finish in 15 s")
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "out" / "index.txt").read_text("utf8")
    assert re.search(r"\| *Alpha *\| *Published *\|", text), text


def test_a_table_without_columns_shows_the_default_set(built) -> None:  # type: ignore[no-untyped-def]
    html = (built("table-no-columns").outdir / "index.html").read_text("utf8")
    headers = re.findall(r"<th class=\"head\"><p>([^<]*)</p></th>", html)
    assert headers == ["Phase", "Status", "Summary"] * 2, headers
