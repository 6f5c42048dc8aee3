package org.sscard.issuer.revocation;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.sscard.common.pki.RevocationReason;
import org.sscard.issuer.audit.IssuerAudit;
import org.sscard.issuer.ca.CaHierarchy;
import org.sscard.issuer.ca.CaKeyStore;
import org.sscard.issuer.ca.CaProperties;
import org.sscard.issuer.ca.CertificateMinter;

/**
 * The RFC 6960 responder for the issuing CA, signing with its delegated OCSP certificate. Status comes straight
 * from the CA's register, so a hold or revocation shows at once; responses to nonce-less requests about one
 * certificate this CA knows are cached ({@link ResponseCache}: bounded in entries, each until half the OCSP validity
 * or the next status change, whichever comes first). A request about more than {@code maxCertIds} certificates is
 * malformed.
 */
@Component
public class OcspResponder {

    private final CertificateRecords records;
    private final CaHierarchy hierarchy;
    private final CaProperties ca;
    private final IssuerAudit audit;
    private final Clock clock;
    private final DigestCalculatorProvider digests;
    private final ResponseCache cache;
    private final int maxCertIds;
    /** Bumped by every status change; a cached answer counts only if made in the current generation. */
    private final AtomicLong generation = new AtomicLong();

    OcspResponder(
            CertificateRecords records,
            CaHierarchy hierarchy,
            CaProperties ca,
            OcspProperties limits,
            IssuerAudit audit,
            Clock clock)
            throws org.bouncycastle.operator.OperatorCreationException {
        this.cache = new ResponseCache(limits.cacheEntries());
        this.maxCertIds = limits.maxCertIds();
        this.records = records;
        this.hierarchy = hierarchy;
        this.ca = ca;
        this.audit = audit;
        this.clock = clock;
        this.digests = new JcaDigestCalculatorProviderBuilder().build();
    }

    /** A DER OCSPResponse for a DER OCSPRequest; never throws for bad input (malformedRequest instead). */
    public Response respond(byte[] requestDer) {
        OCSPReq request;
        try {
            request = new OCSPReq(requestDer);
        } catch (IOException | RuntimeException e) {
            return status(OCSPRespBuilder.MALFORMED_REQUEST);
        }
        Req[] requests = request.getRequestList();
        if (requests.length == 0 || requests.length > maxCertIds) {
            return status(OCSPRespBuilder.MALFORMED_REQUEST);
        }
        Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        String cacheKey = nonce == null && requests.length == 1 ? key(requests[0].getCertID()) : null;
        Instant now = clock.instant();
        long seenGeneration = generation.get(); // read before the status, so a change during the read is seen
        if (cacheKey != null) {
            Response cached = cache.get(cacheKey, seenGeneration, now);
            if (cached != null) {
                return cached;
            }
        }
        try {
            X509CertificateHolder issuing =
                    new JcaX509CertificateHolder(hierarchy.issuing().certificate());
            for (Req single : requests) {
                if (!single.getCertID().matchesIssuer(issuing, digests)) {
                    audit.refused(
                            "OCSP",
                            "request for a certificate of another CA",
                            null,
                            single.getCertID().getSerialNumber().toString(16));
                    return status(OCSPRespBuilder.UNAUTHORIZED);
                }
            }
            CertificateStatus[] statuses = new CertificateStatus[requests.length];
            for (int i = 0; i < requests.length; i++) {
                statuses[i] = statusOf(requests[i].getCertID().getSerialNumber());
            }
            Response response = sign(requests, statuses, nonce, now);
            // an answer about a serial this CA never issued is not worth keeping: anyone can ask for any serial
            if (cacheKey != null && !(statuses[0] instanceof UnknownStatus)) {
                cache.put(cacheKey, response, now.plus(ca.ocspValidity().dividedBy(2)), seenGeneration);
            }
            return response;
        } catch (OCSPException | java.security.cert.CertificateEncodingException e) {
            return status(OCSPRespBuilder.INTERNAL_ERROR);
        }
    }

    /**
     * Forget cached answers: called whenever a certificate's status changes, inside that change's transaction.
     * An answer read between now and the commit still sees the old status, so the generation moves on again
     * after the commit, and such an answer is never served from the cache.
     */
    public void statusChanged() {
        generation.incrementAndGet();
        cache.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    generation.incrementAndGet();
                    cache.clear();
                }
            });
        }
    }

    /** How many answers the cache holds now (for tests of its bound). */
    int cachedAnswers() {
        return cache.size();
    }

    private Response sign(Req[] requests, CertificateStatus[] statuses, Extension nonce, Instant now)
            throws OCSPException {
        CaKeyStore.Entry signer = hierarchy.ocspSigner();
        try {
            JcaBasicOCSPRespBuilder builder = new JcaBasicOCSPRespBuilder(
                    signer.certificate().getPublicKey(), digests.get(CertificateID.HASH_SHA1));
            Instant nextUpdate = now.plus(ca.ocspValidity());
            for (int i = 0; i < requests.length; i++) {
                builder.addResponse(requests[i].getCertID(), statuses[i], Date.from(now), Date.from(nextUpdate), null);
            }
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            JcaContentSignerBuilder signerBuilder =
                    new JcaContentSignerBuilder(CertificateMinter.signatureAlgorithm(signer.privateKey()));
            hierarchy.keyStore().signingProvider().ifPresent(signerBuilder::setProvider);
            BasicOCSPResp basic = builder.build(
                    signerBuilder.build(signer.privateKey()),
                    // the issuing CA too, so a relying party that trusts only the root can build the responder's path
                    new X509CertificateHolder[] {
                        new JcaX509CertificateHolder(signer.certificate()),
                        new JcaX509CertificateHolder(hierarchy.issuing().certificate())
                    },
                    Date.from(now));
            byte[] der = new OCSPRespBuilder()
                    .build(OCSPRespBuilder.SUCCESSFUL, basic)
                    .getEncoded();
            return new Response(der, nextUpdate);
        } catch (Exception e) {
            throw new OCSPException("cannot sign the OCSP response", e);
        }
    }

    private CertificateStatus statusOf(BigInteger serial) {
        IssuedCertificate certificate = records.bySerial(serial.toString(16)).orElse(null);
        if (certificate == null || !"issuing".equals(certificate.issuer())) {
            return new UnknownStatus();
        }
        return switch (certificate.status()) {
            case GOOD -> CertificateStatus.GOOD;
            case ON_HOLD, REVOKED ->
                new RevokedStatus(
                        Date.from(certificate.revokedAt()),
                        RevocationReason.valueOf(certificate.revocationReason()).code());
        };
    }

    private static Response status(int status) {
        try {
            return new Response(new OCSPRespBuilder().build(status, null).getEncoded(), null);
        } catch (IOException | OCSPException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String key(CertificateID id) {
        try {
            return Base64.getEncoder().encodeToString(id.toASN1Primitive().getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A DER OCSPResponse and, for signed answers, when it stops being fresh (for HTTP caching). */
    public record Response(byte[] der, Instant nextUpdate) {}
}
