"""What a build keeps beside the pages follows the pages: a deleted page's words file
goes, and phases.json follows every setting that changes it (issue 21 item 8)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sphinx.cmd.build import build_main
from tests.conftest import build, edit

from sphinx_phases.sphinx_ext.words_file import WORDS_DIR


def test_a_deleted_page_leaves_no_words_file(make_app: Any, copy_root: Any) -> None:
    srcdir = copy_root("basic")
    app, _ = build(make_app, srcdir)
    words = Path(app.doctreedir, WORDS_DIR)
    assert (words / "live.pickle").is_file()
    (srcdir / "live.md").unlink()
    edit(srcdir / "index.md", "live\n", "")
    build(make_app, srcdir)
    assert not (words / "live.pickle").exists()
    assert (words / "alpha.pickle").is_file()


def _json(srcdir: Path, out: Path, doctrees: Path, *args: str) -> dict[str, Any]:
    argv = ["-q", "-b", "html", "-d", str(doctrees), *args, str(srcdir), str(out)]
    assert build_main(argv) == 0
    return json.loads((out / "phases.json").read_text("utf8"))


def test_phases_json_follows_the_file_suffix_and_the_output_folder(
    copy_root: Any, tmp_path: Path
) -> None:
    srcdir, doctrees = copy_root("basic"), tmp_path / "doctrees"
    first = _json(srcdir, tmp_path / "out", doctrees)
    assert first["phases"][0]["url"].endswith(".html")
    suffixed = _json(srcdir, tmp_path / "out", doctrees, "-D", "html_file_suffix=.htm")
    assert suffixed["phases"][0]["url"].endswith(".htm")
    # Another output folder sharing the doctrees gets a file of its own.
    again = _json(srcdir, tmp_path / "elsewhere", doctrees)
    assert again == first


def test_phases_json_follows_the_tags(tmp_path: Path) -> None:
    srcdir, doctrees = tmp_path / "src", tmp_path / "doctrees"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text('extensions = ["sphinx_phases"]\n')
    (srcdir / "index.rst").write_text(
        "Alpha\n=====\n\n.. phase:: alpha\n\n   Try ideas.\n\n   .. only:: extra\n\n"
        "      Shown with the tag.\n"
    )
    plain = _json(srcdir, tmp_path / "out", doctrees)
    tagged = _json(srcdir, tmp_path / "out", doctrees, "-t", "extra")
    assert plain["phases"][0]["summary"] == "Try ideas."
    assert tagged["phases"][0]["summary"] == "Try ideas. Shown with the tag."


def test_the_projects_own_phases_json_is_left_alone(copy_root: Any, tmp_path: Path) -> None:
    srcdir = copy_root("basic")
    (srcdir / "extra").mkdir()
    (srcdir / "extra" / "phases.json").write_text('{"ours": true}\n')
    with (srcdir / "conf.py").open("a") as conf:
        conf.write('\nhtml_extra_path = ["extra"]\n')
    out = tmp_path / "out"
    assert build_main(["-q", "-b", "html", str(srcdir), str(out)]) == 0
    assert json.loads((out / "phases.json").read_text("utf8")) == {"ours": True}
