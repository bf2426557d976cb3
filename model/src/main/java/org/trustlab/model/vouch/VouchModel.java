package org.trustlab.model.vouch;

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
import java.util.Set;
import org.trustlab.model.dsl.ClaimKind;
import org.trustlab.model.dsl.Model;
import org.trustlab.model.dsl.Property;
import org.trustlab.model.dsl.Role;
import org.trustlab.model.dsl.Run;
import org.trustlab.model.term.Agent;
import org.trustlab.model.term.Name;
import org.trustlab.model.term.Term;
import org.trustlab.model.term.Var;

/**
 * The symbolic model of Spacedrive's proxy pairing (seed: vouching-proxy-pairing.txt, issue 8), hardened profile:
 *
 * <pre>
 *   ProxyPairingRequest    V -> R : sid, N, pk(N), V, sign(sk(V), (N, pk(N), ts, sid, R, V)), ts
 *   ProxyPairingResponse   R -> V : sid, R, accepted, aenc(pk(N), K), sign(sk(R), (sid, R, N, V, aenc(...)))
 * </pre>
 *
 * Direct pairings are the initial trust: V is directly paired with the receivers R1 and R2 and with the vouchee
 * N, and N with its own device X. V vouches N to R1 only (the user picked R1). A receiver accepts when the voucher
 * is a directly paired device, the signature verifies with the voucher's key, the timestamp is within
 * {@code vouch_signature_max_age} on its own clock, the vouchee is neither itself nor already paired and the vouch
 * was not consumed before; it then stores the vouchee as Proxied and picks a fresh proxied key for it, encrypted
 * to the vouchee's key (standing in for the hardened profile's X25519 agreement, which the voucher never learns).
 * N, once Proxied on R1, also tries to vouch X to R1: a second hop, which R1 must refuse.
 *
 * <p>Claims: V is Running vouch with R on (N, pk(N), sid, R) when it signs; R Commits vouch with V on what it
 * accepted (with itself as the target); R claims the proxied key secret with N.
 */
public final class VouchModel {
    public static final Agent VOUCHER = new Agent("V");
    public static final Agent RECEIVER = new Agent("R1");
    public static final Agent OTHER_RECEIVER = new Agent("R2");
    public static final Agent VOUCHEE = new Agent("N");
    public static final Agent SECOND_HOP = new Agent("X");
    public static final Agent INTRUDER = new Agent("I");

    public static final String CLAIM_VOUCH = "vouch";
    public static final String CLAIM_PROXIED_KEY = "proxied-key";
    /** Fact: the actor holds the data (an agent) as a Proxied pairing. */
    public static final String FACT_PROXIED = "proxied";
    /** Fact: the actor has consumed the vouch named by the data (voucher, session). */
    public static final String FACT_CONSUMED = "consumed";

    /** {@code vouch_signature_max_age} (300 s), abstracted to one tick. */
    public static final int MAX_AGE = 1;
    public static final int MAX_TIME = 2;
    public static final int DEFAULT_SESSIONS = 2;

    private static final Name PROXY_PAIRING_REQUEST = tag("ProxyPairingRequest");
    private static final Name PROXY_PAIRING_RESPONSE = tag("ProxyPairingResponse");
    private static final Name VOUCH_TAG = tag("trustlab/vouch/vouch-payload/v1");
    private static final Name VOUCH_WITH_TARGET_TAG = tag("trustlab/vouch/vouch-payload-with-target/v1");
    private static final Name RESPONSE_TAG = tag("trustlab/vouch/response-payload/v1");
    private static final Name ACCEPTED = new Name("accepted", "true");

    // The roles' variables, public so that trace validation can say which values a step takes.
    public static final Var V = Var.agent("V");
    public static final Var R = Var.agent("R");
    public static final Var N = Var.agent("N");
    public static final Var SID = Var.nonce("sid");
    public static final Var TS = Var.time("ts");
    public static final Var K = Var.key("K");

    /**
     * Unordered direct pairings, confirmed by the users before any vouching. The attacker's device I is one of
     * V's paired devices: a paired device gone bad, which V vouches to like any other.
     */
    private static final Set<Set<Agent>> DIRECT = Set.of(
            Set.of(VOUCHER, RECEIVER), Set.of(VOUCHER, OTHER_RECEIVER), Set.of(VOUCHER, VOUCHEE),
            Set.of(VOUCHEE, SECOND_HOP), Set.of(VOUCHER, INTRUDER));
    /** Checking only: whose public key the request presents as the vouchee's (signed, so it must be N's). */
    public static final Var VOUCHEE_KEY_OWNER = Var.agent("NK");
    /** Spacedrive: the proxied key as the receiver gets it, sealed by the voucher; it stores it unopened. */
    public static final Var PROXIED = Var.msg("proxied");

    /** A receiver's {@code vouch_signature_max_age} and clock-skew tolerance, in the model's time unit. */
    public interface Timing {
        int maxAge(Term receiver);

        int skew(Term receiver);
    }

    /** The device registries: whether {@code a} holds {@code b} as a Direct pairing, or as any pairing, now. */
    public interface Pairings {
        boolean direct(Term a, Term b);

        boolean paired(Term a, Term b);
    }

    /**
     * How the roles are instantiated. For model checking: fixed direct pairings, Proxied pairings made during the
     * run as facts, a fresh session id per voucher run, no checks on the voucher's side (N's second-hop vouch must
     * be sent for the receiver to refuse it). For trace validation: registries as the trace reports them, the
     * session id the trace names (one session vouches to several targets), and the voucher's own checks (it vouches
     * only a Direct vouchee to a Direct target).
     */
    public record Setting(boolean signsTarget, boolean validation, Timing timing, Pairings pairings,
            Profile profile) {
        public Setting(boolean signsTarget, boolean validation, Timing timing, Pairings pairings) {
            this(signsTarget, validation, timing, pairings, Profile.HARDENED);
        }
    }

    /**
     * Where the proxied key comes from. SPACEDRIVE: the voucher derives it from its pairing secret with the vouchee
     * ({@code h(k(V,N), R, sid)}) and sends it sealed under its channel key with the target ({@code k(V,R)}), so
     * the voucher holds every proxied key. HARDENED: the target makes a fresh one for the vouchee's key only.
     */
    public enum Profile {
        SPACEDRIVE, HARDENED
    }

    /** The two roles. Voucher parameters: V (itself), N (the vouchee), R (the target), and in validation SID. */
    public record Roles(Role voucher, Role receiver) {
    }

    private VouchModel() {
    }

    public static boolean directlyPaired(Term a, Term b) {
        return a instanceof Agent x && b instanceof Agent y && DIRECT.contains(Set.of(x, y));
    }

    public static Model model(int sessions) {
        return model(sessions, null);
    }

    /**
     * {@code sessions} vouching sessions in which V vouches N to R1, as many receiver runs on R1 (plus one for
     * N's second-hop vouch) and on R2, and N's vouch of X to R1; mutant may be null.
     */
    public static Model model(int sessions, VouchModelMutant mutant) {
        Roles roles = roles(mutant, new Setting(mutant != VouchModelMutant.SIGNATURE_WITHOUT_TARGET, false,
                FIXED_TIMING, FIXED_PAIRINGS, Profile.HARDENED));
        return world("vouch" + (mutant == null ? "" : "/" + mutant.id()), sessions, roles, false);
    }

    /**
     * Why the spacedrive profile fails agreement on the target: its signed payload does not name the target and
     * the sealed proxied keys are not tied to the signed vouch, so a paired device that is vouched to (the
     * attacker's I) passes its vouch on to another device paired with the voucher, with proxied keys replayed
     * from another session. The hardened profile signs the target.
     */
    public static final String SPACEDRIVE_REDIRECT = "spacedrive's vouch payload does not name the target: a "
            + "device the voucher vouches to can pass the vouch on to another of the voucher's devices";

    /** The spacedrive profile's model: its payload without the target, its voucher-derived proxied keys. */
    public static Model spacedrive(int sessions) {
        return spacedrive(sessions, null);
    }

    public static Model spacedrive(int sessions, SpacedriveModelMutant mutant) {
        Roles roles = roles(null, new Setting(false, false, FIXED_TIMING, FIXED_PAIRINGS, Profile.SPACEDRIVE),
                mutant);
        return world("vouch-spacedrive" + (mutant == null ? "" : "/" + mutant.id()), sessions, roles, true);
    }

    private static final Timing FIXED_TIMING = new Timing() {
        @Override
        public int maxAge(Term receiver) {
            return MAX_AGE;
        }

        @Override
        public int skew(Term receiver) {
            return 0;
        }
    };

    private static final Pairings FIXED_PAIRINGS = new Pairings() {
        @Override
        public boolean direct(Term a, Term b) {
            return directlyPaired(a, b);
        }

        @Override
        public boolean paired(Term a, Term b) {
            return directlyPaired(a, b);
        }
    };

    /**
     * {@code sessions} vouching sessions in which V vouches N to R1 and one in which it vouches N to its paired
     * device I (the attacker's), as many receiver runs on R1 (plus one for N's second-hop vouch) and on R2, and
     * N's vouch of X to R1.
     */
    private static Model world(String name, int sessions, Roles roles, boolean spacedrive) {
        if (sessions < 1) {
            throw new IllegalArgumentException("at least one session");
        }
        Model.Builder m = Model.builder(name)
                .honest(VOUCHER, RECEIVER, OTHER_RECEIVER, VOUCHEE, SECOND_HOP)
                .dishonest(INTRUDER)
                .names(ACCEPTED)
                .time(MAX_TIME, MAX_TIME);
        for (int i = 0; i < sessions; i++) {
            m.run(Run.of(roles.voucher(), VOUCHER).with(N, VOUCHEE).with(R, RECEIVER));
        }
        m.run(Run.of(roles.voucher(), VOUCHER).with(N, VOUCHEE).with(R, INTRUDER));
        m.run(Run.of(roles.voucher(), VOUCHEE).with(N, SECOND_HOP).with(R, RECEIVER));
        for (int i = 0; i <= sessions; i++) {
            m.run(Run.of(roles.receiver(), RECEIVER));
        }
        for (int i = 0; i < sessions; i++) {
            m.run(Run.of(roles.receiver(), OTHER_RECEIVER));
        }
        if (spacedrive) {
            m.finding("non-injective-agreement(" + CLAIM_VOUCH + ")", SPACEDRIVE_REDIRECT)
                    .finding("injective-agreement(" + CLAIM_VOUCH + ")", SPACEDRIVE_REDIRECT);
        }
        return m.property(Property.agreement(CLAIM_VOUCH))
                .property(Property.injectiveAgreement(CLAIM_VOUCH))
                .property(Property.noReplay(CLAIM_VOUCH))
                .property(Property.freshness(CLAIM_VOUCH, MAX_AGE))
                .property(Property.invariant("no-multi-hop(" + CLAIM_VOUCH + ")",
                        "Every accepted vouch comes from a device directly paired with the receiver.",
                        VouchModel::multiHop))
                .property(Property.secrecy(CLAIM_PROXIED_KEY))
                .property(Property.reachable(CLAIM_VOUCH))
                .build();
    }

    /** The public name the receiver's answer carries when it accepts. */
    public static Name accepted() {
        return ACCEPTED;
    }

    /** The voucher and receiver roles for a setting; mutant may be null. */
    public static Roles roles(VouchModelMutant mutant, Setting setting) {
        return roles(mutant, setting, null);
    }

    private static Roles roles(VouchModelMutant mutant, Setting setting, SpacedriveModelMutant sd) {
        boolean spacedrive = setting.profile() == Profile.SPACEDRIVE;
        boolean timestamped = mutant != VouchModelMutant.NO_TIMESTAMP && sd != SpacedriveModelMutant.NO_TIMESTAMP;
        // Checking names the presented vouchee key by its own variable, so that a payload that does not sign it
        // lets the attacker present another; trace validation reads the vouchee's key from the trace.
        Term voucheeKey = setting.validation() ? pk(N) : pk(VOUCHEE_KEY_OWNER);
        boolean keySigned = mutant != VouchModelMutant.VOUCHEE_KEY_NOT_SIGNED;
        boolean proxiedMayVouch = mutant == VouchModelMutant.PROXIED_MAY_VOUCH;
        boolean validation = setting.validation();
        Timing timing = setting.timing();
        Pairings pairings = setting.pairings();

        Term sentPayload = payload(setting.signsTarget(), timestamped, pk(N), keySigned);
        Term receivedPayload = payload(setting.signsTarget(), timestamped, voucheeKey, keySigned);
        // Spacedrive's proxied key: derived by the voucher, sealed under its channel key with the target.
        Term derived = sd == SpacedriveModelMutant.PROXIED_KEY_FROM_PAIRING_SECRET_ONLY
                ? hash(k(V, N))
                : hash(tuple(k(V, N), R, SID));
        Term sealedSent = sd == SpacedriveModelMutant.PROXIED_KEYS_UNSEALED ? derived : senc(k(V, R), derived);
        Term sealedReceived = sd == SpacedriveModelMutant.PROXIED_KEYS_UNSEALED ? PROXIED : senc(k(V, R), PROXIED);
        Term request = request(timestamped, pk(N), sentPayload, spacedrive ? sealedSent : null);
        Term received = request(timestamped, voucheeKey, receivedPayload, spacedrive ? sealedReceived : null);
        Term vouched = tuple(N, pk(N), SID, R);

        Role.Builder voucher = validation ? Role.named("Voucher", V, N, R, SID) : Role.named("Voucher", V, N, R)
                .fresh(SID);
        if (validation) {
            // Source non-goal: no multi-hop. Only a Direct vouchee is vouched, only to a Direct target.
            voucher.require("VOUCHEE_NOT_DIRECT", b -> pairings.direct(b.get(V), b.get(N)), V, N)
                    .require("TARGET_NOT_DIRECT", b -> pairings.direct(b.get(V), b.get(R)), V, R);
        }
        if (timestamped) {
            voucher.now(TS);
        }
        Role voucherRole = voucher
                .running(CLAIM_VOUCH, V, R, vouched)
                .send("ProxyPairingRequest", request)
                .build();

        Role.Builder receiver = Role.named("Receiver", R)
                .recv("ProxyPairingRequest", received)
                .require("VOUCHER_NOT_DIRECT", b -> pairings.direct(b.get(R), b.get(V))
                        || (proxiedMayVouch && b.hasFact(FACT_PROXIED, b.get(R), b.get(V))), R, V);
        if (timestamped) {
            // Freshness on the receiver's own clock, within its skew tolerance ahead.
            receiver.require("VOUCH_EXPIRED", b -> b.now() - b.ticks(TS) <= timing.maxAge(b.get(R)), R, TS)
                    .require("VOUCH_FROM_FUTURE", b -> b.ticks(TS) - b.now() <= timing.skew(b.get(R)), R, TS);
        }
        receiver
                .require("VOUCHEE_IS_RECEIVER", b -> !b.get(N).equals(b.get(R)), N, R)
                // In validation the registry says what is paired (a Proxied pairing may have been removed since);
                // in checking, the Proxied pairings made during the run are the facts.
                .require("VOUCHEE_ALREADY_PAIRED", b -> !pairings.paired(b.get(R), b.get(N))
                        && (validation || !b.hasFact(FACT_PROXIED, b.get(R), b.get(N))), R, N)
                .require("VOUCH_REPLAYED", b -> !b.hasFact(FACT_CONSUMED, b.get(R), tuple(b.get(V), b.get(SID))),
                        R, V, SID)
                .commit(CLAIM_VOUCH, R, V, vouched)
                .fact(FACT_CONSUMED, R, tuple(V, SID))
                .fact(FACT_PROXIED, R, N);
        if (spacedrive) {
            // The vouchee derives the same key from its own pairing secret with the voucher; the receiver only
            // answers. Secret among the receiver, the vouchee and the voucher.
            receiver.send("ProxyPairingResponse", tuple(PROXY_PAIRING_RESPONSE, SID, R, ACCEPTED,
                            sign(sk(R), tuple(RESPONSE_TAG, SID, R, N, V))))
                    .secret(CLAIM_PROXIED_KEY, PROXIED, R, N);
        } else {
            receiver.fresh(K)
                    .send("ProxyPairingResponse", tuple(PROXY_PAIRING_RESPONSE, SID, R, ACCEPTED,
                            aenc(voucheeKey, K), sign(sk(R), tuple(RESPONSE_TAG, SID, R, N, V, aenc(voucheeKey, K)))))
                    .secret(CLAIM_PROXIED_KEY, K, R, N);
        }
        return new Roles(voucherRole, receiver.build());
    }

    private static Optional<String> multiHop(org.trustlab.model.dsl.Event e, List<org.trustlab.model.dsl.Event> all) {
        if (e.kind() != ClaimKind.COMMIT || !e.label().equals(CLAIM_VOUCH) || directlyPaired(e.actor(), e.peer())) {
            return Optional.empty();
        }
        return Optional.of(e.actor() + " (run #" + (e.run() + 1) + ") accepts a vouch from " + e.peer()
                + ", which is not directly paired with it: " + e.data() + " is two hops from a direct pairing");
    }

    /**
     * The signed vouch payload: Spacedrive's fields, plus target and voucher in the hardened profile; without the
     * vouchee's key when {@code keySigned} is false (a mutant).
     */
    private static Term payload(boolean signsTarget, boolean timestamped, Term voucheeKey, boolean keySigned) {
        List<Term> fields = new java.util.ArrayList<>();
        fields.add(signsTarget ? VOUCH_WITH_TARGET_TAG : VOUCH_TAG);
        fields.add(N);
        if (keySigned) {
            fields.add(voucheeKey);
        }
        if (timestamped) {
            fields.add(TS);
        }
        fields.add(SID);
        if (signsTarget) {
            fields.add(R);
            fields.add(V);
        }
        return tuple(fields.toArray(new Term[0]));
    }

    /** ProxyPairingRequest; {@code sealed} (the spacedrive profile's proxied keys) may be null. */
    private static Term request(boolean timestamped, Term voucheeKey, Term payload, Term sealed) {
        List<Term> fields = new java.util.ArrayList<>(List.of(PROXY_PAIRING_REQUEST, SID, N, voucheeKey, V,
                sign(sk(V), payload)));
        if (timestamped) {
            fields.add(TS);
        }
        if (sealed != null) {
            fields.add(sealed);
        }
        return tuple(fields.toArray(new Term[0]));
    }
}
