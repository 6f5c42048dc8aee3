package org.sscard.auth.certificate;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.PolicyNode;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sscard.auth.certificate.revocation.CertificateToCheck;
import org.sscard.auth.certificate.revocation.RevocationChecker;
import org.sscard.auth.certificate.revocation.RevocationStatus;

/**
 * RFC 5280 path validation for one relying party: the JDK's PKIX does signatures, validity, name chaining, basic
 * constraints, key usage, critical extensions and policies; we add the algorithm floor and our own revocation
 * (fail closed). The login profiles, the mTLS connector and {@code sscard-verify} all call this class.
 */
public final class CertificatePathValidator {

    /**
     * Certificates a path may be built from, besides the end entity: the platform's paths need one (the issuing
     * CA); a bag larger than this is refused before any search (each partial path visited tries every offered
     * certificate with the same name).
     */
    public static final int MAX_OFFERED = 16;

    /** The bound on partial paths one search visits (see {@link #validate}). */
    public static final int MAX_SEARCH_NODES = CandidatePaths.MAX_NODES;

    private final Set<TrustAnchor> anchors;
    private final ValidationPolicy policy;
    private final RevocationChecker revocation;
    private final RevocationAudit audit;

    public CertificatePathValidator(
            Collection<X509Certificate> trustAnchors,
            ValidationPolicy policy,
            RevocationChecker revocation,
            RevocationAudit audit) {
        this.anchors = Set.copyOf(
                trustAnchors.stream().map(c -> new TrustAnchor(c, null)).toList());
        this.policy = policy;
        this.revocation = revocation;
        this.audit = audit;
    }

    /**
     * The best path from {@code endEntity} through some of {@code intermediates} (an unordered bag, possibly
     * hostile) to one of the anchors, validated. The work is bounded before PKIX sees anything: at most
     * {@link #MAX_OFFERED} intermediates, the end entity's own signature checked against the certificates named as
     * its issuer before any search, and the search itself bounded in partial paths visited
     * ({@code CandidatePaths.MAX_NODES}); beyond the bounds the path is refused with
     * {@link RejectReason#PATH_SEARCH_LIMIT}.
     */
    public ValidationResult validate(X509Certificate endEntity, Collection<X509Certificate> intermediates, Instant at) {
        if (intermediates.size() > MAX_OFFERED) {
            return ValidationResult.reject(
                    RejectReason.PATH_SEARCH_LIMIT,
                    intermediates.size() + " certificates offered with the end entity, at most " + MAX_OFFERED);
        }
        if (CandidatePaths.issuerNamed(endEntity, intermediates, anchors)
                && !CandidatePaths.issuerSigned(endEntity, intermediates, anchors)) {
            return ValidationResult.reject(
                    RejectReason.BAD_SIGNATURE,
                    "no certificate named as its issuer signed "
                            + endEntity.getSubjectX500Principal().getName());
        }
        CandidatePaths.Search search = CandidatePaths.of(endEntity, intermediates, anchors);
        if (search.exhausted()) {
            return ValidationResult.reject(
                            RejectReason.PATH_SEARCH_LIMIT,
                            "no path to a trust anchor within " + search.nodesVisited() + " partial paths searched")
                    .withPathNodesVisited(search.nodesVisited());
        }
        ValidationResult firstRejection = null;
        for (List<X509Certificate> candidate : search.paths()) {
            ValidationResult result = validatePath(candidate, List.copyOf(intermediates), at);
            if (result.accepted()) {
                return result.withPathNodesVisited(search.nodesVisited());
            }
            firstRejection = firstRejection == null ? result : firstRejection;
        }
        return firstRejection.withPathNodesVisited(search.nodesVisited());
    }

    /**
     * A path this validator accepted before, again at {@code at}: every certificate must still be within its validity
     * and the revocation checks run again, as for a new path. PKIX's other checks (signatures, name chaining, basic
     * constraints, key usage, critical extensions, policies, the algorithm floor) read only the certificates, the
     * anchors and this validator's policy, never the time, so they stand. {@code offered}: the certificates offered
     * with the end entity when the path was first validated.
     */
    public ValidationResult revalidate(ValidatedPath path, Collection<X509Certificate> offered, Instant at) {
        if (anchors.stream()
                .noneMatch(
                        anchor -> anchor.getTrustedCert().equals(path.anchor().getTrustedCert()))) {
            throw new IllegalArgumentException("the path ends at an anchor this validator does not trust");
        }
        Date when = Date.from(at);
        for (X509Certificate cert : path.certificates()) {
            try {
                cert.checkValidity(when);
            } catch (CertificateExpiredException expired) {
                return ValidationResult.reject(
                        RejectReason.EXPIRED, cert.getSubjectX500Principal().getName() + " expired");
            } catch (CertificateNotYetValidException notYet) {
                return ValidationResult.reject(
                        RejectReason.NOT_YET_VALID,
                        cert.getSubjectX500Principal().getName() + " is not yet valid");
            }
        }
        return checkRevocation(path.at(at), List.copyOf(offered));
    }

    private ValidationResult validatePath(
            List<X509Certificate> certificates, List<X509Certificate> offered, Instant at) {
        PKIXCertPathValidatorResult pkix;
        try {
            pkix = (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX")
                    .validate(CertificateFactory.getInstance("X.509").generateCertPath(certificates), parameters(at));
        } catch (CertPathValidatorException failure) {
            return PkixFailures.toResult(failure);
        } catch (GeneralSecurityException unusable) {
            return ValidationResult.reject(RejectReason.MALFORMED, unusable.getMessage());
        }
        String weakAnchor = AlgorithmStrengthChecker.weakKey(
                pkix.getTrustAnchor().getTrustedCert().getPublicKey(), policy);
        if (weakAnchor != null) {
            return ValidationResult.reject(RejectReason.WEAK_KEY, weakAnchor + " in the trust anchor");
        }
        ValidatedPath path = new ValidatedPath(
                certificates, pkix.getTrustAnchor(), at, policiesAt(pkix.getPolicyTree(), certificates.size()));
        return checkRevocation(path, offered);
    }

    /** From the anchor down, as RFC 5280 processes the path: a revoked CA explains more than its revoked leaf. */
    private ValidationResult checkRevocation(ValidatedPath path, List<X509Certificate> offered) {
        for (int i = path.certificates().size() - 1; i >= 0; i--) {
            X509Certificate cert = path.certificates().get(i);
            RevocationStatus status = revocation.check(
                    new CertificateToCheck(cert, path.issuerOf(i), path.certificates(), offered, anchors, path.at()));
            String subject = cert.getSubjectX500Principal().getName();
            if (status instanceof RevocationStatus.Revoked revoked) {
                return ValidationResult.reject(
                        revoked.onHold() ? RejectReason.ON_HOLD : RejectReason.REVOKED,
                        subject + " " + revoked.reason() + " per " + revoked.source());
            }
            if (status instanceof RevocationStatus.Unknown unknown) {
                if (!policy.failOpen()) {
                    return ValidationResult.reject(
                            RejectReason.REVOCATION_UNKNOWN, subject + ": " + unknown.source() + ": " + unknown.why());
                }
                audit.failedOpen(cert, unknown.source() + ": " + unknown.why());
            }
        }
        return ValidationResult.accept(path);
    }

    /** The valid policies of the tree's nodes at {@code depth} (the end entity's); none for a NULL tree. */
    private static Set<String> policiesAt(PolicyNode node, int depth) {
        if (node == null) {
            return Set.of();
        }
        if (node.getDepth() == depth) {
            return Set.of(node.getValidPolicy());
        }
        Set<String> policies = new HashSet<>();
        node.getChildren().forEachRemaining(child -> policies.addAll(policiesAt(child, depth)));
        return policies;
    }

    private PKIXParameters parameters(Instant at) throws GeneralSecurityException {
        PKIXParameters parameters = new PKIXParameters(anchors);
        parameters.setDate(Date.from(at));
        parameters.setInitialPolicies(policy.initialPolicies());
        parameters.setExplicitPolicyRequired(policy.explicitPolicyRequired());
        parameters.setPolicyMappingInhibited(policy.policyMappingInhibited());
        parameters.setAnyPolicyInhibited(policy.anyPolicyInhibited());
        // RFC 5280 leaves qualifiers to the application; the card policy carries none we act on
        parameters.setPolicyQualifiersRejected(false);
        parameters.setRevocationEnabled(false); // ours runs after PKIX, see checkRevocation
        parameters.addCertPathChecker(new AlgorithmStrengthChecker(policy));
        return parameters;
    }
}
