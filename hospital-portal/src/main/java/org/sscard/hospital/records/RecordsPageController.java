package org.sscard.hospital.records;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The patient's own records after SAML login; there is no parameter that could name anybody else. */
@Controller
class RecordsPageController {

    private final RecordsService records;

    RecordsPageController(RecordsService records) {
        this.records = records;
    }

    @GetMapping("/records")
    @PreAuthorize("hasAuthority('PATIENT')")
    String records(Authentication authentication, Model model) {
        CurrentPatient patient = CurrentPatient.of(authentication, null);
        model.addAttribute("records", records.records(patient, RecordsService.RECORDS_READ));
        return "records";
    }

    @GetMapping("/")
    @PreAuthorize("permitAll()")
    String home() {
        return "redirect:records";
    }
}
