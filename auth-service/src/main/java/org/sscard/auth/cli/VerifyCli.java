package org.sscard.auth.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.sscard.auth.certificate.CertificatePathValidator;
import org.sscard.auth.certificate.LoggingRevocationAudit;
import org.sscard.auth.certificate.ValidationPolicy;
import org.sscard.auth.certificate.ValidationResult;
import org.sscard.auth.certificate.revocation.CrlRevocationChecker;
import org.sscard.auth.certificate.revocation.GivenCrls;
import org.sscard.auth.login.CardProfileCheck;
import org.sscard.auth.login.CertifiedCard;
import org.sscard.auth.login.LoginProfile;
import org.sscard.auth.login.LoginRefusedException;
import org.sscard.common.id.PersonalIdFormat;

/**
 * {@code sscard-verify}: the operator's view of exactly what the login does with a card's certificate — the same
 * {@link CertificatePathValidator} (CRLs from files), then with {@code --profile resident|staff} the same
 * {@link CardProfileCheck} the login runs before its relay checks. Runs from the auth-service jar without starting it.
 */
public final class VerifyCli {

    private VerifyCli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.println(VerifyArguments.USAGE);
            return 0;
        }
        VerifyArguments arguments;
        try {
            arguments = VerifyArguments.parse(args);
        } catch (VerifyArguments.Usage usage) {
            err.println("sscard-verify: " + usage.getMessage());
            err.println(VerifyArguments.USAGE);
            return 2;
        }
        try {
            ValidationPolicy policy = ValidationPolicy.strict();
            if (arguments.allowSha1() || arguments.minimumRsaBits() != 2048) {
                policy = policy.withLegacyAlgorithms(arguments.minimumRsaBits(), arguments.allowSha1());
                err.println("sscard-verify: legacy algorithm floor: RSA/DSA >= " + arguments.minimumRsaBits()
                        + " bits, SHA-1 " + (arguments.allowSha1() ? "allowed" : "refused"));
            }
            CertificatePathValidator validator = new CertificatePathValidator(
                    certificates(arguments.trustAnchors()),
                    policy,
                    new CrlRevocationChecker(new GivenCrls(crls(arguments.crls()))),
                    new LoggingRevocationAudit());
            List<X509Certificate> subject = certificates(List.of(arguments.certificate()));
            if (subject.isEmpty()) {
                throw new GeneralSecurityException("no certificate in " + arguments.certificate());
            }
            ValidationResult result =
                    validator.validate(subject.get(0), certificates(arguments.intermediates()), arguments.at());
            if (!result.accepted() || arguments.profile().equals("path")) {
                out.println(PersonalIdRedaction.mask(result.describe()));
                return result.accepted() ? 0 : 1;
            }
            return checkProfile(
                    subject.get(0),
                    result.path().validPolicies(),
                    LoginProfile.fromSlug(arguments.profile()).orElseThrow(),
                    out);
        } catch (IOException | GeneralSecurityException | RuntimeException unreadable) {
            err.println("sscard-verify: cannot read input: "
                    + PersonalIdRedaction.mask(String.valueOf(unreadable.getMessage())));
            return 2;
        }
    }

    /** The login's own certificate-level profile layer on a path the validator accepted; no relay. */
    private static int checkProfile(
            X509Certificate certificate, Set<String> validPolicies, LoginProfile profile, PrintStream out) {
        try {
            CertifiedCard card =
                    new CardProfileCheck(PersonalIdFormat.standard()).check(certificate, validPolicies, profile);
            out.println("ACCEPT " + card.describe());
            return 0;
        } catch (LoginRefusedException refused) {
            // the refusal's detail is written for the audit log and so already free of personal IDs
            out.println("REJECT " + refused.getMessage());
            return 1;
        }
    }

    /** PEM or DER: the JDK's CertificateFactory reads both; a PEM file may hold several certificates. */
    private static List<X509Certificate> certificates(List<Path> files) throws IOException, GeneralSecurityException {
        List<X509Certificate> certs = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                CertificateFactory.getInstance("X.509")
                        .generateCertificates(in)
                        .forEach(c -> certs.add((X509Certificate) c));
            }
        }
        return certs;
    }

    private static List<X509CRL> crls(List<Path> files) throws IOException, GeneralSecurityException {
        List<X509CRL> crls = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                CertificateFactory.getInstance("X.509").generateCRLs(in).forEach(c -> crls.add((X509CRL) c));
            }
        }
        return crls;
    }
}
