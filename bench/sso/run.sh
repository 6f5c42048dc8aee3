#!/usr/bin/env bash
# auth-service vouching for a resident to providers, beside the machine's own RSA-2048 signing rate:
#   exchange   RFC 8693 token exchanges into pairwise provider tokens (SsoBench.java: the portal gateway's client,
#              a fresh private_key_jwt per request, the resident's access token as subject, one provider as
#              audience; auth-service checks the client's certificate chain, makes one release call to the relay
#              (subscription, mapping and the resident's access-log row in one transaction), signs the token)
#   saml       signed SAML responses answering the bench SP's signed AuthnRequests (SP-initiated SSO, Redirect
#              binding; Response and Assertion each signed RSA-SHA256, one
#              release call to the relay as above) with the resident's card-login session
#   anchor     openssl speed rsa2048 sign/s, one process per core (-multi), on the quiet machine afterwards
# Ratios: operations/s over openssl's RSA-2048 signs/s; target >= 0.05 for each (issue 14).
#
# Environment: DURATION (20 s per measured run), WARMUP (90 s, discarded: both operations alternately before the
#              first measured run; the services' JIT compiles as much as they serve for the first minute or two),
#              SHORT_WARMUP (10 s, discarded, of each operation alone right before its measured run), WORKERS (4),
#              PORT_OFFSET (900: ports 8980-8984, 9343), DB_PORT (embedded PostgreSQL, 16332),
#              CARD (kamogawa-hanako.p12), PROVIDER (kamogawa-nhi: the pairwise tokens' audience),
#              CHILD_JAVA_OPTS (-Xmx384m, full JIT), SKIP_BUILD=1 uses the jars as they are.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$HERE/out"
DATA="$OUT/data"

DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-90}"
SHORT_WARMUP="${SHORT_WARMUP:-10}"
TARGET=0.05
WORKERS="${WORKERS:-4}"
PORT_OFFSET="${PORT_OFFSET:-900}"
DB_PORT="${DB_PORT:-16332}"
CARD="${CARD:-kamogawa-hanako.p12}"
PROVIDER="${PROVIDER:-kamogawa-nhi}"
CHILD_JAVA_OPTS="${CHILD_JAVA_OPTS:--Xmx384m}"

# shellcheck source=../lib/platform.sh
source "$HERE/../lib/platform.sh"

[[ "$DURATION" =~ ^[1-9][0-9]*$ ]] || die "DURATION must be a positive integer (seconds)"
[[ "$WARMUP" =~ ^[0-9]+$ ]] || die "WARMUP must be a non-negative integer (seconds)"
[[ "$SHORT_WARMUP" =~ ^[0-9]+$ ]] || die "SHORT_WARMUP must be a non-negative integer (seconds)"
[[ "$WORKERS" =~ ^[1-9][0-9]*$ ]] || die "WORKERS must be a positive integer"

need curl curl
need openssl openssl
need unzip unzip
command -v javac >/dev/null || die "javac is not on PATH (a JDK 17 is needed)"
require_free_ports $((8081 + PORT_OFFSET)) $((8082 + PORT_OFFSET)) $((8083 + PORT_OFFSET)) $((8443 + PORT_OFFSET)) \
    $((8086 + PORT_OFFSET)) "$DB_PORT"

rm -rf "$OUT"
mkdir -p "$OUT"
build_unless_skipped
start_platform relay-db-service,card-issuer,auth-service
PIN="$(card_pin "$CARD")"

compile_against_auth_jar "$HERE/SsoBench.java"
log "token exchanges and SAML responses: ${WARMUP}s warm-up (both), then each ${SHORT_WARMUP}s + ${DURATION}s" \
    "measured, $WORKERS workers"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
java "$HOSTS_OPT" -cp "$OUT/classes:$CP" SsoBench "https://auth.localhost:$((8082 + PORT_OFFSET))" \
    "https://auth.localhost:$((8443 + PORT_OFFSET))" "https://relay.localhost:$((8081 + PORT_OFFSET))" "$DATA" \
    "$DATA/demo/cards/$CARD" "$PIN" "https://portal.localhost:$((8080 + PORT_OFFSET))/login/oauth2/code/sscard" \
    "$PROVIDER" "$WARMUP" "$SHORT_WARMUP" "$DURATION" "$WORKERS" >"$OUT/sso.txt" 2>"$OUT/sso.err" \
    || { cat "$OUT/sso.txt" "$OUT/sso.err" >&2; tail -20 "$DATA/logs/auth-service.log" >&2; die "SsoBench failed"; }
val() { sed -n "s/^$1=//p" "$OUT/sso.txt"; }
[[ "$(val warmup_errors)" == 0 ]] || { cat "$OUT/sso.txt" >&2; die "warm-up: refused requests"; }
for phase in exchange saml; do
    [[ "$(val "${phase}_errors")" == 0 ]] || { cat "$OUT/sso.txt" >&2; die "$phase: refused requests"; }
    [[ "$(val "${phase}_count")" != 0 ]] || die "$phase: nothing measured"
done

stop_all # the anchor runs on an otherwise quiet machine

log "anchor: openssl speed -multi $(nproc) -seconds $DURATION rsa2048"
openssl speed -multi "$(nproc)" -seconds "$DURATION" rsa2048 >"$OUT/openssl-speed.txt" 2>&1
# the summary line: "rsa 2048 bits <sign s> <verify s> <sign/s> <verify/s>" (with -multi: "rsa  2048 bits ...")
signs="$(awk '/^rsa *2048 bits/ { v = $(NF - 1) } END { print v }' "$OUT/openssl-speed.txt")"
[[ -n "$signs" ]] || { cat "$OUT/openssl-speed.txt" >&2; die "no rsa2048 sign rate in openssl's output"; }

{
    echo
    echo "auth-service vouching for a resident, ${DURATION}s each after ${WARMUP}s warm-up (then" \
        "${SHORT_WARMUP}s each), $WORKERS workers, $(nproc) cores, $(openssl version | cut -d' ' -f1-2)," \
        "services with $CHILD_JAVA_OPTS"
    printf '%-52s %10s %8s %8s %12s  %s\n' "" "per second" "p50 ms" "p99 ms" "/ RSA signs" "target"
    for phase in exchange saml; do
        label="pairwise tokens exchanged (audience $PROVIDER)"
        [[ "$phase" == saml ]] && label="SAML responses signed (Response + Assertion)"
        ratio="$(awk -v a="$(val "${phase}_rps")" -v b="$signs" 'BEGIN { printf "%.4f", a / b }')"
        verdict="$(awk -v r="$ratio" -v t="$TARGET" 'BEGIN { print (r >= t ? "met" : "not met") }')"
        printf '%-52s %10.1f %8.1f %8.1f %12s  %s\n' "$label" "$(val "${phase}_rps")" "$(val "${phase}_p50_ms")" \
            "$(val "${phase}_p99_ms")" "$ratio" "target $TARGET: $verdict"
    done
    printf '%-52s %10.1f %8s %8s %12s\n' "openssl speed rsa2048 sign (-multi $(nproc))" "$signs" "" "" "1.0000"
    echo "(load average before the measured runs: $load_before; compare only runs on an otherwise idle machine)"
} | tee "$OUT/summary.txt"
