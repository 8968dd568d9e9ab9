#!/usr/bin/env bash
# vendor_player.sh [VERSION]: (re)fill vendor/asciinema-player/ from the npm
# registry with `npm pack`: the player's dist bundle (JS and CSS), its
# LICENSE and the VERSION. The copy is committed, so the build never needs
# the network; `make` runs this only when the vendored files are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=vendor/asciinema-player
version=${1:-$(cat "$dest/VERSION" 2>/dev/null || echo 3.18.0)}
if ! command -v npm >/dev/null 2>&1; then
    echo "loopscope: $dest is missing and npm is not installed to fetch asciinema-player@$version" >&2
    exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "loopscope: fetching asciinema-player@$version from the npm registry" >&2
(cd "$tmp" && npm pack --silent "asciinema-player@$version" >/dev/null && tar xzf asciinema-player-*.tgz)
mkdir -p "$dest"
cp "$tmp/package/dist/bundle/asciinema-player.min.js" "$tmp/package/dist/bundle/asciinema-player.css" \
   "$tmp/package/LICENSE" "$dest/"
echo "$version" > "$dest/VERSION"
