package org.sscard.auth.login;

/** A refused card login: the code, and a detail for the audit log that never holds a personal ID. */
public class LoginRefusedException extends RuntimeException {

    private final LoginRefusal refusal;
    private final String validatorReason;

    public LoginRefusedException(LoginRefusal refusal, String detail) {
        this(refusal, detail, null);
    }

    LoginRefusedException(LoginRefusal refusal, String detail, String validatorReason) {
        super(refusal + ": " + detail, null, false, false);
        this.refusal = refusal;
        this.validatorReason = validatorReason;
    }

    /** Refused by the certificate path check: keeps the validator's reason name apart for the audit table. */
    static LoginRefusedException byValidator(LoginRefusal refusal, String validatorReason) {
        return new LoginRefusedException(refusal, validatorReason, validatorReason);
    }

    public LoginRefusal refusal() {
        return refusal;
    }

    /** The validator's {@code RejectReason} name when the certificate path check refused; null otherwise. */
    public String validatorReason() {
        return validatorReason;
    }
}
