package org.sscard.common.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

class SecureXmlTest {

    @TempDir
    Path dir;

    private static final String PLAIN = "<r xmlns=\"urn:test\"><a>text &amp; more</a></r>";

    private static final String DOCTYPE_ONLY = "<!DOCTYPE r><r/>";

    private String externalEntity() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        return "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]><r>&x;</r>";
    }

    private static final String BILLION_LAUGHS = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
            + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
            + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
            + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
            + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
            + "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
            + "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">"
            + "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">"
            + "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">"
            + "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">"
            + "]><lolz>&lol9;</lolz>";

    @Test
    void readsAPlainNamespacedDocument() throws Exception {
        Document document = SecureXml.parse(PLAIN);

        assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo("urn:test");
        assertThat(document.getDocumentElement().getTextContent()).isEqualTo("text & more");
        assertThat(SecureXml.parse(PLAIN.getBytes(StandardCharsets.UTF_8))
                        .getDocumentElement()
                        .getLocalName())
                .isEqualTo("r");
    }

    @Test
    void domRefusesADoctypeAnExternalEntityAndBillionLaughs() throws Exception {
        for (String hostile : List.of(DOCTYPE_ONLY, externalEntity(), BILLION_LAUGHS)) {
            assertThatThrownBy(() -> SecureXml.parse(hostile))
                    .as(hostile)
                    .isInstanceOf(SAXParseException.class)
                    .hasMessageContaining("DOCTYPE");
            assertThatThrownBy(() -> SecureXml.parse(hostile.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(SAXParseException.class);
        }
    }

    @Test
    void saxRefusesADoctypeAnExternalEntityAndBillionLaughs() throws Exception {
        for (String hostile : List.of(DOCTYPE_ONLY, externalEntity(), BILLION_LAUGHS)) {
            var reader = SecureXml.saxReader();
            reader.setContentHandler(new DefaultHandler());
            assertThatThrownBy(() -> reader.parse(new InputSource(new StringReader(hostile))))
                    .as(hostile)
                    .isInstanceOf(SAXParseException.class)
                    .hasMessageContaining("DOCTYPE");
        }
        var reader = SecureXml.saxReader();
        reader.parse(new InputSource(new StringReader(PLAIN)));
    }

    @Test
    void staxRefusesADoctypeAnExternalEntityAndBillionLaughs() throws Exception {
        for (String hostile : List.of(DOCTYPE_ONLY, externalEntity(), BILLION_LAUGHS)) {
            assertThatThrownBy(() -> readAll(hostile)).as(hostile).isInstanceOf(XMLStreamException.class);
        }
        assertThat(readAll(PLAIN)).containsExactly("r", "a");
    }

    @Test
    void neverReadsTheExternalFileEvenWhenAskedThroughAnEntity() throws Exception {
        String xxe = externalEntity();

        assertThatThrownBy(() -> SecureXml.parse(xxe)).isInstanceOf(SAXException.class);
        assertThatThrownBy(() -> readAll(xxe))
                .isInstanceOf(XMLStreamException.class)
                .hasMessageNotContaining("TOP-SECRET");
    }

    @Test
    void leavesXIncludeAlone() throws Exception {
        Path secret = Files.writeString(dir.resolve("included.xml"), "<secret>TOP-SECRET</secret>");
        String xinclude =
                "<r xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"" + secret.toUri() + "\"/></r>";

        Document document = SecureXml.parse(xinclude);

        assertThat(document.getDocumentElement().getTextContent()).doesNotContain("TOP-SECRET");
        assertThat(document.getElementsByTagNameNS("http://www.w3.org/2001/XInclude", "include")
                        .getLength())
                .isEqualTo(1);
    }

    @Test
    void aSchemaMayNotPullInAnotherSchemaFromOutside() throws Exception {
        Path other = Files.writeString(
                dir.resolve("other.xsd"),
                "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"urn:other\"/>");
        String importing = "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"urn:test\">"
                + "<xs:import namespace=\"urn:other\" schemaLocation=\"" + other.toUri() + "\"/>"
                + "<xs:element name=\"r\" type=\"xs:string\"/></xs:schema>";
        String plain = "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"urn:test\">"
                + "<xs:element name=\"r\" type=\"xs:string\"/></xs:schema>";

        assertThatThrownBy(() -> SecureXml.schemaFactory().newSchema(new StreamSource(new StringReader(importing))))
                .isInstanceOf(SAXException.class)
                .hasMessageContaining("accessExternalSchema");
        var validator = SecureXml.schemaFactory()
                .newSchema(new StreamSource(new StringReader(plain)))
                .newValidator();
        validator.validate(new StreamSource(new StringReader("<r xmlns=\"urn:test\">ok</r>")));
    }

    private static List<String> readAll(String xml) throws XMLStreamException {
        XMLStreamReader reader = SecureXml.streamReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        List<String> elements = new ArrayList<>();
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamReader.START_ELEMENT) {
                elements.add(reader.getLocalName());
            }
        }
        return elements;
    }
}
