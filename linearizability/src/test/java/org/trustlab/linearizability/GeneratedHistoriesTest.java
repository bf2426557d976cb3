package org.trustlab.linearizability;

import static org.assertj.core.api.Assertions.assertThat;

import clojure.java.api.Clojure;
import clojure.lang.IFn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Property tests with test.check (test resource {@code trustlab/lin/generated.clj}): concurrent histories of
 * in-memory objects under generated schedules. Seeded, so a failure reproduces.
 */
class GeneratedHistoriesTest {
    private static final long SEED = 20261207L;

    @BeforeAll
    static void load() {
        Clj.fn("trustlab.lin.core", "check");
        Clojure.var("clojure.core", "require").invoke(Clojure.read("trustlab.lin.generated"));
    }

    private static Map<?, ?> call(String fn, Object... args) {
        IFn f = Clojure.var("trustlab.lin.generated", fn);
        return (Map<?, ?>) f.applyTo(clojure.lang.RT.seq(args));
    }

    @Test
    void anAtomicRegisterIsAlwaysLinearizable() {
        Map<?, ?> r = call("atomic-object-is-linearizable", "register", 300, SEED);
        assertThat(r.get("pass")).as("smallest failing: %s", r.get("smallest")).isEqualTo(true);
    }

    @Test
    void anAtomicConsumeOnceStoreIsAlwaysLinearizable() {
        Map<?, ?> r = call("atomic-object-is-linearizable", "nonce-store", 300, SEED);
        assertThat(r.get("pass")).as("smallest failing: %s", r.get("smallest")).isEqualTo(true);
    }

    @Test
    void oneInjectedStaleReadIsNeverLinearizable() {
        Map<?, ?> r = call("stale-read-is-not-linearizable", 300, SEED);
        assertThat(r.get("pass")).as("smallest failing: %s", r.get("smallest")).isEqualTo(true);
    }

    @Test
    void testCheckShrinksAStaleReadToAWriteAndARead() {
        Map<?, ?> r = call("shrink-to-minimal", "stale-read", 300, SEED);
        assertThat(r.get("pass")).isEqualTo(false);
        List<?> h = (List<?>) r.get("history");
        assertThat(h).as("%s", h).hasSize(4);
        assertThat(Edn.print(h)).as("a write of 1 completes, then a read returns the initial 0")
                .matches("\\[\\{:process \\d, :type :invoke, :f :write, :value 1\\} "
                        + "\\{:process \\d, :type :ok, :f :write, :value 1\\} "
                        + "\\{:process \\d, :type :invoke, :f :read, :value nil\\} "
                        + "\\{:process \\d, :type :ok, :f :read, :value 0\\}\\]");
    }

    @Test
    void testCheckFindsAndShrinksTheTwoStepConsumedSet() {
        Map<?, ?> r = call("shrink-to-minimal", "two-step-nonce-store", 300, SEED);
        assertThat(r.get("pass")).as("the mutant must be caught").isEqualTo(false);
        String h = Edn.print(r.get("history"));
        assertThat((List<?>) r.get("history")).as(h).hasSize(4);
        assertThat(h).as("two overlapping consumes of one nonce, both accepted")
                .contains(":type :ok, :f :consume, :value [0 :accepted]")
                .doesNotContain(":rejected");
    }
}
