package org.sscard.issuer.enrolment;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.sscard.common.web.CommonError;
import org.sscard.issuer.api.Pem;
import org.sscard.issuer.error.IssuerError;
import org.sscard.issuer.error.IssuerException;
import org.sscard.issuer.issuance.IssuedCard;

/**
 * Redeeming an enrolment code: no token, the code is the credential. So the work anyone can cause here is bounded
 * before anything else: a rate limit per client address first, then a body of at most {@value #MAX_BODY} bytes
 * (read no further), then the code (one cheap indexed update), and only for a valid code the CSR's signature.
 * {@code cardSerial} is the token's own serial number, which becomes the card serial (as for the city office's
 * token issuance); without it the issuer names the card.
 */
@RestController
class EnrolmentRedeemController {

    static final int MAX_BODY = 16 * 1024;

    record RedeemRequest(String code, String csr, String cardSerial) {}

    /** The certificate and, as the rest of its chain, the issuing CA's and the root's certificates (PEM). */
    record RedeemResponse(String cardSerial, String certificatePem, String chainPem) {}

    private final EnrolmentService enrolment;
    private final RedeemRateLimiter limiter;
    private final ObjectMapper json;

    EnrolmentRedeemController(EnrolmentService enrolment, RedeemRateLimiter limiter, ObjectMapper json) {
        this.enrolment = enrolment;
        this.limiter = limiter;
        this.json = json;
    }

    @PostMapping(path = "/api/v1/enrolment-codes/redeem", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    RedeemResponse redeem(HttpServletRequest request) throws IOException {
        String remote = request.getRemoteAddr();
        String address = remote.substring(0, Math.min(45, remote.length()));
        limiter.take(address);
        if (request.getContentLengthLong() > MAX_BODY) {
            throw tooLarge();
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw tooLarge(); // a chunked body announces no length: bounded where it is read
        }
        RedeemRequest redeem;
        try {
            redeem = json.readValue(body, RedeemRequest.class);
        } catch (IOException e) {
            throw new IssuerException(CommonError.MALFORMED_REQUEST, "expected {code, csr[, cardSerial]} as JSON");
        }
        if (redeem == null) {
            throw new IssuerException(CommonError.MALFORMED_REQUEST, "expected {code, csr[, cardSerial]} as JSON");
        }
        IssuedCard card = enrolment.redeem(redeem.code(), redeem.csr(), redeem.cardSerial());
        // only failures count: a counter's residents, behind one address, are not turned away by each other's cards
        limiter.refund(address);
        return new RedeemResponse(
                card.cardSerial(),
                Pem.of(card.certificate()),
                card.chain().stream().skip(1).map(Pem::of).collect(Collectors.joining()));
    }

    private static IssuerException tooLarge() {
        return new IssuerException(IssuerError.REQUEST_TOO_LARGE, "a redemption is at most " + MAX_BODY + " bytes");
    }
}
