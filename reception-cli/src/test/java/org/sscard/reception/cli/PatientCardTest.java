package org.sscard.reception.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sscard.testsupport.pki.Issued;

/** The patient's card certificate from a file: PEM or DER, the card's own among its CA certificates. */
class PatientCardTest {

    @TempDir
    Path dir;

    private final Issued card = TestCards.residentCard();

    @Test
    void readsACardCertificateFromPemOrDer() throws Exception {
        Path pem = TestCards.pem(dir.resolve("card.pem"), card);
        Path der = Files.write(dir.resolve("card.der"), card.certificate().getEncoded());

        assertThat(PatientCard.fromFile(pem)).isEqualTo(card.certificate());
        assertThat(PatientCard.fromFile(der)).isEqualTo(card.certificate());
    }

    @Test
    void takesTheCardsOwnCertificateFromBesideItsCa() throws Exception {
        Path chain = Files.writeString(
                dir.resolve("chain.pem"),
                PatientCard.pem(TestCards.CA.certificate()) + PatientCard.pem(card.certificate()));

        assertThat(PatientCard.fromFile(chain)).isEqualTo(card.certificate());
    }

    @Test
    void refusesToGuessBetweenSeveralCards() {
        assertThatThrownBy(() -> PatientCard.theCardCertificate(
                        List.of(card.certificate(), TestCards.residentCard().certificate()), "the file"))
                .isInstanceOf(CliFailure.class)
                .hasMessage("several card certificates in the file");
    }

    @Test
    void refusesAFileWithoutACertificate() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a certificate");

        assertThatThrownBy(() -> PatientCard.fromFile(text))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("cannot read a certificate");
    }
}
