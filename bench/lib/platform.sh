# Shared by the benches that run the real services (source it; needs ROOT, OUT, DATA set by the caller):
# tools, port checks, always-stop cleanup, the build, and starting services with the launcher and the demo data.
# Every function dies with a message on failure; the caller runs with `set -euo pipefail`.

die() { echo "run.sh: $*" >&2; exit 1; }
log() { echo "== $*"; }

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

busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

require_free_ports() { # require_free_ports <port>...
    local port
    for port in "$@"; do
        ! busy "$port" || die "port $port is in use (change PORT_OFFSET, DB_PORT or the bench's own port)"
    done
}

# --- cleanup, always: every background process started by the bench is in PIDS -----------------------------------
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
    [[ $rc -eq 0 ]] || echo "run.sh: FAILED (exit $rc); logs: $OUT/launcher.log, $DATA/logs/" >&2
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

build_unless_skipped() {
    if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
        log "building (./mvnw -q -DskipTests install)"
        (cd "$ROOT" && ./mvnw -q -DskipTests install)
    fi
    [[ -f "$ROOT/auth-service/target/auth-service.jar" && -f "$ROOT/launcher/target/launcher.jar" ]] \
        || die "no jars; build first"
}

# start_platform <services, comma-separated>: the launcher with the demo profile, a fresh data directory, the
# embedded PostgreSQL on DB_PORT, ports shifted by PORT_OFFSET, the services with CHILD_JAVA_OPTS (full JIT) and the
# card login's per-address rate limit lifted (every attempt comes from 127.0.0.1; the limiter stays on the path).
# Returns when auth-service is ready and the demo cards exist. Each service has its own host (auth.localhost, ...,
# docs/architecture.md "Hosts and ports"): curl resolves *.localhost itself, a JVM only with HOSTS_OPT (the hosts file
# the launcher wrote); wrk and Python resolve through the system, so they connect to 127.0.0.1 and name the host.
HOSTS_OPT="-Djdk.net.hosts.file=$DATA/hosts"
start_platform() {
    local services="$1" auth_port=$((8082 + PORT_OFFSET)) launcher
    log "starting $services (port offset $PORT_OFFSET, data $DATA)"
    (
        cd "$ROOT"
        exec env SSCARD_EMBEDDED_DB_PORT="$DB_PORT" SSCARD_CHILD_JAVA_OPTS="$CHILD_JAVA_OPTS" SSCARD_PROFILES=demo \
            SSCARD_AUTH_CARDLOGIN_RATELIMIT_CAPACITY=100000000 \
            SSCARD_AUTH_CARDLOGIN_RATELIMIT_REFILLPERMINUTE=100000000 \
            java -jar launcher/target/launcher.jar --data-dir="$DATA" --port-offset="$PORT_OFFSET" --only="$services"
    ) >"$OUT/launcher.log" 2>&1 &
    launcher=$!
    PIDS+=("$launcher")
    CARDS_TSV="$DATA/demo/cards/cards.tsv"
    for _ in $(seq 1 480); do
        kill -0 "$launcher" 2>/dev/null || { tail -40 "$OUT/launcher.log" >&2; die "the launcher exited during start"; }
        if [[ -s "$CARDS_TSV" && -s "$DATA/tls/ca-root.pem" && -s "$DATA/hosts" ]] && curl -fs \
            --cacert "$DATA/tls/ca-root.pem" --resolve "auth.localhost:$auth_port:127.0.0.1" \
            "https://auth.localhost:$auth_port/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; then
            log "platform ready (launcher log: $OUT/launcher.log)"
            return 0
        fi
        sleep 0.5
    done
    tail -40 "$OUT/launcher.log" >&2
    die "not ready within 240 s"
}

card_pin() { # card_pin <card file name>: the demo PIN from cards.tsv
    local pin
    pin="$(awk -F'\t' -v card="$1" '$1 == card { print $3 }' "$CARDS_TSV")"
    [[ -n "$pin" ]] || die "$1 is not in $CARDS_TSV"
    echo "$pin"
}

# compile_against_auth_jar <source.java>: javac against the built auth-service jar's classes and libraries (unzipped
# into $OUT/jar); sets CP for running it
compile_against_auth_jar() {
    mkdir -p "$OUT/jar" "$OUT/classes"
    [[ -d "$OUT/jar/BOOT-INF" ]] || (cd "$OUT/jar" && unzip -q "$ROOT/auth-service/target/auth-service.jar")
    CP="$OUT/jar/BOOT-INF/classes:$OUT/jar/BOOT-INF/lib/*"
    javac -q -d "$OUT/classes" -cp "$CP" "$1" 2>/dev/null || javac -d "$OUT/classes" -cp "$CP" "$1"
}
