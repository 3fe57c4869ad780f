#!/usr/bin/env bash
# Builds the extension into editors/vscode/dist/amends.vsix with @vscode/vsce (Node 24 from npm).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/node24.sh
# npm ci only when the lock file changed since the last install (a local node_modules: vsce
# packs the extension's dependencies from it).
stamp=node_modules/.amends-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
    rm -rf node_modules
    npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json "$stamp"
fi
rm -rf out
npx --no-install tsc -p .
mkdir -p dist
# No repository URL to rewrite links against: the README's picture ships inside the .vsix.
npx --no-install vsce package --skip-license --allow-missing-repository --no-rewrite-relative-links --out dist/amends.vsix
