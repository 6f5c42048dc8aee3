package org.sscard.auth.client;

import com.nimbusds.jose.util.Base64;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.sscard.auth.certificate.ValidatedPath;

/**
 * The client certificate chains this token endpoint accepted lately, by client and by the exact chain (the
 * assertion's {@code x5c}, byte for byte). A service sends the same chain with every assertion (the portal gateway
 * once per token exchange), and parsing it, the certificate rules and PKIX give the same answer for the same chain
 * as long as every certificate is within its validity: so a known chain skips them, and only its revocation is
 * checked again ({@code CertificatePathValidator.revalidate}), on every assertion as before. An entry lives at most
 * {@link #MAX_AGE} and never past the first notAfter in its path; the map holds at most {@link #MAX_CHAINS}.
 */
final class ValidatedChains {

    static final Duration MAX_AGE = Duration.ofMinutes(10);
    static final int MAX_CHAINS = 256;

    /** An accepted chain: the client's certificate, the other certificates offered with it, the validated path. */
    record Chain(X509Certificate certificate, List<X509Certificate> offered, ValidatedPath path, Instant until) {

        boolean usableAt(Instant at) {
            return !at.isBefore(path.at()) && at.isBefore(until);
        }
    }

    private record Key(String clientId, List<String> x5c) {

        static Key of(String clientId, List<Base64> x5c) {
            return new Key(clientId, x5c.stream().map(Base64::toString).toList());
        }
    }

    private final Map<Key, Chain> chains = new ConcurrentHashMap<>();

    Optional<Chain> find(String clientId, List<Base64> x5c, Instant at) {
        Key key = Key.of(clientId, x5c);
        Chain chain = chains.get(key);
        if (chain == null) {
            return Optional.empty();
        }
        if (!at.isBefore(chain.until())) {
            chains.remove(key, chain);
        }
        return chain.usableAt(at) ? Optional.of(chain) : Optional.empty();
    }

    /** After the whole chain was validated for {@code clientId} and accepted. */
    void remember(
            String clientId,
            List<Base64> x5c,
            X509Certificate certificate,
            List<X509Certificate> offered,
            ValidatedPath path) {
        Instant until = path.at().plus(MAX_AGE);
        for (X509Certificate cert : path.certificates()) {
            Instant notAfter = cert.getNotAfter().toInstant();
            until = notAfter.isBefore(until) ? notAfter : until;
        }
        if (chains.size() >= MAX_CHAINS) {
            chains.clear();
        }
        chains.put(Key.of(clientId, x5c), new Chain(certificate, List.copyOf(offered), path, until));
    }
}
