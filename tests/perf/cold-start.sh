#!/usr/bin/env bash
# Cold start and idle memory of the release app on a data folder (issue 20): starts
# target/release/partnerdesk under Xvfb RUNS times (5 by default), each time measuring from
# launch to the lock screen asking the shell for its names (the "lock screen choices sent"
# log line, stamped by the app itself), then, after IDLE seconds (5) on the last run, the
# resident memory of the whole process tree: the app, WebKitWebProcess and
# WebKitNetworkProcess, summed from /proc/PID/status VmRSS. Prints each run and the median.
# The data folder must hold an owner, or the first screen is not the lock screen.
# Usage: tests/perf/cold-start.sh DATA_DIR [RUNS] [IDLE]   (make perf-start DATA=...)
set -euo pipefail
data=${1:?give the data folder (PARTNERDESK_DATA_DIR) to start on}
runs=${2:-5}
idle=${3:-5}
app=${APP:-target/release/partnerdesk}
fail() { echo "cold-start: $*" >&2; exit 1; }
[ -x "$app" ] || fail "no $app: build it with 'cargo build --release -p partnerdesk --features partnerdesk/custom-protocol'"
[ -f "$data/partnerdesk.sqlite3" ] || fail "no partnerdesk.sqlite3 in $data"
for tool in Xvfb dbus-run-session; do
	command -v "$tool" >/dev/null || fail "$tool is missing (make test-deps installs it)"
done

logs=$(mktemp -d)
xvfb=
app_group=
cleanup() {
	# Only what this script started: the app's own process group, then Xvfb.
	[ -n "$app_group" ] && kill -TERM -- "-$app_group" 2>/dev/null || true
	[ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
	wait 2>/dev/null || true
	rm -rf "$logs"
}
trap cleanup EXIT

display=:$((110 + RANDOM % 50))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1

# Every descendant of $1, and $1.
tree() {
	local pid=$1 child
	echo "$pid"
	for child in $(cat /proc/"$pid"/task/*/children 2>/dev/null); do tree "$child"; done
}

# Seconds since the epoch of the first "lock screen choices sent" line in $1, or nothing.
ready_at() {
	local line
	line=$(sed 's/\x1b\[[0-9;]*m//g' "$1" | grep -m1 'lock screen choices sent') || return 0
	date -d "${line%% *}" +%s.%N
}

times=()
for run in $(seq 1 "$runs"); do
	log=$logs/run-$run.log
	start=$(date +%s.%N)
	# A group of its own (setsid), so the app and its WebKit helpers end together.
	DISPLAY=$display PARTNERDESK_DATA_DIR=$data NO_AT_BRIDGE=1 RUST_LOG=partnerdesk=info \
		WEBKIT_DISABLE_COMPOSITING_MODE=1 WEBKIT_DISABLE_DMABUF_RENDERER=1 \
		setsid dbus-run-session -- "$app" >"$log" 2>&1 &
	app_group=$!
	ready=
	for _ in $(seq 1 600); do
		ready=$(ready_at "$log")
		[ -n "$ready" ] && break
		kill -0 "$app_group" 2>/dev/null || { cat "$log" >&2; fail "the app exited in run $run"; }
		sleep 0.05
	done
	[ -n "$ready" ] || { cat "$log" >&2; fail "no lock screen within 30 s in run $run"; }
	times+=("$(awk -v a="$ready" -v b="$start" 'BEGIN { printf "%.0f", (a - b) * 1000 }')")
	echo "run $run: lock screen after ${times[-1]} ms"
	if [ "$run" = "$runs" ]; then
		sleep "$idle"
		total=0
		total_pss=0
		for pid in $(tree "$app_group"); do
			name=$(cat /proc/"$pid"/comm 2>/dev/null) || continue
			case $name in partnerdesk | WebKit*) ;; *) continue ;; esac
			kb=$(awk '/^VmRSS:/ { print $2 }' /proc/"$pid"/status 2>/dev/null || echo 0)
			# PSS shares each library page among the processes mapping it; RSS counts the
			# shared WebKit and GTK pages once per process, so the sum overstates.
			pss=$(awk '/^Pss:/ { print $2 }' /proc/"$pid"/smaps_rollup 2>/dev/null || echo 0)
			echo "  $name (pid $pid): RSS $((kb / 1024)) MB, PSS $((${pss:-0} / 1024)) MB"
			total=$((total + ${kb:-0}))
			total_pss=$((total_pss + ${pss:-0}))
		done
		echo "idle RSS after ${idle} s, app and WebKit processes: $((total / 1024)) MB" \
			"(PSS $((total_pss / 1024)) MB)"
	fi
	kill -TERM -- "-$app_group" 2>/dev/null || true
	wait "$app_group" 2>/dev/null || true
	app_group=
	# The next run starts cold: the store closed, nothing left holding the file.
	sleep 1
done

median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")
echo "cold start to the lock screen, median of $runs: $median ms (runs: ${times[*]})"
