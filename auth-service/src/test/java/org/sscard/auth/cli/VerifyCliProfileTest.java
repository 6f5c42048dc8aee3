package org.sscard.auth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sscard.testsupport.RelayFixture;
import org.sscard.testsupport.pki.CertificateBuilder;
import org.sscard.testsupport.pki.Issued;
import org.sscard.testsupport.pki.TestPki;

/** {@code sscard-verify --profile resident|staff}: the login's certificate-level profile layer, on test cards. */
class VerifyCliProfileTest {

    private static final TestPki PKI = TestPki.create();

    @TempDir
    Path dir;

    private List<String> trust;

    record Run(int exit, String out, String err) {}

    @BeforeEach
    void writeTrust() throws Exception {
        trust = new ArrayList<>(
                List.of("--trust-anchor", write("root.der", PKI.root().certificate())));
        for (Path crl : PKI.writeCrls(dir)) {
            trust.addAll(List.of("--crl", crl.toString()));
        }
    }

    @Test
    void acceptsResidentCardOnResidentProfileOnly() throws Exception {
        Issued card = resident(RelayFixture.newPersonalId());
        assertThat(verify(card, "resident")).isEqualTo(new Run(0, "ACCEPT resident\n", ""));
        Run asStaff = verify(card, "staff");
        assertThat(asStaff.out()).startsWith("REJECT WRONG_PROFILE: RESIDENT card on the STAFF login");
        assertThat(asStaff.exit()).isEqualTo(1);
    }

    @Test
    void acceptsStaffCertificateOnStaffProfileOnly() throws Exception {
        Issued card = PKI.staffCard(UUID.randomUUID(), "kameda-hospital", "RECEPTION_CLERK")
                .issue();
        assertThat(verify(card, "staff")).isEqualTo(new Run(0, "ACCEPT staff RECEPTION_CLERK kameda-hospital\n", ""));
        Run asResident = verify(card, "resident");
        assertThat(asResident.out())
                .startsWith("REJECT STAFF_CARD_AT_RESIDENT_ENTRANCE: STAFF card on the RESIDENT login");
        assertThat(asResident.exit()).isEqualTo(1);
    }

    @Test
    void rejectsCardWithoutClientAuth() throws Exception {
        Issued card = PKI.residentCard(RelayFixture.newPersonalId())
                .withoutClientAuth()
                .issue();
        assertThat(verify(card, "resident"))
                .isEqualTo(new Run(1, "REJECT EKU_MISSING: no clientAuth extended key usage\n", ""));
    }

    @Test
    void rejectsWrongCheckDigitsWithoutPrintingThem() throws Exception {
        String valid = RelayFixture.newPersonalId();
        char last = valid.charAt(valid.length() - 1);
        String wrong = valid.substring(0, valid.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
        Run run = verify(resident(wrong), "resident");
        assertThat(run.out()).isEqualTo("REJECT INVALID_PERSONAL_ID: CHECK_DIGITS\n");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out() + run.err()).doesNotContain(wrong).doesNotContain(valid.substring(0, 43));
    }

    @Test
    void pathRejectionOfResidentCardHidesThePersonalId() throws Exception {
        String personalId = RelayFixture.newPersonalId();
        Issued card = resident(personalId);
        PKI.revokeInCrl(card.certificate(), 1);
        PKI.writeCrls(dir); // the CRL files now list it
        Run run = verify(card, "resident");
        // the validator names the subject in RFC 2253 form: the ID's digits as the hex of their ASCII
        String hex = HexFormat.of().formatHex(personalId.getBytes(StandardCharsets.US_ASCII));
        assertThat(run.out())
                .startsWith("REJECT REVOKED: ")
                .contains("<personal ID>")
                .doesNotContain(personalId)
                .doesNotContainIgnoringCase(hex);
        assertThat(run.exit()).isEqualTo(1);
    }

    /**
     * The card claims the resident policy, but the CA above it may issue under the clerk's policy only: the PKIX
     * valid-policy tree holds no policy at the card, so the card is no resident card, whatever its extension says.
     */
    @Test
    void rejectsAResidentPolicyTheIssuingCaDoesNotAllow() throws Exception {
        Issued clerksCa = TestPki.certificate("C=JP, O=sscard test CA, CN=Clerks Only Issuing")
                .issuedBy(PKI.root())
                .ca(0)
                .policies(TestPki.RECEPTION_CLERK_POLICY)
                .issue();
        Issued card = PKI.residentCard(RelayFixture.newPersonalId())
                .issuedBy(clerksCa)
                .ocsp(null)
                .crl(null)
                .issue();
        Path clerksCrl = Files.write(
                dir.resolve("clerks.crl"),
                TestPki.crl(clerksCa, java.time.Instant.now(), java.util.Map.of())
                        .getEncoded());
        List<String> args = new ArrayList<>(trust);
        args.addAll(List.of(
                "--crl",
                clerksCrl.toString(),
                "--intermediate",
                write("clerks.der", clerksCa.certificate()),
                "--profile",
                "resident",
                write("card.der", card.certificate())));

        assertThat(run(args.toArray(String[]::new)))
                .isEqualTo(new Run(1, "REJECT UNKNOWN_POLICY: no single card policy\n", ""));
    }

    /**
     * What RFC 5280 and TLS client authentication ask of a card's certificate, each missing in turn, on both card
     * profiles: the login runs the same {@code CardProfileCheck} (and through it {@code ClientLeafRules}).
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("unfitCards")
    void rejectsACardCertificateThatIsNoProperClientCertificate(
            String profile, String defect, UnaryOperator<CertificateBuilder> unfit, String detail) throws Exception {
        CertificateBuilder card = profile.equals("resident")
                ? PKI.residentCard(RelayFixture.newPersonalId())
                : PKI.staffCard(UUID.randomUUID(), "kameda-hospital", "RECEPTION_CLERK");
        assertThat(verify(unfit.apply(card).issue(), profile))
                .isEqualTo(new Run(1, "REJECT CERTIFICATE_UNFIT: " + detail + "\n", ""));
    }

    static Stream<Arguments> unfitCards() {
        List<Arguments> cases = new ArrayList<>();
        for (String profile : List.of("resident", "staff")) {
            cases.add(Arguments.of(
                    profile,
                    "no digitalSignature",
                    (UnaryOperator<CertificateBuilder>) c -> c.keyUsage(KeyUsage.keyEncipherment),
                    "keyUsage without digitalSignature"));
            cases.add(Arguments.of(
                    profile,
                    "a CA",
                    (UnaryOperator<CertificateBuilder>) c -> c.ca(),
                    "a CA certificate, not an end entity"));
            cases.add(Arguments.of(
                    profile,
                    "a DSA key",
                    (UnaryOperator<CertificateBuilder>) c -> c.keys(dsa2048()),
                    "DSA key, not RSA or EC"));
            cases.add(Arguments.of(
                    profile,
                    "a stray critical extension",
                    (UnaryOperator<CertificateBuilder>)
                            c -> c.extension(Extension.inhibitAnyPolicy, true, new ASN1Integer(0)),
                    "critical extension 2.5.29.54 on a client certificate"));
            cases.add(Arguments.of(
                    profile,
                    "a subject alternative name",
                    (UnaryOperator<CertificateBuilder>) c -> c.uri("urn:example:card"),
                    "subject alternative names where the profile has none"));
        }
        return cases.stream();
    }

    private static KeyPair dsa2048() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("DSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The operator's tool searches paths with the same bound as the login: a card and nine self-issued look-alikes of
     * one name, all of one key, given as intermediates, are refused at the bound instead of searched through.
     */
    @Test
    void refusesLookAlikeIntermediatesAtThePathSearchBound() throws Exception {
        KeyPair attacker = TestPki.rsa(2048);
        Issued first =
                TestPki.certificate("CN=Look-alike CA").keys(attacker).ca().issue();
        List<String> args = new ArrayList<>(trust);
        for (int i = 0; i < 9; i++) {
            Issued lookAlike = i == 0
                    ? first
                    : TestPki.certificate("CN=Look-alike CA")
                            .keys(attacker)
                            .ca()
                            .issuedBy(first)
                            .issue();
            args.addAll(List.of("--intermediate", write("look-alike-" + i + ".der", lookAlike.certificate())));
        }
        Issued card =
                PKI.residentCard(RelayFixture.newPersonalId()).issuedBy(first).issue();
        args.addAll(List.of("--profile", "resident", write("card.der", card.certificate())));

        Run run = run(args.toArray(String[]::new));

        assertThat(run.out()).startsWith("REJECT PATH_SEARCH_LIMIT: no path to a trust anchor within ");
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void answersUnknownProfileWithExitTwo() {
        Run run = run("--trust-anchor", "a.der", "--profile", "visitor", "x.der");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--profile wants path, resident or staff");
    }

    private static Issued resident(String personalId) {
        return PKI.residentCard(personalId).issue();
    }

    private Run verify(Issued card, String profile) throws IOException {
        List<String> args = new ArrayList<>(trust);
        args.addAll(List.of(
                "--intermediate",
                write("issuing.der", card.chain().get(1)),
                "--profile",
                profile,
                write("card.der", card.certificate())));
        return run(args.toArray(String[]::new));
    }

    private String write(String name, X509Certificate certificate) throws IOException {
        try {
            return Files.write(dir.resolve(name), certificate.getEncoded()).toString();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IOException(e);
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = VerifyCli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
