package org.trustlab.linearizability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A counterexample as Knossos draws one: the operations as bars per process over the history (left to right in the
 * order of the history's events), the non-linearizable window highlighted. Bars are coloured by their part in the
 * window: the operation that cannot be linearized, those pending with it, the last ones linearized before it; other
 * operations that overlap the window are grey, crashed ones run to the right edge, dashed. Only the window and what
 * overlaps it is drawn, so a history of thousands of operations still gives a small picture.
 */
public final class Timeline {
    /** At most this many operations besides the window's own are drawn (the ones nearest to it). */
    static final int MAX_OTHERS = 40;
    private static final int LEFT = 110;
    private static final int ROW = 30;
    private static final int SLOT = 26;
    private static final int TOP = 58;
    private static final String STUCK = "#c62828";
    private static final String PENDING = "#ef8f00";
    private static final String LINEARIZED = "#2e7d32";
    private static final String OTHER = "#9e9e9e";

    private Timeline() {}

    /** One operation of a history: where its invocation and completion sit (-1 for a crashed one). */
    public record Span(int invoke, int completion, Op invocation, Op result) {
        boolean crashed() {
            return completion < 0 || result.type() == Op.Type.INFO;
        }
    }

    /** The history's operations, each invocation paired with its process's next event. */
    public static List<Span> spans(List<Op> history) {
        List<Span> out = new ArrayList<>();
        Map<Object, Integer> open = new HashMap<>();
        for (int i = 0; i < history.size(); i++) {
            Op op = history.get(i);
            Object p = Op.edn(op.process());
            if (op.type() == Op.Type.INVOKE) {
                open.put(p, i);
            } else {
                Integer inv = open.remove(p);
                if (inv != null) {
                    out.add(new Span(inv, i, history.get(inv), op));
                }
            }
        }
        open.values().forEach(inv -> out.add(new Span(inv, -1, history.get(inv), null)));
        out.sort(java.util.Comparator.comparingInt(Span::invoke));
        return out;
    }

    /** The timeline of {@code w} in {@code history} as a standalone SVG document. */
    public static String svg(List<Op> history, Result.Window w, String id, String title) {
        List<Span> all = spans(history);
        Map<Integer, String> role = new LinkedHashMap<>();
        w.lastLinearized().forEach(c -> role.put(c.index(), LINEARIZED));
        w.pending().forEach(c -> role.put(c.index(), PENDING));
        role.put(w.stuck().index(), STUCK);
        Map<Integer, Span> byInvoke = new HashMap<>();
        all.forEach(s -> byInvoke.put(s.invoke(), s));
        int from = Integer.MAX_VALUE;
        int to = 0;
        for (Integer i : role.keySet()) {
            Span s = byInvoke.get(i);
            if (s != null) {
                from = Math.min(from, s.invoke());
                to = Math.max(to, s.crashed() ? s.invoke() : s.completion());
            }
        }
        int lo = from;
        int hi = to;
        List<Span> others = all.stream().filter(s -> !role.containsKey(s.invoke()) && Objects.equals(
                keyOf(s), w.key() == null ? null : Op.edn(w.key())) && s.invoke() <= hi
                && (s.crashed() || s.completion() >= lo)).limit(MAX_OTHERS).toList();
        List<Span> drawn = new ArrayList<>(others);
        role.keySet().stream().map(byInvoke::get).filter(Objects::nonNull).forEach(drawn::add);
        // x positions: the distinct event positions drawn, in history order, one slot each
        TreeSet<Integer> positions = new TreeSet<>();
        for (Span s : drawn) {
            positions.add(s.invoke());
            if (!s.crashed()) {
                positions.add(s.completion());
            }
        }
        Map<Integer, Integer> slot = new HashMap<>();
        for (int p : positions) {
            slot.put(p, slot.size());
        }
        List<Object> processes = new ArrayList<>();
        drawn.stream().sorted(java.util.Comparator.comparingInt(Span::invoke))
                .forEach(s -> { if (!processes.contains(Op.edn(s.invocation().process()))) {
                        processes.add(Op.edn(s.invocation().process())); } });
        // wide enough for the bars' labels, the legend, the title and the window's text (monospace, ~6 px a char)
        int longest = w.render().stream().mapToInt(String::length).max().orElse(0);
        int width = Math.max(Math.max(LEFT + SLOT * (slot.size() + 1) + 240, 560),
                Math.max(16 + 7 * title.length(), 16 + 6 * longest + 6 * 2));
        int height = TOP + ROW * processes.size() + 20 + 16 * (w.render().size() + 1);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"").append(esc(id)).append("\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width)
                .append(' ').append(height).append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
        svg.append("<title>").append(esc(title)).append("</title>\n");
        svg.append(text(8, 16, title, "font-weight=\"bold\" font-size=\"12\""));
        legend(svg);
        // the window: from the earliest invocation among the stuck and pending operations to the stuck one's return
        Span stuck = byInvoke.get(w.stuck().index());
        int winFrom = stuck.invoke();
        for (Result.Call c : w.pending()) {
            Span s = byInvoke.get(c.index());
            if (s != null) {
                winFrom = Math.min(winFrom, s.invoke());
            }
        }
        int winTo = stuck.crashed() ? positions.last() : stuck.completion();
        int wx = x(slot.get(winFrom)) - 6;
        int ww = x(slot.get(winTo)) - x(slot.get(winFrom)) + 12;
        svg.append("<rect class=\"window\" x=\"").append(wx).append("\" y=\"").append(TOP - 10).append("\" width=\"")
                .append(ww).append("\" height=\"").append(ROW * processes.size() + 10)
                .append("\" fill=\"#fff1a8\" stroke=\"#e0c200\"/>\n");
        for (int r = 0; r < processes.size(); r++) {
            svg.append(text(8, TOP + ROW * r + 12, "process " + Edn.print(processes.get(r)), ""));
        }
        int right = x(slot.size()) + 4;
        for (Span s : drawn) {
            int row = processes.indexOf(Op.edn(s.invocation().process()));
            int x0 = x(slot.get(s.invoke()));
            int x1 = s.crashed() ? right : x(slot.get(s.completion()));
            int y = TOP + ROW * row;
            String colour = role.getOrDefault(s.invoke(), OTHER);
            svg.append("<rect class=\"op\" x=\"").append(x0).append("\" y=\"").append(y).append("\" width=\"")
                    .append(Math.max(4, x1 - x0)).append("\" height=\"16\" rx=\"3\" fill=\"").append(colour)
                    .append("\" fill-opacity=\"0.85\"").append(s.crashed() ? " stroke=\"#333\" stroke-dasharray=\"4 2\""
                            : "").append("><title>").append(esc(label(s))).append("</title></rect>\n");
            svg.append(text(x0 + 3, y + 27, shortened(label(s)), "font-size=\"10\""));
        }
        int ty = TOP + ROW * processes.size() + 20;
        for (String line : w.render()) {
            svg.append(text(8, ty, line, "font-family=\"monospace\" font-size=\"10\""));
            ty += 16;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static Object keyOf(Span s) {
        return s.invocation().key() == null ? null : Op.edn(s.invocation().key());
    }

    private static void legend(StringBuilder svg) {
        String[][] items = {{STUCK, "cannot be linearized"}, {PENDING, "pending with it"},
            {LINEARIZED, "last linearized"}, {OTHER, "other"}, {"#fff1a8", "the window"}};
        int x = 8;
        for (String[] it : items) {
            svg.append("<rect x=\"").append(x).append("\" y=\"26\" width=\"12\" height=\"10\" fill=\"").append(it[0])
                    .append("\"/>\n");
            svg.append(text(x + 16, 35, it[1], ""));
            x += 16 + 7 * it[1].length() + 14;
        }
    }

    private static String label(Span s) {
        Op inv = s.invocation();
        String v = s.result() == null || s.result().type() == Op.Type.INFO ? Edn.print(inv.value()) + " -> crashed"
                : Edn.print(s.result().value()) + " -> " + s.result().type().name().toLowerCase(Locale.ROOT);
        return inv.f() + " " + v;
    }

    /** Long hex values (nonces, hashes) by their first 8 digits on a bar; the tooltip and the text have them whole. */
    static String shortened(String label) {
        return label.replaceAll("\\b([0-9a-f]{8})[0-9a-f]{8,}\\b", "$1…");
    }

    private static int x(int slot) {
        return LEFT + SLOT * slot;
    }

    private static String text(int x, int y, String s, String attrs) {
        return "<text x=\"" + x + "\" y=\"" + y + "\"" + (attrs.isEmpty() ? "" : " " + attrs) + ">" + esc(s)
                + "</text>\n";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
