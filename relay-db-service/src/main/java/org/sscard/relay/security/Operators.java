package org.sscard.relay.security;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.sscard.common.operator.Operator;

/**
 * Organisation scoping of operator tokens, for the controllers' authorization expressions as {@code @operators}: an
 * insurer administrator acts for their own insurer only. The role's authorities come from {@link OperatorProperties}
 * and say what; this says for whom.
 */
@Component("operators")
public class Operators {

    /** True only for an operator token whose operator is an administrator of {@code providerKey}. */
    public boolean administers(Authentication authentication, String providerKey) {
        return providerKey != null
                && Operator.of(authentication)
                        .map(operator -> operator.administers(providerKey))
                        .orElse(false);
    }
}
