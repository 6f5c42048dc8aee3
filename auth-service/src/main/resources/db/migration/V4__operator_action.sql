-- The operator-action grant (auth.operator) in the login audit: every token request of the operators' console, issued
-- or refused, one row each (event=operator-action): the client, the staff member the token would act for (subject =
-- staff ID, their role, organisation and staff card's serial), the back end asked for (audience), and on a refusal
-- the reason code (OperatorRefusal). Codes and names only, as for the card logins; the table stays append-only.
ALTER TABLE login_audit DROP CONSTRAINT login_audit_event_check;
ALTER TABLE login_audit ADD CONSTRAINT login_audit_event_check
    CHECK (event IN ('card-login', 'revocation-fail-open', 'operator-action'));
ALTER TABLE login_audit
    ADD COLUMN client_id          varchar(100),
    ADD COLUMN staff_role         varchar(24),
    ADD COLUMN staff_organisation varchar(100),
    ADD COLUMN audience           varchar(64);

-- RP-initiated logout looks the login up by its ID token (the hint) to end its tokens (oidc.LogoutEndsTokens), as
-- Spring Authorization Server's logout already does to check the hint: equality, as for the other token columns
CREATE INDEX oauth2_authorization_id_token ON oauth2_authorization USING hash (oidc_id_token_value);
