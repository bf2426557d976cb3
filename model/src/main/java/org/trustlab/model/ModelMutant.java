package org.trustlab.model;

import java.util.Arrays;
import java.util.Optional;

/** A deliberately broken variant of a protocol model, named, with the property it is known to break. */
public interface ModelMutant {
    /** The name used on the command line, e.g. {@code no-nonce}. */
    String id();

    /** The property (as the checker names it) this mutant must fail. */
    String breaks();

    static <E extends Enum<E> & ModelMutant> Optional<E> byId(Class<E> type, String id) {
        return Arrays.stream(type.getEnumConstants()).filter(m -> m.id().equals(id)).findFirst();
    }
}
