package org.sscard.auth.certificate.cli;

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
import org.sscard.auth.certificate.CertificatePathValidator;
import org.sscard.auth.certificate.LoggingRevocationAudit;
import org.sscard.auth.certificate.ValidationPolicy;
import org.sscard.auth.certificate.ValidationResult;
import org.sscard.auth.certificate.revocation.CrlRevocationChecker;
import org.sscard.auth.certificate.revocation.GivenCrls;

/**
 * {@code sscard-verify}: the operator's view of exactly what the login does with a certificate path — the same
 * {@link CertificatePathValidator}, with CRLs from files. Runs from the auth-service jar without starting it.
 */
public final class VerifyCli {

    private VerifyCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        VerifyArguments arguments;
        try {
            arguments = VerifyArguments.parse(args);
        } catch (VerifyArguments.Usage usage) {
            err.println("sscard-verify: " + usage.getMessage());
            err.println(VerifyArguments.USAGE);
            return 2;
        }
        if (!arguments.profile().equals("path")) {
            // the resident and staff login profiles build on this layer and arrive with card login (issue 4)
            err.println("sscard-verify: profile '" + arguments.profile() + "' is not yet available; use --profile path");
            return 2;
        }
        try {
            ValidationPolicy policy = ValidationPolicy.strict();
            if (arguments.allowSha1() || arguments.minimumRsaBits() != 2048) {
                policy = policy.withLegacyAlgorithms(arguments.minimumRsaBits(), arguments.allowSha1());
                err.println("sscard-verify: legacy algorithm floor: RSA/DSA >= " + arguments.minimumRsaBits()
                        + " bits, SHA-1 " + (arguments.allowSha1() ? "allowed" : "refused"));
            }
            CertificatePathValidator validator = new CertificatePathValidator(certificates(arguments.trustAnchors()),
                    policy, new CrlRevocationChecker(new GivenCrls(crls(arguments.crls()))),
                    new LoggingRevocationAudit());
            List<X509Certificate> subject = certificates(List.of(arguments.certificate()));
            if (subject.isEmpty()) {
                throw new GeneralSecurityException("no certificate in " + arguments.certificate());
            }
            ValidationResult result = validator.validate(subject.get(0), certificates(arguments.intermediates()),
                    arguments.at());
            out.println(result.describe());
            return result.accepted() ? 0 : 1;
        } catch (IOException | GeneralSecurityException | RuntimeException unreadable) {
            err.println("sscard-verify: cannot read input: " + unreadable.getMessage());
            return 2;
        }
    }

    /** PEM or DER: the JDK's CertificateFactory reads both; a PEM file may hold several certificates. */
    private static List<X509Certificate> certificates(List<Path> files) throws IOException, GeneralSecurityException {
        List<X509Certificate> certs = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                CertificateFactory.getInstance("X.509").generateCertificates(in)
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
