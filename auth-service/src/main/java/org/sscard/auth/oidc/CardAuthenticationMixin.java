package org.sscard.auth.oidc;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.sscard.auth.login.CardHolder;

/**
 * How a {@link org.sscard.auth.login.CardAuthentication} is stored in an authorization's attributes: its card holder
 * and nothing else. Authorities follow from the holder; request details (the client address) are not kept.
 * Registering the mix-in is also what lets Spring Security's allow-listing mapper read the type back.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.NONE,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        creatorVisibility = JsonAutoDetect.Visibility.NONE)
@JsonIgnoreProperties(ignoreUnknown = true)
abstract class CardAuthenticationMixin {

    @JsonCreator
    CardAuthenticationMixin(@JsonProperty("holder") CardHolder holder) {}

    @JsonProperty("holder")
    abstract CardHolder holder();
}
