package org.sscard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslProvider;
import org.junit.jupiter.api.Test;

/**
 * The gateway's TLS (its own connector and its calls to providers and auth-service) runs on BoringSSL, not JSSE:
 * the native library must load on the platform's machines, or every proxied request pays JSSE's price again.
 */
class NettyTlsTest {

    @Test
    void nettyUsesBoringSslForServerAndClientContexts() {
        assertThat(OpenSsl.isAvailable()).as(String.valueOf(OpenSsl.unavailabilityCause())).isTrue();
        assertThat(OpenSsl.versionString()).startsWith("BoringSSL");
        assertThat(SslContext.defaultServerProvider()).isEqualTo(SslProvider.OPENSSL);
        assertThat(SslContext.defaultClientProvider()).isEqualTo(SslProvider.OPENSSL);
    }
}
