package org.sscard.hospital.records;

import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Dates as Japanese readers expect them, in the era, with the Western year beside: 令和7年 (2025年) 4月12日. */
@Component("eraDates")
public class EraDates {

    private static final DateTimeFormatter ERA_YEAR = DateTimeFormatter.ofPattern("GGGGy", Locale.JAPAN);

    public String format(LocalDate date) {
        if (date == null) {
            return "";
        }
        String era = ERA_YEAR.format(JapaneseDate.from(date));
        // the first year of an era is written 元年
        era = era.replaceAll("(?<=\\D)1$", "元");
        return era + "年 (" + date.getYear() + "年) " + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
