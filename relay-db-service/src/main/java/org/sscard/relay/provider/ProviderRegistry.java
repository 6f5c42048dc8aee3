package org.sscard.relay.provider;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sscard.common.web.CommonError;
import org.sscard.relay.error.RelayError;
import org.sscard.relay.error.RelayException;
import org.sscard.relay.provider.ProviderDefinition.ServiceDefinition;

/** The single registry of providers and their services; the gateway and the IdP read it. */
@Service
public class ProviderRegistry {

    private final JdbcClient jdbc;
    private final ProviderUrls urls;

    ProviderRegistry(JdbcClient jdbc, ProviderUrls urls) {
        this.jdbc = jdbc;
        this.urls = urls;
    }

    @Transactional
    public ProviderDefinition register(ProviderDefinition definition) {
        requireSamlEndpoints(definition);
        if (find(definition.key()).isPresent()) {
            throw new RelayException(RelayError.DUPLICATE_PROVIDER, "provider '" + definition.key() + "' exists");
        }
        upsert(definition);
        return require(definition.key());
    }

    /**
     * Idempotent: the same definition loaded twice leaves one provider; services are added, never removed. SP
     * metadata the provider registered itself is kept when the definition carries none (a restart of the relay
     * must not wipe it).
     */
    @Transactional
    public void upsert(ProviderDefinition d) {
        requireSamlEndpoints(d);
        long id = jdbc.sql("""
                        INSERT INTO provider (provider_key, provider_type, name_ja, name_en, sso_method, id_scheme,
                                              base_url, saml_entity_id, saml_acs_url, saml_sp_metadata,
                                              staff_organisations, insurer_number)
                        VALUES (:key, :type, :nameJa, :nameEn, :sso, :scheme, :baseUrl, :entityId, :acsUrl,
                                :metadata, :staffOrganisations, :insurerNumber)
                        ON CONFLICT (provider_key) DO UPDATE SET provider_type = excluded.provider_type,
                            name_ja = excluded.name_ja, name_en = excluded.name_en, sso_method = excluded.sso_method,
                            id_scheme = excluded.id_scheme, base_url = excluded.base_url,
                            saml_entity_id = excluded.saml_entity_id, saml_acs_url = excluded.saml_acs_url,
                            saml_sp_metadata = COALESCE(excluded.saml_sp_metadata, provider.saml_sp_metadata),
                            staff_organisations = excluded.staff_organisations,
                            insurer_number = excluded.insurer_number,
                            updated_at = now()
                        RETURNING id""")
                .param("key", d.key())
                .param("type", d.type().name())
                .param("nameJa", d.nameJa())
                .param("nameEn", d.nameEn())
                .param("sso", d.ssoMethod().name())
                .param("scheme", d.idScheme().name())
                .param("baseUrl", d.baseUrl())
                .param("entityId", d.samlEntityId())
                .param("acsUrl", d.samlAcsUrl())
                .param("metadata", d.samlSpMetadata())
                .param("staffOrganisations", d.staffOrganisations().toArray(String[]::new))
                .param("insurerNumber", d.insurerNumber())
                .query(Long.class)
                .single();
        for (ServiceDefinition s : d.services()) {
            jdbc.sql("""
                            INSERT INTO provider_service (provider_id, service_key, name_ja, name_en, path)
                            VALUES (:provider, :key, :nameJa, :nameEn, :path)
                            ON CONFLICT (provider_id, service_key) DO UPDATE SET name_ja = excluded.name_ja,
                                name_en = excluded.name_en, path = excluded.path""")
                    .param("provider", id)
                    .param("key", s.key())
                    .param("nameJa", s.nameJa())
                    .param("nameEn", s.nameEn())
                    .param("path", s.path())
                    .update();
        }
    }

    /** A SAML provider's own SP metadata, registered by the SP itself: checked as at registration, then stored. */
    @Transactional
    public ProviderDefinition replaceSamlSpMetadata(String key, String metadata) {
        ProviderDefinition provider = require(key);
        if (provider.ssoMethod() != SsoMethod.SAML) {
            throw new RelayException(CommonError.INVALID_FIELD, "only a SAML provider has samlSpMetadata");
        }
        if (metadata == null || metadata.isBlank() || metadata.length() > 100_000) {
            throw new RelayException(CommonError.INVALID_FIELD, "samlSpMetadata: 1 to 100000 characters");
        }
        SpMetadataCheck.check(metadata, provider.samlEntityId(), provider.samlAcsUrl(), urls);
        int taken = jdbc.sql("""
                        SELECT count(*) FROM provider WHERE saml_entity_id = :entityId
                        AND saml_sp_metadata IS NOT NULL AND provider_key <> :key""")
                .param("entityId", provider.samlEntityId())
                .param("key", key)
                .query(Integer.class)
                .single();
        if (taken > 0) {
            throw new RelayException(CommonError.INVALID_FIELD, "another SP already has this entity ID");
        }
        jdbc.sql("UPDATE provider SET saml_sp_metadata = :metadata, updated_at = now() WHERE provider_key = :key")
                .param("metadata", metadata)
                .param("key", key)
                .update();
        return require(key);
    }

    @Transactional(readOnly = true)
    public List<ProviderDefinition> all() {
        return jdbc.sql("SELECT provider_key FROM provider ORDER BY provider_key").query(String.class).list().stream()
                .map(this::require)
                .toList();
    }

    /** The SAML provider whose SP metadata has this entity ID (the Issuer of an AuthnRequest), if any. */
    @Transactional(readOnly = true)
    public Optional<ProviderDefinition> bySamlEntityId(String entityId) {
        return jdbc.sql("""
                        SELECT provider_key FROM provider
                        WHERE saml_entity_id = :entityId AND saml_sp_metadata IS NOT NULL""")
                .param("entityId", entityId)
                .query(String.class)
                .optional()
                .flatMap(this::find);
    }

    @Transactional(readOnly = true)
    public ProviderDefinition require(String key) {
        return find(key).orElseThrow(() -> notFound(key));
    }

    public ProviderRef requireRef(String key) {
        return jdbc.sql("SELECT id, provider_key, provider_type, id_scheme FROM provider WHERE provider_key = :key")
                .param("key", key)
                .query((rs, n) -> new ProviderRef(
                        rs.getLong(1),
                        rs.getString(2),
                        ProviderType.valueOf(rs.getString(3)),
                        IdScheme.valueOf(rs.getString(4))))
                .optional()
                .orElseThrow(() -> notFound(key));
    }

    /** Locks the provider row, serialising mapping registrations for one provider (unique local IDs). */
    public ProviderRef requireRefForUpdate(String key) {
        ProviderRef ref = requireRef(key);
        jdbc.sql("SELECT id FROM provider WHERE id = :id FOR UPDATE")
                .param("id", ref.id())
                .query(Long.class)
                .single();
        return ref;
    }

    private Optional<ProviderDefinition> find(String key) {
        List<ServiceDefinition> services = jdbc.sql("""
                        SELECT s.service_key, s.name_ja, s.name_en, s.path FROM provider_service s
                        JOIN provider p ON p.id = s.provider_id WHERE p.provider_key = :key ORDER BY s.id""")
                .param("key", key)
                .query((rs, n) ->
                        new ServiceDefinition(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        return jdbc.sql("""
                        SELECT provider_key, provider_type, name_ja, name_en, sso_method, id_scheme, base_url,
                               saml_entity_id, saml_acs_url, saml_sp_metadata, staff_organisations, insurer_number
                        FROM provider
                        WHERE provider_key = :key""")
                .param("key", key)
                .query((rs, n) -> new ProviderDefinition(
                        rs.getString(1),
                        ProviderType.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        SsoMethod.valueOf(rs.getString(5)),
                        IdScheme.valueOf(rs.getString(6)),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        services,
                        rs.getString(10),
                        List.of((String[]) rs.getArray(11).getArray()),
                        rs.getString(12)))
                .optional();
    }

    private void requireSamlEndpoints(ProviderDefinition d) {
        urls.requireHttps("baseUrl", d.baseUrl());
        if (d.ssoMethod() == SsoMethod.SAML && (d.samlEntityId() == null || d.samlAcsUrl() == null)) {
            throw new RelayException(CommonError.INVALID_FIELD, "a SAML provider needs samlEntityId and samlAcsUrl");
        }
        if (d.samlAcsUrl() != null) {
            urls.requireHttps("samlAcsUrl", d.samlAcsUrl());
        }
        if (d.samlSpMetadata() != null) {
            if (d.ssoMethod() != SsoMethod.SAML) {
                throw new RelayException(CommonError.INVALID_FIELD, "only a SAML provider has samlSpMetadata");
            }
            SpMetadataCheck.check(d.samlSpMetadata(), d.samlEntityId(), d.samlAcsUrl(), urls);
        }
        if (d.insurerNumber() != null && d.idScheme() != IdScheme.INSURANCE_CARD) {
            throw new RelayException(
                    CommonError.INVALID_FIELD,
                    "only a provider whose ID scheme is INSURANCE_CARD has an insurerNumber");
        }
        if ("city".equals(d.key())) {
            throw new RelayException(CommonError.INVALID_FIELD, "'city' names the city office, not a provider");
        }
    }

    private static RelayException notFound(String key) {
        return new RelayException(RelayError.PROVIDER_NOT_FOUND, "no provider '" + key + "'");
    }
}
