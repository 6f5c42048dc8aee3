package org.sscard.common.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.sscard.common.pki.SelfSignedKey;
import org.w3c.dom.Element;

class SamlMetadataTest {

    private static final X509Certificate SIGNING =
            SelfSignedKey.generate("signing").certificate();
    private static final X509Certificate BOTH = SelfSignedKey.generate("both").certificate();
    private static final X509Certificate ENCRYPTION =
            SelfSignedKey.generate("encryption").certificate();

    private static String key(String use, String certificate) {
        return "<md:KeyDescriptor" + (use == null ? "" : " use=\"" + use + "\"") + "><ds:KeyInfo><ds:X509Data>"
                + "<ds:X509Certificate>" + certificate + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo>"
                + "</md:KeyDescriptor>";
    }

    private static String base64(X509Certificate certificate) throws Exception {
        return Base64.getMimeEncoder().encodeToString(certificate.getEncoded());
    }

    private static Element descriptor(String protocols, String keys) throws Exception {
        String xml = "<md:EntityDescriptor xmlns:md=\"" + SamlMetadata.MD + "\" xmlns:ds=\"" + SamlMetadata.DS
                + "\" xmlns:other=\"urn:other\" entityID=\"https://sp.example\">"
                + "<other:SPSSODescriptor/>"
                + "<md:SPSSODescriptor protocolSupportEnumeration=\"" + protocols + "\">" + keys
                + "</md:SPSSODescriptor></md:EntityDescriptor>";
        Element root = SecureXml.parse(xml).getDocumentElement();
        assertThat(SamlMetadata.isEntityDescriptor(root)).isTrue();
        assertThat(SamlMetadata.children(root, "SPSSODescriptor"))
                .as("only md: children count")
                .hasSize(1);
        return SamlMetadata.children(root, "SPSSODescriptor").get(0);
    }

    @Test
    void takesTheCertificatesOfSigningKeysAndOfKeysWithoutAUse() throws Exception {
        Element sp = descriptor(
                "urn:oasis:names:tc:SAML:1.1:protocol " + SamlMetadata.PROTOCOL,
                key("signing", base64(SIGNING)) + key(null, base64(BOTH)) + key("encryption", base64(ENCRYPTION)));

        assertThat(SamlMetadata.supportsSaml2(sp)).isTrue();
        assertThat(SamlMetadata.signingCertificates(sp)).containsExactly(SIGNING, BOTH);
    }

    @Test
    void refusesMetadataWithAnUnreadableSigningCertificate() throws Exception {
        Element notBase64 = descriptor(SamlMetadata.PROTOCOL, key("signing", "@@not base64@@"));
        Element notACertificate = descriptor(SamlMetadata.PROTOCOL, key(null, "AAAA"));

        assertThatThrownBy(() -> SamlMetadata.signingCertificates(notBase64)).isInstanceOf(CertificateException.class);
        assertThatThrownBy(() -> SamlMetadata.signingCertificates(notACertificate))
                .isInstanceOf(CertificateException.class);
    }

    @Test
    void aDescriptorWithoutSaml2IsNotForThisPlatform() throws Exception {
        assertThat(SamlMetadata.supportsSaml2(descriptor("urn:oasis:names:tc:SAML:1.1:protocol", "")))
                .isFalse();
    }
}
