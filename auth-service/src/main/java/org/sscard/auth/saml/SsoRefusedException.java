package org.sscard.auth.saml;

/** No assertion: the refusal the person sees, and a detail for the log only (never shown, never personal). */
final class SsoRefusedException extends RuntimeException {

    private final SsoRefusal refusal;

    SsoRefusedException(SsoRefusal refusal, String detail) {
        super(detail);
        this.refusal = refusal;
    }

    SsoRefusal refusal() {
        return refusal;
    }
}
