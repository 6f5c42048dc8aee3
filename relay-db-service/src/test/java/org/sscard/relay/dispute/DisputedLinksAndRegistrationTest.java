package org.sscard.relay.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sscard.relay.support.Api;
import org.sscard.relay.support.LinkStates;
import org.sscard.relay.support.RelayApiTest;

/**
 * A new mapping against a disputed one: a SUSPENDED link still holds its period and its ID (it may be reinstated), a
 * REMOVED one holds nothing (the provider confirmed the record is not the person's, so it may be someone else's).
 */
class DisputedLinksAndRegistrationTest extends RelayApiTest {

    @Test
    void aSuspendedLinkStillHoldsItsPeriodAndItsId() {
        String person = createPerson();
        Map<String, Object> card = insuranceCard();
        String nhi = map(person, "test-nhi", card, "2020-04-01");
        LinkStates.hide(as("portal-gateway"), jdbc, person, nhi, "SUSPENDED");

        Api.Response samePerson = register(person, insuranceCard());
        Api.Response otherPerson = register(createPerson(), card);

        assertThat(samePerson.problemCode()).isEqualTo("OVERLAPPING_VALIDITY");
        assertThat(otherPerson.problemCode()).isEqualTo("DUPLICATE_MAPPING");
    }

    @Test
    void aRemovedLinkHoldsNothing() {
        String person = createPerson();
        Map<String, Object> card = insuranceCard();
        String nhi = map(person, "test-nhi", card, "2020-04-01");
        LinkStates.hide(as("portal-gateway"), jdbc, person, nhi, "REMOVED");

        Api.Response samePerson = register(person, insuranceCard());
        String owner = createPerson();
        Api.Response otherPerson = register(owner, card);

        assertThat(samePerson.status()).as(samePerson.body()).isEqualTo(201);
        assertThat(otherPerson.status()).as(otherPerson.body()).isEqualTo(201);
        // and the ID now resolves to its true owner only
        assertThat(city().post(
                                "/api/v1/providers/test-nhi/reverse-resolve",
                                Map.of("localId", card, "at", "2021-01-01"))
                        .json()
                        .path("personId")
                        .asText())
                .isEqualTo(owner);
    }

    private Api.Response register(String person, Map<String, Object> card) {
        return city().post(
                        "/api/v1/persons/" + person + "/mappings",
                        Map.of("providerKey", "test-nhi", "localId", card, "validFrom", "2020-10-01"));
    }
}
