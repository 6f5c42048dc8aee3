package org.sscard.auth.support;

import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * A card's certificate as a profile shapes it: subject, policies, clientAuth, and the issuer's OCSP and CRL
 * addresses; a test changes what it needs changed (unreachable revocation sources, weak algorithms).
 */
public final class CardBuilder {

    /** Which of the card's revocation sources answer. */
    enum Revocation {
        BOTH,
        CRL_ONLY,
        NONE
    }

    private final TestPki pki;
    private final X500Name subject;
    private final List<String> policies = new ArrayList<>();
    private boolean clientAuth = true;
    private Revocation revocation = Revocation.BOTH;
    private String signatureAlgorithm = "SHA256withRSA";
    private boolean rsa1024;

    CardBuilder(TestPki pki, X500Name subject) {
        this.pki = pki;
        this.subject = subject;
    }

    public CardBuilder policy(String oid) {
        policies.add(oid);
        return this;
    }

    public CardBuilder withoutClientAuth() {
        clientAuth = false;
        return this;
    }

    /** The card's OCSP URL answers 503; its CRL distribution point works. */
    public CardBuilder ocspUnreachable() {
        revocation = Revocation.CRL_ONLY;
        return this;
    }

    /** Both the card's OCSP URL and its CRL distribution point answer 503. */
    public CardBuilder revocationUnreachable() {
        revocation = Revocation.NONE;
        return this;
    }

    public CardBuilder signedWithSha1() {
        signatureAlgorithm = "SHA1withRSA";
        return this;
    }

    public CardBuilder rsa1024() {
        rsa1024 = true;
        return this;
    }

    public Card issue() {
        return pki.issueCard(this);
    }

    X500Name subject() {
        return subject;
    }

    List<String> policies() {
        return policies;
    }

    boolean clientAuth() {
        return clientAuth;
    }

    Revocation revocation() {
        return revocation;
    }

    String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    boolean isRsa1024() {
        return rsa1024;
    }
}
