-- Seeds :N persons, each with one valid service mapping at the provider 'bench-nhi'.
-- Runs after Flyway created the relay schema (i.e. after the relay started). psql -v N=<count>.
\set ON_ERROR_STOP on

BEGIN;

INSERT INTO provider (provider_key, provider_type, name_ja, name_en, sso_method, id_scheme, base_url)
VALUES ('bench-nhi', 'INSURER', 'ベンチ国保', 'Bench NHI', 'PROXY', 'INSURANCE_CARD', 'https://localhost/');

-- opaque_id is derivable (md5('bench' || n)::uuid) so wrk and pgbench can pick person n without a lookup table.
-- personal_id: 34 random digits then n zero-padded to 10 digits, so 44 digits and unique.
INSERT INTO person (opaque_id, personal_id, name_kana, date_of_birth, sex, status, status_changed_at)
SELECT md5('bench' || n)::uuid,
       lpad(floor(random() * 1e14)::bigint::text, 14, '0')
           || lpad(floor(random() * 1e14)::bigint::text, 14, '0')
           || lpad(floor(random() * 1e6)::bigint::text, 6, '0')
           || lpad(n::text, 10, '0'),
       'ベンチ',
       date '1940-01-01' + (n % 25000),
       (ARRAY ['MALE', 'FEMALE', 'NOT_KNOWN'])[1 + n % 3],
       'ACTIVE',
       now()
FROM generate_series(1, :N) AS n;

-- one mapping per person: insurance card 06123456 / symbol / number n / branch 00, valid from 2020-01-01, open-ended
INSERT INTO service_mapping (opaque_id, person_id, provider_id, local_id, insurer_number, insurance_symbol,
                             insurance_number, insurance_branch, valid_from, status)
SELECT gen_random_uuid(), p.id, pr.id,
       '06123456|' || 'B' || (n % 100) || '|' || n || '|00',
       '06123456', 'B' || (n % 100), n::text, '00', date '2020-01-01', 'ACTIVE'
FROM generate_series(1, :N) AS n
JOIN person p ON p.opaque_id = md5('bench' || n)::uuid
CROSS JOIN provider pr
WHERE pr.provider_key = 'bench-nhi';

COMMIT;

ANALYZE;
