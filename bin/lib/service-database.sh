# Sourced by the operator's tools that work on a service's database. use_service_database <database> points Spring
# at bin/run's embedded PostgreSQL unless SPRING_DATASOURCE_URL says otherwise, and, unless
# SPRING_DATASOURCE_USERNAME is set, logs in as that service's roles with the passwords bin/run generated
# (<data dir>/secrets/database/<role>.secret): the runtime role for the work, the owner role for Flyway.
use_service_database() {
  local database="$1"
  local secrets="${SSCARD_DATA_DIR:-$root/data}/secrets/database"
  export SPRING_DATASOURCE_URL="${SPRING_DATASOURCE_URL:-jdbc:postgresql://localhost:${SSCARD_EMBEDDED_DB_PORT:-15432}/$database}"
  if [[ -z "${SPRING_DATASOURCE_USERNAME:-}" && -r "$secrets/${database}_app.secret" ]]; then
    export SPRING_DATASOURCE_USERNAME="${database}_app"
    SPRING_DATASOURCE_PASSWORD="$(<"$secrets/${database}_app.secret")"
    export SPRING_DATASOURCE_PASSWORD
    export SPRING_FLYWAY_USER="${database}_owner"
    SPRING_FLYWAY_PASSWORD="$(<"$secrets/${database}_owner.secret")"
    export SPRING_FLYWAY_PASSWORD
  fi
}
