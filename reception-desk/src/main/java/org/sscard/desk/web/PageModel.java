package org.sscard.desk.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.sscard.desk.config.DeskProperties;
import org.sscard.desk.login.CurrentClerk;

/**
 * What every page needs, as request attributes (so that pages rendered by exception handlers, the forwarded
 * forbidden page and the error page have them too): the language, the path (for the language switch), the support
 * line, whether someone is logged in (the header's logout button) and the clerk (their name, the admin's link).
 */
@Configuration
class PageModel implements WebMvcConfigurer {

    private final DeskProperties desk;

    PageModel(DeskProperties desk) {
        this.desk = desk;
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
                // the language switch is a GET of this page: after a form's POST that is the desk itself
                request.setAttribute("path", "GET".equals(request.getMethod()) ? request.getRequestURI() : "/desk");
                request.setAttribute("support", desk.support());
                request.setAttribute("signedIn", loggedIn);
                request.setAttribute("me", CurrentClerk.of(authentication));
                return true;
            }
        });
    }
}
