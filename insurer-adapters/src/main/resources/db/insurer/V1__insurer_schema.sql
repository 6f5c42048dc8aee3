-- One insurer's view database (applied to its own schema; the schema is the search path while migrating).

-- every file loaded, by its SHA-256: the same file twice is recognised and changes nothing
CREATE TABLE import_file (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sha256      text        NOT NULL UNIQUE,
    kind        text        NOT NULL,
    file_name   text        NOT NULL,
    row_count   integer     NOT NULL,
    imported_at timestamptz NOT NULL,
    imported_by text        NOT NULL
);

-- 資格: the fields of the online eligibility result; local_id = insurer|symbol|number|branch
CREATE TABLE member (
    local_id       text    PRIMARY KEY,
    insurer_number text    NOT NULL,
    symbol         text    NOT NULL,
    number         text    NOT NULL,
    branch         text    NOT NULL,
    relationship   text    NOT NULL CHECK (relationship IN ('INSURED', 'DEPENDANT')),
    name_kanji     text    NOT NULL,
    name_kana      text    NOT NULL,
    date_of_birth  date    NOT NULL,
    sex            text    NOT NULL CHECK (sex IN ('MALE', 'FEMALE')),
    acquired_on    date    NOT NULL,
    lost_on        date,
    copay_percent  integer NOT NULL CHECK (copay_percent IN (10, 20, 30)),
    limit_category text,
    valid_from     date    NOT NULL,
    valid_to       date,
    import_id      bigint  NOT NULL REFERENCES import_file (id)
);

-- 医療費のお知らせ: one line per institution, month and kind of care; amounts in yen
CREATE TABLE notice (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    local_id    text    NOT NULL,
    month       date    NOT NULL CHECK (extract(day FROM month) = 1),
    institution text    NOT NULL,
    care_type   text    NOT NULL CHECK (care_type IN ('INPATIENT', 'OUTPATIENT', 'DENTAL', 'PHARMACY')),
    days        integer NOT NULL CHECK (days BETWEEN 0 AND 31),
    total_cost  bigint  NOT NULL CHECK (total_cost >= 0),
    own_share   bigint  NOT NULL CHECK (own_share >= 0 AND own_share <= total_cost),
    import_id   bigint  NOT NULL
);
CREATE INDEX notice_person_month ON notice (local_id, month);

-- 健診: one line per measured item
CREATE TABLE checkup_item (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    local_id     text    NOT NULL,
    checked_on   date    NOT NULL,
    program      text    NOT NULL CHECK (program IN ('NHI_GENERAL', 'CANCER_SCREENING', 'COMPANY')),
    item_code    text    NOT NULL,
    item_name_ja text    NOT NULL,
    item_name_en text    NOT NULL,
    value        text    NOT NULL,
    value_num    numeric,
    unit         text,
    ref_low      numeric,
    ref_high     numeric,
    flag         text    NOT NULL CHECK (flag IN ('N', 'H', 'L', 'A')),
    import_id    bigint  NOT NULL
);
CREATE INDEX checkup_person_date ON checkup_item (local_id, checked_on);

-- who saw or changed whose data, what, when and why; served to the person at /api/v1/access-log
CREATE TABLE access_log (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at           timestamptz NOT NULL,
    local_id     text        NOT NULL,
    actor        text        NOT NULL,
    organisation text,
    role         text,
    action       text        NOT NULL,
    purpose      text        NOT NULL
);
CREATE INDEX access_log_person ON access_log (local_id, at DESC);
