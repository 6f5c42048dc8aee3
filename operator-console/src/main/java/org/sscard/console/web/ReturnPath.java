package org.sscard.console.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where "back" leads from a page the console drew for an error: the resident's page from anything about a resident,
 * a queue item (a dependant verification, a link review) from what was done to it and the queue from the item, the
 * member list from anything else about an insurer, else the operator's home. Made from the path only, never from a
 * Referer or a parameter, so that no link on an error page can lead off the console.
 */
final class ReturnPath {

    private static final Pattern RESIDENT = Pattern.compile(
            "^/residents/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(/.*)?$");
    /** One item of an insurer's queue (a dependant verification, a link review) and what is done to it. */
    private static final Pattern QUEUE_ITEM = Pattern.compile(
            "^/insurers/([a-z][a-z0-9-]{1,39})/(dependants|link-reviews)/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}"
                    + "-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(/.*)?$");

    private static final Pattern INSURER = Pattern.compile("^/insurers/([a-z][a-z0-9-]{1,39})(/.*)?$");

    private ReturnPath() {}

    static String of(String path) {
        if (path == null) {
            return "/home";
        }
        Matcher resident = RESIDENT.matcher(path);
        if (resident.matches()) {
            return resident.group(2) == null ? "/residents" : "/residents/" + resident.group(1);
        }
        if (path.startsWith("/residents")) {
            return "/residents";
        }
        Matcher item = QUEUE_ITEM.matcher(path);
        if (item.matches()) {
            String list = "/insurers/" + item.group(1) + "/" + item.group(2);
            return item.group(4) == null ? list : list + "/" + item.group(3);
        }
        Matcher insurer = INSURER.matcher(path);
        if (insurer.matches()) {
            return "/insurers/" + insurer.group(1) + "/members";
        }
        return "/home";
    }
}
