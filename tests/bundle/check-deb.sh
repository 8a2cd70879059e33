#!/usr/bin/env bash
# The .deb as an owner gets it: under 18 MB, declaring what it needs (WebKitGTK), installed
# with dpkg, its two desktop entries and icons in place, and the installed binary opening its
# window under Xvfb on a temporary data folder. Removed again afterwards.
# Usage: tests/bundle/check-deb.sh path/to/partnerdesk_X.Y.Z_amd64.deb
set -euo pipefail
deb=${1:?give the .deb}
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
fail() { echo "check-deb: $*" >&2; exit 1; }

size=$(stat -c %s "$deb")
# 14.4 MB until the shop's logo came: its PNG/JPEG decoders and the SVG renderer (resvg)
# add about 1.5 MB. The ceiling catches the next jump (a debug build, a stray asset).
limit=$((18 * 1024 * 1024))
echo "check-deb: $deb is $size bytes ($((size / 1024)) KiB)"
[ "$size" -lt "$limit" ] || fail "the .deb is over 18 MB"
package=$(dpkg-deb -f "$deb" Package)
depends=$(dpkg-deb -f "$deb" Depends)
version=$(dpkg-deb -f "$deb" Version)
want=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
[ "$version" = "$want" ] || fail "the .deb says version $version, Cargo.toml $want"
grep -q 'libwebkit2gtk-4.1-0' <<<"$depends" || fail "the .deb does not declare WebKitGTK: $depends"

$SUDO dpkg -i "$deb" >/dev/null
data=$(mktemp -d)
pids=()
cleanup() {
	for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
	$SUDO dpkg -r "$package" >/dev/null || true
	rm -rf "$data"
}
trap cleanup EXIT

[ "$(dpkg-query -W -f='${Version}' "$package")" = "$version" ] || fail "dpkg-query disagrees"
binary=$(dpkg -L "$package" | grep -m1 '^/usr/bin/') || fail "no program in /usr/bin"
counter=/usr/share/applications/partnerdesk-counter.desktop
main=$(dpkg -L "$package" | grep '^/usr/share/applications/.*\.desktop$' | grep -v counter) \
	|| fail "no desktop entry for Partnerdesk"
grep -qx 'Name=Partnerdesk' "$main" || fail "$main is not named Partnerdesk"
grep -qx 'Exec=partnerdesk --counter' "$counter" || fail "no Partnerdesk Counter entry"
grep -qx 'Name=Partnerdesk Counter' "$counter" || fail "$counter is not named Partnerdesk Counter"
dpkg -L "$package" | grep -q '/usr/share/icons/hicolor/128x128/apps/partnerdesk.png' \
	|| fail "no 128x128 icon"

# The installed program, started as the desktop entry starts it, on a display of its own.
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
pids+=("$!")
sleep 1
DISPLAY=$display PARTNERDESK_DATA_DIR=$data NO_AT_BRIDGE=1 \
	WEBKIT_DISABLE_COMPOSITING_MODE=1 WEBKIT_DISABLE_DMABUF_RENDERER=1 \
	dbus-run-session -- "$binary" >"$data/app.log" 2>&1 &
pids+=("$!")
for _ in $(seq 1 120); do
	if DISPLAY=$display xdotool search --onlyvisible --name '^Partnerdesk$' >/dev/null 2>&1; then
		[ -f "$data/partnerdesk.sqlite3" ] || fail "the window opened without its database"
		echo "check-deb: $package $version installed; its window opened on $display"
		exit 0
	fi
	sleep 0.5
done
cat "$data/app.log" >&2
fail "the installed program showed no Partnerdesk window within 60 s"
