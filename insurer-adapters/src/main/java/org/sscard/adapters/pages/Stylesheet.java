package org.sscard.adapters.pages;

import java.time.Duration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one stylesheet, served under every provider's base ({@code /<key>/assets/site.css}) so that pages link it
 * relatively and it also works behind the gateway's {@code /p/<key>/}.
 */
@RestController
class Stylesheet {

    private static final Resource CSS = new ClassPathResource("assets/site.css");

    @GetMapping("/{provider}/assets/site.css")
    ResponseEntity<Resource> css() {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "css", java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
                .body(CSS);
    }
}
