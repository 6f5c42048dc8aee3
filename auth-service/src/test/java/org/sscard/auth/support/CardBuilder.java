package org.sscard.auth.support;

import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;

/** A card's certificate as a profile shapes it: subject, policies, and clientAuth unless a test removes it. */
public final class CardBuilder {

    private final TestPki pki;
    private final X500Name subject;
    private final List<String> policies = new ArrayList<>();
    private boolean clientAuth = true;

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

    public Card issue() {
        return pki.issueCard(subject, policies, clientAuth);
    }
}
