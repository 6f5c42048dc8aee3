package org.sscard.auth.certificate;

import java.security.PublicKey;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Orders an unordered bag of intermediates into candidate paths (end entity first) by issuer name, best first:
 * paths that reach a trust anchor, then those whose signatures verify. Several certificates may share a name (key
 * rollover, self-issued certificates), so more than one path can be worth trying. When nothing reaches an anchor,
 * the longest chain is returned so that PKIX reports why.
 * <p>
 * The work is bounded by construction, whatever the offered certificates are (they may come from an unauthenticated
 * client assertion): the search visits at most {@link #MAX_NODES} partial paths in all, not only {@link #MAX_PATHS}
 * complete ones — a dozen self-issued certificates sharing one name would otherwise make it factorial. A search
 * stopped by that bound without an anchored path is {@link Search#exhausted() exhausted}, and the validator refuses.
 */
final class CandidatePaths {

    static final int MAX_DEPTH = 12;
    static final int MAX_PATHS = 8;
    /** Partial paths visited in one search, the end entity's included; far beyond any real hierarchy's needs. */
    static final int MAX_NODES = 64;

    /**
     * The outcome of one search: the candidate paths (best first), how many partial paths were visited, and
     * whether the search stopped at {@link #MAX_NODES} before it had found any path reaching an anchor.
     */
    record Search(List<List<X509Certificate>> paths, int nodesVisited, boolean exhausted) {}

    private final Collection<X509Certificate> intermediates;
    private final Collection<TrustAnchor> anchors;
    private final List<List<X509Certificate>> anchored = new ArrayList<>();
    private List<X509Certificate> longest = List.of();
    private int nodes;

    private CandidatePaths(Collection<X509Certificate> intermediates, Collection<TrustAnchor> anchors) {
        this.intermediates = intermediates;
        this.anchors = anchors;
    }

    static Search of(
            X509Certificate endEntity, Collection<X509Certificate> intermediates, Collection<TrustAnchor> anchors) {
        CandidatePaths search = new CandidatePaths(intermediates, anchors);
        List<X509Certificate> chain = new ArrayList<>(List.of(endEntity));
        search.extend(chain);
        if (search.anchored.isEmpty()) {
            return new Search(List.of(search.longest), search.nodes, search.nodes >= MAX_NODES);
        }
        List<List<X509Certificate>> paths = new ArrayList<>(search.anchored);
        paths.sort(Comparator.comparingInt(search::brokenLinks)); // stable: keeps the search order among equals
        return new Search(paths, search.nodes, false);
    }

    /**
     * Whether some certificate named as the end entity's issuer, offered or an anchor, signed it: checked before any
     * search, so that a path is only looked for above a certificate its claimed issuer really signed. A DSA key that
     * inherits its parameters cannot be tried alone and counts as a possible issuer (PKIX decides).
     */
    static boolean issuerSigned(
            X509Certificate endEntity, Collection<X509Certificate> intermediates, Collection<TrustAnchor> anchors) {
        return intermediates.stream()
                        .filter(c -> c.getSubjectX500Principal().equals(endEntity.getIssuerX500Principal()))
                        .anyMatch(c -> mayHaveSigned(endEntity, c.getPublicKey()))
                || anchors.stream()
                        .map(TrustAnchor::getTrustedCert)
                        .filter(c -> c.getSubjectX500Principal().equals(endEntity.getIssuerX500Principal()))
                        .anyMatch(c -> mayHaveSigned(endEntity, c.getPublicKey()));
    }

    /** Whether any certificate, offered or an anchor, bears the end entity's issuer name. */
    static boolean issuerNamed(
            X509Certificate endEntity, Collection<X509Certificate> intermediates, Collection<TrustAnchor> anchors) {
        return intermediates.stream()
                        .anyMatch(c -> c.getSubjectX500Principal().equals(endEntity.getIssuerX500Principal()))
                || anchors.stream()
                        .anyMatch(a -> a.getTrustedCert()
                                .getSubjectX500Principal()
                                .equals(endEntity.getIssuerX500Principal()));
    }

    private void extend(List<X509Certificate> chain) {
        if (anchored.size() >= MAX_PATHS || nodes >= MAX_NODES) {
            return;
        }
        nodes++;
        X509Certificate current = chain.get(chain.size() - 1);
        if (chain.size() > longest.size()) {
            longest = List.copyOf(chain);
        }
        boolean anchorIsIssuer = anchors.stream()
                .anyMatch(a -> a.getTrustedCert().getSubjectX500Principal().equals(current.getIssuerX500Principal()));
        if (anchorIsIssuer) {
            anchored.add(List.copyOf(chain));
        }
        if (chain.size() >= MAX_DEPTH) {
            return;
        }
        List<X509Certificate> issuers = intermediates.stream()
                .filter(c -> c.getSubjectX500Principal().equals(current.getIssuerX500Principal()))
                .filter(c -> !chain.contains(c))
                .sorted(Comparator.comparing(c -> signedBy(current, c.getPublicKey()) ? 0 : 1))
                .toList();
        for (X509Certificate issuer : issuers) {
            if (nodes >= MAX_NODES) {
                return;
            }
            chain.add(issuer);
            extend(chain);
            chain.remove(chain.size() - 1);
        }
    }

    private int brokenLinks(List<X509Certificate> path) {
        int broken = 0;
        for (int i = 0; i < path.size(); i++) {
            X509Certificate cert = path.get(i);
            boolean ok = i + 1 < path.size()
                    ? signedBy(cert, path.get(i + 1).getPublicKey())
                    : anchors.stream()
                            .anyMatch(a -> signedBy(cert, a.getTrustedCert().getPublicKey()));
            broken += ok ? 0 : 1;
        }
        return broken;
    }

    private static boolean mayHaveSigned(X509Certificate cert, PublicKey key) {
        return (key instanceof DSAPublicKey dsa && dsa.getParams() == null) || signedBy(cert, key);
    }

    private static boolean signedBy(X509Certificate cert, PublicKey key) {
        try {
            cert.verify(key);
            return true;
        } catch (Exception notThisKey) {
            // includes DSA keys that inherit their parameters: PKIX resolves those, we only rank here
            return false;
        }
    }
}
