"""Set-up for a normal user: scripts/system-deps.sh installs nothing when nothing is
missing (and so needs no root), and the README says how to run the command afterwards.

The script runs against stub ``ldconfig``/``fc-list`` that print what a real system has,
followed by far more than a pipe buffer holds (so a ``lister | grep -q`` check would die of
SIGPIPE), and stub ``apt-get``/``sudo`` that record being called.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "system-deps.sh"
FILLER = "/usr/lib/x86_64-linux-gnu/libfiller{0}.so.0 (libc6,x86-64)\n"


def _stub(bin_dir: Path, name: str, body: str) -> None:
    path = bin_dir / name
    path.write_text("#!/bin/bash\n" + body, encoding="utf-8")
    path.chmod(0o755)


def _system(
    tmp_path: Path, *, kai_font: bool = True, fandol: bool = True
) -> tuple[dict[str, str], Path]:
    """An environment whose PATH starts with stubs of a system that has everything."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    calls = tmp_path / "calls.log"
    filler = "".join(FILLER.format(i) for i in range(4000))  # ~250 KB, beyond a pipe buffer
    (tmp_path / "filler.txt").write_text(filler, encoding="utf-8")
    _stub(
        bin_dir,
        "ldconfig",
        "echo '\tlibpango-1.0.so.0 (libc6,x86-64) => /usr/lib/libpango-1.0.so.0'\n"
        "echo '\tlibharfbuzz-subset.so.0 (libc6,x86-64) => /usr/lib/libharfbuzz-subset.so.0'\n"
        f"cat {tmp_path / 'filler.txt'}\n",
    )
    kai = "echo '/usr/share/fonts/truetype/arphic/ukai.ttc: AR PL UKai CN:style=Book'\n"
    fang = "echo '/usr/local/share/fonts/fandol/FandolFang-Regular.otf: FandolFang:style=Regular'\n"
    _stub(
        bin_dir,
        "fc-list",
        'if [ "${1:-}" = ":lang=zh" ]; then echo "Noto Serif CJK SC"; exit 0; fi\n'
        + (kai if kai_font else "")
        + (fang if fandol else "")
        + f"cat {tmp_path / 'filler.txt'}\n",
    )
    _stub(bin_dir, "fc-cache", "exit 0\n")
    _stub(bin_dir, "id", 'if [ "${1:-}" = "-u" ]; then echo 1000; else echo uid=1000; fi\n')
    for name in ("apt-get", "sudo"):
        _stub(bin_dir, name, f'echo "{name} $*" >> {calls}\nexit 0\n')
    python = shutil.which("python3")
    assert python is not None
    env = {
        "PATH": f"{bin_dir}:{Path(python).parent}:/usr/bin:/bin",
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "LANG": os.environ.get("LANG", "C.UTF-8"),
    }
    return env, calls


def _run(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(SCRIPT)], env=env, capture_output=True, text=True, check=False, timeout=60
    )


def test_system_deps_installs_nothing_and_needs_no_root_when_everything_is_present(
    tmp_path: Path,
) -> None:
    env, calls = _system(tmp_path)
    result = _run(env)
    assert result.returncode == 0, result.stderr
    assert "already present" in result.stdout
    assert not calls.exists(), calls.read_text()  # neither apt-get nor sudo ran
    assert (tmp_path / "config" / "fontconfig" / "conf.d" / "60-disclosure-gen.conf").is_file()


def test_system_deps_installs_a_missing_font_through_sudo(tmp_path: Path) -> None:
    env, calls = _system(tmp_path, kai_font=False)
    result = _run(env)
    assert result.returncode == 0, result.stderr
    assert "fonts-arphic-ukai" in calls.read_text()
    assert "fonts-noto-cjk" not in calls.read_text()


def _fake_texlive_deb(tmp_path: Path) -> Path:
    """A real .deb holding one Fandol face where texlive-lang-chinese keeps them."""
    tree = tmp_path / "deb"
    fonts = tree / "usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"
    fonts.mkdir(parents=True)
    (fonts / "FandolFang-Regular.otf").write_bytes(b"OTTO fake face")
    (fonts / "FandolHei-Bold.otf").write_bytes(b"OTTO bold, left out")
    (tree / "DEBIAN").mkdir()
    (tree / "DEBIAN" / "control").write_text(
        "Package: texlive-lang-chinese\nVersion: 1\nArchitecture: all\n"
        "Maintainer: test <t@example.org>\nDescription: test\n",
        encoding="utf-8",
    )
    deb = tmp_path / "texlive-lang-chinese_1_all.deb"
    subprocess.run(["dpkg-deb", "--build", str(tree), str(deb)], check=True, capture_output=True)
    return deb


def test_system_deps_copies_fandol_from_the_texlive_package_without_root(tmp_path: Path) -> None:
    if shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg-deb is Debian's; the Fandol step only runs where it exists")
    env, calls = _system(tmp_path, fandol=False)
    deb = _fake_texlive_deb(tmp_path)
    _stub(
        Path(env["PATH"].split(":")[0]),
        "apt-get",
        f'echo "apt-get $*" >> {calls}\nif [ "$1" = download ]; then cp {deb} .; fi\nexit 0\n',
    )
    result = _run(env)
    assert result.returncode == 0, result.stderr
    assert calls.read_text().splitlines() == ["apt-get download texlive-lang-chinese"]  # no sudo
    installed = tmp_path / "data" / "fonts" / "fandol"
    assert sorted(p.name for p in installed.iterdir()) == ["FandolFang-Regular.otf"]


def test_system_deps_goes_on_when_fandol_cannot_be_downloaded(tmp_path: Path) -> None:
    env, calls = _system(tmp_path, fandol=False)
    _stub(Path(env["PATH"].split(":")[0]), "apt-get", f'echo "apt-get $*" >> {calls}\nexit 100\n')
    result = _run(env)
    assert result.returncode == 0 and "Noto Serif CJK SC" in result.stderr


def test_readme_says_how_to_run_the_command_after_make_demo() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert ".venv/bin/disclosure-gen" in readme
    assert "make install" in readme and "pipx" in readme
    assert "\ninstall:" in makefile and "pipx install" in makefile
