package org.trustlab.model;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import org.trustlab.model.dsl.Model;
import org.trustlab.model.nspk.NeedhamSchroeder;

/**
 * The textbook models {@code trustlab check} knows besides the protocols' own (each protocol module supplies its
 * model through {@link #of}), and the factory that turns a model and its mutant enum into a {@link ProtocolModel}.
 */
public final class ProtocolModels {
    private static final List<ProtocolModel> TEXTBOOK = List.of(
            of("needham-schroeder", "Needham-Schroeder public key (1978): Lowe's attack must be found", 1,
                    NoMutant.class, (k, m) -> NeedhamSchroeder.model(false, k)),
            of("needham-schroeder-lowe", "Lowe's fix of Needham-Schroeder (1995): must pass", 1,
                    NoMutant.class, (k, m) -> NeedhamSchroeder.model(true, k)));

    private ProtocolModels() {
    }

    /** The textbook models (Needham-Schroeder and Lowe's fix), which belong to no trustlab protocol. */
    public static List<ProtocolModel> textbook() {
        return TEXTBOOK;
    }

    /** A model named {@code name} built by {@code factory} for a number of sessions and a mutant (null: none). */
    public static <E extends Enum<E> & ModelMutant> ProtocolModel of(String name, String summary,
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
