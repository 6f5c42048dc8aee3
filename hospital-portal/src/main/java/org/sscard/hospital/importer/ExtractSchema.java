package org.sscard.hospital.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.ValidatorHandler;
import org.sscard.common.xml.SecureXml;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Pass one of an import: the extract against {@code hospital-extract.xsd}, streamed (SAX), collecting every error
 * with its line, column, element path and attribute. The parser refuses DTDs and external entities; the schema is
 * the one in this jar, never one the file points to. No value may be longer than {@code maxValueBytes}
 * ({@link ValueLengthLimit}): the parse stops there, so the parser never buffers more of one.
 */
final class ExtractSchema {

    static final String NAMESPACE = "urn:sscard:hospital-extract:1";
    static final String RESOURCE = "/xsd/hospital-extract.xsd";
    static final int MAX_ERRORS = 1000;
    private static final Pattern ATTRIBUTE = Pattern.compile("(?i)attribute '([^']+)'");
    private static final Schema SCHEMA = load();

    private ExtractSchema() {}

    static List<ImportError> validate(Path file, int maxValueBytes) throws IOException {
        Tracker tracker = new Tracker();
        List<ImportError> errors = new ArrayList<>();
        ErrorHandler collector = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // warnings do not make an extract wrong
            }

            @Override
            public void error(SAXParseException e) {
                ImportError error = tracker.at(e);
                ImportError previous = errors.isEmpty() ? null : errors.get(errors.size() - 1);
                // the validator reports a bad attribute value twice (the type's facet, then the attribute): one entry
                if (previous != null
                        && previous.attribute() == null
                        && error.attribute() != null
                        && previous.line() == error.line()
                        && previous.column() == error.column()) {
                    errors.set(
                            errors.size() - 1,
                            new ImportError(
                                    error.line(),
                                    error.column(),
                                    error.element(),
                                    error.attribute(),
                                    error.reason() + " (" + previous.reason() + ")"));
                } else if (errors.size() < MAX_ERRORS) {
                    errors.add(error);
                }
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                errors.add(tracker.at(e));
                throw e;
            }
        };
        try (InputStream in = new ValueLengthLimit(Files.newInputStream(file), maxValueBytes)) {
            ValidatorHandler validator = SCHEMA.newValidatorHandler();
            validator.setErrorHandler(collector);
            tracker.setParent(SecureXml.saxReader());
            tracker.setContentHandler(validator);
            tracker.setErrorHandler(collector);
            tracker.parse(new InputSource(in));
        } catch (ValueLengthLimit.TooLong e) {
            String element = String.join("/", tracker.path);
            errors.add(new ImportError(e.line, 0, element.isEmpty() ? "/" : element, null, e.getMessage()));
        } catch (SAXException e) {
            if (e.getCause() instanceof ValueLengthLimit.TooLong tooLong) {
                String element = String.join("/", tracker.path);
                errors.add(new ImportError(
                        tooLong.line, 0, element.isEmpty() ? "/" : element, null, tooLong.getMessage()));
            } else if (errors.isEmpty()) {
                errors.add(new ImportError(0, 0, "", null, "not readable as XML: " + e.getMessage()));
            }
        }
        return errors;
    }

    private static Schema load() {
        try {
            return SecureXml.schemaFactory()
                    .newSchema(new StreamSource(
                            ExtractSchema.class.getResource(RESOURCE).toString()));
        } catch (SAXException e) {
            throw new IllegalStateException("cannot load " + RESOURCE, e);
        }
    }

    /** Knows which element the parser is in when the validator complains, as a path with positions. */
    private static final class Tracker extends XMLFilterImpl {

        private final Deque<String> path = new ArrayDeque<>();
        private final Deque<java.util.Map<String, Integer>> counts = new ArrayDeque<>();
        private String closing;

        Tracker() {
            counts.push(new java.util.HashMap<>());
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            int index = counts.peek().merge(localName, 1, Integer::sum);
            path.addLast(localName + "[" + index + "]");
            counts.push(new java.util.HashMap<>());
            closing = null;
            super.startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            closing = String.join("/", path);
            super.endElement(uri, localName, qName);
            path.removeLast();
            counts.pop();
            closing = null;
        }

        ImportError at(SAXParseException e) {
            String message = e.getMessage() == null ? "invalid" : e.getMessage();
            Matcher attribute = ATTRIBUTE.matcher(message);
            String element = closing != null ? closing : String.join("/", path);
            return new ImportError(
                    e.getLineNumber(),
                    e.getColumnNumber(),
                    element.isEmpty() ? "/" : element,
                    attribute.find() ? attribute.group(1) : null,
                    message);
        }
    }
}
