package org.trustlab.linearizability;

import clojure.java.api.Clojure;
import clojure.lang.IFn;
import clojure.lang.Keyword;

/**
 * The door into the checker's Clojure sources ({@code trustlab/lin/*.clj} on the class path, compiled from source
 * when first used). {@code require} is not safe to race, so loading happens once under a lock; the loaded
 * functions are pure and may be called from any thread.
 */
final class Clj {
    private static final Object LOCK = new Object();
    private static volatile boolean loaded;

    private Clj() {}

    static IFn fn(String namespace, String name) {
        if (!loaded) {
            synchronized (LOCK) {
                if (!loaded) {
                    IFn require = Clojure.var("clojure.core", "require");
                    for (String ns : new String[] {"trustlab.lin.history", "trustlab.lin.models", "trustlab.lin.core"}) {
                        require.invoke(Clojure.read(ns));
                    }
                    loaded = true;
                }
            }
        }
        return Clojure.var(namespace, name);
    }

    static Keyword kw(String name) {
        return Keyword.intern(name);
    }
}
