#!/usr/bin/env bash
# By hand (`make update-round-trip`): the whole path an owner's machine takes with a real
# update. A throwaway key pair is made (`tauri signer generate --ci`) and kept nowhere; the
# release app is bundled twice with its public half and an endpoint on 127.0.0.1, as 0.1.1
# (signed .deb) and 0.1.0; 0.1.0 is installed with apt; the installed app, driven through
# WebDriver (the ignored story in tests/tests/updates.rs), checks, finds 0.1.1, backs up and
# installs it through the updater plugin (which runs the system's dpkg through sudo); then
# dpkg-query must say 0.1.1. Needs root or sudo, and python3 for the file server.
set -euo pipefail
cd "$(dirname "$0")/../.."
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
tauri=$PWD/ui/node_modules/.bin/tauri
port=${PORT:-38017}
work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

command -v sudo >/dev/null || $SUDO apt-get install -y -q sudo
"$tauri" signer generate --ci -w "$work/test.key" >/dev/null
pub=$(cat "$work/test.key.pub")
TAURI_SIGNING_PRIVATE_KEY=$(cat "$work/test.key")
export TAURI_SIGNING_PRIVATE_KEY TAURI_SIGNING_PRIVATE_KEY_PASSWORD=""
config() {
	printf '{"version":"%s","bundle":{"createUpdaterArtifacts":true},"plugins":{"updater":{"pubkey":"%s","endpoints":["http://127.0.0.1:%s/latest.json"],"dangerousInsecureTransportProtocol":true}}}' \
		"$1" "$pub" "$port"
}
bundle() {
	rm -rf target/release/bundle/deb
	(cd src-tauri && "$tauri" build --bundles deb --config "$(config "$1")")
	cp target/release/bundle/deb/*_"$1"_*.deb* "$work/"
}
time bundle 0.1.1
time bundle 0.1.0
new=$(ls "$work"/*_0.1.1_*.deb)
old=$(ls "$work"/*_0.1.0_*.deb)
ls -l "$work"

$SUDO apt-get install -y -q --allow-downgrades "$old"
echo "installed: $(dpkg-query -W -f='${Version}' partnerdesk)"
signature=$(cat "$new.sig")
url="http://127.0.0.1:$port/$(basename "$new")"
cat >"$work/latest.json" <<JSON
{ "version": "0.1.1", "notes": "The round trip's update.", "pub_date": "2026-12-07T09:00:00Z",
  "platforms": {
    "linux-x86_64-deb": { "url": "$url", "signature": "$signature" },
    "linux-x86_64": { "url": "$url", "signature": "$signature" } } }
JSON
(cd "$work" && exec python3 -m http.server "$port" --bind 127.0.0.1 >/dev/null 2>&1) &
server=$!
sleep 1

PARTNERDESK_BIN=/usr/bin/partnerdesk cargo test -p partnerdesk-e2e --test updates -- \
	--ignored an_installed_deb_updates_itself --test-threads=1
after=$(dpkg-query -W -f='${Version}' partnerdesk)
echo "after the update: $after"
[ "$after" = "0.1.1" ] || { echo "update-round-trip: still $after" >&2; exit 1; }
echo "update-round-trip: 0.1.0 updated itself to 0.1.1"
