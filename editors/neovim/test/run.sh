#!/usr/bin/env bash
# amends in the real Neovim, headless: diagnostics and their positions, hover, a quick fix.
# Installs Debian's neovim when it is missing. AMENDS_BIN: the server to test (default: a
# debug build of this checkout).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../../lib.sh"
bin="$(amends_bin)"
amends_apt neovim

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
draft='Hi Zoë,

We are sorry if the delay upset you, Zoë. We apologize for any inconvenience this slight delay may have caused.

Best,
Anna'
printf '%s\n' "$draft" > "$work/reply.md"
printf '%s\n' "$draft" > "$work/reply.txt"
git -C "$work" init -q  # a project root

cd "$work"
AMENDS_TEST_DIR="$work" AMENDS_BIN="$bin" timeout 120 \
    nvim --headless --clean -n --cmd "set rtp^=$here/.." \
    -c "luafile $here/test.lua"
