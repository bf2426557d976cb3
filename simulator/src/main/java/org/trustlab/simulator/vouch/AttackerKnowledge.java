package org.trustlab.simulator.vouch;

import java.util.List;
import java.util.Optional;
import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.crypto.Ed25519KeyPair;
import org.trustlab.reference.crypto.X25519KeyPair;
import org.trustlab.reference.vouch.DeviceInfo;
import org.trustlab.reference.vouch.VouchKeys;
import org.trustlab.reference.vouch.VouchKeys.SessionKeys;
import org.trustlab.reference.vouch.VouchMessage;
import org.trustlab.reference.vouch.VouchMessage.PairingChallenge;
import org.trustlab.reference.vouch.VouchMessage.PairingRequest;
import org.trustlab.reference.vouch.VouchMessage.ProxyPairingRequest;
import org.trustlab.simulator.protocol.AttackerContext;
import org.trustlab.simulator.protocol.ForgeryRefused;
import org.trustlab.simulator.protocol.ObservedMessage;

/**
 * What a Dolev-Yao attacker can compute in proxy pairing from what it has seen and the keys it holds: a direct
 * pairing's secret (static-static X25519, so one side's long-term key plus the public transcript suffices), the
 * channel keys derived from it, and with those the proxied session keys a voucher derives (spacedrive) or a hardened
 * key share agreement (only with the vouchee's private agreement key).
 */
final class AttackerKnowledge {
    static final String ATTACKER = "attacker";

    private final AttackerContext<VouchMessage> ctx;
    private final VouchSetup setup;

    AttackerKnowledge(AttackerContext<VouchMessage> ctx) {
        this.ctx = ctx;
        this.setup = VouchBinding.SETUPS.of(ctx.binding());
    }

    VouchSetup setup() {
        return setup;
    }

    boolean holds(String device) {
        return device.equals(ATTACKER) || ctx.holdsKeys(device, 0);
    }

    Optional<X25519KeyPair> agreementKey(String device) {
        if (device.equals(ATTACKER)) {
            return Optional.of(ctx.attackerKeys().x25519(0));
        }
        return ctx.holdsKeys(device, 0) ? ctx.compromisedKeys(device).map(k -> k.x25519(0)) : Optional.empty();
    }

    /**
     * The key {@code who} ({@code attacker}, {@code device} or {@code device@generation}) names, which the attacker
     * must hold now: it never signs with its own key in a device's stead.
     */
    Ed25519KeyPair signer(String who) {
        if (who.equals(ATTACKER)) {
            return ctx.attackerKeys().ed25519(0);
        }
        String[] parts = who.split("@", 2);
        int g = parts.length == 2 ? Integer.parseInt(parts[1]) : 0;
        ForgeryRefused.unlessHeld(ctx, parts[0], g);
        return ctx.compromisedKeys(parts[0]).orElseThrow().ed25519(g);
    }

    byte[] identityKey(String device) {
        return device.equals(ATTACKER) ? ctx.attackerKeys().ed25519(0).publicKey()
                : ctx.ed25519PublicKey(device, 0);
    }

    DeviceInfo info(String device) {
        byte[] x = device.equals(ATTACKER) ? ctx.attackerKeys().x25519(0).publicKey() : ctx.x25519PublicKey(device, 0);
        String name = ctx.devices().stream().filter(d -> d.name().equals(device)).findFirst()
                .map(VouchSetup::name).orElse(device);
        return new DeviceInfo(DeviceId.of(device), name, x);
    }

    /**
     * The pairing secret of {@code a} and {@code b} if the attacker holds either side's agreement key: over the
     * latest observed direct pairing between them, else over the setup transcript of a pairing the scenario declares.
     */
    Optional<byte[]> pairingSecret(String a, String b) {
        Optional<byte[]> transcript = observedTranscript(a, b).or(() -> setup.pairing(a, b)
                .map(p -> VouchKeys.setupTranscript(DeviceId.of(a), DeviceId.of(b))));
        if (transcript.isEmpty()) {
            return Optional.empty();
        }
        Optional<X25519KeyPair> own = agreementKey(a);
        byte[] peer = info(b).agreementKey();
        if (own.isEmpty()) {
            own = agreementKey(b);
            peer = info(a).agreementKey();
        }
        if (own.isEmpty()) {
            return Optional.empty();
        }
        byte[] t = transcript.get();
        return own.get().agree(peer).map(dh -> VouchKeys.pairingSecretFromShared(dh, t));
    }

    /** The channel keys in {@code self}'s orientation, when the pairing secret is known. */
    Optional<SessionKeys> channel(String self, String peer) {
        return pairingSecret(self, peer).map(s -> VouchKeys.channelKeys(s, DeviceId.of(self), DeviceId.of(peer)));
    }

    private Optional<byte[]> observedTranscript(String a, String b) {
        List<ObservedMessage<VouchMessage>> seen = ctx.observed();
        for (int i = seen.size() - 1; i >= 0; i--) {
            ObservedMessage<VouchMessage> o = seen.get(i);
            if (!(o.message() instanceof PairingChallenge ch)) {
                continue;
            }
            String responder = ch.device().id().value();
            String initiator = o.to().value();
            if (!((responder.equals(a) && initiator.equals(b)) || (responder.equals(b) && initiator.equals(a)))) {
                continue;
            }
            for (int j = i - 1; j >= 0; j--) {
                if (seen.get(j).message() instanceof PairingRequest req && req.pairingId().equals(ch.pairingId())
                        && req.device().id().value().equals(initiator)) {
                    return Optional.of(VouchKeys.pairingTranscript(req.pairingId(), req.device(), req.publicKey(),
                            req.nonce(), ch.device(), ch.publicKey(), ch.nonce()));
                }
            }
        }
        return Optional.empty();
    }

    /** The latest observed ProxyPairingResponse of {@code sessionId} sent by {@code sentBy} (any, if null). */
    Optional<ObservedMessage<VouchMessage>> response(String sessionId, String sentBy) {
        List<ObservedMessage<VouchMessage>> seen = ctx.observed();
        for (int i = seen.size() - 1; i >= 0; i--) {
            if (seen.get(i).message() instanceof VouchMessage.ProxyPairingResponse r
                    && (sessionId == null || r.sessionId().equals(sessionId))
                    && (sentBy == null || seen.get(i).from().value().equals(sentBy))) {
                return Optional.of(seen.get(i));
            }
        }
        return Optional.empty();
    }

    /** The latest observed ProxyPairingRequest of {@code sessionId} (any, if null). */
    Optional<ObservedMessage<VouchMessage>> request(String sessionId) {
        return request(sessionId, null);
    }

    /** The latest observed ProxyPairingRequest of {@code sessionId} sent to {@code sentTo} (any, if null). */
    Optional<ObservedMessage<VouchMessage>> request(String sessionId, String sentTo) {
        List<ObservedMessage<VouchMessage>> seen = ctx.observed();
        for (int i = seen.size() - 1; i >= 0; i--) {
            if (seen.get(i).message() instanceof ProxyPairingRequest r
                    && (sessionId == null || r.sessionId().equals(sessionId))
                    && (sentTo == null || seen.get(i).to().value().equals(sentTo))) {
                return Optional.of(seen.get(i));
            }
        }
        return Optional.empty();
    }
}
