#!/usr/bin/env bash
# Install the system libraries and fonts the PDF renderer needs, if they are missing.
# Debian/Ubuntu: installs with apt-get (as root, or with sudo).  Elsewhere: says what to do.
# --browser: only Debian's chromium, which the web page's end-to-end tests drive.
set -euo pipefail

if [ "${1:-}" = "--browser" ]; then
  if [ -x /usr/bin/chromium ]; then echo "system-deps: chromium already present"; exit 0; fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "system-deps: no /usr/bin/chromium; the browser tests of the web page will be skipped" >&2; exit 0
  fi
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
      echo "system-deps: run as root to enable the browser tests:  apt-get install -y chromium" >&2; exit 0
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
  echo "system-deps: installed chromium"
  exit 0
fi

missing=()
need_fandol=0
# Each check reads the whole listing into a variable before searching it: under
# `set -o pipefail`, `lister | grep -q` fails whenever grep stops reading early and the
# lister dies of SIGPIPE, which made every run reinstall what was already there.
LDCONFIG=$(command -v ldconfig || echo /sbin/ldconfig)
LIBS=$("$LDCONFIG" -p 2>/dev/null || true)
have_lib() { grep -qF -- "$1" <<<"$LIBS"; }
have_lib 'libpango-1.0.so'           || missing+=(libpango-1.0-0 libpangoft2-1.0-0)
have_lib 'libharfbuzz-subset.so'     || missing+=(libharfbuzz-subset0)
if command -v fc-list >/dev/null 2>&1; then
  FONTS=$(fc-list 2>/dev/null || true)
  ZH_FONTS=$(fc-list :lang=zh family 2>/dev/null || true)
  [ -n "$ZH_FONTS" ] || missing+=(fonts-noto-cjk)
  grep -qi 'ukai\|kaiti\|楷体' <<<"$FONTS" || missing+=(fonts-arphic-ukai)   # an open 楷体 for second-level headings
  grep -qi 'FandolFang' <<<"$FONTS" || need_fandol=1   # the open 仿宋/黑体/楷体/宋体 set (GB/T 9704 faces)
else
  missing+=(fontconfig fonts-noto-cjk)
fi
if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
  missing+=(python3-venv)
fi

install_fontconfig() {
  # Aliases for 仿宋_GB2312/黑体/楷体/小标宋 → open CJK fonts (LibreOffice previews of the DOCX).
  # Best effort and never fatal: without root they go to the user's own fontconfig folder.
  local src target
  src="$(dirname "$0")/fontconfig/60-disclosure-gen.conf"
  if [ "$(id -u)" -eq 0 ] && [ -d /etc/fonts/conf.d ]; then target=/etc/fonts/conf.d; else
    target="${XDG_CONFIG_HOME:-$HOME/.config}/fontconfig/conf.d"; fi
  if ! cmp -s "$src" "$target/60-disclosure-gen.conf" 2>/dev/null; then
    if mkdir -p "$target" 2>/dev/null && cp "$src" "$target/60-disclosure-gen.conf" 2>/dev/null; then
      fc-cache -f >/dev/null 2>&1 || true
      echo "system-deps: font aliases installed in $target"
    else
      echo "system-deps: could not write font aliases to $target (only LibreOffice previews need them)" >&2
    fi
  fi
}

install_fandol() {
  # FandolFang/Hei/Kai/Song (GPL with font exception) ship only inside Debian's
  # texlive-lang-chinese, whose installation pulls 21 TeX packages; we download that one
  # package and copy its four regular OpenType faces (25 MB; the bold ones declare a regular weight,
  # so fontconfig could pick them for regular text) into a font folder instead.  Needs no
  # root: without it the fonts go to the user's own font folder.
  [ "$need_fandol" -eq 1 ] || return 0
  local target tmp
  if [ "$(id -u)" -eq 0 ]; then target=/usr/local/share/fonts/fandol; else
    target="${XDG_DATA_HOME:-$HOME/.local/share}/fonts/fandol"; fi
  if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-deb >/dev/null 2>&1; then
    echo "system-deps: no FandolFang (open 仿宋); the PDF falls back to Noto Serif CJK SC." >&2
    echo "  Windows already has 仿宋/黑体/楷体 (used first).  Elsewhere install the Fandol fonts" >&2
    echo "  (TeX Live / CTAN package \"fandol\", folder texmf-dist/fonts/opentype/public/fandol)." >&2
    return 0
  fi
  tmp=$(mktemp -d)
  local fonts="usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"
  # Every step may fail (no package lists, no network, a damaged download): say so and go on,
  # the PDF then falls back to Noto Serif CJK SC; set-up itself does not fail for it.
  if { (cd "$tmp" && apt-get download texlive-lang-chinese >/dev/null 2>&1) ||
       { [ "$(id -u)" -eq 0 ] && apt-get update -qq &&
         (cd "$tmp" && apt-get download texlive-lang-chinese >/dev/null 2>&1); }; } &&
     (dpkg-deb --fsys-tarfile "$tmp"/texlive-lang-chinese_*.deb |
        tar -x -C "$tmp" --wildcards "./$fonts/Fandol[FHKS]*-Regular.otf") 2>/dev/null &&
     mkdir -p "$target" && cp "$tmp/$fonts"/*.otf "$target"/; then
    fc-cache -f >/dev/null 2>&1 || true
    echo "system-deps: installed the Fandol fonts (仿宋/黑体/楷体/宋体) in $target"
  else
    echo "system-deps: could not install the Fandol fonts from texlive-lang-chinese (as root: apt-get update);" >&2
    echo "  the PDF falls back to Noto Serif CJK SC for 仿宋/楷体/黑体." >&2
  fi
  rm -rf "$tmp"
}

if [ ${#missing[@]} -eq 0 ]; then
  install_fandol
  install_fontconfig
  echo "system-deps: fonts and libraries already present"
  exit 0
fi

echo "system-deps: missing ${missing[*]}"
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
      echo "system-deps: run as root:  apt-get install -y ${missing[*]}" >&2; exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  echo "system-deps: installed ${missing[*]}"
  install_fandol
  install_fontconfig
  exit 0
fi

cat >&2 <<MSG
system-deps: cannot install automatically on this system.
  macOS:   brew install pango harfbuzz  (and a CJK font such as Noto Serif CJK SC)
  Windows: install the GTK3 runtime that WeasyPrint documents ("Installation" → Windows),
           or run the tool inside WSL (Ubuntu), where 'make demo' installs everything.
           Windows already has 仿宋/黑体/楷体; the PDF uses them when present.
  macOS/other: for an open 仿宋/楷体 install the Fandol fonts (TeX Live / CTAN package "fandol").
  Other Linux: install pango, harfbuzz (with its subset library), fontconfig and
           a CJK font (Noto Serif CJK SC / Noto Sans CJK SC) with your package manager.
MSG
exit 1
