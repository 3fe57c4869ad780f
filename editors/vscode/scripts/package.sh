#!/usr/bin/env bash
# Builds the extension with @vscode/vsce (Node 24 from npm): a platform-specific package with the
# amends server inside, as rust-analyzer and ruff ship theirs.
#
#   scripts/package.sh                          this machine's platform: cargo build --release,
#                                               → dist/amends-linux-x64.vsix (or darwin-arm64, …)
#   scripts/package.sh --target darwin-arm64    another platform: cargo build --release --target
#                                               aarch64-apple-darwin (its toolchain must be set up)
#   scripts/package.sh --target linux-x64 --server path/to/amends
#                                               bundle a binary built elsewhere (the editor test
#                                               bundles the binary it tests)
#   scripts/package.sh --universal              no server inside: `amends` on PATH or
#                                               "amends.server.path" → dist/amends.vsix
#
# The binary goes to server/<node platform>-<node arch>/ (as the extension host names its own
# platform), stripped; the extension starts it when "amends.server.path" is not set. The path of
# the package is the one line on standard output; everything else goes to standard error.
set -euo pipefail
caller="$PWD"
script="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
cd "$(dirname "$0")/.."
repo="$(cd ../.. && pwd)"

# Usage: the comment above.
usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$script" >&2; exit 2; }
target=""
server=""
universal=false
while [ $# -gt 0 ]; do
    case "$1" in
        --target) target="${2:?--target needs a VS Code platform}"; shift 2 ;;
        --server)
            server="${2:?--server needs a path}"
            case "$server" in /*) ;; *) server="$caller/$server" ;; esac
            shift 2 ;;
        --universal) universal=true; shift ;;
        *) usage ;;
    esac
done

# VS Code's platform → the Rust target that builds for it, and the directory the extension looks
# in (Node's process.platform-process.arch there; Alpine is linux to Node, and gets a static musl
# build).
rust_target_of() {
    case "$1" in
        linux-x64) echo x86_64-unknown-linux-gnu ;;
        linux-arm64) echo aarch64-unknown-linux-gnu ;;
        linux-armhf) echo armv7-unknown-linux-gnueabihf ;;
        alpine-x64) echo x86_64-unknown-linux-musl ;;
        alpine-arm64) echo aarch64-unknown-linux-musl ;;
        darwin-x64) echo x86_64-apple-darwin ;;
        darwin-arm64) echo aarch64-apple-darwin ;;
        win32-x64) echo x86_64-pc-windows-msvc ;;
        win32-arm64) echo aarch64-pc-windows-msvc ;;
        *) return 1 ;;
    esac
}
node_platform_of() {
    case "$1" in
        linux-armhf) echo linux-arm ;;
        alpine-*) echo "linux-${1#alpine-}" ;;
        *) echo "$1" ;;
    esac
}
host_platform() {
    local os arch
    case "$(uname -s)" in
        Linux) os=linux; [ -e /etc/alpine-release ] && os=alpine ;;
        Darwin) os=darwin ;;
        MINGW* | MSYS* | CYGWIN*) os=win32 ;;
        *) echo "!! unknown system $(uname -s): pass --target" >&2; return 1 ;;
    esac
    case "$(uname -m)" in
        x86_64 | amd64) arch=x64 ;;
        aarch64 | arm64) arch=arm64 ;;
        armv7l) arch=armhf ;;
        *) echo "!! unknown machine $(uname -m): pass --target" >&2; return 1 ;;
    esac
    echo "$os-$arch"
}

rm -rf server
if [ "$universal" = true ]; then
    [ -z "$target$server" ] || { echo "!! --universal bundles no server: no --target or --server" >&2; exit 2; }
    out=dist/amends.vsix
    vsce_target=()
else
    host="$(host_platform)" || exit 2
    target="${target:-$host}"
    rust_target="$(rust_target_of "$target")" || {
        echo "!! unknown --target $target; one of: linux-x64 linux-arm64 linux-armhf alpine-x64" \
            "alpine-arm64 darwin-x64 darwin-arm64 win32-x64 win32-arm64" >&2
        exit 2
    }
    exe=""
    case "$target" in win32-*) exe=.exe ;; esac
    if [ -z "$server" ]; then
        if [ "$target" = "$host" ]; then
            (cd "$repo" && cargo build --release --locked >&2)
            server="${CARGO_TARGET_DIR:-$repo/target}/release/amends$exe"
        else
            # A build of its own, stripped by the linker: the host's strip may not read the
            # other platform's binaries.
            (cd "$repo" && cargo build --release --locked --target "$rust_target" \
                --config 'profile.release.strip="symbols"' >&2)
            server="${CARGO_TARGET_DIR:-$repo/target}/$rust_target/release/amends$exe"
        fi
    fi
    [ -f "$server" ] || { echo "!! no server binary at $server" >&2; exit 1; }
    bundled="server/$(node_platform_of "$target")/amends$exe"
    mkdir -p "$(dirname "$bundled")"
    cp "$server" "$bundled"
    chmod 755 "$bundled"
    # The release build keeps line tables for backtraces (about 50 MB); the package needs none.
    strip "$bundled" 2>/dev/null || echo "note: $bundled is not stripped (strip cannot read it)" >&2
    echo "== bundling $server as $bundled ($(du -h "$bundled" | cut -f1))" >&2
    out="dist/amends-$target.vsix"
    vsce_target=(--target "$target")
fi

. scripts/node24.sh
# npm ci only when the lock file changed since the last install (a local node_modules: vsce
# packs the extension's dependencies from it).
stamp=node_modules/.amends-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
    rm -rf node_modules
    npm ci --no-audit --no-fund --loglevel=error >&2
    cp package-lock.json "$stamp"
fi
rm -rf out
npx --no-install tsc -p . >&2
mkdir -p dist
# No repository URL to rewrite links against: the README's picture ships inside the .vsix.
npx --no-install vsce package "${vsce_target[@]}" --skip-license --allow-missing-repository \
    --no-rewrite-relative-links --out "$out" >&2
echo "$PWD/$out"
