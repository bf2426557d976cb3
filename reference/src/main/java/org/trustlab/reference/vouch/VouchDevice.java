package org.trustlab.reference.vouch;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.core.Env;
import org.trustlab.reference.core.Outputs;
import org.trustlab.reference.core.Role;
import org.trustlab.reference.core.TimerId;
import org.trustlab.reference.core.UserAction;
import org.trustlab.reference.crypto.Ed25519KeyPair;
import org.trustlab.reference.crypto.KeyRing;
import org.trustlab.reference.vouch.VouchMessage.PairingChallenge;
import org.trustlab.reference.vouch.VouchMessage.PairingConfirm;
import org.trustlab.reference.vouch.VouchMessage.PairingRequest;
import org.trustlab.reference.vouch.VouchMessage.Presence;
import org.trustlab.reference.vouch.VouchMessage.ProxyPairingComplete;
import org.trustlab.reference.vouch.VouchMessage.ProxyPairingRequest;
import org.trustlab.reference.vouch.VouchMessage.ProxyPairingResponse;
import org.trustlab.reference.vouch.VouchMessage.ProxyPairingRevoked;
import org.trustlab.reference.vouch.VouchMessage.TransportAck;
import org.trustlab.reference.vouch.VouchMessage.Unpair;

/**
 * One device of a proxy-pairing network. Every device runs the same software and plays whichever part a flow gives
 * it: the new device and the voucher in a direct pairing, the voucher, a receiving device (target) or the vouchee in
 * a vouch. A sans-IO state machine: one input and an {@link Env} in, {@link Outputs} out.
 *
 * <p>User actions: {@code network.pair.request {device}}, {@code network.pair.confirm {device, code?}},
 * {@code network.pair.reject {device}}, {@code network.pair.vouch {vouchee, targets}} (ids comma-separated, or
 * {@code all}), {@code network.pair.proxy.accept {vouchee}}, {@code network.pair.proxy.reject {vouchee}},
 * {@code network.unpair {device}}, {@code network.device.trust {device, level}}.
 *
 * <p>Persistent and volatile state are listed in {@link DeviceState}; {@link #onCrash()} drops the volatile part.
 */
public final class VouchDevice implements Role<VouchMessage> {
    private static final VouchCodec CODEC = new VouchCodec();
    private final DeviceState st;

    public VouchDevice(DeviceId self, String name, VouchConfig config, Set<VouchMutant> mutants) {
        this.st = new DeviceState(self, name, config, mutants);
    }

    public DeviceId id() {
        return st.self;
    }

    public VouchConfig config() {
        return st.config;
    }

    /**
     * Installs a pairing a scenario declares as already made (its {@code setup:}). Both devices compute the same
     * secret from their static agreement keys and a transcript fixed by the two ids.
     */
    public void install(PairingRecord record) {
        st.store(record);
    }

    /** A pairing as {@link #install} expects it, seen from {@code self}. {@code voucher} only for Proxied. */
    public static PairingRecord setupRecord(DeviceId self, KeyRing selfKeys, DeviceInfo peer, byte[] peerIdentityKey,
            PairingType type, TrustLevel trust, DeviceId voucher) {
        byte[] secret = VouchKeys.pairingSecret(selfKeys.x25519(0), peer.agreementKey(),
                VouchKeys.setupTranscript(self, peer.id())).orElseThrow(() -> new IllegalArgumentException(
                        "unusable agreement key for " + peer.id()));
        List<DeviceId> chain = type == PairingType.DIRECT ? List.of(self, peer.id()) : List.of(self, voucher, peer.id());
        return new PairingRecord(peer, peerIdentityKey, type, trust, secret, VouchKeys.channelKeys(secret, self,
                peer.id()), type == PairingType.DIRECT ? null : voucher, chain, "", false);
    }

    public Optional<PairingRecord> pairing(DeviceId peer) {
        return Optional.ofNullable(st.pairings.get(peer));
    }

    public Map<DeviceId, PairingRecord> pairings() {
        return java.util.Collections.unmodifiableMap(st.pairings);
    }

    public Map<String, VouchingSession> sessions() {
        return java.util.Collections.unmodifiableMap(st.sessions);
    }

    public VouchingQueue queue() {
        return st.queue;
    }

    @Override
    public Outputs<VouchMessage> onMessage(DeviceId from, VouchMessage message, Env env) {
        Step s = new Step(st, env);
        if (message instanceof PairingRequest m) {
            DirectPairing.onRequest(s, from, m);
        } else if (message instanceof PairingChallenge m) {
            DirectPairing.onChallenge(s, m);
        } else if (message instanceof PairingConfirm m) {
            DirectPairing.onConfirm(s, from, m);
        } else if (message instanceof ProxyPairingRequest m) {
            Receiver.onRequest(s, from, m, CODEC.encode(m));
        } else if (message instanceof ProxyPairingResponse m) {
            if (st.config.proxyPairingSupported()) {
                Voucher.onResponse(s, from, m);
            }
        } else if (message instanceof ProxyPairingComplete m) {
            if (st.config.proxyPairingSupported()) {
                Vouchee.onComplete(s, m);
            }
        } else if (message instanceof Presence m) {
            onPresence(s, m);
        } else if (message instanceof TransportAck m) {
            Voucher.onAck(s, from, m);
        } else if (message instanceof Unpair m) {
            Unpairing.onUnpair(s, m);
        } else if (message instanceof ProxyPairingRevoked m) {
            if (st.config.proxyPairingSupported()) {
                Receiver.onRevoked(s, m);
            }
        }
        return s.build();
    }

    private void onPresence(Step s, Presence p) {
        PairingRecord peer = st.pairings.get(p.deviceId());
        if (peer == null) {
            return;
        }
        if (st.authenticatesPresence()) {
            java.util.Map<String, String> f = Step.fields(VouchAudit.DEVICE, p.deviceId().value(), "timestamp",
                    Long.toString(p.timestamp()));
            if (!Ed25519KeyPair.verify(peer.identityKey(), VouchPayloads.presence(p.deviceId(), st.self,
                    p.replyRequested(), p.timestamp()), p.signature())) {
                s.auditRejection(VouchAudit.PRESENCE_IGNORED, VouchReason.PRESENCE_SIGNATURE_INVALID, f);
                return;
            }
            Long last = st.presenceSeen.get(p.deviceId());
            if (last != null && p.timestamp() <= last) {
                s.auditRejection(VouchAudit.PRESENCE_IGNORED, VouchReason.PRESENCE_REPLAYED, f);
                return;
            }
            st.presenceSeen.put(p.deviceId(), p.timestamp());
        }
        st.markReachable(p.deviceId());
        if (p.replyRequested()) {
            s.send(p.deviceId(), presence(s, p.deviceId(), false));
        }
    }

    /** This device's presence notice to {@code peer}: signed and dated in the hardened profile, bare otherwise. */
    static Presence presence(Step s, DeviceId peer, boolean replyRequested) {
        long now = s.now().toEpochMilli();
        byte[] signature = s.config().profile() == VouchProfile.HARDENED
                ? s.identity().sign(VouchPayloads.presence(s.self(), peer, replyRequested, now)) : new byte[0];
        return new Presence(s.self(), replyRequested, now, signature);
    }

    @Override
    public Outputs<VouchMessage> onTimer(TimerId timer, Env env) {
        Step s = new Step(st, env);
        String name = timer.name();
        if (name.equals(Voucher.POLL)) {
            Voucher.onPoll(s);
        } else if (name.startsWith(Voucher.ACK)) {
            String[] parts = split(name.substring(Voucher.ACK.length()));
            Voucher.onAckTimeout(s, parts[0], DeviceId.of(parts[1]));
        } else if (name.startsWith(Voucher.RESPONSE)) {
            String[] parts = split(name.substring(Voucher.RESPONSE.length()));
            Voucher.onResponseTimeout(s, parts[0], DeviceId.of(parts[1]));
        } else if (name.startsWith(Voucher.CLEANUP)) {
            Voucher.onCleanup(s, name.substring(Voucher.CLEANUP.length()));
        } else if (name.startsWith(Receiver.PROMPT)) {
            Receiver.onPromptTimeout(s, name.substring(Receiver.PROMPT.length()));
        } else if (name.startsWith(DirectPairing.TIMER_PREFIX)) {
            DirectPairing.onTimeout(s, name.substring(DirectPairing.TIMER_PREFIX.length()));
        }
        return s.build();
    }

    /** {@code <session>/<target>}: session ids never contain a slash (they are {@code s-} and hex). */
    private static String[] split(String rest) {
        int slash = rest.indexOf('/');
        return new String[] {rest.substring(0, slash), rest.substring(slash + 1)};
    }

    @Override
    public Outputs<VouchMessage> onUserAction(UserAction action, Env env) {
        Step s = new Step(st, env);
        switch (action.name()) {
            case VouchAudit.ACTION_PAIR_REQUEST -> DirectPairing.request(s, action);
            case VouchAudit.ACTION_PAIR_CONFIRM -> DirectPairing.confirm(s, action);
            case VouchAudit.ACTION_PAIR_REJECT -> DirectPairing.reject(s, action);
            case VouchAudit.ACTION_VOUCH -> Voucher.vouchAction(s, action);
            case VouchAudit.ACTION_PROXY_ACCEPT -> Receiver.answer(s, action, true);
            case VouchAudit.ACTION_PROXY_REJECT -> Receiver.answer(s, action, false);
            case VouchAudit.ACTION_UNPAIR -> Unpairing.action(s, action);
            case VouchAudit.ACTION_TRUST -> Unpairing.trust(s, action);
            default -> {
                return Role.super.onUserAction(action, env);
            }
        }
        return s.build();
    }

    /** The transport reconnects: tell every paired peer, and ask them to answer so this device learns who is on. */
    @Override
    public Outputs<VouchMessage> onOnline(Env env) {
        Step s = new Step(st, env);
        announce(s);
        return s.build();
    }

    private void announce(Step s) {
        for (DeviceId peer : st.pairings.keySet()) {
            s.send(peer, presence(s, peer, true));
        }
    }

    @Override
    public void onCrash() {
        st.crash();
    }

    @Override
    public Outputs<VouchMessage> onRestart(Env env) {
        Step s = new Step(st, env);
        Voucher.onRestart(s);
        announce(s);
        return s.build();
    }
}
