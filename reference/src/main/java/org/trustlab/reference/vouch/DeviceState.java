package org.trustlab.reference.vouch;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.vouch.VouchKeys.SessionKeys;
import org.trustlab.reference.vouch.VouchMessage.ProxyPairingRequest;
import org.trustlab.reference.vouch.VouchMessage.ProxyPairingResponse;

/**
 * Everything one device keeps, split as the source's storage splits it. Persistent (sync.db, the device registry):
 * pairings, vouching sessions, {@code vouching_queue}, the record of vouches consumed and sessions decided (the
 * replay cache: it is persistent because a cache lost on restart would reopen the 300-second replay window), and
 * the ProxyPairingComplete messages already applied. Volatile (memory): direct pairings awaiting confirmation, vouch
 * prompts awaiting the user, what the device knows about which peers are online, and deliveries awaiting the
 * transport's acknowledgement.
 */
final class DeviceState {
    record PendingInitiator(String pairingId, DeviceId peer, byte[] nonce, Instant startedAt) {}

    record PendingResponder(String pairingId, DeviceInfo peerInfo, byte[] peerIdentityKey, byte[] transcript,
            byte[] secret, String code, Instant startedAt) {}

    /** A receiver's vouch awaiting the user's answer, with the keys already derived. */
    record Prompt(String key, ProxyPairingRequest request, PairingRecord voucher, SessionKeys keys, byte[] keyShare,
            Map<String, String> fields, Instant shownAt) {}

    /** A receiver's recorded answer to one (voucher, session, vouchee). */
    record Decision(ProxyPairingResponse response, Instant decidedAt) {}

    final DeviceId self;
    final String name;
    final VouchConfig config;
    final Set<VouchMutant> mutants;

    // persistent
    final TreeMap<DeviceId, PairingRecord> pairings = new TreeMap<>();
    /** Every identity this device was ever paired with; only the stale-voucher-check mutant consults it. */
    final TreeMap<DeviceId, PairingRecord> keyCache = new TreeMap<>();
    final TreeMap<String, VouchingSession> sessions = new TreeMap<>();
    final VouchingQueue queue = new VouchingQueue();
    final TreeMap<String, Instant> consumedVouches = new TreeMap<>();
    final TreeMap<String, Decision> decisions = new TreeMap<>();
    final TreeSet<String> completesApplied = new TreeSet<>();
    /** Hardened profile: the timestamp of the last presence notice taken from each peer (a replay is not newer). */
    final TreeMap<DeviceId, Long> presenceSeen = new TreeMap<>();

    // volatile
    final TreeMap<String, PendingInitiator> initiated = new TreeMap<>();
    final TreeMap<String, PendingResponder> responding = new TreeMap<>();
    /** The initiator's side once it has the responder's half: same shape, awaiting the key confirmation. */
    final TreeMap<String, PendingResponder> confirming = new TreeMap<>();
    final TreeMap<String, Prompt> prompts = new TreeMap<>();
    final TreeMap<DeviceId, Boolean> reachability = new TreeMap<>();
    /** What an unknown peer is assumed to be: online at first start, unknown (so not online) after a crash. */
    boolean presumeReachable = true;
    final TreeMap<VouchingQueue.Key, String> inFlight = new TreeMap<>();
    /** Presence probes of queued targets that seem offline: when the next one is due, and how many were sent. */
    record Probe(Instant next, int sent) {}

    final TreeMap<DeviceId, Probe> probes = new TreeMap<>();
    /** The queue worker: ticking (the queue had entries at its last tick), its last tick, the tick its timer is for. */
    boolean pollArmed;
    Instant pollLast;
    Instant pollWake;

    DeviceState(DeviceId self, String name, VouchConfig config, Set<VouchMutant> mutants) {
        this.self = self;
        this.name = name;
        this.config = config;
        this.mutants = mutants.isEmpty() ? EnumSet.noneOf(VouchMutant.class) : EnumSet.copyOf(mutants);
    }

    boolean has(VouchMutant m) {
        return mutants.contains(m);
    }

    void markReachable(DeviceId peer) {
        reachability.put(peer, true);
        probes.remove(peer);
    }

    boolean reachable(DeviceId peer) {
        return reachability.getOrDefault(peer, presumeReachable);
    }

    /** The voucher derives the proxied keys itself: the source's design, or the hardened profile's mutant. */
    boolean voucherDerivesKeys() {
        return config.profile() == VouchProfile.SPACEDRIVE || has(VouchMutant.VOUCHER_KEEPS_KEYS);
    }

    boolean signsTarget() {
        return config.profile() == VouchProfile.HARDENED && !has(VouchMutant.UNSIGNED_TARGET);
    }

    /** What this device's vouch signatures cover: the profile's payload, less what a mutant leaves out. */
    VouchPayloads.Coverage vouchCoverage() {
        return new VouchPayloads.Coverage(signsTarget(), !has(VouchMutant.UNSIGNED_VOUCHEE_KEY),
                !has(VouchMutant.UNSIGNED_TIMESTAMP));
    }

    /** Hardened profile: presence notices are signed and taken only when newer than the last (a mutant skips it). */
    boolean authenticatesPresence() {
        return config.profile() == VouchProfile.HARDENED && !has(VouchMutant.TRUSTS_UNSIGNED_PRESENCE);
    }

    /** Hardened profile: transport acknowledgements are signed by the receiving device (a mutant skips the check). */
    boolean authenticatesAcks() {
        return config.profile() == VouchProfile.HARDENED && !has(VouchMutant.TRUSTS_UNSIGNED_ACK);
    }

    /** Whether a target's answer is signed with its verdict (a mutant leaves it out). */
    boolean signsVerdict() {
        return !has(VouchMutant.UNSIGNED_VERDICT);
    }

    void store(PairingRecord r) {
        pairings.put(r.peer(), r);
        keyCache.put(r.peer(), r);
    }

    void crash() {
        initiated.clear();
        responding.clear();
        confirming.clear();
        prompts.clear();
        reachability.clear();
        presumeReachable = false;
        inFlight.clear();
        probes.clear();
        pollArmed = false;
        pollLast = null;
        pollWake = null;
        if (has(VouchMutant.VOLATILE_QUEUE)) {
            queue.clear();
        }
    }
}
