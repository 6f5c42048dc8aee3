package org.sscard.issuer.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One in-process run of the city office's CLI against an issuer: its exit code and what it printed. */
record CliRun(int exit, String out, String err) {

    static CliRun of(String issuerUrl, Path dataDir, String stdin, String... args) {
        List<String> line = new ArrayList<>(List.of(
                "--issuer-url",
                issuerUrl,
                "--data-dir",
                dataDir.toString(),
                "--auth-url",
                org.sscard.testsupport.TestTokenIssuer.get().issuer()));
        line.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = IssuerCli.run(
                line.toArray(String[]::new),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A value the CLI printed as {@code name   value}. */
    String field(String name) {
        Matcher field = Pattern.compile("(?m)^" + name + "\\s+(\\S+)$").matcher(out);
        if (!field.find()) {
            throw new AssertionError("no " + name + " in: " + out + err);
        }
        return field.group(1);
    }
}
