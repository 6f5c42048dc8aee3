package org.sscard.common.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProviderKeyTest {

    @Test
    void acceptsSlugsAndRejectsEverythingElse() {
        assertThat(new ProviderKey("kamogawa-nhi").value()).isEqualTo("kamogawa-nhi");
        for (String bad : new String[] {"", "a", "Kamogawa", "1nhi", "nhi_city", "nhi/../x", "-nhi", "a".repeat(41)}) {
            assertThatThrownBy(() -> new ProviderKey(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThat(ProviderKey.isValid(bad)).isFalse();
        }
    }
}
