package org.sscard.auth.login;

import org.springframework.http.HttpStatus;
import org.sscard.auth.web.RefusalPage;

/** Why a card login was refused: a stable code for the audit log, and a plain message in Japanese and English. */
public enum LoginRefusal implements RefusalPage.Reason {
    NO_CERTIFICATE(
            HttpStatus.FORBIDDEN,
            "カードが読み取れませんでした。カードを差し込み直してください。",
            "The card could not be read. Please insert it again."),
    CERTIFICATE_REJECTED(
            HttpStatus.FORBIDDEN, "このカードの証明書は確認できませんでした。", "The certificate on this card could not be verified."),
    EKU_MISSING(HttpStatus.FORBIDDEN, "このカードはログインには使えません。", "This card cannot be used to log in."),
    /** Not what a client certificate must be: a CA, no digitalSignature, a stray critical extension, a SAN, … */
    CERTIFICATE_UNFIT(HttpStatus.FORBIDDEN, "このカードはログインには使えません。", "This card cannot be used to log in."),
    UNKNOWN_POLICY(HttpStatus.FORBIDDEN, "このカードはログインには使えません。", "This card cannot be used to log in."),
    WRONG_PROFILE(
            HttpStatus.FORBIDDEN,
            "このカードはこの入口では使えません。住民用と職員用の入口をお確かめください。",
            "This card is not for this entrance. Residents and staff log in at different entrances."),
    /**
     * A staff card at the resident entrance (My Portal): staff have an entrance of their own, the reception desk, and
     * the page links to it. A resident card at a staff entrance stays {@link #WRONG_PROFILE}.
     */
    STAFF_CARD_AT_RESIDENT_ENTRANCE(
            HttpStatus.FORBIDDEN,
            "これは職員用のカードです。職員の方は受付窓口（レセプションデスク）からログインしてください。",
            "This is a staff card. Staff log in at the reception desk."),
    MALFORMED_SUBJECT(
            HttpStatus.FORBIDDEN,
            "このカードの記録内容に誤りがあります。市役所の窓口にお問い合わせください。",
            "The data on this card is not valid. Please contact the city office."),
    INVALID_PERSONAL_ID(
            HttpStatus.FORBIDDEN,
            "このカードの記録内容に誤りがあります。市役所の窓口にお問い合わせください。",
            "The data on this card is not valid. Please contact the city office."),
    CARD_UNKNOWN(
            HttpStatus.FORBIDDEN,
            "このカードは登録されていません。市役所の窓口にお問い合わせください。",
            "This card is not registered. Please contact the city office."),
    CARD_SUSPENDED(
            HttpStatus.FORBIDDEN,
            "このカードは一時停止されています（紛失の届出など）。市役所の窓口にお問い合わせください。",
            "This card is suspended (for example, reported lost). Please contact the city office."),
    CARD_REVOKED(
            HttpStatus.FORBIDDEN,
            "このカードは失効しています。市役所の窓口にお問い合わせください。",
            "This card has been revoked. Please contact the city office."),
    CARD_EXPIRED(
            HttpStatus.FORBIDDEN,
            "このカードは有効期限が切れています。市役所の窓口で更新してください。",
            "This card has expired. Please renew it at the city office."),
    CARD_MISMATCH(
            HttpStatus.FORBIDDEN,
            "このカードの登録内容が一致しません。市役所の窓口にお問い合わせください。",
            "This card does not match its registration. Please contact the city office."),
    PERSON_INACTIVE(
            HttpStatus.FORBIDDEN,
            "現在この住民記録ではログインできません。市役所の窓口にお問い合わせください。",
            "This resident record cannot log in at present. Please contact the city office."),
    STAFF_INACTIVE(
            HttpStatus.FORBIDDEN,
            "この職員記録は現在有効ではありません。管理者にお問い合わせください。",
            "This staff record is not active. Please contact your administrator."),
    STAFF_MISMATCH(
            HttpStatus.FORBIDDEN,
            "職員の所属または役割が登録と一致しません。管理者にお問い合わせください。",
            "Your organisation or role does not match the staff register. Please contact your administrator."),
    RATE_LIMITED(
            HttpStatus.TOO_MANY_REQUESTS,
            "ログインの試行が多すぎます。しばらく待ってからもう一度お試しください。",
            "Too many login attempts. Please wait a moment and try again."),
    /** Neither OCSP nor the CRL could tell the card's status: refused (fail closed), but worth a retry later. */
    REVOCATION_UNAVAILABLE(
            HttpStatus.SERVICE_UNAVAILABLE,
            "ただいまカードの有効性を確認できません。しばらく待ってからもう一度お試しください。",
            "The card's validity cannot be checked at the moment. Please try again later."),
    RELAY_UNAVAILABLE(
            HttpStatus.SERVICE_UNAVAILABLE,
            "ただいまログインできません。しばらく待ってからもう一度お試しください。",
            "Login is not available at the moment. Please try again later.");

    private final RefusalPage.Message message;

    LoginRefusal(HttpStatus status, String japanese, String english) {
        this.message = new RefusalPage.Message(status, japanese, english);
    }

    @Override
    public RefusalPage.Message message() {
        return message;
    }
}
