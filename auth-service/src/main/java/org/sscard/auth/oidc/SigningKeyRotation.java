package org.sscard.auth.oidc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/** Checks daily whether the signing key is due for rotation; a running service rotates without a restart. */
class SigningKeyRotation {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyRotation.class);

    private final SigningKeys keys;

    SigningKeyRotation(SigningKeys keys) {
        this.keys = keys;
    }

    @Scheduled(initialDelayString = "PT1H", fixedDelayString = "PT24H")
    void rotateWhenDue() {
        if (keys.rotateIfDue()) {
            log.info("rotated the token signing key; now {}", keys.currentKeyId());
        }
    }
}
