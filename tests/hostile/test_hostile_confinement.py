"""Pictogram files: nothing outside the project is read into, or written beyond, the output.

``phases_pictograms`` and ``phases_pictogram_dirs`` name files relative to the configuration
directory. A path that leaves the project (``..``, absolute, symlinks), a device, a folder, a
huge file, a fake image or an active SVG is refused with a ``phases.pictogram`` warning
located at the conf.py line that names it, and nothing outside the project reaches the output.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from tests.hostile.helpers import Build

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8"/></svg>'
)
SECRET = b"SECRET-OUTSIDE-THE-PROJECT"
SECRET_SVG = SVG.replace("<rect", f"<!-- {SECRET.decode()} --><rect")

# name -> why it must be refused
REFUSED = {
    "dotdot": "a relative path out of the project",
    "absolute": "an absolute path out of the project",
    "link-out": "a symlink to a file outside the project",
    "zero": "a symlink to /dev/zero",
    "folder": "a directory",
    "huge": "a file over 1 MB",
    "fake-png": "a text file named .png",
    "fake-svg": "a text file named .svg",
    "script": "an SVG with a script",
    "onload": "an SVG with an event handler",
    "external": "an SVG with an external reference",
    "css-import": "an SVG with a CSS import",
    "fifo": "a named pipe",
    "missing": "a file that does not exist",
    "passwd": "a non-image path outside the project",
}


def _project(tmp_path: Path) -> tuple[Path, Path]:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.svg").write_text(SECRET_SVG)
    (outside / "secret2.svg").write_text(SECRET_SVG)
    src = tmp_path / "src"
    src.mkdir()
    (src / "link-out.svg").symlink_to(outside / "secret.svg")
    (src / "zero.svg").symlink_to("/dev/zero")
    (src / "folder.svg").mkdir()
    (src / "huge.svg").write_text(SVG[:-6] + "<!--" + "x" * 1_100_000 + "--></svg>")
    (src / "fake.png").write_text("not a png at all")
    (src / "fake.svg").write_text("just some text, no svg here")
    (src / "script.svg").write_text(SVG.replace("<rect", "<script>alert(1)</script><rect"))
    (src / "onload.svg").write_text(SVG.replace("<svg ", '<svg onload="alert(1)" '))
    (src / "external.svg").write_text(
        SVG.replace("<rect", '<image href="https://evil.example/x.png"/><rect')
    )
    (src / "css-import.svg").write_text(
        SVG.replace("<rect", "<style>@import 'https://evil.example/x.css';</style><rect")
    )
    os.mkfifo(src / "fifo.svg")
    (src / "ok.svg").write_text(SVG)
    pics = src / "pics"
    pics.mkdir()
    (pics / "inner-link.svg").symlink_to(outside / "secret2.svg")
    (pics / "inner-script.svg").write_text(SVG.replace("<svg ", '<svg onclick="x()" '))
    (src / "linkdir").symlink_to(outside, target_is_directory=True)
    named = {
        "dotdot": "../outside/secret.svg",
        "absolute": str(outside / "secret.svg"),
        "link-out": "link-out.svg",
        "zero": "zero.svg",
        "folder": "folder.svg",
        "huge": "huge.svg",
        "fake-png": "fake.png",
        "fake-svg": "fake.svg",
        "script": "script.svg",
        "onload": "onload.svg",
        "external": "external.svg",
        "css-import": "css-import.svg",
        "fifo": "fifo.svg",
        "missing": "missing.svg",
        "passwd": "/etc/passwd",
        "ok": "ok.svg",
    }
    folders = ["../outside", str(outside), "linkdir", "pics", "/etc"]
    conf = (
        'extensions = ["myst_parser", "sphinx_phases"]\n'
        f"phases_pictograms = {named!r}\n"
        f"phases_pictogram_dirs = {folders!r}\n"
    )
    (src / "conf.py").write_text(conf)
    roles = " ".join(f"{{pictogram}}`{name}`" for name in [*named, "secret", "inner-link"])
    (src / "index.md").write_text(
        f"# Home\n\n{roles}\n\n```{{phase-outputs}}\n- {{pictogram}}`secret2` Label\n```\n"
    )
    return src, outside


def _tree(root: Path, skip: Path) -> dict[str, int]:
    found = {}
    for path in root.rglob("*"):
        if skip in path.parents or path == skip or path.is_symlink():
            continue
        if path.is_file():
            found[str(path.relative_to(root))] = path.stat().st_size
    return found


@pytest.fixture(scope="module")
def confined(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, Path, dict[str, int]]:
    tmp_path = tmp_path_factory.mktemp("confinement")
    src, _outside = _project(tmp_path)
    before = _tree(tmp_path, tmp_path / "out")
    result = Build(src, tmp_path / "out")
    return result, tmp_path, before


def test_build_finishes(confined: tuple[Build, Path, dict[str, int]]) -> None:
    result, _tmp, _before = confined
    result.assert_finished()
    result.assert_every_page_rendered()


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_each_bad_file_is_refused_at_its_conf_line(
    confined: tuple[Build, Path, dict[str, int]], name: str
) -> None:
    result, _tmp, _before = confined
    mine = [w for w in result.phase_warnings if w.startswith("conf.py:2: ") and f"'{name}'" in w]
    assert len(mine) == 1, (REFUSED[name], result.phase_warnings)
    assert mine[0].endswith("[phases.pictogram]")
    assert "expected" in mine[0]


@pytest.mark.parametrize(
    "folder", ["../outside", "<outside>", "linkdir", "/etc", "inner-link.svg", "inner-script.svg"]
)
def test_each_bad_folder_or_folder_file_is_refused_at_its_conf_line(
    confined: tuple[Build, Path, dict[str, int]], folder: str
) -> None:
    result, tmp, _before = confined
    text = folder.replace("<outside>", str(tmp / "outside"))
    mine = [w for w in result.phase_warnings if w.startswith("conf.py:3: ") and f"'{text}'" in w]
    assert len(mine) == 1, result.phase_warnings


def test_the_good_file_is_used(confined: tuple[Build, Path, dict[str, int]]) -> None:
    result, _tmp, _before = confined
    assert (result.outdir / "_static" / "phases-pictograms" / "ok.svg").is_file()
    assert not [w for w in result.phase_warnings if "'ok'" in w]


def test_nothing_from_outside_reaches_the_output(
    confined: tuple[Build, Path, dict[str, int]],
) -> None:
    result, _tmp, _before = confined
    for path in result.outdir.rglob("*"):
        if path.is_file():
            assert SECRET not in path.read_bytes(), path
    pictograms = result.outdir / "_static" / "phases-pictograms"
    assert sorted(p.name for p in pictograms.iterdir()) == ["ok.svg"]


def test_nothing_is_written_outside_the_output(
    confined: tuple[Build, Path, dict[str, int]],
) -> None:
    result, tmp, before = confined
    after = _tree(tmp, result.outdir)
    after = {k: v for k, v in after.items() if not k.startswith("warnings-")}
    assert after == before


def test_refused_pictograms_are_not_reported_again_as_unknown(
    confined: tuple[Build, Path, dict[str, int]],
) -> None:
    result, _tmp, _before = confined
    again = [w for w in result.phase_warnings if re.search(r"pictogram '[^']+' is not known", w)]
    # Only the names that no setting provides at all; a refused folder file (inner-link)
    # was reported at conf.py already.
    assert sorted(re.findall(r"pictogram '([^']+)'", " ".join(again))) == ["secret", "secret2"]


def _small_project(tmp_path: Path, named: dict[str, str], files: dict[str, str]) -> Build:
    src = tmp_path / "src"
    src.mkdir()
    for name, text in files.items():
        (src / name).write_text(text)
    (src / "conf.py").write_text(
        f'extensions = ["myst_parser", "sphinx_phases"]\nphases_pictograms = {named!r}\n'
    )
    roles = " ".join(f"{{pictogram}}`{name}`" for name in named)
    (src / "index.md").write_text(f"# Home\n\n{roles}\n")
    result = Build(src, tmp_path / "out")
    result.assert_finished()
    return result


def test_pictogram_name_cannot_write_outside_the_output(tmp_path: Path) -> None:
    result = _small_project(tmp_path, {"../../../escaped": "ok.svg"}, {"ok.svg": SVG})
    written = [p for p in tmp_path.rglob("escaped.svg") if result.outdir not in p.parents]
    assert written == []
    assert any(
        w.startswith("conf.py:2: ") and "'../../../escaped'" in w for w in result.phase_warnings
    ), result.phase_warnings


def test_svg_with_external_entity_or_dtd_is_refused(tmp_path: Path) -> None:
    body = '<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>'
    files = {
        "xxe.svg": f'<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n{body}',
        "dtd.svg": '<?xml version="1.0"?>\n<!DOCTYPE svg SYSTEM "https://evil.example/x.dtd">\n'
        '<svg xmlns="http://www.w3.org/2000/svg"/>',
    }
    result = _small_project(tmp_path, {"xxe": "xxe.svg", "dtd": "dtd.svg"}, files)
    refused = [w for w in result.phase_warnings if w.startswith("conf.py:2: ")]
    assert len(refused) == 2, result.phase_warnings
    assert not (result.outdir / "_static" / "phases-pictograms").exists()
