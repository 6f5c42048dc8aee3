package org.sscard.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.sscard.common.tls.PlatformTrust;

/**
 * After start-up: how to trust the platform's own CA, and the demo soft cards with their PINs. The card issuer
 * makes the demo cards once the relay has the demo residents, so they may take a few seconds to appear.
 */
final class DemoCardsNotice {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private DemoCardsNotice() {}

    static void print(PrintStream out, LaunchOptions options) throws InterruptedException {
        Path root = PlatformTrust.caRoot(options.dataDir());
        if (Files.exists(root)) {
            out.println("  TLS: the services present certificates of the platform's own CA. Trust its root to");
            out.println("       browse without warnings: " + root);
        }
        if (!options.profiles().contains("demo")) {
            return;
        }
        Path index = options.dataDir().resolve("demo").resolve("cards").resolve("cards.tsv");
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!Files.exists(index) && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        if (!Files.exists(index)) {
            out.println("  Demo cards: not ready yet; see " + options.logFile(ServiceSpec.CARD_ISSUER));
            return;
        }
        try {
            List<String> rows = Files.readAllLines(index).stream()
                    .filter(line -> !line.startsWith("#"))
                    .toList();
            out.println("  Demo cards (PKCS#12 soft cards, demo PINs) in " + index.getParent() + ":");
            for (String row : rows) {
                String[] columns = row.split("\t");
                if (columns.length == 3) {
                    out.printf("    %-28s %-12s PIN %s%n", columns[0], columns[1], columns[2]);
                }
            }
            out.println();
        } catch (IOException e) {
            out.println("  Demo cards: cannot read " + index + ": " + e.getMessage());
        }
    }
}
