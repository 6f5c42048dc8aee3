package org.sscard.auth.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.junit.jupiter.api.Test;

/** The floor reads RSASSA-PSS's hashes from its parameters: its name alone says nothing about them. */
class AlgorithmFloorTest {

    private final AlgorithmFloor floor = AlgorithmFloor.strict();

    private static final AlgorithmIdentifier SHA1 =
            new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1, DERNull.INSTANCE);
    private static final AlgorithmIdentifier SHA256 =
            new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE);

    private static AlgorithmIdentifier pss(AlgorithmIdentifier hash, AlgorithmIdentifier maskHash) {
        return new AlgorithmIdentifier(
                PKCSObjectIdentifiers.id_RSASSA_PSS,
                new RSASSAPSSparams(
                        hash,
                        new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1, maskHash),
                        new ASN1Integer(32),
                        new ASN1Integer(1)));
    }

    @Test
    void refusesRsassaPssOverSha1() {
        assertThat(floor.weakSignature(pss(SHA1, SHA1))).contains("RSASSA-PSS");
    }

    @Test
    void refusesRsassaPssWithDefaultParametersWhichMeanSha1() {
        assertThat(floor.weakSignature(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_RSASSA_PSS)))
                .isNotNull();
    }

    @Test
    void refusesRsassaPssWhoseMaskFunctionUsesSha1() {
        assertThat(floor.weakSignature(pss(SHA256, SHA1))).isNotNull();
    }

    @Test
    void acceptsRsassaPssOverSha256AndTheNamedAlgorithmsAboveTheFloor() {
        assertThat(floor.weakSignature(pss(SHA256, SHA256))).isNull();
        assertThat(floor.weakSignature(
                        new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption, DERNull.INSTANCE)))
                .isNull();
        assertThat(floor.weakSignature(
                        new AlgorithmIdentifier(PKCSObjectIdentifiers.sha1WithRSAEncryption, DERNull.INSTANCE)))
                .isNotNull();
    }
}
