package org.sscard.issuer.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.sscard.issuer.ca.CaHierarchy;
import org.sscard.issuer.profile.ProfileProperties;
import org.sscard.issuer.revocation.CertificateRecords;

/**
 * Renews the delegated OCSP signer while the CA runs, not only at start: a CA that runs for months must not let its
 * responder certificate expire. {@link CaHierarchy#initialise} renews it when a quarter of its life is left.
 */
@Component
class OcspSignerRenewal {

    private static final Logger log = LoggerFactory.getLogger(OcspSignerRenewal.class);

    private final CaHierarchy hierarchy;
    private final ProfileProperties profiles;
    private final CertificateRecords records;

    OcspSignerRenewal(CaHierarchy hierarchy, ProfileProperties profiles, CertificateRecords records) {
        this.hierarchy = hierarchy;
        this.profiles = profiles;
        this.records = records;
    }

    @Scheduled(
            fixedDelayString = "${sscard.issuer.ca.ocsp-renewal-check:PT6H}",
            initialDelayString = "${sscard.issuer.ca.ocsp-renewal-check:PT6H}")
    void renewIfDue() {
        var created = hierarchy.initialise(profiles.require("ocsp-signer"));
        if (!created.isEmpty()) {
            CaRecords.recordCreated(hierarchy, created, records);
            log.info("renewed the OCSP signer certificate");
        }
    }
}
