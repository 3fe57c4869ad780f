#!/usr/bin/env bash
# amends in the real Emacs (batch): eglot starts the server, flymake shows the diagnostics on the
# right text, a quick fix applies. Installs Debian's emacs-nox, elpa-eglot and elpa-markdown-mode
# when missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../../lib.sh"
bin="$(amends_bin)"
amends_apt emacs-nox elpa-eglot elpa-markdown-mode
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
draft='Hi Zoë,

We are sorry if the delay upset you, Zoë. We apologize for any inconvenience this slight delay may have caused.

Best,
Anna
'
printf '%s' "$draft" > "$work/reply.md"
printf '%s' "$draft" > "$work/reply.txt"
git -C "$work" init -q
cd "$work"
AMENDS_BIN="$bin" AMENDS_TEST_DIR="$work" AMENDS_DRAFT="$draft" HOME="$work" \
    timeout 120 emacs --batch -Q -l "$here/test.el"
