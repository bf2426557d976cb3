package org.trustlab.simulator.protocol;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.trustlab.reference.core.ReasonCode;

/**
 * The words a scenario of one protocol may use, declared by its binding so the loader refuses a misspelt name with
 * its {@code file:line:column} instead of running a scenario that silently does nothing: a user action the roles do
 * not know is only logged as {@code user-action-ignored}, and an expectation over an outcome that cannot occur is
 * trivially met when it says {@code never}.
 *
 * <p>{@code invariants} are the catalogue's ids as strings: the catalogue lives in {@code properties}, which the
 * simulator cannot see, and a test there checks these against it so the two cannot drift apart.
 *
 * @param outcomes    outcome kinds ({@code auto-join}, {@code proxy-pairing})
 * @param audits      audit event types
 * @param reasons     reason codes
 * @param fields      field names of audit events and outcomes, for an expectation's {@code fields:}
 * @param matchFields what the expectation keys {@code session}, {@code peer} and {@code target} match: the
 *                    protocol's field name for each (autojoin's session is {@code session}, vouch's
 *                    {@code session-id}); a key a protocol has no field for is absent
 * @param invariants  invariant and trace-check ids an expectation may name
 * @param actions     user action name to the argument keys it reads
 * @param messages    message names an attacker step's {@code match: {tag: ...}} may use (segments of the wire tag)
 * @param forgeries   {@code inject} message {@code type} to the keys its {@code message:} map takes
 */
public record Vocabulary(SortedSet<String> outcomes, SortedSet<String> audits, SortedSet<String> reasons,
        SortedSet<String> fields, SortedMap<String, String> matchFields, SortedSet<String> invariants,
        SortedMap<String, SortedSet<String>> actions, SortedSet<String> messages,
        SortedMap<String, Forgery> forgeries) {

    /** The expectation keys that stand for a protocol's field. */
    public static final Set<String> MATCH_KEYS = Set.of("session", "peer", "target");

    public Vocabulary {
        outcomes = frozen(outcomes);
        audits = frozen(audits);
        reasons = frozen(reasons);
        fields = frozen(fields);
        matchFields = Collections.unmodifiableSortedMap(new TreeMap<>(matchFields));
        invariants = frozen(invariants);
        TreeMap<String, SortedSet<String>> a = new TreeMap<>();
        actions.forEach((k, v) -> a.put(k, frozen(v)));
        actions = Collections.unmodifiableSortedMap(a);
        messages = frozen(messages);
        forgeries = Collections.unmodifiableSortedMap(new TreeMap<>(forgeries));
        for (String k : matchFields.keySet()) {
            if (!MATCH_KEYS.contains(k)) {
                throw new IllegalArgumentException("match field '" + k + "' is not one of " + MATCH_KEYS);
            }
        }
    }

    /**
     * What an {@code inject} step's {@code message:} of one type may hold. {@code signers} are the keys among them
     * whose value names a signing key ({@code attacker}, or {@code device} / {@code device@generation}): the loader
     * refuses a signature with a key the attacker does not hold at that time.
     */
    public record Forgery(SortedSet<String> keys, SortedSet<String> signers) {
        public Forgery {
            keys = frozen(keys);
            signers = frozen(signers);
            if (!keys.containsAll(signers)) {
                throw new IllegalArgumentException("signer keys " + signers + " must be among " + keys);
            }
        }

        public static Forgery of(String... keys) {
            return new Forgery(new TreeSet<>(Arrays.asList(keys)), new TreeSet<>());
        }

        /** The same keys, {@code signer} among them naming the signing key. */
        public Forgery signedBy(String signer) {
            TreeSet<String> s = new TreeSet<>(signers);
            s.add(signer);
            return new Forgery(keys, s);
        }
    }

    /** The reason codes of the given enums (a protocol's own and the shared ones). */
    @SafeVarargs
    public static SortedSet<String> codes(Class<? extends ReasonCode>... enums) {
        TreeSet<String> out = new TreeSet<>();
        for (Class<? extends ReasonCode> e : enums) {
            for (ReasonCode r : e.getEnumConstants()) {
                out.add(r.code());
            }
        }
        return out;
    }

    /** The simple names of a sealed message interface's records: the names their wire tags carry. */
    public static SortedSet<String> messageNames(Class<?> sealedMessages) {
        TreeSet<String> out = new TreeSet<>();
        for (Class<?> c : Objects.requireNonNull(sealedMessages.getPermittedSubclasses(), "not sealed")) {
            out.add(c.getSimpleName());
        }
        return out;
    }

    public static SortedSet<String> words(String... words) {
        return new TreeSet<>(Arrays.asList(words));
    }

    private static SortedSet<String> frozen(Collection<String> s) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(s));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads as the declaration it is: {@code .action("auto-join", "session", "validator", "purpose")}. */
    public static final class Builder {
        private final TreeSet<String> outcomes = new TreeSet<>();
        private final TreeSet<String> audits = new TreeSet<>();
        private final TreeSet<String> reasons = new TreeSet<>();
        private final TreeSet<String> fields = new TreeSet<>();
        private final TreeMap<String, String> matchFields = new TreeMap<>();
        private final TreeSet<String> invariants = new TreeSet<>();
        private final TreeMap<String, SortedSet<String>> actions = new TreeMap<>();
        private final TreeSet<String> messages = new TreeSet<>();
        private final TreeMap<String, Forgery> forgeries = new TreeMap<>();

        public Builder outcomes(Collection<String> names) {
            outcomes.addAll(names);
            return this;
        }

        public Builder audits(Collection<String> names) {
            audits.addAll(names);
            return this;
        }

        public Builder reasons(Collection<String> codes) {
            reasons.addAll(codes);
            return this;
        }

        public Builder fields(Collection<String> names) {
            fields.addAll(names);
            return this;
        }

        /** {@code session}, {@code peer} or {@code target} in an expectation matches the trace field {@code field}. */
        public Builder matchField(String key, String field) {
            matchFields.put(key, field);
            fields.add(field);
            return this;
        }

        public Builder invariants(Collection<String> ids) {
            invariants.addAll(ids);
            return this;
        }

        public Builder action(String name, String... argKeys) {
            actions.put(name, words(argKeys));
            return this;
        }

        public Builder messages(Collection<String> names) {
            messages.addAll(names);
            return this;
        }

        public Builder forgery(String type, Forgery keys) {
            forgeries.put(type, keys);
            return this;
        }

        public Vocabulary build() {
            return new Vocabulary(outcomes, audits, reasons, fields, matchFields, invariants, actions, messages,
                    forgeries);
        }
    }
}
