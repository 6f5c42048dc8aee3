package org.sscard.auth.saml;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.opensaml.saml.common.SAMLObjectContentReference;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.security.SecurityException;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.keyinfo.impl.X509KeyInfoGeneratorFactory;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.Signer;
import org.w3c.dom.Element;

/**
 * Enveloped XML signatures with the IdP's key: RSA-SHA256, SHA-256 digest, exclusive c14n, the certificate in
 * KeyInfo. Signs inner objects before outer ones, after marshalling the whole tree once.
 */
class XmlSigner {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final BasicX509Credential credential;
    private final X509KeyInfoGeneratorFactory keyInfos = new X509KeyInfoGeneratorFactory();

    XmlSigner(BasicX509Credential credential) {
        this.credential = credential;
        keyInfos.setEmitEntityCertificate(true);
    }

    /** An XML ID: a letter, then 160 random bits in hex. */
    static String newId() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return "_" + HexFormat.of().formatHex(bytes);
    }

    /** {@code objects}: innermost first, the root (which is marshalled and serialised) last. */
    String signAndSerialize(SignableSAMLObject root, SignableSAMLObject[] objects) {
        try {
            Signature[] signatures = new Signature[objects.length];
            for (int i = 0; i < objects.length; i++) {
                signatures[i] = prepare(objects[i]);
            }
            Element dom = OpenSaml.marshal(root);
            for (Signature signature : signatures) {
                Signer.signObject(signature);
            }
            return OpenSaml.toXml(dom);
        } catch (SecurityException | SignatureException e) {
            throw new IllegalStateException("cannot sign the SAML response", e);
        }
    }

    private Signature prepare(SignableSAMLObject object) throws SecurityException {
        Signature signature = OpenSaml.build(Signature.DEFAULT_ELEMENT_NAME);
        signature.setSigningCredential(credential);
        signature.setSignatureAlgorithm(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256);
        signature.setCanonicalizationAlgorithm(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        signature.setKeyInfo(keyInfos.newInstance().generate(credential));
        object.setSignature(signature);
        ((SAMLObjectContentReference) signature.getContentReferences().get(0))
                .setDigestAlgorithm(SignatureConstants.ALGO_ID_DIGEST_SHA256);
        return signature;
    }
}
