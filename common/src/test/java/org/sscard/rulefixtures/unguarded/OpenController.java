package org.sscard.rulefixtures.unguarded;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A handler method without {@code @PreAuthorize}: what the rule must refuse. */
@RestController
public class OpenController {

    @GetMapping("/records")
    public String records() {
        return "everyone's records";
    }
}
