package org.sscard.relay.reception;

import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReceptionController {

    private final ReceptionCheck check;

    ReceptionController(ReceptionCheck check) {
        this.check = check;
    }

    /**
     * A reception desk's check of a patient, for auth-service's reception-check grant: the hospital's patient number,
     * the insurer to ask with its own ID for the person, and the person's insurer mappings. 403
     * {@code CLERK_NOT_ALLOWED}; 404 {@code CARD_UNKNOWN}, {@code PERSON_NOT_MATCHED}, {@code INSURER_NOT_FOUND}; 409
     * {@code CARD_SUSPENDED}, {@code CARD_REVOKED}, {@code CARD_EXPIRED}, {@code PERSON_INACTIVE}. With
     * {@code pkiRefusal} (the CA refused the card): 409 with the CA's reason once the card is identified and logged;
     * {@code STATUS_UNKNOWN} (its revocation status could not be told): 409 {@code CARD_STATUS_UNKNOWN}, likewise
     * logged. A wrong date of birth for an existing SSN is logged for that person too, and answered as an unknown SSN.
     */
    @PostMapping("/api/v1/reception-checks")
    @PreAuthorize("hasAuthority('RECEPTION_CHECK')")
    ReceptionCheckView check(@Valid @RequestBody ReceptionCheckRequest request) {
        return check.check(request).orElseThrow();
    }
}
