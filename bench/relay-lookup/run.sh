#!/usr/bin/env bash
# Relay resolve over HTTP (wrk) beside the same SQL run directly (pgbench): throughput and p50/p99.
# The target is a ratio against the pgbench anchor, so the result does not depend on how fast the machine is.
#
# Environment: PGHOST (127.0.0.1), PGPORT (5432), N (10000 persons), DURATION (20 s per measured run),
#              WARMUP (5 s, discarded, before each of the two measured runs),
#              SSCARD_PORT (18081), KEEP_DB=1 keeps the database sscard_bench afterwards,
#              RELAY_JAR (relay-db-service/target/relay-db-service.jar, built when missing).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$HERE/out"

export PGHOST="${PGHOST:-127.0.0.1}"
export PGPORT="${PGPORT:-5432}"
export PGUSER=postgres
N="${N:-10000}"
DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-5}"
PORT="${SSCARD_PORT:-18081}"
DB=sscard_bench
BASE="http://127.0.0.1:$PORT"
TARGET_RATIO=0.30
JAR="${RELAY_JAR:-$ROOT/relay-db-service/target/relay-db-service.jar}"

die() { echo "run.sh: $*" >&2; exit 1; }
log() { echo "== $*"; }

[[ "$N" =~ ^[1-9][0-9]*$ ]] || die "N must be a positive integer"
[[ "$DURATION" =~ ^[1-9][0-9]*$ ]] || die "DURATION must be a positive integer (seconds)"
[[ "$WARMUP" =~ ^[1-9][0-9]*$ ]] || die "WARMUP must be a positive integer (seconds)"

# --- 1. tools --------------------------------------------------------------------------------------------------
APT_UPDATED=0
need() { # need <command> <debian package>: apt-get install when missing, apt-get update once only if needed
    command -v "$1" >/dev/null 2>&1 && return 0
    log "installing $2"
    local sudo=""
    [[ "$(id -u)" -eq 0 ]] || sudo=sudo
    if ! $sudo apt-get install -y -q "$2" >/dev/null 2>&1; then
        [[ $APT_UPDATED -eq 1 ]] || { $sudo apt-get update -q >/dev/null; APT_UPDATED=1; }
        $sudo apt-get install -y -q "$2" >/dev/null
    fi
    command -v "$1" >/dev/null 2>&1 || die "could not install $2"
}
need wrk wrk
need pgbench postgresql-client-15
need psql postgresql-client-15
need curl curl
command -v java >/dev/null || die "java is not on PATH"

psql_q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

# --- cleanup, always --------------------------------------------------------------------------------------------
RELAY_PID=""
stop_relay() {
    [[ -n "$RELAY_PID" ]] || return 0
    if kill -0 "$RELAY_PID" 2>/dev/null; then
        kill "$RELAY_PID" 2>/dev/null || true
        for _ in $(seq 1 30); do
            kill -0 "$RELAY_PID" 2>/dev/null || break
            sleep 0.5
        done
        kill -9 "$RELAY_PID" 2>/dev/null || true
    fi
    wait "$RELAY_PID" 2>/dev/null || true
    RELAY_PID=""
}
cleanup() {
    local rc=$?
    stop_relay
    [[ -z "${TOKEN_ISSUER_PID:-}" ]] || kill "$TOKEN_ISSUER_PID" 2>/dev/null || true
    if [[ "${KEEP_DB:-0}" == 1 ]]; then
        echo "== keeping database $DB (KEEP_DB=1)"
    else
        psql_q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
    fi
    if [[ $rc -ne 0 ]]; then
        echo "run.sh: FAILED (exit $rc); relay log: $OUT/relay.log" >&2
    fi
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- 2. database -----------------------------------------------------------------------------------------------
rm -rf "$OUT"
mkdir -p "$OUT/data"
log "database $DB on $PGHOST:$PGPORT"
psql_q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null
psql_q -d postgres -c "CREATE DATABASE $DB" >/dev/null

# --- 3. relay --------------------------------------------------------------------------------------------------
if [[ ! -f "$JAR" ]]; then
    [[ -z "${RELAY_JAR:-}" ]] || die "no jar at RELAY_JAR=$RELAY_JAR"
    log "building relay-db-service"
    (cd "$ROOT" && ./mvnw -q -pl relay-db-service -am -DskipTests package)
fi
if curl -s -o /dev/null "$BASE/" 2>/dev/null; then
    die "something is already listening on port $PORT (set SSCARD_PORT)"
fi
# shellcheck source=../lib/token-issuer.sh
source "$HERE/../lib/token-issuer.sh"
start_token_issuer "$OUT" "${TOKEN_ISSUER_PORT:-18099}" || die "no token issuer"
log "starting relay on port $PORT (log: $OUT/relay.log)"
(
    cd "$ROOT"
    SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
    SPRING_DATASOURCE_USERNAME=postgres \
    SSCARD_DATA_DIR="$OUT/data" \
    SSCARD_PORT="$PORT" \
    SSCARD_AUTH_URL="$TOKEN_ISSUER_URL" \
    SSCARD_LOG_FORMAT= \
    exec java -jar "$JAR"
) >"$OUT/relay.log" 2>&1 &
RELAY_PID=$!

ready=0
for _ in $(seq 1 240); do
    kill -0 "$RELAY_PID" 2>/dev/null || { tail -40 "$OUT/relay.log" >&2; die "the relay exited during start"; }
    if curl -fs "$BASE/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; then
        ready=1
        break
    fi
    sleep 0.5
done
[[ $ready -eq 1 ]] || { tail -40 "$OUT/relay.log" >&2; die "the relay did not become ready within 120 s"; }
log "relay ready"

# one token for the whole run, as a caller keeps it: the relay verifies its signature on every request
BENCH_AUTH="Bearer $(mint_token city-office relay-db-service)" || die "no token"
export BENCH_AUTH

# --- 4. seed ---------------------------------------------------------------------------------------------------
log "seeding $N persons"
psql_q -d "$DB" -v N="$N" -f "$HERE/seed.sql" >/dev/null
export BENCH_UUIDS="$OUT/uuids.txt"
psql_q -d "$DB" -At -c "SELECT md5('bench' || n)::uuid FROM generate_series(1, $N) AS n" >"$BENCH_UUIDS"
[[ "$(wc -l <"$BENCH_UUIDS")" -eq "$N" ]] || die "wrote $(wc -l <"$BENCH_UUIDS") UUIDs, expected $N"

# one request by hand first: a broken resolve should fail here with its body, not as a wall of wrk errors
probe="$(head -1 "$BENCH_UUIDS")"
code="$(curl -s -o "$OUT/probe.json" -w '%{http_code}' -H "Authorization: $BENCH_AUTH" \
    "$BASE/api/v1/persons/$probe/providers/bench-nhi/identity")"
if [[ "$code" != 200 ]]; then
    echo "probe response ($code): $(cat "$OUT/probe.json")" >&2
    tail -40 "$OUT/relay.log" >&2
    die "resolve did not answer 200"
fi
log "probe ok: $(cat "$OUT/probe.json")"

# --- 5./6. HTTP ------------------------------------------------------------------------------------------------
run_wrk() { # run_wrk <seconds> <result file or empty>
    BENCH_RESULT="$2" wrk -t2 -c16 -d"$1"s --latency -s "$HERE/resolve.lua" "$BASE"
}
log "warm-up: wrk $WARMUP s (discarded)"
run_wrk "$WARMUP" "" >"$OUT/wrk-warmup.txt" 2>&1 || { cat "$OUT/wrk-warmup.txt" >&2; die "wrk warm-up failed"; }

load_http="$(cut -d' ' -f1-3 /proc/loadavg)"
log_before="$(psql_q -d "$DB" -At -c "SELECT count(*) FROM access_log WHERE action = 'RESOLVE'")"
log "HTTP: wrk -t2 -c16 -d${DURATION}s"
run_wrk "$DURATION" "$OUT/wrk-result.txt" >"$OUT/wrk.txt" 2>&1 || { cat "$OUT/wrk.txt" >&2; die "wrk failed"; }
cat "$OUT/wrk.txt"
[[ -s "$OUT/wrk-result.txt" ]] || die "wrk wrote no result (see $OUT/wrk.txt)"
val() { sed -n "s/^$1=//p" "$2"; }
http_rps="$(val rps "$OUT/wrk-result.txt")"
http_p50="$(val p50_ms "$OUT/wrk-result.txt")"
http_p99="$(val p99_ms "$OUT/wrk-result.txt")"
http_requests="$(val requests "$OUT/wrk-result.txt")"
non200="$(val non200 "$OUT/wrk-result.txt")"
socket_errors="$(val socket_errors "$OUT/wrk-result.txt")"
if [[ "$non200" != 0 ]]; then
    tail -40 "$OUT/relay.log" >&2
    die "$non200 non-200 responses during the HTTP run (see $OUT/wrk.txt)"
fi
[[ "$socket_errors" == 0 ]] || die "$socket_errors socket errors/timeouts during the HTTP run (see $OUT/wrk.txt)"
log_after="$(psql_q -d "$DB" -At -c "SELECT count(*) FROM access_log WHERE action = 'RESOLVE'")"
# wrk counts completed responses only; requests in flight at the end may still have been logged
logged=$((log_after - log_before))
if (( logged < http_requests )); then
    die "the relay logged $logged resolves but wrk completed $http_requests"
fi
log "access_log rows written by the HTTP run: $logged (wrk completed $http_requests)"

stop_relay # the anchor runs with the relay gone

# --- 7. SQL anchor ---------------------------------------------------------------------------------------------
TODAY="$(TZ=Asia/Tokyo date +%F)"
run_pgbench() { # run_pgbench <seconds> [extra args]
    local seconds="$1"
    shift
    pgbench -n -M prepared -c16 -j2 -T"$seconds" -D N="$N" -D today="$TODAY" -f "$HERE/resolve.sql" "$@" "$DB"
}
log "warm-up: pgbench $WARMUP s (discarded)"
load_sql="$(cut -d' ' -f1-3 /proc/loadavg)"
run_pgbench "$WARMUP" >"$OUT/pgbench-warmup.txt" 2>&1 || { cat "$OUT/pgbench-warmup.txt" >&2; die "pgbench warm-up failed"; }
log "SQL: pgbench -M prepared -c16 -j2 -T$DURATION"
run_pgbench "$DURATION" -l --log-prefix="$OUT/pgbench" >"$OUT/pgbench.txt" 2>&1 \
    || { cat "$OUT/pgbench.txt" >&2; die "pgbench failed"; }
cat "$OUT/pgbench.txt"
sql_tps="$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)$/\1/p' "$OUT/pgbench.txt")"
[[ -n "$sql_tps" ]] || die "no tps in pgbench output"
failed="$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$OUT/pgbench.txt")"
[[ -z "$failed" || "$failed" == 0 ]] || die "$failed failed pgbench transactions"
# per-transaction log: client_id transaction_no latency_us script_no epoch_s epoch_us
sql_pct="$(cat "$OUT"/pgbench.[0-9]* | awk '{print $3}' | sort -n | awk '
    { v[NR] = $1 }
    END {
        if (NR == 0) exit 1
        i50 = int(NR * 0.50); if (i50 < NR * 0.50) i50++
        i99 = int(NR * 0.99); if (i99 < NR * 0.99) i99++
        printf "%.3f %.3f %d\n", v[i50] / 1000, v[i99] / 1000, NR
    }')" || die "could not read the pgbench transaction logs"
read -r sql_p50 sql_p99 sql_count <<<"$sql_pct"

# --- 8. summary ------------------------------------------------------------------------------------------------
ratio="$(awk -v h="$http_rps" -v s="$sql_tps" 'BEGIN { printf "%.2f", h / s }')"
verdict="$(awk -v r="$ratio" -v t="$TARGET_RATIO" 'BEGIN { print (r + 0 >= t + 0) ? "OK" : "BELOW TARGET" }')"
{
    echo
    echo "relay resolve ($(basename "$JAR")), N=$N persons, ${DURATION}s each, 16 connections, $(nproc) cores"
    printf '%-16s %14s %10s %10s\n' "" "per second" "p50 ms" "p99 ms"
    printf '%-16s %14.1f %10.2f %10.2f\n' "HTTP (wrk)" "$http_rps" "$http_p50" "$http_p99"
    printf '%-16s %14.1f %10.2f %10.2f\n' "SQL (pgbench)" "$sql_tps" "$sql_p50" "$sql_p99"
    echo "ratio (HTTP/SQL throughput) = $ratio (target >= $TARGET_RATIO) $verdict"
} | tee "$OUT/summary.txt"
echo "(HTTP: $http_requests requests; SQL: $sql_count transactions logged)"
echo "(load average before HTTP: $load_http; before SQL: $load_sql; compare only runs on an otherwise idle machine)"
