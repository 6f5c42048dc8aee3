#!/usr/bin/env bash
# Inter-insurer linkage lag (issue 18): seconds from an event's commit at its publisher to its consumer's commit,
# at a steady load, beside the poll interval of the hop (the anchor: a poller can do no better than its interval).
#   hop 1  insurer → relay   kameda-kenpo's outbox (MEMBER_LEFT for records the relay never linked: recorded,
#                            nothing else changes) → insurer-adapters' pusher → the relay's inbox
#   hop 2  relay → insurer   the relay's outbox (PREVIOUS_COVERAGE_LOST to kamogawa-nhi) → insurer-adapters'
#                            consumer → kamogawa-nhi's inbox and previous_coverage
# Both publishers are fed straight into their outbox tables by one SQL loop each (a row, COMMIT, pg_sleep): the
# delivery is what is measured, not the imports in front of it. Lag = consumer's received_at − publisher's
# occurred_at (both clock_timestamp() of the same PostgreSQL). The first WARMUP seconds are discarded.
# Target (issue 18): p99 ≤ 2 × interval, with the interval ≤ 1 s.
#
# Environment: DURATION (60 s of load), WARMUP (10 s, discarded), RATE (20 events/s per hop), INTERVAL (500ms, both
#              hops' poll interval, passed to insurer-adapters), PORT_OFFSET (950), DB_PORT (16382),
#              CHILD_JAVA_OPTS (-Xmx384m), SKIP_BUILD=1 uses the jars as they are.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$HERE/out"
DATA="$OUT/data"

DURATION="${DURATION:-60}"
WARMUP="${WARMUP:-10}"
RATE="${RATE:-20}"
INTERVAL="${INTERVAL:-500ms}"
PORT_OFFSET="${PORT_OFFSET:-950}"
DB_PORT="${DB_PORT:-16382}"
CHILD_JAVA_OPTS="${CHILD_JAVA_OPTS:--Xmx384m}"

# shellcheck source=../lib/platform.sh
source "$HERE/../lib/platform.sh"

[[ "$DURATION" =~ ^[1-9][0-9]*$ ]] || die "DURATION must be a positive integer (seconds)"
[[ "$WARMUP" =~ ^[0-9]+$ && "$WARMUP" -lt "$DURATION" ]] || die "WARMUP must be an integer below DURATION"
[[ "$RATE" =~ ^[1-9][0-9]*$ && "$RATE" -le 500 ]] || die "RATE must be 1-500 events per second"
[[ "$INTERVAL" =~ ^([1-9][0-9]*)ms$ ]] || die "INTERVAL must be milliseconds, e.g. 500ms"
interval_ms="${BASH_REMATCH[1]}"
[[ "$interval_ms" -le 1000 ]] || die "INTERVAL must be at most 1000ms (issue 18)"

need curl curl
need psql postgresql-client-15
need python3 python3
require_free_ports $((8081 + PORT_OFFSET)) $((8082 + PORT_OFFSET)) $((8083 + PORT_OFFSET)) $((8084 + PORT_OFFSET)) \
    $((8443 + PORT_OFFSET)) $((8086 + PORT_OFFSET)) "$DB_PORT"

rm -rf "$OUT"
mkdir -p "$OUT"
build_unless_skipped
export SSCARD_ADAPTERS_LINKAGE_INTERVAL="$INTERVAL"
start_platform relay-db-service,card-issuer,auth-service,insurer-adapters

export PGPASSWORD
PGPASSWORD="$(cat "$DATA/secrets/database/postgres.secret")"
sql() { psql -h 127.0.0.1 -p "$DB_PORT" -U postgres -v ON_ERROR_STOP=1 -qAt -d "$@"; }

adapters="https://insurers.localhost:$((8084 + PORT_OFFSET))"
log "waiting for insurer-adapters"
for _ in $(seq 1 240); do
    curl -fs --cacert "$DATA/tls/ca-root.pem" --resolve "insurers.localhost:$((8084 + PORT_OFFSET)):127.0.0.1" \
        "$adapters/actuator/health/readiness" 2>/dev/null | grep -q '"UP"' && break
    sleep 0.5
done
# the demo's first imports published their joiners; let them drain so that only the bench's events are in flight
sleep 3

start="$(sql sscard_relay -c "SELECT extract(epoch FROM clock_timestamp())")"
pause="$(awk -v r="$RATE" 'BEGIN { printf "%.4f", 1 / r }')"
count=$((DURATION * RATE))
log "load: $RATE events/s per hop for ${DURATION}s ($count each), poll interval $INTERVAL"
# hop 1: kameda-kenpo's publisher; local IDs the relay never linked ('B' symbol)
# every row through the lock Outbox.append takes (common/linkage/Outbox.LOCK_SPACE "LNKO" and the table's OID), so
# positions become visible in commit order exactly as the services write them
lock() { echo "PERFORM pg_advisory_xact_lock(1280199503, ('$1'::regclass::oid::bigint - 2147483648)::int);"; }
sql sscard_providers -c "DO \$\$ BEGIN FOR i IN 1..$count LOOP
    $(lock kameda_kenpo.linkage_outbox)
    INSERT INTO kameda_kenpo.linkage_outbox (event_id, consumer, type, subject, payload, occurred_at)
    VALUES (gen_random_uuid(), 'relay', 'MEMBER_LEFT', '06139999|B|' || i || '|00',
            jsonb_build_object('provider', 'kameda-kenpo', 'localId', '06139999|B|' || i || '|00',
                               'lostOn', '2026-12-01', 'reason', 'bench'), clock_timestamp());
    COMMIT; PERFORM pg_sleep($pause); END LOOP; END \$\$" &
hop1=$!
# hop 2: the relay's publisher; a notice to kamogawa-nhi about one of its demo members
sql sscard_relay -c "DO \$\$ BEGIN FOR i IN 1..$count LOOP
    $(lock linkage_outbox)
    INSERT INTO linkage_outbox (event_id, consumer, type, subject, payload, occurred_at)
    VALUES (gen_random_uuid(), 'kamogawa-nhi', 'PREVIOUS_COVERAGE_LOST', '122382|鴨川|1001|00',
            jsonb_build_object('memberLocalId', '122382|鴨川|1001|00', 'previousInsurerNameJa', 'ベンチ保険',
                               'previousInsurerNameEn', 'Bench insurer', 'lostOn', '2026-12-01'), clock_timestamp());
    COMMIT; PERFORM pg_sleep($pause); END LOOP; END \$\$" &
hop2=$!
wait "$hop1" "$hop2"

log "draining (at most 60 s)"
for _ in $(seq 1 120); do
    got1="$(sql sscard_relay -c "SELECT count(*) FROM linkage_inbox WHERE source = 'provider:kameda-kenpo'
        AND received_at >= to_timestamp($start)")"
    got2="$(sql sscard_providers -c "SELECT count(*) FROM kamogawa_nhi.linkage_inbox WHERE source = 'relay'
        AND received_at >= to_timestamp($start)")"
    [[ "$got1" -ge "$count" && "$got2" -ge "$count" ]] && break
    sleep 0.5
done
[[ "$got1" -ge "$count" ]] || die "hop 1: $got1 of $count events arrived"
[[ "$got2" -ge "$count" ]] || die "hop 2: $got2 of $count events arrived"

from=$(awk -v s="$start" -v w="$WARMUP" 'BEGIN { printf "%.6f", s + w }')
sql sscard_providers -F, -c "SELECT event_id, extract(epoch FROM occurred_at) FROM kameda_kenpo.linkage_outbox
    WHERE subject LIKE '06139999|B|%' AND occurred_at >= to_timestamp($from)" >"$OUT/hop1-sent.csv"
sql sscard_relay -F, -c "SELECT event_id, extract(epoch FROM received_at) FROM linkage_inbox
    WHERE source = 'provider:kameda-kenpo'" >"$OUT/hop1-received.csv"
sql sscard_relay -F, -c "SELECT event_id, extract(epoch FROM occurred_at) FROM linkage_outbox
    WHERE consumer = 'kamogawa-nhi' AND occurred_at >= to_timestamp($from)" >"$OUT/hop2-sent.csv"
sql sscard_providers -F, -c "SELECT event_id, extract(epoch FROM received_at) FROM kamogawa_nhi.linkage_inbox
    WHERE source = 'relay'" >"$OUT/hop2-received.csv"

python3 - "$OUT" "$interval_ms" <<'PY' | tee "$OUT/result.txt"
import csv, math, sys
out, interval = sys.argv[1], int(sys.argv[2])
def load(name):
    with open(f"{out}/{name}") as f:
        return {row[0]: float(row[1]) for row in csv.reader(f) if row}
def pct(values, p):
    return values[min(len(values) - 1, math.ceil(p / 100 * len(values)) - 1)]
print(f"{'hop':<22}{'events':>8}{'p50 ms':>10}{'p99 ms':>10}{'max ms':>10}{'interval':>10}{'p99/interval':>14}")
worst = 0.0
for hop, label in (("hop1", "insurer -> relay"), ("hop2", "relay -> insurer")):
    sent, received = load(f"{hop}-sent.csv"), load(f"{hop}-received.csv")
    missing = [e for e in sent if e not in received]
    if missing:
        sys.exit(f"{label}: {len(missing)} events never arrived")
    lags = sorted((received[e] - sent[e]) * 1000 for e in sent)
    ratio = pct(lags, 99) / interval
    worst = max(worst, ratio)
    print(f"{label:<22}{len(lags):>8}{pct(lags, 50):>10.0f}{pct(lags, 99):>10.0f}{lags[-1]:>10.0f}"
          f"{interval:>8}ms{ratio:>14.2f}")
print(f"target p99 <= 2 x interval: {'met' if worst <= 2 else 'NOT met'} (worst p99/interval {worst:.2f})")
PY
echo "load average before/after: $(cut -d' ' -f1-3 /proc/loadavg)"
