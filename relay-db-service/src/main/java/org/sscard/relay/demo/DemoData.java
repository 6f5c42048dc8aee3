package org.sscard.relay.demo;

import java.time.LocalDate;
import java.util.List;
import org.sscard.relay.mapping.ProviderLocalId;
import org.sscard.relay.person.Sex;
import org.sscard.relay.staff.StaffRole;

/** The demo's residents and staff: fictional people, in the roles of the 2010 Kamogawa demonstration. */
final class DemoData {

    private DemoData() {}

    /** {@code address}: fictional (real town names of Kamogawa, made-up numbers), as typed at the city office. */
    record Resident(
            String nameKanji,
            String nameKana,
            LocalDate dateOfBirth,
            Sex sex,
            String provisionalSsn,
            String address,
            List<Membership> memberships) {}

    /**
     * A provider's ID for a resident from {@code validFrom}; {@code validTo} (inclusive) non-null: the membership has
     * ended on that day (the mapping is ENDED, as when the city office records a loss of coverage).
     */
    record Membership(
            String providerKey,
            ProviderLocalId localId,
            List<String> services,
            LocalDate validFrom,
            LocalDate validTo) {

        Membership from(LocalDate day) {
            return new Membership(providerKey, localId, services, day, validTo);
        }

        /** Ended on {@code day}; the resident no longer uses the provider's services (none subscribed). */
        Membership endedOn(LocalDate day) {
            return new Membership(providerKey, localId, List.of(), validFrom, day);
        }
    }

    record StaffMember(String organisation, StaffRole role, String nameKanji, String nameKana) {}

    private static final List<String> INSURER_SERVICES = List.of("medical-expense-notice", "eligibility", "checkups");
    /** Where every membership starts unless it says otherwise: the 2010 demonstration. */
    private static final LocalDate DEMONSTRATION = LocalDate.of(2010, 4, 1);

    static final List<Resident> RESIDENTS = List.of(
            new Resident(
                    "鴨川 花子",
                    "カモガワ ハナコ",
                    LocalDate.of(1958, 4, 12),
                    Sex.FEMALE,
                    "100000000001",
                    "千葉県鴨川市横渚１００１－１　コーポ横渚 １０１",
                    List.of(nhi("鴨川", "1001", "00"), hospital("P0012345"), pension("1234-567890"))),
            new Resident(
                    "長狭 太郎",
                    "ナガサ タロウ",
                    LocalDate.of(1949, 11, 3),
                    Sex.MALE,
                    "100000000002",
                    "千葉県鴨川市釜沼２００",
                    List.of(nhi("鴨川", "1002", "00"), hospital("P0023456"), pension("2345-678901"))),
            new Resident(
                    "天津 一郎",
                    "アマツ イチロウ",
                    LocalDate.of(1975, 7, 21),
                    Sex.MALE,
                    "100000000003",
                    "千葉県鴨川市天津3000-12",
                    List.of(kenpo("10", "2001", "00"), hospital("P0034567"))),
            new Resident(
                    "天津 さくら",
                    "アマツ サクラ",
                    LocalDate.of(1978, 2, 14),
                    Sex.FEMALE,
                    "100000000004",
                    "千葉県鴨川市天津3000-12",
                    List.of(kenpo("10", "2001", "01"))),
            new Resident(
                    "江見 次郎",
                    "エミ ジロウ",
                    LocalDate.of(1962, 9, 30),
                    Sex.MALE,
                    "100000000005",
                    "千葉県鴨川市江見太夫崎50ー2",
                    List.of(nhi("鴨川", "1005", "00"))),
            // lost the employer's coverage at the end of October; the city's NHI covers him since (the desk's
            // "lost, new insurer known")
            new Resident(
                    "太海 健",
                    "フトミ ケン",
                    LocalDate.of(1968, 5, 5),
                    Sex.MALE,
                    "100000000006",
                    "千葉県鴨川市太海2000-3",
                    List.of(
                            kenpo("10", "2002", "00")
                                    .from(LocalDate.of(2015, 4, 1))
                                    .endedOn(LocalDate.of(2026, 10, 31)),
                            nhi("鴨川", "1006", "00").from(LocalDate.of(2026, 11, 1)),
                            hospital("P0067890"))),
            // her card is reported lost: the card issuer's bootstrap suspends it (the desk's "card suspended")
            new Resident(
                    "前原 和子",
                    "マエハラ カズコ",
                    LocalDate.of(1955, 8, 8),
                    Sex.FEMALE,
                    "100000000007",
                    "千葉県鴨川市前原300-8 メゾン前原 202",
                    List.of(nhi("鴨川", "1007", "00"), hospital("P0078901"))));

    static final List<StaffMember> STAFF = List.of(
            new StaffMember("kameda-hospital", StaffRole.RECEPTION_CLERK, "受付 良子", "ウケツケ ヨシコ"),
            new StaffMember("kameda-hospital", StaffRole.HOSPITAL_ADMIN, "病院 管理", "ビョウイン カンリ"),
            new StaffMember("kameda-kenpo", StaffRole.INSURER_ADMIN, "保険 管理", "ホケン カンリ"),
            // the city's NHI administrator: the operators' console's insurer screens for kamogawa-nhi (issue 17)
            new StaffMember("kamogawa-nhi", StaffRole.INSURER_ADMIN, "国保 管理", "コクホ カンリ"),
            new StaffMember("city", StaffRole.CITY_ADMIN, "市役 太一", "シヤク タイチ"));

    private static Membership nhi(String symbol, String number, String branch) {
        return new Membership(
                "kamogawa-nhi",
                new ProviderLocalId("122382", symbol, number, branch, null),
                INSURER_SERVICES,
                DEMONSTRATION,
                null);
    }

    private static Membership kenpo(String symbol, String number, String branch) {
        return new Membership(
                "kameda-kenpo",
                new ProviderLocalId("06139999", symbol, number, branch, null),
                INSURER_SERVICES,
                DEMONSTRATION,
                null);
    }

    private static Membership hospital(String patientNumber) {
        return new Membership(
                "kameda-hospital",
                new ProviderLocalId(null, null, null, null, patientNumber),
                List.of("medical-records"),
                DEMONSTRATION,
                null);
    }

    private static Membership pension(String pensionNumber) {
        return new Membership(
                "pension-office",
                new ProviderLocalId(null, null, null, null, pensionNumber),
                List.of("pension"),
                DEMONSTRATION,
                null);
    }
}
