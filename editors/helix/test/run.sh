#!/usr/bin/env bash
# amends in the real Helix (driven through tmux). Helix is in no package registry: the test needs
# a Helix binary, HX=/path/to/hx, or the build this machine keeps in shared/tools/helix/hx next
# to the repository; it skips loudly without one. Installs tmux when missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../../lib.sh"
hx="${HX:-}"
if [ -z "$hx" ]; then
    for candidate in "$amends_repo/../shared/tools/helix/hx" /work/shared/tools/helix/hx; do
        if [ -x "$candidate" ]; then hx="$candidate"; break; fi
    done
fi
if [ -z "$hx" ] || [ ! -x "$hx" ]; then
    amends_skip "the Helix test needs a Helix binary (HX=/path/to/hx); Helix is in no package registry"
fi
bin="$(amends_bin)"
amends_apt tmux
export ARTEFACTS="${ARTEFACTS:-$amends_repo/target/editor-tests/helix}"
mkdir -p "$ARTEFACTS"
AMENDS_BIN="$bin" HX="$hx" exec python3 "$here/test_helix.py"
