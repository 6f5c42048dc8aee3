package org.sscard.auth.saml;

import org.springframework.http.HttpStatus;
import org.sscard.auth.web.RefusalPage;

/** Why the IdP issued no assertion: a stable code for logs and the help desk, and a message in Japanese and English. */
enum SsoRefusal implements RefusalPage.Reason {
    MALFORMED_REQUEST(
            HttpStatus.BAD_REQUEST, "連携先からの要求を読み取れませんでした。", "The request from the service could not be read."),
    UNKNOWN_SP(HttpStatus.FORBIDDEN, "この連携先は登録されていません。", "This service is not registered with the platform."),
    UNSIGNED_REQUEST(HttpStatus.FORBIDDEN, "連携先からの要求に署名がありません。", "The request from the service is not signed."),
    BAD_SIGNATURE(
            HttpStatus.FORBIDDEN,
            "連携先からの要求の署名を確認できませんでした。",
            "The signature on the request from the service could not be verified."),
    STALE_REQUEST(
            HttpStatus.FORBIDDEN,
            "連携先からの要求の有効期限が切れています。もう一度お試しください。",
            "The request from the service has expired. Please try again."),
    REPLAYED_REQUEST(
            HttpStatus.FORBIDDEN,
            "この要求はすでに使われています。連携先からもう一度お試しください。",
            "This request has already been used. Please start again from the service."),
    WRONG_DESTINATION(
            HttpStatus.FORBIDDEN, "この要求は別の宛先に向けたものです。", "This request was addressed to another identity provider."),
    ACS_NOT_IN_METADATA(
            HttpStatus.FORBIDDEN,
            "連携先の戻り先が登録内容と一致しません。",
            "The service's return address does not match its registration."),
    UNSOLICITED_NOT_REGISTERED(
            HttpStatus.FORBIDDEN, "この連携先へは、連携先の画面からログインしてください。", "Please sign in from the service's own page."),
    UNSUPPORTED_REQUEST(HttpStatus.BAD_REQUEST, "この形式の要求には対応していません。", "This kind of request is not supported."),
    EXPIRED_CONTINUATION(
            HttpStatus.BAD_REQUEST,
            "手続きの有効期限が切れました。連携先からもう一度お試しください。",
            "This sign-in has expired. Please start again from the service."),
    NOT_A_RESIDENT(
            HttpStatus.FORBIDDEN, "この連携は住民の方のカードでのみ利用できます。", "Only residents' cards can be used for this service."),
    NO_CONSENT(
            HttpStatus.FORBIDDEN,
            "このサービスの利用申込みがありません。マイポータルで利用を申し込んでください。",
            "You have not subscribed to this service. Please subscribe on My Portal first."),
    NO_MAPPING(
            HttpStatus.FORBIDDEN,
            "この連携先にはあなたの番号（患者番号など）が登録されていません。連携先の窓口にお問い合わせください。",
            "This service has no number (such as a patient number) registered for you. Please contact the service."),
    RELAY_UNAVAILABLE(
            HttpStatus.SERVICE_UNAVAILABLE,
            "ただいま連携できません。しばらく待ってからもう一度お試しください。",
            "Sign-in to the service is not available at the moment. Please try again later.");

    private final RefusalPage.Message message;

    SsoRefusal(HttpStatus status, String japanese, String english) {
        this.message = new RefusalPage.Message(status, japanese, english);
    }

    @Override
    public RefusalPage.Message message() {
        return message;
    }
}
