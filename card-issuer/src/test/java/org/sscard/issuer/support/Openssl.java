package org.sscard.issuer.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real openssl command line, run in a working directory: what an operator or a third-party relying party
 * would do with what the CA publishes. Output (stdout and stderr together) goes into every failure message.
 */
public final class Openssl {

    private final Path workDir;

    public Openssl(Path workDir) {
        this.workDir = workDir;
    }

    public record Result(int exitCode, String output, String command) {

        /** Fails the test with openssl's own words unless the command succeeded. */
        public Result requireSuccess() {
            if (exitCode != 0) {
                throw new AssertionError(describe("expected success"));
            }
            return this;
        }

        public Result requireFailure() {
            if (exitCode == 0) {
                throw new AssertionError(describe("expected failure"));
            }
            return this;
        }

        public String describe(String expectation) {
            return expectation + " of `" + command + "` (exit " + exitCode + "):\n" + output;
        }
    }

    public Result run(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close(); // openssl must never wait for a password on stdin
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("openssl did not finish: " + String.join(" ", command));
            }
            return new Result(
                    process.exitValue(), new String(output, StandardCharsets.UTF_8), String.join(" ", command));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run openssl (is it installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
