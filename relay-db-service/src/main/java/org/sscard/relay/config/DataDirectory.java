package org.sscard.relay.config;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Where generated secrets, keys and demo material live ({@code SSCARD_DATA_DIR}); never in git. */
@ConfigurationProperties("sscard")
@Validated
public record DataDirectory(@NotNull Path dataDir) {}
