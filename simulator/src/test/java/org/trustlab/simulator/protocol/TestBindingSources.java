package org.trustlab.simulator.protocol;

import org.trustlab.simulator.autojoin.AutoJoinBinding;
import org.trustlab.simulator.vouch.VouchBinding;

/**
 * The simulator's own tests run without the {@code properties} module, which registers the protocols for real;
 * these sources stand in for it (test class path only), so that scenario files of every protocol load here too.
 */
public final class TestBindingSources {
    private TestBindingSources() {}

    public static final class AutoJoin implements ProtocolBindingSource {
        @Override
        public ProtocolBinding<?> binding() {
            return new AutoJoinBinding();
        }
    }

    public static final class Vouch implements ProtocolBindingSource {
        @Override
        public ProtocolBinding<?> binding() {
            return new VouchBinding();
        }
    }
}
