package org.sscard.desk.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.sscard.desk.check.Channel;
import org.sscard.desk.check.CheckRequest;
import org.sscard.desk.check.CheckResult;
import org.sscard.desk.check.CheckService;
import org.sscard.desk.check.ClerkLoginRejectedException;
import org.sscard.desk.check.InvalidCheckException;
import org.sscard.desk.check.Reason;
import org.sscard.desk.login.Clerk;
import org.sscard.desk.login.CurrentClerk;
import org.sscard.desk.ratelimit.RateLimitedException;

/**
 * The desk: one screen with the two ways in (the card certificate, or the provisional SSN with the date of birth
 * and a reason), one answer screen per check, and its statement as a file. The clerk's access token comes from the
 * {@code OAuth2AuthorizedClientManager} (renewed with the refresh token when it is about to expire).
 */
@Controller
class DeskController {

    private final CheckService checks;

    DeskController(CheckService checks) {
        this.checks = checks;
    }

    @GetMapping("/desk")
    @PreAuthorize("hasAuthority('CLERK')")
    String desk(Model model) {
        model.addAttribute("reasons", Reason.values());
        return "desk";
    }

    @PostMapping("/desk/card")
    @PreAuthorize("hasAuthority('CLERK')")
    String card(
            @RequestParam(name = "certificate", required = false) MultipartFile certificate,
            @RegisteredOAuth2AuthorizedClient("sscard") OAuth2AuthorizedClient client,
            Authentication authentication,
            HttpSession session)
            throws IOException {
        byte[] upload = certificate == null || certificate.isEmpty() ? new byte[0] : certificate.getBytes();
        return answer(CheckRequest.card(upload), client, authentication, session);
    }

    @PostMapping("/desk/ssn")
    @PreAuthorize("hasAuthority('CLERK')")
    String ssn(
            @RequestParam(name = "provisionalSsn", required = false) String provisionalSsn,
            @RequestParam(name = "dateOfBirth", required = false) String dateOfBirth,
            @RequestParam(name = "reason", required = false) Reason reason,
            @RegisteredOAuth2AuthorizedClient("sscard") OAuth2AuthorizedClient client,
            Authentication authentication,
            HttpSession session) {
        return answer(
                CheckRequest.ssn(provisionalSsn, dateOfBirth, reason, checks.today()), client, authentication, session);
    }

    private String answer(
            CheckRequest request, OAuth2AuthorizedClient client, Authentication authentication, HttpSession session) {
        Clerk clerk = CurrentClerk.of(authentication);
        CheckResult result = checks.check(clerk, client.getAccessToken().getTokenValue(), request, Channel.PAGE);
        RecentChecks.keep(session, result);
        return "redirect:/desk/checks/" + result.checkId();
    }

    @GetMapping("/desk/checks/{checkId}")
    @PreAuthorize("hasAuthority('CLERK')")
    String result(@PathVariable UUID checkId, HttpSession session, Model model) {
        model.addAttribute("result", found(session, checkId));
        return "answer";
    }

    @GetMapping("/desk/checks/{checkId}/statement")
    @PreAuthorize("hasAuthority('CLERK')")
    ResponseEntity<byte[]> statement(@PathVariable UUID checkId, HttpSession session) {
        CheckResult result = found(session, checkId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/jose"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("eligibility-statement-" + checkId + ".jws")
                                .build()
                                .toString())
                .body(result.statement().getBytes(StandardCharsets.US_ASCII));
    }

    private static CheckResult found(HttpSession session, UUID checkId) {
        CheckResult result = RecentChecks.find(session, checkId);
        if (result == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such check in this session");
        }
        return result;
    }

    @ExceptionHandler(InvalidCheckException.class)
    String invalid(InvalidCheckException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("reasons", Reason.values());
        model.addAttribute("invalidField", e.field());
        return "desk";
    }

    @ExceptionHandler(RateLimitedException.class)
    String limited(RateLimitedException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        model.addAttribute("retryMinutes", Math.max(1, (e.retryAfterSeconds() + 59) / 60));
        model.addAttribute("maxChecks", e.maxChecks());
        model.addAttribute("windowMinutes", e.window().toMinutes());
        return "slow-down";
    }

    /** auth-service no longer takes the clerk's token: the session ends and the clerk logs in again. */
    @ExceptionHandler(ClerkLoginRejectedException.class)
    String loginRejected(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/?expired";
    }
}
