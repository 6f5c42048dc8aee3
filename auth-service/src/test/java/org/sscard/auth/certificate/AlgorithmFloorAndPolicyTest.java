package org.sscard.auth.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sscard.auth.certificate.CertificatePathValidatorTest.assertRejected;
import static org.sscard.auth.certificate.CertificatePathValidatorTest.ca;
import static org.sscard.auth.certificate.CertificatePathValidatorTest.crls;
import static org.sscard.auth.certificate.CertificatePathValidatorTest.leaf;
import static org.sscard.auth.certificate.CertificatePathValidatorTest.root;
import static org.sscard.auth.certificate.CertificatePathValidatorTest.validate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sscard.testsupport.pki.TestPki;

/** The algorithm floor (strict by default, legacy only when chosen) and a relying party's required policy. */
class AlgorithmFloorAndPolicyTest {

    static final Instant NOW = CertificatePathValidatorTest.NOW;

    @BeforeAll
    static void pki() throws Exception {
        CertificatePathValidatorTest.pki();
    }

    @Test
    void rejectsSha1SignedLeaf() throws Exception {
        var leaf = leaf().signedWith("SHA1withRSA").issue();
        assertRejected(validate(leaf, crls(Map.of())), RejectReason.WEAK_ALGORITHM);
    }

    @Test
    void acceptsSha1SignedLeafOnlyWhenLegacyIsChosen() throws Exception {
        var leaf = leaf().signedWith("SHA1withRSA").issue();
        var legacy = new CertificatePathValidator(
                List.of(root.certificate()),
                ValidationPolicy.strict().withLegacyAlgorithms(2048, true),
                crls(Map.of()),
                new LoggingRevocationAudit());
        assertThat(legacy.validate(leaf.certificate(), List.of(ca.certificate()), NOW)
                        .accepted())
                .isTrue();
    }

    @Test
    void rejectsRsa1024Leaf() throws Exception {
        var leaf =
                TestPki.certificate("CN=Weak Key Holder").rsa1024().issuedBy(ca).issue();
        assertRejected(validate(leaf, crls(Map.of())), RejectReason.WEAK_KEY);
    }

    @Test
    void rejectsLeafOutsideTheRequiredPolicy() throws Exception {
        var cardPolicyOnly = ValidationPolicy.strict()
                .requiringPolicies(java.util.Set.of("2.25.282948580063040574886034106954584755375.1.1"));
        var validator = new CertificatePathValidator(
                List.of(root.certificate()), cardPolicyOnly, crls(Map.of()), new LoggingRevocationAudit());
        assertRejected(
                validator.validate(leaf().issue().certificate(), List.of(ca.certificate()), NOW), RejectReason.POLICY);
    }
}
