package org.sscard.auth.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CardPoliciesTest {

    @Test
    void readsTheHospitalAdministratorsPolicyAsAStaffCard() {
        Set<String> policies = Set.of(CardPolicies.ARC + ".1.5");
        assertThat(CardPolicies.profileOf(policies)).contains(LoginProfile.STAFF);
        assertThat(CardPolicies.staffRole(policies)).isEqualTo("HOSPITAL_ADMIN");
    }

    @Test
    void refusesACardWithTwoStaffPolicies() {
        assertThat(CardPolicies.profileOf(Set.of(CardPolicies.ARC + ".1.2", CardPolicies.ARC + ".1.5")))
                .isEmpty();
    }
}
