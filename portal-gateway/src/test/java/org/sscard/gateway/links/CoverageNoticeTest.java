package org.sscard.gateway.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sscard.gateway.relay.RelayRecords.Link;
import org.sscard.gateway.relay.RelayRecords.ServiceChoice;

/** When My Portal says an insurer's coverage ended and offers the newer insurer's services: case by case. */
class CoverageNoticeTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 10);

    private static Link insurer(String key, String status, LocalDate from, LocalDate to) {
        return new Link(UUID.randomUUID(), key, key + "（日本語）", key, "INSURER", from, to, status, "MANUAL", null);
    }

    private static ServiceChoice choice(String provider, String service, String state) {
        return new ServiceChoice(provider, "INSURER", provider, provider, service, service, service, state, null);
    }

    private final Link kenpo = insurer("kenpo", "ENDED", LocalDate.of(2015, 4, 1), LocalDate.of(2026, 11, 30));
    private final Link nhi = insurer("nhi", "ACTIVE", LocalDate.of(2026, 12, 1), null);
    private final List<ServiceChoice> joinable =
            List.of(choice("nhi", "notices", "JOINABLE"), choice("other", "notices", "JOINABLE"));

    @Test
    void namesTheEndedInsurerItsLastDayAndOnlyTheNewerInsurersJoinableServices() {
        CoverageNotice notice =
                CoverageNotice.of(List.of(kenpo, nhi), joinable, TODAY).orElseThrow();
        assertThat(notice.endedNameJa()).isEqualTo("kenpo（日本語）");
        assertThat(notice.endedOn()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(notice.newNameEn()).isEqualTo("nhi");
        assertThat(notice.services()).extracting(ServiceChoice::providerKey).containsExactly("nhi");
    }

    @Test
    void offersTheNewestInsurerWithSomethingLeftToJoin() {
        Link joinedAlready = insurer("joined", "ACTIVE", LocalDate.of(2026, 12, 5), null);
        CoverageNotice notice = CoverageNotice.of(
                        List.of(kenpo, nhi, joinedAlready),
                        List.of(choice("nhi", "notices", "JOINABLE"), choice("joined", "notices", "JOINED")),
                        TODAY)
                .orElseThrow();
        assertThat(notice.newNameEn()).isEqualTo("nhi");
    }

    @Test
    void saysNothingAfterNinetyDaysOrBeforeTheEndOrWithoutANewerInsurer() {
        Link longAgo = insurer("kenpo", "ENDED", LocalDate.of(2015, 4, 1), TODAY.minusDays(91));
        assertThat(CoverageNotice.of(List.of(longAgo, nhi), joinable, TODAY)).isEmpty();
        Link ninety = insurer("kenpo", "ENDED", LocalDate.of(2015, 4, 1), TODAY.minusDays(90));
        assertThat(CoverageNotice.of(List.of(ninety, nhi), joinable, TODAY)).isPresent();
        Link endsToday = insurer("kenpo", "ENDED", LocalDate.of(2015, 4, 1), TODAY);
        assertThat(CoverageNotice.of(List.of(endsToday, nhi), joinable, TODAY))
                .as("still covered today")
                .isEmpty();
        assertThat(CoverageNotice.of(List.of(kenpo), joinable, TODAY)).isEmpty();
        Link older = insurer("nhi", "ACTIVE", LocalDate.of(2010, 1, 1), null);
        assertThat(CoverageNotice.of(List.of(kenpo, older), joinable, TODAY))
                .as("an insurer from before the ended one is not newer")
                .isEmpty();
    }

    @Test
    void saysNothingWhenTheNewerInsurerHasNothingLeftToJoinOrTheLinksAreNotInsurersOrInUse() {
        assertThat(CoverageNotice.of(List.of(kenpo, nhi), List.of(choice("nhi", "notices", "JOINED")), TODAY))
                .isEmpty();
        Link suspended = insurer("nhi", "SUSPENDED", LocalDate.of(2026, 12, 1), null);
        assertThat(CoverageNotice.of(List.of(kenpo, suspended), joinable, TODAY))
                .isEmpty();
        Link pension = new Link(
                UUID.randomUUID(),
                "pension",
                "年金",
                "Pension",
                "PENSION",
                kenpo.validFrom(),
                kenpo.validTo(),
                "ENDED",
                "MANUAL",
                null);
        assertThat(CoverageNotice.of(List.of(pension, nhi), joinable, TODAY)).isEmpty();
        Link disputed = insurer("kenpo", "SUSPENDED", LocalDate.of(2015, 4, 1), LocalDate.of(2026, 11, 30));
        assertThat(CoverageNotice.of(List.of(disputed, nhi), joinable, TODAY)).isEmpty();
    }
}
