package org.trustlab.simulator.vouch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.crypto.KeyRing;
import org.trustlab.reference.vouch.DeviceInfo;
import org.trustlab.reference.vouch.PairingRecord;
import org.trustlab.reference.vouch.PairingType;
import org.trustlab.reference.vouch.TrustLevel;
import org.trustlab.reference.vouch.VouchConfig;
import org.trustlab.reference.vouch.VouchDevice;
import org.trustlab.reference.vouch.VouchMutant;
import org.trustlab.reference.vouch.VouchProfile;
import org.trustlab.simulator.protocol.BindingContext;
import org.trustlab.simulator.protocol.ConfigView;
import org.trustlab.simulator.protocol.DeviceSpec;
import org.trustlab.simulator.protocol.ScenarioException;

/**
 * The scenario's {@code setup:} and device {@code config:} for vouch, read once per role creation (bindings are
 * stateless).
 *
 * <pre>
 * setup:
 *   profile: spacedrive              # spacedrive (default) | hardened
 *   pairings:                        # pairings that exist at time 0 (already user-confirmed)
 *     - {a: V, b: R1}                # Direct, both sides Trusted
 *     - {a: R2, b: V, trust-a: blocked}          # R2's view of V (trust-b: V's view of R2)
 *     - {a: R1, b: P, type: proxied, voucher: V} # a Proxied pairing made earlier through V
 * devices:
 *   - {name: R1, role: device, config: {auto_accept_vouched: false, proxy_pairing: true,
 *      vouch_signature_max_age: 300s, ...}}
 * </pre>
 *
 * Device config keys are the source's configuration names: {@code auto_accept_vouched}, {@code auto_vouch_to_all},
 * {@code vouch_signature_max_age}, {@code vouch_response_timeout}; plus {@code proxy_pairing} (false: a device
 * without proxy pairing), {@code name}, {@code vouch_clock_skew_tolerance}, {@code transport_ack_timeout},
 * {@code queue_poll_interval}, {@code queue_max_retries}, {@code queue_entry_lifetime}, {@code session_retention},
 * {@code pairing_confirmation_timeout}, {@code confirmation_code_digits}, {@code presence_probe_max_interval},
 * {@code queue_poll_every_tick} (true: the queue worker runs, and is traced, at every tick, idle or not).
 */
final class VouchSetup {
    static final List<String> ROLES = List.of("device", "voucher", "receiver", "target", "vouchee");

    record Pairing(String a, String b, PairingType type, String voucher, TrustLevel trustA, TrustLevel trustB) {}

    final VouchProfile profile;
    final List<Pairing> pairings;
    final Set<VouchMutant> mutants;
    private final BindingContext ctx;
    /** Setup pairings as each side installs them: X25519 and key derivation, done once per scenario and side. */
    private final Map<String, PairingRecord> records = new HashMap<>();

    VouchSetup(BindingContext ctx) {
        this.ctx = ctx;
        ConfigView s = ctx.setupView().onlyKeys("profile", "pairings");
        String p = s.string("profile", VouchProfile.SPACEDRIVE.code());
        this.profile = VouchProfile.parse(p).orElseThrow(() -> s.error("profile",
                "profile must be spacedrive or hardened, not '" + p + "'"));
        List<Pairing> list = new ArrayList<>();
        for (ConfigView m : s.maps("pairings")) {
            m.onlyKeys("a", "b", "type", "voucher", "trust-a", "trust-b");
            String a = device(ctx, m, "a");
            String b = device(ctx, m, "b");
            if (a.equals(b)) {
                throw m.error("b", "a device cannot be paired with itself");
            }
            String type = m.string("type", "direct");
            PairingType t;
            String voucher = null;
            if (type.equals("direct")) {
                t = PairingType.DIRECT;
            } else if (type.equals("proxied")) {
                t = PairingType.PROXIED;
                voucher = device(ctx, m, "voucher");
            } else {
                throw m.error("type", "pairing type must be direct or proxied, not '" + type + "'");
            }
            list.add(new Pairing(a, b, t, voucher, trust(m, "trust-a"), trust(m, "trust-b")));
        }
        this.pairings = List.copyOf(list);
        Set<VouchMutant> ms = EnumSet.noneOf(VouchMutant.class);
        ctx.mutant().ifPresent(m -> ms.add(VouchMutant.fromName(m).filter(x -> m.startsWith(VouchMutant.PREFIX))
                .orElseThrow(() -> new ScenarioException("unknown vouch mutant '" + m + "' (known: "
                        + known() + ")", "/mutant"))));
        this.mutants = Set.copyOf(ms);
    }

    /** The pairings {@code device} holds at time 0, as its role installs them. */
    List<PairingRecord> pairingsOf(DeviceSpec device) {
        List<PairingRecord> out = new ArrayList<>();
        for (int i = 0; i < pairings.size(); i++) {
            Pairing p = pairings.get(i);
            if (p.a().equals(device.name())) {
                out.add(records.computeIfAbsent(i + "/a", k -> record(device, p.b(), p.type(), p.trustA(),
                        p.voucher())));
            } else if (p.b().equals(device.name())) {
                out.add(records.computeIfAbsent(i + "/b", k -> record(device, p.a(), p.type(), p.trustB(),
                        p.voucher())));
            }
        }
        return out;
    }

    private PairingRecord record(DeviceSpec self, String peer, PairingType type, TrustLevel trust, String voucher) {
        KeyRing peerKeys = ctx.keysOf(peer);
        String peerName = ctx.device(peer).map(VouchSetup::name).orElse(peer);
        DeviceInfo info = new DeviceInfo(DeviceId.of(peer), peerName, peerKeys.x25519(0).publicKey());
        return VouchDevice.setupRecord(self.id(), ctx.keysOf(self.name()), info, peerKeys.ed25519(0).publicKey(), type,
                trust, voucher == null ? null : DeviceId.of(voucher));
    }

    private static String known() {
        List<String> names = new ArrayList<>();
        for (VouchMutant m : VouchMutant.values()) {
            names.add(m.qualifiedName());
        }
        return String.join(", ", names);
    }

    private static String device(BindingContext ctx, ConfigView m, String key) {
        String name = m.string(key);
        if (ctx.device(name).isEmpty()) {
            throw m.error(key, "no device named '" + name + "'");
        }
        return name;
    }

    private static TrustLevel trust(ConfigView m, String key) {
        String v = m.string(key, "trusted");
        return TrustLevel.parse(v).orElseThrow(() -> m.error(key, "trust level must be trusted, unreliable or "
                + "blocked, not '" + v + "'"));
    }

    VouchConfig config(DeviceSpec device) {
        ConfigView c = device.configView().onlyKeys("name", "auto_accept_vouched", "auto_vouch_to_all",
                "proxy_pairing", "vouch_signature_max_age", "vouch_clock_skew_tolerance", "vouch_response_timeout",
                "transport_ack_timeout", "queue_poll_interval", "queue_max_retries", "queue_entry_lifetime",
                "session_retention", "pairing_confirmation_timeout", "confirmation_code_digits",
                "presence_probe_max_interval", "queue_poll_every_tick");
        VouchConfig d = VouchConfig.defaults();
        try {
            return VouchConfig.builder()
                    .profile(profile)
                    .proxyPairingSupported(c.flag("proxy_pairing", true))
                    .autoAcceptVouched(c.flag("auto_accept_vouched", d.autoAcceptVouched()))
                    .autoVouchToAll(c.flag("auto_vouch_to_all", d.autoVouchToAll()))
                    .vouchSignatureMaxAge(positive(c, "vouch_signature_max_age", d.vouchSignatureMaxAge()))
                    .vouchClockSkewTolerance(c.duration("vouch_clock_skew_tolerance", d.vouchClockSkewTolerance()))
                    .vouchResponseTimeout(positive(c, "vouch_response_timeout", d.vouchResponseTimeout()))
                    .transportAckTimeout(positive(c, "transport_ack_timeout", d.transportAckTimeout()))
                    .queuePollInterval(positive(c, "queue_poll_interval", d.queuePollInterval()))
                    .queueMaxRetries(range(c, "queue_max_retries", d.queueMaxRetries(), 1, 1_000_000))
                    .queueEntryLifetime(positive(c, "queue_entry_lifetime", d.queueEntryLifetime()))
                    .sessionRetention(c.duration("session_retention", d.sessionRetention()))
                    .pairingConfirmationTimeout(positive(c, "pairing_confirmation_timeout",
                            d.pairingConfirmationTimeout()))
                    .confirmationCodeDigits(range(c, "confirmation_code_digits", d.confirmationCodeDigits(), 1, 18))
                    .presenceProbeMaxInterval(positive(c, "presence_probe_max_interval",
                            d.presenceProbeMaxInterval()))
                    .queuePollEveryTick(c.flag("queue_poll_every_tick", d.queuePollEveryTick()))
                    .build();
        } catch (IllegalArgumentException e) {
            throw c.error(null, e.getMessage());
        }
    }

    static String name(DeviceSpec device) {
        return device.configView().string("name", device.name());
    }

    private static Duration positive(ConfigView c, String key, Duration fallback) {
        Duration d = c.duration(key, fallback);
        if (d.isZero() || d.isNegative()) {
            throw c.error(key, "'" + key + "' must be positive");
        }
        return d;
    }

    private static int range(ConfigView c, String key, int fallback, int min, int max) {
        long v = c.integer(key, fallback);
        if (v < min || v > max) {
            throw c.error(key, "'" + key + "' must be between " + min + " and " + max);
        }
        return (int) v;
    }

    Optional<Pairing> pairing(String x, String y) {
        return pairings.stream().filter(p -> (p.a().equals(x) && p.b().equals(y)) || (p.a().equals(y)
                && p.b().equals(x))).findFirst();
    }
}
