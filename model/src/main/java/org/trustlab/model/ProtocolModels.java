package org.trustlab.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.trustlab.model.autojoin.AutoJoinModel;
import org.trustlab.model.autojoin.AutoJoinModelMutant;
import org.trustlab.model.dsl.Model;
import org.trustlab.model.nspk.NeedhamSchroeder;
import org.trustlab.model.vouch.VouchModel;
import org.trustlab.model.vouch.VouchModelMutant;

/** The models {@code trustlab check} knows, by protocol name. */
public final class ProtocolModels {
    private static final List<ProtocolModel> ALL = List.of(
            new Entry("autojoin", "ByteSync signed challenge-response for automatic joins (issue 4)",
                    AutoJoinModel.DEFAULT_SESSIONS,
                    Arrays.stream(AutoJoinModelMutant.values()).map(AutoJoinModelMutant::id).toList(),
                    m -> AutoJoinModelMutant.byId(m).map(AutoJoinModelMutant::breaks),
                    (k, m) -> AutoJoinModel.model(k, m == null ? null : AutoJoinModelMutant.byId(m).orElseThrow())),
            new Entry("vouch", "Spacedrive proxy pairing by signed, time-boxed vouches (issue 8)",
                    VouchModel.DEFAULT_SESSIONS,
                    Arrays.stream(VouchModelMutant.values()).map(VouchModelMutant::id).toList(),
                    m -> VouchModelMutant.byId(m).map(VouchModelMutant::breaks),
                    (k, m) -> VouchModel.model(k, m == null ? null : VouchModelMutant.byId(m).orElseThrow())),
            new Entry("needham-schroeder", "Needham-Schroeder public key (1978): Lowe's attack must be found", 1,
                    List.of(), m -> Optional.empty(), (k, m) -> NeedhamSchroeder.model(false, k)),
            new Entry("needham-schroeder-lowe", "Lowe's fix of Needham-Schroeder (1995): must pass", 1,
                    List.of(), m -> Optional.empty(), (k, m) -> NeedhamSchroeder.model(true, k)));

    private ProtocolModels() {
    }

    public static List<ProtocolModel> all() {
        return ALL;
    }

    public static Optional<ProtocolModel> byName(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private record Entry(String name, String summary, int defaultSessions, List<String> mutants,
            Function<String, Optional<String>> breaksFn, BiFunction<Integer, String, Model> factory)
            implements ProtocolModel {
        @Override
        public String breaks(String mutant) {
            return breaksFn.apply(mutant).orElseThrow(() -> new IllegalArgumentException(
                    name + " has no mutant " + mutant));
        }

        @Override
        public Model build(int sessions, String mutant) {
            if (mutant != null && !mutants.contains(mutant)) {
                throw new IllegalArgumentException(name + " has no mutant " + mutant);
            }
            if (sessions < 1) {
                throw new IllegalArgumentException("sessions must be at least 1");
            }
            return factory.apply(sessions, mutant);
        }
    }
}
