package org.sscard.auth.certificate;

import java.security.PublicKey;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Orders an unordered bag of intermediates into candidate paths (end entity first) by issuer name, best first:
 * paths that reach a trust anchor, then those whose signatures verify. Several certificates may share a name (key
 * rollover, self-issued certificates), so more than one path can be worth trying. When nothing reaches an anchor,
 * the longest chain is returned so that PKIX reports why.
 */
final class CandidatePaths {

    private static final int MAX_DEPTH = 12;
    private static final int MAX_PATHS = 8;

    private final Collection<X509Certificate> intermediates;
    private final Collection<TrustAnchor> anchors;
    private final List<List<X509Certificate>> anchored = new ArrayList<>();
    private List<X509Certificate> longest = List.of();

    private CandidatePaths(Collection<X509Certificate> intermediates, Collection<TrustAnchor> anchors) {
        this.intermediates = intermediates;
        this.anchors = anchors;
    }

    static List<List<X509Certificate>> of(
            X509Certificate endEntity, Collection<X509Certificate> intermediates, Collection<TrustAnchor> anchors) {
        CandidatePaths search = new CandidatePaths(intermediates, anchors);
        List<X509Certificate> chain = new ArrayList<>(List.of(endEntity));
        search.extend(chain);
        if (search.anchored.isEmpty()) {
            return List.of(search.longest);
        }
        List<List<X509Certificate>> paths = new ArrayList<>(search.anchored);
        paths.sort(Comparator.comparingInt(search::brokenLinks)); // stable: keeps the search order among equals
        return paths;
    }

    private void extend(List<X509Certificate> chain) {
        if (anchored.size() >= MAX_PATHS) {
            return;
        }
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
