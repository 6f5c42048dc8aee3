package org.sscard.console.forms;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of a form that were not taken, in the form's order; a page marks each ({@code aria-invalid}) and says
 * why beside it ({@code invalid.<field>} or the more specific key added with it).
 */
public final class FormErrors {

    private final List<String> fields = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();

    public void add(String field) {
        add(field, "invalid." + field);
    }

    public void add(String field, String messageKey) {
        if (!fields.contains(field)) {
            fields.add(field);
            keys.add(messageKey);
        }
    }

    public boolean has(String field) {
        return fields.contains(field);
    }

    /** The message key for a field, or null when the field was taken. */
    public String key(String field) {
        int at = fields.indexOf(field);
        return at < 0 ? null : keys.get(at);
    }

    public boolean any() {
        return !fields.isEmpty();
    }

    /** The first field not taken: where the page puts the focus. */
    public String first() {
        return fields.isEmpty() ? null : fields.get(0);
    }

    public List<String> fields() {
        return List.copyOf(fields);
    }
}
