package org.sscard.console.residents;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.sscard.console.audit.Action;
import org.sscard.console.audit.AdminActions;
import org.sscard.console.backend.Acting;
import org.sscard.console.backend.IssuedCard;
import org.sscard.console.backend.IssuerClient;
import org.sscard.console.forms.FormErrors;
import org.sscard.console.forms.Inputs;
import org.sscard.console.login.CurrentStaff;

/**
 * A soft card for a registered resident: the PIN typed twice at the counter (4 to 8 digits, the same both times),
 * the card issuer makes the PKCS#12, and the console offers it once as a download ({@link IssuedDownloads}). The PIN
 * is sent once and kept nowhere; neither it nor the file is ever in {@code admin_action}.
 */
@Controller
class SoftCardController {

    private final IssuerClient issuer;
    private final AdminActions actions;
    private final Clock clock;

    SoftCardController(IssuerClient issuer, AdminActions actions, Clock clock) {
        this.issuer = issuer;
        this.actions = actions;
        this.clock = clock;
    }

    @GetMapping("/residents/{personId}/soft-card")
    @PreAuthorize("hasAuthority('CARD_ISSUE')")
    String form(@PathVariable UUID personId, Model model) {
        model.addAttribute("personId", personId);
        model.addAttribute("errors", new FormErrors());
        return "residents/soft-card";
    }

    @PostMapping("/residents/{personId}/soft-card")
    @PreAuthorize("hasAuthority('CARD_ISSUE')")
    String issue(
            @PathVariable UUID personId,
            @RequestParam(name = "pin", required = false) String pin,
            @RequestParam(name = "pinRepeat", required = false) String pinRepeat,
            @RequestParam(name = "reason", required = false) String reason,
            @RegisteredOAuth2AuthorizedClient("sscard") OAuth2AuthorizedClient client,
            Authentication authentication,
            HttpSession session,
            HttpServletResponse response,
            Model model) {
        FormErrors errors = new FormErrors();
        String checkedPin = Inputs.pin(pin, pinRepeat, errors);
        String why = Inputs.reason(reason, false, errors);
        if (errors.any()) {
            response.setStatus(400);
            model.addAttribute("personId", personId);
            model.addAttribute("errors", errors);
            model.addAttribute("reason", reason);
            return "residents/soft-card";
        }
        Acting acting = Acting.of(authentication, client);
        IssuedCard card = actions.change(
                acting.staff(),
                personId.toString(),
                Action.ISSUE_SOFT_CARD,
                why,
                null,
                () -> issuer.softCard(acting, personId, checkedPin),
                SoftCardController::recorded);
        UUID download = IssuedDownloads.keep(session, personId, card, clock);
        return "redirect:/residents/" + personId + "/cards/issued/" + download;
    }

    @GetMapping("/residents/{personId}/cards/issued/{download}")
    @PreAuthorize("hasAnyAuthority('CARD_ISSUE', 'CARD_REISSUE')")
    String issued(@PathVariable UUID personId, @PathVariable UUID download, HttpSession session, Model model) {
        IssuedDownloads.Waiting waiting = IssuedDownloads.peek(session, personId, download, clock);
        model.addAttribute("personId", personId);
        model.addAttribute("download", download);
        model.addAttribute("card", waiting == null ? null : waiting.card());
        return "residents/card-issued";
    }

    /** The PKCS#12, once: taken from the session as it is written out, then wiped. */
    @GetMapping("/residents/{personId}/cards/issued/{download}/file")
    @PreAuthorize("hasAnyAuthority('CARD_ISSUE', 'CARD_REISSUE')")
    void file(
            @PathVariable UUID personId,
            @PathVariable UUID download,
            Authentication authentication,
            HttpSession session,
            HttpServletResponse response)
            throws IOException {
        IssuedDownloads.Waiting waiting = IssuedDownloads.take(session, personId, download, clock);
        if (waiting == null) {
            // downloaded already (or kept too long): the page says so
            response.sendRedirect("/residents/" + personId + "/cards/issued/" + download);
            return;
        }
        IssuedCard card = waiting.card();
        actions.read(
                CurrentStaff.of(authentication),
                personId.toString(),
                Action.DOWNLOAD_SOFT_CARD,
                Map.of("cardSerial", String.valueOf(card.cardSerial())));
        try {
            response.setContentType("application/x-pkcs12");
            response.setHeader(
                    HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment()
                            .filename("card-" + card.cardSerial() + ".p12")
                            .build()
                            .toString());
            response.setContentLength(card.pkcs12().length);
            response.getOutputStream().write(card.pkcs12());
            response.flushBuffer();
        } finally {
            IssuedDownloads.wipe(waiting);
        }
    }

    /** What admin_action keeps of a new card: its serials and expiry, never the file. */
    static Object recorded(IssuedCard card) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("cardSerial", card.cardSerial());
        after.put("certificateSerial", card.certificateSerial());
        after.put("notAfter", card.notAfter());
        after.put("status", "ACTIVE");
        return after;
    }
}
