package org.sscard.auth.login;

/** A refused card login: the code, and a detail for the audit log that never holds a personal ID. */
public class LoginRefusedException extends RuntimeException {

    private final LoginRefusal refusal;

    public LoginRefusedException(LoginRefusal refusal, String detail) {
        super(refusal + ": " + detail, null, false, false);
        this.refusal = refusal;
    }

    public LoginRefusal refusal() {
        return refusal;
    }
}
