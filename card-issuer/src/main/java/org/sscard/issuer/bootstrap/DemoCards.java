package org.sscard.issuer.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sscard.issuer.api.Pem;
import org.sscard.issuer.error.IssuerException;
import org.sscard.issuer.issuance.HolderRequest;
import org.sscard.issuer.issuance.IssuanceService;
import org.sscard.issuer.issuance.IssuedCard;
import org.sscard.issuer.issuance.SoftCard;
import org.sscard.issuer.relay.RelayClient;
import org.sscard.issuer.revocation.CertificateRecords;
import org.sscard.issuer.revocation.CertificateStatus;
import org.sscard.issuer.revocation.RevocationService;

/**
 * The demo's soft cards: one per demo resident (from the relay's {@code demo/residents.tsv}) and staff member,
 * written to {@code <data-dir>/demo/cards/} with {@code cards.tsv} listing file, holder and PIN, and beside each
 * {@code <card>.p12} its public certificate {@code <card>.pem} (what a reception desk reads from a card without
 * the PIN). Cards already written are left alone, so a restart issues nothing new.
 *
 * <p>A card configured as suspended is put on hold the way the issuer's own suspend does it (CA status, CRL, OCSP,
 * the relay's card status) before its {@code .pem} is written: the {@code .pem} marks the card as finished, so a
 * suspension that failed (relay not reachable) is retried, and a card an operator resumed later stays resumed.
 */
class DemoCards {

    private static final Logger log = LoggerFactory.getLogger(DemoCards.class);

    private final IssuanceService issuance;
    private final RelayClient relay;
    private final RevocationService revocation;
    private final CertificateRecords records;

    DemoCards(IssuanceService issuance, RelayClient relay, RevocationService revocation, CertificateRecords records) {
        this.issuance = issuance;
        this.relay = relay;
        this.revocation = revocation;
        this.records = records;
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
                Path pem = cardsDirectory.resolve(card.file().replaceFirst("\\.p12$", ".pem"));
                if (!Files.exists(pem)) {
                    X509Certificate certificate = certificate(file, card.pin());
                    if (card.suspended()) {
                        suspend(certificate);
                    }
                    write(pem, Pem.of(certificate).getBytes(StandardCharsets.US_ASCII));
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

    /** Puts the card on hold unless it is on hold (or revoked) already. */
    private void suspend(X509Certificate certificate) {
        String serial = CertificateRecords.serialHex(certificate);
        boolean good = records.bySerial(serial)
                .map(record -> record.status() == CertificateStatus.GOOD)
                .orElse(false);
        if (good) {
            revocation.suspend(serial);
            // the serial only: a resident's subject is their personal ID
            log.info("demo card suspended: certificate {} on hold", serial);
        }
    }

    private static X509Certificate certificate(Path pkcs12, String pin) throws IOException {
        try (InputStream in = Files.newInputStream(pkcs12)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, pin.toCharArray());
            return (X509Certificate) store.getCertificate(SoftCard.ALIAS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the demo card " + pkcs12, e);
        }
    }

    private HolderRequest holder(BootstrapProperties.DemoCard card, Map<String, String> personalIdsByName) {
        if ("resident-card".equals(card.profile())) {
            String personalId = personalIdsByName.get(card.name());
            return personalId == null ? null : new HolderRequest(personalId, null, null, null);
        }
        return relay.staffOf(card.organisation()).stream()
                .filter(s -> s.nameKanji().equals(card.name()))
                .findFirst()
                .map(s -> HolderRequest.staff(s.id()))
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

    private static void write(Path file, byte[] content) throws IOException {
        Path temp = Files.createTempFile(
                file.getParent(),
                "card",
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(temp, content);
        Files.move(temp, file);
    }
}
