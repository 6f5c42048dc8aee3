-- The relay DB (中継DB): who a person is to each provider, never what a provider knows about them.
-- No medical, insurance-claim or pension data lives here.

CREATE TABLE provider (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider_key   varchar(40)  NOT NULL UNIQUE CHECK (provider_key ~ '^[a-z][a-z0-9-]{1,39}$' AND provider_key <> 'city'),
    provider_type  varchar(16)  NOT NULL CHECK (provider_type IN ('INSURER', 'HOSPITAL', 'PENSION')),
    name_ja        varchar(200) NOT NULL,
    name_en        varchar(200) NOT NULL,
    sso_method     varchar(8)   NOT NULL CHECK (sso_method IN ('SAML', 'PROXY')),
    id_scheme      varchar(24)  NOT NULL CHECK (id_scheme IN ('INSURANCE_CARD', 'LOCAL_NUMBER')),
    base_url       varchar(500) NOT NULL,
    saml_entity_id varchar(500),
    saml_acs_url   varchar(500),
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    CHECK (sso_method <> 'SAML' OR (saml_entity_id IS NOT NULL AND saml_acs_url IS NOT NULL))
);

CREATE TABLE provider_service (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider_id bigint       NOT NULL REFERENCES provider (id),
    service_key varchar(40)  NOT NULL CHECK (service_key ~ '^[a-z][a-z0-9-]{1,39}$'),
    name_ja     varchar(200) NOT NULL,
    name_en     varchar(200) NOT NULL,
    path        varchar(300) NOT NULL CHECK (path LIKE '/%'),
    UNIQUE (provider_id, service_key)
);

CREATE TABLE person (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    opaque_id         uuid         NOT NULL UNIQUE,
    personal_id       char(44)     NOT NULL UNIQUE CHECK (personal_id ~ '^[0-9]{44}$'),
    name_kana         varchar(100) NOT NULL,
    name_kanji        varchar(100),
    date_of_birth     date         NOT NULL,
    sex               varchar(16)  NOT NULL CHECK (sex IN ('MALE', 'FEMALE', 'NOT_KNOWN', 'NOT_APPLICABLE')),
    provisional_ssn   char(12)     UNIQUE CHECK (provisional_ssn ~ '^[0-9]{12}$'),
    status            varchar(16)  NOT NULL CHECK (status IN ('ACTIVE', 'MOVED_OUT', 'DECEASED', 'SUSPENDED')),
    status_changed_at timestamptz  NOT NULL,
    created_at        timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE person_status_history (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id  bigint       NOT NULL REFERENCES person (id),
    status     varchar(16)  NOT NULL,
    reason     varchar(200),
    changed_at timestamptz  NOT NULL,
    changed_by varchar(80)  NOT NULL
);
CREATE INDEX person_status_history_person ON person_status_history (person_id, changed_at);

CREATE TABLE staff (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    opaque_id         uuid         NOT NULL UNIQUE,
    provider_id       bigint REFERENCES provider (id), -- NULL: staff of the city office
    role              varchar(24)  NOT NULL CHECK (role IN ('RECEPTION_CLERK', 'INSURER_ADMIN', 'CITY_ADMIN')),
    name_kanji        varchar(100) NOT NULL,
    name_kana         varchar(100) NOT NULL,
    status            varchar(16)  NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'RETIRED')),
    status_changed_at timestamptz  NOT NULL,
    created_at        timestamptz  NOT NULL DEFAULT now(),
    CHECK ((role = 'CITY_ADMIN') = (provider_id IS NULL))
);

CREATE TABLE service_mapping (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    opaque_id        uuid         NOT NULL UNIQUE,
    person_id        bigint       NOT NULL REFERENCES person (id),
    provider_id      bigint       NOT NULL REFERENCES provider (id),
    local_id         varchar(200) NOT NULL, -- canonical form, see ProviderLocalId
    insurer_number   varchar(8),
    insurance_symbol varchar(40),
    insurance_number varchar(40),
    insurance_branch varchar(2),
    local_number     varchar(32),
    valid_from       date         NOT NULL,
    valid_to         date,                  -- inclusive; NULL: open-ended
    status           varchar(8)   NOT NULL CHECK (status IN ('ACTIVE', 'ENDED')),
    end_reason       varchar(200),
    created_at       timestamptz  NOT NULL DEFAULT now(),
    ended_at         timestamptz,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX service_mapping_person ON service_mapping (person_id, provider_id, valid_from);
CREATE INDEX service_mapping_local ON service_mapping (provider_id, local_id);

CREATE TABLE card (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    card_serial        varchar(40) NOT NULL UNIQUE CHECK (card_serial ~ '^[A-Za-z0-9-]{4,40}$'),
    person_id          bigint REFERENCES person (id),
    staff_id           bigint REFERENCES staff (id),
    certificate_serial varchar(64) NOT NULL UNIQUE CHECK (certificate_serial ~ '^[0-9a-f]{1,64}$'),
    certificate_sha256 char(64)    NOT NULL UNIQUE CHECK (certificate_sha256 ~ '^[0-9a-f]{64}$'),
    status             varchar(16) NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'REVOKED', 'EXPIRED')),
    revocation_reason  varchar(32),
    issued_at          timestamptz NOT NULL,
    expires_at         timestamptz NOT NULL,
    revoked_at         timestamptz,
    status_changed_at  timestamptz NOT NULL,
    CHECK ((person_id IS NULL) <> (staff_id IS NULL)),
    CHECK (expires_at > issued_at)
);
CREATE INDEX card_person ON card (person_id);
CREATE INDEX card_staff ON card (staff_id);

CREATE TABLE subscription (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    opaque_id           uuid        NOT NULL UNIQUE,
    person_id           bigint      NOT NULL REFERENCES person (id),
    provider_service_id bigint      NOT NULL REFERENCES provider_service (id),
    chosen_at           timestamptz NOT NULL,
    withdrawn_at        timestamptz
);
CREATE UNIQUE INDEX subscription_one_open ON subscription (person_id, provider_service_id) WHERE withdrawn_at IS NULL;

-- Who looked at whose data, what, when and why. Append-only: no row is ever changed or removed.
CREATE TABLE access_log (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at                timestamptz  NOT NULL DEFAULT now(),
    caller            varchar(80)  NOT NULL,
    acting_for        varchar(120),
    subject_person_id bigint       NOT NULL REFERENCES person (id),
    action            varchar(40)  NOT NULL,
    purpose           varchar(200) NOT NULL,
    provider_key      varchar(40)
);
CREATE INDEX access_log_subject ON access_log (subject_person_id, at DESC);

CREATE FUNCTION access_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'access_log is append-only';
END;
$$;
CREATE TRIGGER access_log_no_update_or_delete BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION access_log_is_append_only();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION access_log_is_append_only();
