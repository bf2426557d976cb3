package org.trustlab.simulator.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trustlab.reference.core.Role;
import org.trustlab.reference.core.WireCodec;

/**
 * How the simulator hosts one protocol. One implementation per protocol, in {@code simulator/.../<protocol>/}.
 * A binding is stateless: the registry keeps one instance per JVM and every run shares it, so all per-run state
 * lives in the roles it creates.
 *
 * @param <M> the protocol's message type (usually a sealed interface of records)
 */
public interface ProtocolBinding<M> {

    /** The name scenarios use in {@code protocol:}: {@code autojoin}, {@code vouch}, {@code ping}. */
    String name();

    /** Canonical encoding both ways; decoding never throws. Every message crosses the simulated wire as bytes. */
    WireCodec<M> codec();

    /**
     * The role a scenario device runs. Bad config: throw {@link ScenarioException} with the YAML path (use
     * {@link DeviceSpec#config()}'s {@link ConfigView#error} or {@link BindingContext#setupView()}), and the
     * scenario loader adds {@code file:line:column}.
     */
    Role<M> createRole(DeviceSpec device, BindingContext ctx);

    /**
     * The words its scenarios may use (user actions and their arguments, outcomes, audit types, reason codes,
     * invariants, message names, forgeries). The scenario loader refuses any other with the closest known one.
     */
    Vocabulary vocabulary();

    /**
     * The trace fields and user-action arguments that hold a low-entropy secret, each to what it is
     * ({@code password} → {@code password}, vouch's {@code code} → {@code pairing code}). The simulator writes their
     * values into the trace only as {@link LowEntropySecret#shown}: the roles and the users still see the secret, the
     * trace (and every file made from it) never does.
     */
    default Map<String, String> lowEntropyFields() {
        return Map.of();
    }

    /**
     * The other names {@code device} goes by in this protocol's audit events and outcomes (e.g. its client id), so
     * that an expectation's {@code peer: phone} matches an audit that names the phone that way. May be empty.
     */
    default Set<String> aliases(String device, BindingContext ctx) {
        return Set.of();
    }

    /**
     * The attacker builds a message from what it knows (a scripted {@code inject} step, or a move of the random
     * strategy). {@code spec} is the step's {@code message:} map. An unknown spec: throw {@link ScenarioException}.
     * A message that needs a key the attacker does not hold at this time: throw {@link ForgeryRefused}, never sign
     * with another key in its stead (the run records the step as one the attacker could not make).
     */
    M forge(Map<String, Object> spec, AttackerContext<M> ctx);

    /**
     * Dolev-Yao analysis: the secrets the attacker learns by seeing this message with what it already knows
     * (compromised keys, its own keys). Recorded as ATTACKER {@code learned} trace events, which the secrecy
     * invariants read.
     */
    default List<LearnedSecret> analyze(M message, AttackerContext<M> ctx) {
        return List.of();
    }

    /**
     * What a compromise of {@code device}'s keys of {@code generation} hands over, in the protocol's own terms
     * (e.g. {@code key-fingerprint}), added to the ATTACKER {@code compromise} trace event: invariants must know
     * which keys the attacker holds even for a device that never used them in the trace. May be empty.
     */
    default Map<String, String> compromisedKeyFacts(String device, int generation, BindingContext ctx) {
        return Map.of();
    }

    /**
     * The world's facts of one run, read from the scenario (configured limits, set-up keys and grants) and from
     * the users' actions, never from a role: what invariants judge the roles' audits against. One per run.
     */
    default WorldFacts worldFacts(BindingContext ctx) {
        return WorldFacts.NONE;
    }

    /**
     * The users of one run: what they see on their devices' screens and how they carry out the scenario's actions
     * (e.g. a user who compares pairing codes types the code the other device shows). One per run.
     */
    default Users users(BindingContext ctx) {
        return Users.AS_SCRIPTED;
    }

    /**
     * What {@code message} says, as the simulator reads it off the wire, for the SEND and DELIVER trace events that
     * carry it ({@code wire-} keys, e.g. {@code wire-session}, {@code wire-nonce}): the record of what a device
     * actually sent or received, which invariants judge a device's claims against instead of its own audit. Public
     * fields only, never a secret or a value derived from one. May be empty.
     */
    default Map<String, String> wireFacts(M message) {
        return Map.of();
    }

    /**
     * Forgeries worth trying for the randomized attacker: each entry is a {@code message:} map that
     * {@link #forge} understands. May be empty.
     */
    default List<Map<String, Object>> forgeryMenu() {
        return List.of();
    }

    /**
     * One entry of a forgery menu, keys in the order given. Not {@code Map.of}: its iteration order changes from one
     * JVM to the next, and menu entries end up in generated scenarios and so in the files campaigns write.
     */
    static Map<String, Object> forgery(String... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }
}
