package org.trustlab.reports.svg;

import static org.trustlab.reports.svg.Xml.num;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.trustlab.properties.trust.Times;
import org.trustlab.reports.secret.Redactor;
import org.trustlab.simulator.trace.TraceEvent;

/**
 * The message-sequence diagram of an attack trace: one lifeline per device and one for the attacker, one row per
 * event in trace order with its virtual time on the left, an arrow from each send to each delivery of that message
 * (matched by {@code msg-id}, so a replayed or duplicated copy starts at the original send), drops as crosses,
 * attacker actions and deliveries the attacker touched in red, outcomes and audit events as notes on their device,
 * and the violation's evidence rows highlighted. Timers are left out: they are how roles wait, not what they say.
 * Labels are wrapped, never cut: a reason code is the key information for a reviewer.
 */
public final class SequenceDiagram {
    public static final String ATTACKER = "attacker";
    static final int MAX_ROWS = 220;
    static final int HEAD_ROWS = 30;
    /** Rows shown after the last evidence event: what the victim did next, e.g. hand out the session key. */
    static final int AFTER_EVIDENCE = 8;

    private static final double LEFT = 130;
    private static final double COL = 200;
    private static final double TOP = 56;
    private static final double ROW = 26;
    private static final double FONT = 11;
    private static final double LINE = 13;
    private static final String RED = "#c00000";

    public enum StepKind { SEND, DELIVER, DROP, MAILBOX, ATTACKER, OUTCOME, AUDIT, USER_ACTION, STATE, MALFORMED, NOTE,
        GAP }

    /**
     * One row. {@code node} is the lifeline it sits on, {@code peer} the other end of a message; {@code sendSeq} is
     * the send a delivery or drop belongs to ({@code -1} if the trace has none: an injected message); {@code viaSeq}
     * the attacker action that delivered this copy (a replay, a redirect), drawn as the arrow's start.
     */
    public record Step(long seq, long timeNanos, StepKind kind, String node, String peer, String label,
            boolean hostile, boolean evidence, boolean accepted, long sendSeq, long viaSeq) {}

    public record Model(List<String> lifelines, List<Step> steps, int omitted) {
        public Model {
            lifelines = List.copyOf(lifelines);
            steps = List.copyOf(steps);
        }
    }

    private SequenceDiagram() {}

    /**
     * @param devices scenario devices in file order (lifelines keep that order)
     * @param hostileDevices devices the attacker controls (registered with its keys)
     */
    public static Model model(List<TraceEvent> events, List<String> devices, Set<String> hostileDevices,
            Set<Long> evidence, Redactor redactor) {
        long lastEvidence = evidence.stream().mapToLong(Long::longValue).max().orElse(Long.MAX_VALUE);
        Map<String, Long> sendOf = new HashMap<>();
        Map<String, Long> attackerOn = new HashMap<>();
        List<Step> all = new ArrayList<>();
        int after = 0;
        for (TraceEvent e : events) {
            if (e.seq() > lastEvidence && after >= AFTER_EVIDENCE) {
                break;
            }
            Step s = step(e, sendOf, attackerOn, hostileDevices, evidence.contains(e.seq()), redactor);
            if (s == null) {
                continue;
            }
            if (e.seq() > lastEvidence) {
                after++;
            }
            all.add(s);
        }
        int omitted = 0;
        List<Step> steps = all;
        if (all.size() > MAX_ROWS) {
            int tail = MAX_ROWS - HEAD_ROWS - 1;
            omitted = all.size() - HEAD_ROWS - tail;
            Step lastHidden = all.get(all.size() - tail - 1);
            steps = new ArrayList<>(all.subList(0, HEAD_ROWS));
            steps.add(new Step(lastHidden.seq(), lastHidden.timeNanos(), StepKind.GAP, "", "", omitted
                    + " events omitted here (the trace file has them all)", false, false, false, -1, -1));
            steps.addAll(all.subList(all.size() - tail, all.size()));
        }
        LinkedHashSet<String> lifelines = new LinkedHashSet<>(devices);
        boolean attacker = false;
        for (Step s : steps) {
            for (String n : List.of(s.node(), s.peer())) {
                if (n.equals(ATTACKER)) {
                    attacker = true;
                } else if (!n.isEmpty() && !n.equals("network")) {
                    lifelines.add(n);
                }
            }
        }
        lifelines.remove(ATTACKER);
        List<String> ordered = new ArrayList<>(lifelines);
        if (attacker || !hostileDevices.isEmpty() || steps.stream().anyMatch(Step::hostile)) {
            ordered.add(ATTACKER);
        }
        return new Model(ordered, steps, omitted);
    }

    private static Step step(TraceEvent e, Map<String, Long> sendOf, Map<String, Long> attackerOn,
            Set<String> hostileDevices, boolean evidence, Redactor r) {
        String from = e.field("from") == null ? "" : e.field("from");
        String to = e.field("to") == null ? "" : e.field("to");
        String msgId = e.field("msg-id");
        boolean hostileFrom = from.equals(ATTACKER) || hostileDevices.contains(from);
        long sendSeq = msgId == null ? -1 : sendOf.getOrDefault(msgId, -1L);
        String tag = r.redact(shortTag(e.type()));
        return switch (e.kind()) {
            case SEND -> {
                if (msgId != null) {
                    sendOf.putIfAbsent(msgId, e.seq());
                }
                yield new Step(e.seq(), e.timeNanos(), StepKind.SEND, e.node(), to, tag + " " + idOf(msgId),
                        hostileFrom || hostileDevices.contains(e.node()), evidence, false, e.seq(), -1);
            }
            case DELIVER -> {
                boolean via = ATTACKER.equals(e.field("via"));
                long viaSeq = via && msgId != null ? attackerOn.getOrDefault(msgId, -1L) : -1;
                String copy = via ? " (via attacker" + (sendSeq >= 0 ? ", copy of #" + sendSeq : "") + ")" : "";
                yield new Step(e.seq(), e.timeNanos(), StepKind.DELIVER, e.node(), from, tag + " " + idOf(msgId)
                        + copy, via || hostileFrom || sendSeq < 0, evidence, false, sendSeq, viaSeq);
            }
            case DROP -> {
                String reason = e.field("reason") == null ? "dropped" : e.field("reason");
                boolean byAttacker = reason.contains(ATTACKER);
                yield new Step(e.seq(), e.timeNanos(), StepKind.DROP, from.isEmpty() ? e.node() : from, to,
                        tag + " lost: " + r.redact(reason), byAttacker, evidence, false, sendSeq, -1);
            }
            case MAILBOX_HOLD -> new Step(e.seq(), e.timeNanos(), StepKind.MAILBOX, e.node(), from,
                    "mailbox holds " + tag, false, evidence, false, sendSeq, -1);
            case ATTACKER -> {
                if (msgId != null) {
                    attackerOn.put(msgId, e.seq());
                }
                yield new Step(e.seq(), e.timeNanos(), StepKind.ATTACKER, ATTACKER, to.isEmpty()
                        ? nz(e.field("target")) : to, "attacker " + tag + details(e, r), true, evidence, false,
                        sendSeq, -1);
            }
            case OUTCOME -> {
                boolean ok = "accepted".equals(e.field("result"));
                String reason = e.field("reason");
                yield new Step(e.seq(), e.timeNanos(), StepKind.OUTCOME, e.node(), "", tag + " " + nz(e.field(
                        "result")) + (reason == null || ok ? "" : " " + r.redact(reason)), hostileDevices.contains(
                        e.node()), evidence, ok, -1, -1);
            }
            case AUDIT -> new Step(e.seq(), e.timeNanos(), StepKind.AUDIT, e.node(), "", tag
                    + (e.field("reason") == null ? "" : " " + r.redact(e.field("reason"))),
                    hostileDevices.contains(e.node()), evidence, false, -1, -1);
            case USER_ACTION -> new Step(e.seq(), e.timeNanos(), StepKind.USER_ACTION, e.node(), "", "user: " + tag
                    + details(e, r), false, evidence, false, -1, -1);
            case CRASH, RESTART, ONLINE, OFFLINE -> new Step(e.seq(), e.timeNanos(), StepKind.STATE, e.node(), "",
                    tag, false, evidence, false, -1, -1);
            case PARTITION, HEAL -> new Step(e.seq(), e.timeNanos(), StepKind.STATE, "network", "", tag + " "
                    + nz(r.redact(nz(e.field("groups")))), false, evidence, false, -1, -1);
            case MALFORMED -> new Step(e.seq(), e.timeNanos(), StepKind.MALFORMED, e.node(), from, "malformed " + tag
                    + " " + r.redact(nz(e.field("reason"))), hostileFrom, evidence, false, -1, -1);
            case NOTE -> new Step(e.seq(), e.timeNanos(), StepKind.NOTE, e.node(), "", tag
                    + (e.field("message") == null ? "" : ": " + r.redact(e.field("message"))), false, evidence,
                    false, -1, -1);
            // The world's facts are what the checks judge by, not something a party did: no step of the diagram.
            case TIMER, DUPLICATE, REORDER, FACT -> null;
        };
    }

    /** An event's own fields, secrets masked, without the bookkeeping ones every event has. */
    private static String details(TraceEvent e, Redactor r) {
        StringBuilder b = new StringBuilder();
        e.fields().forEach((k, v) -> {
            if (!k.equals("local-time") && !k.equals("bytes-sha256") && !k.equals("size") && !k.equals("status")) {
                b.append(b.length() == 0 ? " (" : ", ").append(k).append('=').append(r.field(k, v));
            }
        });
        return b.length() == 0 ? "" : b.append(')').toString();
    }

    /** {@code trustlab/autojoin/AskAutoJoin/v1} is shown as {@code AskAutoJoin}; the tooltip has it whole. */
    static String shortTag(String type) {
        String[] parts = type.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].isEmpty() && !parts[i].matches("v\\d+")) {
                return parts[i];
            }
        }
        return type;
    }

    private static String idOf(String msgId) {
        return msgId == null ? "" : "[" + msgId + "]";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    public static String svg(Model m, String id, String title) {
        List<String> lanes = m.lifelines();
        Map<String, Integer> lane = new HashMap<>();
        double col = COL;
        for (int i = 0; i < lanes.size(); i++) {
            lane.put(lanes.get(i), i);
            col = Math.max(col, TextWidth.upperBound(lanes.get(i), 12) + 30);
        }
        Layout at = new Layout(col, LEFT + Math.max(1, lanes.size()) * col + 20, m.steps(), lane);
        double width = at.width;
        double height = at.bottom() + 16;
        Map<Long, Integer> rowOfSeq = new HashMap<>();
        for (int i = 0; i < m.steps().size(); i++) {
            rowOfSeq.putIfAbsent(m.steps().get(i).seq(), i);
        }
        Xml svg = new Xml();
        svg.open("svg", "xmlns", "http://www.w3.org/2000/svg", "id", id, "class", "sequence-diagram", "role", "img",
                "aria-label", title, "width", num(width), "height", num(height), "viewBox", "0 0 " + num(width) + " "
                + num(height), "font-family", "sans-serif", "font-size", "11");
        svg.element("title", title);
        svg.empty("rect", "x", "0", "y", "0", "width", num(width), "height", num(height), "fill", "#ffffff");
        for (int i = 0; i < m.steps().size(); i++) {
            if (m.steps().get(i).evidence()) {
                svg.empty("rect", "class", "evidence", "x", "0", "y", num(at.top[i]), "width", num(width),
                        "height", num(at.height[i]), "fill", "#fff1a8");
            }
        }
        svg.element("text", "virtual time", "x", num(LEFT - 12), "y", num(TOP - 22), "text-anchor", "end",
                "fill", "#555", "font-style", "italic");
        for (int i = 0; i < lanes.size(); i++) {
            double x = at.laneX(i);
            boolean hostile = lanes.get(i).equals(ATTACKER);
            svg.empty("line", "x1", num(x), "y1", num(TOP), "x2", num(x), "y2", num(height - 8), "stroke",
                    hostile ? RED : "#8a8a8a", "stroke-dasharray", "4,4");
            svg.empty("rect", "x", num(x - col / 2 + 10), "y", "8", "width", num(col - 20), "height", "30", "rx", "5",
                    "fill", hostile ? "#ffd9d9" : "#eef3fb", "stroke", hostile ? RED : "#41618c");
            svg.element("text", lanes.get(i), "x", num(x), "y", "28", "text-anchor", "middle",
                    "font-weight", "bold", "font-size", "12", "fill", hostile ? RED : "#111");
        }
        long lastTime = Long.MIN_VALUE;
        for (int i = 0; i < m.steps().size(); i++) {
            Step s = m.steps().get(i);
            if (s.timeNanos() != lastTime) {
                svg.element("text", Times.format(s.timeNanos()), "x", num(LEFT - 12), "y", num(at.anchor(i) + 4),
                        "text-anchor", "end", "fill", "#333");
                lastTime = s.timeNanos();
            }
            step(svg, s, i, at, rowOfSeq);
        }
        svg.close("svg");
        return svg.toString();
    }

    /**
     * Where each row goes. A row is as tall as its label wrapped to the room it has (a note: its lifeline's column,
     * or the whole width for the network; a message: the span of its arrow, at least one column), so labels are
     * never cut and no two rows share a line of text. A message's label sits above its arrow's end, a note's inside
     * its box; {@link #anchor} is where arrows start and end and the time is written.
     */
    private static final class Layout {
        final double col;
        final double width;
        final double[] top;
        final double[] height;
        final boolean[] message;
        final List<List<String>> lines = new ArrayList<>();
        private final Map<String, Integer> lane;

        Layout(double col, double width, List<Step> steps, Map<String, Integer> lane) {
            this.col = col;
            this.width = width;
            this.lane = lane;
            top = new double[steps.size()];
            height = new double[steps.size()];
            message = new boolean[steps.size()];
            double y = TOP + 8;
            for (int i = 0; i < steps.size(); i++) {
                Step s = steps.get(i);
                List<String> l = switch (s.kind()) {
                    case SEND -> List.of();
                    case DELIVER, DROP -> TextWidth.wrap(s.label(), labelWidth(s), FONT);
                    case GAP -> TextWidth.wrap("⋮ " + s.label(), width - LEFT - 20, FONT);
                    default -> TextWidth.wrap(s.label(), noteWidth(s) - 8, FONT);
                };
                lines.add(l);
                message[i] = s.kind() == StepKind.DELIVER || s.kind() == StepKind.DROP;
                top[i] = y;
                height[i] = switch (s.kind()) {
                    case SEND -> ROW * 0.6;
                    case DELIVER, DROP -> l.size() * LINE + 16;
                    default -> Math.max(ROW, l.size() * LINE + 12);
                };
                y += height[i];
            }
        }

        double bottom() {
            return top.length == 0 ? TOP + 8 : top[top.length - 1] + height[top.length - 1];
        }

        /** A message's arrow ends on the row's last 8 px; a note or dot sits in the middle of its row. */
        double anchor(int row) {
            return message[row] ? top[row] + height[row] - 8 : top[row] + height[row] / 2;
        }

        double laneX(int i) {
            return LEFT + col / 2 + i * col;
        }

        double x(String node) {
            Integer i = lane.get(node);
            if (i == null) {
                i = lane.getOrDefault(ATTACKER, 0);
            }
            return laneX(i);
        }

        double noteWidth(Step s) {
            return s.node().equals("network") ? width - LEFT - 20 : col - 8;
        }

        private double labelWidth(Step s) {
            String sender = s.kind() == StepKind.DELIVER ? s.peer() : s.node();
            String receiver = s.kind() == StepKind.DELIVER ? s.node() : s.peer();
            return Math.max(Math.abs(x(receiver) - x(sender.isEmpty() ? ATTACKER : sender)), col) - 12;
        }
    }

    private static void step(Xml svg, Step s, int row, Layout at, Map<Long, Integer> rowOfSeq) {
        double y = at.anchor(row);
        String colour = s.hostile() ? RED : "#222";
        svg.open("g", "class", "step " + s.kind().name().toLowerCase(Locale.ROOT)
                + (s.hostile() ? " attacker" : "") + (s.evidence() ? " evidence" : ""), "data-seq",
                Long.toString(s.seq()));
        svg.element("title", "#" + s.seq() + " " + Times.format(s.timeNanos()) + " " + s.node()
                + (s.peer().isEmpty() ? "" : " / " + s.peer()) + ": " + s.label());
        switch (s.kind()) {
            case SEND -> svg.empty("circle", "cx", num(at.x(s.node())), "cy", num(y), "r", "3.5", "fill", colour);
            case DELIVER, DROP -> arrow(svg, s, row, at, rowOfSeq, colour);
            case GAP -> {
                svg.empty("rect", "x", "0", "y", num(at.top[row] + 2), "width", num(at.width), "height",
                        num(at.height[row] - 4), "fill", "#eeeeee");
                lines(svg, at.lines.get(row), LEFT + 10, at.top[row] + 6, "start", "#555", "font-style", "italic");
            }
            default -> note(svg, s, row, at);
        }
        svg.close("g");
    }

    private static void arrow(Xml svg, Step s, int row, Layout at, Map<Long, Integer> rowOfSeq, String colour) {
        double y = at.anchor(row);
        boolean drop = s.kind() == StepKind.DROP;
        String sender = s.kind() == StepKind.DELIVER ? s.peer() : s.node();
        String receiver = s.kind() == StepKind.DELIVER ? s.node() : s.peer();
        Integer viaRow = s.viaSeq() < 0 ? null : rowOfSeq.get(s.viaSeq());
        Integer sendRow = s.sendSeq() < 0 ? null : rowOfSeq.get(s.sendSeq());
        // A copy the attacker delivered starts at its action on the attacker's lifeline; a delivery without a send
        // in view (injected, or its send omitted) starts half a row up at its sender.
        double y0 = viaRow != null ? at.anchor(viaRow) : sendRow == null ? y - ROW * 0.6 : at.anchor(sendRow);
        double x0 = at.x(viaRow != null || sender.isEmpty() ? ATTACKER : sender);
        double xr = at.x(receiver);
        double x1 = drop ? x0 + 0.6 * (xr - x0) : xr;
        if (Math.abs(x1 - x0) < 1) {
            x1 = x0 + 40;
        }
        svg.empty("line", "x1", num(x0), "y1", num(y0), "x2", num(x1), "y2", num(y), "stroke", drop && !s.hostile()
                ? "#888888" : colour, "stroke-width", s.hostile() ? "2" : "1.2",
                "stroke-dasharray", drop ? "5,3" : null);
        if (drop) {
            double c = 6;
            String cross = s.hostile() ? RED : "#555555";
            svg.empty("line", "x1", num(x1 - c), "y1", num(y - c), "x2", num(x1 + c), "y2", num(y + c), "stroke",
                    cross, "stroke-width", "2.5");
            svg.empty("line", "x1", num(x1 - c), "y1", num(y + c), "x2", num(x1 + c), "y2", num(y - c), "stroke",
                    cross, "stroke-width", "2.5");
        } else {
            double dx = x1 - x0;
            double dy = y - y0;
            double len = Math.max(1e-6, Math.hypot(dx, dy));
            double ax = dx / len;
            double ay = dy / len;
            svg.empty("polygon", "points", num(x1) + "," + num(y) + " " + num(x1 - 9 * ax - 4 * ay) + ","
                    + num(y - 9 * ay + 4 * ax) + " " + num(x1 - 9 * ax + 4 * ay) + "," + num(y - 9 * ay - 4 * ax),
                    "fill", colour);
        }
        // The label sits above the arrow's end, centred on the span between the two lifelines.
        double from = at.x(sender.isEmpty() ? ATTACKER : sender);
        lines(svg, at.lines.get(row), (from + xr) / 2 + (Math.abs(xr - from) < 1 ? 20 : 0), at.top[row] + 4,
                "middle", drop && !s.hostile() ? "#666666" : colour, "stroke", "#ffffff", "stroke-width", "3",
                "paint-order", "stroke");
    }

    private static void note(Xml svg, Step s, int row, Layout at) {
        String fill;
        String stroke;
        String text = "#111";
        switch (s.kind()) {
            case ATTACKER -> {
                fill = "#ffe0e0";
                stroke = RED;
                text = RED;
            }
            case OUTCOME -> {
                fill = s.accepted() ? "#dff3df" : "#ffefd5";
                stroke = s.accepted() ? "#1b7837" : "#b35806";
            }
            case USER_ACTION -> {
                fill = "#e6eefc";
                stroke = "#41618c";
            }
            case MALFORMED -> {
                fill = "#ffefd5";
                stroke = "#b35806";
            }
            default -> {
                fill = "#f3f3f3";
                stroke = "#9a9a9a";
            }
        }
        if (s.hostile()) {
            stroke = RED;
        }
        double x = s.node().equals("network") ? (LEFT + at.width) / 2 : at.x(s.node());
        double w = at.noteWidth(s);
        svg.empty("rect", "x", num(x - w / 2), "y", num(at.top[row] + 4), "width", num(w), "height",
                num(at.height[row] - 8), "rx", "4", "fill", fill, "stroke", stroke);
        double textTop = at.top[row] + (at.height[row] - at.lines.get(row).size() * LINE) / 2;
        lines(svg, at.lines.get(row), x, textTop, "middle", text);
    }

    /** Lines of text from {@code top} down, one {@link #LINE} each. */
    private static void lines(Xml svg, List<String> lines, double x, double top, String anchor, String fill,
            String... more) {
        for (int i = 0; i < lines.size(); i++) {
            String[] attrs = new String[8 + more.length];
            String[] base = {"x", num(x), "y", num(top + LINE * (i + 0.8)), "text-anchor", anchor, "fill", fill};
            System.arraycopy(base, 0, attrs, 0, base.length);
            System.arraycopy(more, 0, attrs, base.length, more.length);
            svg.element("text", lines.get(i), attrs);
        }
    }
}
