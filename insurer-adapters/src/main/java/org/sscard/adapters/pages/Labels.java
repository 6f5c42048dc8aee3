package org.sscard.adapters.pages;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What the pages show besides dates (those are common's {@code PlatformDates}, {@code @dates}): Japanese names (with
 * English beside) of codes, and amounts in yen. Used by the pages as {@code @labels}.
 */
@Component("labels")
public class Labels {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("INSURED", "本人 (insured)"),
            Map.entry("DEPENDANT", "家族 (dependant)"),
            Map.entry("MALE", "男 (male)"),
            Map.entry("FEMALE", "女 (female)"),
            Map.entry("INPATIENT", "入院 (inpatient)"),
            Map.entry("OUTPATIENT", "外来 (outpatient)"),
            Map.entry("DENTAL", "歯科 (dental)"),
            Map.entry("PHARMACY", "調剤 (pharmacy)"),
            Map.entry("NHI_GENERAL", "特定健診 (general checkup)"),
            Map.entry("CANCER_SCREENING", "がん検診 (cancer screening)"),
            Map.entry("COMPANY", "事業所健診 (company checkup)"),
            Map.entry("N", "異常なし (normal)"),
            Map.entry("H", "高い (high)"),
            Map.entry("L", "低い (low)"),
            Map.entry("A", "要精検 (see a doctor)"),
            Map.entry("NATIONAL", "国民年金 (national pension)"),
            Map.entry("EMPLOYEES", "厚生年金 (employees' pension)"));

    public String of(String code) {
        return code == null ? "―" : NAMES.getOrDefault(code, code);
    }

    /** {@code 1,234,567円} */
    public String yen(long amount) {
        return NumberFormat.getIntegerInstance(Locale.JAPAN).format(amount) + "円";
    }
}
