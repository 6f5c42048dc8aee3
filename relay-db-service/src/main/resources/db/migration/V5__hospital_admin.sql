-- The hospital administrator (issue 16): staff of a hospital who lists the reception desk's flags (clerks over the
-- check rate) and may check at the desk too. Same organisation rule as the other provider roles: a provider's staff.
ALTER TABLE staff DROP CONSTRAINT staff_role_check;
ALTER TABLE staff ADD CONSTRAINT staff_role_check
    CHECK (role IN ('RECEPTION_CLERK', 'HOSPITAL_ADMIN', 'INSURER_ADMIN', 'CITY_ADMIN'));
