-- A SAML provider's SP metadata as registered (SAML 2.0 metadata, an md:EntityDescriptor): its entity ID, its
-- assertion consumer services with their bindings, its signing certificate. The IdP (auth-service) reads it from
-- here; no SP is hard-coded anywhere else. Configuration about a provider, never about a person.
ALTER TABLE provider ADD COLUMN saml_sp_metadata text
    CHECK (saml_sp_metadata IS NULL OR (length(saml_sp_metadata) <= 100000 AND sso_method = 'SAML'));

-- The IdP finds an SP by the Issuer of its AuthnRequest: among SPs with metadata, an entity ID names one provider.
CREATE UNIQUE INDEX provider_saml_entity_id ON provider (saml_entity_id) WHERE saml_sp_metadata IS NOT NULL;
