-- The pension office's view database (demonstration data only; applied to its own schema).

CREATE TABLE import_file (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sha256      text        NOT NULL UNIQUE,
    kind        text        NOT NULL,
    file_name   text        NOT NULL,
    row_count   integer     NOT NULL,
    imported_at timestamptz NOT NULL,
    imported_by text        NOT NULL
);

-- 納付記録: months and amounts per fiscal year and scheme; local_id = the basic pension number 1234-567890
CREATE TABLE contribution (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    local_id    text    NOT NULL,
    fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 1942 AND 2200),
    scheme      text    NOT NULL CHECK (scheme IN ('NATIONAL', 'EMPLOYEES')),
    months      integer NOT NULL CHECK (months BETWEEN 0 AND 12),
    exempt_months integer NOT NULL CHECK (exempt_months BETWEEN 0 AND 12),
    amount      bigint  NOT NULL CHECK (amount >= 0),
    import_id   bigint  NOT NULL,
    UNIQUE (local_id, fiscal_year, scheme)
);

-- 年金見込額: projected yearly amounts by the age at which payment starts
CREATE TABLE projection (
    local_id         text    NOT NULL,
    start_age        integer NOT NULL CHECK (start_age BETWEEN 60 AND 75),
    annual_basic     bigint  NOT NULL CHECK (annual_basic >= 0),
    annual_employees bigint  NOT NULL CHECK (annual_employees >= 0),
    as_of            date    NOT NULL,
    import_id        bigint  NOT NULL,
    PRIMARY KEY (local_id, start_age)
);

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
