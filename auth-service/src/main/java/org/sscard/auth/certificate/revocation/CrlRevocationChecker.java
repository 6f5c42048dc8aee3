package org.sscard.auth.certificate.revocation;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateRevokedException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.sscard.common.pki.RevocationReason;

/**
 * CRL checking (RFC 5280 §6.3) by the JDK's PKIX revocation checker, restricted to CRLs: issuer and distribution
 * point matching, the CRL's signature (also by a separate CRL-signing key or an indirect CRL issuer, whose own path
 * it builds and validates), cRLSign key usage, nextUpdate, unknown critical extensions, reason codes. That code is
 * the JDK's certified implementation, so we reuse it rather than write a second one.
 * <p>
 * The JDK checks whole paths, so the validated path is checked again with CRLs on: for an end entity only its own
 * status ({@code ONLY_END_ENTITY}); for a CA certificate the whole path, reading that certificate's status from
 * where the JDK stopped (it works from the anchor down). The JDK does not process delta CRLs: they are ignored and
 * the complete CRL decides.
 * <p>
 * A CRL older than {@code maxAge}, measured from its thisUpdate, is not used, whatever its nextUpdate says: a CA
 * publishes far more often than its CRLs expire (the card issuer every hour, valid 24 hours), so an old CRL is one
 * that a newer one, perhaps listing a card revoked since, has replaced (or the CA cannot publish); when no CRL is
 * young enough the status is unknown and the validator fails closed.
 * <p>
 * A good answer is remembered for exactly the same question (certificate, path, anchors, CRLs) until the first
 * certificate's notAfter or CRL's nextUpdate or end of maximum age: until then the JDK would decide the same, and a
 * CA certificate's status is asked on every login and client assertion. Revoked and unknown answers are never
 * remembered.
 */
public final class CrlRevocationChecker implements RevocationChecker {

    /** More decisions than the platform has CA certificates and busy clients; beyond it, start afresh. */
    static final int MAX_REMEMBERED = 10_000;

    private final CrlSource crls;
    private final Duration maxAge;
    private final Map<Question, Remembered> good = new ConcurrentHashMap<>();

    /** CRLs used until their nextUpdate, however old (offline validation of given files: the CLI, PKITS). */
    public CrlRevocationChecker(CrlSource crls) {
        this(crls, null);
    }

    /** CRLs used until their nextUpdate and at most {@code maxAge} after their thisUpdate (null: no such bound). */
    public CrlRevocationChecker(CrlSource crls, Duration maxAge) {
        this.crls = crls;
        this.maxAge = maxAge;
    }

    @Override
    public RevocationStatus check(CertificateToCheck subject) {
        Collection<X509CRL> fetched = crls.crlsFor(subject);
        if (fetched.isEmpty()) {
            return new RevocationStatus.Unknown("CRL", "no CRL for " + subject.subjectName());
        }
        List<X509CRL> candidates =
                fetched.stream().filter(crl -> youngEnough(crl, subject.at())).toList();
        if (candidates.isEmpty()) {
            return new RevocationStatus.Unknown(
                    "CRL",
                    "no CRL issued within " + maxAge + " before " + subject.at() + " for " + subject.subjectName());
        }
        Question question = new Question(subject, List.copyOf(candidates));
        Remembered remembered = good.get(question);
        if (remembered != null && remembered.holdsAt(subject.at())) {
            return remembered.status();
        }
        RevocationStatus status = decide(subject, candidates);
        if (status instanceof RevocationStatus.Good) {
            if (good.size() >= MAX_REMEMBERED) {
                good.clear();
            }
            good.put(question, new Remembered(status, subject.at(), until(subject, candidates, maxAge)));
        }
        return status;
    }

    private boolean youngEnough(X509CRL crl, Instant at) {
        return maxAge == null || !crl.getThisUpdate().toInstant().plus(maxAge).isBefore(at);
    }

    private static RevocationStatus decide(CertificateToCheck subject, Collection<X509CRL> candidates) {
        boolean endEntity = subject.certificate().getBasicConstraints() == -1;
        try {
            CertPathValidator validator = CertPathValidator.getInstance("PKIX");
            validator.validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(subject.pathCertificates()),
                    parameters(subject, candidates, validator, endEntity));
            return new RevocationStatus.Good("CRL");
        } catch (CertPathValidatorException failure) {
            int index = subject.pathCertificates().indexOf(subject.certificate());
            if (!endEntity && failure.getIndex() >= 0 && failure.getIndex() < index) {
                return new RevocationStatus.Good("CRL"); // the JDK got past our certificate, to one below it
            }
            return statusOf(failure);
        } catch (GeneralSecurityException unusable) {
            return new RevocationStatus.Unknown("CRL", unusable.getMessage());
        }
    }

    /**
     * Until when the same question has the same answer: the JDK's decision depends on the time only through the
     * certificates' validity and the CRLs' nextUpdate, so a good answer holds until the first of them. A CRL without
     * nextUpdate is never remembered.
     */
    private static Instant until(CertificateToCheck subject, Collection<X509CRL> candidates, Duration maxAge) {
        Instant until = Instant.MAX;
        for (X509Certificate certificate : subject.pathCertificates()) {
            until = min(until, certificate.getNotAfter().toInstant());
        }
        for (X509CRL crl : candidates) {
            if (crl.getNextUpdate() == null) {
                return Instant.MIN;
            }
            until = min(until, crl.getNextUpdate().toInstant());
            if (maxAge != null) {
                until = min(until, crl.getThisUpdate().toInstant().plus(maxAge).plusNanos(1));
            }
        }
        return until;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /**
     * Everything the JDK's validation reads except the time: the same certificate in the same path with the same
     * other certificates, trust anchors and CRLs (compared by their encodings; a CRL fetched anew is another
     * question).
     */
    private record Question(
            X509Certificate certificate,
            List<X509Certificate> path,
            List<X509Certificate> offered,
            Set<TrustAnchor> anchors,
            List<X509CRL> crls) {

        Question(CertificateToCheck subject, List<X509CRL> crls) {
            this(
                    subject.certificate(),
                    subject.pathCertificates(),
                    subject.offeredCertificates(),
                    subject.anchors(),
                    crls);
        }
    }

    /** A good answer given at {@code from}, the same until {@code until} (exclusive). */
    private record Remembered(RevocationStatus status, Instant from, Instant until) {

        boolean holdsAt(Instant at) {
            return !at.isBefore(from) && at.isBefore(until);
        }
    }

    private static PKIXParameters parameters(
            CertificateToCheck subject, Collection<X509CRL> candidates, CertPathValidator validator, boolean endEntity)
            throws GeneralSecurityException {
        PKIXParameters parameters = new PKIXParameters(subject.anchors());
        parameters.setDate(Date.from(subject.at()));
        parameters.setPolicyQualifiersRejected(false);
        List<Object> store = new ArrayList<>(subject.pathCertificates());
        store.addAll(subject.offeredCertificates());
        store.addAll(candidates);
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(store)));
        PKIXRevocationChecker revocation = (PKIXRevocationChecker) validator.getRevocationChecker();
        // CRLs only: OCSP is the other checker's job, and OcspThenCrl decides the order
        EnumSet<PKIXRevocationChecker.Option> options =
                EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS, PKIXRevocationChecker.Option.NO_FALLBACK);
        if (endEntity) {
            options.add(PKIXRevocationChecker.Option.ONLY_END_ENTITY);
        }
        revocation.setOptions(options);
        parameters.setRevocationEnabled(false);
        parameters.addCertPathChecker(revocation);
        return parameters;
    }

    private static RevocationStatus statusOf(CertPathValidatorException failure) {
        if (failure.getReason() == BasicReason.REVOKED) {
            RevocationReason reason = RevocationReason.unspecified;
            Instant when = null;
            if (failure.getCause() instanceof CertificateRevokedException revoked) {
                reason = reasonOf(revoked.getRevocationReason().ordinal());
                when = revoked.getRevocationDate().toInstant();
            }
            return new RevocationStatus.Revoked("CRL", reason, when);
        }
        return new RevocationStatus.Unknown("CRL", failure.getMessage());
    }

    /** The JDK's CRLReason ordinals are the RFC 5280 codes; 7 is unused there. */
    private static RevocationReason reasonOf(int code) {
        try {
            return RevocationReason.ofCode(code);
        } catch (IllegalArgumentException unused) {
            return RevocationReason.unspecified;
        }
    }
}
