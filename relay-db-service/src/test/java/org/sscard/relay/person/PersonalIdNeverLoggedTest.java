package org.sscard.relay.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.sscard.relay.support.RelayApiTest;

@ExtendWith(OutputCaptureExtension.class)
class PersonalIdNeverLoggedTest extends RelayApiTest {

    @Test
    void personalIdsNeverReachTheLogsWhateverHappensToTheRequest(CapturedOutput output) {
        String personalId = newPersonalId();
        String ssn = newProvisionalSsn();
        city().post("/api/v1/persons", personBody(personalId, ssn));
        city().post("/api/v1/persons", personBody(personalId, newProvisionalSsn())); // duplicate
        as("card-issuer").post("/api/v1/persons/lookup/by-personal-id", Map.of("personalId", personalId));
        String corrupted = personalId.substring(0, 43) + (personalId.charAt(43) == '0' ? '1' : '0');
        city().post("/api/v1/persons", personBody(corrupted, newProvisionalSsn()));
        as("insurer-adapters").post("/api/v1/persons/lookup/by-personal-id", Map.of("personalId", personalId));
        as("auth-service")
                .post("/api/v1/cards/login-check", Map.of("certificateSerial", "abc123", "personalId", personalId));
        as("auth-service")
                .post("/api/v1/cards/login-check", Map.of("certificateSerial", "abc123", "personalId", corrupted));

        assertThat(output.getAll()).doesNotContain(personalId.substring(8, 42)).doesNotContain(corrupted);
    }
}
