package org.sscard.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.sscard.console.config.ConsoleProperties;
import org.sscard.console.login.CurrentStaff;

/**
 * What every page needs, as request attributes (so that pages drawn by exception handlers, the forwarded forbidden
 * page and the error page have them too): the language, the path (for the language switch), the support line,
 * whether someone is logged in (the header's logout button), the operator (name, role, the way home) and where
 * "back" leads.
 */
@Configuration
class PageModel implements WebMvcConfigurer {

    private final ConsoleProperties console;

    PageModel(ConsoleProperties console) {
        this.console = console;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                Authentication authentication =
                        SecurityContextHolder.getContext().getAuthentication();
                boolean loggedIn = authentication != null
                        && authentication.isAuthenticated()
                        && !"anonymousUser".equals(authentication.getPrincipal());
                request.setAttribute("lang", LocaleConfig.language(request));
                // the language switch is a GET of this page; after a form's POST, the page it belongs to
                request.setAttribute(
                        "path",
                        "GET".equals(request.getMethod())
                                ? request.getRequestURI()
                                : ReturnPath.of(request.getRequestURI()));
                request.setAttribute("back", ReturnPath.of(request.getRequestURI()));
                request.setAttribute("support", console.support());
                request.setAttribute("signedIn", loggedIn);
                request.setAttribute(
                        "me", CurrentStaff.hasAnyPermission(authentication) ? CurrentStaff.of(authentication) : null);
                return true;
            }
        });
    }
}
