package org.sscard.gateway.web;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.i18n.LocaleContextResolver;
import org.sscard.common.time.PlatformDates;

/**
 * Japanese first; {@code ?lang=en} (or {@code ?lang=ja}) switches and is remembered in the {@code SSCARD_LANG}
 * cookie. The browser's Accept-Language is not consulted: a kiosk's browser says nothing about its user.
 */
@Configuration
class LocaleConfig {

    static final String COOKIE = "SSCARD_LANG";

    /** The platform's date and time formats, as {@code @dates} in the templates. */
    @Bean
    PlatformDates dates() {
        return new PlatformDates();
    }

    @Bean
    LocaleContextResolver localeContextResolver() {
        return new LocaleContextResolver() {
            @Override
            public org.springframework.context.i18n.LocaleContext resolveLocaleContext(
                    org.springframework.web.server.ServerWebExchange exchange) {
                String asked = exchange.getRequest().getQueryParams().getFirst("lang");
                HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
                String lang = supported(asked)
                        ? asked
                        : cookie != null && supported(cookie.getValue()) ? cookie.getValue() : "ja";
                return new SimpleLocaleContext(Locale.forLanguageTag(lang));
            }

            @Override
            public void setLocaleContext(
                    org.springframework.web.server.ServerWebExchange exchange,
                    org.springframework.context.i18n.LocaleContext localeContext) {
                throw new UnsupportedOperationException("the language is chosen with ?lang=");
            }
        };
    }

    @Bean
    WebFilter languageCookie() {
        return (exchange, chain) -> {
            String asked = exchange.getRequest().getQueryParams().getFirst("lang");
            if (supported(asked)) {
                exchange.getResponse()
                        .addCookie(ResponseCookie.from(COOKIE, asked)
                                .path("/")
                                .secure(true)
                                .httpOnly(true)
                                .sameSite("Lax")
                                .maxAge(Duration.ofDays(1))
                                .build());
            }
            return chain.filter(exchange);
        };
    }

    static boolean supported(String lang) {
        return "ja".equals(lang) || "en".equals(lang);
    }
}
