package org.sscard.issuer.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.sscard.common.web.CommonError;
import org.sscard.common.web.Problems;
import org.sscard.issuer.error.IssuerError;

/**
 * Which connector serves what, decided by the local port a request arrived on, before anything else (Spring
 * Security included) sees it: the plain-HTTP publication port serves what a CA publishes (CA certificates, CRLs,
 * OCSP) and nothing else, so no bearer token, PIN or PKCS#12 file can travel in clear; the TLS port serves the
 * issuing API, health and the API description, and not what is published (relying parties find it at the URLs in
 * the certificates). Anything else is answered 404, as for a path that does not exist. A body announced larger than
 * the publication limit is answered 413 there.
 */
final class ConnectorRouting extends OncePerRequestFilter {

    private final int publicationPort;
    private final long maxPublicationBody;
    private final ObjectMapper json;

    ConnectorRouting(int publicationPort, long maxPublicationBody, ObjectMapper json) {
        this.publicationPort = publicationPort;
        this.maxPublicationBody = maxPublicationBody;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean onPublicationPort = request.getLocalPort() == publicationPort;
        if (onPublicationPort != isPublication(request)) {
            Problems.write(
                    response,
                    json,
                    CommonError.NOT_FOUND,
                    onPublicationPort
                            ? "this port publishes CA certificates, CRLs and OCSP only"
                            : "CA certificates, CRLs and OCSP are published over plain HTTP on port "
                                    + publicationPort);
            return;
        }
        if (onPublicationPort && request.getContentLengthLong() > maxPublicationBody) {
            // announced too large: refused before a byte of it is read (a chunked body is bounded where it is read)
            Problems.write(
                    response,
                    json,
                    IssuerError.REQUEST_TOO_LARGE,
                    "requests here are at most " + maxPublicationBody + " bytes");
            return;
        }
        chain.doFilter(request, response);
    }

    /** What a CA publishes: {@code /ca/…}, {@code /crl/…} and {@code /ocsp} (POST, and GET per RFC 6960 A.1). */
    static boolean isPublication(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/ca/") || path.startsWith("/crl/") || path.equals("/ocsp") || path.startsWith("/ocsp/");
    }
}
