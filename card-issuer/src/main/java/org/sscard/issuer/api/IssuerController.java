package org.sscard.issuer.api;

import jakarta.validation.Valid;
import java.util.Base64;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.sscard.issuer.error.IssuerError;
import org.sscard.issuer.error.IssuerException;
import org.sscard.issuer.issuance.IssuanceService;
import org.sscard.issuer.issuance.IssuedCard;
import org.sscard.issuer.issuance.SoftCard;
import org.sscard.issuer.revocation.CertificateRecords;
import org.sscard.issuer.revocation.IssuedCertificate;
import org.sscard.issuer.revocation.RevocationService;

/** The city office's API: issue cards and tokens, look them up, hold, resume and revoke them. */
@RestController
class IssuerController {

    private final IssuanceService issuance;
    private final RevocationService revocation;
    private final CertificateRecords records;

    IssuerController(IssuanceService issuance, RevocationService revocation, CertificateRecords records) {
        this.issuance = issuance;
        this.revocation = revocation;
        this.records = records;
    }

    @PostMapping("/api/v1/cards/soft")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(
            "hasAuthority('ISSUE') and @operatorScope.mayIssue(authentication, #request.profile(), #request.holder())")
    IssuerRequests.SoftCardResponse softCard(@Valid @RequestBody IssuerRequests.SoftCardRequest request) {
        SoftCard.requireValidPin(request.pin());
        IssuedCard card = issuance.issueSoft(
                request.profile() == null ? "resident-card" : request.profile(),
                request.holder(),
                request.replacesCardSerial());
        return softCard(card, request.pin());
    }

    /** The card's holder gets a new soft card; the old card is revoked (superseded) once it is issued. */
    @PostMapping("/api/v1/cards/{cardSerial}/reissue")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(
            "hasAuthority('ISSUE') and hasAuthority('REVOKE') and @operatorScope.mayChangeCard(authentication, #cardSerial)")
    IssuerRequests.SoftCardResponse reissue(
            @PathVariable String cardSerial, @Valid @RequestBody IssuerRequests.ReissueRequest request) {
        SoftCard.requireValidPin(request.pin());
        return softCard(issuance.reissueSoft(cardSerial, request.reason()), request.pin());
    }

    private static IssuerRequests.SoftCardResponse softCard(IssuedCard card, String pin) {
        return new IssuerRequests.SoftCardResponse(
                card.cardSerial(),
                card.certificate().getSerialNumber().toString(16),
                CertificateRecords.sha256(card.certificate()),
                card.certificate().getNotAfter().toInstant(),
                Base64.getEncoder().encodeToString(SoftCard.pkcs12(card, pin)));
    }

    @PostMapping("/api/v1/certificates")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(
            "hasAuthority('ISSUE') and @operatorScope.mayIssue(authentication, #request.profile(), #request.holder())")
    IssuerRequests.CertificateResponse certificate(@Valid @RequestBody IssuerRequests.CsrRequest request) {
        IssuedCard card = issuance.issueForCsr(
                request.profile(), request.holder(), request.csr(), request.cardSerial(), request.replacesCardSerial());
        return new IssuerRequests.CertificateResponse(
                card.cardSerial(),
                card.certificate().getSerialNumber().toString(16),
                CertificateRecords.sha256(card.certificate()),
                card.certificate().getNotAfter().toInstant(),
                Pem.of(card.certificate()),
                card.chain().stream().map(Pem::of).toList());
    }

    @GetMapping("/api/v1/certificates/{serial}")
    @PreAuthorize("hasAuthority('READ')")
    IssuedCertificate bySerial(@PathVariable String serial) {
        return records.bySerial(serial.toLowerCase(java.util.Locale.ROOT).replaceFirst("^0+(?=.)", ""))
                .orElseThrow(() -> new IssuerException(IssuerError.UNKNOWN_CERTIFICATE, "no such certificate"));
    }

    @GetMapping("/api/v1/cards/{cardSerial}")
    @PreAuthorize("hasAuthority('READ')")
    IssuedCertificate byCard(@PathVariable String cardSerial) {
        return records.bySerial(revocation.serialOfCard(cardSerial)).orElseThrow();
    }

    @PostMapping("/api/v1/certificates/{serial}/suspend")
    @PreAuthorize("hasAuthority('REVOKE') and @operatorScope.mayChangeCertificate(authentication, #serial)")
    IssuedCertificate suspend(@PathVariable String serial) {
        return revocation.suspend(serial);
    }

    @PostMapping("/api/v1/certificates/{serial}/resume")
    @PreAuthorize("hasAuthority('REVOKE') and @operatorScope.mayChangeCertificate(authentication, #serial)")
    IssuedCertificate resume(@PathVariable String serial) {
        return revocation.resume(serial);
    }

    @PostMapping("/api/v1/certificates/{serial}/revoke")
    @PreAuthorize("hasAuthority('REVOKE') and @operatorScope.mayChangeCertificate(authentication, #serial)")
    IssuedCertificate revoke(@PathVariable String serial, @Valid @RequestBody IssuerRequests.RevokeRequest request) {
        return revocation.revoke(serial, request.reason());
    }

    @PostMapping("/api/v1/cards/{cardSerial}/suspend")
    @PreAuthorize("hasAuthority('REVOKE') and @operatorScope.mayChangeCard(authentication, #cardSerial)")
    IssuedCertificate suspendCard(@PathVariable String cardSerial) {
        return revocation.suspend(revocation.serialOfCard(cardSerial));
    }

    @PostMapping("/api/v1/cards/{cardSerial}/resume")
    @PreAuthorize("hasAuthority('REVOKE') and @operatorScope.mayChangeCard(authentication, #cardSerial)")
    IssuedCertificate resumeCard(@PathVariable String cardSerial) {
        return revocation.resume(revocation.serialOfCard(cardSerial));
    }

    @PostMapping("/api/v1/cards/{cardSerial}/revoke")
    @PreAuthorize("hasAuthority('REVOKE') and @operatorScope.mayChangeCard(authentication, #cardSerial)")
    IssuedCertificate revokeCard(
            @PathVariable String cardSerial, @Valid @RequestBody IssuerRequests.RevokeRequest request) {
        return revocation.revoke(revocation.serialOfCard(cardSerial), request.reason());
    }
}
