package org.sscard.hospital.saml;

/** Why a SAML Response was refused; the code is shown on the refusal page and in the {@code Sscard-Saml-Refusal} header. */
public enum SamlRefusal {
    IDP_UNAVAILABLE("IdPのメタデータを取得できません", "The IdP's metadata cannot be read"),
    MALFORMED_RESPONSE("応答の形式が正しくありません", "The response is malformed"),
    UNEXPECTED_STRUCTURE("応答の構造が想定と異なります", "The response's structure is not the expected one"),
    UNSIGNED("署名がありません", "The assertion is not signed"),
    BAD_SIGNATURE("署名が正しくありません", "The signature is not valid"),
    WRONG_ISSUER("発行者が信頼するIdPではありません", "The issuer is not the trusted IdP"),
    WRONG_AUDIENCE("このサービス宛てではありません", "The assertion is not addressed to this service"),
    WRONG_RECIPIENT("受信先が違います", "The recipient is not this service's ACS"),
    WRONG_DESTINATION("宛先が違います", "The destination is not this service's ACS"),
    EXPIRED("有効期限が切れています", "The assertion has expired or is not yet valid"),
    IN_RESPONSE_TO_MISMATCH("要求と応答が対応しません", "The response does not answer this browser's request"),
    UNSOLICITED("このブラウザーから要求していない応答です", "This browser did not ask for this response"),
    REPLAYED("この応答は既に使用されています", "The assertion has been used before"),
    NO_SUBJECT("患者番号がありません", "The assertion names no patient"),
    INVALID_ASSERTION("アサーションが不正です", "The assertion is not valid"),
    NOT_SUCCESS("IdPがログインを完了しませんでした", "The IdP did not complete the login");

    private final String japanese;
    private final String english;

    SamlRefusal(String japanese, String english) {
        this.japanese = japanese;
        this.english = english;
    }

    public String japanese() {
        return japanese;
    }

    public String english() {
        return english;
    }

    /** Spring's error codes (and ours, which are these names) to one of ours. */
    static SamlRefusal fromErrorCode(String code) {
        for (SamlRefusal refusal : values()) {
            if (refusal.name().equals(code)) {
                return refusal;
            }
        }
        return switch (code == null ? "" : code) {
            case "invalid_signature" -> BAD_SIGNATURE;
            case "invalid_issuer" -> WRONG_ISSUER;
            case "invalid_destination" -> WRONG_DESTINATION;
            case "invalid_in_response_to" -> IN_RESPONSE_TO_MISMATCH;
            case "relying_party_registration_not_found" -> IDP_UNAVAILABLE;
            case "subject_not_found", "username_not_found" -> NO_SUBJECT;
            case "malformed_response_data", "decryption_error" -> MALFORMED_RESPONSE;
            default -> INVALID_ASSERTION;
        };
    }
}
