package org.sscard.issuer.revocation;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sscard.issuer.revocation.IssuedCertificate.HolderType;

/** The CA's register of issued certificates. */
@Repository
public class CertificateRecords {

    private static final String SELECT = """
            SELECT serial, issuer, profile, subject_dn, holder_type, holder_ref, card_serial, sha256, not_before,
                   not_after, status, revocation_reason, revoked_at, issued_at FROM issued_certificate
            """;

    private final JdbcClient jdbc;

    CertificateRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(
            X509Certificate certificate,
            String issuer,
            String profile,
            HolderType holderType,
            String holderRef,
            String cardSerial) {
        try {
            jdbc.sql("""
                            INSERT INTO issued_certificate (serial, issuer, profile, subject_dn, holder_type,
                                holder_ref, card_serial, sha256, not_before, not_after, der, status)
                            VALUES (:serial, :issuer, :profile, :dn, :type, :holder, :card, :sha, :nb, :na, :der,
                                    'GOOD')""")
                    .param("serial", serialHex(certificate))
                    .param("issuer", issuer)
                    .param("profile", profile)
                    .param("dn", displayName(certificate, holderType))
                    .param("type", holderType.name())
                    .param("holder", holderRef)
                    .param("card", cardSerial)
                    .param("sha", sha256(certificate))
                    .param("nb", utc(certificate.getNotBefore().toInstant()))
                    .param("na", utc(certificate.getNotAfter().toInstant()))
                    .param("der", certificate.getEncoded())
                    .update();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<IssuedCertificate> bySerial(String serialHex) {
        return jdbc.sql(SELECT + "WHERE serial = :serial")
                .param("serial", serialHex)
                .query(CertificateRecords::row)
                .optional();
    }

    public Optional<IssuedCertificate> bySerialForUpdate(String serialHex) {
        return jdbc.sql(SELECT + "WHERE serial = :serial FOR UPDATE")
                .param("serial", serialHex)
                .query(CertificateRecords::row)
                .optional();
    }

    public Optional<IssuedCertificate> byCardSerial(String cardSerial) {
        return jdbc.sql(SELECT + "WHERE card_serial = :card")
                .param("card", cardSerial)
                .query(CertificateRecords::row)
                .optional();
    }

    public List<IssuedCertificate> ofHolder(HolderType type, String holderRef) {
        return jdbc.sql(SELECT + "WHERE holder_type = :type AND holder_ref = :holder ORDER BY issued_at")
                .param("type", type.name())
                .param("holder", holderRef)
                .query(CertificateRecords::row)
                .list();
    }

    /** Not GOOD and not yet expired: the entries of the issuer's next CRL. */
    public List<IssuedCertificate> revokedOrHeld(String issuer, Instant now) {
        return jdbc.sql(SELECT + "WHERE issuer = :issuer AND status <> 'GOOD' AND not_after > :now ORDER BY serial")
                .param("issuer", issuer)
                .param("now", utc(now))
                .query(CertificateRecords::row)
                .list();
    }

    public byte[] der(String serialHex) {
        return jdbc.sql("SELECT der FROM issued_certificate WHERE serial = :serial")
                .param("serial", serialHex)
                .query(byte[].class)
                .single();
    }

    public void changeStatus(String serialHex, CertificateStatus status, String reason, Instant at) {
        jdbc.sql("""
                        UPDATE issued_certificate SET status = :status, revocation_reason = :reason,
                               revoked_at = :at WHERE serial = :serial""")
                .param("status", status.name())
                .param("reason", reason)
                .param("at", status == CertificateStatus.GOOD ? null : utc(at))
                .param("serial", serialHex)
                .update();
    }

    /** The subject for people to read; a resident's is never spelled out: it is the personal ID. */
    static String displayName(X509Certificate certificate, HolderType holderType) {
        if (holderType == HolderType.PERSON) {
            return "SERIALNUMBER=<personal ID>";
        }
        return org.bouncycastle.asn1.x500.X500Name.getInstance(
                        certificate.getSubjectX500Principal().getEncoded())
                .toString();
    }

    public static String serialHex(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16);
    }

    public static String sha256(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static IssuedCertificate row(ResultSet rs, int n) throws SQLException {
        return new IssuedCertificate(
                rs.getString("serial"),
                rs.getString("issuer"),
                rs.getString("profile"),
                rs.getString("subject_dn"),
                HolderType.valueOf(rs.getString("holder_type")),
                rs.getString("holder_ref"),
                rs.getString("card_serial"),
                rs.getString("sha256"),
                instant(rs, "not_before"),
                instant(rs, "not_after"),
                CertificateStatus.valueOf(rs.getString("status")),
                rs.getString("revocation_reason"),
                instant(rs, "revoked_at"),
                instant(rs, "issued_at"));
    }
}
