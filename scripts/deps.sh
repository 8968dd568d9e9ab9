#!/usr/bin/env bash
# Installs the Debian packages loopscope needs to build, run and test.
# Called by `make run`, `make test` and .ci/run; safe to run again: it only
# installs what `dpkg -s` says is missing, and says what it is doing.
set -euo pipefail

# clang, libclang-rt-dev (libFuzzer and the sanitizer runtimes) and llvm
# (llvm-symbolizer, for readable stacks) are for make fuzz / fuzz-smoke and
# make sanitize; valgrind, cppcheck and clang-tidy for make valgrind / lint.
pkgs=(build-essential pkg-config libncurses-dev libev-dev check tmux python3 asciinema
      clang libclang-rt-dev llvm valgrind cppcheck clang-tidy)
# issue 18 (sharing): librsvg and giflib draw and encode `record --format
# gif` (librsvg2-bin's rsvg-convert checks the SVGs), chromium runs the
# browser tests (tests/run_share.sh, driven by puppeteer-core from npm,
# which comes with nodejs), mandoc lints the man page and fonts-dejavu-core
# is the font every picture asks for first.
pkgs+=(librsvg2-dev libgif-dev librsvg2-bin chromium nodejs mandoc man-db fonts-dejavu-core)
missing=()
for p in "${pkgs[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
    exit 0
fi
echo "loopscope: installing missing Debian packages: ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
        echo "loopscope: need root (or sudo) to run apt-get install ${missing[*]}" >&2
        exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >&2
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
echo "loopscope: packages installed" >&2
