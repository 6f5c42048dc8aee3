import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.sscard.auth.certificate.CertificatePathValidator;
import org.sscard.auth.certificate.ValidationPolicy;
import org.sscard.auth.certificate.ValidationResult;
import org.sscard.auth.certificate.revocation.CrlRevocationChecker;
import org.sscard.auth.certificate.revocation.HttpCrlSource;
import org.sscard.auth.certificate.revocation.OcspRevocationChecker;
import org.sscard.auth.certificate.revocation.OcspThenCrl;

/**
 * The card login's certificate check alone: auth-service's CertificatePathValidator built as CardLoginConfig builds
 * it (platform root as the only anchor, strict policy, OCSP then CRL over HTTP with one shared cache), validating the
 * card's chain over and over from several threads. The first validation fills the OCSP cache from the live card
 * issuer; after that every check is answered from the cache until the answers' nextUpdate.
 *
 * Usage: ValidatorBench root.pem card-chain.pem warmupSeconds durationSeconds threads
 * Prints key=value lines: chains, rps, p50_ms, p99_ms.
 */
public class ValidatorBench {

    public static void main(String[] args) throws Exception {
        List<X509Certificate> roots = read(Path.of(args[0]));
        List<X509Certificate> chain = read(Path.of(args[1]));
        long warmupNanos = Duration.ofSeconds(Long.parseLong(args[2])).toNanos();
        long durationNanos = Duration.ofSeconds(Long.parseLong(args[3])).toNanos();
        int threads = Integer.parseInt(args[4]);

        Duration timeout = Duration.ofSeconds(5);
        CertificatePathValidator validator = new CertificatePathValidator(roots, ValidationPolicy.strict(),
                new OcspThenCrl(new OcspRevocationChecker(timeout), new CrlRevocationChecker(new HttpCrlSource(timeout))),
                (certificate, why) -> { throw new IllegalStateException("fail-open is off: " + why); });
        X509Certificate card = chain.get(0);
        List<X509Certificate> intermediates = List.copyOf(chain.subList(1, chain.size()));

        ValidationResult first = validator.validate(card, intermediates, Instant.now());
        if (!first.accepted()) {
            System.err.println("the card's chain is not accepted: " + first.reason() + " " + first.detail());
            System.exit(1);
        }

        long start = System.nanoTime();
        long measureFrom = start + warmupNanos;
        long end = measureFrom + durationNanos;
        AtomicLong rejected = new AtomicLong();
        List<List<Long>> perThread = Collections.synchronizedList(new ArrayList<>());
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                List<Long> latencies = new ArrayList<>();
                while (true) {
                    long begun = System.nanoTime();
                    if (begun >= end) {
                        break;
                    }
                    if (!validator.validate(card, intermediates, Instant.now()).accepted()) {
                        rejected.incrementAndGet();
                    }
                    long finished = System.nanoTime();
                    if (begun >= measureFrom && finished <= end) {
                        latencies.add(finished - begun);
                    }
                }
                perThread.add(latencies);
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        List<Long> all = new ArrayList<>();
        perThread.forEach(all::addAll);
        Collections.sort(all);
        System.out.println("chains=" + all.size());
        System.out.println("rejected=" + rejected.get());
        System.out.printf("rps=%.1f%n", all.size() / (durationNanos / 1e9));
        System.out.printf("p50_ms=%.3f%n", percentile(all, 0.50));
        System.out.printf("p99_ms=%.3f%n", percentile(all, 0.99));
        if (rejected.get() > 0) {
            System.exit(1);
        }
    }

    private static double percentile(List<Long> sorted, double q) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (q * sorted.size()))) / 1e6;
    }

    private static List<X509Certificate> read(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) c);
            }
            return certificates;
        }
    }
}
