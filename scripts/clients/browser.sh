#!/usr/bin/env bash
# The playground in a real headless Chromium: installs Debian's chromium if
# /usr/bin/chromium is missing (needs root and apt), type-checks and bundles
# playground/ from the ESM build, serves it on 127.0.0.1 with a tiny Node
# static server, runs scripts/clients/browser-test.ts against it with
# playwright-core, and stops the server. Needs `npm run build` first.
# Screenshots go to $SCREENSHOT_DIR (default: a temp folder, path printed).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -x /usr/bin/chromium ]; then
  echo 'installing chromium (Debian package)'
  apt-get update > /dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium > /dev/null
fi
echo "$(/usr/bin/chromium --version 2>/dev/null | head -n 1)"
npx tsc --noEmit -p playground/tsconfig.json
node scripts/clients/build-playground.mjs

log=$(mktemp)
node scripts/clients/serve-static.mjs playground 0 > "$log" 2>&1 &
server=$!
trap 'kill "$server" 2> /dev/null || true; wait "$server" 2> /dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 100); do
  grep -q '^listening ' "$log" && break
  kill -0 "$server" 2> /dev/null || { cat "$log"; exit 1; }
  sleep 0.1
done
url=$(sed -n 's/^listening //p' "$log")
[ -n "$url" ] || { echo 'static server did not start'; cat "$log"; exit 1; }
echo "playground served at $url"
PLAYGROUND_URL="$url" npx tsx scripts/clients/browser-test.ts
