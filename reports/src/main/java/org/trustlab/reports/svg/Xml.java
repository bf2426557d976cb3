package org.trustlab.reports.svg;

import java.util.Locale;

/**
 * A minimal writer of well-formed XML (the report is XHTML with inline SVG, so a JDK XML parser reads it and a
 * browser renders it without scripts). Attribute values and text are escaped here and nowhere else; characters XML
 * 1.0 cannot carry (control characters in a tampered message's detail, say) become U+FFFD instead of breaking the
 * document.
 */
public final class Xml {
    private final StringBuilder out;

    public Xml() {
        this(new StringBuilder(8192));
    }

    public Xml(StringBuilder out) {
        this.out = out;
    }

    /** {@code attrs} are name, value pairs; a null value leaves the attribute out. */
    public Xml open(String tag, String... attrs) {
        out.append('<').append(tag);
        attributes(attrs);
        out.append('>');
        return this;
    }

    public Xml close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    public Xml empty(String tag, String... attrs) {
        out.append('<').append(tag);
        attributes(attrs);
        out.append("/>");
        return this;
    }

    /** {@code <tag attrs>text</tag>}. */
    public Xml element(String tag, String text, String... attrs) {
        return open(tag, attrs).text(text).close(tag);
    }

    public Xml text(String text) {
        escape(text, out, false);
        return this;
    }

    /** Markup that is already well-formed (a rendered SVG); the caller vouches for it. */
    public Xml raw(String markup) {
        out.append(markup);
        return this;
    }

    public Xml newline() {
        out.append('\n');
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void attributes(String[] attrs) {
        if (attrs.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        for (int i = 0; i < attrs.length; i += 2) {
            if (attrs[i + 1] == null) {
                continue;
            }
            out.append(' ').append(attrs[i]).append("=\"");
            escape(attrs[i + 1], out, true);
            out.append('"');
        }
    }

    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        escape(s, b, true);
        return b.toString();
    }

    private static void escape(String s, StringBuilder b, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append(attribute ? "&quot;" : "\"");
                case '\n' -> b.append(attribute ? "&#10;" : "\n");
                case '\t', '\r' -> b.append(c);
                default -> {
                    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
                        b.append('\uFFFD');
                    } else if (Character.isHighSurrogate(c) && (i + 1 >= s.length()
                            || !Character.isLowSurrogate(s.charAt(i + 1)))) {
                        b.append('\uFFFD');
                    } else if (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)))) {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
    }

    /** A coordinate: at most two decimals, a dot whatever the locale, no trailing zeros. */
    public static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.2f", v);
        while (s.endsWith("0")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
