package org.sscard.auth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.sscard.common.db.AppendOnlyTablesCallback;

/** The platform's login: card login over mTLS and the OIDC provider. People have no passwords: no user store. */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@Import(AppendOnlyTablesCallback.class) // audit tables stay append-only for every role but their owner
public class AuthServiceApplication {

    public static void main(String[] args) {
        // Before any TLS class loads (JSSE reads it once): no stateless session tickets, so that a card login's TLS
        // session cannot be resumed later without the card (CardLoginController invalidates the stateful one).
        System.setProperty("jdk.tls.server.enableSessionTicketExtension", "false");
        SpringApplication.run(AuthServiceApplication.class, args);
    }
}
