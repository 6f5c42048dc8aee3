package org.sscard.auth.reception;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sscard.auth.login.LoginRefusedException;
import org.sscard.auth.login.PatientCardCheck;
import org.sscard.auth.relay.RelayDirectory;
import org.sscard.auth.relay.RelayReceptionCheck;
import org.sscard.auth.relay.RelayUnavailableException;

/**
 * Finds the patient for a clerk: a card first through the card login's checks (path with revocation, always fail
 * closed; the resident profile), which refuse a bad card before the relay hears of it; then the relay's reception
 * check, one call, which checks the clerk and the card's or SSN's registration and writes the patient's access log.
 * A card the CA refused (revoked, on hold, expired) or whose revocation status nobody could tell is still named to the
 * relay, once, for its holder's access log. Every question names the staff card the clerk logged in with: the relay
 * refuses a clerk whose card has since been suspended or revoked, though their desk session lives on.
 */
final class ReceptionPatients {

    private static final Logger log = LoggerFactory.getLogger(ReceptionPatients.class);

    private final PatientCardCheck cards;
    private final RelayDirectory relay;

    ReceptionPatients(PatientCardCheck cards, RelayDirectory relay) {
        this.cards = cards;
        this.relay = relay;
    }

    RelayReceptionCheck find(ReceptionClerks.Clerk clerk, PatientIdentification patient, String insurer) {
        RelayReceptionCheck.Question question = patient instanceof PatientIdentification.ByCard card
                ? byCard(clerk, card, insurer)
                : bySsn(clerk, (PatientIdentification.BySsn) patient, insurer);
        try {
            return relay.receptionCheck(
                    question, "reception check at " + clerk.organisation() + " " + patient.describe());
        } catch (RelayReceptionCheck.RefusedException e) {
            throw refusedByRelay(e.refusal(), patient);
        } catch (RelayUnavailableException e) {
            throw new ReceptionRefusal(ReceptionError.TEMPORARILY_UNAVAILABLE, "the relay cannot answer");
        }
    }

    private static RelayReceptionCheck.Question bySsn(
            ReceptionClerks.Clerk clerk, PatientIdentification.BySsn ssn, String insurer) {
        return new RelayReceptionCheck.Question(
                clerk.staffId().toString(),
                clerk.certificateSerial(),
                clerk.organisation(),
                ssn.method(),
                null,
                null,
                ssn.provisionalSsn(),
                ssn.dateOfBirth().toString(),
                ssn.reason().name(),
                insurer,
                null);
    }

    private RelayReceptionCheck.Question byCard(
            ReceptionClerks.Clerk clerk, PatientIdentification.ByCard card, String insurer) {
        PatientCardCheck.PatientCard checked;
        try {
            checked = cards.check(card.certificate());
        } catch (PatientCardCheck.RefusedByCa e) {
            e.card().ifPresent(refused -> logCaRefusal(clerk, refused, e));
            throw refusedCard(e);
        } catch (LoginRefusedException e) {
            throw refusedCard(e);
        }
        return new RelayReceptionCheck.Question(
                clerk.staffId().toString(),
                clerk.certificateSerial(),
                clerk.organisation(),
                card.method(),
                checked.certificateSerial(),
                checked.personalId().digits(),
                null,
                null,
                null,
                insurer,
                null);
    }

    /**
     * Tells the relay that a desk tried a card the CA refused or whose status could not be told, so that the holder's
     * access log shows it like every other refused check. The desk's answer is this service's whatever comes back: a
     * card the PKI refused is refused, one of unknown status is not answered, even when the relay cannot be reached
     * (then only this service's log keeps the attempt).
     */
    private void logCaRefusal(
            ReceptionClerks.Clerk clerk, PatientCardCheck.PatientCard card, PatientCardCheck.RefusedByCa refused) {
        String pkiRefusal = relayName(refused.pkiRefusal());
        RelayReceptionCheck.Question question = new RelayReceptionCheck.Question(
                clerk.staffId().toString(),
                clerk.certificateSerial(),
                clerk.organisation(),
                "CARD",
                card.certificateSerial(),
                card.personalId().digits(),
                null,
                null,
                null,
                null,
                pkiRefusal);
        String purpose = "reception check at " + clerk.organisation() + " (card), "
                + ("STATUS_UNKNOWN".equals(pkiRefusal) ? "status unknown" : "refused by the CA");
        try {
            relay.receptionCheck(question, purpose);
            log.warn("reception check: the relay answered for a card the CA refused ({})", pkiRefusal);
        } catch (RelayReceptionCheck.RefusedException e) {
            // the reason back: logged; CARD_UNKNOWN: not a registered card, so no holder to tell
            if (e.refusal() != expectedFromRelay(pkiRefusal)
                    && e.refusal() != RelayReceptionCheck.Refusal.CARD_UNKNOWN) {
                log.warn(
                        "reception check: the relay refused to log a card the CA refused ({}): {}",
                        pkiRefusal,
                        e.refusal());
            }
        } catch (RelayUnavailableException e) {
            log.warn(
                    "reception check: the relay could not log a card the CA refused ({}): {}",
                    pkiRefusal,
                    e.getMessage());
        }
    }

    /** The relay's name for the path validator's reason: the status nobody could tell is {@code STATUS_UNKNOWN}. */
    private static String relayName(String validatorReason) {
        return "REVOCATION_UNKNOWN".equals(validatorReason) ? "STATUS_UNKNOWN" : validatorReason;
    }

    /** The relay's answer once it has logged the refused card. */
    private static RelayReceptionCheck.Refusal expectedFromRelay(String pkiRefusal) {
        return switch (pkiRefusal) {
            case "REVOKED" -> RelayReceptionCheck.Refusal.CARD_REVOKED;
            case "ON_HOLD" -> RelayReceptionCheck.Refusal.CARD_SUSPENDED;
            case "EXPIRED" -> RelayReceptionCheck.Refusal.CARD_EXPIRED;
            default -> RelayReceptionCheck.Refusal.CARD_STATUS_UNKNOWN;
        };
    }

    /** The login's refusal as the desk's code: what is not a usable resident card of this platform is unknown. */
    private static ReceptionRefusal refusedCard(LoginRefusedException e) {
        return switch (e.refusal()) {
            case CARD_REVOKED -> new ReceptionRefusal(ReceptionError.CARD_REVOKED, "the card is revoked");
            case CARD_SUSPENDED -> new ReceptionRefusal(ReceptionError.CARD_SUSPENDED, "the card is suspended");
            case CARD_EXPIRED -> new ReceptionRefusal(ReceptionError.CARD_EXPIRED, "the card has expired");
            case REVOCATION_UNAVAILABLE ->
                new ReceptionRefusal(ReceptionError.TEMPORARILY_UNAVAILABLE, "the card's revocation status is unknown");
            default -> new ReceptionRefusal(ReceptionError.CARD_UNKNOWN, "not a resident card of this platform");
        };
    }

    private static ReceptionRefusal refusedByRelay(RelayReceptionCheck.Refusal refusal, PatientIdentification patient) {
        return switch (refusal) {
            case CLERK_NOT_ALLOWED ->
                new ReceptionRefusal(ReceptionError.INVALID_GRANT, "the relay does not let this clerk check patients");
            case CARD_UNKNOWN -> new ReceptionRefusal(ReceptionError.CARD_UNKNOWN, "the card is not registered");
            case CARD_SUSPENDED -> new ReceptionRefusal(ReceptionError.CARD_SUSPENDED, "the card is suspended");
            case CARD_REVOKED -> new ReceptionRefusal(ReceptionError.CARD_REVOKED, "the card is revoked");
            case CARD_EXPIRED -> new ReceptionRefusal(ReceptionError.CARD_EXPIRED, "the card has expired");
            case CARD_STATUS_UNKNOWN ->
                new ReceptionRefusal(ReceptionError.TEMPORARILY_UNAVAILABLE, "the card's revocation status is unknown");
            // the person's record no longer stands (moved away, deceased): their card no longer identifies them,
            // and by SSN they are not found
            case PERSON_INACTIVE ->
                patient instanceof PatientIdentification.ByCard
                        ? new ReceptionRefusal(ReceptionError.CARD_UNKNOWN, "the card's holder is not active")
                        : new ReceptionRefusal(ReceptionError.PERSON_NOT_MATCHED, "no active person matched");
            case PERSON_NOT_MATCHED -> new ReceptionRefusal(ReceptionError.PERSON_NOT_MATCHED, "no person matched");
            case INSURER_NOT_FOUND ->
                new ReceptionRefusal(ReceptionError.INVALID_TARGET, "the insurer asked for is not the patient's");
        };
    }
}
