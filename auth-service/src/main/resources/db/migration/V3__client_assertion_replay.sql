-- RFC 7523 section 3, item 7: a client assertion's jti is used once. Each accepted assertion's (client, jti) is
-- kept here until its exp (plus the clock skew) so that a replay is refused across restarts and by every instance;
-- assertions live at most five minutes (CertificateClientAssertions), so the table holds at most that many minutes
-- of token requests, and expired rows are purged as the table is used (AssertionReplayCache). No capacity: it never
-- refuses a new assertion for want of room.
CREATE TABLE client_assertion_jti (
    client_id  varchar(100) NOT NULL,
    jti        varchar(200) NOT NULL,
    expires_at timestamptz  NOT NULL,
    PRIMARY KEY (client_id, jti)
);
CREATE INDEX client_assertion_jti_expires_at ON client_assertion_jti (expires_at);
