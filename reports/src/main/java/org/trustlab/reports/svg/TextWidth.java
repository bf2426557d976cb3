package org.trustlab.reports.svg;

import java.util.ArrayList;
import java.util.List;

/**
 * An upper bound of a line's width in a sans-serif font, without asking for a font (a headless server may have none,
 * and the reader's browser chooses its own): per character, the widest advance of DejaVu Sans, Arial and Helvetica
 * in its class, in em. Drawings size their boxes and wrap their labels by it, so a label is never cut and never
 * runs into its neighbour.
 */
public final class TextWidth {
    private static final String WIDE = "=#<>~+&@%mwMW";
    private static final String NARROW = "ilj.,:;'|!()[]/ tfrI";

    private TextWidth() {}

    public static double upperBound(String text, double fontSize) {
        double em = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (WIDE.indexOf(c) >= 0) {
                em += 1.0;
            } else if (NARROW.indexOf(c) >= 0) {
                em += 0.42;
            } else if (Character.isUpperCase(c)) {
                em += 0.8;
            } else {
                em += 0.64;
            }
        }
        return em * fontSize;
    }

    /**
     * {@code text} in lines no wider than {@code width} at {@code fontSize}: broken at spaces, and inside a word only
     * when the word alone is wider (a hash, a long tag).
     */
    public static List<String> wrap(String text, double width, double fontSize) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (upperBound(candidate, fontSize) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (upperBound(rest, fontSize) > width && rest.length() > 1) {
                int n = 1;
                while (n < rest.length() && upperBound(rest.substring(0, n + 1), fontSize) <= width) {
                    n++;
                }
                lines.add(rest.substring(0, n));
                rest = rest.substring(n);
            }
            line.append(rest);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
