# shellcheck shell=bash
# Shared by scripts/bench-lookup and scripts/bench-sync (sourced; needs ROOT = the checkout):
# the storesync binary, a temporary workspace removed on exit, background processes stopped on
# exit (SIGTERM, then SIGKILL after 5 s), the sandbox, and polling.

BENCH_PIDS=()
BENCH_KEEP=0
BENCH_WS=""

bench_note() { echo "==> $*" >&2; }
bench_die() { echo "error: $*" >&2; exit 1; }

# Sets STORESYNC: the binary given (--binary), else .build/release/storesync, built with
# `swift build -c release --product storesync` when missing or older than the sources.
bench_binary() {
    if [ -n "${1:-}" ]; then
        [ -x "$1" ] || bench_die "--binary $1 is not an executable file"
        STORESYNC=$(realpath "$1")
        return
    fi
    STORESYNC="$ROOT/.build/release/storesync"
    local newer=""
    if [ -x "$STORESYNC" ]; then
        newer=$(cd "$ROOT" && find Sources Package.swift -newer "$STORESYNC" -type f -print -quit 2>/dev/null) || true
    fi
    if [ ! -x "$STORESYNC" ] || [ -n "$newer" ]; then
        bench_note "swift build -c release --product storesync${newer:+ ($newer is newer than the binary)}"
        (cd "$ROOT" && swift build -c release --product storesync) >&2
    fi
    [ -x "$STORESYNC" ] || bench_die "no binary at $STORESYNC after the build"
}

# Creates BENCH_WS and installs the exit trap.
bench_workspace() {
    BENCH_WS=$(mktemp -d "${TMPDIR:-/tmp}/storesync-bench.XXXXXX")
    trap bench_cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
}

bench_cleanup() {
    local status=$?
    trap - EXIT INT TERM
    local i pid
    for ((i = ${#BENCH_PIDS[@]} - 1; i >= 0; i--)); do
        kill -TERM "${BENCH_PIDS[i]}" 2>/dev/null || true
    done
    for _ in $(seq 50); do
        local alive=0
        for pid in "${BENCH_PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
        [ "$alive" = 0 ] && break
        sleep 0.1
    done
    for pid in "${BENCH_PIDS[@]}"; do
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    if [ -n "$BENCH_WS" ] && [ -d "$BENCH_WS" ]; then
        if [ "$status" -ne 0 ]; then
            local log
            for log in "$BENCH_WS"/*.log; do
                [ -s "$log" ] || continue
                echo "--- last lines of $(basename "$log") ---" >&2
                tail -n 15 "$log" >&2
            done
        fi
        if [ "$BENCH_KEEP" = 1 ]; then
            echo "workspace kept: $BENCH_WS" >&2
        else
            rm -rf "$BENCH_WS"
        fi
    fi
    exit "$status"
}

# bench_start NAME COMMAND…: runs COMMAND in the background (stdout to $BENCH_WS/NAME.out, stderr to
# $BENCH_WS/NAME.log), stops it on exit; its pid in BENCH_LAST_PID.
bench_start() {
    local name=$1
    shift
    "$@" >"$BENCH_WS/$name.out" 2>"$BENCH_WS/$name.log" &
    BENCH_LAST_PID=$!
    BENCH_PIDS+=("$BENCH_LAST_PID")
}

# bench_stop PID: stops one started process (SIGTERM, waits up to 5 s, then SIGKILL).
bench_stop() {
    local pid=$1
    kill -TERM "$pid" 2>/dev/null || return 0
    for _ in $(seq 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    local kept=() other
    for other in "${BENCH_PIDS[@]}"; do [ "$other" = "$pid" ] || kept+=("$other"); done
    BENCH_PIDS=("${kept[@]}")
}

# bench_wait_for SECONDS WHAT PID COMMAND…: polls COMMAND until it succeeds; fails when PID exits or
# the time is up.
bench_wait_for() {
    local seconds=$1 what=$2 pid=$3
    shift 3
    local deadline=$((SECONDS + seconds))
    until "$@" >/dev/null 2>&1; do
        kill -0 "$pid" 2>/dev/null || bench_die "$what: the process exited"
        [ "$SECONDS" -lt "$deadline" ] || bench_die "$what: not ready after ${seconds} s"
        sleep 0.2
    done
}

# bench_sandbox PRODUCTS CLIENT_SPEC…: starts `storesync sandbox` on a free port with those clients;
# sets SANDBOX_URL (http://127.0.0.1:PORT), SANDBOX_API (…/api/v1), SANDBOX_CONTROL (…/_sandbox).
bench_sandbox() {
    local products=$1
    shift
    local args=(sandbox --port 0 --products "$products")
    local spec
    for spec in "$@"; do args+=(--client "$spec"); done
    bench_start sandbox "$STORESYNC" "${args[@]}"
    SANDBOX_PID=$BENCH_LAST_PID
    bench_wait_for 60 "the sandbox" "$SANDBOX_PID" grep -q 'Retail Digitals' "$BENCH_WS/sandbox.out"
    SANDBOX_API=$(sed -nE 's|^ *Retail Digitals +(http://[^ ]+/api/v1).*|\1|p' "$BENCH_WS/sandbox.out" | head -n 1)
    [ -n "$SANDBOX_API" ] || bench_die "no Retail Digitals URL in the sandbox's banner"
    SANDBOX_URL=${SANDBOX_API%/api/v1}
    # shellcheck disable=SC2034 # used by the scripts that source this file
    SANDBOX_CONTROL=$SANDBOX_URL/_sandbox
}

# bench_healthz SOCKET: whether the daemon answers 200 on /healthz.
bench_healthz() { curl -sf --max-time 2 --unix-socket "$1" http://localhost/healthz; }

# bench_py ARGS…: the Python helper.
bench_py() { python3 "$ROOT/scripts/lib/bench.py" "$@"; }
