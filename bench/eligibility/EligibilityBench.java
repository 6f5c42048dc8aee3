import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.sscard.common.tls.PlatformTrust;

/**
 * Eligibility checks at the reception desk's API as fast as they go: the demo clerk logs in once as the desk program
 * does (public client sscard-reception, authorization code with PKCE, the staff card in the card login's TLS
 * handshake; the loopback redirect is only read, not served), then workers post the same patient card's certificate
 * to {@code POST /api/v1/eligibility-checks}: each check is a full one (the grant at auth-service with path validation
 * and a warm OCSP cache, one relay call with its access-log row, the insurer's eligibility read, a signed
 * statement, the desk's check_record row).
 *
 * Usage: EligibilityBench authUrl deskUrl dataDir clerk.p12 pin patient.pem warmupS durationS workers [name=pid,...]...
 * Prints key=value lines: warmup_count, warmup_errors, count, errors, outcomes, rps, p50_ms, p99_ms, and for each
 * named group of processes (a service's JVM, the database's processes) the CPU it spent per check in the measured
 * window (cpu_ms_per_check_<name>, from /proc/<pid>/stat: user + system time of the process and its threads).
 */
public class EligibilityBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        String authUrl = args[0];
        String deskUrl = args[1];
        Path dataDir = Path.of(args[2]);
        Path clerkCard = Path.of(args[3]);
        String pin = args[4];
        String patient = Files.readString(Path.of(args[5]));
        int warmup = Integer.parseInt(args[6]);
        int duration = Integer.parseInt(args[7]);
        int workers = Integer.parseInt(args[8]);

        SSLContext tls = tls(clerkCard, pin, dataDir.resolve("tls").resolve("ca-root.pem"));
        String token = login(authUrl, tls);
        HttpClient http = HttpClient.newBuilder()
                .sslContext(tls)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        byte[] body = JSON.writeValueAsBytes(Map.of("method", "CARD", "cardCertificate", patient));
        HttpRequest check = HttpRequest.newBuilder(URI.create(deskUrl + "/api/v1/eligibility-checks"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();

        Map<String, List<Long>> groups = new java.util.LinkedHashMap<>();
        for (int i = 9; i < args.length; i++) {
            String[] group = args[i].split("=", 2);
            groups.put(group[0], java.util.Arrays.stream(group[1].split(","))
                    .filter(pid -> !pid.isBlank())
                    .map(Long::parseLong)
                    .toList());
        }
        Phase warm = run(http, check, workers, warmup);
        System.out.println("warmup_count=" + warm.latencies.size());
        System.out.println("warmup_errors=" + warm.errors.get());
        System.out.println("warmup_first_error=" + warm.firstError);
        Map<String, Long> before = cpuTicks(groups);
        Phase measured = run(http, check, workers, duration);
        Map<String, Long> after = cpuTicks(groups);
        List<Long> sorted = new ArrayList<>(measured.latencies);
        Collections.sort(sorted);
        System.out.println("count=" + sorted.size());
        System.out.println("errors=" + measured.errors.get());
        System.out.println("first_error=" + measured.firstError);
        System.out.println("outcomes=" + measured.outcome);
        System.out.printf("rps=%.1f%n", sorted.size() / (double) duration);
        System.out.printf("p50_ms=%.1f%n", percentile(sorted, 0.50) / 1e6);
        System.out.printf("p99_ms=%.1f%n", percentile(sorted, 0.99) / 1e6);
        for (String name : groups.keySet()) {
            // clock ticks of 10 ms (USER_HZ = 100 on Linux)
            double ms = (after.get(name) - before.get(name)) * 10.0;
            System.out.printf("cpu_ms_per_check_%s=%.2f%n", name, sorted.isEmpty() ? 0 : ms / sorted.size());
        }
    }

    /** utime + stime of each group's processes, summed (a process gone meanwhile counts as 0). */
    private static Map<String, Long> cpuTicks(Map<String, List<Long>> groups) {
        Map<String, Long> ticks = new java.util.HashMap<>();
        groups.forEach((name, pids) -> ticks.put(name, pids.stream().mapToLong(EligibilityBench::ticks).sum()));
        return ticks;
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state is field 3, utime 14 and stime 15 → indexes 11 and 12 here
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    static final class Phase {
        final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong errors = new AtomicLong();
        volatile String firstError = "";
        volatile String outcome = "";
    }

    private static Phase run(HttpClient http, HttpRequest check, int workers, int seconds) throws Exception {
        Phase phase = new Phase();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> answer = http.send(check, HttpResponse.BodyHandlers.ofString());
                        String outcome = answer.statusCode() == 200
                                ? JSON.readTree(answer.body()).path("outcome").asText()
                                : "";
                        if (!"VALID".equals(outcome)) {
                            phase.errors.incrementAndGet();
                            phase.firstError = answer.statusCode() + " " + answer.body().replace('\n', ' ');
                            continue;
                        }
                        phase.outcome = outcome;
                        phase.latencies.add(System.nanoTime() - start);
                    } catch (Exception e) {
                        phase.errors.incrementAndGet();
                        phase.firstError = e.toString();
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : running) {
            worker.get();
        }
        pool.shutdown();
        return phase;
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static SSLContext tls(Path card, String pin, Path caRoot) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(card)) {
            keys.load(in, pin.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, pin.toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(PlatformTrust.keyStore(caRoot));
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
        return tls;
    }

    /** The desk program's login (RFC 8252): code flow with PKCE; the redirect to the loopback address is only read. */
    private static String login(String authUrl, SSLContext tls) throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .sslContext(tls)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String redirect = "http://127.0.0.1:49999/callback";
        URI next = URI.create(authUrl + "/oauth2/authorize?response_type=code&client_id=sscard-reception&scope=openid"
                + "&state=bench&code_challenge_method=S256&code_challenge=" + challenge + "&redirect_uri="
                + URLEncoder.encode(redirect, StandardCharsets.UTF_8));
        for (int hops = 0; hops < 15; hops++) {
            if (next.toString().startsWith(redirect)) {
                String code = null;
                for (String pair : next.getRawQuery().split("&")) {
                    if (pair.startsWith("code=")) {
                        code = java.net.URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
                    }
                }
                HttpResponse<String> token = browser.send(
                        HttpRequest.newBuilder(URI.create(authUrl + "/oauth2/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id="
                                        + "sscard-reception&code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
                                        + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8)
                                        + "&code_verifier=" + verifier))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                JsonNode answer = JSON.readTree(token.body());
                if (!answer.has("access_token")) {
                    throw new IllegalStateException("token request refused: " + token.body());
                }
                return answer.path("access_token").asText();
            }
            HttpResponse<String> response = browser.send(
                    HttpRequest.newBuilder(next).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 3) {
                throw new IllegalStateException("login stopped at " + next + ": " + response.statusCode());
            }
            next = next.resolve(response.headers().firstValue("Location").orElseThrow());
        }
        throw new IllegalStateException("too many redirects in the login");
    }
}
