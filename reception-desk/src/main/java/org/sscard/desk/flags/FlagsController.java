package org.sscard.desk.flags;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.sscard.desk.login.Clerk;
import org.sscard.desk.login.CurrentClerk;

/**
 * {@code /flags}: the hospital administrator's list of the own hospital's clerks who went over the rate limit,
 * newest first. Only their own organisation's: an administrator of hospital A never sees hospital B's clerks.
 */
@Controller
class FlagsController {

    static final int SHOWN = 200;

    private final JdbcClient jdbc;

    FlagsController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/flags")
    @PreAuthorize("hasAuthority('ADMIN')")
    String flags(Authentication authentication, Model model) {
        Clerk admin = CurrentClerk.of(authentication);
        List<ClerkFlag> flags = jdbc.sql("""
                        SELECT at, clerk, clerk_name, checks_in_window, max_checks, window_seconds
                        FROM clerk_flag WHERE organisation = :organisation
                        ORDER BY at DESC LIMIT :shown""")
                .param("organisation", admin.organisation())
                .param("shown", SHOWN)
                .query((row, i) -> new ClerkFlag(
                        row.getTimestamp("at").toInstant(),
                        row.getString("clerk"),
                        row.getString("clerk_name"),
                        row.getInt("checks_in_window"),
                        row.getInt("max_checks"),
                        row.getLong("window_seconds") / 60))
                .list();
        model.addAttribute("flags", flags);
        model.addAttribute("organisation", admin.organisation());
        return "flags";
    }
}
