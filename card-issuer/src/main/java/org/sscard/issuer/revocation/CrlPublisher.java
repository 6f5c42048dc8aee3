package org.sscard.issuer.revocation;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.sscard.common.pki.RevocationReason;
import org.sscard.issuer.ca.CaHierarchy;
import org.sscard.issuer.ca.CaKeyStore;
import org.sscard.issuer.ca.CaProperties;
import org.sscard.issuer.ca.CertificateMinter;

/**
 * Publishes full, numbered CRLs: the issuing CA's (cards, staff, platform) and the root's ARL (the issuing CA).
 * A new CRL is made in the same transaction as every status change, and on a schedule before nextUpdate.
 */
@Component
public class CrlPublisher {

    private static final Logger log = LoggerFactory.getLogger(CrlPublisher.class);

    private final JdbcClient jdbc;
    private final CertificateRecords records;
    private final CaHierarchy hierarchy;
    private final CaProperties ca;
    private final Clock clock;

    CrlPublisher(JdbcClient jdbc, CertificateRecords records, CaHierarchy hierarchy, CaProperties ca, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.hierarchy = hierarchy;
        this.ca = ca;
        this.clock = clock;
    }

    /**
     * The newest CRL of the issuer (root or issuing), publishing one first if none is current: current means issued
     * within the last {@code crl-refresh} (the publication interval) and not about to expire. So a CRL served is never
     * older than one interval, even after a restart, and relying parties may refuse older ones (auth-service refuses
     * CRLs older than twice the interval).
     */
    @Transactional
    public byte[] current(String issuer) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        SELECT der FROM crl WHERE issuer = :issuer AND next_update > :soon AND this_update > :recent
                        ORDER BY number DESC LIMIT 1""")
                .param("issuer", issuer)
                .param("soon", CertificateRecords.utc(now.plus(ca.crlRefresh())))
                .param("recent", CertificateRecords.utc(now.minus(ca.crlRefresh())))
                .query(byte[].class)
                .optional()
                .orElseGet(() -> publish(issuer));
    }

    /** Builds, signs and stores the issuer's next CRL; call inside the transaction that changed a status. */
    @Transactional
    public byte[] publish(String issuer) {
        CaKeyStore.Entry signer = CaHierarchy.ROOT.equals(issuer) ? hierarchy.root() : hierarchy.issuing();
        X509Certificate signerCert = signer.certificate();
        // one publisher per issuer at a time, until commit: two concurrent status changes would otherwise take
        // the same CRL number (duplicate key, 500) or each publish a CRL without the other's entry
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('crl:' || :issuer))")
                .param("issuer", issuer)
                .query((rs, n) -> 1)
                .list();
        Instant now = clock.instant();
        long number = jdbc.sql("SELECT coalesce(max(number), 0) + 1 FROM crl WHERE issuer = :issuer")
                .param("issuer", issuer)
                .query(Long.class)
                .single();
        try {
            X509v2CRLBuilder builder = new X509v2CRLBuilder(
                    X500Name.getInstance(signerCert.getSubjectX500Principal().getEncoded()), Date.from(now));
            builder.setNextUpdate(Date.from(now.plus(ca.crlValidity())));
            for (IssuedCertificate revoked : records.revokedOrHeld(issuer, now)) {
                RevocationReason reason = RevocationReason.valueOf(revoked.revocationReason());
                builder.addCRLEntry(
                        new BigInteger(revoked.serial(), 16), Date.from(revoked.revokedAt()), reason.code());
            }
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)));
            builder.addExtension(
                    Extension.authorityKeyIdentifier,
                    false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(signerCert));
            JcaContentSignerBuilder signerBuilder =
                    new JcaContentSignerBuilder(CertificateMinter.signatureAlgorithm(signer.privateKey()));
            hierarchy.keyStore().signingProvider().ifPresent(signerBuilder::setProvider);
            X509CRLHolder crl = builder.build(signerBuilder.build(signer.privateKey()));
            byte[] der = crl.getEncoded();
            jdbc.sql("""
                            INSERT INTO crl (issuer, number, this_update, next_update, der)
                            VALUES (:issuer, :number, :this, :next, :der)""")
                    .param("issuer", issuer)
                    .param("number", number)
                    .param("this", CertificateRecords.utc(now))
                    .param("next", CertificateRecords.utc(now.plus(ca.crlValidity())))
                    .param("der", der)
                    .update();
            log.info("published CRL {} #{}", issuer, number);
            return der;
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish the " + issuer + " CRL", e);
        }
    }

    /** Keeps CRLs fresh even when nothing changes, so relying parties never hold an expired one. */
    @Scheduled(
            fixedDelayString = "${sscard.issuer.ca.crl-refresh:PT1H}",
            initialDelayString = "${sscard.issuer.ca.crl-refresh:PT1H}")
    public void refresh() {
        publish(CaHierarchy.ISSUING);
        publish(CaHierarchy.ROOT);
    }
}
