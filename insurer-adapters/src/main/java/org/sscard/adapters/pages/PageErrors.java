package org.sscard.adapters.pages;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.sscard.adapters.error.AdaptersException;

/** A readable page (Japanese first, English beside) instead of a problem detail, for the pages' own failures. */
@ControllerAdvice(annotations = ProviderPage.class)
class PageErrors {

    @ExceptionHandler(AdaptersException.class)
    String adapters(AdaptersException e, HttpServletResponse response, Model model) {
        response.setStatus(e.error().status().value());
        model.addAttribute("ja", "このページはありません。");
        model.addAttribute("en", "There is no such page here.");
        return "error-page";
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badParameter(HttpServletResponse response, Model model) {
        response.setStatus(400);
        model.addAttribute("ja", "アドレスの指定が正しくありません。");
        model.addAttribute("en", "The address is not valid.");
        return "error-page";
    }
}
