package org.sscard.console.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the page tests read from a rendered page, without a browser. */
public final class Html {

    private static final Pattern FIELD = Pattern.compile("<(input|select|textarea)\\b([^>]*)>", Pattern.DOTALL);
    private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");
    private static final Pattern TYPE = Pattern.compile("\\btype=\"([^\"]+)\"");
    private static final Pattern HTML_LANG = Pattern.compile("<html[^>]*\\blang=\"([a-z]+)\"");

    private Html() {}

    public static String lang(String page) {
        Matcher lang = HTML_LANG.matcher(page);
        return lang.find() ? lang.group(1) : null;
    }

    /**
     * Form fields a person cannot tell apart by their label: neither a {@code <label for>} naming them nor wrapped in
     * a label (radios are written inside theirs). Hidden fields need none.
     */
    public static List<String> unlabelledFields(String page) {
        List<String> unlabelled = new ArrayList<>();
        Matcher field = FIELD.matcher(page);
        while (field.find()) {
            String attributes = field.group(2);
            Matcher type = TYPE.matcher(attributes);
            String kind = type.find() ? type.group(1) : field.group(1);
            if (kind.equals("hidden")) {
                continue;
            }
            Matcher id = ID.matcher(attributes);
            if (kind.equals("radio") || kind.equals("checkbox")) {
                int open = page.lastIndexOf("<label", field.start());
                int close = page.lastIndexOf("</label>", field.start());
                if (open > close) {
                    continue;
                }
            }
            if (!id.find() || !page.contains("for=\"" + id.group(1) + "\"")) {
                unlabelled.add(field.group(0));
            }
        }
        return unlabelled;
    }

    /** Every id on the page is used once. */
    public static List<String> duplicateIds(String page) {
        List<String> seen = new ArrayList<>();
        List<String> twice = new ArrayList<>();
        Matcher id = Pattern.compile("\\sid=\"([^\"]+)\"").matcher(page);
        while (id.find()) {
            if (seen.contains(id.group(1))) {
                twice.add(id.group(1));
            }
            seen.add(id.group(1));
        }
        return twice;
    }

    /** aria-describedby names only ids that are on the page. */
    public static List<String> danglingDescriptions(String page) {
        List<String> dangling = new ArrayList<>();
        Matcher described = Pattern.compile("aria-describedby=\"([^\"]+)\"").matcher(page);
        while (described.find()) {
            for (String id : described.group(1).split("\\s+")) {
                if (!page.contains("id=\"" + id + "\"")) {
                    dangling.add(id);
                }
            }
        }
        return dangling;
    }

    /** How many elements carry {@code autofocus}: at most one, or the keyboard starts nowhere in particular. */
    public static int autofocused(String page) {
        Matcher autofocus = Pattern.compile("\\sautofocus(=\"[^\"]*\")?[\\s>/]").matcher(page);
        int count = 0;
        while (autofocus.find()) {
            count++;
        }
        return count;
    }
}
