package org.sscard.desk.check;

import org.sscard.common.time.PlatformDates;

/** Every outcome in plain words, Japanese and English, with what the clerk does next. */
final class OutcomeWords {

    private static final String PAPER_JA = "紙の保険証（資格確認書）で確認してください。";
    private static final String PAPER_EN = "Confirm with the paper insurance card.";

    private final PlatformDates dates;

    OutcomeWords(PlatformDates dates) {
        this.dates = dates;
    }

    Message of(Decision decision) {
        Coverage coverage = decision.coverage();
        return switch (decision.outcome()) {
            case VALID ->
                previous(
                        new Message("有効な保険資格を確認しました。", "Valid health insurance coverage confirmed."),
                        decision.previousCoverage());
            case SEVERAL ->
                new Message(
                        "有効な保険資格が複数登録されています。どの保険を使うか、" + PAPER_JA,
                        "More than one coverage is valid today. Which one applies: " + PAPER_EN.toLowerCase());
            case LOST ->
                new Message(
                        "この保険資格は " + dates.japanese(coverage.lostOn()) + " に喪失しています。新しい保険の加入先を患者さんに確認してください。",
                        "This coverage was lost on " + dates.english(coverage.lostOn())
                                + ". Ask the patient for their new insurance.");
            case LOST_WITH_NEW_COVERAGE_KNOWN ->
                new Message(
                        "この保険資格は " + dates.japanese(coverage.lostOn()) + " に喪失しています。新しい加入先は「"
                                + decision.newCoverage().nameJa() + "」です（資格情報はまだ届いていません）。" + PAPER_JA,
                        "This coverage was lost on " + dates.english(coverage.lostOn()) + ". The new insurer is "
                                + decision.newCoverage().nameEn() + " (its record has not arrived yet). " + PAPER_EN);
            case NONE ->
                new Message(
                        "有効な保険資格は見つかりませんでした。" + PAPER_JA + "お持ちでない場合は自費での受付となります。",
                        "No valid health insurance coverage was found. " + PAPER_EN
                                + " Without one, the visit is self-paid.");
            case NOT_COMPLETED ->
                new Message(
                        "照会を完了できませんでした（保険者またはプラットフォームが応答しません）。" + PAPER_JA,
                        "The check could not be completed (the insurer or the platform did not answer). " + PAPER_EN);
            case REFUSED -> refusal(decision.refusal());
        };
    }

    /** The previous insurer and its loss date after the outcome's words, as a 資格喪失証明書 would say them. */
    private Message previous(Message valid, PreviousCoverage previous) {
        if (previous == null) {
            return valid;
        }
        String nameEn = previous.insurerNameEn() != null ? previous.insurerNameEn() : previous.insurerNameJa();
        return new Message(
                valid.ja() + "前の保険 " + previous.insurerNameJa() + ": " + dates.japanese(previous.lostOn())
                        + " に資格喪失 — 新しい保険者で確認済み。",
                valid.en() + " Previous coverage at " + nameEn + " lost on " + dates.english(previous.lostOn())
                        + " — the new insurer confirmed.");
    }

    private static Message refusal(Refusal refusal) {
        return switch (refusal) {
            case CARD_REVOKED ->
                new Message(
                        "このカードは失効しています。使えません。" + PAPER_JA,
                        "This card has been revoked and cannot be used. " + PAPER_EN);
            case CARD_SUSPENDED ->
                new Message(
                        "このカードは一時停止中です（紛失の届出など）。使えません。" + PAPER_JA,
                        "This card is suspended (e.g. reported lost) and cannot be used. " + PAPER_EN);
            case CARD_EXPIRED -> new Message("このカードは有効期限が切れています。" + PAPER_JA, "This card has expired. " + PAPER_EN);
            case CARD_UNKNOWN ->
                new Message(
                        "このカードは確認できません（社会保障カードではないか、登録されていません）。" + PAPER_JA,
                        "This card cannot be confirmed (not a social security card, or not registered). " + PAPER_EN);
            case NOT_MATCHED ->
                new Message(
                        "入力された番号と生年月日に一致する方はいません。入力を確かめてください。" + PAPER_JA,
                        "No one matches this number and date of birth. Check what was entered. " + PAPER_EN);
        };
    }
}
