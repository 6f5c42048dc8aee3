package org.sscard.console.login;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * {@code @scope.own(authentication, #organisation)} in the insurer pages' {@code @PreAuthorize}: an insurer's
 * administrator works on the own insurer only. The organisation in the path is the one the console asks the back
 * ends for, so a path naming another insurer is refused here (403) before any back end is asked.
 */
@Component("scope")
public class OrganisationScope {

    public boolean own(Authentication authentication, String organisation) {
        Staff staff = CurrentStaff.of(authentication);
        return staff != null && organisation != null && staff.administers(organisation);
    }
}
