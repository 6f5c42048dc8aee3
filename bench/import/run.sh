#!/usr/bin/env bash
# The CSV import of insurer-adapters (bin/sscard-import: check pass, coverage delete, COPY, all in one
# transaction) beside a plain PostgreSQL COPY of the same rows into the same table: rows/s and the ratio.
#
# Environment: PGHOST (127.0.0.1), PGPORT (5432), N (1000000 rows), KEEP_DB=1 keeps the database afterwards,
#              ADAPTERS_JAR (insurer-adapters/target/insurer-adapters.jar, built when missing).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$HERE/out"

export PGHOST="${PGHOST:-127.0.0.1}"
export PGPORT="${PGPORT:-5432}"
export PGUSER=postgres
N="${N:-1000000}"
DB=sscard_bench_import
TARGET_RATIO=0.50
JAR="${ADAPTERS_JAR:-$ROOT/insurer-adapters/target/insurer-adapters.jar}"

die() { echo "run.sh: $*" >&2; exit 1; }
log() { echo "== $*"; }

[[ "$N" =~ ^[1-9][0-9]*$ ]] || die "N must be a positive integer"

# --- 1. tools --------------------------------------------------------------------------------------------------
need() { # need <command> <debian package>
    command -v "$1" >/dev/null 2>&1 && return 0
    log "installing $2"
    local sudo=""
    [[ "$(id -u)" -eq 0 ]] || sudo=sudo
    $sudo apt-get install -y -q "$2" >/dev/null 2>&1 || { $sudo apt-get update -q >/dev/null; $sudo apt-get install -y -q "$2" >/dev/null; }
    command -v "$1" >/dev/null 2>&1 || die "could not install $2"
}
need psql postgresql-client-15
need python3 python3
command -v java >/dev/null || die "java is not on PATH"
psql_q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

cleanup() {
    local rc=$?
    if [[ "${KEEP_DB:-0}" == 1 ]]; then
        echo "== keeping database $DB (KEEP_DB=1)"
    else
        psql_q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
    fi
    rm -f "$OUT/notices.csv" "$OUT/notices.copy"
    [[ $rc -eq 0 ]] || echo "run.sh: FAILED (exit $rc); import output: $OUT/import.log" >&2
}
trap cleanup EXIT

mkdir -p "$OUT"
if [[ ! -f "$JAR" ]]; then
    log "building $JAR"
    (cd "$ROOT" && ./mvnw -q -pl insurer-adapters -am package -DskipTests)
fi

# --- 2. database and rows ----------------------------------------------------------------------------------------
log "database $DB on $PGHOST:$PGPORT"
psql_q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
export SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB"
export SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD=""
# the COPY side references an import_file row like the import writes; id 1 is created below
log "generating $N rows (CSV and the same rows in COPY format)"
python3 "$HERE/generate.py" "$N" "$OUT" 1
ls -l "$OUT/notices.csv" "$OUT/notices.copy" | awk '{print "   " $5 " bytes  " $NF}'

# --- 3. the import (the jar's own timing: the import alone, not the JVM's start) -------------------------------
psql_q -d "$DB" -c "CHECKPOINT" 2>/dev/null || true
log "import: bin/sscard-import kamogawa-nhi notices (progress every 250000 rows)"
java -Xmx1g -jar "$JAR" import kamogawa-nhi notices "$OUT/notices.csv" \
    --sscard.adapters.progress-every=250000 2>"$OUT/import.log" || { cat "$OUT/import.log" >&2; exit 1; }
cat "$OUT/import.log" | sed 's/^/   /'
grep -q "imported $N rows" "$OUT/import.log" || die "the import did not load $N rows"
IMPORT_RATE=$(sed -n 's/^elapsed \([0-9.]*\) s, \([0-9]*\) rows\/s$/\2/p' "$OUT/import.log")
IMPORT_S=$(sed -n 's/^elapsed \([0-9.]*\) s, .*/\1/p' "$OUT/import.log")
[[ -n "$IMPORT_RATE" ]] || die "no timing in the import output"
LOADED=$(psql -X -At -d "$DB" -c "SELECT count(*) FROM kamogawa_nhi.notice")
[[ "$LOADED" == "$N" ]] || die "table holds $LOADED rows, expected $N"

# --- 4. the anchor: plain COPY of the same rows into the same (emptied) table, same indexes --------------------
psql_q -d "$DB" -c "TRUNCATE kamogawa_nhi.notice" -c "VACUUM ANALYZE kamogawa_nhi.notice" -c "CHECKPOINT"
log "anchor: COPY kamogawa_nhi.notice FROM the same rows"
START=$(date +%s%N)
psql_q -d "$DB" -c "\\copy kamogawa_nhi.notice (local_id, month, institution, care_type, days, total_cost, own_share, import_id) FROM '$OUT/notices.copy'"
END=$(date +%s%N)
COPIED=$(psql -X -At -d "$DB" -c "SELECT count(*) FROM kamogawa_nhi.notice")
[[ "$COPIED" == "$N" ]] || die "COPY loaded $COPIED rows, expected $N"
COPY_S=$(python3 -c "print(f'{($END - $START) / 1e9:.3f}')")
COPY_RATE=$(python3 -c "print(round($N / $COPY_S))")

# --- 5. result -----------------------------------------------------------------------------------------------------
RATIO=$(python3 -c "print(f'{$IMPORT_RATE / $COPY_RATE:.2f}')")
echo
printf '%-44s %10s %12s\n' "" "seconds" "rows/s"
printf '%-44s %10s %12s\n' "import (check, delete covered, COPY, commit)" "$IMPORT_S" "$IMPORT_RATE"
printf '%-44s %10s %12s\n' "plain COPY (psql \\copy)" "$COPY_S" "$COPY_RATE"
echo "ratio (import/COPY rows per second): $RATIO   target >= $TARGET_RATIO"
python3 -c "import sys; sys.exit(0 if $RATIO >= $TARGET_RATIO else 1)" || echo "BELOW TARGET"
