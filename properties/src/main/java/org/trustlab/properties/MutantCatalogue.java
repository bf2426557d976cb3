package org.trustlab.properties;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every mutant of every registered protocol module: its name (as the reference's mutant enum spells it), what it
 * breaks in words, and the invariants it must break. The mutant campaign test runs each one and checks that the
 * campaign finds and shrinks a violation of one of them.
 */
public final class MutantCatalogue {
    private static final List<Mutant> ALL = ProtocolModules.all().stream()
            .flatMap(m -> m.mutants().stream()).toList();

    private MutantCatalogue() {}

    public static List<Mutant> all() {
        return ALL;
    }

    public static List<Mutant> forProtocol(String protocol) {
        return ALL.stream().filter(m -> m.protocol().equals(protocol)).toList();
    }

    public static Optional<Mutant> find(String name) {
        return ALL.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(Mutant::name).toList();
    }

    /** Invariant ids no mutant breaks: each is an untested invariant (a test keeps this empty). */
    public static Set<String> invariantsWithoutMutant() {
        Set<String> out = new TreeSet<>();
        InvariantCatalogue.all().forEach(i -> out.add(i.id()));
        ALL.forEach(m -> m.breaks().forEach(out::remove));
        return out;
    }
}
