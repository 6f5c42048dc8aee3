package org.sscard.console.residents;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
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
import org.sscard.console.backend.Person;
import org.sscard.console.backend.RelayClient;
import org.sscard.console.forms.FormErrors;
import org.sscard.console.forms.Inputs;

/**
 * The city office's way to a resident: the provisional SSN together with the date of birth (a POST: the number never
 * goes into a URL). No search by name and no listing. Nobody found is one answer, whichever of the two did not fit.
 */
@Controller
class ResidentSearchController {

    private final RelayClient relay;
    private final AdminActions actions;
    private final Clock clock;

    ResidentSearchController(RelayClient relay, AdminActions actions, Clock clock) {
        this.relay = relay;
        this.actions = actions;
        this.clock = clock;
    }

    @GetMapping("/residents")
    @PreAuthorize("hasAuthority('RESIDENT_READ')")
    String search(Model model) {
        model.addAttribute("errors", new FormErrors());
        return "residents/search";
    }

    @PostMapping("/residents/search")
    @PreAuthorize("hasAuthority('RESIDENT_READ')")
    String find(
            @RequestParam(name = "provisionalSsn", required = false) String provisionalSsn,
            @RequestParam(name = "dateOfBirth", required = false) String dateOfBirth,
            @RegisteredOAuth2AuthorizedClient("sscard") OAuth2AuthorizedClient client,
            Authentication authentication,
            HttpServletResponse response,
            Model model) {
        FormErrors errors = new FormErrors();
        String ssn = Inputs.provisionalSsn(provisionalSsn, "provisionalSsn", errors);
        LocalDate born = Inputs.date(
                dateOfBirth, "dateOfBirth", true, LocalDate.now(clock.withZone(PlatformDates.ZONE)), errors);
        model.addAttribute("errors", errors);
        if (errors.any()) {
            response.setStatus(400);
            return "residents/search";
        }
        Acting acting = Acting.of(authentication, client);
        Person person;
        try {
            person = relay.findBySsn(acting, ssn, born);
        } catch (BackendException e) {
            if (e.status() != 404) {
                throw e;
            }
            actions.readRefused(acting.staff(), null, Action.FIND_RESIDENT, e.code());
            response.setStatus(404);
            model.addAttribute("notFound", true);
            return "residents/search";
        }
        actions.read(acting.staff(), person.id().toString(), Action.FIND_RESIDENT, Map.of("personId", person.id()));
        return "redirect:/residents/" + person.id();
    }
}
