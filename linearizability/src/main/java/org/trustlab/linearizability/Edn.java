package org.trustlab.linearizability;

import clojure.lang.EdnReader;
import clojure.lang.PersistentHashMap;
import clojure.lang.RT;

/** EDN text for single values (initial states on the command line, values in reports). */
public final class Edn {
    private Edn() {}

    /** Reads one EDN value; throws IllegalArgumentException with the reader's reason when it is not EDN. */
    public static Object read(String text) {
        try {
            Object eof = new Object();
            Object v = EdnReader.readString(text, PersistentHashMap.create(RT.keyword(null, "eof"), eof));
            if (v == eof) {
                throw new IllegalArgumentException("no EDN value in '" + text + "'");
            }
            return v;
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException("not EDN: '" + text + "' (" + e.getMessage() + ")", e);
        }
    }

    public static String print(Object value) {
        return RT.printString(value);
    }
}
