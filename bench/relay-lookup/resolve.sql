-- One relay resolve, statement for statement as MappingService.resolve runs it in one transaction:
-- MappingRepository.resolve (the primary-key look-up of person and mapping), then AccessLog.record.
-- Variables (pgbench -D): N = persons seeded, today = Japan's calendar day (the relay's default "at").
\set n random(1, :N)
BEGIN;
SELECT per.id AS person_id, m.id, m.person_id, m.opaque_id, p.provider_key, p.id_scheme, m.insurer_number,
       m.insurance_symbol, m.insurance_number, m.insurance_branch, m.local_number,
       m.valid_from, m.valid_to, m.status, m.end_reason
FROM person per
LEFT JOIN provider p ON p.provider_key = 'bench-nhi'
LEFT JOIN service_mapping m ON m.person_id = per.id AND m.provider_id = p.id
     AND m.valid_from <= :today AND coalesce(m.valid_to, 'infinity'::date) >= :today
WHERE per.opaque_id = md5('bench' || :n)::uuid
\gset p_
INSERT INTO access_log (caller, acting_for, subject_person_id, action, purpose, provider_key)
VALUES ('city-office', NULL, :p_person_id, 'RESOLVE', 'resolve provider ID', 'bench-nhi');
COMMIT;
