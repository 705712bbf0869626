#!/usr/bin/env bash
# Makes DIR hold Node.js and npm (DIR/bin/node, DIR/lib/node_modules/npm) for Vaadin's frontend
# build, taken from the npm registry's packages (node-<os>-<arch>, npm): the registry is reachable
# wherever `npm install` is, unlike nodejs.org. Run by the Maven build (phase initialize) so every
# machine builds with the same pinned Node, whatever its own node is (Vaadin 25 needs 24+).
# Usage: ensure-node.sh DIR NODE_VERSION NPM_VERSION
set -euo pipefail
dir=$1 node_version=$2 npm_version=$3
[ -x "$dir/bin/node" ] && [ -f "$dir/lib/node_modules/npm/bin/npm-cli.js" ] && exit 0

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) platform=linux-x64 ;;
  Linux-aarch64 | Linux-arm64) platform=linux-arm64 ;;
  Darwin-x86_64) platform=darwin-x64 ;;
  Darwin-arm64) platform=darwin-arm64 ;;
  *) echo "No Node.js package for $(uname -s)-$(uname -m): install Node.js 24 or newer yourself and build with -Djichao.node.provision=false." >&2; exit 1 ;;
esac

# Fetches the registry tarball of package $1 at version $2 into the current folder, as
# package-version.tgz: with npm when there is one (it knows the machine's registry, proxy and
# certificates), else with curl from the registry.
fetch() {
  if command -v npm >/dev/null 2>&1; then
    npm pack --silent "$1@$2" >/dev/null
  else
    registry=${npm_config_registry:-https://registry.npmjs.org}
    curl -fsSL -o "$1-$2.tgz" "${registry%/}/$1/-/$1-$2.tgz"
  fi
}

echo "Installing Node.js $node_version and npm $npm_version from the npm registry into $dir" >&2
mkdir -p "$(dirname "$dir")"
tmp=$(mktemp -d "$(dirname "$dir")/.node-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
(
  cd "$tmp"
  fetch "node-$platform" "$node_version"
  fetch npm "$npm_version"
  mkdir -p staged/bin staged/lib/node_modules/npm unpack-node unpack-npm
  tar -xzf "node-$platform-$node_version.tgz" -C unpack-node
  cp unpack-node/package/bin/node staged/bin/node
  tar -xzf "npm-$npm_version.tgz" -C unpack-npm
  cp -R unpack-npm/package/. staged/lib/node_modules/npm/
  ln -s ../lib/node_modules/npm/bin/npm-cli.js staged/bin/npm
  ln -s ../lib/node_modules/npm/bin/npx-cli.js staged/bin/npx
  staged/bin/node --version >/dev/null
)
# Another build may have finished the same install meanwhile: keep whichever landed first.
[ -x "$dir/bin/node" ] && exit 0
rm -rf "$dir" # an incomplete earlier attempt
mv "$tmp/staged" "$dir" 2>/dev/null || [ -x "$dir/bin/node" ]
