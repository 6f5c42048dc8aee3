package org.sscard.desk.statement;

import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The statements' public keys, for anyone who verifies a statement (a hospital's software, {@code sscard-reception
 * verify-statement} with a saved copy): public by design, like any JWKS.
 */
@RestController
class JwksController {

    static final String PATH = "/.well-known/jwks.json";

    private final Statements statements;

    JwksController(Statements statements) {
        this.statements = statements;
    }

    @GetMapping(value = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic())
                .body(statements.publicKeys().toJSONObject(true));
    }
}
