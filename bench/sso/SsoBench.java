import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.sscard.common.tls.PlatformTrust;
import org.sscard.common.token.ClientAssertions;
import org.sscard.common.token.ServiceCredentials;
import org.sscard.common.token.ServiceTokenClient;

/**
 * auth-service vouching for a resident to providers, as fast as it can: RFC 8693 token exchanges into pairwise
 * provider tokens (what the portal gateway does once per provider and session) and signed SAML responses answering
 * an SP's signed AuthnRequest (SP-initiated SSO, what the hospital tile does since issue 15: the IdP answers
 * unsolicited SSO only for an SP whose registration asks for it).
 *
 * The resident logs in once with the demo card, through the portal gateway's code flow (client portal-gateway,
 * private_key_jwt with its service-client certificate from the data directory). For the SAML part a SAML provider
 * "bench-sp" is registered in the relay with its SP metadata, mapped and subscribed for the resident — as the city
 * office would, with the city office's client certificate — since the demo hospital registers its own metadata only
 * when the hospital portal runs.
 *
 * Usage: SsoBench authUrl cardLoginUrl relayUrl dataDir card.p12 pin redirectUri provider warmupS shortWarmupS
 *        durationS workers
 * First both operations alternately for warmupS (the JIT compiles both paths), then each alone for shortWarmupS and
 * durationS measured. Prints key=value lines: warmup_* (count, errors), then per phase exchange_* and saml_* (count,
 * rps, p50_ms, p99_ms, errors).
 */
public class SsoBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BENCH_SP = "bench-sp";
    private static final String BENCH_BASE = "https://bench-sp.invalid";
    /** The bench SP's signing key: its certificate is in the SP metadata registered in the relay. */
    private static volatile KeyPair benchKey;

    public static void main(String[] args) throws Exception {
        String auth = args[0];
        String cardLogin = args[1];
        String relay = args[2];
        Path data = Path.of(args[3]);
        Path card = Path.of(args[4]);
        char[] pin = args[5].toCharArray();
        String redirectUri = args[6];
        String provider = args[7];
        long warmup = Long.parseLong(args[8]);
        long shortWarmup = Long.parseLong(args[9]);
        long duration = Long.parseLong(args[10]);
        int workers = Integer.parseInt(args[11]);

        SSLContext trust = PlatformTrust.sslContext(data.resolve("tls/ca-root.pem"));
        ServiceCredentials gateway = ServiceCredentials.read(ServiceCredentials.directory(data), "portal-gateway");
        URI tokenUri = URI.create(auth + "/oauth2/token");

        CookieManager cookies = new CookieManager();
        HttpClient main = HttpClient.newBuilder().sslContext(trust).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        HttpClient withCard = HttpClient.newBuilder().sslContext(cardContext(card, pin, data))
                .cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();

        String accessToken = login(main, withCard, auth, cardLogin, redirectUri, gateway, tokenUri);
        registerBenchSp(trust, data, relay, auth);

        // one of each first: they must work, or the rates would count refusals
        Map<String, String> exchangeForm = exchangeForm(accessToken, provider);
        String probe = exchange(main, tokenUri, gateway, exchangeForm);
        requireOk(probe != null, "token exchange refused: " + lastError);
        String samlProbe = samlResponse(main, auth);
        requireOk(samlProbe != null, "SAML SSO refused: " + lastError);
        String responseXml = new String(Base64.getDecoder().decode(samlProbe), StandardCharsets.UTF_8);
        requireOk(responseXml.split("SignatureValue>", -1).length >= 5, "the Response and Assertion are not both signed");
        requireOk(responseXml.contains(">B0012345</"), "the NameID is not the bench SP's own ID for the resident");

        Callable<Boolean> exchangeOnce = () -> exchange(main, tokenUri, gateway, exchangeForm) != null;
        Callable<Boolean> samlOnce = () -> samlResponse(main, auth) != null;
        run("warmup", 0, warmup, workers, List.of(exchangeOnce, samlOnce), false);
        run("exchange", shortWarmup, duration, workers, List.of(exchangeOnce), true);
        run("saml", shortWarmup, duration, workers, List.of(samlOnce), true);
    }

    // --- the resident's login (the portal gateway's code flow with PKCE) -------------------------------------------

    private static String login(HttpClient main, HttpClient withCard, String auth, String cardLogin,
                                String redirectUri, ServiceCredentials gateway, URI tokenUri) throws Exception {
        String verifier = random();
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String state = random();
        String authorize = auth + "/oauth2/authorize?response_type=code&client_id=portal-gateway&scope=openid"
                + "&redirect_uri=" + encode(redirectUri) + "&state=" + state + "&nonce=" + random()
                + "&code_challenge=" + challenge + "&code_challenge_method=S256";
        String toCardLogin = location(main, authorize);
        requireOk(toCardLogin.startsWith(cardLogin), "authorize did not send to the card login: " + toCardLogin);
        String back = location(withCard, toCardLogin);
        String withCode = location(main, back);
        requireOk(withCode.startsWith(redirectUri + "?") && withCode.contains("state=" + state),
                "no code: " + withCode);
        String code = query(withCode).get("code");
        Map<String, String> form = new HashMap<>(ClientAssertions.parameters(gateway, tokenUri, Instant.now()));
        form.putAll(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri,
                "code_verifier", verifier));
        HttpResponse<String> tokens = post(main, tokenUri, form);
        requireOk(tokens.statusCode() == 200, "code exchange: " + tokens.statusCode() + " " + tokens.body());
        return JSON.readTree(tokens.body()).path("access_token").asText();
    }

    // --- the two operations measured --------------------------------------------------------------------------------

    private static volatile String lastError = "";

    private static Map<String, String> exchangeForm(String subjectToken, String provider) {
        return Map.of("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
                "subject_token", subjectToken,
                "subject_token_type", "urn:ietf:params:oauth:token-type:access_token",
                "requested_token_type", "urn:ietf:params:oauth:token-type:access_token",
                "audience", provider);
    }

    /** One token exchange, the client authenticated with a fresh private_key_jwt; the token, or null. */
    private static String exchange(HttpClient http, URI tokenUri, ServiceCredentials client,
                                   Map<String, String> exchange) throws Exception {
        Map<String, String> form = new HashMap<>(ClientAssertions.parameters(client, tokenUri, Instant.now()));
        form.putAll(exchange);
        HttpResponse<String> response = post(http, tokenUri, form);
        if (response.statusCode() != 200 || !response.body().contains("\"access_token\"")) {
            lastError = response.statusCode() + " " + response.body();
            return null;
        }
        return response.body();
    }

    /**
     * SP-initiated SSO of the bench SP with the resident's session: a fresh AuthnRequest signed on the Redirect
     * binding (as an SP sends it; the bench signs it, the IdP verifies it), the IdP's 303 to its continuation, and
     * the continuation's auto-post page: the base64 SAMLResponse, or null.
     */
    private static String samlResponse(HttpClient http, String auth) throws Exception {
        String id = "_" + random();
        HttpResponse<String> parked = http.send(HttpRequest.newBuilder(URI.create(authnRequestUrl(auth, id)))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        String next = parked.headers().firstValue("Location").orElse(null);
        if (parked.statusCode() != 303 || next == null) {
            lastError = parked.statusCode() + " " + parked.headers().firstValue("Sscard-Sso-Refusal").orElse("");
            return null;
        }
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(next))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        int at = page.body().indexOf("name=\"SAMLResponse\" value=\"");
        if (page.statusCode() != 200 || at < 0) {
            lastError = page.statusCode() + " " + page.headers().firstValue("Sscard-Sso-Refusal").orElse("")
                    + " " + page.body().substring(0, Math.min(300, page.body().length()));
            return null;
        }
        int from = at + "name=\"SAMLResponse\" value=\"".length();
        String response = page.body().substring(from, page.body().indexOf('"', from));
        if (!new String(Base64.getDecoder().decode(response), StandardCharsets.UTF_8)
                .contains("InResponseTo=\"" + id + "\"")) {
            lastError = "the Response does not answer request " + id;
            return null;
        }
        return response;
    }

    /** The Redirect binding (SAML bindings §3.4.4.1): raw DEFLATE, base64, and the query-string signature. */
    private static String authnRequestUrl(String auth, String id) throws Exception {
        String sso = auth + "/saml/idp/sso";
        String xml = "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" "
                + "xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"" + id + "\" Version=\"2.0\" "
                + "IssueInstant=\"" + Instant.now() + "\" Destination=\"" + sso + "\" "
                + "ProtocolBinding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\" "
                + "AssertionConsumerServiceURL=\"" + BENCH_BASE + "/acs\">"
                + "<saml:Issuer>" + BENCH_BASE + "/sp</saml:Issuer></samlp:AuthnRequest>";
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(xml.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        java.io.ByteArrayOutputStream deflated = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            deflated.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        String query = "SAMLRequest=" + java.net.URLEncoder.encode(
                        Base64.getEncoder().encodeToString(deflated.toByteArray()), StandardCharsets.UTF_8)
                + "&SigAlg=" + java.net.URLEncoder.encode(
                        "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", StandardCharsets.UTF_8);
        java.security.Signature signer = java.security.Signature.getInstance("SHA256withRSA");
        signer.initSign(benchKey.getPrivate());
        signer.update(query.getBytes(StandardCharsets.US_ASCII));
        return sso + "?" + query + "&Signature="
                + java.net.URLEncoder.encode(Base64.getEncoder().encodeToString(signer.sign()), StandardCharsets.UTF_8);
    }

    // --- the bench SP, registered as the city office would --------------------------------------------------------

    private static void registerBenchSp(SSLContext trust, Path data, String relay, String auth) throws Exception {
        ServiceTokenClient tokens = new ServiceTokenClient(URI.create(auth + "/oauth2/token"),
                () -> ServiceCredentials.read(ServiceCredentials.directory(data), "city-office"), () -> trust,
                java.time.Clock.systemUTC());
        HttpClient http = HttpClient.newBuilder().sslContext(trust).build();
        String bearer = tokens.authorization("relay-db-service");
        String base = BENCH_BASE;
        Map<String, Object> sp = new HashMap<>();
        sp.put("key", BENCH_SP);
        sp.put("type", "HOSPITAL");
        sp.put("nameJa", "ベンチ用 SP");
        sp.put("nameEn", "Bench SP");
        sp.put("ssoMethod", "SAML");
        sp.put("idScheme", "LOCAL_NUMBER");
        sp.put("baseUrl", base);
        sp.put("samlEntityId", base + "/sp");
        sp.put("samlAcsUrl", base + "/acs");
        sp.put("services", List.of(Map.of("key", "records", "nameJa", "記録", "nameEn", "Records",
                "path", "/records")));
        sp.put("samlSpMetadata", spMetadata(base));
        int created = relayCall(http, bearer, "POST", relay + "/api/v1/providers", sp).statusCode();
        requireOk(created == 201 || created == 409, "registering the bench SP: " + created);

        HttpResponse<String> person = relayCall(http, bearer, "POST",
                relay + "/api/v1/persons/lookup/by-provisional-ssn",
                Map.of("provisionalSsn", "100000000001", "dateOfBirth", "1958-04-12"));
        requireOk(person.statusCode() == 200, "demo resident look-up: " + person.statusCode() + person.body());
        String id = JSON.readTree(person.body()).path("id").asText();
        int mapped = relayCall(http, bearer, "POST", relay + "/api/v1/persons/" + id + "/mappings",
                Map.of("providerKey", BENCH_SP, "localId", Map.of("localNumber", "B0012345"),
                        "validFrom", LocalDate.now().minusDays(1).toString())).statusCode();
        requireOk(mapped == 201 || mapped == 409, "mapping: " + mapped);
        int subscribed = relayCall(http, bearer, "POST", relay + "/api/v1/persons/" + id + "/subscriptions",
                Map.of("providerKey", BENCH_SP, "serviceKey", "records")).statusCode();
        requireOk(subscribed == 201 || subscribed == 409, "subscription: " + subscribed);
    }

    private static String spMetadata(String base) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair key = generator.generateKeyPair();
        benchKey = key;
        X500Name name = new X500Name("CN=bench-sp");
        Instant now = Instant.now();
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                name, new BigInteger(64, RANDOM), Date.from(now.minusSeconds(60)),
                Date.from(now.plus(Duration.ofDays(1))), name, key.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate())));
        String pem = Base64.getEncoder().encodeToString(certificate.getEncoded());
        return "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" "
                + "xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" entityID=\"" + base + "/sp\">"
                + "<md:SPSSODescriptor AuthnRequestsSigned=\"true\" "
                + "protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
                + "<md:KeyDescriptor use=\"signing\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>" + pem
                + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
                + "<md:AssertionConsumerService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\" "
                + "Location=\"" + base + "/acs\" index=\"0\" isDefault=\"true\"/>"
                + "</md:SPSSODescriptor></md:EntityDescriptor>";
    }

    private static HttpResponse<String> relayCall(HttpClient http, String bearer, String method, String url,
                                                  Object body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", bearer)
                .header("Content-Type", "application/json").header("Sscard-Purpose", "bench/sso set-up")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // --- measuring --------------------------------------------------------------------------------------------------

    /** {@code operations}: each worker takes them in turn; {@code rates}: print rates and latencies, or only counts. */
    private static void run(String name, long warmupS, long durationS, int workers, List<Callable<Boolean>> operations,
                            boolean rates) throws Exception {
        long start = System.nanoTime();
        long measureFrom = start + Duration.ofSeconds(warmupS).toNanos();
        long end = measureFrom + Duration.ofSeconds(durationS).toNanos();
        AtomicLong errors = new AtomicLong();
        List<List<Long>> perWorker = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Thread thread = new Thread(() -> {
                List<Long> latencies = new ArrayList<>();
                for (int turn = 0; ; turn++) {
                    Callable<Boolean> operation = operations.get(turn % operations.size());
                    long begun = System.nanoTime();
                    if (begun >= end) {
                        break;
                    }
                    boolean ok;
                    try {
                        ok = operation.call();
                    } catch (Exception e) {
                        lastError = e.toString();
                        ok = false;
                    }
                    long finished = System.nanoTime();
                    if (begun >= measureFrom && finished <= end) {
                        if (ok) {
                            latencies.add(finished - begun);
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                }
                perWorker.add(latencies);
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        List<Long> all = perWorker.stream().flatMap(List::stream).sorted().collect(Collectors.toList());
        System.out.printf("%s_count=%d%n", name, all.size());
        if (rates) {
            System.out.printf("%s_rps=%.1f%n", name, all.size() / (double) durationS);
            System.out.printf("%s_p50_ms=%.1f%n", name, percentile(all, 0.50));
            System.out.printf("%s_p99_ms=%.1f%n", name, percentile(all, 0.99));
        }
        System.out.printf("%s_errors=%d%n", name, errors.get());
        if (errors.get() > 0) {
            System.out.printf("%s_last_error=%s%n", name, lastError.replace('\n', ' '));
        }
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e6;
    }

    // --- HTTP and TLS plumbing --------------------------------------------------------------------------------------

    private static SSLContext cardContext(Path p12, char[] pin, Path data) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            store.load(in, pin);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, pin);
        TrustManagerFactory roots = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        roots.init(PlatformTrust.keyStore(data.resolve("tls/ca-root.pem")));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), roots.getTrustManagers(), RANDOM);
        return context;
    }

    private static String location(HttpClient http, String url) throws Exception {
        // a browser's Accept: the authorization endpoint sends only browsers to the card login
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        String location = response.headers().firstValue("Location").orElse(null);
        requireOk(response.statusCode() == 302 && location != null,
                url + " answered " + response.statusCode() + ": " + response.headers().firstValue(
                        "Sscard-Login-Refusal").orElse("") + " " + response.body());
        return URI.create(url).resolve(location).toString();
    }

    private static HttpResponse<String> post(HttpClient http, URI uri, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> query(String url) {
        Map<String, String> query = new HashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], java.net.URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
        }
        return query;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void requireOk(boolean condition, String message) {
        if (!condition) {
            System.err.println("SsoBench: " + message);
            System.exit(1);
        }
    }
}
