package org.sscard.hospital.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Inflater;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** A browser's side of SP-initiated SSO against the SP under test: start a login, post a Response. */
public final class SamlBrowser {

    private final MockMvc mvc;
    private MockHttpSession session = new MockHttpSession();

    public SamlBrowser(MockMvc mvc) {
        this.mvc = mvc;
    }

    public MockHttpSession session() {
        return session;
    }

    /** A second browser holding a copy of this one's session (its cookie stolen, say), the saved request with it. */
    public SamlBrowser copy() {
        SamlBrowser copy = new SamlBrowser(mvc);
        for (String name : java.util.Collections.list(session.getAttributeNames())) {
            copy.session.setAttribute(name, session.getAttribute(name));
        }
        return copy;
    }

    /** Starts a login; returns the redirect to the IdP, whose AuthnRequest the session now remembers. */
    public Redirect startLogin() throws Exception {
        MvcResult result =
                mvc.perform(get("/saml2/authenticate/sscard").session(session)).andReturn();
        session = (MockHttpSession) result.getRequest().getSession();
        String location = result.getResponse().getRedirectedUrl();
        if (location == null) {
            throw new AssertionError(
                    "no redirect to the IdP: " + result.getResponse().getStatus());
        }
        return new Redirect(location);
    }

    public MvcResult postResponse(String base64Response) throws Exception {
        MvcResult result = mvc.perform(
                        post("/login/saml2/sso/sscard").session(session).param("SAMLResponse", base64Response))
                .andReturn();
        if (result.getRequest().getSession(false) instanceof MockHttpSession changed) {
            session = changed;
        }
        return result;
    }

    /** The Redirect-binding message: query parameters exactly as sent, and the inflated AuthnRequest. */
    public record Redirect(String location) {

        public Map<String, String> rawParameters() {
            Map<String, String> parameters = new LinkedHashMap<>();
            for (String pair : URI.create(location).getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                parameters.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            return parameters;
        }

        public String parameter(String name) {
            return URLDecoder.decode(rawParameters().get(name), StandardCharsets.UTF_8);
        }

        public String authnRequestXml() throws Exception {
            byte[] deflated = Base64.getDecoder().decode(parameter("SAMLRequest"));
            Inflater inflater = new Inflater(true);
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && inflater.needsInput()) {
                    break;
                }
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        }

        public String requestId() throws Exception {
            Matcher id = Pattern.compile("\\sID=\"([^\"]+)\"").matcher(authnRequestXml());
            if (!id.find()) {
                throw new AssertionError("no ID in the AuthnRequest");
            }
            return id.group(1);
        }
    }
}
