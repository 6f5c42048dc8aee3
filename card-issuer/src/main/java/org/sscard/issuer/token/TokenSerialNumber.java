package org.sscard.issuer.token;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;

/**
 * The serial number of the token in a slot, as PKCS#11 {@code C_GetTokenInfo} reports it. The JCA has no public
 * way to ask for it, so this reads it through the JDK's own PKCS#11 wrapper (the instance SunPKCS11 already
 * initialised for the library), by reflection: that package is not exported, and the JVM must be started with
 * {@value #EXPORT_FLAG} (bin/sscard-issuer and the card-issuer tests do). The wrapper methods used here have the
 * same signatures in JDK 17 and 25.
 */
final class TokenSerialNumber {

    static final String EXPORT_FLAG = "--add-exports=jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED";
    private static final String WRAPPER = "sun.security.pkcs11.wrapper.";

    private TokenSerialNumber() {}

    /** Slot index as in SunPKCS11's {@code slotListIndex}: a position in {@code C_GetSlotList(false)}. */
    static String of(Path library, int slotListIndex) {
        try {
            Class<?> pkcs11 = Class.forName(WRAPPER + "PKCS11");
            Method getInstance = pkcs11.getMethod(
                    "getInstance",
                    String.class,
                    String.class,
                    Class.forName(WRAPPER + "CK_C_INITIALIZE_ARGS"),
                    boolean.class);
            Object module = getInstance.invoke(null, library.toString(), "C_GetFunctionList", null, false);
            long[] slots =
                    (long[]) pkcs11.getMethod("C_GetSlotList", boolean.class).invoke(module, false);
            if (slotListIndex < 0 || slotListIndex >= slots.length) {
                throw new IllegalStateException("no slot index " + slotListIndex + " (" + slots.length + " slots)");
            }
            Object info = pkcs11.getMethod("C_GetTokenInfo", long.class).invoke(module, slots[slotListIndex]);
            char[] serial = (char[]) info.getClass().getField("serialNumber").get(info);
            return new String(serial).strip(); // PKCS#11 pads it with blanks
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("reading the token's serial number needs the JVM option " + EXPORT_FLAG, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the token's serial number cannot be read: " + e.getCause(), e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this JDK's PKCS#11 wrapper is not the expected one", e);
        }
    }
}
