package org.trustlab.simulator.vouch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trustlab.reference.core.UserAction;
import org.trustlab.reference.vouch.TrustLevel;
import org.trustlab.reference.vouch.VouchAudit;
import org.trustlab.reference.vouch.VouchConfig;
import org.trustlab.simulator.protocol.BindingContext;
import org.trustlab.simulator.protocol.DeviceSpec;
import org.trustlab.simulator.protocol.WorldFact;
import org.trustlab.simulator.protocol.WorldFacts;

/**
 * What the world knows of a vouch run, from the scenario and the users' actions:
 * <ul>
 *   <li>{@code profile}: the scenario's profile ({@code spacedrive} or {@code hardened});</li>
 *   <li>{@code identity}: each device's identity key, by its fingerprint (vouch devices do not rotate keys);</li>
 *   <li>{@code limits}: each device's configured {@code vouch_signature_max_age}, clock skew tolerance, queue entry
 *       lifetime, queue poll interval, presence probe interval and transport acknowledgement timeout, and whether
 *       it vouches every new device on its own ({@code auto_vouch_to_all});</li>
 *   <li>{@code pairing}: each side of each set-up pairing, with the trust level that side gives its peer;</li>
 *   <li>{@code trust-set}: a user marking a peer Trusted, Unreliable or Blocked ({@code network.device.trust}).</li>
 * </ul>
 */
final class VouchWorldFacts implements WorldFacts {
    private final VouchSetup setup;
    private final BindingContext ctx;

    VouchWorldFacts(VouchSetup setup, BindingContext ctx) {
        this.setup = setup;
        this.ctx = ctx;
    }

    @Override
    public List<WorldFact> initial() {
        List<WorldFact> out = new ArrayList<>();
        out.add(WorldFact.of("profile", "profile", setup.profile.code()));
        for (DeviceSpec d : ctx.devices()) {
            out.add(WorldFact.of("identity", "device", d.name(), "key-fingerprint",
                    ctx.keysOf(d.name()).ed25519(0).fingerprint()));
            VouchConfig c = setup.config(d);
            out.add(WorldFact.of("limits", "device", d.name(), "vouch-signature-max-age",
                    c.vouchSignatureMaxAge().toString(), "vouch-clock-skew-tolerance",
                    c.vouchClockSkewTolerance().toString(), "queue-entry-lifetime",
                    c.queueEntryLifetime().toString(), "queue-poll-interval", c.queuePollInterval().toString(),
                    "presence-probe-max-interval", c.presenceProbeMaxInterval().toString(),
                    "transport-ack-timeout", c.transportAckTimeout().toString(), "auto-vouch-to-all",
                    Boolean.toString(c.autoVouchToAll())));
        }
        for (VouchSetup.Pairing p : setup.pairings) {
            out.add(pairing(p.a(), p.b(), p.trustA(), p));
            out.add(pairing(p.b(), p.a(), p.trustB(), p));
        }
        return out;
    }

    private static WorldFact pairing(String device, String peer, TrustLevel trust, VouchSetup.Pairing p) {
        return WorldFact.of("pairing", "device", device, "peer", peer, "type", p.type().code(), "voucher",
                p.voucher(), "trust-level", trust.code());
    }

    @Override
    public List<WorldFact> afterUserAction(String device, UserAction action) {
        if (!action.name().equals(VouchAudit.ACTION_TRUST)) {
            return List.of();
        }
        String peer = action.arg("device");
        Optional<TrustLevel> level = TrustLevel.parse(action.arg("level"));
        if (peer == null || peer.isBlank() || level.isEmpty()) {
            return List.of();
        }
        return List.of(WorldFact.of("trust-set", "device", device, "peer", peer.trim(), "trust-level",
                level.get().code()));
    }
}
