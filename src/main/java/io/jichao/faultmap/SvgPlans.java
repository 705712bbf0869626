package io.jichao.faultmap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import io.jichao.shared.DomainException;

/**
 * Checks and sanitises an SVG floor plan. The browser only ever gets it as an {@code <img>}, where
 * scripts never run; the plan is cleaned anyway, since anyone can open the image's URL on its own:
 * no DOCTYPE or entities (the parser refuses them), no processing instructions, only elements of
 * the SVG namespace and none of {@code script}, {@code foreignObject} or the animation elements
 * (which can rewrite links), no {@code on*} attributes, links only to {@code #fragments} or
 * embedded raster images, no {@code @import} in styles. The size comes from {@code width} and
 * {@code height} in pixels or, failing that, the {@code viewBox}.
 */
final class SvgPlans {

    static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";
    private static final String XLINK_NAMESPACE = "http://www.w3.org/1999/xlink";
    private static final Set<String> FORBIDDEN = Set.of("script", "foreignobject", "animate", "set",
            "animatemotion", "animatetransform", "discard", "handler", "listener", "iframe", "embed", "object");
    private static final Pattern SAFE_LINK = Pattern.compile("(#.*|data:image/(png|jpeg|gif|webp);base64,.*)",
            Pattern.DOTALL);
    private static final Pattern PIXELS = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(px)?\\s*");
    private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?");

    private SvgPlans() {
    }

    /** Whether the content starts like XML text (after an optional byte-order mark and blanks). */
    static boolean looksLikeXml(byte[] content) {
        int i = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < content.length && Character.isWhitespace(content[i])) {
            i++;
        }
        return i < content.length && content[i] == '<';
    }

    static PlanImage check(byte[] content) {
        Document document = parse(content);
        Element root = document.getDocumentElement();
        if (!"svg".equals(root.getLocalName()) || !SVG_NAMESPACE.equals(root.getNamespaceURI())) {
            throw new DomainException("faultmap.error.svg.root");
        }
        sanitise(document);
        int[] size = size(root);
        if (size[0] < 1 || size[1] < 1 || size[0] > PngPlans.MAX_SIDE || size[1] > PngPlans.MAX_SIDE) {
            throw new DomainException("faultmap.error.plan.dimensions", PngPlans.MAX_SIDE);
        }
        return new PlanImage(PlanFormat.SVG, size[0], size[1], serialise(document));
    }

    private static Document parse(byte[] content) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(content));
        } catch (SAXException | IOException e) {
            throw new DomainException("faultmap.error.svg.broken");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sanitise(Document document) {
        List<Node> doomed = new ArrayList<>();
        for (Node child = document.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
                doomed.add(child);
            }
        }
        doomed.forEach(document::removeChild);
        clean(document.getDocumentElement());
    }

    private static void clean(Element element) {
        NamedNodeMap attributes = element.getAttributes();
        List<Attr> badAttributes = new ArrayList<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (!safe(attribute)) {
                badAttributes.add(attribute);
            }
        }
        badAttributes.forEach(element::removeAttributeNode);
        List<Node> doomed = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child) {
                case Element e when !SVG_NAMESPACE.equals(e.getNamespaceURI())
                        || FORBIDDEN.contains(e.getLocalName().toLowerCase(Locale.ROOT)) -> doomed.add(e);
                case Element e when "style".equals(e.getLocalName())
                        && e.getTextContent().toLowerCase(Locale.ROOT).contains("@import") -> doomed.add(e);
                case Element e -> clean(e);
                case Node n when n.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE -> doomed.add(n);
                default -> {
                }
            }
        }
        doomed.forEach(element::removeChild);
    }

    private static boolean safe(Attr attribute) {
        String namespace = attribute.getNamespaceURI();
        String name = (attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName())
                .toLowerCase(Locale.ROOT);
        if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(namespace)) {
            return true;
        }
        if (namespace != null && !XLINK_NAMESPACE.equals(namespace) && !XMLConstants.XML_NS_URI.equals(namespace)) {
            return false;
        }
        if (name.startsWith("on")) {
            return false;
        }
        if ("href".equals(name)) {
            return SAFE_LINK.matcher(attribute.getValue().trim()).matches();
        }
        String value = attribute.getValue().toLowerCase(Locale.ROOT);
        return !value.contains("javascript:") && !(name.equals("style") && value.contains("@import"));
    }

    private static int[] size(Element root) {
        Matcher width = PIXELS.matcher(root.getAttribute("width"));
        Matcher height = PIXELS.matcher(root.getAttribute("height"));
        if (width.matches() && height.matches()) {
            return new int[] {round(width.group(1)), round(height.group(1))};
        }
        List<String> box = new ArrayList<>();
        Matcher numbers = NUMBER.matcher(root.getAttribute("viewBox"));
        while (numbers.find()) {
            box.add(numbers.group());
        }
        if (box.size() != 4) {
            throw new DomainException("faultmap.error.svg.size");
        }
        return new int[] {round(box.get(2)), round(box.get(3))};
    }

    private static int round(String number) {
        BigDecimal value = new BigDecimal(number);
        return value.compareTo(BigDecimal.valueOf(PngPlans.MAX_SIDE + 1)) > 0 ? PngPlans.MAX_SIDE + 1
                : value.setScale(0, java.math.RoundingMode.HALF_UP).intValueExact();
    }

    private static byte[] serialise(Document document) {
        try {
            Transformer transformer = TransformerFactory.newDefaultInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, StandardCharsets.UTF_8.name());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }
}
