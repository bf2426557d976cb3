package org.trustlab.simulator.protocol;

import java.util.Collection;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The known name closest to a misspelt one, by Levenshtein distance, so that an unknown name in a scenario is
 * answered with "did you mean 'auto-join'?" instead of only "unknown". A suggestion is made only when the distance is
 * small against the name's length: a wild guess would mislead more than it helps.
 */
public final class Spelling {
    private Spelling() {}

    /** The closest of {@code known} (ties: the alphabetically first), if it is close enough to be meant. */
    public static Optional<String> closest(String name, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : new TreeSet<>(known)) {
            int d = distance(name.toLowerCase(java.util.Locale.ROOT), k.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        int allowed = Math.max(2, Math.min(name.length(), best == null ? 0 : best.length()) / 3);
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /**
     * {@code unknown <what> 'name' (did you mean 'x'?)}, or with the known names listed when none is close and they
     * are few.
     */
    public static String unknown(String what, String name, Collection<String> known) {
        Optional<String> c = closest(name, known);
        if (c.isPresent()) {
            return "unknown " + what + " '" + name + "' (did you mean '" + c.get() + "'?)";
        }
        if (known.isEmpty()) {
            return "unknown " + what + " '" + name + "' (there are none)";
        }
        if (known.size() <= 12) {
            return "unknown " + what + " '" + name + "' (known: " + String.join(", ", new TreeSet<>(known)) + ")";
        }
        return "unknown " + what + " '" + name + "'";
    }

    /** Levenshtein distance with adjacent transpositions counted as one edit ("jion" is one edit from "join"). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
