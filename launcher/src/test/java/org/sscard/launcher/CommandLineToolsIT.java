package org.sscard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every operator's tool in {@code bin/} ({@code bin/sscard-*}, found by walking the folder, so a tool added later is
 * held to the same rules): {@code --help} and {@code -h} print its usage on stdout and exit 0; an unknown option
 * exits non-zero. The scripts run the service jars ({@code <module>/target/<module>.jar}): an integration test, so
 * that {@code ./mvnw verify} has packaged them (fresh) before it runs; a missing jar fails here with the script's
 * message saying which. Alone: {@code ./mvnw -pl auth-service,card-issuer,insurer-adapters,hospital-portal,reception-cli,launcher
 * -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=CommandLineToolsIT}.
 */
class CommandLineToolsIT {

    private static final Path REPO_DIR = Path.of(System.getProperty("sscard.repo.dir", ".."))
            .toAbsolutePath()
            .normalize();

    /** A JVM start on a loaded machine; no tool should take this long to print its usage. */
    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path workDir;

    record Run(int exit, String out, String err) {
        String printed() {
            return "exit " + exit + "\n--- stdout:\n" + out + "\n--- stderr:\n" + err;
        }
    }

    @TestFactory
    Stream<DynamicContainer> everyToolAnswersHelpAndRefusesAnUnknownOption() throws IOException {
        List<Path> tools;
        try (Stream<Path> bin = Files.list(REPO_DIR.resolve("bin"))) {
            tools = bin.filter(file -> file.getFileName().toString().startsWith("sscard-"))
                    .sorted()
                    .toList();
        }
        assertThat(tools).as("bin/sscard-* in " + REPO_DIR).isNotEmpty();
        return tools.stream().map(tool -> {
            String name = tool.getFileName().toString();
            return DynamicContainer.dynamicContainer(
                    "bin/" + name,
                    Stream.of(
                            DynamicTest.dynamicTest(name + " --help", () -> printsUsage(tool, "--help")),
                            DynamicTest.dynamicTest(name + " -h", () -> printsUsage(tool, "-h")),
                            DynamicTest.dynamicTest(name + " --no-such-option", () -> {
                                Run run = run(tool, "--no-such-option");
                                assertThat(run.exit())
                                        .as("bin/" + name + " --no-such-option: " + run.printed())
                                        .isNotZero();
                            })));
        });
    }

    private void printsUsage(Path tool, String option) throws Exception {
        String name = tool.getFileName().toString();
        Run run = run(tool, option);
        assertThat(run.exit())
                .as("bin/" + name + " " + option + ": " + run.printed())
                .isZero();
        assertThat(run.out())
                .as("bin/" + name + " " + option + " prints its usage on stdout: " + run.printed())
                .containsIgnoringCase("usage")
                .contains(name);
    }

    private Run run(Path tool, String option) throws Exception {
        assertThat(Files.isExecutable(tool)).as(tool + " is executable").isTrue();
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        Process process = new ProcessBuilder(tool.toString(), option)
                .directory(REPO_DIR.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        process.getOutputStream().close();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            throw new AssertionError(tool + " " + option + " did not end within " + TIMEOUT_SECONDS + " s: "
                    + new Run(-1, Files.readString(out), Files.readString(err)).printed());
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
