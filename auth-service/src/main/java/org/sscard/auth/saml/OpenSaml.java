package org.sscard.auth.saml;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.namespace.QName;
import net.shibboleth.utilities.java.support.component.ComponentInitializationException;
import net.shibboleth.utilities.java.support.xml.BasicParserPool;
import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import net.shibboleth.utilities.java.support.xml.XMLParserException;
import org.opensaml.core.config.InitializationException;
import org.opensaml.core.config.InitializationService;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.io.MarshallingException;
import org.opensaml.core.xml.io.UnmarshallingException;
import org.sscard.common.xml.SecureXml;
import org.w3c.dom.Element;

/**
 * OpenSAML 4.0.1, initialised once per JVM, and the few things done with it everywhere: build an element, parse XML
 * (a parser pool with the platform's XML hardening, {@link SecureXml}) into SAML objects, marshal them back.
 */
final class OpenSaml {

    private static final BasicParserPool PARSER = init();

    private OpenSaml() {}

    @SuppressWarnings("unchecked")
    static <T extends XMLObject> T build(QName name) {
        return (T) XMLObjectProviderRegistrySupport.getBuilderFactory()
                .getBuilderOrThrow(name)
                .buildObject(name);
    }

    /** Parses and unmarshals; {@code null} for anything that is not well-formed, DTD-free XML OpenSAML knows. */
    static XMLObject parse(byte[] xml) {
        try {
            Element root = PARSER.parse(new ByteArrayInputStream(xml)).getDocumentElement();
            var unmarshaller =
                    XMLObjectProviderRegistrySupport.getUnmarshallerFactory().getUnmarshaller(root);
            return unmarshaller == null ? null : unmarshaller.unmarshall(root);
        } catch (XMLParserException | UnmarshallingException | RuntimeException e) {
            return null;
        }
    }

    static XMLObject parse(String xml) {
        return parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    static Element marshal(XMLObject object) {
        try {
            return XMLObjectProviderRegistrySupport.getMarshallerFactory()
                    .getMarshaller(object)
                    .marshall(object);
        } catch (MarshallingException e) {
            throw new IllegalStateException("cannot marshal " + object.getElementQName(), e);
        }
    }

    static String toXml(Element element) {
        return SerializeSupport.nodeToString(element);
    }

    private static synchronized BasicParserPool init() {
        try {
            InitializationService.initialize();
            BasicParserPool pool = new BasicParserPool();
            // OpenSAML's defaults are close to these; setting the platform's own makes them one rule, not two
            pool.setBuilderFeatures(SecureXml.FEATURES);
            pool.setBuilderAttributes(SecureXml.NO_EXTERNAL_ACCESS);
            pool.setMaxPoolSize(50);
            pool.initialize();
            return pool;
        } catch (InitializationException | ComponentInitializationException e) {
            throw new IllegalStateException("OpenSAML cannot be initialised", e);
        }
    }
}
