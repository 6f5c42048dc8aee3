import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.File;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

/**
 * bench/gateway's third anchor: the transport the portal gateway itself runs on (Reactor Netty, from the gateway's
 * own jar), as a reverse proxy with no logic at all. TLS with the gateway's certificate, every request passed to the
 * backend on a pooled keep-alive connection, the answer streamed back: what nginx does in the bench, in the JVM.
 * The gap between this and nginx is the platform's floor; the gap between the gateway and this is the gateway's own
 * work (session, security, registry, token, header rules, breaker, rewriting, Spring Cloud Gateway's chain).
 *
 * <p>Run by {@code run.sh} as a single-file program: {@code java -cp <the gateway's Reactor Netty jars>
 * ReactorNettyProxy.java <port> <backend base URL> <prefix to replace> <certificate PEM> <PKCS#8 key PEM>}.
 */
public class ReactorNettyProxy {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String backend = args[1];
        String prefix = args[2];
        SslContext tls = SslContextBuilder.forServer(new File(args[3]), new File(args[4]))
                .protocols("TLSv1.3", "TLSv1.2").build();
        HttpClient client = HttpClient.create(ConnectionProvider.builder("backend").maxConnections(64).build())
                .baseUrl(backend);
        HttpServer.create().host("127.0.0.1").port(port)
                .secure(spec -> spec.sslContext(tls))
                .handle((request, response) -> client
                        .get().uri(request.uri().substring(prefix.length()))
                        .response((answer, body) -> response.status(answer.status())
                                .headers(answer.responseHeaders().remove("Connection"))
                                .send(body.retain()))
                        .then())
                .bindNow()
                .onDispose()
                .block();
    }
}
