package org.trustlab.properties.validation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.trustlab.model.autojoin.AutoJoinModel;
import org.trustlab.model.checker.Replayer;
import org.trustlab.model.dsl.Model;
import org.trustlab.model.dsl.Run;
import org.trustlab.model.term.Agent;
import org.trustlab.model.term.Name;
import org.trustlab.model.term.Nonce;
import org.trustlab.model.term.PrivateKey;
import org.trustlab.model.term.Term;
import org.trustlab.model.term.Timestamp;
import org.trustlab.model.term.Var;
import org.trustlab.properties.autojoin.AutoJoinWorld;
import org.trustlab.properties.invariant.Instants;
import org.trustlab.properties.invariant.Violation;
import org.trustlab.reference.autojoin.GrantScope;
import org.trustlab.reference.autojoin.Purpose;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent.Kind;
import org.trustlab.simulator.trace.TraceEvent;

/**
 * Trace validation for {@code autojoin}: every automatic join the reference performs in a simulator trace must
 * be a behaviour of the symbolic model ({@link AutoJoinModel}), the Dolev-Yao attacker standing for everything
 * else on the network.
 *
 * <p>The refinement mapping sends the reference's audit events to model steps:
 * <ul>
 *   <li>{@code challenge-issued} (validator) — a new validator run receives AskAutoJoin, checks the grant, and
 *       issues the challenge with the recorded nonce, issue and expiry times;</li>
 *   <li>{@code challenge-signed} (requester) — a requester run for the latest {@code auto-join-requested} of that
 *       device and session (its parameters: target, session, purpose) sends its AskAutoJoin and receives and signs
 *       the challenge (its Running claim). The run starts only here because AskAutoJoin is public — the attacker
 *       could have sent it at any time — and because the device signs with the key it holds when signing (a
 *       rotation in between is legitimate);</li>
 *   <li>{@code auto-join-accepted} (validator) — the validator run that issued the nonce receives a response the
 *       attacker can produce from what it has seen (a signature by the granted key on exactly that challenge),
 *       within expiry on its own clock, with the grant still valid, once (its Commit claim);</li>
 *   <li>{@code session-key-delivered} — that run sends the session key to the granted key;</li>
 *   <li>attacker {@code compromise} / {@code controls} events — the attacker learns those private keys.</li>
 * </ul>
 * Agents are requesters named by client id and key fingerprint (a rotated key is another agent), validators by
 * client id; nonces by their hex; instants become milliseconds since the trace's first instant. Each
 * validator's challenge validity and skew tolerance are read from its audit fields; its grant store from the
 * grant fields of its audit events (latest before the step). The model then judges the decisions.
 *
 * <p>A step the model cannot take is a violation with the model's reasons; that run is not followed further,
 * so one deviation is reported once.
 */
public final class AutoJoinRefinement {
    public static final String ID = "autojoin.refines-model";
    public static final String PROTOCOL = "autojoin";
    public static final String STATEMENT = "Every automatic join in the trace (request, challenge, signature, "
            + "acceptance, key delivery) is a step of the autojoin symbolic model against a Dolev-Yao attacker.";

    static final String REQUESTED = "auto-join-requested";
    static final String ISSUED = "challenge-issued";
    static final String SIGNED = "challenge-signed";
    static final String ACCEPTED = "auto-join-accepted";
    static final String DELIVERED = "session-key-delivered";
    private static final Set<String> STEPS = Set.of(REQUESTED, ISSUED, SIGNED, ACCEPTED, DELIVERED);
    private static final Agent ATTACKER = new Agent("attacker");

    /** The walk in progress on this thread: what the shared roles' timing and grant store read. */
    private static final ActiveWalk<Walk> ACTIVE = new ActiveWalk<>();
    /**
     * The model's roles, built once: they depend on a trace only through the validators' timing and grant store,
     * which they read from the active walk when a step is judged.
     */
    private static final AutoJoinModel.Roles ROLES = AutoJoinModel.roles(null, new AutoJoinModel.Timing() {
        @Override
        public int validity(Term validator) {
            return ACTIVE.get().validityByValidator.getOrDefault(validator.toString(), 1);
        }

        @Override
        public int skew(Term validator) {
            return ACTIVE.get().skewByValidator.getOrDefault(validator.toString(), 0);
        }
    }, (validator, requester, purpose, now) -> ACTIVE.get().granted(validator, requester, purpose, now));

    private AutoJoinRefinement() {
    }

    public static List<Violation> check(Trace trace) {
        Walk walk = new Walk(trace);
        return ACTIVE.during(walk, walk::run);
    }

    /** One validation: the pre-pass that builds the model instance, then the replay. */
    private static final class Walk {
        private final Trace trace;
        private final AutoJoinWorld world;
        private final List<TraceEvent> steps = new ArrayList<>();
        /** Audits that name a requester and the key it used, in trace order: what a compromise hands over. */
        private final List<TraceEvent> keyAudits = new ArrayList<>();
        private final List<Violation> violations = new ArrayList<>();
        private long baseMillis = Long.MAX_VALUE;

        // Runs: requester runs first, then validator runs, in trace order.
        private final Map<Long, Integer> runOfEvent = new TreeMap<>();
        private final List<String> runNode = new ArrayList<>();
        private final Map<String, Integer> runOfNonce = new TreeMap<>();
        private final Map<String, Integer> validityByValidator = new TreeMap<>();
        private final Map<String, Integer> skewByValidator = new TreeMap<>();
        private final Set<Integer> broken = new HashSet<>();
        private final Map<String, Integer> lastAcceptedOn = new TreeMap<>();
        private TraceEvent current;

        Walk(Trace trace) {
            this.trace = trace;
            this.world = AutoJoinWorld.of(trace);
        }

        private static int millis(Duration d) {
            return (int) Math.min(Integer.MAX_VALUE / 4, d.toMillis());
        }

        List<Violation> run() {
            for (TraceEvent e : trace.events()) {
                if (e.kind() != Kind.AUDIT) {
                    continue;
                }
                if (e.field("key-fingerprint") != null && e.field("requester") != null) {
                    keyAudits.add(e);
                }
                if (STEPS.contains(e.type()) && isAutoJoin(e)) {
                    steps.add(e);
                    // The time origin comes from the devices' own clock readings only: an issued-at or expires-at
                    // echoed from a message the attacker tampered with can name any instant, and taking it as the
                    // origin would push every honest time past the model's clock bound.
                    for (String f : List.of("local-time", "verifier-time")) {
                        Instants.epochMillis(e.field(f)).ifPresent(ms -> baseMillis = Math.min(baseMillis, ms));
                    }
                }
            }
            if (steps.stream().noneMatch(e -> e.type().equals(SIGNED) || e.type().equals(ISSUED))) {
                return List.of();
            }
            Replayer replayer = new Replayer(instance());
            int next = 0; // the next step, in trace order
            for (TraceEvent e : trace.events()) {
                current = e;
                if (e.kind() == Kind.ATTACKER) {
                    attacker(replayer, e);
                } else if (next < steps.size() && steps.get(next) == e) {
                    next++;
                    replay(replayer, e);
                }
            }
            return violations;
        }

        private static boolean isAutoJoin(TraceEvent e) {
            return !e.type().equals(DELIVERED) || "auto-join".equals(e.field("flow"));
        }

        /** The pre-pass: runs, agents, names, timings and the attacker's own nonces, as the trace shows them. */
        private Model instance() {
            List<Run> requesters = new ArrayList<>();
            List<Run> validators = new ArrayList<>();
            Set<Agent> honest = new LinkedHashSet<>();
            Set<Name> names = new LinkedHashSet<>(List.of(AutoJoinModel.AUTO_JOIN));
            Set<String> issuedNonces = new HashSet<>();
            Set<Long> answered = new HashSet<>();
            List<Term> attackerNonces = new ArrayList<>();
            int maxTicks = 0;
            AutoJoinModel.Roles roles = ROLES;
            for (TraceEvent e : steps) {
                maxTicks = Math.max(maxTicks, ticks(e.field("expires-at")).orElse(0));
                maxTicks = Math.max(maxTicks, ticks(e.field("local-time")).orElse(0));
                if (e.type().equals(SIGNED)) {
                    Optional<TraceEvent> request = requestAnswered(e);
                    if (request.isEmpty() || !answered.add(request.get().seq())) {
                        continue;
                    }
                    TraceEvent q = request.get();
                    Agent r = requester(e.field("requester"), e.field("key-fingerprint"));
                    honest.add(r);
                    names.add(session(q));
                    names.add(purpose(q));
                    runOfEvent.put(e.seq(), requesters.size());
                    requesters.add(Run.of(roles.requester(), r).with(AutoJoinModel.V, new Agent(q.field("target")))
                            .with(AutoJoinModel.SESSION, session(q)).with(AutoJoinModel.PURPOSE, purpose(q)));
                    runNode.add(e.node());
                } else if (e.type().equals(ISSUED)) {
                    Agent v = new Agent(e.field("target"));
                    honest.add(v);
                    names.add(session(e));
                    names.add(purpose(e));
                    runOfEvent.put(e.seq(), -1 - validators.size());
                    validators.add(Run.of(roles.validator(), v));
                    issuedNonces.add(e.field("nonce"));
                }
            }
            for (TraceEvent e : steps) {
                if (e.type().equals(SIGNED) && e.field("nonce") != null && !issuedNonces.contains(e.field("nonce"))) {
                    // A nonce no validator issued was made up by whoever put the challenge in front of the requester.
                    attackerNonces.add(nonce(e.field("nonce")));
                    names.add(session(e));
                    names.add(purpose(e));
                }
            }
            runNode.addAll(validators.stream().map(r -> "").toList());
            int offset = requesters.size();
            runOfEvent.replaceAll((seq, i) -> i >= 0 ? i : offset + (-1 - i));
            for (TraceEvent e : steps) {
                if (e.type().equals(ISSUED)) {
                    int run = runOfEvent.get(e.seq());
                    runNode.set(run, e.node());
                    runOfNonce.putIfAbsent(e.field("nonce"), run);
                }
            }
            // Lifetimes and tolerances are the world's (the configured ones), never what a validator signed or audited.
            world.limitsByClient().forEach((client, l) -> {
                validityByValidator.put(client, millis(l.challengeTtl()));
                skewByValidator.put(client, millis(l.skewTolerance()));
            });
            int slack = validityByValidator.values().stream().mapToInt(Integer::intValue).max().orElse(0)
                    + skewByValidator.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            Model.Builder m = Model.builder("autojoin (trace)")
                    .honest(new ArrayList<>(honest))
                    .dishonest(ATTACKER)
                    .names(new ArrayList<>(names))
                    .time(0, maxTicks + slack + 1)
                    .attackerKnows(attackerNonces);
            requesters.forEach(m::run);
            validators.forEach(m::run);
            return m.build();
        }

        /**
         * The validator's grant store as the world knows it ({@link AutoJoinWorld}): the newest grant of the
         * validator's device for the requester's client standing at the step being replayed. Valid when it binds the
         * requester's key, was made under the validator's current key, has not expired at {@code now} and has a
         * scope covering the purpose.
         */
        private boolean granted(Term validator, Term requester, Term purpose, int now) {
            String[] client = requester.toString().split("/", 2);
            Optional<String> device = world.deviceOf(validator.toString());
            if (client.length != 2 || device.isEmpty()) {
                return false;
            }
            Optional<AutoJoinWorld.Grant> grant = world.grantAt(device.get(), client[0], current.seq());
            if (grant.isEmpty() || !client[1].equals(grant.get().trustedKey())
                    || !world.keyAt(device.get(), current.seq()).map(grant.get().ownerKey()::equals).orElse(false)) {
                return false;
            }
            Optional<GrantScope> scope = GrantScope.fromName(grant.get().scope());
            Optional<Purpose> wanted = Purpose.fromWire(purpose.toString());
            return grant.get().expires().toEpochMilli() > baseMillis + now && scope.isPresent()
                    && wanted.isPresent() && scope.get().covers(wanted.get());
        }

        private void replay(Replayer rp, TraceEvent e) {
            switch (e.type()) {
                case REQUESTED:
                    // The request itself is public; its run starts when it is answered (see SIGNED).
                    return;
                case ISSUED: {
                    int run = runOfEvent.get(e.seq());
                    clock(rp, e, "local-time");
                    // The requester as the world's grant binds it when the challenge goes out.
                    Map<Var, Term> v = challenge(e, requester(e.field("requester"), world.grantAt(e.node(),
                            e.field("requester"), e.seq()).map(AutoJoinWorld.Grant::trustedKey).orElse("none")));
                    // The model names run i's nonce N#i; the refinement maps the issued bytes to it.
                    v.put(AutoJoinModel.N, new Nonce(AutoJoinModel.N.name() + "#" + (run + 1)));
                    step(rp, run, v, e);
                    return;
                }
                case SIGNED: {
                    Integer run = runOfEvent.get(e.seq());
                    if (run == null) {
                        violation(e, e.node() + " signs a challenge for session " + e.field("session") + " that "
                                + "answers no pending request of its own (or one it already answered): the model's "
                                + "requester signs once, and only answers to its own request");
                        return;
                    }
                    clock(rp, e, "local-time");
                    if (step(rp, run, Map.of(), e)) {
                        step(rp, run, challenge(e, requester(e.field("requester"), e.field("key-fingerprint"))), e);
                    }
                    return;
                }
                case ACCEPTED: {
                    Integer run = runOfNonce.get(e.field("nonce"));
                    if (run == null) {
                        violation(e, e.node() + " accepts a challenge it never issued (nonce " + e.field("nonce")
                                + ")");
                        return;
                    }
                    clock(rp, e, "verifier-time");
                    Map<Var, Term> v = challenge(e, requester(e.field("requester"), e.field("verified-key-fingerprint")));
                    if (step(rp, run, v, e)) {
                        lastAcceptedOn.put(e.node(), run);
                    }
                    return;
                }
                case DELIVERED: {
                    Integer run = lastAcceptedOn.remove(e.node());
                    if (run == null || broken.contains(run)) {
                        return;
                    }
                    Term r = rp.value(run, AutoJoinModel.R);
                    String expected = r == null ? "?" : r.toString().split("/", 2)[1];
                    if (!expected.equals(e.field("recipient-key-fingerprint"))) {
                        violation(e, e.node() + " delivers the session key of " + e.field("session") + " to key "
                                + e.field("recipient-key-fingerprint") + "; the model's validator encrypts it to the "
                                + "granted key " + expected);
                    }
                    return;
                }
                default:
                    throw new IllegalStateException(e.type());
            }
        }

        /** The challenge's bindings as a step's values. */
        private Map<Var, Term> challenge(TraceEvent e, Agent requester) {
            Map<Var, Term> v = new LinkedHashMap<>();
            v.put(AutoJoinModel.SESSION, session(e));
            v.put(AutoJoinModel.R, requester);
            v.put(AutoJoinModel.V, new Agent(e.field("target")));
            v.put(AutoJoinModel.PURPOSE, purpose(e));
            ticks(e.field("issued-at")).ifPresent(t -> v.put(AutoJoinModel.ISSUED_AT, Timestamp.of(t)));
            ticks(e.field("expires-at")).ifPresent(t -> v.put(AutoJoinModel.EXPIRES_AT, Timestamp.of(t)));
            if (!e.type().equals(ISSUED)) {
                Integer issuer = runOfNonce.get(e.field("nonce"));
                v.put(AutoJoinModel.N, issuer != null ? new Nonce(AutoJoinModel.N.name() + "#" + (issuer + 1))
                        : nonce(e.field("nonce")));
            }
            return v;
        }

        /**
         * The request a signature answers: the latest {@code auto-join-requested} of the signing device for that
         * session before it (the reference keeps one pending join per session; a new request replaces the old).
         */
        private Optional<TraceEvent> requestAnswered(TraceEvent signed) {
            TraceEvent found = null;
            for (TraceEvent e : steps) {
                if (e.seq() >= signed.seq()) {
                    break;
                }
                if (e.type().equals(REQUESTED) && e.node().equals(signed.node())
                        && String.valueOf(e.field("session")).equals(signed.field("session"))) {
                    found = e;
                }
            }
            return Optional.ofNullable(found);
        }

        private boolean step(Replayer rp, int run, Map<Var, Term> values, TraceEvent e) {
            if (broken.contains(run)) {
                return false;
            }
            Replayer.Result r = rp.step(run, values);
            if (!r.taken()) {
                broken.add(run);
                violation(e, e.node() + "'s " + e.type() + " is not a step of the autojoin model: "
                        + String.join("; ", new LinkedHashSet<>(r.refusals())));
            }
            return r.taken();
        }

        private void attacker(Replayer rp, TraceEvent e) {
            String device = e.field("device");
            if (device == null || !(e.type().equals("compromise") || e.type().equals("controls")
                    || e.type().equals("register"))) {
                return;
            }
            String generation = e.type().equals("compromise") ? e.field("generation") : null;
            // The compromised key as the binding names it: known even if the device never used it in the trace.
            if (e.field("key-fingerprint") != null && e.field("client") != null) {
                rp.attackerLearns(new PrivateKey(requester(e.field("client"), e.field("key-fingerprint"))));
            }
            // The keys this device was seen using (requester audits name client, fingerprint and generation).
            for (TraceEvent a : keyAudits) {
                if (a.node().equals(device) && (generation == null || generation.equals(a.field("key-generation")))) {
                    rp.attackerLearns(new PrivateKey(requester(a.field("requester"), a.field("key-fingerprint"))));
                }
            }
        }

        private void clock(Replayer rp, TraceEvent e, String field) {
            rp.clock(ticks(e.field(field)).or(() -> ticks(e.field("local-time"))).orElse(0));
        }

        private void violation(TraceEvent e, String message) {
            violations.add(new Violation(ID, message, List.of(e)));
        }

        private Optional<Integer> ticks(String instant) {
            return ModelTicks.since(baseMillis, instant);
        }

        private static Agent requester(String client, String keyFingerprint) {
            return new Agent(client + "/" + keyFingerprint);
        }

        private static Name session(TraceEvent e) {
            return new Name("session", String.valueOf(e.field("session")));
        }

        private static Name purpose(TraceEvent e) {
            return new Name("purpose", String.valueOf(e.field("purpose")));
        }

        private static Nonce nonce(String hex) {
            return new Nonce("n:" + hex.substring(0, Math.min(16, hex.length())));
        }
    }
}
