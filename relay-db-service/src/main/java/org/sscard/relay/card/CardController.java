package org.sscard.relay.card;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CardController {

    private final CardService cards;
    private final CardLoginCheck loginCheck;

    CardController(CardService cards, CardLoginCheck loginCheck) {
        this.cards = cards;
        this.loginCheck = loginCheck;
    }

    @PostMapping("/api/v1/persons/{id}/cards")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('CARD_WRITE')")
    CardView registerForPerson(@PathVariable UUID id, @Valid @RequestBody CardRequests.RegisterCard request) {
        return cards.registerForPerson(id, request);
    }

    @GetMapping("/api/v1/persons/{id}/cards")
    @PreAuthorize("hasAuthority('CARD_READ')")
    List<CardView> ofPerson(@PathVariable UUID id) {
        return cards.ofPerson(id);
    }

    @PostMapping("/api/v1/staff/{id}/cards")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('CARD_WRITE')")
    CardView registerForStaff(@PathVariable UUID id, @Valid @RequestBody CardRequests.RegisterCard request) {
        return cards.registerForStaff(id, request);
    }

    @GetMapping("/api/v1/staff/{id}/cards")
    @PreAuthorize("hasAuthority('CARD_READ')")
    List<CardView> ofStaff(@PathVariable UUID id) {
        return cards.ofStaff(id);
    }

    @GetMapping("/api/v1/cards/by-certificate-serial/{serial}")
    @PreAuthorize("hasAuthority('CARD_READ')")
    CardView byCertificateSerial(@PathVariable String serial) {
        return cards.byCertificateSerial(serial);
    }

    @PostMapping("/api/v1/cards/login-check")
    @PreAuthorize("hasAuthority('CARD_LOGIN_CHECK')")
    CardLoginView loginCheck(@Valid @RequestBody CardRequests.LoginCheck request) {
        return loginCheck.check(request);
    }

    @PostMapping("/api/v1/cards/{cardSerial}/status")
    @PreAuthorize("hasAuthority('CARD_WRITE')")
    CardView changeStatus(@PathVariable String cardSerial, @Valid @RequestBody CardRequests.ChangeCardStatus request) {
        return cards.changeStatus(cardSerial, request);
    }
}
