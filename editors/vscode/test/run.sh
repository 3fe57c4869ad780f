#!/usr/bin/env bash
# amends in the real VS Code: builds this platform's .vsix with the server under test inside,
# installs it into code-server (npm) and drives the workbench with playwright-core on Debian's
# Chromium. Installs what it needs (apt: chromium, libkrb5-dev; npm: Node 24, code-server,
# playwright-core), npm installs cached in ~/.cache/amends-editors (AMENDS_EDITORS_CACHE).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../../lib.sh"
bin="$(amends_bin)"
amends_apt chromium libkrb5-dev

. "$here/../scripts/node24.sh"
# The extension's settings must list every rule the server has.
(cd "$here/.." && node scripts/sync-settings.mjs --check "$bin")
# The package for this platform, with the server under test inside: the test runs it with no
# `amends` on PATH and no "amends.server.path".
vsix="$("$here/../scripts/package.sh" --server "$bin")"
echo "== built $vsix"

# code-server (~620 MB, about 2 minutes to install) and playwright-core, cached outside the checkout.
amends_npm_ci vscode-e2e "$here"
cd "$here"
export ARTEFACTS="${ARTEFACTS:-$amends_repo/target/editor-tests/vscode}"
mkdir -p "$ARTEFACTS"
AMENDS_BIN="$bin" VSIX="$vsix" timeout 600 node "$here/e2e.mjs"
