package org.sscard.issuer.issuance;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.sscard.common.id.InvalidPersonalIdException;
import org.sscard.common.web.CommonError;
import org.sscard.issuer.audit.IssuerAudit;
import org.sscard.issuer.ca.CaHierarchy;
import org.sscard.issuer.ca.CaProperties;
import org.sscard.issuer.ca.CertificateMinter;
import org.sscard.issuer.error.IssuerError;
import org.sscard.issuer.error.IssuerException;
import org.sscard.issuer.profile.CertificateProfile;
import org.sscard.issuer.profile.ProfileProperties;
import org.sscard.issuer.profile.SubjectKind;
import org.sscard.issuer.relay.RelayClient;
import org.sscard.issuer.revocation.CertificateRecords;
import org.sscard.issuer.revocation.IssuedCertificate;

/**
 * Card issuance — resident cards and staff tokens only: registered holder → key pair → certificate → card, recorded in the CA's register and the relay's card
 * register in one operation. A soft card's key is generated here; a token's key is generated on the token and only
 * its CSR comes here. Every request is audited, accepted or refused; a refusal issues nothing.
 */
@Service
public class IssuanceService {

    private static final String RESIDENT_CARD = "resident-card";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ProfileProperties profiles;
    private final HolderResolver holders;
    private final RelayClient relay;
    private final CaHierarchy hierarchy;
    private final CertificateMinter minter;
    private final CertificateRecords records;
    private final CardReplacement replacement;
    private final IssuerAudit audit;
    private final CaProperties ca;
    private final Clock clock;
    private final TransactionTemplate transactions;

    IssuanceService(
            ProfileProperties profiles,
            HolderResolver holders,
            RelayClient relay,
            CaHierarchy hierarchy,
            CertificateMinter minter,
            CertificateRecords records,
            CardReplacement replacement,
            IssuerAudit audit,
            CaProperties ca,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.profiles = profiles;
        this.holders = holders;
        this.relay = relay;
        this.hierarchy = hierarchy;
        this.minter = minter;
        this.records = records;
        this.replacement = replacement;
        this.audit = audit;
        this.ca = ca;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** A soft card: the key pair is generated here and handed out once, in the PIN-protected PKCS#12. */
    public IssuedCard issueSoft(String profileName, HolderRequest holder, String replacesCardSerial) {
        return audited("ISSUE_SOFT", () -> {
            CertificateProfile profile = profile(profileName);
            KeyPair keys = generate(profile); // outside the transaction: key generation holds no connection
            return transactions.execute(status ->
                    issue(profileName, profile, holder, keys.getPublic(), keys.getPrivate(), null, replacesCardSerial));
        });
    }

    /**
     * A new soft card for the holder of {@code cardSerial}, of the same profile, replacing it: the old card is
     * revoked ({@code superseded}, unless revoked already) only once the new one is issued, in one transaction.
     */
    public IssuedCard reissueSoft(String cardSerial, String reason) {
        return audited("REISSUE", () -> {
            IssuedCertificate old = records.byCardSerial(cardSerial)
                    .orElseThrow(() -> new IssuerException(IssuerError.UNKNOWN_CERTIFICATE, "no card " + cardSerial));
            HolderRequest holder = switch (old.holderType()) {
                case PERSON -> HolderRequest.person(UUID.fromString(old.holderRef()));
                case STAFF -> HolderRequest.staff(UUID.fromString(old.holderRef()));
                case PLATFORM ->
                    throw new IssuerException(IssuerError.PLATFORM_IDENTITY, "platform identities are not cards");
            };
            CertificateProfile profile = profile(old.profile());
            KeyPair keys = generate(profile);
            return transactions.execute(status -> {
                IssuedCard card =
                        issue(old.profile(), profile, holder, keys.getPublic(), keys.getPrivate(), null, cardSerial);
                audit.accepted(
                        "REISSUE",
                        card.holderRef(),
                        CertificateRecords.serialHex(card.certificate()),
                        "replaces " + cardSerial + ": " + reason);
                return card;
            });
        });
    }

    /** A card whose key was generated elsewhere (on a PKCS#11 token): the CSR proves possession. */
    public IssuedCard issueForCsr(
            String profileName, HolderRequest holder, String csrPem, String cardSerial, String replacesCardSerial) {
        return audited("ISSUE_CSR", () -> {
            CertificateProfile profile = profile(profileName);
            PublicKey key = CsrReader.publicKey(csrPem, profile);
            return transactions.execute(
                    status -> issue(profileName, profile, holder, key, null, cardSerial, replacesCardSerial));
        });
    }

    /**
     * A resident card for a token's CSR, for the person an enrolment code names: {@code redeem} consumes the code
     * for the card (serial given) and answers the person, or refuses; it runs first, in the issuance's transaction,
     * so that a refused issuance leaves the code unused and nothing is checked for a code that is not valid.
     */
    public IssuedCard issueForEnrolment(String csrPem, String cardSerial, Function<String, UUID> redeem) {
        return audited("REDEEM_ENROLMENT_CODE", () -> {
            CertificateProfile profile = profile(RESIDENT_CARD);
            String serialOfCard = cardSerial != null ? cardSerial : newCardSerial(profile);
            requireCardSerialFormat(serialOfCard);
            return transactions.execute(status -> {
                UUID person = redeem.apply(serialOfCard);
                PublicKey key = CsrReader.publicKey(csrPem, profile);
                return issue(RESIDENT_CARD, profile, HolderRequest.person(person), key, null, serialOfCard, null);
            });
        });
    }

    /** Refuses (audited as {@code action}) unless the relay knows the person as active: a resident card is issuable. */
    public void requireResident(String action, UUID person) {
        audited(action, () -> holders.resolve(HolderRequest.person(person), profile(RESIDENT_CARD)));
    }

    private IssuedCard issue(
            String profileName,
            CertificateProfile profile,
            HolderRequest request,
            PublicKey key,
            PrivateKey softKey,
            String cardSerial,
            String replacesCardSerial) {
        HolderResolver.Holder holder = holders.resolve(request, profile);
        boolean card = holder.relayId() != null;
        IssuedCertificate replaced =
                replacesCardSerial == null ? null : replacement.replaceable(replacesCardSerial, holder);
        if (card) {
            replacement.requireNoOtherActiveCard(holder, replaced);
        }
        String serialOfCard = card ? (cardSerial != null ? cardSerial : newCardSerial(profile)) : null;
        if (serialOfCard != null) {
            requireCardSerialFormat(serialOfCard);
        }
        BigInteger serial = CertificateMinter.newSerial();
        X509Certificate certificate =
                minter.endEntity(profile, holder.subject(), key, serial, hierarchy.issuing(), ca, clock.instant());
        records.record(certificate, CaHierarchy.ISSUING, profileName, holder.type(), holder.ref(), serialOfCard);
        if (card) {
            relay.registerCard(
                    holder.isStaff(),
                    holder.relayId(),
                    serialOfCard,
                    serial.toString(16),
                    CertificateRecords.sha256(certificate),
                    certificate.getNotBefore().toInstant(),
                    certificate.getNotAfter().toInstant());
        }
        audit.accepted("ISSUE", holder.ref(), serial.toString(16));
        if (replaced != null) {
            replacement.supersede(replaced, serialOfCard);
        }
        return new IssuedCard(
                serialOfCard,
                certificate,
                List.of(
                        certificate,
                        hierarchy.issuing().certificate(),
                        hierarchy.root().certificate()),
                softKey,
                holder.ref());
    }

    private static void requireCardSerialFormat(String cardSerial) {
        if (!cardSerial.matches("[A-Za-z0-9-]{4,40}")) {
            throw new IssuerException(CommonError.INVALID_FIELD, "a card serial is 4-40 letters, digits or hyphens");
        }
    }

    /**
     * Only cards are issued here: resident cards and staff tokens. Platform identities (TLS servers, service clients,
     * the OCSP signer) are made by the platform's own bootstrap, in process with the CA key store
     * (bootstrap.ServerCertificates, CaHierarchy); a caller holding ISSUE could otherwise mint any service's identity.
     */
    private CertificateProfile profile(String name) {
        CertificateProfile profile = profiles.profiles().get(name);
        if (profile == null) {
            throw new IssuerException(IssuerError.UNKNOWN_PROFILE, "no issuable profile '" + name + "'");
        }
        if (profile.subject() != SubjectKind.RESIDENT && profile.subject() != SubjectKind.STAFF) {
            throw new IssuerException(
                    IssuerError.PLATFORM_IDENTITY, "profile '" + name + "' certifies a platform identity");
        }
        return profile;
    }

    private static KeyPair generate(CertificateProfile profile) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(profile.keyAlgorithm());
            generator.initialize(profile.keySize());
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newCardSerial(CertificateProfile profile) {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        String prefix = profile.subject() == SubjectKind.STAFF ? "ST-" : "KC-";
        return prefix + HexFormat.of().formatHex(random).toUpperCase(Locale.ROOT);
    }

    /**
     * Runs the work (which opens its own transaction) and records a refusal after that transaction has rolled
     * back and returned its connection: writing it while the transaction still held one needed a second
     * connection per request, and ten concurrent requests then starved the pool for good.
     */
    private <T> T audited(String action, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (IssuerException e) {
            audit.refused(action, e.error() + ": " + e.getMessage(), null, null);
            throw e;
        } catch (InvalidPersonalIdException e) {
            audit.refused(action, "MALFORMED_PERSONAL_ID: " + e.error(), null, null);
            throw e;
        }
    }
}
