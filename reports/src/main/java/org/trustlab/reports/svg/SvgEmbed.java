package org.trustlab.reports.svg;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Makes a standalone SVG document (Graphviz's output) fit to sit inside the report's XHTML: parsed (so a
 * malformed drawing fails here, not in a reviewer's browser), without its XML declaration, DOCTYPE (which names an
 * external DTD) and comments, with every id prefixed so that several graphs on one page do not collide, and with
 * the report's own id, class and accessible label on the root.
 */
public final class SvgEmbed {
    private static final Pattern URL_REF = Pattern.compile("url\\(#([^)]+)\\)");

    private SvgEmbed() {}

    public static String prepare(String svg, String id, String cssClass, String label) {
        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        if (!"svg".equals(root.getLocalName() == null ? root.getNodeName() : root.getLocalName())) {
            throw new IllegalArgumentException("not an SVG document: root is <" + root.getNodeName() + ">");
        }
        List<Node> comments = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        walk(root, comments, ids);
        comments.forEach(c -> c.getParentNode().removeChild(c));
        rewrite(root, id + "-", ids);
        root.setAttribute("id", id);
        root.setAttribute("class", cssClass);
        root.setAttribute("role", "img");
        root.setAttribute("aria-label", label);
        return serialize(root);
    }

    private static void walk(Node n, List<Node> comments, Set<String> ids) {
        NodeList children = n.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node c = children.item(i);
            if (c.getNodeType() == Node.COMMENT_NODE || c.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
                comments.add(c);
            } else if (c.getNodeType() == Node.ELEMENT_NODE) {
                String v = ((Element) c).getAttribute("id");
                if (!v.isEmpty()) {
                    ids.add(v);
                }
                walk(c, comments, ids);
            }
        }
    }

    private static void rewrite(Element e, String prefix, Set<String> ids) {
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            String v = a.getValue();
            String name = a.getLocalName() == null ? a.getName() : a.getLocalName();
            if (name.equals("id") && ids.contains(v)) {
                a.setValue(prefix + v);
            } else if (name.equals("href") && v.startsWith("#") && ids.contains(v.substring(1))) {
                a.setValue("#" + prefix + v.substring(1));
            } else if (v.contains("url(#")) {
                Matcher m = URL_REF.matcher(v);
                StringBuilder out = new StringBuilder();
                while (m.find()) {
                    String ref = ids.contains(m.group(1)) ? prefix + m.group(1) : m.group(1);
                    m.appendReplacement(out, Matcher.quoteReplacement("url(#" + ref + ")"));
                }
                m.appendTail(out);
                a.setValue(out.toString());
            }
        }
        NodeList children = e.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i).getNodeType() == Node.ELEMENT_NODE) {
                rewrite((Element) children.item(i), prefix, ids);
            }
        }
    }

    /** A parser that never fetches the DTD a Graphviz SVG names, nor anything else. */
    public static Document parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static String serialize(Element root) {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.INDENT, "no");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(root), new StreamResult(w));
            return w.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialise SVG: " + e.getMessage(), e);
        }
    }
}
