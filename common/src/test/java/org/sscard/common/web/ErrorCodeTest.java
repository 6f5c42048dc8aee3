package org.sscard.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

class ErrorCodeTest {

    @Test
    void turnsAnErrorIntoAProblemDetailWithAStableTypeAndCode() {
        ProblemDetail problem = CommonError.UNSUPPORTED_MEDIA_TYPE.problem("send JSON");

        assertThat(problem.getStatus()).isEqualTo(415);
        assertThat(problem.getType()).isEqualTo(URI.create("urn:sscard:problem:unsupported-media-type"));
        assertThat(problem.getTitle()).isEqualTo("Send application/json");
        assertThat(problem.getDetail()).isEqualTo("send JSON");
        assertThat(problem.getProperties()).containsEntry("code", "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void readsStatusAndTitleFromTheConstantsDefinition() {
        assertThat(CommonError.NOT_FOUND.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(CommonError.NOT_FOUND.title()).isEqualTo("Not found");
        assertThat(CommonError.NOT_FOUND.code()).isEqualTo("NOT_FOUND");
        assertThat(CommonError.NOT_FOUND.definition())
                .isEqualTo(new ErrorDefinition(HttpStatus.NOT_FOUND, "Not found"));
    }

    @Test
    void refusesAnErrorWithoutStatusOrTitle() {
        assertThatThrownBy(() -> new ErrorDefinition(null, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ErrorDefinition(HttpStatus.BAD_REQUEST, " "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
