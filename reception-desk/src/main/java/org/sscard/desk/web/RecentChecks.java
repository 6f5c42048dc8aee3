package org.sscard.desk.web;

import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.sscard.desk.check.CheckResult;

/**
 * The clerk's last answers, in their own session only, so that the answer page can be reloaded and its statement
 * downloaded after the check (post, redirect, get). Nothing of them is stored anywhere else; the session's end
 * forgets them.
 */
final class RecentChecks {

    static final int KEPT = 20;
    private static final String ATTRIBUTE = RecentChecks.class.getName();

    private RecentChecks() {}

    static void keep(HttpSession session, CheckResult result) {
        synchronized (org.springframework.web.util.WebUtils.getSessionMutex(session)) {
            Map<UUID, CheckResult> recent = recent(session);
            recent.put(result.checkId(), result);
            while (recent.size() > KEPT) {
                recent.remove(recent.keySet().iterator().next());
            }
            session.setAttribute(ATTRIBUTE, recent);
        }
    }

    static CheckResult find(HttpSession session, UUID checkId) {
        return session == null ? null : recent(session).get(checkId);
    }

    @SuppressWarnings("unchecked")
    private static Map<UUID, CheckResult> recent(HttpSession session) {
        Object kept = session.getAttribute(ATTRIBUTE);
        return kept instanceof LinkedHashMap<?, ?> map ? (Map<UUID, CheckResult>) map : new LinkedHashMap<>();
    }
}
