# Shared by the editor tests (sourced): the server binary, apt packages, loud skips.

# Exit status of a skipped test (as automake's); editors/test-all.sh reports it as SKIPPED.
AMENDS_SKIP=77
amends_repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

amends_skip() {
    echo "" >&2
    echo "!!!!!!!! SKIPPED: $*" >&2
    echo "" >&2
    exit "$AMENDS_SKIP"
}

# The server binary to test: $AMENDS_BIN, else a fresh debug build (after `cargo test` this is
# a no-op; a stale binary would test yesterday's server).
amends_bin() {
    if [ -n "${AMENDS_BIN:-}" ]; then
        echo "$AMENDS_BIN"
        return
    fi
    (cd "$amends_repo" && cargo build --locked --quiet >&2)
    local target="${CARGO_TARGET_DIR:-target}"
    case "$target" in /*) ;; *) target="$amends_repo/$target" ;; esac
    echo "$target/debug/amends"
}

# Install Debian packages that are missing (idempotent; apt-get update only when needed).
# Where they cannot be installed (no root, no sudo, no apt), skip loudly — except under CI,
# where an editor that cannot be installed is a failure.
amends_apt() {
    local missing=() package
    for package in "$@"; do
        dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    if [ "$(id -u)" != 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; fi
    fi
    if ! command -v apt-get >/dev/null 2>&1 || { [ "$(id -u)" != 0 ] && [ -z "$sudo" ]; }; then
        [ "${CI:-}" = true ] && { echo "!! cannot install ${missing[*]}: no apt-get or no root" >&2; exit 1; }
        amends_skip "needs ${missing[*]} (Debian packages) and cannot install them here (no apt-get, root or sudo)"
    fi
    echo "== installing ${missing[*]} (apt)"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get install -y -q "${missing[@]}" >/dev/null 2>&1 ||
        { $sudo apt-get update -q >/dev/null && $sudo apt-get install -y -q "${missing[@]}" >/dev/null; }
}

# `npm ci` for DIR's package-lock.json into a cache outside the checkout, keyed by the lock file,
# and DIR/node_modules a link to it: a clean clone (CI) reuses the install. A local install in
# DIR/node_modules from the same lock file is used as it is.
amends_npm_ci() {
    local name="$1" dir="$2"
    local cache="${AMENDS_EDITORS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/amends-editors}"
    local key
    key="$(cat "$dir/package.json" "$dir/package-lock.json" | sha256sum | cut -c1-16)"
    local store="$cache/$name-$key"
    if [ -d "$dir/node_modules" ] && [ ! -L "$dir/node_modules" ] &&
        [ "$(cat "$dir/node_modules/.amends-key" 2>/dev/null)" = "$key" ]; then
        return 0
    fi
    if [ ! -f "$store/node_modules/.amends-key" ]; then
        echo "== npm ci: $name, into $store (cached for later runs)"
        rm -rf "$store"
        mkdir -p "$store"
        cp "$dir/package.json" "$dir/package-lock.json" "$store/"
        (cd "$store" && npm ci --no-audit --no-fund --loglevel=error)
        echo "$key" > "$store/node_modules/.amends-key"
    fi
    rm -rf "$dir/node_modules"
    ln -s "$store/node_modules" "$dir/node_modules"
}
