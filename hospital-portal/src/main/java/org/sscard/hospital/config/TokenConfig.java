package org.sscard.hospital.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.sscard.common.token.TokenProperties;

@Configuration
@EnableConfigurationProperties(TokenProperties.class)
class TokenConfig {}
