package org.sscard.issuer.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sscard.issuer.support.IssuerApiTest;

class IssuerAuditTableTest extends IssuerApiTest {

    @Test
    void issuerAuditIsAppendOnlyEvenForItsOwner() {
        jdbc.sql("INSERT INTO issuer_audit (actor, action, outcome) VALUES ('test', 'append-only-test', 'ACCEPTED')")
                .update();

        assertThatThrownBy(
                        () -> jdbc.sql("UPDATE issuer_audit SET outcome = 'REFUSED' WHERE action = 'append-only-test'")
                                .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM issuer_audit WHERE action = 'append-only-test'")
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE issuer_audit").update()).hasMessageContaining("append-only");
        assertThat(jdbc.sql("SELECT count(*) FROM issuer_audit WHERE action = 'append-only-test'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }
}
