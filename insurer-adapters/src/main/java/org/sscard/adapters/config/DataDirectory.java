package org.sscard.adapters.config;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Where the platform's generated material lives ({@code SSCARD_DATA_DIR}): here, the CA root for TLS trust. */
@ConfigurationProperties("sscard")
@Validated
public record DataDirectory(@NotNull Path dataDir) {}
