package org.sscard.issuer.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.sscard.common.secret.SecretFiles;

/**
 * Secrets the issuer keeps for itself (the CA key store's passphrase), generated at first use into the data
 * directory ({@code <data-dir>/secrets/<realm>/<name>.secret}, owner-only) and never committed anywhere.
 */
final class GeneratedSecrets {

    private final Path directory;

    GeneratedSecrets(Path dataDirectory, String realm) {
        this.directory = dataDirectory.resolve("secrets").resolve(realm);
    }

    String getOrCreate(String client) {
        if (!client.matches("[a-z][a-z0-9-]{1,39}")) {
            throw new IllegalArgumentException("client names are slugs");
        }
        Path file = directory.resolve(client + ".secret");
        try {
            return SecretFiles.readOrCreate(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the service secret for " + client, e);
        }
    }
}
