package org.sscard.launcher;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** What the user needs once everything is up: where to click, where to look when something goes wrong. */
final class ReadyTable {

    private ReadyTable() {}

    static void print(PrintStream out, LaunchOptions options, PlatformDatabase database) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"SERVICE", "WHAT", "URL", "LOG"});
        for (ServiceSpec service : entryFirst(options.services())) {
            rows.add(new String[] {
                service.module(),
                service.title(),
                options.baseUrl(service) + service.entryPath(),
                options.logFile(service).toString()
            });
            if (service == ServiceSpec.AUTH) {
                rows.add(new String[] {
                    "",
                    "Card login (client certificate)",
                    "https://" + options.hostOf(ServiceSpec.AUTH) + ":" + options.cardLoginPort()
                            + "/login/card/resident",
                    ""
                });
            }
            if (service == ServiceSpec.CARD_ISSUER) {
                rows.add(new String[] {
                    "", "CA certificates, CRL, OCSP (plain HTTP)", options.caPublicationUrl() + "/ca/root.pem", ""
                });
            }
        }
        int[] widths = new int[4];
        for (String[] row : rows) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        String format = "  %-" + widths[0] + "s  %-" + widths[1] + "s  %-" + widths[2] + "s  %s%n";
        out.println();
        out.println("sscard platform is ready (" + options.services().size() + " services, profile "
                + options.profiles() + ")");
        for (String[] row : rows) {
            out.printf(format, (Object[]) row);
        }
        out.println("  Database: " + database.description());
        out.println("  Data:     " + options.dataDir());
        out.println();
    }

    /** The portal is where a user starts, so it leads the table; the rest follow in start order. */
    private static List<ServiceSpec> entryFirst(List<ServiceSpec> services) {
        List<ServiceSpec> ordered = new ArrayList<>();
        services.stream()
                .filter(service -> service == ServiceSpec.PORTAL_GATEWAY)
                .forEach(ordered::add);
        services.stream()
                .filter(service -> service != ServiceSpec.PORTAL_GATEWAY)
                .forEach(ordered::add);
        return ordered;
    }
}
