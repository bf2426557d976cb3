package org.trustlab.linearizability;

import java.util.ArrayList;
import java.util.List;

/** Small histories for tests, written as EDN. */
final class Hist {
    private Hist() {}

    /**
     * A history of operations one after another, each {@code "f invoke-value ok-value"} in EDN, by process 0,
     * e.g. {@code seq("write 1 1", "read nil 1")}.
     */
    static String seq(String... ops) {
        StringBuilder b = new StringBuilder();
        for (String op : ops) {
            String[] p = op.split(" ", 3);
            String[] vals = splitValues(p[1] + " " + p[2]);
            b.append("{:process 0 :type :invoke :f :").append(p[0]).append(" :value ").append(vals[0]).append("}\n");
            b.append("{:process 0 :type :ok :f :").append(p[0]).append(" :value ").append(vals[1]).append("}\n");
        }
        return b.toString();
    }

    /** Two EDN values separated by a space, at the top level. */
    private static String[] splitValues(String s) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                inString = !inString;
            } else if (!inString && (c == '[' || c == '{' || c == '(')) {
                depth++;
            } else if (!inString && (c == ']' || c == '}' || c == ')')) {
                depth--;
            } else if (!inString && c == '#' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
                continue;
            } else if (!inString && depth == 0 && c == ' ') {
                return new String[] {s.substring(0, i), s.substring(i + 1)};
            }
        }
        throw new IllegalArgumentException("two values expected: " + s);
    }

    static Result check(String history, Model model) throws HistoryException {
        return Linearizability.check(Histories.parse(history), model, Options.defaults());
    }

    /** {@code n} writes of distinct values, all concurrent, then a read of {@code read}: 2^n configurations. */
    static List<Op> concurrentWrites(int n, Object read, Object key) {
        List<Op> ops = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            ops.add(Op.invoke(p, "write", p + 1).withKey(key));
        }
        for (int p = 0; p < n; p++) {
            ops.add(Op.ok(p, "write", p + 1).withKey(key));
        }
        ops.add(Op.invoke(n, "read", null).withKey(key));
        ops.add(Op.ok(n, "read", read).withKey(key));
        return ops;
    }
}
