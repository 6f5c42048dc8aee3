-- "This is not me" (issue 18): what the resident wrote when they disputed a link (optional), for the provider's
-- administrator who decides the DISPUTED review. Only on DISPUTED reviews.
ALTER TABLE link_review ADD COLUMN resident_reason varchar(500);
ALTER TABLE link_review ADD CONSTRAINT link_review_resident_reason_disputed
    CHECK (resident_reason IS NULL OR kind = 'DISPUTED');
