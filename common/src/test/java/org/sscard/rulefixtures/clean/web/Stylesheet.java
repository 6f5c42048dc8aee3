package org.sscard.rulefixtures.clean.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Public by design: named as such in the test. */
@RestController
public class Stylesheet {

    @GetMapping("/site.css")
    public String css() {
        return "body { margin: 0 }";
    }
}
