package org.trustlab.reports.svg;

import static org.trustlab.reports.svg.Xml.num;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Plain SVG charts with axes, ticks and labels; drawn here so the report needs no charting script. */
public final class Charts {
    private static final double W = 640;
    private static final double H = 300;
    private static final double L = 70;
    private static final double R = 20;
    private static final double T = 34;
    private static final double B = 56;
    private static final String[] SERIES_COLOURS = {"#4c78a8", "#f58518", "#c00000"};

    /**
     * One group of bars (a network profile) with one value per series (p50, p90, p99); NaN draws no bar but its
     * note, where there is one (why the value is missing: "n < 100").
     */
    public record BarGroup(String label, double[] values, String[] notes) {
        public BarGroup(String label, double[] values) {
            this(label, values, new String[0]);
        }

        String note(int series) {
            return series < notes.length && notes[series] != null ? notes[series] : "";
        }
    }

    /** One point of a line (an acceptance-rate bin) with a note shown in its tooltip (runs, attempts). */
    public record Point(double x, double y, String note) {}

    private Charts() {}

    public static String bars(String id, String title, String yLabel, List<String> series, List<BarGroup> groups) {
        double max = 0;
        for (BarGroup g : groups) {
            for (double v : g.values()) {
                if (!Double.isNaN(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        double[] ticks = ticks(max <= 0 ? 1 : max);
        double top = ticks[ticks.length - 1];
        Xml svg = start(id, title);
        yAxis(svg, ticks, top, yLabel, false);
        double plotW = W - L - R;
        double groupW = plotW / Math.max(1, groups.size());
        double barW = Math.min(36, groupW * 0.8 / Math.max(1, series.size()));
        for (int g = 0; g < groups.size(); g++) {
            BarGroup group = groups.get(g);
            double gx = L + g * groupW + (groupW - barW * series.size()) / 2;
            for (int s = 0; s < series.size(); s++) {
                double v = s < group.values().length ? group.values()[s] : Double.NaN;
                if (Double.isNaN(v)) {
                    if (!group.note(s).isEmpty()) {
                        // Written upwards along the empty bar's place, so it never runs into its neighbours.
                        double cx = gx + s * barW + barW / 2;
                        svg.element("text", group.note(s), "x", num(cx), "y", num(H - B - 4), "fill", "#777",
                                "font-size", "10", "transform", "rotate(-90 " + num(cx) + " " + num(H - B - 4) + ")");
                    }
                    continue;
                }
                double h = (H - T - B) * v / top;
                double x = gx + s * barW;
                svg.open("rect", "x", num(x), "y", num(H - B - h), "width", num(barW - 2), "height", num(h), "fill",
                        SERIES_COLOURS[s % SERIES_COLOURS.length]);
                svg.element("title", group.label() + " " + series.get(s) + ": " + value(v) + " " + yLabel);
                svg.close("rect");
            }
            svg.element("text", SequenceDiagram.fit(group.label(), groupW - 4), "x", num(L + g * groupW + groupW / 2),
                    "y", num(H - B + 16), "text-anchor", "middle");
        }
        legend(svg, series);
        return svg.close("svg").toString();
    }

    /** A line over points sorted by x, y in [0, 1] shown as percent. */
    public static String rateLine(String id, String title, String xLabel, String yLabel, List<Point> points) {
        Xml svg = start(id, title);
        double[] yt = {0, 0.25, 0.5, 0.75, 1.0};
        yAxis(svg, yt, 1.0, yLabel, true);
        double xMin = points.stream().mapToDouble(Point::x).min().orElse(0);
        double xMax = points.stream().mapToDouble(Point::x).max().orElse(1);
        double[] xt = ticks(xMax <= 0 ? 1 : xMax);
        double xTop = Math.max(xt[xt.length - 1], xMax);
        double xLow = Math.min(0, xMin);
        double plotW = W - L - R;
        for (double t : xt) {
            double x = L + plotW * (t - xLow) / (xTop - xLow);
            svg.empty("line", "x1", num(x), "y1", num(H - B), "x2", num(x), "y2", num(H - B + 5), "stroke", "#333");
            svg.element("text", value(t), "x", num(x), "y", num(H - B + 18), "text-anchor", "middle");
        }
        svg.element("text", xLabel, "x", num(L + plotW / 2), "y", num(H - 14), "text-anchor", "middle",
                "font-weight", "bold");
        List<double[]> xy = new ArrayList<>();
        for (Point p : points) {
            if (!Double.isNaN(p.y())) {
                xy.add(new double[] {L + plotW * (p.x() - xLow) / (xTop - xLow), H - B - (H - T - B) * p.y()});
            }
        }
        if (xy.size() > 1) {
            StringBuilder d = new StringBuilder();
            for (double[] q : xy) {
                d.append(d.length() == 0 ? "M" : " L").append(num(q[0])).append(',').append(num(q[1]));
            }
            svg.empty("path", "d", d.toString(), "fill", "none", "stroke", SERIES_COLOURS[0], "stroke-width", "2");
        }
        int i = 0;
        for (Point p : points) {
            if (Double.isNaN(p.y())) {
                continue;
            }
            double[] q = xy.get(i++);
            svg.open("circle", "cx", num(q[0]), "cy", num(q[1]), "r", "4", "fill", SERIES_COLOURS[0]);
            svg.element("title", xLabel + " " + value(p.x()) + ": " + percent(p.y()) + " (" + p.note() + ")");
            svg.close("circle");
        }
        if (xy.isEmpty()) {
            svg.element("text", "no attempts in these runs", "x", num(L + plotW / 2), "y", num((H - B + T) / 2),
                    "text-anchor", "middle", "fill", "#777");
        }
        return svg.close("svg").toString();
    }

    private static Xml start(String id, String title) {
        Xml svg = new Xml();
        svg.open("svg", "xmlns", "http://www.w3.org/2000/svg", "id", id, "class", "chart", "role", "img",
                "aria-label", title, "width", num(W), "height", num(H), "viewBox", "0 0 " + num(W) + " " + num(H),
                "font-family", "sans-serif", "font-size", "11");
        svg.element("title", title);
        svg.empty("rect", "x", "0", "y", "0", "width", num(W), "height", num(H), "fill", "#ffffff");
        svg.element("text", title, "x", num(W / 2), "y", "18", "text-anchor", "middle", "font-weight", "bold",
                "font-size", "13");
        return svg;
    }

    private static void yAxis(Xml svg, double[] ticks, double top, String label, boolean percent) {
        for (double t : ticks) {
            double y = H - B - (H - T - B) * t / top;
            svg.empty("line", "x1", num(L), "y1", num(y), "x2", num(W - R), "y2", num(y), "stroke", "#e5e5e5");
            svg.element("text", percent ? percent(t) : value(t), "x", num(L - 6), "y", num(y + 4), "text-anchor",
                    "end");
        }
        svg.empty("line", "x1", num(L), "y1", num(T), "x2", num(L), "y2", num(H - B), "stroke", "#333");
        svg.empty("line", "x1", num(L), "y1", num(H - B), "x2", num(W - R), "y2", num(H - B), "stroke", "#333");
        svg.element("text", label, "x", "16", "y", num((H - B + T) / 2), "text-anchor", "middle", "font-weight",
                "bold", "transform", "rotate(-90 16 " + num((H - B + T) / 2) + ")");
    }

    private static void legend(Xml svg, List<String> series) {
        double x = W - R - 90 * series.size();
        for (int s = 0; s < series.size(); s++) {
            svg.empty("rect", "x", num(x + s * 90), "y", num(H - 20), "width", "12", "height", "12", "fill",
                    SERIES_COLOURS[s % SERIES_COLOURS.length]);
            svg.element("text", series.get(s), "x", num(x + s * 90 + 16), "y", num(H - 10));
        }
    }

    /** 0, a nice step, ... up to at least {@code max}: steps of 1, 2 or 5 times a power of ten. */
    static double[] ticks(double max) {
        double raw = max / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag <= 1 ? mag : raw / mag <= 2 ? 2 * mag : raw / mag <= 5 ? 5 * mag : 10 * mag;
        int n = (int) Math.ceil(max / step - 1e-9);
        double[] t = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            t[i] = i * step;
        }
        return t;
    }

    public static String value(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        // Three significant digits without trailing zeros: 0.005, 0.0125, 20.5.
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    public static String percent(double rate) {
        return Double.isNaN(rate) ? "—" : String.format(Locale.ROOT, "%.0f%%", rate * 100);
    }
}
