#!/usr/bin/env bash
# amends in the real Emacs (batch), through eglot (test.el) and through lsp-mode
# (test-lsp-mode.el): flymake shows the diagnostics on the right text, hover explains, a quick fix
# applies and is saved. Installs Debian's emacs-nox, elpa-eglot, elpa-lsp-mode and
# elpa-markdown-mode when missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../../lib.sh"
bin="$(amends_bin)"
amends_apt emacs-nox elpa-eglot elpa-markdown-mode elpa-lsp-mode
draft='Hi Zoë,

We are sorry if the delay upset you, Zoë. We apologize for any inconvenience this slight delay may have caused.

Best,
Anna
'
status=0
for test in test.el test-lsp-mode.el; do
    work="$(mktemp -d)"
    printf '%s' "$draft" > "$work/reply.md"
    printf '%s' "$draft" > "$work/reply.txt"
    git -C "$work" init -q
    echo "-- $test"
    (cd "$work" && AMENDS_BIN="$bin" AMENDS_TEST_DIR="$work" AMENDS_DRAFT="$draft" HOME="$work" \
        timeout 120 emacs --batch -Q -l "$here/$test" 2>"$work/stderr") || status=1
    [ $status = 0 ] || cat "$work/stderr"
    rm -rf "$work"
done
exit $status
