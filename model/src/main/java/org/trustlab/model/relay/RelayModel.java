package org.trustlab.model.relay;

import static org.trustlab.model.term.Terms.aenc;
import static org.trustlab.model.term.Terms.hash;
import static org.trustlab.model.term.Terms.k;
import static org.trustlab.model.term.Terms.pk;
import static org.trustlab.model.term.Terms.senc;
import static org.trustlab.model.term.Terms.sign;
import static org.trustlab.model.term.Terms.sk;
import static org.trustlab.model.term.Terms.tag;
import static org.trustlab.model.term.Terms.tuple;

import java.util.List;
import java.util.Optional;
import org.trustlab.model.dsl.Bindings;
import org.trustlab.model.dsl.Model;
import org.trustlab.model.dsl.Property;
import org.trustlab.model.dsl.Role;
import org.trustlab.model.dsl.Run;
import org.trustlab.model.term.Agent;
import org.trustlab.model.term.Name;
import org.trustlab.model.term.Term;
import org.trustlab.model.term.Var;

/**
 * The symbolic model of the signaling relay's registration slots (seed: relay-tofu-slots.txt, issue 17):
 *
 * <pre>
 *   pairing (owner-authorized only, over the token's Noise channel, k(A,O) here):
 *     AgentInfo         A -> O : senc(k(A,O), (AgentInfo, machine_id, h(registration_secret)))
 *     PairingStatement  O -> A : senc(k(A,O), sign(sk(O), (tag, machine_id, h(registration_secret))))
 *   registration (over TLS to the relay, aenc(pk(R), ...) here):
 *     Register          A -> R : aenc(pk(R), (Register, owner_id, machine_id, registration_secret[, statement]))
 *     RegisterAnswer    R -> A : sign(sk(R), (Registered, slot, h(registration_secret)))  or  (Refused, reason)
 * </pre>
 *
 * A slot is (owner_id, machine_id), owner_id being the owner's public key pk(O). The relay handles a registration
 * in two steps that other registrations interleave with: it checks the presented proof against the slot table
 * and accepts the connection (an await point, the message {@code Accept}), then checks again under the lock and
 * learns the proof if the slot is still open. A slot with no learned proof is open: its first registrant's secret
 * is learned (trust on first use); in owner-authorized mode that first registration must carry the owner's
 * signature over the machine_id and the secret's hash, which the agent got at pairing.
 *
 * <p>The attacker knows owner_id and machine_id (public) and has its own relay connections: it registers first
 * (the squat), guesses, replaces. In owner-authorized mode it also holds the owner's statement for a machine of
 * its own, {@code mI} (a device the owner paired that went bad). The relay serves the owner O's slots only:
 * slots are independent in the model (its proof store is not bounded), so other owners' slots add states, not
 * attacks. The proof store's bound, eviction and flap counter, alerts and the data plane are the simulator's, and
 * so are owner ids that are not keys (which fall back to TOFU): owner_id is a key here.
 *
 * <p>Properties: {@link #SLOT_INTEGRITY} and {@link #SQUAT_AVAILABILITY} (see {@link RelayProperties}), and
 * {@code reachable(slot)}: the real agent's registration can succeed, so neither holds vacuously.
 */
public final class RelayModel {
    public static final Agent OWNER = new Agent("O");
    /** The machine the real agent runs on. */
    public static final Agent HOST = new Agent("A");
    public static final Agent RELAY = new Agent("R");
    public static final Agent INTRUDER = new Agent("I");

    public static final String MACHINE_ID = "machine-id";
    /** The real agent's machine. */
    public static final Name MACHINE = new Name(MACHINE_ID, "m1");
    /** Owner-authorized: the machine of the attacker's paired device. */
    public static final Name ATTACKER_MACHINE = new Name(MACHINE_ID, "mI");

    /** Running, by the agent with the relay, on (slot, registration_secret): it registers that secret. */
    public static final String CLAIM_REGISTRATION = "registration";
    /** Commit, by the agent with the relay, on the slot: the relay answered that it holds the slot. */
    public static final String CLAIM_SLOT = "slot";
    /** Fact: the relay's check before accepting the connection, (slot, registration_secret, verdict). */
    public static final String FACT_PROOF_CHECK = "proof-check";
    /** Fact: the relay's check under the lock and what it wrote, (slot, registration_secret, outcome). */
    public static final String FACT_SLOT_TABLE = "slot-table";

    public static final String SLOT_INTEGRITY = "slot-integrity";
    public static final String SQUAT_AVAILABILITY = "squat-availability";

    public static final String VERDICT = "verdict";
    public static final Name OK = new Name(VERDICT, "ok");
    /** Under the lock: the slot was open and the presented proof is now its proof. */
    public static final Name LEARNED = new Name(VERDICT, "learned");
    /** Under the lock: the slot holds the presented proof already. */
    public static final Name MATCHED = new Name(VERDICT, "matched");
    public static final Name PROOF_MISMATCH = new Name(VERDICT, "PROOF_MISMATCH");
    public static final Name PROOF_RACE_LOST = new Name(VERDICT, "PROOF_RACE_LOST");
    public static final Name OWNER_SIGNATURE_INVALID = new Name(VERDICT, "OWNER_SIGNATURE_INVALID");

    /**
     * Installs of the real agent's machine (each paired with its own registration_secret) when no number is asked
     * for: owner-authorized mode needs two for a race, since the attacker cannot open a slot there.
     */
    public static final int DEFAULT_SESSIONS = 2;

    /** The domain tag of the owner's statement, as the reference signs it. */
    public static final Name AUTHORIZATION_TAG = tag("trustlab/relay/registration-authorization/v1");
    private static final Name AGENT_INFO = tag("AgentInfo");
    private static final Name REGISTER = tag("Register");
    private static final Name REGISTERED = tag("Registered");
    private static final Name REFUSED = tag("Refused");
    /** The connection's acceptance (the WebSocket upgrade): the await point between the two checks. */
    private static final Name ACCEPT = tag("Accept");

    // The roles' variables, named as the source names them.
    public static final Var AGENT = Var.agent("agent");
    public static final Var OWNER_ID = Var.agent("owner");
    public static final Var RELAY_ID = Var.agent("relay");
    public static final Var MACHINE_ID_VAR = Var.name("machine_id", MACHINE_ID);
    public static final Var SECRET = Var.nonce("registration_secret");
    /**
     * What the owner's statement that the relay receives says. A registration carries a signature by the owner's
     * key: the attacker replays one it holds (its own device's, in owner-authorized mode). One without any
     * statement is refused on an open slot as a wrong one is, and on a claimed slot the statement is not read, so
     * leaving it out adds states, not attacks.
     */
    public static final Var STATEMENT = Var.msg("statement");
    /** The owner's side of pairing: the secret behind the commitment it signs (it only ever sees the hash). */
    private static final Var COMMITTED = Var.nonce("committed");
    private static final Var FIRST = Var.name("first_check", VERDICT);
    private static final Var UNDER_LOCK = Var.name("under_lock", VERDICT);
    private static final Var ANSWER = Var.msg("answer");

    /** The relay's registration mode. */
    public enum Mode {
        TOFU, OWNER_AUTHORIZED
    }

    /**
     * How the relay and the owner behave: as specified, or with one defect of a mutant. {@code secondCheck}: the
     * proof is checked again under the lock that learns it; {@code learnsOnlyFirst}: only an open slot's first
     * registrant's proof is learned; {@code statementNamesMachine}: the owner's statement names the machine_id;
     * {@code signatureChecked}: owner-authorized mode verifies that statement.
     */
    record Variant(Mode mode, boolean secondCheck, boolean learnsOnlyFirst, boolean statementNamesMachine,
            boolean signatureChecked) {
        static Variant of(Mode mode) {
            return new Variant(mode, true, true, true, true);
        }

        boolean ownerAuthorized() {
            return mode == Mode.OWNER_AUTHORIZED;
        }
    }

    /** Why the tofu profile fails availability: the source's documented residual risk. */
    public static final String TOFU_SQUAT = "trust on first use: whoever registers a slot first sets its "
            + "registration_secret, and owner_id and machine_id are public, so a squatter who registers before the "
            + "real agent locks it out until an operator intervenes (the source's documented availability risk; "
            + "owner-authorized closes it)";

    private RelayModel() {
    }

    /** The relay as shipped (trust on first use), {@code sessions} pairings of the real agent's machine. */
    public static Model tofu(int sessions) {
        return tofu(sessions, null);
    }

    public static Model tofu(int sessions, RelayModelMutant mutant) {
        return tofu(sessions, mutant, List.of());
    }

    /** With {@code probes}, extra properties a test states to show that a step is reached. */
    static Model tofu(int sessions, RelayModelMutant mutant, List<Property> probes) {
        Variant v = mutant == null ? Variant.of(Mode.TOFU) : mutant.apply(Variant.of(Mode.TOFU));
        return world("relay" + (mutant == null ? "" : "/" + mutant.id()), v, sessions, probes);
    }

    /** The fix: the first registration of a slot needs the owner's statement, handed to the agent at pairing. */
    public static Model ownerAuthorized(int sessions) {
        return ownerAuthorized(sessions, null);
    }

    public static Model ownerAuthorized(int sessions, OwnerAuthorizedModelMutant mutant) {
        return ownerAuthorized(sessions, mutant, List.of());
    }

    static Model ownerAuthorized(int sessions, OwnerAuthorizedModelMutant mutant, List<Property> probes) {
        Variant base = Variant.of(Mode.OWNER_AUTHORIZED);
        Variant v = mutant == null ? base : mutant.apply(base);
        return world("relay-owner-authorized" + (mutant == null ? "" : "/" + mutant.id()), v, sessions, probes);
    }

    /**
     * {@code sessions} installs of the real agent on machine m1 (each paired by the owner in owner-authorized
     * mode, each with its own registration_secret: a machine paired again after a reinstall), and one relay
     * connection more than installs, so the attacker always has one of its own beside every agent's.
     */
    private static Model world(String name, Variant v, int sessions, List<Property> probes) {
        if (sessions < 1) {
            throw new IllegalArgumentException("at least one session");
        }
        Model.Builder m = Model.builder(name)
                .honest(OWNER, HOST, RELAY)
                .dishonest(INTRUDER)
                .names(MACHINE);
        if (v.ownerAuthorized()) {
            // The attacker's device was paired by the owner for its own machine: it holds a statement for a
            // secret it chose, which must not claim anyone else's slot.
            m.names(ATTACKER_MACHINE)
                    .attackerKnows(sign(sk(OWNER), statement(v, ATTACKER_MACHINE, hash(Model.ATTACKER_NONCE))));
        }
        Role agent = agent(v);
        Role owner = owner(v);
        Role relay = relay(v);
        for (int i = 0; i < sessions; i++) {
            m.run(Run.of(agent, HOST).with(OWNER_ID, OWNER).with(RELAY_ID, RELAY).with(MACHINE_ID_VAR, MACHINE));
            if (v.ownerAuthorized()) {
                m.run(Run.of(owner, OWNER).with(AGENT, HOST).with(MACHINE_ID_VAR, MACHINE));
            }
        }
        for (int i = 0; i <= sessions; i++) {
            m.run(Run.of(relay, RELAY));
        }
        if (!v.ownerAuthorized()) {
            m.finding(SQUAT_AVAILABILITY, TOFU_SQUAT);
        }
        probes.forEach(m::property);
        return m.property(RelayProperties.slotIntegrity())
                .property(RelayProperties.squatAvailability())
                .property(Property.reachable(CLAIM_SLOT))
                .build();
    }

    /** The statement the owner signs at pairing: domain tag, machine_id (unless a mutant drops it), commitment. */
    static Term statement(Variant v, Term machine, Term commitment) {
        return v.statementNamesMachine() ? tuple(AUTHORIZATION_TAG, machine, commitment)
                : tuple(AUTHORIZATION_TAG, commitment);
    }

    static Term slot(Term owner, Term machine) {
        return tuple(pk(owner), machine);
    }

    /**
     * The agent: a fresh registration_secret (32 random bytes), in owner-authorized mode the owner's statement over
     * its hash from pairing, then one registration and the relay's answer.
     */
    private static Role agent(Variant v) {
        Term slot = slot(OWNER_ID, MACHINE_ID_VAR);
        Term statement = sign(sk(OWNER_ID), statement(v, MACHINE_ID_VAR, hash(SECRET)));
        Role.Builder b = Role.named("Agent", AGENT, OWNER_ID, RELAY_ID, MACHINE_ID_VAR).fresh(SECRET);
        Term register;
        if (v.ownerAuthorized()) {
            // Only the commitment passes through pairing, never the secret.
            b.send("AgentInfo", senc(k(AGENT, OWNER_ID), tuple(AGENT_INFO, MACHINE_ID_VAR, hash(SECRET))))
                    .recv("PairingStatement", senc(k(AGENT, OWNER_ID), statement));
            register = tuple(REGISTER, pk(OWNER_ID), MACHINE_ID_VAR, SECRET, statement);
        } else {
            register = tuple(REGISTER, pk(OWNER_ID), MACHINE_ID_VAR, SECRET);
        }
        return b.running(CLAIM_REGISTRATION, AGENT, RELAY_ID, tuple(slot, SECRET))
                .send("Register", aenc(pk(RELAY_ID), register))
                .recv("RegisterAnswer", sign(sk(RELAY_ID), tuple(REGISTERED, slot, hash(SECRET))))
                .commit(CLAIM_SLOT, AGENT, RELAY_ID, slot)
                .build();
    }

    /** The owner at pairing: signs the statement for the machine it pairs, over the commitment it is shown. */
    private static Role owner(Variant v) {
        return Role.named("Owner", OWNER_ID, AGENT, MACHINE_ID_VAR)
                .recv("AgentInfo", senc(k(AGENT, OWNER_ID), tuple(AGENT_INFO, MACHINE_ID_VAR, hash(COMMITTED))))
                .send("PairingStatement", senc(k(AGENT, OWNER_ID),
                        sign(sk(OWNER_ID), statement(v, MACHINE_ID_VAR, hash(COMMITTED)))))
                .build();
    }

    /**
     * The relay's handler for one connection: check, accept (await), check again under the lock and learn, answer.
     * Each check's verdict is recorded as a fact in the step that makes it, and a refusal stops the run in the
     * next step, so that refusals stay visible to the properties.
     */
    private static Role relay(Variant v) {
        Term slot = slot(OWNER, MACHINE_ID_VAR);
        Term register = v.ownerAuthorized()
                ? tuple(REGISTER, pk(OWNER), MACHINE_ID_VAR, SECRET, sign(sk(OWNER), STATEMENT))
                : tuple(REGISTER, pk(OWNER), MACHINE_ID_VAR, SECRET);
        return Role.named("Relay", RELAY_ID)
                .recv("Register", aenc(pk(RELAY_ID), register))
                .let(FIRST, b -> firstCheck(v, b))
                .fact(FACT_PROOF_CHECK, RELAY_ID, tuple(slot, SECRET, FIRST))
                .recv("Accept", ACCEPT)
                .require("REFUSED_BEFORE_ACCEPT", b -> b.get(FIRST).equals(OK), FIRST)
                .let(UNDER_LOCK, b -> underLock(v, b))
                .fact(FACT_SLOT_TABLE, RELAY_ID, tuple(slot, SECRET, UNDER_LOCK))
                .let(ANSWER, b -> answer(b))
                .send("RegisterAnswer", ANSWER)
                .build();
    }

    private static Optional<Term> held(Bindings b) {
        return SlotTable.proof(b.facts(FACT_SLOT_TABLE, b.get(RELAY_ID)), slot(OWNER, b.get(MACHINE_ID_VAR)));
    }

    /** Before the connection is accepted: the presented proof against the slot's, or the owner's statement. */
    private static Term firstCheck(Variant v, Bindings b) {
        Optional<Term> held = held(b);
        Term presented = b.get(SECRET);
        if (held.isEmpty()) {
            if (!v.ownerAuthorized() || !v.signatureChecked()) {
                return OK;
            }
            Term expected = statement(v, b.get(MACHINE_ID_VAR), hash(presented));
            return b.get(STATEMENT).equals(expected) ? OK : OWNER_SIGNATURE_INVALID;
        }
        // A relay that learns every registration's proof before comparing compares the proof with itself.
        if (!v.learnsOnlyFirst()) {
            return OK;
        }
        return held.get().equals(presented) ? OK : PROOF_MISMATCH;
    }

    /** Under the lock that learns: the slot may have been claimed since the first check. */
    private static Term underLock(Variant v, Bindings b) {
        if (!v.secondCheck() || !v.learnsOnlyFirst()) {
            return LEARNED;
        }
        Optional<Term> held = held(b);
        if (held.isEmpty()) {
            return LEARNED;
        }
        return held.get().equals(b.get(SECRET)) ? MATCHED : PROOF_RACE_LOST;
    }

    private static Term answer(Bindings b) {
        Term outcome = b.get(UNDER_LOCK);
        if (outcome.equals(PROOF_RACE_LOST)) {
            return tuple(REFUSED, outcome);
        }
        return sign(sk(b.get(RELAY_ID)), tuple(REGISTERED, slot(OWNER, b.get(MACHINE_ID_VAR)),
                hash(b.get(SECRET))));
    }
}
