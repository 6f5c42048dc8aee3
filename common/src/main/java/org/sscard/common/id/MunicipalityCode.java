package org.sscard.common.id;

/**
 * A six-digit local-government code (全国地方公共団体コード, JIS X 0402): five digits and a modulus-11 check digit
 * (weights 6,5,4,3,2; the check digit is the last digit of 11 minus the remainder).
 */
public record MunicipalityCode(String code) {

    /** Kamogawa City, Chiba (鴨川市). */
    public static final MunicipalityCode KAMOGAWA = new MunicipalityCode("122238");

    public MunicipalityCode {
        if (code == null || !code.matches("\\d{6}")) {
            throw new IllegalArgumentException("a municipality code has six digits");
        }
        if (!hasValidCheckDigit(code)) {
            throw new IllegalArgumentException("municipality code " + code + " has a wrong JIS X 0402 check digit");
        }
    }

    /** The code with its check digit computed from the first five digits. */
    public static MunicipalityCode ofFiveDigits(String fiveDigits) {
        if (fiveDigits == null || !fiveDigits.matches("\\d{5}")) {
            throw new IllegalArgumentException("expected five digits");
        }
        return new MunicipalityCode(fiveDigits + checkDigit(fiveDigits));
    }

    static boolean hasValidCheckDigit(String sixDigits) {
        return checkDigit(sixDigits.substring(0, 5)) == sixDigits.charAt(5) - '0';
    }

    static int checkDigit(String fiveDigits) {
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (fiveDigits.charAt(i) - '0') * (6 - i);
        }
        return (11 - sum % 11) % 10;
    }
}
