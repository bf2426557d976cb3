package org.trustlab.properties.campaign;

import clojure.java.api.Clojure;
import clojure.lang.IFn;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one door from Java into the campaign's Clojure sources (under {@code trustlab/campaign/} on the class path,
 * loaded from source at run time). Namespaces are required once, under a lock, before any worker thread calls
 * into them: Clojure's {@code require} is not safe to race, while calling loaded pure functions from many threads is.
 */
final class Clj {
    private static final Object LOAD_LOCK = new Object();
    private static final Set<String> LOADED = ConcurrentHashMap.newKeySet();

    private Clj() {}

    static void require(String namespace) {
        if (LOADED.contains(namespace)) {
            return;
        }
        synchronized (LOAD_LOCK) {
            if (LOADED.add(namespace)) {
                Clojure.var("clojure.core", "require").invoke(Clojure.read(namespace));
            }
        }
    }

    static IFn fn(String namespace, String name) {
        require(namespace);
        IFn fn = Clojure.var(namespace, name);
        if (fn instanceof clojure.lang.Var v && !v.isBound()) {
            throw new IllegalStateException(namespace + "/" + name + " is not defined");
        }
        return fn;
    }
}
