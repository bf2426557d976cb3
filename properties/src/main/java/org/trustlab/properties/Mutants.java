package org.trustlab.properties;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Lists a reference mutant enum as catalogue {@link Mutant}s: the enum carries each one's words and breaks. */
public final class Mutants {
    private Mutants() {}

    public static <E extends Enum<E>> List<Mutant> of(String protocol, Class<E> mutants, Function<E, String> name,
            Function<E, String> description, Function<E, List<String>> breaks) {
        return Arrays.stream(mutants.getEnumConstants())
                .map(m -> new Mutant(name.apply(m), protocol, description.apply(m), breaks.apply(m)))
                .toList();
    }
}
