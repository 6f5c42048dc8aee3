package org.sscard.common.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.XMLReader;

/**
 * The platform's one way to read XML that comes from outside (SAML messages and metadata, provider extracts): the
 * JDK's own parsers, namespace-aware, with secure processing on, and no DTD at all — a document with a DOCTYPE is
 * refused, so neither external entities (XXE) nor entity expansion ("billion laughs") can happen — no external DTD
 * or schema is ever loaded, and XInclude is off. Every reader, DOM, SAX, StAX and schema validation, is made here.
 */
public final class SecureXml {

    /** The parser features, for DOM and SAX parsers and for libraries that build their own (OpenSAML's pool). */
    public static final Map<String, Boolean> FEATURES = Map.of(
            XMLConstants.FEATURE_SECURE_PROCESSING,
            true,
            "http://apache.org/xml/features/disallow-doctype-decl",
            true,
            "http://xml.org/sax/features/external-general-entities",
            false,
            "http://xml.org/sax/features/external-parameter-entities",
            false,
            "http://apache.org/xml/features/nonvalidating/load-external-dtd",
            false);

    /** No protocol may be used to fetch an external DTD or schema (JAXP 1.5). */
    public static final Map<String, Object> NO_EXTERNAL_ACCESS =
            Map.of(XMLConstants.ACCESS_EXTERNAL_DTD, "", XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");

    private SecureXml() {}

    /** A DOM parser factory with the settings above; each call makes a new one (factories are not thread-safe). */
    public static DocumentBuilderFactory documentBuilderFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        try {
            for (Map.Entry<String, Boolean> feature : FEATURES.entrySet()) {
                factory.setFeature(feature.getKey(), feature.getValue());
            }
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's DOM parser cannot be hardened", e);
        }
        NO_EXTERNAL_ACCESS.forEach(factory::setAttribute);
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    /** Parses a whole document; {@link SAXException} for anything not well-formed or with a DOCTYPE. */
    public static Document parse(InputStream xml) throws SAXException, IOException {
        try {
            return documentBuilderFactory().newDocumentBuilder().parse(xml);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Document parse(byte[] xml) throws SAXException, IOException {
        return parse(new ByteArrayInputStream(xml));
    }

    public static Document parse(String xml) throws SAXException, IOException {
        try {
            return documentBuilderFactory().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A streaming SAX reader with the settings above, e.g. to feed a schema validator. */
    public static XMLReader saxReader() {
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        try {
            for (Map.Entry<String, Boolean> feature : FEATURES.entrySet()) {
                factory.setFeature(feature.getKey(), feature.getValue());
            }
            XMLReader reader = factory.newSAXParser().getXMLReader();
            for (Map.Entry<String, Object> property : NO_EXTERNAL_ACCESS.entrySet()) {
                reader.setProperty(property.getKey(), property.getValue());
            }
            return reader;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's SAX parser cannot be hardened", e);
        }
    }

    /**
     * A StAX reader over {@code xml} with DTD support off; it refuses a document with a DOCTYPE outright (StAX would
     * otherwise skip it silently), as the DOM and SAX parsers do.
     */
    public static XMLStreamReader streamReader(InputStream xml) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return new StreamReaderDelegate(factory.createXMLStreamReader(xml)) {
            @Override
            public int next() throws XMLStreamException {
                int event = super.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new XMLStreamException("a DOCTYPE is not allowed", getLocation());
                }
                return event;
            }
        };
    }

    /** A schema factory that loads only the schema it is given: no external DTD, no imported or included schema. */
    public static SchemaFactory schemaFactory() {
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            for (Map.Entry<String, Object> property : NO_EXTERNAL_ACCESS.entrySet()) {
                factory.setProperty(property.getKey(), property.getValue());
            }
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException("the JDK's schema factory cannot be hardened", e);
        }
        return factory;
    }
}
