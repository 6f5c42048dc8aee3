-- The municipal CA's own records: every certificate it issued, its revocation state, every CRL it published,
-- and an audit trail of every issuance or revocation request, accepted or refused.

CREATE TABLE issued_certificate (
    serial            varchar(40)  PRIMARY KEY CHECK (serial ~ '^[0-9a-f]+$'),
    issuer            varchar(16)  NOT NULL CHECK (issuer IN ('root', 'issuing')),
    profile           varchar(40)  NOT NULL,
    subject_dn        text         NOT NULL,
    holder_type       varchar(16)  NOT NULL CHECK (holder_type IN ('PERSON', 'STAFF', 'PLATFORM')),
    holder_ref        varchar(80)  NOT NULL,
    card_serial       varchar(40)  UNIQUE,
    sha256            char(64)     NOT NULL UNIQUE,
    not_before        timestamptz  NOT NULL,
    not_after         timestamptz  NOT NULL,
    der               bytea        NOT NULL,
    status            varchar(10)  NOT NULL CHECK (status IN ('GOOD', 'ON_HOLD', 'REVOKED')),
    revocation_reason varchar(32),
    revoked_at        timestamptz,
    issued_at         timestamptz  NOT NULL DEFAULT now(),
    CHECK ((status = 'GOOD') = (revoked_at IS NULL))
);
CREATE INDEX issued_certificate_holder ON issued_certificate (holder_type, holder_ref);
CREATE INDEX issued_certificate_revoked ON issued_certificate (issuer) WHERE status <> 'GOOD';

CREATE TABLE crl (
    issuer      varchar(16) NOT NULL,
    number      bigint      NOT NULL,
    this_update timestamptz NOT NULL,
    next_update timestamptz NOT NULL,
    der         bytea       NOT NULL,
    PRIMARY KEY (issuer, number)
);

CREATE TABLE issuer_audit (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at         timestamptz  NOT NULL DEFAULT now(),
    actor      varchar(80)  NOT NULL,
    action     varchar(40)  NOT NULL,
    outcome    varchar(10)  NOT NULL CHECK (outcome IN ('ACCEPTED', 'REFUSED')),
    reason     varchar(300),
    holder_ref varchar(80),
    serial     varchar(40)
);
