#!/usr/bin/env bash
# amends in the real Helix (driven through tmux). Needs the Helix build this machine keeps at
# ../shared/tools/helix/hx next to the repository (or HX=/path/to/hx); skips loudly without it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
bin="${AMENDS_BIN:-$repo/target/release/amends}"
hx="${HX:-}"
if [ -z "$hx" ]; then
    for candidate in "$repo/../shared/tools/helix/hx" /work/shared/tools/helix/hx; do
        if [ -x "$candidate" ]; then hx="$candidate"; break; fi
    done
fi
if [ -z "$hx" ] || [ ! -x "$hx" ]; then
    echo "!! SKIPPED: the Helix test needs a Helix binary (set HX=/path/to/hx);" >&2
    echo "!! Helix is in no package registry this test can install from." >&2
    exit 0
fi
if [ ! -x "$bin" ]; then
    (cd "$repo" && cargo build --release --locked)
fi
if ! command -v tmux >/dev/null 2>&1; then
    echo "== installing tmux (apt)"
    ${SUDO:-$( [ "$(id -u)" = 0 ] || echo sudo )} apt-get install -y -q tmux >/dev/null
fi
export ARTEFACTS="${ARTEFACTS:-$repo/target/editor-tests/helix}"
mkdir -p "$ARTEFACTS"
AMENDS_BIN="$bin" HX="$hx" exec python3 "$here/test_helix.py"
