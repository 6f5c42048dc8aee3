#!/usr/bin/env bash
# The reception desk's eligibility checks at steady load, beside two anchors measured in the same run:
#   checks     POST /api/v1/eligibility-checks with the demo clerk's real access token and a patient card's
#              certificate (EligibilityBench.java): the reception-check grant at auth-service (RFC 5280 path with a
#              warm OCSP cache, one relay call with its access-log row, an insurer token signed), the insurer's
#              eligibility read, an ES256 statement, the desk's check_record row
#   pgbench    primary-key look-ups on the relay DB's person table (-M prepared, -S-like), the database's own floor
#   openssl    openssl speed -multi <cores> rsa2048 sign/s, on the quiet machine afterwards
# Ratio and targets (issue 16): checks/s >= 0.05 x RSA-2048 signs/s, and p99 <= 5 x p50.
#
# Environment: DURATION (20 s measured), WARMUP (60 s, discarded), WORKERS (8), PORT_OFFSET (700: ports 8781-8787,
#              9143), DB_PORT (embedded PostgreSQL, 16132), PATIENT (kamogawa-hanako: its .pem is posted),
#              CHILD_JAVA_OPTS (-Xmx384m), SKIP_BUILD=1 uses the jars as they are.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$HERE/out"
DATA="$OUT/data"

DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-60}"
WORKERS="${WORKERS:-8}"
TARGET=0.05
PORT_OFFSET="${PORT_OFFSET:-700}"
DB_PORT="${DB_PORT:-16132}"
PATIENT="${PATIENT:-kamogawa-hanako}"
CLERK="clerk-kameda-hospital.p12"
CHILD_JAVA_OPTS="${CHILD_JAVA_OPTS:--Xmx384m}"

# shellcheck source=../lib/platform.sh
source "$HERE/../lib/platform.sh"

[[ "$DURATION" =~ ^[1-9][0-9]*$ ]] || die "DURATION must be a positive integer (seconds)"
[[ "$WARMUP" =~ ^[0-9]+$ ]] || die "WARMUP must be a non-negative integer (seconds)"
[[ "$WORKERS" =~ ^[1-9][0-9]*$ ]] || die "WORKERS must be a positive integer"

need curl curl
need openssl openssl
need unzip unzip
need pgbench postgresql-client-15
command -v javac >/dev/null || die "javac is not on PATH (a JDK 17 is needed)"
require_free_ports $((8081 + PORT_OFFSET)) $((8082 + PORT_OFFSET)) $((8083 + PORT_OFFSET)) $((8084 + PORT_OFFSET)) \
    $((8086 + PORT_OFFSET)) $((8087 + PORT_OFFSET)) $((8443 + PORT_OFFSET)) "$DB_PORT"

rm -rf "$OUT"
mkdir -p "$OUT"
build_unless_skipped
[[ -f "$ROOT/reception-desk/target/reception-desk.jar" ]] || die "no reception-desk jar; build first"
# the desk's per-clerk rate limit lifted (one clerk sends every check); the limiter stays on the path
export SSCARD_DESK_RATELIMIT_MAXCHECKS=100000000
start_platform relay-db-service,card-issuer,auth-service,insurer-adapters,reception-desk
desk="https://desk.localhost:$((8087 + PORT_OFFSET))"
for _ in $(seq 1 240); do
    curl -fs --cacert "$DATA/tls/ca-root.pem" --resolve "desk.localhost:$((8087 + PORT_OFFSET)):127.0.0.1" \
        "$desk/actuator/health/readiness" 2>/dev/null | grep -q '"UP"' && break
    sleep 0.5
done
PIN="$(card_pin "$CLERK")"
[[ -s "$DATA/demo/cards/$PATIENT.pem" ]] || die "no $PATIENT.pem in $DATA/demo/cards"

compile_against_auth_jar "$HERE/EligibilityBench.java"
# where the time goes: each service's JVM and the database's processes, CPU per check in the measured window
groups=()
for service in reception-desk auth-service relay-db-service insurer-adapters card-issuer; do
    groups+=("$service=$(pgrep -f "$service/target/$service.jar" | paste -sd,)")
done
postmaster="$(pgrep -f -- "-D $DATA/postgres" | head -1 || true)"
[[ -z "$postmaster" ]] && postmaster="$(pgrep -f "$DATA/postgres" | head -1 || true)"
groups+=("postgres=$(printf '%s\n' "$postmaster" $(pgrep -P "$postmaster" 2>/dev/null) | paste -sd,)")
log "eligibility checks: ${WARMUP}s warm-up, then ${DURATION}s measured, $WORKERS workers"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
java "$HOSTS_OPT" -cp "$OUT/classes:$CP" EligibilityBench "https://auth.localhost:$((8082 + PORT_OFFSET))" "$desk" \
    "$DATA" "$DATA/demo/cards/$CLERK" "$PIN" "$DATA/demo/cards/$PATIENT.pem" "$WARMUP" "$DURATION" "$WORKERS" \
    "${groups[@]}" \
    >"$OUT/checks.txt" 2>"$OUT/checks.err" \
    || { cat "$OUT/checks.txt" "$OUT/checks.err" >&2; tail -20 "$DATA/logs/reception-desk.log" >&2; die "EligibilityBench failed"; }
val() { sed -n "s/^$1=//p" "$OUT/checks.txt"; }
[[ "$(val errors)" == 0 ]] || { cat "$OUT/checks.txt" >&2; die "refused or failed checks"; }
[[ "$(val count)" != 0 ]] || die "nothing measured"

log "anchor: pgbench primary-key look-ups on the relay DB, ${DURATION}s"
export PGPASSWORD
PGPASSWORD="$(cat "$DATA/secrets/database/postgres.secret")"
persons="$(psql -h 127.0.0.1 -p "$DB_PORT" -U postgres -d sscard_relay -Atc 'SELECT max(id) FROM person')"
printf '\\set id random(1, %s)\nSELECT opaque_id, name_kana, date_of_birth FROM person WHERE id = :id;\n' "$persons" \
    >"$OUT/person-by-id.sql"
pgbench -n -M prepared -c"$WORKERS" -j2 -T"$DURATION" -f "$OUT/person-by-id.sql" -h 127.0.0.1 -p "$DB_PORT" \
    -U postgres sscard_relay >"$OUT/pgbench.txt" 2>&1 || { cat "$OUT/pgbench.txt" >&2; die "pgbench failed"; }
tps="$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$OUT/pgbench.txt" | tail -1)"
[[ -n "$tps" ]] || { cat "$OUT/pgbench.txt" >&2; die "no tps in pgbench's output"; }

stop_all # the signing anchor runs on an otherwise quiet machine

log "anchor: openssl speed -multi $(nproc) -seconds $DURATION rsa2048"
openssl speed -multi "$(nproc)" -seconds "$DURATION" rsa2048 >"$OUT/openssl-speed.txt" 2>&1
signs="$(awk '/^rsa *2048 bits/ { v = $(NF - 1) } END { print v }' "$OUT/openssl-speed.txt")"
[[ -n "$signs" ]] || { cat "$OUT/openssl-speed.txt" >&2; die "no rsa2048 sign rate in openssl's output"; }

{
    rps="$(val rps)"; p50="$(val p50_ms)"; p99="$(val p99_ms)"
    ratio="$(awk -v a="$rps" -v b="$signs" 'BEGIN { printf "%.4f", a / b }')"
    tail_ratio="$(awk -v a="$p99" -v b="$p50" 'BEGIN { printf "%.2f", a / b }')"
    echo
    echo "reception-desk eligibility checks, ${DURATION}s after ${WARMUP}s warm-up, $WORKERS workers, $(nproc) cores," \
        "$(openssl version | cut -d' ' -f1-2), services with $CHILD_JAVA_OPTS"
    printf '%-46s %10s %8s %8s %12s  %s\n' "" "per second" "p50 ms" "p99 ms" "/ RSA signs" "target"
    printf '%-46s %10.1f %8.1f %8.1f %12s  %s\n' "eligibility checks (card, $PATIENT)" "$rps" "$p50" "$p99" "$ratio" \
        "$(awk -v r="$ratio" -v t="$TARGET" 'BEGIN { print (r >= t ? "met" : "not met") }') (>= $TARGET)"
    printf '%-46s %10.1f %8s %8s %12s\n' "pgbench person by primary key (relay DB)" "$tps" "" "" \
        "$(awk -v a="$tps" -v b="$signs" 'BEGIN { printf "%.4f", a / b }')"
    printf '%-46s %10.1f %8s %8s %12s\n' "openssl speed rsa2048 sign (-multi $(nproc))" "$signs" "" "" "1.0000"
    echo "checks / pgbench look-ups: $(awk -v a="$rps" -v b="$tps" 'BEGIN { printf "%.4f", a / b }')"
    echo "CPU per check (measured window): $(sed -n 's/^cpu_ms_per_check_\(.*\)=\(.*\)/\1 \2 ms/p' "$OUT/checks.txt" | paste -sd, | sed 's/,/, /g')"
    echo "p99 / p50: $tail_ratio ($(awk -v r="$tail_ratio" 'BEGIN { print (r <= 5 ? "met" : "not met") }') (<= 5))"
    echo "(load average before the measured run: $load_before; compare only runs on an otherwise idle machine)"
} | tee "$OUT/summary.txt"
