package org.trustlab.reports;

import java.util.ArrayList;
import java.util.List;
import org.trustlab.reports.svg.SvgEmbed;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Reads report.html with the JDK's XML parser, as the report promises to be well-formed XHTML. */
final class Html {
    static final String XHTML = "http://www.w3.org/1999/xhtml";
    static final String SVG = "http://www.w3.org/2000/svg";

    private Html() {}

    static Document parse(String html) {
        return SvgEmbed.parse(html);
    }

    static List<Element> all(Node root, String ns, String tag) {
        NodeList list = root instanceof Document d ? d.getElementsByTagNameNS(ns, tag)
                : ((Element) root).getElementsByTagNameNS(ns, tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    static List<Element> withClass(Node root, String ns, String tag, String cssClass) {
        return all(root, ns, tag).stream().filter(e -> List.of(e.getAttribute("class").split(" "))
                .contains(cssClass)).toList();
    }

    static Element byId(Document d, String id) {
        NodeList list = d.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            if (e.getAttribute("id").equals(id)) {
                return e;
            }
        }
        throw new AssertionError("no element with id " + id);
    }

    /** The verdict table as text, one string per row, cells separated by " | ". */
    static List<String> verdictRows(Document d) {
        List<String> rows = new ArrayList<>();
        for (Element tr : all(byId(d, "verdict-table"), XHTML, "tr")) {
            List<String> cells = new ArrayList<>();
            for (Node c = tr.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element e) {
                    cells.add(e.getTextContent().strip());
                }
            }
            rows.add(String.join(" | ", cells));
        }
        return rows;
    }
}
