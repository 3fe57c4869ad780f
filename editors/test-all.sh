#!/usr/bin/env bash
# The editor tests: amends in the real Neovim, Helix, VS Code and Emacs.
#
# They install what they need — about 1 GB the first time: Debian packages (neovim, tmux,
# emacs-nox, elpa-eglot, elpa-lsp-mode, elpa-markdown-mode, chromium, libkrb5-dev) and npm
# packages (Node 24, code-server, playwright-core, @vscode/vsce; cached in
# ~/.cache/amends-editors) — and skip, loudly, only an editor that cannot be installed here
# (Helix: no package registry has it).
# Under CI=true a skip for any other reason fails the run.
#
#   editors/test-all.sh                 all editors
#   editors/test-all.sh neovim helix    some of them
#
# AMENDS_BIN picks the server binary; by default a debug build of this checkout.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"
editors=("$@")
[ ${#editors[@]} -eq 0 ] && editors=(neovim helix vscode emacs)

# One binary for every editor, built once.
AMENDS_BIN="$(amends_bin)" || exit 1
export AMENDS_BIN
echo "== editor tests with $AMENDS_BIN"

results=()
status=0
for editor in "${editors[@]}"; do
    script="$here/$editor/test/run.sh"
    if [ ! -x "$script" ]; then
        echo "!! no such editor test: $editor" >&2
        status=1
        continue
    fi
    echo
    echo "== $editor"
    started=$SECONDS
    "$script"
    code=$?
    took=$((SECONDS - started))
    case $code in
        0) results+=("passed   $editor (${took}s)") ;;
        "$AMENDS_SKIP")
            results+=("SKIPPED  $editor (${took}s)")
            if [ "${CI:-}" = true ] && [ "$editor" != helix ]; then status=1; fi ;;
        *) results+=("FAILED   $editor (${took}s, exit $code)"); status=1 ;;
    esac
done

echo
echo "== editor tests"
printf '   %s\n' "${results[@]}"
exit $status
