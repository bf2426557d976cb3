package org.trustlab.properties.validation;

import static org.trustlab.reference.vouch.VouchAudit.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.trustlab.model.checker.Replayer;
import org.trustlab.model.dsl.Model;
import org.trustlab.model.dsl.Run;
import org.trustlab.model.term.Agent;
import org.trustlab.model.term.Nonce;
import org.trustlab.model.term.PrivateKey;
import org.trustlab.model.term.Term;
import org.trustlab.model.term.Timestamp;
import org.trustlab.model.term.Var;
import org.trustlab.model.vouch.VouchModel;
import org.trustlab.properties.vouch.VouchWorld;
import org.trustlab.properties.invariant.Instants;
import org.trustlab.properties.invariant.Violation;
import org.trustlab.reference.vouch.VouchProfile;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent;
import org.trustlab.simulator.trace.TraceEvent.Kind;

/**
 * Trace validation for {@code vouch}: every vouch the reference signs and every vouch it accepts in a simulator
 * trace must be a step of the symbolic model ({@link VouchModel}), the Dolev-Yao attacker standing for the network
 * and everything on it.
 *
 * <p>The refinement mapping sends the reference's events to model steps:
 * <ul>
 *   <li>{@code vouch-signed} (voucher) — a new voucher run (voucher, vouchee, target, session) checks that the
 *       vouchee and the target are its Direct pairings (no multi-hop) and sends the signed ProxyPairingRequest
 *       stamped with its own clock (its Running claim);</li>
 *   <li>the {@code proxy-pairing} outcome {@code accepted} (receiver) — a new receiver run receives a request the
 *       attacker can produce from what it has seen (a signature by the voucher's key over exactly that payload),
 *       with the voucher a Direct pairing of the receiver, fresh on the receiver's clock within its
 *       {@code vouch_signature_max_age} and skew tolerance, the vouchee neither itself nor already paired, and the
 *       (voucher, session) not consumed before (its Commit claim);</li>
 *   <li>attacker {@code compromise}, {@code controls} and {@code register} events — the attacker learns that
 *       device's private key.</li>
 * </ul>
 * Agents are device names; a session id is the nonce {@code sid:<id>} (made up by the attacker when no voucher
 * signed it); instants become milliseconds since the trace's earliest one. The profile, the world's fact (never a
 * step's audit), decides the signed payload: the hardened profile's names the target and the voucher, the spacedrive
 * profile's (the source's) does not. The registries are read from the trace: the latest {@code pairing-stored} or
 * {@code pairing-removed} of the device for the peer before the step, else the pairing the scenario set up (the
 * world's {@code pairing} fact), else none. Each receiver's window is its configured one (the world's
 * {@code limits} fact).
 *
 * <p>A step the model cannot take is a violation with the model's reasons; that run is not followed further.
 */
public final class VouchRefinement {
    public static final String ID = "vouch.refines-model";
    public static final String PROTOCOL = "vouch";
    public static final String STATEMENT = "Every vouch signed and every vouch accepted in the trace is a step of the "
            + "vouch symbolic model (Direct pairings only, signature by the voucher over the profile's payload, "
            + "fresh on the receiver's clock, consumed once) against a Dolev-Yao attacker.";

    private static final String DIRECT = "Direct";
    private static final Agent ATTACKER = new Agent("attacker");

    /** The walk in progress on this thread: what the shared roles' timing and registries read. */
    private static final ActiveWalk<Walk> ACTIVE = new ActiveWalk<>();
    private static final VouchModel.Timing TIMING = new VouchModel.Timing() {
        @Override
        public int maxAge(Term receiver) {
            return ACTIVE.get().maxAgeByReceiver.getOrDefault(receiver.toString(), 0);
        }

        @Override
        public int skew(Term receiver) {
            return ACTIVE.get().skewByReceiver.getOrDefault(receiver.toString(), 0);
        }
    };
    private static final VouchModel.Pairings PAIRINGS = new VouchModel.Pairings() {
        @Override
        public boolean direct(Term a, Term b) {
            return ACTIVE.get().direct(a, b);
        }

        @Override
        public boolean paired(Term a, Term b) {
            return ACTIVE.get().paired(a, b);
        }
    };
    /**
     * The model's roles for a payload without and with the target, built once: they depend on a trace otherwise
     * only through the receivers' windows and the registries, which they read from the active walk.
     */
    private static final VouchModel.Roles WITHOUT_TARGET = VouchModel.roles(null,
            new VouchModel.Setting(false, true, TIMING, PAIRINGS));
    private static final VouchModel.Roles WITH_TARGET = VouchModel.roles(null,
            new VouchModel.Setting(true, true, TIMING, PAIRINGS));

    private VouchRefinement() {
    }

    public static List<Violation> check(Trace trace) {
        Walk walk = new Walk(trace);
        return ACTIVE.during(walk, walk::run);
    }

    private static boolean isStep(TraceEvent e) {
        return e.is(Kind.AUDIT, VOUCH_SIGNED)
                || (e.is(Kind.OUTCOME, OUTCOME_PROXY_PAIRING) && "accepted".equals(e.field("result")));
    }

    /** One validation: the pre-pass that builds the model instance, then the replay. */
    private static final class Walk {
        private final Trace trace;
        private final List<TraceEvent> steps = new ArrayList<>();
        /** The {@code pairing-stored} and {@code pairing-removed} audits, in trace order. */
        private final List<TraceEvent> pairingEvents = new ArrayList<>();
        private final List<Violation> violations = new ArrayList<>();
        private final Map<Long, Integer> runOfEvent = new TreeMap<>();
        private final Set<Integer> broken = new HashSet<>();
        private final VouchWorld world;
        private final Map<String, Integer> maxAgeByReceiver = new TreeMap<>();
        private final Map<String, Integer> skewByReceiver = new TreeMap<>();
        private long baseMillis = Long.MAX_VALUE;
        /** Registries are read before this sequence number: the step's own effects come after its checks. */
        private long horizon;

        Walk(Trace trace) {
            this.trace = trace;
            this.world = VouchWorld.of(trace);
        }

        List<Violation> run() {
            for (TraceEvent e : trace.events()) {
                if (e.kind() == Kind.AUDIT && (e.type().equals(PAIRING_STORED) || e.type().equals(PAIRING_REMOVED))) {
                    pairingEvents.add(e);
                }
                if (isStep(e)) {
                    steps.add(e);
                    for (String f : List.of(VOUCH_TIMESTAMP, RECEIVER_LOCAL_TIME)) {
                        Instants.epochMillis(e.field(f)).ifPresent(ms -> baseMillis = Math.min(baseMillis, ms));
                    }
                }
            }
            if (steps.isEmpty()) {
                return List.of();
            }
            Replayer replayer = new Replayer(instance());
            int next = 0; // the next step, in trace order: every step has a run
            for (TraceEvent e : trace.events()) {
                if (e.kind() == Kind.ATTACKER) {
                    attacker(replayer, e);
                } else if (next < steps.size() && steps.get(next) == e) {
                    next++;
                    replay(replayer, e);
                }
            }
            return violations;
        }

        /** The pre-pass: one voucher run per signed vouch, one receiver run per acceptance, in trace order. */
        private Model instance() {
            // The scenario's profile, as the world recorded it: a device that signs another profile's payload is
            // judged by the profile it was given, not the one it reports.
            boolean signsTarget = world.profile().map(p -> p.equals(VouchProfile.HARDENED.code())).orElse(false);
            VouchModel.Roles roles = signsTarget ? WITH_TARGET : WITHOUT_TARGET;
            List<Run> vouchers = new ArrayList<>();
            List<Run> receivers = new ArrayList<>();
            List<Long> receiverSeqs = new ArrayList<>();
            Set<Agent> agents = new LinkedHashSet<>();
            Set<String> signedSessions = new TreeSet<>();
            Set<String> acceptedSessions = new TreeSet<>();
            int maxTicks = 0;
            for (TraceEvent e : steps) {
                maxTicks = Math.max(maxTicks, ticks(e.field(VOUCH_TIMESTAMP)).orElse(0));
                maxTicks = Math.max(maxTicks, ticks(e.field(RECEIVER_LOCAL_TIME)).orElse(0));
                for (String f : List.of(VOUCHER, VOUCHEE, TARGET)) {
                    if (e.field(f) != null) {
                        agents.add(new Agent(e.field(f)));
                    }
                }
                agents.add(new Agent(e.node()));
                if (e.kind() == Kind.AUDIT) {
                    signedSessions.add(e.field(SESSION_ID));
                    runOfEvent.put(e.seq(), vouchers.size());
                    vouchers.add(Run.of(roles.voucher(), new Agent(e.node()))
                            .with(VouchModel.N, new Agent(e.field(VOUCHEE)))
                            .with(VouchModel.R, new Agent(e.field(TARGET)))
                            .with(VouchModel.SID, session(e)));
                } else {
                    acceptedSessions.add(e.field(SESSION_ID));
                    receiverSeqs.add(e.seq());
                    receivers.add(Run.of(roles.receiver(), new Agent(e.node())));
                    // The configured limits (the world's), never the ones the receiver reports in its own audit.
                    world.limits(e.node()).ifPresent(l -> {
                        maxAgeByReceiver.putIfAbsent(e.node(), millis(l.maxAge()));
                        skewByReceiver.putIfAbsent(e.node(), millis(l.skewTolerance()));
                    });
                }
            }
            for (int i = 0; i < receiverSeqs.size(); i++) {
                runOfEvent.put(receiverSeqs.get(i), vouchers.size() + i);
            }
            // A session no voucher signed was made up by whoever forged the vouch.
            List<Term> madeUp = new ArrayList<>();
            for (String s : acceptedSessions) {
                if (!signedSessions.contains(s)) {
                    madeUp.add(new Nonce("sid:" + s));
                }
            }
            agents.remove(ATTACKER);
            Model.Builder m = Model.builder("vouch (trace)")
                    .honest(new ArrayList<>(agents))
                    .dishonest(ATTACKER)
                    .names(VouchModel.accepted())
                    .time(0, maxTicks + 1)
                    .attackerKnows(madeUp);
            vouchers.forEach(m::run);
            receivers.forEach(m::run);
            return m.build();
        }

        /**
         * The registries as the trace shows them at the step being replayed: the device's latest pairing event for
         * the peer, else the pairing the scenario set up (the world's fact; no event records it), never what the
         * step's own audit says of it.
         */
        private boolean direct(Term a, Term b) {
            Optional<TraceEvent> last = lastPairingEvent(a.toString(), b.toString());
            if (last.isPresent()) {
                return last.get().type().equals(PAIRING_STORED) && DIRECT.equals(last.get().field(PAIRING_TYPE));
            }
            return world.setupPairingType(a.toString(), b.toString()).filter(DIRECT::equals).isPresent();
        }

        private boolean paired(Term a, Term b) {
            Optional<TraceEvent> last = lastPairingEvent(a.toString(), b.toString());
            if (last.isPresent()) {
                return last.get().type().equals(PAIRING_STORED);
            }
            return world.pairedAtSetup(a.toString(), b.toString());
        }

        private Optional<TraceEvent> lastPairingEvent(String device, String peer) {
            TraceEvent found = null;
            for (TraceEvent e : pairingEvents) {
                if (e.seq() >= horizon) {
                    break;
                }
                if (e.node().equals(device) && peer.equals(e.field(PEER))) {
                    found = e;
                }
            }
            return Optional.ofNullable(found);
        }

        private void replay(Replayer rp, TraceEvent e) {
            int run = runOfEvent.get(e.seq());
            if (broken.contains(run)) {
                return;
            }
            horizon = e.kind() == Kind.AUDIT ? e.seq() : ownPairing(e);
            Map<Var, Term> values = new LinkedHashMap<>();
            Optional<Integer> ts = ticks(e.field(VOUCH_TIMESTAMP));
            ts.ifPresent(t -> values.put(VouchModel.TS, Timestamp.of(t)));
            if (e.kind() == Kind.AUDIT) {
                // The voucher stamps the vouch with its own clock.
                rp.clock(ts.orElse(0));
            } else {
                rp.clock(ticks(e.field(RECEIVER_LOCAL_TIME)).or(() -> ticks(e.field("local-time"))).orElse(0));
                values.put(VouchModel.SID, session(e));
                values.put(VouchModel.V, new Agent(String.valueOf(e.field(VOUCHER))));
                values.put(VouchModel.N, new Agent(String.valueOf(e.field(VOUCHEE))));
            }
            Replayer.Result r = rp.step(run, values);
            if (!r.taken()) {
                broken.add(run);
                String what = e.kind() == Kind.AUDIT ? "signing the vouch of " + e.field(VOUCHEE) + " to "
                        + e.field(TARGET) : "accepting " + e.field(VOUCHEE) + " on the word of " + e.field(VOUCHER);
                violations.add(new Violation(ID, e.node() + " " + what + " (session " + e.field(SESSION_ID)
                        + ") is not a step of the vouch model: " + String.join("; ",
                                new LinkedHashSet<>(r.refusals())), List.of(e)));
            }
        }

        /**
         * Where an acceptance's checks happened: just before the receiver stored the vouchee (the outcome is recorded
         * after the pairing it made), or at the outcome when no such pairing event precedes it.
         */
        private long ownPairing(TraceEvent accepted) {
            long at = accepted.seq();
            for (TraceEvent e : pairingEvents) {
                if (e.seq() >= accepted.seq()) {
                    break;
                }
                if (e.type().equals(PAIRING_STORED) && e.node().equals(accepted.node())
                        && String.valueOf(accepted.field(VOUCHEE)).equals(e.field(PEER))
                        && String.valueOf(accepted.field(SESSION_ID)).equals(e.field(SESSION_ID))) {
                    at = e.seq();
                }
            }
            return at;
        }

        private void attacker(Replayer rp, TraceEvent e) {
            String device = e.field("device");
            if (device != null && (e.type().equals("compromise") || e.type().equals("controls")
                    || e.type().equals("register"))) {
                rp.attackerLearns(new PrivateKey(new Agent(device)));
            }
        }

        private Optional<Integer> ticks(String instant) {
            return ModelTicks.since(baseMillis, instant);
        }

        private static int millis(java.time.Duration d) {
            return (int) Math.min(Integer.MAX_VALUE / 4, d.toMillis());
        }

        private static Nonce session(TraceEvent e) {
            return new Nonce("sid:" + e.field(SESSION_ID));
        }
    }
}
