package org.trustlab.linearizability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class TimelineTest {
    /** A write of 1 completes; a read that starts after it returns the initial 0: the stale read is stuck. */
    private static List<Op> staleRead() {
        List<Op> h = new ArrayList<>();
        h.add(Op.invoke(0, "write", 1));
        h.add(Op.invoke(2, "write", 3));
        h.add(Op.ok(0, "write", 1));
        h.add(Op.info(2, "write", 3));
        for (int i = 0; i < 3; i++) {
            h.add(Op.invoke(3, "read", null));
            h.add(Op.ok(3, "read", 1));
        }
        h.add(Op.invoke(1, "read", null));
        h.add(Op.ok(1, "read", 0));
        return h;
    }

    private static Result.Window window(List<Op> h) throws HistoryException {
        Result r = Linearizability.check(h, Model.named("register").withInitial(0), Options.defaults());
        assertThat(r).isInstanceOf(Result.Invalid.class);
        return ((Result.Invalid) r).window();
    }

    @Test
    void theSpansPairEachInvocationWithItsProcesssNextEvent() {
        List<Timeline.Span> spans = Timeline.spans(staleRead());
        assertThat(spans).hasSize(6);
        assertThat(spans.get(0)).satisfies(s -> {
            assertThat(s.invoke()).isZero();
            assertThat(s.completion()).isEqualTo(2);
        });
        assertThat(spans.get(1).result().type()).isEqualTo(Op.Type.INFO);
        List<Op> open = new ArrayList<>(staleRead().subList(0, 2));
        assertThat(Timeline.spans(open)).extracting(Timeline.Span::completion).containsExactly(-1, -1);
    }

    @Test
    void theWindowIsDrawnAsBarsPerProcessWithTheStuckOperationHighlighted() throws Exception {
        List<Op> h = staleRead();
        Result.Window w = window(h);
        String svg = Timeline.svg(h, w, "t1", "stale <read>");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertThat(root.getAttribute("id")).isEqualTo("t1");
        assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("stale <read>");
        NodeList rects = doc.getElementsByTagName("rect");
        List<String> ops = new ArrayList<>();
        int windows = 0;
        for (int i = 0; i < rects.getLength(); i++) {
            Element r = (Element) rects.item(i);
            if (r.getAttribute("class").equals("op")) {
                ops.add(r.getAttribute("fill") + " " + r.getTextContent());
            } else if (r.getAttribute("class").equals("window")) {
                windows++;
            }
        }
        assertThat(windows).isEqualTo(1);
        // the stuck read in red; the crashed write is drawn (it overlaps the window), dashed to the right edge
        assertThat(ops).contains("#c62828 read 0 -> ok").anyMatch(o -> o.endsWith("write 3 -> crashed"));
        assertThat(svg).contains("stroke-dasharray").contains("process 1").contains("process 2")
                .contains(Timeline.esc(w.render().get(0)));
    }

    @Test
    void longHexValuesAreShortenedOnTheBarsOnly() {
        String nonce = "3e2d2e4049215fdea56d6c8bfcd8b4e7325449960a92842351682d5e0d3b9616";
        assertThat(Timeline.shortened("consume [\"" + nonce + "\" :accepted]"))
                .isEqualTo("consume [\"3e2d2e40\u2026\" :accepted]");
        assertThat(Timeline.shortened("write 12345")).isEqualTo("write 12345");
    }
}
