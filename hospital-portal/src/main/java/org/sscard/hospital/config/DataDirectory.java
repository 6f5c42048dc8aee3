package org.sscard.hospital.config;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.sscard.common.tls.PlatformTrust;

/** {@code sscard.data-dir}: TLS trust, service-client credentials and the SP's own signing key live there. */
@Component
public class DataDirectory {

    private final Path dataDir;

    DataDirectory(@Value("${sscard.data-dir:data}") String dataDir) {
        this.dataDir = Path.of(dataDir).toAbsolutePath();
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path caRoot() {
        return PlatformTrust.caRoot(dataDir);
    }
}
