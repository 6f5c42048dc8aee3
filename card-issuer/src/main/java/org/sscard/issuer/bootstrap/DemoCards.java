package org.sscard.issuer.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sscard.issuer.error.IssuerException;
import org.sscard.issuer.issuance.HolderRequest;
import org.sscard.issuer.issuance.IssuanceService;
import org.sscard.issuer.issuance.IssuedCard;
import org.sscard.issuer.issuance.SoftCard;
import org.sscard.issuer.relay.RelayClient;

/**
 * The demo's soft cards: one per demo resident (from the relay's {@code demo/residents.tsv}) and staff member,
 * written to {@code <data-dir>/demo/cards/} with {@code cards.tsv} listing file, holder and PIN. Cards already
 * written are left alone, so a restart issues nothing new.
 */
class DemoCards {

    private static final Logger log = LoggerFactory.getLogger(DemoCards.class);

    private final IssuanceService issuance;
    private final RelayClient relay;

    DemoCards(IssuanceService issuance, RelayClient relay) {
        this.issuance = issuance;
        this.relay = relay;
    }

    /** False while the relay's demo residents are not there yet (the caller retries). */
    boolean ensure(Path demoDirectory, List<BootstrapProperties.DemoCard> cards) {
        Path residentsFile = demoDirectory.resolve("residents.tsv");
        if (!Files.exists(residentsFile)) {
            return false;
        }
        Map<String, String> personalIdsByName = residents(residentsFile);
        Path cardsDirectory = demoDirectory.resolve("cards");
        List<String> index = new ArrayList<>(List.of("# file\tholder\tPIN (demo only)"));
        try {
            Files.createDirectories(cardsDirectory);
            for (BootstrapProperties.DemoCard card : cards) {
                Path file = cardsDirectory.resolve(card.file());
                if (!Files.exists(file)) {
                    HolderRequest holder = holder(card, personalIdsByName);
                    if (holder == null) {
                        log.warn("demo card {}: no such demo holder", card.file());
                        continue;
                    }
                    IssuedCard issued = issuance.issueSoft(card.profile(), holder, null);
                    write(file, SoftCard.pkcs12(issued, card.pin()));
                }
                index.add(card.file() + "\t" + card.name() + "\t" + card.pin());
            }
            Files.write(cardsDirectory.resolve("cards.tsv"), index);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo cards", e);
        } catch (IssuerException e) {
            log.warn("demo cards not issued yet: {}", e.getMessage());
            return false;
        }
    }

    private HolderRequest holder(BootstrapProperties.DemoCard card, Map<String, String> personalIdsByName) {
        if ("resident-card".equals(card.profile())) {
            String personalId = personalIdsByName.get(card.name());
            return personalId == null ? null : new HolderRequest(personalId, null, null);
        }
        return relay.staffOf(card.organisation()).stream()
                .filter(s -> s.nameKanji().equals(card.name()))
                .findFirst()
                .map(s -> new HolderRequest(null, s.id(), null))
                .orElse(null);
    }

    private static Map<String, String> residents(Path file) {
        try {
            Map<String, String> byName = new HashMap<>();
            for (String line : Files.readAllLines(file)) {
                String[] columns = line.split("\t");
                if (!line.startsWith("#") && columns.length == 3) {
                    byName.put(columns[1], columns[2]);
                }
            }
            return byName;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, byte[] pkcs12) throws IOException {
        Path temp = Files.createTempFile(
                file.getParent(),
                "card",
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(temp, pkcs12);
        Files.move(temp, file);
    }
}
