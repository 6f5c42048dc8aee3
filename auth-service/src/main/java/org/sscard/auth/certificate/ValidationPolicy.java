package org.sscard.auth.certificate;

import java.util.Set;

/**
 * What one relying party asks of a path. {@link #strict()} is the production default; the weaker settings exist for
 * legacy data (the NIST PKITS suite has 1024-bit DSA and SHA-1) and must be chosen explicitly.
 *
 * @param initialPolicies   RFC 5280 user-initial-policy-set; empty means anyPolicy
 * @param minimumRsaBits    also applied to DSA moduli
 * @param minimumEcBits     field size of EC keys
 * @param allowSha1         SHA-1 signatures below the anchor (the anchor's self-signature is never checked)
 * @param failOpen          accept when revocation status is unknown; every such acceptance is audited
 */
public record ValidationPolicy(
        Set<String> initialPolicies,
        boolean explicitPolicyRequired,
        boolean policyMappingInhibited,
        boolean anyPolicyInhibited,
        int minimumRsaBits,
        int minimumEcBits,
        boolean allowSha1,
        boolean failOpen) {

    public static final String ANY_POLICY = "2.5.29.32.0";

    public ValidationPolicy {
        initialPolicies = Set.copyOf(initialPolicies);
    }

    public static ValidationPolicy strict() {
        return new ValidationPolicy(Set.of(), false, false, false, 2048, 256, false, false);
    }

    public ValidationPolicy withLegacyAlgorithms(int minimumRsaBits, boolean allowSha1) {
        return new ValidationPolicy(
                initialPolicies,
                explicitPolicyRequired,
                policyMappingInhibited,
                anyPolicyInhibited,
                minimumRsaBits,
                minimumEcBits,
                allowSha1,
                failOpen);
    }

    /** A relying party that requires one of these policies in the path (e.g. the resident card policy). */
    public ValidationPolicy requiringPolicies(Set<String> policies) {
        return new ValidationPolicy(
                policies,
                true,
                policyMappingInhibited,
                anyPolicyInhibited,
                minimumRsaBits,
                minimumEcBits,
                allowSha1,
                failOpen);
    }

    public ValidationPolicy withFailOpen(boolean failOpen) {
        return new ValidationPolicy(
                initialPolicies,
                explicitPolicyRequired,
                policyMappingInhibited,
                anyPolicyInhibited,
                minimumRsaBits,
                minimumEcBits,
                allowSha1,
                failOpen);
    }
}
