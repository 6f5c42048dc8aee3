package org.sscard.auth.certificate.revocation;

import java.io.IOException;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/** The HTTP addresses a certificate names for its revocation status: AIA OCSP and CRL distribution points. */
final class CertificateUrls {

    private CertificateUrls() {}

    static List<URI> ocsp(X509Certificate cert) {
        List<URI> urls = new ArrayList<>();
        ASN1Primitive value = extension(cert, Extension.authorityInfoAccess);
        if (value != null) {
            for (AccessDescription access :
                    AuthorityInformationAccess.getInstance(value).getAccessDescriptions()) {
                if (AccessDescription.id_ad_ocsp.equals(access.getAccessMethod())) {
                    addHttp(urls, access.getAccessLocation());
                }
            }
        }
        return urls;
    }

    static List<URI> crlDistributionPoints(X509Certificate cert) {
        List<URI> urls = new ArrayList<>();
        ASN1Primitive value = extension(cert, Extension.cRLDistributionPoints);
        if (value != null) {
            for (DistributionPoint point : CRLDistPoint.getInstance(value).getDistributionPoints()) {
                DistributionPointName name = point.getDistributionPoint();
                if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                    for (GeneralName general :
                            GeneralNames.getInstance(name.getName()).getNames()) {
                        addHttp(urls, general);
                    }
                }
            }
        }
        return urls;
    }

    private static void addHttp(List<URI> urls, GeneralName name) {
        if (name.getTagNo() == GeneralName.uniformResourceIdentifier) {
            String uri = name.getName().toString();
            // only HTTP: LDAP and file URLs are not fetched (and must not be, from a login path)
            if (uri.startsWith("http://") || uri.startsWith("https://")) {
                urls.add(URI.create(uri));
            }
        }
    }

    private static ASN1Primitive extension(X509Certificate cert, ASN1ObjectIdentifier oid) {
        byte[] encoded = cert.getExtensionValue(oid.getId());
        try {
            return encoded == null ? null : JcaX509ExtensionUtils.parseExtensionValue(encoded);
        } catch (IOException malformed) {
            return null; // a malformed extension names no URL; the status then stays unknown
        }
    }
}
