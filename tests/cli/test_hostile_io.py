"""Hostile files around the commands: migrate writes only inside OUTDIR, never over a
source, a link or an existing file it was not allowed to replace; migrate and new read
only regular files, bounded, and new only inside its project (issue 21 item 3)."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from sphinx_phases.cli import main
from sphinx_phases.core import inputs

PAGE = "---\ntitle: Alpha\n---\nText.\n"

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX files needed")


def legacy(tmp_path: Path, name: str = "site__phases__alpha.md") -> Path:
    folder = tmp_path / "legacy"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(PAGE, "utf-8")
    return folder


def run_cli(*argv: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The command in a child process, bounded in time and memory: on a hang or a read
    without end it fails instead of taking the test run (or the machine) with it."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 31, 1 << 31))

    return subprocess.run(
        [sys.executable, "-m", "sphinx_phases", *argv],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
        preexec_fn=limit,
        check=False,
    )


# -- writes ------------------------------------------------------------------------------


def test_a_dangling_link_in_outdir_is_not_written_through(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    planted = tmp_path / "elsewhere" / "planted.md"
    planted.parent.mkdir()
    os.symlink(planted, out / "alpha.md")
    for force in ([], ["--force"]):
        status = main(["migrate", str(legacy(tmp_path)), "-o", str(out), *force])
        assert status == 1
        assert not planted.exists()
        assert not (out / "index.md").exists()  # a refusal means nothing is written


def test_force_never_overwrites_a_links_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    outside = tmp_path / "outside.md"
    outside.write_text("keep me", "utf-8")
    os.symlink(outside, out / "alpha.md")
    assert main(["migrate", str(legacy(tmp_path)), "-o", str(out), "--force"]) == 1
    assert outside.read_text("utf-8") == "keep me"
    assert "is a symbolic link; not written, even with --force" in capsys.readouterr().out


@pytest.mark.parametrize("inside", ["", "sub"])
def test_outdir_in_a_source_folder_is_refused(
    tmp_path: Path, inside: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = legacy(tmp_path, "alpha.md")  # the page's own name: same as its output
    out = folder / inside if inside else folder
    assert main(["migrate", str(folder), "-o", str(out), "--force"]) == 1
    assert (folder / "alpha.md").read_text("utf-8") == PAGE
    assert sorted(p.name for p in folder.iterdir()) == ["alpha.md"]
    assert "source folder" in capsys.readouterr().out


def test_a_page_is_never_written_over_its_source(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "alpha.md").write_text(PAGE, "utf-8")
    assert main(["migrate", str(out / "alpha.md"), "-o", str(out), "--force"]) == 1
    assert (out / "alpha.md").read_text("utf-8") == PAGE


@pytest.mark.parametrize("victim", ["conf", "page", "source"])
def test_report_does_not_overwrite_without_force(tmp_path: Path, victim: str) -> None:
    folder = legacy(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "conf.py").write_text("project = 'mine'\n", "utf-8")
    target = {
        "conf": out / "conf.py",
        "page": out / "alpha.md",
        "source": folder / "site__phases__alpha.md",
    }[victim]
    before = target.read_text("utf-8") if target.exists() else None
    status = main(["migrate", str(folder), "-o", str(out), "--report", str(target)])
    assert status == 1
    assert (target.read_text("utf-8") if target.exists() else None) == before
    assert not (out / "alpha.md").exists()  # refused: nothing written at all


@pytest.mark.parametrize("victim", ["page", "source"])
def test_report_never_overwrites_a_page_or_source_even_with_force(
    tmp_path: Path, victim: str
) -> None:
    folder = legacy(tmp_path)
    out = tmp_path / "out"
    target = out / "alpha.md" if victim == "page" else folder / "site__phases__alpha.md"
    status = main(["migrate", str(folder), "-o", str(out), "--report", str(target), "--force"])
    assert status == 1
    if victim == "source":
        assert target.read_text("utf-8") == PAGE
    else:
        assert not target.exists()


def test_report_is_written_over_an_old_report_with_force(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    report.write_text("old", "utf-8")
    argv = ["migrate", str(legacy(tmp_path)), "-o", str(tmp_path / "out"), "--report"]
    assert main([*argv, str(report)]) == 1
    assert report.read_text("utf-8") == "old"
    assert main([*argv, str(report), "--force"]) == 0
    assert json.loads(report.read_text("utf-8"))["written"] == ["alpha.md", "conf.py", "index.md"]


def test_report_is_not_written_through_a_link(tmp_path: Path) -> None:
    outside = tmp_path / "outside.json"
    link = tmp_path / "report.json"
    os.symlink(outside, link)
    argv = ["migrate", str(legacy(tmp_path)), "-o", str(tmp_path / "out"), "--report", str(link)]
    assert main([*argv, "--force"]) == 1
    assert not outside.exists()


# -- reads -------------------------------------------------------------------------------


def test_migrate_refuses_a_fifo_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    done = run_cli("migrate", str(fifo), "-o", str(tmp_path / "out"))
    assert done.returncode == 1
    assert "it is not a regular file (a FIFO); expected a file" in done.stdout
    assert "Traceback" not in done.stderr


def test_migrate_refuses_dev_zero_without_reading_it(tmp_path: Path) -> None:
    done = run_cli("migrate", "/dev/zero", "-o", str(tmp_path / "out"))
    assert done.returncode == 1
    assert "it is not a regular file (a character device)" in done.stdout
    assert "Traceback" not in done.stderr


def test_migrate_never_reads_a_link_out_of_a_source_folder(tmp_path: Path) -> None:
    folder = legacy(tmp_path)
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: Secret words\n---\nhunter2\n", "utf-8")
    os.symlink(secret, folder / "site__phases__beta.md")
    out = tmp_path / "out"
    assert main(["migrate", str(folder), "-o", str(out)]) == 1
    assert not (out / "beta.md").exists()
    assert not any("hunter2" in p.read_text("utf-8") for p in out.iterdir())


def test_read_file_counts_the_bytes_it_reads(tmp_path: Path) -> None:
    page = tmp_path / "a.yml"
    page.write_bytes(b"x" * 11)
    assert inputs.read_file(page, [tmp_path], limit=11) == b"x" * 11
    with pytest.raises(inputs.FileRefused, match="larger than 10 bytes"):
        inputs.read_file(page, [tmp_path], limit=10)
    with pytest.raises(inputs.FileRefused, match="resolves outside"):
        inputs.read_file(page, [tmp_path / "sub"])


def test_read_text_refuses_a_fifo_without_waiting(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "f.yml")
    code = (
        "import sys; from pathlib import Path; from sphinx_phases.core.inputs import read_text\n"
    )
    code += "try:\n    read_text(Path(sys.argv[1]))\nexcept Exception as exc:\n    print(exc)\n"
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "f.yml")],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert "it is not a regular file (a FIFO); expected a file" in done.stdout


def new_project(tmp_path: Path, sequence: str) -> Path:
    root = tmp_path / "project"
    root.mkdir()
    conf = f'extensions = ["myst_parser", "sphinx_phases"]\nphases_sequence = {sequence!r}\n'
    (root / "conf.py").write_text(conf, "utf-8")
    return root


def test_new_refuses_a_fifo_sequence_without_waiting(tmp_path: Path) -> None:
    root = new_project(tmp_path, "sequence.yml")
    os.mkfifo(root / "sequence.yml")
    done = run_cli("new", "alpha", "--project", str(root), "-o", str(root))
    assert done.returncode == 0, done.stderr
    assert "sequence.yml', which is not read: it is not a regular file (a FIFO)" in done.stderr
    assert (root / "alpha.md").is_file()


def test_new_refuses_a_fifo_conf_py(tmp_path: Path) -> None:
    root = tmp_path / "project"
    root.mkdir()
    os.mkfifo(root / "conf.py")
    done = run_cli("new", "alpha", "-o", str(root), cwd=root)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr


def test_new_never_reads_a_sequence_outside_the_project(tmp_path: Path) -> None:
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", "utf-8")
    root = new_project(tmp_path, str(secret))
    done = run_cli("new", "alpha", "--project", str(root), "-o", str(root))
    assert done.returncode == 0, done.stderr
    assert "root:x" not in done.stderr + done.stdout
    assert "which resolves outside the project" in done.stderr
