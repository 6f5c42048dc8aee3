#!/usr/bin/env bash
# The portal gateway's reverse proxy beside nginx and beside the provider endpoint itself (wrk): requests/s, p50, p99.
#   gateway   GET https://portal.localhost:<portal>/p/bench-provider/api/v1/summary with a logged-in resident's session
#             cookie (real card login through auth-service); the pairwise token is exchanged on the first request and
#             cached, so each request is: TLS, session look-up, security filter chain, registry (cached), token
#             (cached), header stripping, circuit breaker, proxying, response rewriting
#   nginx     the same path through nginx with the gateway's own TLS certificate and key, proxy_pass to the same backend
#   reactor-netty  the same path through a bare Reactor Netty proxy (ReactorNettyProxy.java, on the gateway's own
#             Reactor Netty jars, same certificate and key, no logic at all): the floor of the stack the gateway runs on
#   direct    the backend itself, plain HTTP (nginx returning a fixed JSON body: the fastest provider there can be)
# Ratios: gateway/nginx (target >= 0.5, issue 7; the compass aims at 0.8), gateway/reactor-netty (the gateway's own
# work) and reactor-netty/nginx (the JVM transport's gap), and each over direct.
#
# Environment: DURATION (30 s per measured run), WARMUP (90 s, discarded, before the gateway's run: the JIT needs it),
#              SHORT_WARMUP (5 s, before nginx's and the backend's runs: no JIT there), RN_WARMUP (60 s, before the
#              bare Reactor Netty proxy's run), CONNECTIONS (16), PORT_OFFSET (800: ports 8880-8883, 9243),
#              DB_PORT (16232), BACKEND_PORT (18480), NGINX_PORT (18443), RN_PORT (18444),
#              CARD (kamogawa-hanako.p12), CHILD_JAVA_OPTS (-Xmx384m), SKIP_BUILD=1 uses the jars as they are.
# The resident's access token lives 5 minutes and the pairwise token is renewed from it: the gateway runs
# (warm-up + measurement) must end within about 4 minutes of the login, so keep WARMUP + DURATION under 200 s.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$HERE/out"
DATA="$OUT/data"

DURATION="${DURATION:-30}"
WARMUP="${WARMUP:-90}"
SHORT_WARMUP="${SHORT_WARMUP:-5}"
RN_WARMUP="${RN_WARMUP:-60}"
CONNECTIONS="${CONNECTIONS:-16}"
PORT_OFFSET="${PORT_OFFSET:-800}"
DB_PORT="${DB_PORT:-16232}"
BACKEND_PORT="${BACKEND_PORT:-18480}"
NGINX_PORT="${NGINX_PORT:-18443}"
RN_PORT="${RN_PORT:-18444}"
CARD="${CARD:-kamogawa-hanako.p12}"
CHILD_JAVA_OPTS="${CHILD_JAVA_OPTS:--Xmx384m}"
# each service on its own host (curl resolves *.localhost itself; the JVMs read the launcher's $DATA/hosts); wrk
# resolves through the system, so it connects to localhost and names the portal's host in the Host header
PORTAL_HOST="portal.localhost:$((8080 + PORT_OFFSET))"
PORTAL="https://$PORTAL_HOST"
RELAY="https://relay.localhost:$((8081 + PORT_OFFSET))"
AUTH="https://auth.localhost:$((8082 + PORT_OFFSET))"
ISSUER="https://issuer.localhost:$((8086 + PORT_OFFSET))"  # the issuing API, TLS only
TARGET_RATIO=0.5
PROVIDER=bench-provider
PATH_SUMMARY=/api/v1/summary

die() { echo "run.sh: $*" >&2; exit 1; }
log() { echo "== $*"; }

[[ "$DURATION" =~ ^[1-9][0-9]*$ ]] || die "DURATION must be a positive integer (seconds)"
[[ "$WARMUP" =~ ^[0-9]+$ ]] || die "WARMUP must be a non-negative integer (seconds)"
[[ "$SHORT_WARMUP" =~ ^[0-9]+$ ]] || die "SHORT_WARMUP must be a non-negative integer (seconds)"
[[ "$RN_WARMUP" =~ ^[0-9]+$ ]] || die "RN_WARMUP must be a non-negative integer (seconds)"
(( WARMUP + DURATION < 200 )) || die "WARMUP + DURATION must stay under 200 s (the login's token lifetime)"

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
need nginx nginx
need curl curl
need openssl openssl
need python3 python3
command -v java >/dev/null || die "java is not on PATH"
NGINX="$(command -v nginx)"

busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in $((8080 + PORT_OFFSET)) $((8081 + PORT_OFFSET)) $((8082 + PORT_OFFSET)) $((8083 + PORT_OFFSET)) \
    $((8086 + PORT_OFFSET)) $((8443 + PORT_OFFSET)) "$DB_PORT" "$BACKEND_PORT" "$NGINX_PORT" "$RN_PORT"; do
    ! busy "$port" || die "port $port is in use (change PORT_OFFSET, DB_PORT, BACKEND_PORT or NGINX_PORT)"
done

# --- cleanup, always --------------------------------------------------------------------------------------------
PIDS=()
stop_all() {
    local pid
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        for _ in $(seq 1 60); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.5
        done
        kill -9 "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    PIDS=()
}
cleanup() {
    local rc=$?
    stop_all
    [[ $rc -eq 0 ]] || echo "run.sh: FAILED (exit $rc); logs: $OUT/launcher.log, $DATA/logs/, $OUT/nginx/" >&2
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- 2. build and start ----------------------------------------------------------------------------------------
rm -rf "$OUT"
mkdir -p "$OUT/nginx/tmp"
chmod -R 777 "$OUT/nginx/tmp"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    log "building (./mvnw -q -DskipTests package)"
    (cd "$ROOT" && ./mvnw -q -DskipTests package)
fi
[[ -f "$ROOT/launcher/target/launcher.jar" && -f "$ROOT/portal-gateway/target/portal-gateway.jar" ]] \
    || die "no jars; build first"

log "starting relay-db-service, card-issuer, auth-service, portal-gateway (port offset $PORT_OFFSET, data $DATA)"
(
    cd "$ROOT"
    # the backend is a plain-HTTP stand-in on 127.0.0.1 (no TLS to the provider: the proxies' own cost shows); the relay
    # refuses such a base URL unless told that loopback stand-ins are allowed (never a host name)
    exec env SSCARD_EMBEDDED_DB_PORT="$DB_PORT" SSCARD_CHILD_JAVA_OPTS="$CHILD_JAVA_OPTS" SSCARD_PROFILES=demo \
        SSCARD_RELAY_PROVIDERURLS_ALLOWPLAINHTTPONLOOPBACK=true \
        java -jar launcher/target/launcher.jar --data-dir="$DATA" --port-offset="$PORT_OFFSET" \
        --only=relay-db-service,card-issuer,auth-service,portal-gateway
) >"$OUT/launcher.log" 2>&1 &
PIDS+=($!)
LAUNCHER=$!
for _ in $(seq 1 600); do
    kill -0 "$LAUNCHER" 2>/dev/null || { tail -40 "$OUT/launcher.log" >&2; die "the launcher exited during start"; }
    grep -q "sscard platform is ready" "$OUT/launcher.log" && break
    sleep 0.5
done
grep -q "sscard platform is ready" "$OUT/launcher.log" || die "the platform was not ready within 300 s"
CA="$DATA/tls/ca-root.pem"
CARDS_TSV="$DATA/demo/cards/cards.tsv"
for _ in $(seq 1 240); do [[ -s "$CARDS_TSV" ]] && break; sleep 0.5; done
[[ -s "$CARDS_TSV" ]] || die "no demo cards in $CARDS_TSV"
log "platform ready"

# --- 3. backend and nginx --------------------------------------------------------------------------------------
sed -e "s|@OUT@|$OUT|g" -e "s|@TLS@|$DATA/tls|g" -e "s|@BACKEND_PORT@|$BACKEND_PORT|g" \
    -e "s|@NGINX_PORT@|$NGINX_PORT|g" "$HERE/nginx.conf.template" >"$OUT/nginx/nginx.conf"
"$NGINX" -p "$OUT/nginx" -c "$OUT/nginx/nginx.conf" 2>"$OUT/nginx/start.log" &
PIDS+=($!)
for _ in $(seq 1 50); do busy "$NGINX_PORT" && break; sleep 0.1; done
busy "$NGINX_PORT" || die "nginx did not start: $(cat "$OUT/nginx/start.log")"

# the bare Reactor Netty proxy, on the Reactor Netty and Netty jars inside the gateway's own jar (no Spring, no logging
# library: Netty and Reactor then log through java.util.logging, warnings only)
python3 - "$ROOT/portal-gateway/target/portal-gateway.jar" "$OUT/reactor-netty-lib" <<'PY'
import re, sys, zipfile, os
jar, lib = sys.argv[1], sys.argv[2]
os.makedirs(lib, exist_ok=True)
with zipfile.ZipFile(jar) as z:
    for name in z.namelist():
        if re.match(r"BOOT-INF/lib/(reactor-core|reactor-netty-(core|http)|netty-|reactive-streams).*\.jar$", name):
            with open(os.path.join(lib, os.path.basename(name)), "wb") as out:
                out.write(z.read(name))
PY
java -Xmx384m -cp "$OUT/reactor-netty-lib/*" "$HERE/ReactorNettyProxy.java" "$RN_PORT" \
    "http://127.0.0.1:$BACKEND_PORT/base" "/p/$PROVIDER" "$DATA/tls/portal-gateway.crt" "$DATA/tls/portal-gateway.key" \
    >"$OUT/reactor-netty.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 300); do busy "$RN_PORT" && break; sleep 0.1; done
busy "$RN_PORT" || die "the bare Reactor Netty proxy did not start: $(tail -20 "$OUT/reactor-netty.log")"

# --- 4. the provider in the relay, the resident joined to it -----------------------------------------------------
TOKEN="$(cd "$ROOT" && SSCARD_DATA_DIR="$DATA" bin/sscard-issuer --issuer-url "$ISSUER" --auth-url "$AUTH" --data-dir "$DATA" \
    print-token --audience relay-db-service)" || die "no city-office token"
api() { # api <method> <path> [json]
    curl -fsS --cacert "$CA" -X "$1" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        ${3:+-d "$3"} "$RELAY$2"
}
api POST /api/v1/providers "{\"key\":\"$PROVIDER\",\"type\":\"INSURER\",\"nameJa\":\"ベンチ\",\"nameEn\":\"Bench\",
    \"ssoMethod\":\"PROXY\",\"idScheme\":\"LOCAL_NUMBER\",\"baseUrl\":\"http://127.0.0.1:$BACKEND_PORT/base\",
    \"services\":[{\"key\":\"summary\",\"nameJa\":\"ベンチ\",\"nameEn\":\"Bench\",\"path\":\"/summary\"}]}" >/dev/null
PERSON="$(api POST /api/v1/persons/lookup/by-provisional-ssn \
    '{"provisionalSsn":"100000000001","dateOfBirth":"1958-04-12"}' \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
api POST "/api/v1/persons/$PERSON/subscriptions" "{\"providerKey\":\"$PROVIDER\",\"serviceKey\":\"summary\"}" >/dev/null
api POST "/api/v1/persons/$PERSON/mappings" "{\"providerKey\":\"$PROVIDER\",\"localId\":{\"localNumber\":\"B-0001\"},
    \"validFrom\":\"$(TZ=Asia/Tokyo date -d yesterday +%F)\"}" >/dev/null
log "registered $PROVIDER -> http://127.0.0.1:$BACKEND_PORT/base; the resident joined it"

# --- 5. card login (as a browser: authorize, the card-login TLS handshake with the card, back with the code) -----
PIN="$(awk -F'\t' -v card="$CARD" '$1 == card { print $3 }' "$CARDS_TSV")"
[[ -n "$PIN" ]] || die "$CARD is not in $CARDS_TSV"
openssl pkcs12 -in "$DATA/demo/cards/$CARD" -passin "pass:$PIN" -nodes -out "$OUT/card.pem" 2>/dev/null
JAR="$OUT/cookies.txt"
hop() { curl -s --cacert "$CA" -b "$JAR" -c "$JAR" -H 'Accept: text/html' -o /dev/null -w '%{redirect_url}' "$@"; }
url="$PORTAL/oauth2/authorization/sscard"
for _ in $(seq 1 8); do
    next="$(hop --cert "$OUT/card.pem" "$url")"
    [[ -n "$next" ]] || break
    url="$next"
done
[[ "$url" == "$PORTAL/" ]] || die "the login did not end on My Portal (last: $url)"
SESSION="$(awk '$6 == "__Host-SSCARD_PORTAL" { print $7 }' "$JAR")"
[[ -n "$SESSION" ]] || die "no __Host-SSCARD_PORTAL cookie after the login"
log "logged in with $CARD"

# --- 6. one request each by hand: a broken path fails here with its body, not as a wall of wrk errors -------------
probe() { # probe <name> <url> [curl args]
    local name="$1" url="$2" code
    shift 2
    code="$(curl -s -o "$OUT/probe-$name.json" -w '%{http_code}' --cacert "$CA" "$@" "$url")"
    [[ "$code" == 200 ]] || die "$name answered $code: $(head -c 300 "$OUT/probe-$name.json")"
}
probe gateway "$PORTAL/p/$PROVIDER$PATH_SUMMARY" -H "Cookie: __Host-SSCARD_PORTAL=$SESSION"
probe nginx "https://localhost:$NGINX_PORT/p/$PROVIDER$PATH_SUMMARY"
probe reactor-netty "https://localhost:$RN_PORT/p/$PROVIDER$PATH_SUMMARY"
probe direct "http://127.0.0.1:$BACKEND_PORT/base$PATH_SUMMARY"
log "probes ok: $(cat "$OUT/probe-gateway.json")"

# --- 7. measure: the gateway first (its login's token is fresh), then nginx, then the backend directly ------------
measure() { # measure <name> <warm-up seconds> <base url> <path> [cookie] [Host header]
    local name="$1" warmup="$2" base="$3" path="$4" cookie="${5:-}" host="${6:-}"
    if (( warmup > 0 )); then
        BENCH_PATH="$path" BENCH_COOKIE="$cookie" BENCH_HOST="$host" BENCH_RESULT="" \
            wrk -t2 -c"$CONNECTIONS" -d"$warmup"s -s "$HERE/fetch.lua" "$base" >"$OUT/wrk-$name-warmup.txt" 2>&1 \
            || { cat "$OUT/wrk-$name-warmup.txt" >&2; die "wrk warm-up ($name) failed"; }
    fi
    log "$name: wrk -t2 -c$CONNECTIONS -d${DURATION}s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    BENCH_PATH="$path" BENCH_COOKIE="$cookie" BENCH_HOST="$host" BENCH_RESULT="$OUT/result-$name.txt" \
        wrk -t2 -c"$CONNECTIONS" -d"$DURATION"s --latency -s "$HERE/fetch.lua" "$base" >"$OUT/wrk-$name.txt" 2>&1 \
        || { cat "$OUT/wrk-$name.txt" >&2; die "wrk ($name) failed"; }
    [[ "$(sed -n 's/^non200=//p' "$OUT/result-$name.txt")" == 0 ]] \
        || { cat "$OUT/wrk-$name.txt" >&2; die "non-200 answers through $name"; }
    [[ "$(sed -n 's/^socket_errors=//p' "$OUT/result-$name.txt")" == 0 ]] \
        || { cat "$OUT/wrk-$name.txt" >&2; die "socket errors through $name"; }
}
measure gateway "$WARMUP" "https://localhost:$((8080 + PORT_OFFSET))" "/p/$PROVIDER$PATH_SUMMARY" \
    "__Host-SSCARD_PORTAL=$SESSION" "$PORTAL_HOST"
measure nginx "$SHORT_WARMUP" "https://localhost:$NGINX_PORT" "/p/$PROVIDER$PATH_SUMMARY"
measure reactor-netty "$RN_WARMUP" "https://localhost:$RN_PORT" "/p/$PROVIDER$PATH_SUMMARY"
measure direct "$SHORT_WARMUP" "http://127.0.0.1:$BACKEND_PORT" "/base$PATH_SUMMARY"

# --- 8. summary ------------------------------------------------------------------------------------------------
val() { sed -n "s/^$1=//p" "$OUT/result-$2.txt"; }
ratio() { awk -v a="$(val rps "$1")" -v b="$(val rps "$2")" 'BEGIN { printf "%.2f", a / b }'; }
gateway_nginx="$(ratio gateway nginx)"
verdict="$(awk -v r="$gateway_nginx" -v t="$TARGET_RATIO" 'BEGIN { print (r + 0 >= t + 0) ? "OK" : "BELOW TARGET" }')"
{
    echo
    echo "GET /p/$PROVIDER$PATH_SUMMARY, ${DURATION}s each after ${WARMUP}s warm-up (nginx, direct ${SHORT_WARMUP}s;" \
        "reactor-netty ${RN_WARMUP}s), $CONNECTIONS connections, $(nproc) cores"
    printf '%-32s %12s %10s %10s\n' "" "requests/s" "p50 ms" "p99 ms"
    for name in gateway nginx reactor-netty direct; do
        case "$name" in
            gateway) label="gateway (TLS, session)";;
            nginx) label="nginx (same TLS)";;
            reactor-netty) label="bare Reactor Netty (same TLS)";;
            direct) label="backend directly (HTTP)";;
        esac
        printf '%-32s %12.1f %10.2f %10.2f\n' "$label" "$(val rps "$name")" "$(val p50_ms "$name")" \
            "$(val p99_ms "$name")"
    done
    echo "ratio gateway/nginx = $gateway_nginx (target >= $TARGET_RATIO) $verdict"
    echo "ratio gateway/reactor-netty = $(ratio gateway reactor-netty) (the gateway's own work)," \
        "reactor-netty/nginx = $(ratio reactor-netty nginx) (the JVM transport's floor against nginx)"
    echo "ratio gateway/direct = $(ratio gateway direct), nginx/direct = $(ratio nginx direct)," \
        "reactor-netty/direct = $(ratio reactor-netty direct)"
} | tee "$OUT/summary.txt"
echo "(compare only runs on an otherwise idle machine; wrk, the JVMs, nginx and PostgreSQL share the cores)"
