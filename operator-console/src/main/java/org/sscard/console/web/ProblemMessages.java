package org.sscard.console.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.sscard.console.backend.BackendException;

/**
 * A back end's refusal in words: the message key for its problem code ({@code problem.<CODE>}), else for its status,
 * and the response status the page answers with (a refused grant's audience, or a back end that did not take the
 * operator token, is the operator's "not allowed": 403). Pages that keep a form show it above the form; others
 * show the problem page.
 */
@Component
public class ProblemMessages {

    private final Words words;

    ProblemMessages(Words words) {
        this.words = words;
    }

    /** Puts {@code problemKey}, {@code problemCode}, {@code problemStatus} and {@code fields} into the model. */
    public void show(BackendException e, Model model, HttpServletResponse response) {
        int status = e.status() == 401 || "invalid_target".equals(e.code()) ? 403 : e.status();
        status = status >= 400 && status < 500 ? status : 400;
        response.setStatus(status);
        String key = "problem." + e.code();
        if (!words.has(key)) {
            key = words.has("problem.status." + status) ? "problem.status." + status : "problem.status.other";
        }
        model.addAttribute("problemKey", key);
        model.addAttribute("problemCode", e.code());
        model.addAttribute("problemStatus", status);
        model.addAttribute("fields", e.fields());
    }
}
