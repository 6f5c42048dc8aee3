package org.sscard.relay.subscription;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/persons/{id}")
class SubscriptionController {

    private final SubscriptionService subscriptions;

    SubscriptionController(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @GetMapping("/services")
    @PreAuthorize("hasAuthority('SERVICES_READ')")
    List<MenuEntry> menu(@PathVariable UUID id) {
        return subscriptions.menu(id);
    }

    @GetMapping("/service-choices")
    @PreAuthorize("hasAuthority('SERVICES_READ')")
    List<ServiceChoice> choices(@PathVariable UUID id) {
        return subscriptions.choices(id);
    }

    @PostMapping("/subscriptions")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('SUBSCRIPTION_WRITE')")
    SubscriptionView subscribe(@PathVariable UUID id, @Valid @RequestBody SubscriptionRequests.Subscribe request) {
        return subscriptions.subscribe(id, request);
    }

    @PostMapping("/subscriptions/{subscriptionId}/withdraw")
    @PreAuthorize("hasAuthority('SUBSCRIPTION_WRITE')")
    SubscriptionView withdraw(@PathVariable UUID id, @PathVariable UUID subscriptionId) {
        return subscriptions.withdraw(id, subscriptionId);
    }
}
