package org.sscard.issuer.issuance;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** The outcome of one issuance: the card serial, the certificate and its chain; the key only for soft cards. */
public record IssuedCard(
        String cardSerial,
        X509Certificate certificate,
        List<X509Certificate> chain,
        PrivateKey softKey,
        String holderRef) {}
