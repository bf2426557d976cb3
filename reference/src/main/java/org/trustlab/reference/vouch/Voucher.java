package org.trustlab.reference.vouch;

import static org.trustlab.reference.vouch.Step.fields;
import static org.trustlab.reference.vouch.VouchAudit.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.core.UserAction;
import org.trustlab.reference.crypto.Bytes;
import org.trustlab.reference.crypto.Ed25519KeyPair;
import org.trustlab.reference.vouch.VouchKeys.SessionKeys;
import org.trustlab.reference.vouch.VouchMessage.AcceptedDevice;
import org.trustlab.reference.vouch.VouchMessage.ProxyPairingComplete;
import org.trustlab.reference.vouch.VouchMessage.ProxyPairingRequest;
import org.trustlab.reference.vouch.VouchMessage.ProxyPairingResponse;
import org.trustlab.reference.vouch.VouchMessage.ProxyPairingRevoked;
import org.trustlab.reference.vouch.VouchMessage.RejectedDevice;
import org.trustlab.reference.vouch.VouchMessage.TransportAck;
import org.trustlab.reference.vouch.VouchingQueue.Entry;
import org.trustlab.reference.vouch.VouchingQueue.Key;

/**
 * The voucher's side (source: Voucher flow, Persistent queue, Cleanup). After a confirmed direct pairing the voucher
 * opens a VouchingSession in Pending and emits ProxyPairingVouchingReady; {@code network.pair.vouch} picks targets;
 * each is sent a freshly signed ProxyPairingRequest (Selected, then Waiting once the target's transport confirms
 * delivery) or, when offline, Queued in {@code vouching_queue}; answers move targets to Accepted or Rejected; when
 * every target is terminal the session is Completed and ProxyPairingComplete goes to the vouchee.
 *
 * <p>Queued vouches are signed when they are sent, not when they are queued: a vouch signed at queue time would be
 * stale (older than {@code vouch_signature_max_age}) by the time a target that was offline for more than five
 * minutes could check it.
 */
final class Voucher {
    static final String POLL = "queue-poll";
    static final String ACK = "ack/";
    static final String RESPONSE = "response/";
    static final String CLEANUP = "cleanup/";
    private static final VouchCodec CODEC = new VouchCodec();

    private Voucher() {}

    /** Source: "The voucher creates a VouchingSession resource in Pending" and emits ProxyPairingVouchingReady. */
    static void onDirectPairingConfirmed(Step s, PairingRecord vouchee) {
        if (!s.config().proxyPairingSupported()) {
            return;
        }
        VouchingSession session = newSession(s, vouchee.peer());
        s.audit(VOUCHING_READY, fields(SESSION_ID, session.id(), VOUCHEE, vouchee.peer().value()));
        // The source's "no automatic trust propagation without user control": only the configured switch vouches on
        // its own.
        if (s.config().autoVouchToAll() || s.mutant(VouchMutant.AUTO_PROPAGATE)) {
            startVouching(s, session, directTargets(s, vouchee.peer()), TRIGGER_AUTO);
        }
    }

    /** {@code network.pair.vouch {vouchee, targets}}; targets are comma-separated ids or {@code all}. */
    static void vouchAction(Step s, UserAction action) {
        DeviceId vouchee = Actions.device(s, action, "vouchee");
        if (vouchee == null) {
            return;
        }
        String targetsArg = action.arg("targets");
        if (targetsArg == null || targetsArg.isBlank()) {
            s.auditRejection(ACTION_REJECTED, VouchReason.BAD_ACTION_ARGUMENTS,
                    fields("action", action.name(), "missing", "targets"));
            return;
        }
        Map<String, String> f = fields(VOUCHER, s.self().value(), VOUCHEE, vouchee.value());
        if (!s.config().proxyPairingSupported()) {
            s.refuse(ACTION_REJECTED, OUTCOME_VOUCH, VouchReason.PROXY_PAIRING_UNSUPPORTED, f);
            return;
        }
        PairingRecord rec = s.st.pairings.get(vouchee);
        if (rec == null) {
            s.refuse(ACTION_REJECTED, OUTCOME_VOUCH, VouchReason.VOUCHEE_NOT_PAIRED, f);
            return;
        }
        if (!rec.direct() && !s.mutant(VouchMutant.PROXIED_MAY_VOUCH)) {
            // Source non-goal: no multi-hop vouching. A device known only through a vouch is not vouched on.
            s.refuse(ACTION_REJECTED, OUTCOME_VOUCH, VouchReason.VOUCHEE_NOT_DIRECT, f);
            return;
        }
        VouchingSession session = s.st.sessions.values().stream()
                .filter(x -> x.vouchee().equals(vouchee) && x.state() != SessionState.COMPLETED)
                .findFirst().orElseGet(() -> newSession(s, vouchee));
        List<DeviceId> targets = new ArrayList<>();
        if (targetsArg.trim().equals("all")) {
            targets.addAll(directTargets(s, vouchee));
        } else {
            for (String t : targetsArg.split(",")) {
                if (!t.isBlank()) {
                    targets.add(DeviceId.of(t.trim()));
                }
            }
        }
        startVouching(s, session, targets, TRIGGER_USER);
    }

    private static VouchingSession newSession(Step s, DeviceId vouchee) {
        VouchingSession session = new VouchingSession(s.newId("s-"), vouchee, s.now());
        s.st.sessions.put(session.id(), session);
        sessionChanged(s, session);
        return session;
    }

    private static List<DeviceId> directTargets(Step s, DeviceId vouchee) {
        return s.st.pairings.values().stream().filter(PairingRecord::direct).map(PairingRecord::peer)
                .filter(d -> !d.equals(vouchee)).toList();
    }

    static void startVouching(Step s, VouchingSession session, List<DeviceId> requested, String trigger) {
        List<DeviceId> valid = new ArrayList<>();
        for (DeviceId t : requested) {
            Map<String, String> f = fields(SESSION_ID, session.id(), VOUCHER, s.self().value(), VOUCHEE,
                    session.vouchee().value(), TARGET, t.value());
            PairingRecord rec = s.st.pairings.get(t);
            if (t.equals(session.vouchee())) {
                s.refuse(VOUCH_TARGET_REFUSED, OUTCOME_VOUCH, VouchReason.TARGET_IS_VOUCHEE, f);
            } else if (rec == null || t.equals(s.self())) {
                s.refuse(VOUCH_TARGET_REFUSED, OUTCOME_VOUCH, VouchReason.TARGET_NOT_PAIRED, f);
            } else if (!rec.direct() && !s.mutant(VouchMutant.PROXIED_MAY_VOUCH)) {
                s.refuse(VOUCH_TARGET_REFUSED, OUTCOME_VOUCH, VouchReason.TARGET_NOT_DIRECT, f);
            } else if (session.target(t) == null && !valid.contains(t)) {
                valid.add(t);
            }
        }
        if (valid.isEmpty()) {
            return;
        }
        if (session.state() == SessionState.PENDING) {
            session.start(trigger);
            sessionChanged(s, session);
            s.audit(SESSION_STARTED, fields(SESSION_ID, session.id(), VOUCHER, s.self().value(), VOUCHEE,
                    session.vouchee().value(), TRIGGER, trigger, AUTO_VOUCH_TO_ALL,
                    Boolean.toString(s.config().autoVouchToAll())));
        }
        for (DeviceId t : valid) {
            session.addTarget(t);
            statusChanged(s, session, t, VouchStatus.SELECTED, "");
            deliver(s, session, t, false);
        }
    }

    /** The background worker's step for one target: send if it is online, queue it otherwise. */
    private static void deliver(Step s, VouchingSession session, DeviceId target, boolean fromQueue) {
        Key key = new Key(session.id(), target);
        if (!fromQueue && !s.st.reachable(target)) {
            enqueue(s, session, target);
            return;
        }
        ProxyPairingRequest req = buildRequest(s, session, target);
        s.st.inFlight.put(key, Bytes.hex(VouchPayloads.messageHash(CODEC.encode(req))));
        s.send(target, req);
        int attempt = s.st.queue.get(key).map(Entry::attempts).orElse(0);
        s.audit(VOUCH_SENT, fields(SESSION_ID, session.id(), VOUCHER, s.self().value(), VOUCHEE,
                session.vouchee().value(), TARGET, target.value(), ATTEMPT, Integer.toString(attempt), FROM_QUEUE,
                Boolean.toString(fromQueue), EXPIRES_AT, s.st.queue.get(key).map(e -> e.expiresAt().toString())
                        .orElse(null)));
        s.setTimer(ACK + session.id() + "/" + target.value(), s.config().transportAckTimeout());
        s.setTimer(RESPONSE + session.id() + "/" + target.value(), s.config().vouchResponseTimeout());
    }

    private static ProxyPairingRequest buildRequest(Step s, VouchingSession session, DeviceId target) {
        PairingRecord vouchee = s.st.pairings.get(session.vouchee());
        long ts = s.now().toEpochMilli();
        byte[] payload = VouchPayloads.vouch(s.st.vouchCoverage(), session.id(), vouchee.info(), vouchee.identityKey(),
                ts, target, s.self());
        byte[] signature = s.identity().sign(payload);
        byte[] sealed = new byte[0];
        if (s.st.voucherDerivesKeys()) {
            SessionKeys keys = VouchKeys.proxiedKeysSpacedrive(vouchee.pairingSecret(), session.id(), s.self(), target,
                    vouchee.peer(), vouchee.identityKey());
            sealed = VouchKeys.seal(s.st.pairings.get(target).keys().send(),
                    VouchKeys.proxiedKeysAad(session.id(), s.self(), target, vouchee.peer()), keys, s.env.random());
            s.audit(HOLDS_PROXIED_KEY, fields(KEY_FINGERPRINT, keys.fingerprint(), HOLDER, s.self().value(),
                    RECEIVER, target.value(), VOUCHEE, vouchee.peer().value(), VOUCHER, s.self().value(),
                    SESSION_ID, session.id()));
        }
        s.audit(VOUCH_SIGNED, fields(SESSION_ID, session.id(), VOUCHER, s.self().value(), VOUCHEE,
                vouchee.peer().value(), VOUCHEE_KEY, vouchee.identityFingerprint(), TARGET, target.value(),
                VOUCH_TIMESTAMP, Instant.ofEpochMilli(ts).toString(), VOUCH_ID,
                VouchPayloads.vouchId(s.self(), payload), TARGET_SIGNED, Boolean.toString(s.st.signsTarget()),
                PROFILE, s.config().profile().code(), SIGNATURE_KEY, s.identity().fingerprint(),
                VOUCHEE_PAIRING_TYPE, vouchee.type().code(), TARGET_PAIRING_TYPE,
                s.st.pairings.get(target).type().code()));
        return new ProxyPairingRequest(session.id(), vouchee.info(), vouchee.identityKey(), s.self(), signature, ts,
                sealed);
    }

    private static void enqueue(Step s, VouchingSession session, DeviceId target) {
        Key key = new Key(session.id(), target);
        Entry e = new Entry(key, session.vouchee(), s.now(), s.now().plus(s.config().queueEntryLifetime()));
        if (s.st.queue.add(e)) {
            s.audit(VOUCH_QUEUED, fields(SESSION_ID, session.id(), VOUCHER, s.self().value(), VOUCHEE,
                    session.vouchee().value(), TARGET, target.value(), QUEUED_AT, e.queuedAt().toString(),
                    EXPIRES_AT, e.expiresAt().toString(), POLL_INTERVAL_MS,
                    Long.toString(s.config().queuePollInterval().toMillis()), PROBE_MAX_MS,
                    Long.toString(s.config().presenceProbeMaxInterval().toMillis()), ACK_TIMEOUT_MS,
                    Long.toString(s.config().transportAckTimeout().toMillis())));
        }
        if (session.target(target).status() != VouchStatus.QUEUED) {
            statusChanged(s, session, target, VouchStatus.QUEUED, "");
        }
        armPoll(s);
    }

    /** The worker starts ticking when the queue gets its first entry; its ticks follow from this one. */
    private static void armPoll(Step s, Instant from) {
        if (!s.st.pollArmed && !s.st.queue.isEmpty()) {
            s.st.pollArmed = true;
            s.st.pollLast = from;
        }
    }

    private static void armPoll(Step s) {
        armPoll(s, s.now());
    }

    /**
     * Source: "A worker polls the queue every 10 seconds"; entries go when the target is online or expired. The
     * worker runs at its tick (the instant its timer was set for): expiry and probe times are compared with the tick,
     * so skipped idle ticks and the simulated clock's rounding cannot shift a poll by one interval.
     */
    static void onPoll(Step s) {
        Instant tick = s.st.pollWake == null ? s.now() : s.st.pollWake;
        s.st.pollWake = null;
        s.st.pollArmed = false;
        for (Entry e : s.st.queue.entries()) {
            VouchingSession session = s.st.sessions.get(e.key().sessionId());
            VouchingSession.Target row = session == null ? null : session.target(e.key().target());
            if (row == null || row.status().terminal()) {
                dequeue(s, e.key(), "STALE");
                continue;
            }
            if (!s.mutant(VouchMutant.QUEUE_IGNORES_EXPIRY) && !tick.isBefore(e.expiresAt())) {
                dequeue(s, e.key(), VouchReason.QUEUE_EXPIRED.code());
                statusChanged(s, session, e.key().target(), VouchStatus.UNREACHABLE, VouchReason.QUEUE_EXPIRED.code());
                maybeComplete(s, session);
                continue;
            }
            if (row.status() == VouchStatus.QUEUED && !s.st.inFlight.containsKey(e.key())) {
                if (s.st.reachable(e.key().target())) {
                    e.attempted();
                    deliver(s, session, e.key().target(), true);
                } else {
                    probe(s, e.key().target(), tick);
                }
            }
        }
        armPoll(s, tick);
    }

    /**
     * Sets the worker's timer after every input. A tick at which {@link #onPoll} would find nothing to do (targets
     * still offline, their next probe and their expiry still ahead, answers still awaited) changes no state and sends
     * nothing, so the timer skips to the first tick that has work: a vouch queued for a week costs the few ticks at
     * which it probes, not 60,480 timer events. Only an input can bring work sooner (a target's presence, an ack, a
     * withdrawal), and every input re-plans. Devices configured to poll every tick keep the plain worker.
     */
    static void planPoll(Step s) {
        DeviceState st = s.st;
        Instant wake = null;
        if (st.pollArmed) {
            Instant next = tickAtOrAfter(s, s.now());
            wake = st.queue.isEmpty() || st.config.queuePollEveryTick() ? next : firstTickWithWork(s, next);
        }
        if (Objects.equals(wake, st.pollWake)) {
            return;
        }
        st.pollWake = wake;
        if (wake == null) {
            s.cancelTimer(POLL);
        } else {
            s.setTimer(POLL, Duration.between(s.now(), wake));
        }
    }

    /** The first tick from {@code next} at which {@link #onPoll} acts on some entry, or null if only an input can. */
    private static Instant firstTickWithWork(Step s, Instant next) {
        Instant wake = null;
        for (Entry e : s.st.queue.entries()) {
            Instant due = dueAt(s, e, next);
            if (due != null) {
                Instant t = tickAtOrAfter(s, due);
                wake = wake == null || t.isBefore(wake) ? t : wake;
            }
        }
        return wake;
    }

    /** When {@link #onPoll}, read branch by branch, would next act on this entry if no input came first. */
    private static Instant dueAt(Step s, Entry e, Instant next) {
        VouchingSession session = s.st.sessions.get(e.key().sessionId());
        VouchingSession.Target row = session == null ? null : session.target(e.key().target());
        if (row == null || row.status().terminal()) {
            return next;
        }
        Instant due = s.mutant(VouchMutant.QUEUE_IGNORES_EXPIRY) ? null : e.expiresAt();
        if (row.status() == VouchStatus.QUEUED && !s.st.inFlight.containsKey(e.key())) {
            DeviceId target = e.key().target();
            DeviceState.Probe p = s.st.probes.get(target);
            Instant act = s.st.reachable(target) || p == null ? next : p.next();
            due = due == null || act.isBefore(due) ? act : due;
        }
        return due;
    }

    /** The first tick after the last one run that is neither before {@code t} nor before now. */
    private static Instant tickAtOrAfter(Step s, Instant t) {
        Duration interval = s.config().queuePollInterval();
        Instant first = s.st.pollLast.plus(interval);
        Instant from = t.isBefore(s.now()) ? s.now() : t;
        if (!from.isAfter(first)) {
            return first;
        }
        long step = interval.toNanos();
        long behind = Duration.between(first, from).toNanos();
        return first.plus(interval.multipliedBy((behind + step - 1) / step));
    }

    /** Asks a target that seems offline whether it is back, with exponential backoff up to the configured cap. */
    private static void probe(Step s, DeviceId target, Instant tick) {
        DeviceState.Probe p = s.st.probes.get(target);
        if (p != null && tick.isBefore(p.next())) {
            return;
        }
        int sent = p == null ? 0 : p.sent();
        Duration wait = s.config().queuePollInterval().multipliedBy(1L << Math.min(sent, 20));
        if (wait.compareTo(s.config().presenceProbeMaxInterval()) > 0) {
            wait = s.config().presenceProbeMaxInterval();
        }
        s.st.probes.put(target, new DeviceState.Probe(tick.plus(wait), sent + 1));
        s.send(target, VouchDevice.presence(s, target, true));
    }

    private static void dequeue(Step s, Key key, String reason) {
        s.st.queue.remove(key).ifPresent(e -> s.audit(VOUCH_DEQUEUED, fields(SESSION_ID, key.sessionId(), TARGET,
                key.target().value(), VOUCHER, s.self().value(), VOUCHEE, e.vouchee().value(), DEQUEUE_REASON,
                reason, ATTEMPT, Integer.toString(e.attempts()), EXPIRES_AT, e.expiresAt().toString())));
    }

    /** The target's transport has the request: it is online, and its answer is now awaited. */
    static void onAck(Step s, DeviceId from, TransportAck ack) {
        String hash = Bytes.hex(ack.messageHash());
        Optional<Key> found = s.st.inFlight.entrySet().stream().filter(e -> e.getValue().equals(hash))
                .map(Map.Entry::getKey).findFirst();
        if (found.isEmpty() || !found.get().target().equals(from)) {
            return;
        }
        Key key = found.get();
        PairingRecord target = s.st.pairings.get(from);
        if (s.st.authenticatesAcks() && (target == null || !Ed25519KeyPair.verify(target.identityKey(),
                VouchPayloads.ack(ack.messageHash(), from), ack.signature()))) {
            // Anyone who saw the request can name its hash: only the target's own signature says it arrived.
            s.auditRejection(ACK_IGNORED, VouchReason.ACK_SIGNATURE_INVALID, fields(SESSION_ID, key.sessionId(),
                    TARGET, from.value(), VOUCHER, s.self().value()));
            return;
        }
        s.st.inFlight.remove(key);
        s.cancelTimer(ACK + key.sessionId() + "/" + key.target().value());
        s.st.markReachable(from);
        VouchingSession session = s.st.sessions.get(key.sessionId());
        VouchingSession.Target row = session == null ? null : session.target(key.target());
        if (row != null && (row.status() == VouchStatus.SELECTED || row.status() == VouchStatus.QUEUED)) {
            statusChanged(s, session, key.target(), VouchStatus.WAITING, "");
        }
    }

    /** No delivery confirmation: the target is offline. Queue the vouch, or count the failed queue attempt. */
    static void onAckTimeout(Step s, String sessionId, DeviceId target) {
        Key key = new Key(sessionId, target);
        if (s.st.inFlight.remove(key) == null) {
            return;
        }
        s.st.reachability.put(target, false);
        VouchingSession session = s.st.sessions.get(sessionId);
        VouchingSession.Target row = session == null ? null : session.target(target);
        if (row == null || row.status().terminal()) {
            return;
        }
        s.cancelTimer(RESPONSE + sessionId + "/" + target.value());
        Optional<Entry> queued = s.st.queue.get(key);
        if (queued.isEmpty()) {
            enqueue(s, session, target);
        } else if (queued.get().attempts() >= s.config().queueMaxRetries()) {
            dequeue(s, key, VouchReason.QUEUE_RETRIES_EXHAUSTED.code());
            statusChanged(s, session, target, VouchStatus.UNREACHABLE, VouchReason.QUEUE_RETRIES_EXHAUSTED.code());
            maybeComplete(s, session);
        }
    }

    /** Source: "vouch_response_timeout" — silence from a target that has the request is a rejection. */
    static void onResponseTimeout(Step s, String sessionId, DeviceId target) {
        VouchingSession session = s.st.sessions.get(sessionId);
        VouchingSession.Target row = session == null ? null : session.target(target);
        if (row == null || row.status().terminal()) {
            return;
        }
        Key key = new Key(sessionId, target);
        if (row.status() == VouchStatus.WAITING) {
            s.st.inFlight.remove(key);
            dequeue(s, key, VouchReason.NO_RESPONSE.code());
            statusChanged(s, session, target, VouchStatus.REJECTED, VouchReason.NO_RESPONSE.code());
            maybeComplete(s, session);
        } else if (row.status() == VouchStatus.SELECTED) {
            // Only after a restart (the delivery timer died with the process): not known to be delivered, so queue.
            s.st.inFlight.remove(key);
            enqueue(s, session, target);
        }
    }

    static void onResponse(Step s, DeviceId from, ProxyPairingResponse r) {
        DeviceId target = r.acceptingDeviceId();
        Map<String, String> f = fields(SESSION_ID, r.sessionId(), VOUCHER, s.self().value(), TARGET, target.value(),
                "from", from.value(), ACCEPTED, Boolean.toString(r.accepted()));
        VouchingSession session = s.st.sessions.get(r.sessionId());
        VouchingSession.Target row = session == null ? null : session.target(target);
        if (row == null) {
            s.auditRejection(RESPONSE_IGNORED, VouchReason.RESPONSE_UNEXPECTED, f);
            return;
        }
        f.put(VOUCHEE, session.vouchee().value());
        PairingRecord targetRec = s.st.pairings.get(target);
        byte[] payload = VouchPayloads.response(s.st.signsVerdict(), r.sessionId(), target, r.accepted(),
                r.reason(), r.keyShare(), session.vouchee(), s.self());
        if (targetRec == null || !Ed25519KeyPair.verify(targetRec.identityKey(), payload, r.signature())) {
            s.auditRejection(RESPONSE_IGNORED, VouchReason.RESPONSE_SIGNATURE_INVALID, f);
            return;
        }
        s.st.markReachable(target);
        if (row.status().terminal()) {
            s.auditRejection(RESPONSE_IGNORED, VouchReason.RESPONSE_UNEXPECTED, f);
            if (r.accepted() && row.status() == VouchStatus.REJECTED) {
                // The target accepted a vouch this voucher no longer stands behind: one withdrawn meanwhile (the notice
                // may have been overtaken by the request, or the request was a late copy of a queued attempt), or one
                // it counted as refused (the target first found it dated in the future, or never answered in time,
                // and a copy, a replay, or a late answer got through after). Tell it, now that it holds the pairing:
                // otherwise the two end with different views, and the pairing outlives an unpairing of the vouchee.
                sendRevoked(s, session, target, VouchReason.VOUCH_REVOKED.code().equals(row.reason())
                        ? "accepted-after-withdrawal" : "accepted-after-rejection");
            }
            return;
        }
        Key key = new Key(r.sessionId(), target);
        s.st.inFlight.remove(key);
        s.cancelTimer(ACK + r.sessionId() + "/" + target.value());
        s.cancelTimer(RESPONSE + r.sessionId() + "/" + target.value());
        dequeue(s, key, DEQUEUED_DELIVERED);
        if (r.accepted()) {
            row.share(r.keyShare(), r.signature());
            statusChanged(s, session, target, VouchStatus.ACCEPTED, "");
        } else {
            statusChanged(s, session, target, VouchStatus.REJECTED, r.reason());
        }
        maybeComplete(s, session);
    }

    /** Source: "When all vouches reach a terminal state, the session becomes Completed", then ProxyPairingComplete. */
    private static void maybeComplete(Step s, VouchingSession session) {
        if (session.state() != SessionState.IN_PROGRESS || !session.allTerminal()
                || s.mutant(VouchMutant.NEVER_COMPLETES)) {
            return;
        }
        session.complete(s.now());
        sessionChanged(s, session);
        s.setTimer(CLEANUP + session.id(), s.config().sessionRetention());
        PairingRecord vouchee = s.st.pairings.get(session.vouchee());
        List<AcceptedDevice> accepted = new ArrayList<>();
        List<RejectedDevice> rejected = new ArrayList<>();
        for (Map.Entry<DeviceId, VouchingSession.Target> e : session.targets().entrySet()) {
            DeviceId target = e.getKey();
            VouchingSession.Target row = e.getValue();
            PairingRecord targetRec = s.st.pairings.get(target);
            if (row.status() == VouchStatus.ACCEPTED && targetRec != null && vouchee != null) {
                accepted.add(acceptedDevice(s, session, vouchee, targetRec, row));
            } else {
                String name = targetRec == null ? target.value() : targetRec.info().name();
                String reason = row.status() == VouchStatus.ACCEPTED ? VouchReason.VOUCH_REVOKED.code()
                        : row.reason().isEmpty() ? row.status().code() : row.reason();
                rejected.add(new RejectedDevice(target, name, reason));
            }
        }
        Map<String, String> f = fields(SESSION_ID, session.id(), VOUCHER, s.self().value(), VOUCHEE,
                session.vouchee().value(), "accepted-by", Integer.toString(accepted.size()), "rejected-by",
                Integer.toString(rejected.size()), "vouchee-paired", Boolean.toString(vouchee != null));
        s.audit(SESSION_COMPLETED, f);
        if (vouchee == null) {
            return;
        }
        ProxyPairingComplete unsigned = new ProxyPairingComplete(session.id(), s.self(), accepted, rejected,
                new byte[0]);
        byte[] signature = s.identity().sign(VouchPayloads.complete(unsigned));
        s.send(session.vouchee(), new ProxyPairingComplete(session.id(), s.self(), accepted, rejected, signature));
    }

    private static AcceptedDevice acceptedDevice(Step s, VouchingSession session, PairingRecord vouchee,
            PairingRecord targetRec, VouchingSession.Target row) {
        if (!s.st.voucherDerivesKeys()) {
            return new AcceptedDevice(targetRec.info(), targetRec.identityKey(), new byte[0], row.keyShare(),
                    row.shareSignature());
        }
        SessionKeys keys = VouchKeys.proxiedKeysSpacedrive(vouchee.pairingSecret(), session.id(), s.self(),
                targetRec.peer(), vouchee.peer(), vouchee.identityKey());
        byte[] sealed = VouchKeys.seal(vouchee.keys().send(), VouchKeys.proxiedKeysAad(session.id(), s.self(),
                targetRec.peer(), vouchee.peer()), keys.swapped(), s.env.random());
        return new AcceptedDevice(targetRec.info(), targetRec.identityKey(), sealed, new byte[0], new byte[0]);
    }

    /** Source: "Remove VouchingSession data one hour after completion." */
    static void onCleanup(Step s, String sessionId) {
        VouchingSession session = s.st.sessions.get(sessionId);
        if (session == null || session.state() != SessionState.COMPLETED) {
            return;
        }
        s.st.sessions.remove(sessionId);
        s.audit(SESSION_REMOVED, fields(SESSION_ID, sessionId, VOUCHER, s.self().value(), VOUCHEE,
                session.vouchee().value()));
    }

    /**
     * Beyond the source (its open question on revocation): when the voucher is unpaired from the vouchee or from a
     * target, every vouch of it that is not yet answered is withdrawn, queued ones included.
     */
    static void revokeInvolving(Step s, DeviceId unpaired) {
        for (VouchingSession session : new ArrayList<>(s.st.sessions.values())) {
            if (session.state() == SessionState.COMPLETED) {
                continue;
            }
            boolean voucheeGone = session.vouchee().equals(unpaired);
            for (Map.Entry<DeviceId, VouchingSession.Target> e : new ArrayList<>(session.targets().entrySet())) {
                DeviceId target = e.getKey();
                if (e.getValue().status().terminal() || !(voucheeGone || target.equals(unpaired))) {
                    continue;
                }
                Key key = new Key(session.id(), target);
                // In flight or Waiting: the target may have the request already and accept it before it could learn
                // of the unpairing, so it is told. A vouch only queued has not left this device.
                boolean sent = s.st.inFlight.containsKey(key) || e.getValue().status() == VouchStatus.WAITING;
                s.st.inFlight.remove(key);
                s.cancelTimer(ACK + session.id() + "/" + target.value());
                s.cancelTimer(RESPONSE + session.id() + "/" + target.value());
                dequeue(s, key, VouchReason.VOUCH_REVOKED.code());
                statusChanged(s, session, target, VouchStatus.REJECTED, VouchReason.VOUCH_REVOKED.code());
                if (sent) {
                    sendRevoked(s, session, target, "withdrawn");
                }
            }
            maybeComplete(s, session);
        }
    }

    /**
     * Tells the target, signed, that this session's vouch is withdrawn: it drops a pending prompt for it and flags a
     * Proxied pairing it already stored on it. Only a still-paired target can be told (and verify the signature); one
     * that was itself unpaired has removed this voucher and flagged what rests on it already.
     */
    private static void sendRevoked(Step s, VouchingSession session, DeviceId target, String why) {
        if (!s.st.pairings.containsKey(target) || s.mutant(VouchMutant.NO_REVOCATION_NOTICE)) {
            return;
        }
        String reason = VouchReason.VOUCH_REVOKED.code();
        byte[] signature = s.identity().sign(VouchPayloads.revoked(session.id(), s.self(), session.vouchee(), reason,
                target));
        s.send(target, new ProxyPairingRevoked(session.id(), s.self(), session.vouchee(), reason, signature));
        s.audit(REVOCATION_SENT, fields(SESSION_ID, session.id(), VOUCHER, s.self().value(), VOUCHEE,
                session.vouchee().value(), TARGET, target.value(), "why", why));
    }

    /** Timers died with the process; the persistent sessions and queue say which to set again. */
    static void onRestart(Step s) {
        armPoll(s);
        for (VouchingSession session : s.st.sessions.values()) {
            if (session.state() == SessionState.COMPLETED) {
                Duration left = Duration.between(s.now(), session.completedAt().plus(s.config().sessionRetention()));
                s.setTimer(CLEANUP + session.id(), left.isNegative() ? Duration.ZERO : left);
                continue;
            }
            for (Map.Entry<DeviceId, VouchingSession.Target> e : session.targets().entrySet()) {
                VouchStatus st = e.getValue().status();
                if (st == VouchStatus.SELECTED || st == VouchStatus.WAITING) {
                    s.setTimer(RESPONSE + session.id() + "/" + e.getKey().value(), s.config().vouchResponseTimeout());
                }
            }
        }
    }

    private static void sessionChanged(Step s, VouchingSession session) {
        s.audit(RESOURCE_CHANGED, fields(RESOURCE, "VouchingSession", SESSION_ID, session.id(), VOUCHER,
                s.self().value(), VOUCHEE, session.vouchee().value(), STATE, session.state().code()));
    }

    private static void statusChanged(Step s, VouchingSession session, DeviceId target, VouchStatus status,
            String reason) {
        session.target(target).set(status, reason);
        Map<String, String> f = fields(RESOURCE, "VouchingSession", SESSION_ID, session.id(), VOUCHER,
                s.self().value(), VOUCHEE, session.vouchee().value(), STATE, session.state().code(), TARGET,
                target.value(), STATUS, status.code(), "status-reason", reason.isEmpty() ? null : reason);
        s.audit(RESOURCE_CHANGED, f);
        if (!status.terminal()) {
            return;
        }
        Map<String, String> o = fields(SESSION_ID, session.id(), VOUCHER, s.self().value(), VOUCHEE,
                session.vouchee().value(), TARGET, target.value(), STATUS, status.code());
        if (status == VouchStatus.ACCEPTED) {
            s.accepted(OUTCOME_VOUCH, o);
        } else {
            s.rejected(OUTCOME_VOUCH, reason, o);
        }
    }
}
