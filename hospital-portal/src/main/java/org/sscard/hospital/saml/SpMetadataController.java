package org.sscard.hospital.saml;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.sscard.hospital.config.HospitalProperties;

/** The SP metadata at the entity ID's own URL (public, as metadata is). */
@RestController
class SpMetadataController {

    private final SpMetadata metadata;

    SpMetadataController(SpMetadata metadata) {
        this.metadata = metadata;
    }

    @GetMapping("/saml2/service-provider-metadata/" + HospitalProperties.REGISTRATION_ID)
    ResponseEntity<String> metadata() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/samlmetadata+xml"))
                .body(metadata.xml());
    }
}
