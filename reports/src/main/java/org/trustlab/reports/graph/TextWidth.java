package org.trustlab.reports.graph;

/**
 * An upper bound of a line's width in a sans-serif font, without asking for a font (a headless server may have none,
 * and the reader's browser chooses its own). Wide letters and capitals count more; bold at its size fits within the
 * bound of {@code 0.62 em} for lower-case text, which Arial, Helvetica and DejaVu Sans all stay under.
 */
final class TextWidth {
    private TextWidth() {}

    static double upperBound(String text, double fontSize) {
        double em = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'm' || c == 'w' || c == 'M' || c == 'W' || c == '@' || c == '%') {
                em += 0.95;
            } else if (Character.isUpperCase(c) || Character.isDigit(c) || c == '_') {
                em += 0.72;
            } else if (c == 'i' || c == 'l' || c == 'j' || c == '.' || c == ',' || c == ':' || c == '\'' || c == ' '
                    || c == '(' || c == ')' || c == '|' || c == 'I') {
                em += 0.36;
            } else {
                em += 0.62;
            }
        }
        return em * fontSize;
    }
}
