package org.trustlab.linearizability;

import clojure.lang.ExceptionInfo;
import clojure.lang.Keyword;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reading and writing Jepsen histories in EDN: one vector of operation maps, or one map after another, with
 * {@code ;} comments. Writing gives a vector with one operation per line, which Knossos and Jepsen read too.
 */
public final class Histories {
    private static final Keyword BAD_INPUT = Keyword.intern("trustlab.lin.history", "bad-input");
    private static final Keyword LINE = Keyword.intern("line");
    private static final Keyword COLUMN = Keyword.intern("column");

    private Histories() {}

    public static List<Op> read(Path file) throws IOException, HistoryException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r);
        }
    }

    public static List<Op> parse(String text) throws HistoryException {
        return read(new StringReader(text));
    }

    private static List<Op> read(Reader r) throws HistoryException {
        List<?> maps = (List<?>) call(() -> Clj.fn("trustlab.lin.history", "read-history").invoke(r));
        List<Op> ops = new ArrayList<>(maps.size());
        for (Object m : maps) {
            ops.add(Op.fromEdn((Map<?, ?>) m));
        }
        return ops;
    }

    /**
     * Checks that the operations pair up as a history must (every completion after an open invocation of its
     * process, of the same :f; no process invoking twice before completing), as {@link Linearizability#check} does.
     */
    public static void validate(List<Op> ops) throws HistoryException {
        List<Object> edn = edn(ops);
        call(() -> Clj.fn("trustlab.lin.history", "calls").invoke(edn));
    }

    /**
     * The verdict a history's place promises, by the conventions of the public test sets: Knossos's {@code good/}
     * and {@code bad/} folders, Porcupine's {@code *-ok} / {@code *-bad} names; null when it promises none.
     */
    public static String expectedVerdict(Path p) {
        String name = p.getFileName().toString();
        String folder = p.getParent() == null ? "" : p.getParent().getFileName().toString();
        if (folder.equals("good") || name.endsWith("-ok.edn")) {
            return "valid";
        }
        if (folder.equals("bad") || name.endsWith("-bad.edn")) {
            return "invalid";
        }
        return null;
    }

    public static void write(List<Op> ops, Writer w) {
        Clj.fn("trustlab.lin.history", "write-history").invoke(edn(ops), w);
    }

    static List<Object> edn(List<Op> ops) {
        List<Object> maps = new ArrayList<>(ops.size());
        for (Op op : ops) {
            maps.add(op.toEdn());
        }
        return clojure.lang.PersistentVector.create(maps);
    }

    private static int intOf(Object o) {
        return o instanceof Number n ? n.intValue() : 0;
    }

    interface CljCall {
        Object run();
    }

    /** Runs a call into the Clojure side, turning its bad-input answers into {@link HistoryException}s. */
    static Object call(CljCall c) throws HistoryException {
        try {
            return c.run();
        } catch (ExceptionInfo e) {
            if (Boolean.TRUE.equals(e.getData().valAt(BAD_INPUT))) {
                throw new HistoryException(intOf(e.getData().valAt(LINE)), intOf(e.getData().valAt(COLUMN)),
                        e.getMessage());
            }
            throw e;
        }
    }
}
