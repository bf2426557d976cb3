package org.trustlab.properties;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.trustlab.properties.autojoin.AutoJoinMutantMap;
import org.trustlab.properties.ping.PingInvariants;
import org.trustlab.reference.autojoin.AutoJoinMutant;

/**
 * Every mutant of every protocol: its name (as the reference's mutant enum spells it), what it breaks in words, and
 * the invariants it must break (from the protocol's mutant map in {@code properties/.../<protocol>}). The mutant
 * campaign test runs each one and checks that the campaign finds and shrinks a violation of one of them.
 */
public final class MutantCatalogue {
    private static final List<Mutant> ALL = build();

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

    private static List<Mutant> build() {
        List<Mutant> out = new ArrayList<>();
        out.addAll(autojoin());
        out.addAll(org.trustlab.properties.vouch.VouchMutantMap.mutants());
        out.add(new Mutant("ping.accept-any-pong", PingInvariants.PROTOCOL,
                "(demo protocol) accepts a pong that answers no outstanding ping, so duplicates and replays pass",
                List.of(PingInvariants.PONG_ANSWERS_PING)));
        return List.copyOf(out);
    }

    private static List<Mutant> autojoin() {
        Map<AutoJoinMutant, Set<String>> breaks = new TreeMap<>();
        for (AutoJoinMutantMap.Entry e : AutoJoinMutantMap.entries()) {
            breaks.computeIfAbsent(e.mutant(), k -> new LinkedHashSet<>()).addAll(e.breaks());
        }
        List<Mutant> out = new ArrayList<>();
        for (AutoJoinMutant m : AutoJoinMutant.values()) {
            out.add(new Mutant(m.qualifiedName(), "autojoin", describe(m),
                    List.copyOf(breaks.getOrDefault(m, Set.of()))));
        }
        return out;
    }

    private static String describe(AutoJoinMutant m) {
        switch (m) {
            case NO_REPLAY_CACHE:
                return "the validator forgets which challenges it consumed: a captured response is accepted again";
            case SIGNATURE_OVER_NONCE_ONLY:
                return "requester and validator sign and verify the nonce alone, not the whole challenge";
            case KEY_FROM_REQUEST:
                return "the validator verifies with, and encrypts the session key to, the key the request carries";
            case NO_EXPIRY_CHECK:
                return "the validator never compares the challenge's expiry with its clock";
            case REVOCATION_CHECKED_AT_CHALLENGE_ONLY:
                return "the grant is checked when the challenge is issued, not again when the response arrives";
            case SKIP_BINDING_CHECK:
                return "the validator trusts the challenge fields echoed in the response, not the ones it stored";
            case NO_RESTART_EPOCH:
                return "issued challenges survive a restart but consumed marks do not: a restart reopens replay";
            default:
                return m.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    /** Invariant ids no mutant breaks: each is an untested invariant (a test keeps this empty). */
    public static Set<String> invariantsWithoutMutant() {
        Set<String> out = new java.util.TreeSet<>();
        InvariantCatalogue.all().forEach(i -> out.add(i.id()));
        ALL.forEach(m -> m.breaks().forEach(out::remove));
        return out;
    }
}
