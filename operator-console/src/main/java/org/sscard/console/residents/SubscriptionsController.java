package org.sscard.console.residents;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.sscard.common.provider.ProviderKey;
import org.sscard.console.audit.Action;
import org.sscard.console.audit.AdminActions;
import org.sscard.console.backend.Acting;
import org.sscard.console.backend.BackendException;
import org.sscard.console.backend.RelayClient;
import org.sscard.console.backend.Subscription;
import org.sscard.console.forms.FormErrors;
import org.sscard.console.forms.Inputs;

/**
 * A resident's subscriptions, changed at the counter at the resident's request: register one (the relay refuses,
 * {@code NOT_JOINABLE}, unless the provider knows the person today) or end one. Both are forms on the resident's
 * page.
 */
@Controller
class SubscriptionsController {

    private static final Pattern SERVICE_KEY = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    private final RelayClient relay;
    private final AdminActions actions;

    SubscriptionsController(RelayClient relay, AdminActions actions) {
        this.relay = relay;
        this.actions = actions;
    }

    @PostMapping("/residents/{personId}/subscriptions")
    @PreAuthorize("hasAuthority('SUBSCRIPTION_MANAGE')")
    String subscribe(
            @PathVariable UUID personId,
            @RequestParam(name = "providerKey", required = false) String providerKey,
            @RequestParam(name = "serviceKey", required = false) String serviceKey,
            @RequestParam(name = "reason", required = false) String reason,
            @RegisteredOAuth2AuthorizedClient("sscard") OAuth2AuthorizedClient client,
            Authentication authentication) {
        FormErrors errors = new FormErrors();
        String why = Inputs.reason(reason, false, errors);
        if (!ProviderKey.isValid(providerKey)
                || serviceKey == null
                || !SERVICE_KEY.matcher(serviceKey).matches()) {
            errors.add("service");
        }
        refuseInvalid(errors);
        Acting acting = Acting.of(authentication, client);
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("providerKey", providerKey);
        service.put("serviceKey", serviceKey);
        actions.change(
                acting.staff(),
                personId.toString(),
                Action.SUBSCRIBE,
                why,
                service,
                () -> relay.subscribe(acting, personId, providerKey, serviceKey),
                SubscriptionsController::recorded);
        return "redirect:/residents/" + personId + "?done=subscribed";
    }

    @PostMapping("/residents/{personId}/subscriptions/{subscriptionId}/end")
    @PreAuthorize("hasAuthority('SUBSCRIPTION_MANAGE')")
    String end(
            @PathVariable UUID personId,
            @PathVariable UUID subscriptionId,
            @RequestParam(name = "reason", required = false) String reason,
            @RegisteredOAuth2AuthorizedClient("sscard") OAuth2AuthorizedClient client,
            Authentication authentication) {
        FormErrors errors = new FormErrors();
        String why = Inputs.reason(reason, false, errors);
        refuseInvalid(errors);
        Acting acting = Acting.of(authentication, client);
        actions.change(
                acting.staff(),
                personId.toString(),
                Action.END_SUBSCRIPTION,
                why,
                Map.of("subscriptionId", subscriptionId),
                () -> relay.withdraw(acting, personId, subscriptionId),
                SubscriptionsController::recorded);
        return "redirect:/residents/" + personId + "?done=ended";
    }

    /** The forms sit on the resident's page; what they send wrong is said on the problem page, with the way back. */
    private static void refuseInvalid(FormErrors errors) {
        if (errors.any()) {
            throw new BackendException("operator-console", 400, "INVALID_FIELD", "invalid form", errors.fields());
        }
    }

    private static Object recorded(Subscription subscription) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("subscriptionId", subscription.id());
        after.put("providerKey", subscription.providerKey());
        after.put("serviceKey", subscription.serviceKey());
        after.put("chosenAt", subscription.chosenAt());
        after.put("withdrawnAt", subscription.withdrawnAt());
        return after;
    }
}
