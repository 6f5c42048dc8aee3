-- Wrong dates of birth given at a reception desk with an existing provisional SSN (issue 16): after too many within
-- 24 hours even the right date is refused, so that nobody finds a date of birth by trying. In the database, not in
-- memory, so that the limit holds across relay instances and restarts. Rows older than the window are removed when
-- the person's next mismatch is recorded; this is a counter, not the audit trail (that is access_log).
CREATE TABLE reception_ssn_mismatch (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id    bigint      NOT NULL REFERENCES person (id),
    at           timestamptz NOT NULL,
    organisation varchar(40) NOT NULL,
    clerk        uuid        NOT NULL
);
CREATE INDEX reception_ssn_mismatch_person ON reception_ssn_mismatch (person_id, at);
