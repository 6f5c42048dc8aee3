#!/usr/bin/env bash
# Card logins per second on auth-service beside `openssl s_time` against `openssl s_server` with the same keys.
#   login        the full card login as a browser does it (login_client.py): authorize on the main connector, a NEW
#                mTLS connection to the card-login connector (full handshake, client certificate required, RFC 5280
#                validation with OCSP/CRL via the card issuer, relay check), back to authorize until the code is
#                issued; WORKERS processes, plus one worker (the shape of s_time) and WORKERS with TLS resumption
#   anchor       openssl s_time -new -www / against openssl s_server -Verify -www with auth-service's key and certificate,
#                the demo card as client certificate, trusting only the platform root: connections/s (wall time); also -reuse
#   validator    CertificatePathValidator alone (ValidatorBench.java against the auth-service jar's classes), the
#                card's chain with a warm OCSP cache: chains/s
# Ratios: logins/s over s_time connections/s (target >= 0.5).
#
# Environment: DURATION (20 s per measured run), WARMUP (90 s, discarded, before the first login run: the services'
#              JIT compiles as much as they serve for the first minute or two), SHORT_WARMUP (10 s, before each later
#              run, the validator and the anchors: the JIT is warm then, and OpenSSL has none), WORKERS (4),
#              PORT_OFFSET (700: ports 8780-8784, 9143), DB_PORT (embedded PostgreSQL, 16132), ANCHOR_PORT (14433),
#              CARD (kamogawa-hanako.p12), CHILD_JAVA_OPTS (-Xmx384m: the services with the full JIT; the launcher's
#              default adds -XX:TieredStopAtLevel=1 for a quick start), SKIP_BUILD=1 uses the jars as they are.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$HERE/out"
DATA="$OUT/data"

DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-90}"
SHORT_WARMUP="${SHORT_WARMUP:-10}"
WORKERS="${WORKERS:-4}"
PORT_OFFSET="${PORT_OFFSET:-700}"
DB_PORT="${DB_PORT:-16132}"
ANCHOR_PORT="${ANCHOR_PORT:-14433}"
CARD="${CARD:-kamogawa-hanako.p12}"
CHILD_JAVA_OPTS="${CHILD_JAVA_OPTS:--Xmx384m}"
AUTH_PORT=$((8082 + PORT_OFFSET))
LOGIN_PORT=$((8443 + PORT_OFFSET))
ISSUER_PORT=$((8083 + PORT_OFFSET))  # CA publication (plain HTTP); the issuing API is on 8086 (TLS)
PORTAL_URL="https://portal.localhost:$((8080 + PORT_OFFSET))"

# shellcheck source=../lib/platform.sh
source "$HERE/../lib/platform.sh"

[[ "$DURATION" =~ ^[1-9][0-9]*$ ]] || die "DURATION must be a positive integer (seconds)"
[[ "$WARMUP" =~ ^[0-9]+$ ]] || die "WARMUP must be a non-negative integer (seconds)"
[[ "$SHORT_WARMUP" =~ ^[0-9]+$ ]] || die "SHORT_WARMUP must be a non-negative integer (seconds)"
[[ "$WORKERS" =~ ^[1-9][0-9]*$ ]] || die "WORKERS must be a positive integer"

# --- 1. tools --------------------------------------------------------------------------------------------------
need curl curl
need openssl openssl
need python3 python3
need unzip unzip
command -v java >/dev/null || die "java is not on PATH"
command -v javac >/dev/null || die "javac is not on PATH (a JDK 17 is needed)"
require_free_ports $((8080 + PORT_OFFSET)) $((8081 + PORT_OFFSET)) "$AUTH_PORT" "$ISSUER_PORT" \
    $((8084 + PORT_OFFSET)) $((8086 + PORT_OFFSET)) "$LOGIN_PORT" "$DB_PORT" "$ANCHOR_PORT"

# --- 2. build and start (stopped again on exit, whatever happened) ----------------------------------------------
rm -rf "$OUT"
mkdir -p "$OUT"
build_unless_skipped
AUTH_JAR="$ROOT/auth-service/target/auth-service.jar"
start_platform relay-db-service,card-issuer,auth-service

# --- 3. keys and certificates -----------------------------------------------------------------------------------
cd "$OUT"
PIN="$(card_pin "$CARD")"
P12="$DATA/demo/cards/$CARD"
openssl pkcs12 -in "$P12" -passin "pass:$PIN" -nocerts -nodes 2>/dev/null | openssl pkey -out card.key
openssl pkcs12 -in "$P12" -passin "pass:$PIN" -clcerts -nokeys 2>/dev/null | openssl x509 -out card.pem
openssl pkcs12 -in "$P12" -passin "pass:$PIN" -cacerts -nokeys 2>/dev/null \
    | awk '/BEGIN CERTIFICATE/,/END CERTIFICATE/' >card-cas.pem
cp "$DATA/tls/ca-root.pem" root.pem
# the chain the card presents: its certificate and the CAs below the root (the server trusts the root only)
awk '/BEGIN CERTIFICATE/ { n++ } n { print > ("card-ca-" n ".pem") }' card-cas.pem
: >card-intermediates.pem
for ca in card-ca-*.pem; do
    [[ "$(openssl x509 -in "$ca" -noout -subject_hash)" == "$(openssl x509 -in "$ca" -noout -issuer_hash)" ]] \
        || cat "$ca" >>card-intermediates.pem
done
cat card.pem card-intermediates.pem >card-chain.pem
[[ -s card-intermediates.pem ]] || die "the card's PKCS#12 holds no intermediate CA"
openssl verify -CAfile root.pem -untrusted card-intermediates.pem -purpose sslclient card.pem >/dev/null \
    || die "the demo card does not verify with openssl"
cat card-intermediates.pem root.pem >client-store.pem # s_time builds the card's chain to send from this store
SERVER_CERT="$DATA/tls/auth-service.crt"
SERVER_KEY="$DATA/tls/auth-service.key"
[[ -s "$SERVER_CERT" && -s "$SERVER_KEY" ]] || die "no $SERVER_CERT / $SERVER_KEY"
log "card $CARD: $(openssl x509 -in card.pem -noout -serial), key $(openssl pkey -in card.key -noout -text \
    | head -1 | tr -d '()'); server $(openssl x509 -in "$SERVER_CERT" -noout -subject)"

client() { # client <extra args...>: login_client.py against auth-service
    python3 "$HERE/login_client.py" --main-host auth.localhost --main-port "$AUTH_PORT" --cafile root.pem --cert card-chain.pem --key card.key \
        --redirect-uri "$PORTAL_URL/login/oauth2/code/sscard" "$@"
}
client --probe || { tail -20 "$DATA/logs/auth-service.log" >&2; die "the login probe failed"; }

# --- 4. logins ---------------------------------------------------------------------------------------------------
val() { sed -n "s/^$1=//p" "$2"; }
measure() { # measure <name> <warm-up seconds> <client args...>
    local name="$1" warmup="$2"
    shift 2
    log "login ($name): ${warmup}s warm-up, ${DURATION}s measured"
    client --warmup "$warmup" --duration "$DURATION" "$@" >"login-$name.txt" \
        || { cat "login-$name.txt" >&2; die "login client failed ($name)"; }
    [[ "$(val errors "login-$name.txt")" == 0 ]] \
        || { cat "login-$name.txt" >&2; tail -20 "$DATA/logs/auth-service.log" >&2; die "failed logins ($name)"; }
    [[ "$(val logins "login-$name.txt")" != 0 ]] || die "no logins ($name)"
}
# CPU seconds (user + system) of processes, from /proc/<pid>/stat (fields after the ")" of the command name)
TICK="$(getconf CLK_TCK)"
cpu_ticks() { local t=0 p; for p in "$@"; do
    [[ -r "/proc/$p/stat" ]] && t=$((t + $(sed 's/^.*) //' "/proc/$p/stat" | awk '{ print $12 + $13 }'))); done; echo "$t"; }
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
pids_of() { pgrep -f -- "$1" | tr '\n' ' '; }
cpu_sample() { # cpu_sample <file>: one line of ticks per part
    local pg_master pg
    pg_master="$(pgrep -f -- "postgres.*$DB_PORT" | head -1 || true)"
    pg="${pg_master:+$pg_master $(pgrep -P "$pg_master" | tr '\n' ' ')}"
    {
        echo "auth=$(cpu_ticks $(pids_of "$ROOT/auth-service/target/auth-service.jar"))"
        echo "relay=$(cpu_ticks $(pids_of "$ROOT/relay-db-service/target/relay-db-service.jar"))"
        echo "issuer=$(cpu_ticks $(pids_of "$ROOT/card-issuer/target/card-issuer.jar"))"
        echo "postgres=$(cpu_ticks $pg)"
        echo "machine=$(machine_ticks)"
    } >"$1"
}
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
# the main run, with the CPU each part used during its measured window
( sleep "$WARMUP.5"; cpu_sample cpu-before.txt; sleep "$DURATION"; cpu_sample cpu-after.txt ) &
SAMPLER=$!
measure "c$WORKERS" "$WARMUP" --workers "$WORKERS"
wait "$SAMPLER" || true
measure c1 "$SHORT_WARMUP" --workers 1
measure "c$WORKERS-resume" "$SHORT_WARMUP" --workers "$WORKERS" --resume

# --- 5. the validator alone ---------------------------------------------------------------------------------------
log "validator alone: ValidatorBench against $AUTH_JAR"
compile_against_auth_jar "$HERE/ValidatorBench.java"
java "$HOSTS_OPT" -cp "$OUT/classes:$CP" ValidatorBench root.pem card-chain.pem "$SHORT_WARMUP" "$DURATION" "$WORKERS" >validator.txt \
    || { cat validator.txt >&2; die "the validator bench failed"; }

stop_all # the anchor runs on an otherwise quiet machine

# --- 6. anchor: openssl s_server + s_time with the same keys -------------------------------------------------------
anchor() { # anchor <name> <s_time mode: -new|-reuse>
    local name="$1" mode="$2" pid
    openssl s_server -quiet -accept "127.0.0.1:$ANCHOR_PORT" -cert "$SERVER_CERT" -key "$SERVER_KEY" \
        -Verify 4 -verify_return_error -CAfile root.pem -www >"s_server-$name.log" 2>&1 &
    pid=$!
    PIDS+=($pid)
    for _ in $(seq 1 50); do busy "$ANCHOR_PORT" && break; sleep 0.1; done
    # one handshake first: the card must be accepted, or s_time would time refusals
    openssl s_client -connect "127.0.0.1:$ANCHOR_PORT" -cert card.pem -key card.key -CAfile client-store.pem \
        -verify_return_error -servername localhost >"s_client-$name.txt" 2>&1 </dev/null \
        || { cat "s_client-$name.txt" "s_server-$name.log" >&2; die "s_client could not complete an mTLS handshake"; }
    if [[ "$SHORT_WARMUP" -gt 0 ]]; then
        openssl s_time -connect "127.0.0.1:$ANCHOR_PORT" "$mode" -time "$SHORT_WARMUP" -cert card.pem -key card.key \
            -www / -CAfile client-store.pem >/dev/null 2>&1 || true
    fi
    log "anchor ($name): openssl s_time $mode -www / -time $DURATION"
    local began ended
    began="$(date +%s%N)"
    openssl s_time -connect "127.0.0.1:$ANCHOR_PORT" "$mode" -www / -time "$DURATION" -cert card.pem -key card.key \
        -CAfile client-store.pem >"s_time-$name.txt" 2>&1 || { cat "s_time-$name.txt" >&2; die "s_time failed"; }
    ended="$(date +%s%N)"
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    # "<n> connections in <t> real seconds": s_time rounds t to whole seconds, so divide by the measured wall time
    awk -v ns="$((ended - began))" '/connections in [0-9.]+ real seconds/ { n = $1 }
        END { if (n) printf "%.1f\n", n / (ns / 1e9) }' "s_time-$name.txt" >"s_time-$name.rate"
    [[ -s "s_time-$name.rate" ]] || { cat "s_time-$name.txt" >&2; die "no rate in s_time output"; }
}
anchor new -new
anchor reuse -reuse

# --- 7. summary ----------------------------------------------------------------------------------------------------
anchor_new="$(cat s_time-new.rate)"
anchor_reuse="$(cat s_time-reuse.rate)"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
verdict() { awk -v r="$1" -v t="$2" 'BEGIN { print (r + 0 >= t + 0) ? "OK (>= " t ")" : "BELOW TARGET (" t ")" }'; }
row() { # row <label> <result file> <anchor rate> <target or ->
    local rps r
    rps="$(val rps "$2")"
    r="$(ratio "$rps" "$3")"
    printf '%-40s %10.1f %8.1f %8.1f %8s  %s\n' "$1" "$rps" "$(val p50_ms "$2")" "$(val p99_ms "$2")" "$r" \
        "$([[ "$4" == - ]] && echo "(info)" || verdict "$r" "$4")"
}
{
    echo
    echo "card logins on auth-service, ${DURATION}s each after ${WARMUP}s warm-up (later runs ${SHORT_WARMUP}s)," \
        "$(nproc) cores," \
        "$(openssl version | cut -d' ' -f1-2), services with $CHILD_JAVA_OPTS"
    printf '%-40s %10s %8s %8s %8s  %s\n' "" "per second" "p50 ms" "p99 ms" "/ s_time" "target"
    row "login, new handshake, c$WORKERS" "login-c$WORKERS.txt" "$anchor_new" 0.5
    row "login, new handshake, c1" login-c1.txt "$anchor_new" -
    row "login, TLS resumption ($(val resumed_pct "login-c$WORKERS-resume.txt")% resumed), c$WORKERS" \
        "login-c$WORKERS-resume.txt" "$anchor_reuse" -
    printf '%-40s %10.1f %8s %8s %8s\n' "openssl s_time -new (s_server -Verify)" "$anchor_new" "" "" "1.00"
    printf '%-40s %10.1f %8s %8s %8s\n' "openssl s_time -reuse" "$anchor_reuse" "" "" ""
    printf '%-40s %10.1f %8.3f %8.3f %8s  %s\n' "validator alone, warm OCSP, t$WORKERS (chains)" \
        "$(val rps validator.txt)" "$(val p50_ms validator.txt)" "$(val p99_ms validator.txt)" "" "(info)"
} | tee summary.txt
if [[ -s cpu-before.txt && -s cpu-after.txt ]]; then
    logins="$(val logins "login-c$WORKERS.txt")"
    {
        printf 'CPU during the c%s window (%ss, %s cores = %s core-s): ' "$WORKERS" "$DURATION" "$(nproc)" \
            "$((DURATION * $(nproc)))"
        ours=0
        for part in auth relay issuer postgres; do
            d=$(( $(val $part cpu-after.txt) - $(val $part cpu-before.txt) ))
            ours=$((ours + d))
            awk -v d="$d" -v tk="$TICK" -v n="$logins" -v p="$part" \
                'BEGIN { printf "%s %.1f s (%.1f ms/login), ", p, d / tk, n ? 1000 * d / tk / n : 0 }'
        done
        client_ticks="$(awk -v c="$(val client_cpu_s "login-c$WORKERS.txt")" -v tk="$TICK" 'BEGIN { printf "%d", c * tk }')"
        awk -v d="$client_ticks" -v tk="$TICK" -v n="$logins" \
            'BEGIN { printf "client (python) %.1f s (%.1f ms/login), ", d / tk, n ? 1000 * d / tk / n : 0 }'
        other=$(( $(val machine cpu-after.txt) - $(val machine cpu-before.txt) - ours - client_ticks ))
        # the windows of /proc sampling and of the client's own count differ by a few ms: small negatives are noise
        awk -v d="$other" -v tk="$TICK" 'BEGIN { printf "everything else on the machine %.1f s\n", (d > 0 ? d / tk : 0) }'
    } | tee -a summary.txt
fi
echo "(the resumption row is over s_time -reuse; load average before the logins: $load_before)"
echo "(compare only runs on an otherwise idle machine)"
