#!/usr/bin/env bash
# amends in the real Neovim, headless: diagnostics and their positions, hover, a quick fix.
# Installs Debian's neovim when it is missing. AMENDS_BIN: the server binary to test
# (default: target/release/amends, built when absent).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
bin="${AMENDS_BIN:-$repo/target/release/amends}"
if [ ! -x "$bin" ]; then
    (cd "$repo" && cargo build --release --locked)
fi
if ! command -v nvim >/dev/null 2>&1; then
    echo "== installing neovim (apt)"
    ${SUDO:-$( [ "$(id -u)" = 0 ] || echo sudo )} apt-get install -y -q neovim >/dev/null
fi

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
