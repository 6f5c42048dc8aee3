package org.sscard.launcher;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/sscard-reception}, the desk program, run as a front-desk PC runs it against a platform of the tests: its
 * data directory's hosts file and trust anchor, its shifted ports, the PIN and other secrets on standard input.
 */
final class DeskProgram {

    record Run(int exit, String out, String err) {
        String printed() {
            return "exit " + exit + "\n--- stdout:\n" + out + "\n--- stderr:\n" + err;
        }
    }

    private DeskProgram() {}

    static Run run(RunningPlatform platform, Path workDir, String stdin, String... arguments) throws Exception {
        Path repo = Path.of(System.getProperty("sscard.repo.dir", ".."))
                .toAbsolutePath()
                .normalize();
        List<String> command =
                new ArrayList<>(List.of(repo.resolve("bin/sscard-reception").toString()));
        command.addAll(List.of(arguments));
        if (!arguments[0].equals("verify-statement")) {
            command.addAll(List.of(
                    "--platform-url",
                    platform.authUrl(),
                    "--desk-url",
                    platform.deskUrl(),
                    "--trust-anchor",
                    platform.caRoot().toString()));
        }
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("SSCARD_DATA_DIR", platform.dataDir().toString());
        Process process = builder.start();
        try (var in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("bin/sscard-reception did not finish: " + command);
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
