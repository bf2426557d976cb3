package org.trustlab.simulator.autojoin;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.trustlab.reference.autojoin.AutoJoinMutant;
import org.trustlab.reference.autojoin.ClientId;
import org.trustlab.reference.autojoin.CryptoProfile;
import org.trustlab.reference.autojoin.DeviceIdentity;
import org.trustlab.reference.autojoin.GrantScope;
import org.trustlab.reference.autojoin.TrustedDeviceGrant;
import org.trustlab.reference.autojoin.TrustedPublicKey;
import org.trustlab.reference.crypto.Hashes;
import org.trustlab.reference.crypto.KeyRing;
import org.trustlab.simulator.protocol.BindingContext;
import org.trustlab.simulator.protocol.ConfigView;
import org.trustlab.simulator.protocol.DeviceSpec;
import org.trustlab.simulator.protocol.Durations;
import org.trustlab.simulator.protocol.ScenarioException;

/**
 * The scenario's {@code setup:} for autojoin, read once per scenario and thread
 * ({@link org.trustlab.simulator.protocol.SetupCache}). Keys:
 *
 * <pre>
 * setup:
 *   profile: hardened            # bytesync | hardened (default) | ed25519
 *   server: server               # the relaying session server (default: the device whose role is server)
 *   challenge-ttl: 30s           # validator defaults; a validator's config may override them
 *   skew-tolerance: 2s
 *   grant-scope: AutoJoin        # scope of grants created by a manual join
 *   grant-validity: 30d
 *   sessions:
 *     S1: {password: Correct-Horse, members: [laptop, desktop]}
 *   trust:                       # trusted public keys; "phone@1" trusts phone's generation-1 key
 *     - {device: laptop, trusts: [phone]}
 *   grants:
 *     - {owner: laptop, trusted: phone, generation: 0, owner-generation: 0, scope: AutoJoin,
 *        created: -1d, expires: 30d, revoked: false}   # times relative to virtual time 0
 * </pre>
 *
 * Later trust lines for the same client are newer, so they win (ByteSync's newest-entry rule).
 */
final class AutoJoinSetup {
    /**
     * The specification's bounds ("challenges expire quickly"): a challenge lives at most five minutes and a
     * validator forgives at most 30 seconds of clock skew. A scenario that configures more is refused at load time;
     * a validator that uses more than it was configured with is judged by {@code autojoin.freshness}.
     */
    static final Duration MAX_CHALLENGE_TTL = Duration.ofMinutes(5);
    static final Duration MAX_SKEW_TOLERANCE = Duration.ofSeconds(30);

    final CryptoProfile profile;
    final Optional<String> server;
    final Duration challengeTtl;
    final Duration skewTolerance;
    final GrantScope grantScope;
    final Duration grantValidity;
    final Map<String, SessionSpec> sessions;
    final Map<String, List<TrustedPublicKey>> trust;
    final Map<String, List<TrustedDeviceGrant>> grants;
    final Optional<AutoJoinMutant> mutant;
    private final BindingContext ctx;
    private final Map<String, DeviceIdentity> identities = new TreeMap<>();
    private final Map<Trial, Optional<byte[]>> trials = new HashMap<>();

    /** One key tried on one ciphertext: the key named by its owner (null: the attacker's own) and generation. */
    private record Trial(String owner, int generation, ByteBuffer ciphertext) {}

    record SessionSpec(String password, List<String> members, byte[] aesKey) {}

    AutoJoinSetup(BindingContext ctx) {
        this.ctx = ctx;
        ConfigView s = ctx.setupView().onlyKeys("profile", "server", "challenge-ttl", "skew-tolerance",
                "grant-scope", "grant-validity", "sessions", "trust", "grants");
        String p = s.string("profile", CryptoProfile.DEFAULT.profileName());
        this.profile = CryptoProfile.fromName(p).orElseThrow(() -> s.error("profile",
                "profile must be bytesync, hardened or ed25519, not '" + p + "'"));
        this.server = s.optionalString("server").or(() -> ctx.devices().stream()
                .filter(d -> d.role().equals("server")).map(DeviceSpec::name).findFirst());
        server.ifPresent(name -> requireDevice(s, "server", name));
        this.challengeTtl = capped(s, "challenge-ttl", Duration.ofSeconds(30), MAX_CHALLENGE_TTL);
        this.skewTolerance = capped(s, "skew-tolerance", Duration.ofSeconds(2), MAX_SKEW_TOLERANCE);
        this.grantScope = scope(s, "grant-scope", GrantScope.AUTO_JOIN);
        this.grantValidity = s.duration("grant-validity", Duration.ofDays(30));
        this.mutant = ctx.mutant().map(m -> AutoJoinMutant.fromName(m).filter(x -> m.startsWith(
                AutoJoinMutant.PREFIX)).orElseThrow(() -> new ScenarioException("unknown autojoin mutant '" + m
                        + "' (known: " + knownMutants() + ")", "/mutant")));
        this.sessions = readSessions(s.map("sessions"));
        this.trust = readTrust(s);
        this.grants = readGrants(s);
    }

    static String knownMutants() {
        List<String> names = new ArrayList<>();
        for (AutoJoinMutant m : AutoJoinMutant.values()) {
            names.add(m.qualifiedName());
        }
        return String.join(", ", names);
    }

    /**
     * The attacker's trial decryption of {@code ciphertext} with the owner's key of {@code generation}, at most
     * once per key and ciphertext. The attacker tries every key it holds on every encrypted message it observes, and
     * it observes a relayed message on each hop (the server forwards it), so the same trial came round again and
     * again; remembering them halved the time autojoin campaigns spent in the attacker's cryptography. The outcome
     * depends only on the key and the bytes, and a held key only on its owner, its generation and this setup's
     * context (key seed and profile), whether the attacker compromised it or registered the device itself.
     */
    Optional<byte[]> trialDecrypt(String owner, KeyRing ring, int generation, byte[] ciphertext) {
        return trials.computeIfAbsent(new Trial(owner, generation, ByteBuffer.wrap(ciphertext.clone())),
                t -> profile.decrypt(ring, generation, ciphertext));
    }

    /** A device's identity under the run's profile: client id from its installation id and first key. */
    DeviceIdentity identity(String device, int generation) {
        String key = device + "@" + generation;
        DeviceIdentity id = identities.get(key);
        if (id == null) {
            id = DeviceIdentity.of(ctx.keysOf(device), installationId(device), profile, generation);
            identities.put(key, id);
        }
        return id;
    }

    String installationId(String device) {
        return ctx.device(device).map(d -> d.configView().string("installation-id", device)).orElse(device);
    }

    /** Every scenario device that has a ByteSync identity (all but the server), by name. */
    Map<String, ClientId> directory() {
        Map<String, ClientId> d = new TreeMap<>();
        for (DeviceSpec spec : ctx.devices()) {
            if (!spec.role().equals("server")) {
                d.put(spec.name(), identity(spec.name(), 0).clientId());
            }
        }
        return d;
    }

    private Map<String, SessionSpec> readSessions(ConfigView sessionsView) {
        Map<String, SessionSpec> out = new LinkedHashMap<>();
        for (String id : sessionsView.values().keySet()) {
            ConfigView one = sessionsView.map(id).onlyKeys("password", "members");
            List<String> members = one.strings("members");
            for (int i = 0; i < members.size(); i++) {
                requireDevice(one, "members", members.get(i));
            }
            // Members share the session's AES key; derive it from the key seed so every member holds the same.
            byte[] key = Hashes.sha256("trustlab/autojoin/session-key/v1".getBytes(StandardCharsets.UTF_8),
                    Long.toString(ctx.keySeed()).getBytes(StandardCharsets.UTF_8),
                    id.getBytes(StandardCharsets.UTF_8));
            out.put(id, new SessionSpec(one.string("password"), members, key));
        }
        return out;
    }

    private Map<String, List<TrustedPublicKey>> readTrust(ConfigView s) {
        Map<String, List<TrustedPublicKey>> out = new TreeMap<>();
        List<ConfigView> lines = s.maps("trust");
        long order = 0;
        for (ConfigView line : lines) {
            line.onlyKeys("device", "trusts", "salt");
            String owner = line.string("device");
            requireDevice(line, "device", owner);
            for (String t : line.strings("trusts")) {
                String[] parts = t.split("@", 2);
                requireDevice(line, "trusts", parts[0]);
                int generation = parts.length == 2 ? parseGeneration(line, "trusts", parts[1]) : 0;
                byte[] key = identity(parts[0], generation).publicKey();
                String salt = line.string("salt", owner + "/" + parts[0]);
                Instant validated = ctx.epoch().minus(Duration.ofDays(2)).plusMillis(order++);
                out.computeIfAbsent(owner, k -> new ArrayList<>()).add(TrustedPublicKey.of(
                        identity(parts[0], 0).clientId(), key,
                        profile.safetyKey(identity(owner, 0).publicKey(), key, salt), validated));
            }
        }
        return out;
    }

    private Map<String, List<TrustedDeviceGrant>> readGrants(ConfigView s) {
        Map<String, List<TrustedDeviceGrant>> out = new TreeMap<>();
        for (ConfigView g : s.maps("grants")) {
            g.onlyKeys("owner", "trusted", "generation", "owner-generation", "scope", "created", "expires",
                    "revoked");
            String owner = g.string("owner");
            String trusted = g.string("trusted");
            requireDevice(g, "owner", owner);
            requireDevice(g, "trusted", trusted);
            DeviceIdentity o = identity(owner, (int) g.integer("owner-generation", 0));
            DeviceIdentity t = identity(trusted, (int) g.integer("generation", 0));
            out.computeIfAbsent(owner, k -> new ArrayList<>()).add(new TrustedDeviceGrant(o.clientId(),
                    o.fingerprint(), t.clientId(), t.fingerprint(), at(g, "created", Duration.ofDays(-1)),
                    at(g, "expires", Duration.ofDays(30)), g.flag("revoked", false),
                    scope(g, "scope", GrantScope.AUTO_JOIN)));
        }
        return out;
    }

    private Instant at(ConfigView v, String key, Duration fallback) {
        Optional<String> text = v.optionalString(key);
        if (text.isEmpty()) {
            return ctx.epoch().plus(fallback);
        }
        return ctx.epoch().plus(Durations.parseSigned(text.get()).orElseThrow(() -> v.error(key,
                "'" + key + "' must be a signed duration from virtual time 0, like -1d or 30s")));
    }

    /** A duration setting within the specification's cap; beyond it the scenario is refused where it says so. */
    static Duration capped(ConfigView v, String key, Duration fallback, Duration cap) {
        Duration d = v.duration(key, fallback);
        if (d.compareTo(cap) > 0) {
            throw v.error(key, key + " " + Durations.format(d) + " exceeds the specification's cap of "
                    + Durations.format(cap));
        }
        return d;
    }

    static GrantScope scope(ConfigView v, String key, GrantScope fallback) {
        Optional<String> text = v.optionalString(key);
        return text.map(t -> GrantScope.fromName(t).orElseThrow(() -> v.error(key,
                "scope must be AutoJoin, AutoInventory or AutoSynchronize, not '" + t + "'"))).orElse(fallback);
    }

    private static int parseGeneration(ConfigView v, String key, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw v.error(key, "key generation after '@' must be a number, not '" + text + "'");
        }
    }

    private void requireDevice(ConfigView v, String key, String name) {
        if (ctx.device(name).isEmpty()) {
            throw v.error(key, "unknown device '" + name + "'");
        }
    }
}
