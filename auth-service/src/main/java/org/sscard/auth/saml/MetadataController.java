package org.sscard.auth.saml;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /saml/idp/metadata}: the IdP's SAML metadata, for SPs to load (public, like a JWKS). */
@RestController
class MetadataController {

    static final String MEDIA_TYPE = "application/samlmetadata+xml";

    private final String metadata;

    MetadataController(IdpMetadataXml metadata) {
        this.metadata = metadata.xml();
    }

    @GetMapping(value = SamlPaths.METADATA, produces = MEDIA_TYPE)
    ResponseEntity<String> metadata() {
        return ResponseEntity.ok()
                .header("Content-Type", MEDIA_TYPE + ";charset=UTF-8")
                .body(metadata);
    }

    /** The metadata document, built once at start. */
    record IdpMetadataXml(String xml) {}
}
