#!/usr/bin/env bash
# PKI throughput of card-issuer beside openssl's own RSA-2048 sign rate (the ceiling: every issued certificate
# and every fresh OCSP answer costs one RSA-2048 signature).
#   issue        POST /api/v1/certificates over TLS (the API's port): resident cards from one CSR, each for its own
#                registered resident (one signature, relay look-ups, one register row and one relay card each)
#   ocsp fresh   POST /ocsp, every request with its own nonce: one signature each
#   ocsp cached  POST /ocsp without a nonce, the same request repeated: answered from the responder's cache
# Ratios are each rate over `openssl speed -seconds 5 rsa2048` sign/s (one core).
#
# Environment: PGHOST (127.0.0.1), PGPORT (5432), DURATION (20 s per measured run), WARMUP (10 s, discarded,
#              before each), ISSUE_CONNECTIONS (8: below the issuer's 10 database connections, see README),
#              ISSUE_HEADROOM (150: residents registered per second of each issuance run; one card each),
#              ISSUER_PORT (18186, the issuing API, TLS), CA_PORT (18183, CA certificates, CRLs and OCSP, plain HTTP),
#              RELAY_PORT (18181), KEEP_DB=1 keeps the databases,
#              ISSUER_JAR / RELAY_JAR (card-issuer/target/card-issuer.jar, relay-db-service/target/relay-db-service.jar,
#              built when missing).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$HERE/out"

export PGHOST="${PGHOST:-127.0.0.1}"
export PGPORT="${PGPORT:-5432}"
export PGUSER=postgres
export PGOPTIONS="-c client_min_messages=warning"
DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-10}"
ISSUE_CONNECTIONS="${ISSUE_CONNECTIONS:-8}"
ISSUE_HEADROOM="${ISSUE_HEADROOM:-150}"
ISSUER_PORT="${ISSUER_PORT:-18186}"
CA_PORT="${CA_PORT:-18183}"
RELAY_PORT="${RELAY_PORT:-18181}"
ISSUER="https://127.0.0.1:$ISSUER_PORT"
CA="http://127.0.0.1:$CA_PORT"
RELAY="http://127.0.0.1:$RELAY_PORT"
ISSUER_DB=sscard_bench_issuer
RELAY_DB=sscard_bench_relay
JARS_GIVEN="${ISSUER_JAR:-}${RELAY_JAR:-}"
ISSUER_JAR="${ISSUER_JAR:-$ROOT/card-issuer/target/card-issuer.jar}"
RELAY_JAR="${RELAY_JAR:-$ROOT/relay-db-service/target/relay-db-service.jar}"

die() { echo "run.sh: $*" >&2; exit 1; }
log() { echo "== $*"; }

[[ "$DURATION" =~ ^[1-9][0-9]*$ ]] || die "DURATION must be a positive integer (seconds)"
[[ "$WARMUP" =~ ^[1-9][0-9]*$ ]] || die "WARMUP must be a positive integer (seconds)"
[[ "$ISSUE_HEADROOM" =~ ^[1-9][0-9]*$ ]] || die "ISSUE_HEADROOM must be a positive integer (residents per second)"

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
need psql postgresql-client-15
need curl curl
need openssl openssl
need python3 python3
command -v java >/dev/null || die "java is not on PATH"

psql_q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

# --- cleanup, always --------------------------------------------------------------------------------------------
PIDS=()
stop_services() {
    local pid
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        for _ in $(seq 1 30); do
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
    stop_services
    if [[ "${KEEP_DB:-0}" == 1 ]]; then
        echo "== keeping databases $ISSUER_DB, $RELAY_DB (KEEP_DB=1)"
    else
        psql_q -d postgres -c "DROP DATABASE IF EXISTS $ISSUER_DB WITH (FORCE)" >/dev/null 2>&1 || true
        psql_q -d postgres -c "DROP DATABASE IF EXISTS $RELAY_DB WITH (FORCE)" >/dev/null 2>&1 || true
    fi
    [[ $rc -eq 0 ]] || echo "run.sh: FAILED (exit $rc); logs: $OUT/relay.log, $OUT/issuer.log" >&2
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- 2. databases and jars -------------------------------------------------------------------------------------
rm -rf "$OUT"
mkdir -p "$OUT/data"
for db in "$ISSUER_DB" "$RELAY_DB"; do
    psql_q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
    psql_q -d postgres -c "CREATE DATABASE $db" >/dev/null
done
log "databases $ISSUER_DB, $RELAY_DB on $PGHOST:$PGPORT"
if [[ ! -f "$ISSUER_JAR" || ! -f "$RELAY_JAR" ]]; then
    [[ -z "$JARS_GIVEN" ]] || die "no jar at $ISSUER_JAR or $RELAY_JAR"
    log "building card-issuer and relay-db-service"
    (cd "$ROOT" && ./mvnw -q -pl card-issuer,relay-db-service -am -DskipTests package)
fi

# --- 3. relay, then issuer (one data directory), both trusting a bench-only stand-in token issuer ---------------
# shellcheck source=../lib/token-issuer.sh
source "$HERE/../lib/token-issuer.sh"
start_token_issuer "$OUT" "${TOKEN_ISSUER_PORT:-18099}" || die "no token issuer"
PIDS+=("$TOKEN_ISSUER_PID")
start() { # start <name> <jar> <base URL> <database> [VAR=value ...]
    local name="$1" jar="$2" base="$3" db="$4" port
    port="${base##*:}"
    shift 4
    if curl -s -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null; then
        die "something is already listening on port $port"
    fi
    (
        cd "$ROOT"
        env SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" SPRING_DATASOURCE_USERNAME=postgres \
            SSCARD_DATA_DIR="$OUT/data" SSCARD_PORT="$port" SSCARD_LOG_FORMAT= SSCARD_AUTH_URL="$TOKEN_ISSUER_URL" "$@" \
            java -jar "$jar"
    ) >"$OUT/$name.log" 2>&1 &
    PIDS+=($!)
    local pid=$!
    for _ in $(seq 1 240); do
        kill -0 "$pid" 2>/dev/null || { tail -40 "$OUT/$name.log" >&2; die "$name exited during start"; }
        # the issuer's API is TLS with the certificate it makes for itself (its CA root, written at start)
        if curl -fs --cacert "$OUT/data/tls/ca-root.pem" "$base/actuator/health/readiness" 2>/dev/null \
            | grep -q '"UP"'; then
            log "$name ready on port $port (log: $OUT/$name.log)"
            return 0
        fi
        sleep 0.5
    done
    tail -40 "$OUT/$name.log" >&2
    die "$name did not become ready within 120 s"
}
start relay "$RELAY_JAR" "$RELAY" "$RELAY_DB"
start issuer "$ISSUER_JAR" "$ISSUER" "$ISSUER_DB" SSCARD_RELAY_URL="$RELAY" SSCARD_PUBLICATION_PORT="$CA_PORT" \
    SSCARD_CA_PUBLIC_URL="$CA"

BENCH_AUTH="Bearer $(mint_token city-office card-issuer)" || die "no token"
export BENCH_AUTH

# --- 4. request bodies and probes ------------------------------------------------------------------------------
cd "$OUT"
curl -fsS "$CA/ca/root.pem" -o root.pem
curl -fsS "$CA/ca/issuing.pem" -o issuing.pem
openssl req -new -newkey rsa:2048 -nodes -keyout card.key -subj "/CN=bench" -out card.csr 2>/dev/null
# the platform's identities (tls-server, service-client) are never issued through the API: resident cards are,
# one per registered resident, so each run gets residents of its own (probe, warm-up, measured run)
log "registering residents in the relay: $((1 + (WARMUP + DURATION) * ISSUE_HEADROOM))"
RELAY_AUTH="Bearer $(mint_token city-office relay-db-service)" || die "no relay token"
RELAY_AUTH="$RELAY_AUTH" RELAY="$RELAY" python3 - 1 "$((WARMUP * ISSUE_HEADROOM))" "$((DURATION * ISSUE_HEADROOM))" <<'PY'
import concurrent.futures, http.client, json, os, secrets, sys, threading, urllib.parse

def personal_id():  # docs/personal-id.md: version 01, Kamogawa 122238, 34 random digits, ISO 7064 MOD 97-10
    body = "01" + "122238" + "".join(secrets.choice("0123456789") for _ in range(34))
    return body + "%02d" % (98 - int(body + "00") % 97)

relay = urllib.parse.urlparse(os.environ["RELAY"])
local = threading.local()
def register(n):
    if not hasattr(local, "http"):
        local.http = http.client.HTTPConnection(relay.hostname, relay.port, timeout=30)
    pid = personal_id()
    person = {"personalId": pid, "nameKana": "ベンチ タロウ", "nameKanji": "試験 太郎", "dateOfBirth": "1960-01-01",
              "sex": "MALE", "provisionalSsn": "7%011d" % n}
    local.http.request("POST", "/api/v1/persons", json.dumps(person),
                       {"Authorization": os.environ["RELAY_AUTH"], "Content-Type": "application/json"})
    answer = local.http.getresponse()
    text = answer.read()
    if answer.status != 201:
        raise SystemExit("registering a resident answered %d: %s" % (answer.status, text[:300]))
    return pid

csr = open("card.csr").read()
counts = [int(c) for c in sys.argv[1:]]
with concurrent.futures.ThreadPoolExecutor(4) as pool:
    ids = list(pool.map(register, range(1, sum(counts) + 1)))
start = 0
for name, count in zip(["issue-probe", "issue-warmup", "issue"], counts):
    with open(name + ".jsonl", "w") as out:
        for pid in ids[start:start + count]:
            out.write(json.dumps({"profile": "resident-card", "personalId": pid, "csr": csr}) + "\n")
    start += count
PY
head -1 issue-probe.jsonl >issue-probe.json
code="$(curl -s --cacert data/tls/ca-root.pem -o probe-issue.json -w '%{http_code}' -H "Authorization: $BENCH_AUTH" \
    -H 'Content-Type: application/json' --data-binary @issue-probe.json "$ISSUER/api/v1/certificates")"
[[ "$code" == 201 ]] || die "issuance probe answered $code: $(cat probe-issue.json)"
python3 -c 'import json; print(json.load(open("probe-issue.json"))["certificate"], end="")' >card.pem
openssl verify -CAfile root.pem -untrusted issuing.pem -purpose sslclient card.pem >/dev/null \
    || die "the issued certificate does not verify with openssl"
code="$(curl -s -o plain-issue.json -w '%{http_code}' -H "Authorization: $BENCH_AUTH" \
    -H 'Content-Type: application/json' --data-binary @issue-probe.json "$CA/api/v1/certificates")"
[[ "$code" == 404 ]] || die "the plain-HTTP port answered an issuing call with $code, not 404"
log "issuance probe ok (TLS; plain HTTP refused): $(openssl x509 -in card.pem -noout -serial)"

ocsp_probe() { # the responder, checked by openssl itself (signature, delegation, nonce)
    local answer
    answer="$(openssl ocsp -issuer issuing.pem -cert card.pem -url "$CA/ocsp" -CAfile root.pem \
        -verify_other issuing.pem "$@" 2>&1)" || die "openssl ocsp failed: $answer"
    grep -q "Response verify OK" <<<"$answer" && grep -q "card.pem: good" <<<"$answer" \
        || die "unexpected OCSP answer: $answer"
}
ocsp_probe
ocsp_probe -no_nonce
openssl ocsp -issuer issuing.pem -cert card.pem -reqout ocsp-fresh-1.der >/dev/null 2>&1
openssl ocsp -issuer issuing.pem -cert card.pem -reqout ocsp-fresh-2.der >/dev/null 2>&1
openssl ocsp -issuer issuing.pem -cert card.pem -no_nonce -reqout ocsp-cached.der >/dev/null 2>&1
# pki.lua replaces the nonce as the request's last 16 bytes: make sure that is where openssl put it
size="$(stat -c %s ocsp-fresh-1.der)"
cmp -s -n $((size - 16)) ocsp-fresh-1.der ocsp-fresh-2.der && ! cmp -s ocsp-fresh-1.der ocsp-fresh-2.der \
    || die "openssl's OCSP requests do not end in their 16-byte nonce; pki.lua cannot vary it"
log "OCSP probes ok (openssl verified the delegated responder and the nonce)"

# --- 5. HTTP runs ----------------------------------------------------------------------------------------------
val() { sed -n "s/^$1=//p" "$2"; }
measure() { # measure <mode> <URL> <body file> <warm-up body file> <connections>: warm-up, then the measured run
    local mode="$1" url="$2" body="$3" warmup_body="$4" connections="$5"
    BENCH_MODE="$mode" BENCH_BODY="$warmup_body" BENCH_RESULT="" \
        wrk -t2 -c"$connections" -d"$WARMUP"s --timeout 10s -s "$HERE/pki.lua" "$url" >"wrk-$mode-warmup.txt" 2>&1 \
        || { cat "wrk-$mode-warmup.txt" >&2; die "wrk warm-up ($mode) failed"; }
    log "$mode: wrk -t2 -c$connections -d${DURATION}s"
    BENCH_MODE="$mode" BENCH_BODY="$body" BENCH_RESULT="wrk-$mode-result.txt" \
        wrk -t2 -c"$connections" -d"$DURATION"s --timeout 10s --latency -s "$HERE/pki.lua" "$url" >"wrk-$mode.txt" 2>&1 \
        || { cat "wrk-$mode.txt" >&2; die "wrk ($mode) failed"; }
    [[ -s "wrk-$mode-result.txt" ]] || die "wrk wrote no result (see $OUT/wrk-$mode.txt)"
    [[ "$(val requests "wrk-$mode-result.txt")" != 0 ]] || { tail -20 "$OUT/issuer.log" >&2; die "no answers ($mode)"; }
    [[ "$(val bad "wrk-$mode-result.txt")" == 0 ]] || { cat "wrk-$mode.txt" >&2; die "bad responses ($mode)"; }
    [[ "$(val socket_errors "wrk-$mode-result.txt")" == 0 ]] \
        || { cat "wrk-$mode.txt" >&2; die "socket errors ($mode)"; }
}
load_http="$(cut -d' ' -f1-3 /proc/loadavg)"
issued_before="$(psql_q -d "$ISSUER_DB" -At -c "SELECT count(*) FROM issued_certificate")"
measure issue "$ISSUER" issue.jsonl issue-warmup.jsonl "$ISSUE_CONNECTIONS"
issued="$(( $(psql_q -d "$ISSUER_DB" -At -c "SELECT count(*) FROM issued_certificate") - issued_before ))"
# wrk counts completed responses only (warm-up and measured run); requests in flight at the end may also be there
completed="$(( $(val requests wrk-issue-result.txt) + $(val requests wrk-issue-warmup.txt) ))"
(( issued >= completed )) || die "the register holds $issued new certificates but wrk completed $completed"
measure ocsp-fresh "$CA" ocsp-fresh-1.der ocsp-fresh-1.der 16
measure ocsp-cached "$CA" ocsp-cached.der ocsp-cached.der 16

stop_services # the anchor runs on an otherwise quiet machine

# --- 6. anchor -------------------------------------------------------------------------------------------------
log "anchor: openssl speed -seconds 5 rsa2048"
openssl speed -seconds 5 rsa2048 >openssl-speed.txt 2>&1 || { cat openssl-speed.txt >&2; die "openssl speed failed"; }
sign="$(awk '/^rsa 2048 bits/ { print $6 }' openssl-speed.txt)"
[[ -n "$sign" ]] || { cat openssl-speed.txt >&2; die "no rsa 2048 sign/s in openssl speed output"; }

# --- 7. summary ------------------------------------------------------------------------------------------------
row() { # row <label> <result file> <target ratio>
    local rps p50 p99 ratio
    rps="$(val rps "$2")"; p50="$(val p50_ms "$2")"; p99="$(val p99_ms "$2")"
    ratio="$(awk -v r="$rps" -v s="$sign" 'BEGIN { printf "%.2f", r / s }')"
    printf '%-33s %11.1f %9.2f %9.2f %11s  %s\n' "$1" "$rps" "$p50" "$p99" "$ratio" \
        "$(awk -v r="$ratio" -v t="$3" 'BEGIN { print (r + 0 >= t + 0) ? "OK (>= " t ")" : "BELOW TARGET (" t ")" }')"
}
{
    echo
    echo "card-issuer PKI throughput, ${DURATION}s each after ${WARMUP}s warm-up, $(nproc) cores, $(openssl version | cut -d' ' -f1-2)"
    printf '%-33s %11s %9s %9s %11s  %s\n' "" "per second" "p50 ms" "p99 ms" "/ RSA sign" "target"
    row "issue resident card (CSR, c$ISSUE_CONNECTIONS)" wrk-issue-result.txt 0.10
    row "OCSP fresh nonce (c16)" wrk-ocsp-fresh-result.txt 0.30
    row "OCSP cached, no nonce (c16)" wrk-ocsp-cached-result.txt 1.00
    printf '%-33s %11.1f %9s %9s %11s\n' "openssl RSA-2048 sign (1 core)" "$sign" "" "" "1.00"
} | tee summary.txt
echo "(register rows written by warm-up and measured issuance: $issued, wrk completed $completed; load average before HTTP: $load_http)"
echo "(compare only runs on an otherwise idle machine)"
