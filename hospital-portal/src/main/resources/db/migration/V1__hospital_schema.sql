-- The hospital's own view database: what the patient portal shows, loaded only from XML extracts (importer).
-- One patient row per hospital patient number; everything else hangs off it and is replaced per patient.

CREATE TABLE patient (
    id             bigserial PRIMARY KEY,
    patient_number varchar(20)  NOT NULL UNIQUE CHECK (patient_number ~ '^[A-Za-z0-9-]{1,20}$'),
    name_kanji     varchar(100),
    name_kana      varchar(100),
    -- SHA-256 of the patient's canonical content in the last extract: an identical re-send rewrites nothing
    content_sha256 char(64)     NOT NULL,
    imported_at    timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE visit (
    id             bigserial PRIMARY KEY,
    patient_id     bigint       NOT NULL REFERENCES patient (id) ON DELETE CASCADE,
    visit_date     date         NOT NULL,
    department     varchar(100) NOT NULL,
    doctor         varchar(100) NOT NULL,
    visit_type     varchar(10)  NOT NULL CHECK (visit_type IN ('OUTPATIENT', 'INPATIENT')),
    discharge_date date
);
CREATE INDEX visit_patient ON visit (patient_id, visit_date DESC);

CREATE TABLE prescription (
    id            bigserial PRIMARY KEY,
    patient_id    bigint       NOT NULL REFERENCES patient (id) ON DELETE CASCADE,
    prescribed_on date         NOT NULL,
    drug          varchar(200) NOT NULL,
    dose          varchar(100) NOT NULL,
    days          integer      NOT NULL CHECK (days > 0),
    prescriber    varchar(100) NOT NULL
);
CREATE INDEX prescription_patient ON prescription (patient_id, prescribed_on DESC);

CREATE TABLE lab_result (
    id              bigserial PRIMARY KEY,
    patient_id      bigint       NOT NULL REFERENCES patient (id) ON DELETE CASCADE,
    taken_on        date         NOT NULL,
    item            varchar(100) NOT NULL,
    value           varchar(40)  NOT NULL,
    unit            varchar(40),
    reference_range varchar(60),
    flag            char(1)      NOT NULL CHECK (flag IN ('H', 'L', 'N'))
);
CREATE INDEX lab_result_patient ON lab_result (patient_id, taken_on DESC);

CREATE TABLE report (
    id          bigserial PRIMARY KEY,
    patient_id  bigint      NOT NULL REFERENCES patient (id) ON DELETE CASCADE,
    report_type varchar(60) NOT NULL,
    report_date date        NOT NULL,
    body        text        NOT NULL
);
CREATE INDEX report_patient ON report (patient_id, report_date DESC);

-- Every look at a patient's records: who, whom, what, when, why. Append-only.
CREATE TABLE access_log (
    id             bigserial PRIMARY KEY,
    at             timestamptz  NOT NULL DEFAULT now(),
    patient_number varchar(20)  NOT NULL,
    actor          varchar(200) NOT NULL,
    organisation   varchar(100),
    role           varchar(60),
    action         varchar(40)  NOT NULL,
    purpose        varchar(200) NOT NULL,
    channel        varchar(10)  NOT NULL CHECK (channel IN ('SAML', 'API'))
);
CREATE INDEX access_log_patient ON access_log (patient_number, at DESC);

CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'access_log is append-only';
END $$;
CREATE TRIGGER access_log_no_change BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION access_log_append_only();

-- Assertion IDs already consumed (SAML replay cache), kept until the assertion could no longer pass anyway.
CREATE TABLE saml_assertion_seen (
    assertion_id varchar(256) PRIMARY KEY,
    issuer       varchar(500) NOT NULL,
    expires_at   timestamptz  NOT NULL
);
CREATE INDEX saml_assertion_seen_expiry ON saml_assertion_seen (expires_at);

-- One row per import run, the report's summary.
CREATE TABLE import_run (
    id           bigserial PRIMARY KEY,
    file_name    varchar(500) NOT NULL,
    sha256       char(64)     NOT NULL,
    started_at   timestamptz  NOT NULL,
    finished_at  timestamptz  NOT NULL DEFAULT now(),
    patients     integer      NOT NULL,
    replaced     integer      NOT NULL,
    unchanged    integer      NOT NULL
);
