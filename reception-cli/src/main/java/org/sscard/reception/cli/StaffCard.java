package org.sscard.reception.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;

/**
 * The clerk's staff card as key managers for the card login's TLS handshake: a PKCS#12 soft card, or a PKCS#11
 * token (SunPKCS11, logged in with the PIN; the key never leaves the token). The PIN is cleared once used.
 */
final class StaffCard {

    private StaffCard() {}

    static KeyManager[] fromPkcs12(Path file, char[] pin) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, pin);
            return keyManagers(keys, pin);
        } catch (NoSuchFileException e) {
            throw new UsageException("no staff card file " + file);
        } catch (IOException e) {
            // PKCS#12's integrity check fails on a wrong PIN: the JDK reports it as an IOException
            throw new CliFailure(ExitCodes.ERROR, "cannot open the staff card " + file + " (wrong PIN?)", e);
        } catch (GeneralSecurityException e) {
            throw new CliFailure(ExitCodes.ERROR, "cannot open the staff card " + file + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    static KeyManager[] fromToken(Path library, int slotIndex, char[] pin) {
        try {
            Provider provider = Security.getProvider("SunPKCS11")
                    .configure(String.join(
                            "\n",
                            "--name = sscard-staff-" + slotIndex,
                            "library = " + library,
                            "slotListIndex = " + slotIndex));
            KeyStore keys = KeyStore.getInstance("PKCS11", provider);
            keys.load(null, pin);
            return keyManagers(keys, pin);
        } catch (IOException | GeneralSecurityException | java.security.ProviderException e) {
            throw new CliFailure(
                    ExitCodes.ERROR,
                    "cannot log in to the staff token (" + library + ", slot index " + slotIndex + "; wrong PIN?): "
                            + e.getMessage(),
                    e);
        } catch (IllegalArgumentException e) {
            throw new UsageException("cannot load the PKCS#11 library " + library + ": " + e.getMessage());
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    private static KeyManager[] keyManagers(KeyStore keys, char[] pin) throws GeneralSecurityException {
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, pin);
        return factory.getKeyManagers();
    }
}
