package org.trustlab.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.trustlab.model.autojoin.AutoJoinModel;
import org.trustlab.model.autojoin.AutoJoinModelMutant;
import org.trustlab.model.dsl.Model;
import org.trustlab.model.nspk.NeedhamSchroeder;
import org.trustlab.model.vouch.SpacedriveModelMutant;
import org.trustlab.model.vouch.VouchModel;
import org.trustlab.model.vouch.VouchModelMutant;

/** The models {@code trustlab check} knows, by protocol name. */
public final class ProtocolModels {
    private static final List<ProtocolModel> ALL = List.of(
            entry("autojoin", "ByteSync signed challenge-response for automatic joins: two validators, two "
                    + "purposes, revocation, a leaked device key (issues 4, 14)",
                    AutoJoinModel.DEFAULT_SESSIONS, AutoJoinModelMutant.class, AutoJoinModel::model),
            entry("vouch", "Spacedrive proxy pairing by signed, time-boxed vouches, hardened profile, with the "
                    + "attacker as a paired device (issues 8, 14)",
                    VouchModel.DEFAULT_SESSIONS, VouchModelMutant.class, VouchModel::model),
            entry("vouch-spacedrive", "Proxy pairing, spacedrive profile: voucher-derived proxied keys under "
                    + "k(V,N), sealed under k(V,R); the attacker as a paired device (issue 14)",
                    VouchModel.DEFAULT_SESSIONS, SpacedriveModelMutant.class, VouchModel::spacedrive),
            entry("needham-schroeder", "Needham-Schroeder public key (1978): Lowe's attack must be found", 1,
                    NoMutant.class, (k, m) -> NeedhamSchroeder.model(false, k)),
            entry("needham-schroeder-lowe", "Lowe's fix of Needham-Schroeder (1995): must pass", 1,
                    NoMutant.class, (k, m) -> NeedhamSchroeder.model(true, k)));

    private ProtocolModels() {
    }

    public static List<ProtocolModel> all() {
        return ALL;
    }

    public static Optional<ProtocolModel> byName(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private static <E extends Enum<E> & ModelMutant> ProtocolModel entry(String name, String summary,
            int defaultSessions, Class<E> mutants, BiFunction<Integer, E, Model> factory) {
        return new ProtocolModel() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String summary() {
                return summary;
            }

            @Override
            public int defaultSessions() {
                return defaultSessions;
            }

            @Override
            public List<String> mutants() {
                return Arrays.stream(mutants.getEnumConstants()).map(ModelMutant::id).toList();
            }

            @Override
            public String breaks(String mutant) {
                return mutant(mutant).breaks();
            }

            @Override
            public Model build(int sessions, String mutant) {
                if (sessions < 1) {
                    throw new IllegalArgumentException("sessions must be at least 1");
                }
                return factory.apply(sessions, mutant == null ? null : mutant(mutant));
            }

            private E mutant(String id) {
                return ModelMutant.byId(mutants, id).orElseThrow(() -> new IllegalArgumentException(
                        name + " has no mutant " + id));
            }
        };
    }

    /** For models without mutants. */
    private enum NoMutant implements ModelMutant {
        ;

        @Override
        public String id() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String breaks() {
            throw new UnsupportedOperationException();
        }
    }
}
