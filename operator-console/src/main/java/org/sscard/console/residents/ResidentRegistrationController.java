package org.sscard.console.residents;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.sscard.common.time.PlatformDates;
import org.sscard.console.audit.Action;
import org.sscard.console.audit.AdminActions;
import org.sscard.console.backend.Acting;
import org.sscard.console.backend.BackendException;
import org.sscard.console.backend.NewResident;
import org.sscard.console.backend.Person;
import org.sscard.console.backend.RelayClient;
import org.sscard.console.forms.FormErrors;
import org.sscard.console.forms.Inputs;
import org.sscard.console.web.ProblemMessages;

/**
 * Registering a resident at the relay: kana and kanji name, date of birth, sex, address and provisional SSN. The
 * relay issues the 44-digit personal ID itself; the console never sees it. A refusal (an SSN already registered)
 * is said above the form, which keeps what was typed.
 */
@Controller
class ResidentRegistrationController {

    static final String[] SEXES = {"MALE", "FEMALE", "NOT_KNOWN", "NOT_APPLICABLE"};

    private final RelayClient relay;
    private final AdminActions actions;
    private final ProblemMessages problems;
    private final Clock clock;

    ResidentRegistrationController(RelayClient relay, AdminActions actions, ProblemMessages problems, Clock clock) {
        this.relay = relay;
        this.actions = actions;
        this.problems = problems;
        this.clock = clock;
    }

    @GetMapping("/residents/new")
    @PreAuthorize("hasAuthority('RESIDENT_REGISTER')")
    String form(Model model) {
        model.addAttribute("errors", new FormErrors());
        model.addAttribute("form", Map.of());
        model.addAttribute("sexes", SEXES);
        return "residents/new";
    }

    @PostMapping("/residents")
    @PreAuthorize("hasAuthority('RESIDENT_REGISTER')")
    String register(
            @RequestParam Map<String, String> form,
            @RegisteredOAuth2AuthorizedClient("sscard") OAuth2AuthorizedClient client,
            Authentication authentication,
            HttpServletResponse response,
            Model model) {
        FormErrors errors = new FormErrors();
        String kana = Inputs.text(form.get("nameKana"), "nameKana", 100, true, errors);
        String kanji = Inputs.text(form.get("nameKanji"), "nameKanji", 100, false, errors);
        LocalDate born = Inputs.date(
                form.get("dateOfBirth"),
                "dateOfBirth",
                true,
                LocalDate.now(clock.withZone(PlatformDates.ZONE)),
                errors);
        String sex = java.util.Arrays.asList(SEXES).contains(form.get("sex")) ? form.get("sex") : null;
        if (sex == null) {
            errors.add("sex");
        }
        String address = Inputs.text(form.get("address"), "address", 300, true, errors);
        String ssn = Inputs.provisionalSsn(form.get("provisionalSsn"), "provisionalSsn", errors);
        String reason = Inputs.reason(form.get("reason"), false, errors);
        model.addAttribute("errors", errors);
        model.addAttribute("form", safe(form));
        model.addAttribute("sexes", SEXES);
        if (errors.any()) {
            response.setStatus(400);
            return "residents/new";
        }
        Acting acting = Acting.of(authentication, client);
        Person person;
        try {
            person = actions.change(
                    acting.staff(),
                    null,
                    registered -> registered.id().toString(),
                    Action.REGISTER_RESIDENT,
                    reason,
                    null,
                    () -> relay.register(acting, new NewResident(kana, kanji, born, sex, address, ssn)),
                    registered -> Map.of("personId", registered.id(), "status", String.valueOf(registered.status())));
        } catch (BackendException e) {
            problems.show(e, model, response);
            return "residents/new";
        }
        return "redirect:/residents/" + person.id() + "?done=registered";
    }

    /** What the form shows again: what was typed, but never more than the fields it has. */
    private static Map<String, String> safe(Map<String, String> form) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String field :
                new String[] {"nameKana", "nameKanji", "dateOfBirth", "sex", "address", "provisionalSsn", "reason"}) {
            kept.put(field, form.getOrDefault(field, ""));
        }
        return kept;
    }
}
