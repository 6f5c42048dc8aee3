-- The organisations (provider keys) whose staff may act for a resident at this provider, besides the provider's own
-- staff (e.g. an insurer lists the hospital whose reception desk checks its patients' eligibility). auth-service
-- issues a delegated token (act) for a provider only to staff of the provider itself or of an organisation listed
-- here. Configuration about a provider, never about a person.
ALTER TABLE provider ADD COLUMN staff_organisations varchar(40)[] NOT NULL DEFAULT '{}'
    CHECK (cardinality(staff_organisations) <= 100);
