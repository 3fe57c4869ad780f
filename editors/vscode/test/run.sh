#!/usr/bin/env bash
# amends in the real VS Code: builds the .vsix, installs it into code-server (npm) and drives the
# workbench with playwright-core on Debian's Chromium. Installs what it needs (apt: chromium,
# libkrb5-dev; npm: Node 24, code-server, playwright-core), cached under node_modules/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
bin="${AMENDS_BIN:-$repo/target/release/amends}"
if [ ! -x "$bin" ]; then
    (cd "$repo" && cargo build --release --locked)
fi
missing=()
for package in chromium libkrb5-dev; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "== installing ${missing[*]} (apt)"
    sudo=$( [ "$(id -u)" = 0 ] || echo sudo )
    $sudo apt-get install -y -q "${missing[@]}" >/dev/null ||
        { $sudo apt-get update -q >/dev/null && $sudo apt-get install -y -q "${missing[@]}" >/dev/null; }
fi

# The extension's settings must list every rule the server has.
(cd "$here/.." && node scripts/sync-settings.mjs --check "$bin")

"$here/../scripts/package.sh" >/dev/null
echo "== built editors/vscode/dist/amends.vsix"

. "$here/../scripts/node24.sh"
cd "$here"
stamp=node_modules/.amends-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
    echo "== installing code-server and playwright-core (npm, about 2 minutes, cached)"
    npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json "$stamp"
fi
export ARTEFACTS="${ARTEFACTS:-$repo/target/editor-tests/vscode}"
mkdir -p "$ARTEFACTS"
AMENDS_BIN="$bin" VSIX="$here/../dist/amends.vsix" timeout 600 node "$here/e2e.mjs"
