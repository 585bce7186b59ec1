package dev.sluice.dialect;

import dev.sluice.core.SluiceException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Flat XML request documents ({@code <root><a>text</a><b>text</b>...</root>}, as QUANTIL's purge API
 * takes them), read with the JDK's StAX parser hardened against hostile input: no DTD at all (so no
 * external entities and no entity expansion: a document with a DOCTYPE is refused), nesting at most
 * {@value #MAX_DEPTH}, at most {@value #MAX_ELEMENTS} elements, each text at most {@value
 * #MAX_TEXT} characters. Anything malformed is a BAD_REQUEST.
 */
public final class SafeXml {

    public static final int MAX_DEPTH = 4;
    public static final int MAX_ELEMENTS = 10_000;
    public static final int MAX_TEXT = 4096;

    /**
     * A parsed document.
     *
     * @param root the root element's name
     * @param children the root's child elements, in order
     */
    public record Document(String root, List<Element> children) {}

    /** A child element and its text, trimmed. */
    public record Element(String name, String text) {}

    private static final XMLInputFactory FACTORY = factory();

    private SafeXml() {}

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        return f;
    }

    /** Reads a flat document. */
    public static Document read(InputStream body) {
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(body);
            try {
                return document(reader);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw SluiceException.badRequest("body: not well-formed XML (%s)".formatted(e.getMessage()));
        }
    }

    private static Document document(XMLStreamReader reader) throws XMLStreamException {
        String root = null;
        List<Element> children = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int depth = 0;
        int elements = 0;
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
                    throw SluiceException.badRequest("body: DOCTYPE and entities are not allowed");
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    elements++;
                    if (depth > MAX_DEPTH || elements > MAX_ELEMENTS) {
                        throw SluiceException.badRequest(
                                "body: XML too deep or too large (expected: depth <= %d, <= %d elements)"
                                        .formatted(MAX_DEPTH, MAX_ELEMENTS));
                    }
                    if (depth == 1) {
                        root = reader.getLocalName();
                    } else if (depth > 2) {
                        throw SluiceException.badRequest("body: element %s nested in %s (expected: a flat list)"
                                .formatted(reader.getLocalName(), root));
                    }
                    text.setLength(0);
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    if (text.length() + reader.getTextLength() > MAX_TEXT) {
                        throw SluiceException.badRequest("body: text over %d characters".formatted(MAX_TEXT));
                    }
                    text.append(reader.getText());
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (depth == 2) {
                        children.add(new Element(
                                reader.getLocalName(), text.toString().trim()));
                    }
                    depth--;
                }
                default -> {}
            }
        }
        if (root == null) {
            throw SluiceException.badRequest("body: empty (expected: an XML document)");
        }
        return new Document(root, children);
    }
}
