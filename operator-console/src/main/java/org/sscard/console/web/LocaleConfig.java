package org.sscard.console.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseCookie;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Japanese first, as the portal: {@code ?lang=en} (or {@code ?lang=ja}) switches and is remembered in the
 * {@code SSCARD_LANG} cookie. The browser's Accept-Language is not consulted: a counter PC's browser says nothing
 * about the operator.
 */
@Configuration
class LocaleConfig {

    static final String COOKIE = "SSCARD_LANG";

    @Bean
    LocaleResolver localeResolver() {
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return Locale.forLanguageTag(language(request));
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                throw new UnsupportedOperationException("the language is chosen with ?lang=");
            }
        };
    }

    @Bean
    OncePerRequestFilter languageCookie() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String asked = request.getParameter("lang");
                if (supported(asked)) {
                    response.addHeader(
                            "Set-Cookie",
                            ResponseCookie.from(COOKIE, asked)
                                    .path("/")
                                    .secure(true)
                                    .httpOnly(true)
                                    .sameSite("Lax")
                                    .maxAge(Duration.ofDays(1))
                                    .build()
                                    .toString());
                }
                chain.doFilter(request, response);
            }
        };
    }

    static String language(HttpServletRequest request) {
        String asked = request.getParameter("lang");
        if (supported(asked)) {
            return asked;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName()) && supported(cookie.getValue())) {
                    return cookie.getValue();
                }
            }
        }
        return "ja";
    }

    static boolean supported(String lang) {
        return "ja".equals(lang) || "en".equals(lang);
    }
}
