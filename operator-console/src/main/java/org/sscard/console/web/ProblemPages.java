package org.sscard.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.sscard.console.backend.BackendException;
import org.sscard.console.backend.BackendUnavailableException;
import org.sscard.console.backend.LoginExpiredException;

/**
 * The console's pages for what went wrong behind them, never a stack trace: a back end's refusal (403, 404, 409, a
 * field it did not take) as a designed message in Japanese and English with the way back; a back end that cannot be
 * reached; an action that could not be recorded (so it was not done); and a login auth-service no longer takes (the
 * session ends; the entrance says why).
 */
@ControllerAdvice
class ProblemPages {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemPages.class);

    private final ProblemMessages problems;

    ProblemPages(ProblemMessages problems) {
        this.problems = problems;
    }

    @ExceptionHandler(BackendException.class)
    String refused(BackendException e, HttpServletResponse response, Model model) {
        problems.show(e, model, response);
        return "problem";
    }

    @ExceptionHandler(BackendUnavailableException.class)
    String unavailable(BackendUnavailableException e, HttpServletResponse response, Model model) {
        response.setStatus(503);
        model.addAttribute("problemKey", "problem.unavailable");
        model.addAttribute("problemCode", "UNAVAILABLE");
        model.addAttribute("problemStatus", 503);
        model.addAttribute("fields", List.of());
        return "problem";
    }

    @ExceptionHandler(DataAccessException.class)
    String notRecorded(DataAccessException e, HttpServletResponse response, Model model) {
        LOG.error("the console's database failed: {}", e.toString());
        response.setStatus(503);
        model.addAttribute("problemKey", "problem.notRecorded");
        model.addAttribute("problemCode", "NOT_RECORDED");
        model.addAttribute("problemStatus", 503);
        model.addAttribute("fields", List.of());
        return "problem";
    }

    /** auth-service no longer takes the operator's token: the session ends and the operator logs in again. */
    @ExceptionHandler(LoginExpiredException.class)
    String loginExpired(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/?expired";
    }
}
