package org.sscard.relay.staff;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/staff")
class StaffController {

    private final StaffService staff;

    StaffController(StaffService staff) {
        this.staff = staff;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('STAFF_WRITE')")
    StaffView create(@Valid @RequestBody StaffRequests.CreateStaff request) {
        return staff.create(request);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('STAFF_READ')")
    StaffView read(@PathVariable UUID id) {
        return staff.read(id);
    }

    @GetMapping
    @PreAuthorize("hasAuthority('STAFF_READ')")
    List<StaffView> ofOrganisation(@RequestParam String organisation) {
        return staff.ofOrganisation(organisation);
    }

    @PostMapping("/{id}/status")
    @PreAuthorize("hasAuthority('STAFF_WRITE')")
    StaffView changeStatus(@PathVariable UUID id, @Valid @RequestBody StaffRequests.ChangeStatus request) {
        return staff.changeStatus(id, request);
    }
}
