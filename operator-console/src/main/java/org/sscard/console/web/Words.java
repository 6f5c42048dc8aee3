package org.sscard.console.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * {@code @words} in the templates: a message in Japanese and in English at once, whatever language the page is in.
 * Refusals and errors say both, so that an operator reading either language is never left guessing.
 */
@Component("words")
public class Words {

    private final MessageSource messages;

    Words(MessageSource messages) {
        this.messages = messages;
    }

    public String ja(String key) {
        return messages.getMessage(key, null, key, Locale.JAPANESE);
    }

    public String en(String key) {
        return messages.getMessage(key, null, key, Locale.ENGLISH);
    }

    public boolean has(String key) {
        return messages.getMessage(key, null, null, Locale.JAPANESE) != null;
    }
}
