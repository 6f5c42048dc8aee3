package org.sscard.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every service module (every module of the root pom but {@code common} and {@code launcher}, so a service added
 * later is covered) has an {@code ArchitectureTest} that checks the shared rules of
 * {@code org.sscard.common.architecture.ServiceRules}: at least cycle-free feature packages and no other service's
 * code. The launcher builds last and knows the repository's layout, so the check lives here.
 */
class EveryServiceChecksItsArchitectureTest {

    private static final Path REPO_DIR = Path.of(System.getProperty("sscard.repo.dir", ".."))
            .toAbsolutePath()
            .normalize();
    private static final Set<String> NOT_SERVICES = Set.of("common", "launcher");
    private static final String SHARED_RULES = "org.sscard.common.architecture.ServiceRules";
    private static final List<String> RULES_EVERY_SERVICE_CHECKS =
            List.of("featurePackagesAreFreeOfCycles", "usesOnlyItsOwnCodeCommonAndLibraries");
    private static final Pattern MODULES = Pattern.compile("<modules>(.*?)</modules>", Pattern.DOTALL);
    private static final Pattern MODULE = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>");

    @Test
    void everyServiceModuleChecksTheSharedArchitectureRules() {
        List<String> modules = modules(REPO_DIR);

        assertThat(modules)
                .as("the root pom's modules, read from " + REPO_DIR.resolve("pom.xml"))
                .contains("common", "launcher", "relay-db-service");
        assertThat(missingArchitectureTests(REPO_DIR))
                .as("service modules without their architecture test")
                .isEmpty();
    }

    @Test
    void namesAServiceModuleWithoutAnArchitectureTest(@TempDir Path repo) throws IOException {
        write(repo.resolve("pom.xml"), rootPom("common", "new-service", "checked-service", "launcher"));
        write(
                repo.resolve("checked-service/src/test/java/org/sscard/checked/ArchitectureTest.java"),
                architectureTest());
        write(repo.resolve("new-service/src/test/java/org/sscard/fresh/SomethingTest.java"), "class SomethingTest {}");

        assertThat(missingArchitectureTests(repo))
                .singleElement(STRING)
                .startsWith("new-service: no src/test/java/**/ArchitectureTest.java");
    }

    @Test
    void namesAServiceWhoseArchitectureTestSkipsTheSharedRules(@TempDir Path repo) throws IOException {
        write(repo.resolve("pom.xml"), rootPom("common", "own-rules-service", "launcher"));
        write(
                repo.resolve("own-rules-service/src/test/java/org/sscard/own/ArchitectureTest.java"),
                architectureTest().replace("featurePackagesAreFreeOfCycles", "somethingOfItsOwn"));

        assertThat(missingArchitectureTests(repo))
                .singleElement(STRING)
                .startsWith("own-rules-service: ")
                .contains("does not check featurePackagesAreFreeOfCycles");
    }

    /** One line per service module that lacks its architecture test or the shared rules in it. */
    static List<String> missingArchitectureTests(Path repo) {
        List<String> problems = new ArrayList<>();
        for (String module : modules(repo)) {
            if (NOT_SERVICES.contains(module)) {
                continue;
            }
            List<Path> tests = architectureTests(repo.resolve(module).resolve("src/test/java"));
            if (tests.isEmpty()) {
                problems.add(module + ": no src/test/java/**/ArchitectureTest.java; every service module checks the"
                        + " shared architecture rules (" + SHARED_RULES + ")");
                continue;
            }
            for (Path test : tests) {
                String source = read(test);
                Path relative = repo.relativize(test);
                if (!source.contains(SHARED_RULES)) {
                    problems.add(module + ": " + relative + " does not use the shared rules (" + SHARED_RULES + ")");
                }
                for (String rule : RULES_EVERY_SERVICE_CHECKS) {
                    if (!source.contains(rule)) {
                        problems.add(module + ": " + relative + " does not check " + rule);
                    }
                }
            }
        }
        return problems;
    }

    private static List<String> modules(Path repo) {
        Matcher modules = MODULES.matcher(read(repo.resolve("pom.xml")));
        if (!modules.find()) {
            throw new IllegalStateException("no <modules> in " + repo.resolve("pom.xml"));
        }
        List<String> names = new ArrayList<>();
        Matcher module = MODULE.matcher(modules.group(1));
        while (module.find()) {
            names.add(module.group(1));
        }
        return names;
    }

    private static List<Path> architectureTests(Path testSources) {
        if (!Files.isDirectory(testSources)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(testSources)) {
            return files.filter(file -> file.getFileName().toString().equals("ArchitectureTest.java"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static String rootPom(String... modules) {
        StringBuilder pom = new StringBuilder("<project>\n  <modules>\n");
        for (String module : modules) {
            pom.append("    <module>").append(module).append("</module>\n");
        }
        return pom.append("  </modules>\n</project>\n").toString();
    }

    private static String architectureTest() {
        return """
                import static org.sscard.common.architecture.ServiceRules.featurePackagesAreFreeOfCycles;
                import static org.sscard.common.architecture.ServiceRules.usesOnlyItsOwnCodeCommonAndLibraries;
                class ArchitectureTest {
                    static final ArchRule cycles = featurePackagesAreFreeOfCycles("org.sscard.checked");
                    static final ArchRule own = usesOnlyItsOwnCodeCommonAndLibraries("org.sscard.checked");
                }
                """;
    }
}
