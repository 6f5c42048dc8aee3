package org.sscard.issuer.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads OpenSC's {@code pkcs11-tool --list-slots}: the slot index it prints is the position in
 * {@code C_GetSlotList}, the same index SunPKCS11's {@code slotListIndex} and {@code pkcs11-tool --slot-index} use.
 */
final class SlotList {

    record Slot(int index, String label, String serial) {}

    private static final Pattern SLOT = Pattern.compile("^Slot (\\d+) ");
    private static final Pattern FIELD = Pattern.compile("^\\s+(token label|serial num)\\s*:\\s*(.*?)\\s*$");

    private SlotList() {}

    static List<Slot> read(String listSlotsOutput) {
        List<Slot> slots = new ArrayList<>();
        int index = -1;
        String label = null;
        String serial = null;
        for (String line : listSlotsOutput.split("\n")) {
            Matcher slot = SLOT.matcher(line);
            if (slot.find()) {
                if (index >= 0) {
                    slots.add(new Slot(index, label, serial));
                }
                index = Integer.parseInt(slot.group(1));
                label = null;
                serial = null;
                continue;
            }
            Matcher field = FIELD.matcher(line);
            if (field.find()) {
                if (field.group(1).equals("token label")) {
                    label = field.group(2);
                } else {
                    serial = field.group(2);
                }
            }
        }
        if (index >= 0) {
            slots.add(new Slot(index, label, serial));
        }
        return slots;
    }
}
