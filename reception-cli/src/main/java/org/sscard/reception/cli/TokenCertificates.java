package org.sscard.reception.cli;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * The X.509 certificate objects of a PKCS#11 token, read in a public session without {@code C_Login}: a card's
 * certificate is public, and the patient does not type their PIN at the reception desk.
 *
 * <p>Why not SunPKCS11's KeyStore: {@code KeyStore.load(null, null)} on a token that says "login required" asks
 * for a PIN (SoftHSM2 and most cards say so) and fails without one. So this opens the session through the JDK's own
 * PKCS#11 wrapper (the module instance SunPKCS11 shares), by reflection: the package is not exported, and the JVM
 * must be started with {@value #EXPORT_FLAG} (bin/sscard-reception and the tests do). These wrapper methods have
 * the same signatures in JDK 17 and 25.
 */
final class TokenCertificates {

    static final String EXPORT_FLAG = "--add-exports=jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED";

    private static final String WRAPPER = "sun.security.pkcs11.wrapper.";
    private static final long CKF_OS_LOCKING_OK = 0x2;
    private static final long CKF_SERIAL_SESSION = 0x4;
    private static final long CKA_CLASS = 0x0;
    private static final long CKA_VALUE = 0x11;
    private static final long CKA_CERTIFICATE_TYPE = 0x80;
    private static final long CKO_CERTIFICATE = 0x1;
    private static final long CKC_X_509 = 0x0;

    private TokenCertificates() {}

    /** Every X.509 certificate object on the token in the slot at {@code slotIndex} of the slot list. */
    static List<X509Certificate> read(Path library, int slotIndex) {
        try {
            Class<?> pkcs11 = Class.forName(WRAPPER + "PKCS11");
            Class<?> attribute = Class.forName(WRAPPER + "CK_ATTRIBUTE");
            // initialised as SunPKCS11 does it (OS locking), since SunPKCS11 shares this module instance: a staff
            // token on the same library is then used through it from the TLS handshake's threads
            Class<?> initArgs = Class.forName(WRAPPER + "CK_C_INITIALIZE_ARGS");
            Object osLocking = initArgs.getConstructor().newInstance();
            initArgs.getField("flags").setLong(osLocking, CKF_OS_LOCKING_OK);
            Object module = pkcs11.getMethod("getInstance", String.class, String.class, initArgs, boolean.class)
                    .invoke(null, library.toString(), "C_GetFunctionList", osLocking, false);
            // every slot, as SunPKCS11's slotListIndex and pkcs11-tool --slot-index count them
            long[] slots =
                    (long[]) pkcs11.getMethod("C_GetSlotList", boolean.class).invoke(module, false);
            if (slotIndex >= slots.length) {
                throw new CliFailure(
                        ExitCodes.ERROR,
                        "no slot index " + slotIndex + " in " + library + " (" + slots.length + " slot(s))");
            }
            long session = (long) pkcs11.getMethod(
                            "C_OpenSession", long.class, long.class, Object.class, Class.forName(WRAPPER + "CK_NOTIFY"))
                    .invoke(module, slots[slotIndex], CKF_SERIAL_SESSION, null, null);
            try {
                return certificates(module, pkcs11, attribute, session);
            } finally {
                pkcs11.getMethod("C_CloseSession", long.class).invoke(module, session);
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("reading a card without its PIN needs the JVM option " + EXPORT_FLAG, e);
        } catch (InvocationTargetException e) {
            throw new CliFailure(ExitCodes.ERROR, "cannot read the patient's card: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this JDK's PKCS#11 wrapper is not the expected one", e);
        }
    }

    private static List<X509Certificate> certificates(Object module, Class<?> pkcs11, Class<?> attribute, long session)
            throws ReflectiveOperationException {
        Constructor<?> longAttribute = attribute.getConstructor(long.class, long.class);
        Object template = Array.newInstance(attribute, 2);
        Array.set(template, 0, longAttribute.newInstance(CKA_CLASS, CKO_CERTIFICATE));
        Array.set(template, 1, longAttribute.newInstance(CKA_CERTIFICATE_TYPE, CKC_X_509));
        pkcs11.getMethod("C_FindObjectsInit", long.class, template.getClass()).invoke(module, session, template);
        List<Long> handles = new ArrayList<>();
        try {
            Method findObjects = pkcs11.getMethod("C_FindObjects", long.class, long.class);
            long[] found;
            while ((found = (long[]) findObjects.invoke(module, session, 16L)).length > 0 && handles.size() < 64) {
                for (long handle : found) {
                    handles.add(handle);
                }
            }
        } finally {
            pkcs11.getMethod("C_FindObjectsFinal", long.class).invoke(module, session);
        }
        Method getAttribute = pkcs11.getMethod("C_GetAttributeValue", long.class, long.class, template.getClass());
        List<X509Certificate> certificates = new ArrayList<>();
        for (long handle : handles) {
            Object value = Array.newInstance(attribute, 1);
            Array.set(value, 0, attribute.getConstructor(long.class).newInstance(CKA_VALUE));
            getAttribute.invoke(module, session, handle, value);
            byte[] der = (byte[]) attribute.getMethod("getByteArray").invoke(Array.get(value, 0));
            certificates.add(parse(der));
        }
        return certificates;
    }

    private static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new CliFailure(ExitCodes.ERROR, "the card holds a certificate that cannot be read", e);
        }
    }
}
