package org.trustlab.simulator.autojoin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.trustlab.reference.autojoin.AutoJoinCodec;
import org.trustlab.reference.autojoin.AutoJoinMessage.AskAutoJoin;
import org.trustlab.reference.autojoin.AutoJoinMessage.AskJoinCloudSessionParameters;
import org.trustlab.reference.autojoin.AutoJoinMessage.AutoJoinChallenge;
import org.trustlab.reference.autojoin.AutoJoinMessage.AutoJoinChallengeResponse;
import org.trustlab.reference.autojoin.AutoJoinMessage.AutoJoinRejected;
import org.trustlab.reference.autojoin.AutoJoinMessage.GiveCloudSessionPasswordExchangeKeyParameters;
import org.trustlab.reference.autojoin.AutoJoinMessage.ValidateJoinCloudSessionParameters;
import org.trustlab.reference.autojoin.AutoJoinMessage;
import org.trustlab.reference.autojoin.AutoJoinMutant;
import org.trustlab.reference.autojoin.AutoJoinRequester;
import org.trustlab.reference.autojoin.AutoJoinValidator;
import org.trustlab.reference.autojoin.Challenge;
import org.trustlab.reference.autojoin.CloudSessionServer;
import org.trustlab.reference.autojoin.PublicKeyInfo;
import org.trustlab.reference.autojoin.Purpose;
import org.trustlab.reference.autojoin.RequesterConfig;
import org.trustlab.reference.autojoin.ValidatorConfig;
import org.trustlab.reference.core.Role;
import org.trustlab.reference.core.WireCodec;
import org.trustlab.reference.crypto.Bytes;
import org.trustlab.reference.crypto.KeyRing;
import org.trustlab.simulator.protocol.AttackerContext;
import org.trustlab.simulator.protocol.BindingContext;
import org.trustlab.simulator.protocol.ConfigView;
import org.trustlab.simulator.protocol.DeviceSpec;
import org.trustlab.simulator.protocol.ForgeryRefused;
import org.trustlab.simulator.protocol.LearnedSecret;
import org.trustlab.simulator.protocol.ObservedMessage;
import org.trustlab.simulator.protocol.ProtocolBinding;
import org.trustlab.simulator.protocol.ScenarioException;
import org.trustlab.simulator.protocol.SetupCache;
import org.trustlab.simulator.protocol.Vocabulary;
import org.trustlab.simulator.protocol.WorldFacts;

/**
 * Hosts ByteSync's automatic join ({@code protocol: autojoin}). Roles: {@code requester} (the joining device),
 * {@code validator} (a session member holding grants) and {@code server} (the relaying session server). Set-up
 * is described in {@link AutoJoinSetup}; device config keys: {@code installation-id}, {@code key-generation}
 * (both roles), and for validators {@code challenge-ttl}, {@code skew-tolerance}, {@code grant-scope},
 * {@code grant-validity}. User actions: requester {@code join} (session, password), {@code auto-join} (session,
 * validator, purpose), {@code rotate-key} (generation); validator {@code revoke-grant} (client), {@code forget-key}
 * (client), {@code rotate-key}.
 */
public final class AutoJoinBinding implements ProtocolBinding<AutoJoinMessage> {
    /** The validator's session keys are 32 random bytes (AES-256). */
    static final int SESSION_KEY_BYTES = 32;
    public static final String NAME = "autojoin";
    private static final AutoJoinCodec CODEC = new AutoJoinCodec();
    private static final SetupCache<AutoJoinSetup> SETUPS = new SetupCache<>(AutoJoinSetup::new);
    /** Key generations the attacker's analysis tries on a compromised device. */
    private static final int MAX_GENERATION = 4;

    @Override
    public String name() {
        return NAME;
    }

    /** The session password a user types into {@code join} (and an attacker's guess at it). */
    @Override
    public Map<String, String> lowEntropyFields() {
        return LOW_ENTROPY_FIELDS;
    }

    private static final Map<String, String> LOW_ENTROPY_FIELDS = Map.of("password", "password");

    @Override
    public Vocabulary vocabulary() {
        return AutoJoinWords.VOCABULARY;
    }

    /** Audits name devices by client id: {@code target: laptop} matches the laptop's. */
    @Override
    public Set<String> aliases(String device, BindingContext ctx) {
        if (ctx.device(device).isEmpty()) {
            return Set.of();
        }
        return Set.of(SETUPS.of(ctx).identity(device, 0).clientId().value());
    }

    @Override
    public WireCodec<AutoJoinMessage> codec() {
        return CODEC;
    }

    @Override
    public WorldFacts worldFacts(BindingContext ctx) {
        return new AutoJoinWorldFacts(SETUPS.of(ctx), ctx.devices());
    }

    @Override
    public Role<AutoJoinMessage> createRole(DeviceSpec device, BindingContext ctx) {
        AutoJoinSetup setup = SETUPS.of(ctx);
        Set<AutoJoinMutant> mutants = setup.mutant.map(Set::of).orElse(Set.of());
        ConfigView cfg = device.configView();
        switch (device.role()) {
            case "server": {
                cfg.onlyKeys();
                Map<String, List<String>> members = new TreeMap<>();
                setup.sessions.forEach((id, s) -> members.put(id, s.members()));
                return new CloudSessionServer(device.name(), members);
            }
            case "requester": {
                cfg.onlyKeys("installation-id", "key-generation");
                return new AutoJoinRequester(new RequesterConfig(device.name(), setup.installationId(device.name()),
                        setup.profile, (int) cfg.integer("key-generation", 0), setup.server, mutants,
                        setup.directory(), setup.trust.getOrDefault(device.name(), List.of())));
            }
            case "validator": {
                cfg.onlyKeys("installation-id", "key-generation", "challenge-ttl", "skew-tolerance", "grant-scope",
                        "grant-validity");
                Map<String, ValidatorConfig.SessionSecret> sessions = new TreeMap<>();
                setup.sessions.forEach((id, s) -> {
                    if (s.members().contains(device.name())) {
                        sessions.put(id, new ValidatorConfig.SessionSecret(s.password(), Optional.of(s.aesKey())));
                    }
                });
                Duration ttl = AutoJoinSetup.capped(cfg, "challenge-ttl", setup.challengeTtl,
                        AutoJoinSetup.MAX_CHALLENGE_TTL);
                if (ttl.isZero()) {
                    throw cfg.error("challenge-ttl", "challenge-ttl must be positive");
                }
                return new AutoJoinValidator(new ValidatorConfig(device.name(), setup.installationId(device.name()),
                        setup.profile, (int) cfg.integer("key-generation", 0), sessions, setup.server, ttl,
                        AutoJoinSetup.capped(cfg, "skew-tolerance", setup.skewTolerance,
                                AutoJoinSetup.MAX_SKEW_TOLERANCE),
                        AutoJoinSetup.scope(cfg, "grant-scope", setup.grantScope),
                        cfg.duration("grant-validity", setup.grantValidity), mutants, setup.directory(),
                        setup.trust.getOrDefault(device.name(), List.of()),
                        setup.grants.getOrDefault(device.name(), List.of())));
            }
            default:
                throw new ScenarioException("autojoin devices have role requester, validator or server, not '"
                        + device.role() + "'", "role");
        }
    }

    /**
     * {@code message:} for {@code inject} steps:
     * <ul>
     *   <li>{@code type: ask-auto-join} with {@code session}, {@code claim} (the device whose client id is claimed),
     *       {@code key} ({@code attacker}, the default, or {@code device[@generation]}: whose public key is
     *       presented), {@code instance} (where answers go; default {@code attacker}), {@code validator},
     *       {@code purpose}.</li>
     *   <li>{@code type: challenge-response}: answers an observed challenge. {@code challenge}: {@code last}
     *       (default) or {@code for:<instance>}; substitutions {@code session}, {@code requester} (a device),
     *       {@code purpose}; the signature is {@code sign-with: attacker | device[@generation]} (a device's key,
     *       which the attacker must hold then) or {@code signature-from: last-response} (copied);
     *       {@code instance} and {@code validator} override the routing.</li>
     *   <li>{@code type: challenge}: a challenge for a requester, built from an observed one ({@code challenge})
     *       with {@code nonce-from} another observed challenge ({@code for:<instance>}); {@code to} (the requester
     *       device it goes to), {@code validator}, {@code session}, {@code requester}, {@code target},
     *       {@code purpose} rewrite it (challenges are unsigned).</li>
     *   <li>{@code type: validate-join}: a session key for {@code requester} as from {@code validator}, signed with
     *       {@code sign-with} (a key the attacker holds) or {@code signature-from: last}; {@code finalize-join},
     *       {@code rejected} ({@code reason}), {@code ask-exchange-key} ({@code claim}, {@code key}),
     *       {@code ask-join} ({@code password}, {@code sign-with}): see {@link AutoJoinForgeries}.</li>
     *   <li>{@code type: give-exchange-key}: the answer to a manual join, offering {@code key} ({@code attacker},
     *       the default, or {@code device[@generation]}) as the key of member {@code claim} of {@code session},
     *       to {@code requester} (a device; its instance unless {@code instance} names another).</li>
     *   <li>{@code type: rejected}: a refusal of {@code requester}'s join of {@code session} in {@code validator}'s
     *       name ({@code flow} auto-join by default, {@code reason} GRANT_REVOKED by default), unsigned.</li>
     * </ul>
     */
    @Override
    public AutoJoinMessage forge(Map<String, Object> spec, AttackerContext<AutoJoinMessage> ctx) {
        ConfigView m = new ConfigView(spec, "message");
        AutoJoinSetup setup = SETUPS.of(ctx.binding());
        String type = m.string("type");
        switch (type) {
            case "ask-auto-join": {
                m.onlyKeys("type", "session", "claim", "key", "instance", "validator", "purpose");
                String claim = deviceOrFirst(m, "claim", "requester", ctx);
                PublicKeyInfo info = new PublicKeyInfo(setup.identity(claim, 0).clientId(),
                        publicKey(m.string("key", "attacker"), setup, ctx));
                return new AskAutoJoin(m.string("session", firstSession(setup)), m.string("instance", "attacker"),
                        deviceOrFirst(m, "validator", "validator", ctx), info, purpose(m));
            }
            case "challenge-response": {
                m.onlyKeys("type", "challenge", "session", "requester", "purpose", "sign-with", "signature-from",
                        "instance", "validator");
                Optional<AutoJoinChallenge> seen = challenge(m.string("challenge", "last"), ctx);
                Challenge base = seen.map(AutoJoinChallenge::challenge).orElseGet(() -> guessed(setup, ctx));
                Challenge c = new Challenge(m.string("session", base.sessionId()),
                        m.optionalString("requester").map(r -> setup.identity(r, 0).clientId())
                                .orElse(base.requester()),
                        base.target(), base.issuedAt(), base.expiresAt(),
                        m.has("purpose") ? purpose(m) : base.purpose(), base.nonce(), base.epoch());
                byte[] signature;
                if (m.has("signature-from")) {
                    signature = lastResponse(ctx).map(AutoJoinChallengeResponse::signature)
                            .orElseGet(() -> ctx.random().bytes(64));
                } else {
                    signature = sign(m.string("sign-with", "attacker"), c.signingInput(), setup, ctx);
                }
                String instance = m.string("instance", seen.map(AutoJoinChallenge::joinerInstanceId)
                        .orElse("attacker"));
                String validator = m.string("validator", seen.map(AutoJoinChallenge::validatorInstanceId)
                        .orElseGet(() -> deviceOrFirst(m, "validator", "validator", ctx)));
                return new AutoJoinChallengeResponse(instance, validator, c, signature);
            }
            case "challenge": {
                m.onlyKeys("type", "challenge", "nonce-from", "to", "validator", "session", "requester", "target",
                        "purpose");
                AutoJoinChallenge base = challenge(m.string("challenge", "last"), ctx)
                        .orElseThrow(() -> m.error("challenge", "no such challenge has been observed yet"));
                byte[] nonce = challenge(m.string("nonce-from", "last"), ctx).map(c -> c.challenge().nonce())
                        .orElseGet(() -> ctx.random().bytes(Challenge.NONCE_LENGTH));
                return AutoJoinForgeries.challenge(m, setup, ctx, base, nonce);
            }
            case "give-exchange-key": {
                // The server's answer to a manual join, naming the member whose key the password is to be
                // encrypted to: it carries no authentication, so the requester must check the key against those
                // it trusts.
                m.onlyKeys("type", "session", "claim", "key", "requester", "instance");
                String claim = deviceOrFirst(m, "claim", "validator", ctx);
                PublicKeyInfo info = new PublicKeyInfo(setup.identity(claim, 0).clientId(),
                        publicKey(m.string("key", "attacker"), setup, ctx));
                String requester = deviceOrFirst(m, "requester", "requester", ctx);
                return new GiveCloudSessionPasswordExchangeKeyParameters(m.string("session", firstSession(setup)),
                        m.string("instance", setup.installationId(requester)), setup.installationId(claim), info);
            }
            default:
                if (AutoJoinForgeries.TYPES.contains(type)) {
                    return AutoJoinForgeries.forge(type, m, setup, ctx);
                }
                throw m.error("type", "autojoin forgeries are ask-auto-join, challenge-response, challenge, "
                        + "give-exchange-key, " + String.join(", ", AutoJoinForgeries.TYPES) + ", not '" + type
                        + "'");
        }
    }

    /**
     * The attacker learns the session key from a {@code ValidateJoinCloudSessionParameters} it can decrypt (it was
     * encrypted to the attacker's key or to a key it compromised), and the session password from an
     * {@code AskJoinCloudSessionParameters} in the same way.
     */
    @Override
    public List<LearnedSecret> analyze(AutoJoinMessage message, AttackerContext<AutoJoinMessage> ctx) {
        byte[] ciphertext;
        String password;
        if (message instanceof ValidateJoinCloudSessionParameters v) {
            ciphertext = v.encryptedAesKey();
            password = null;
        } else if (message instanceof AskJoinCloudSessionParameters a) {
            ciphertext = a.encryptedPassword();
            password = a.sessionId();
        } else {
            return List.of();
        }
        AutoJoinSetup setup = SETUPS.of(ctx.binding());
        List<KeyRingAt> rings = new ArrayList<>();
        rings.add(new KeyRingAt(null, ctx.attackerKeys(), 0));
        for (DeviceSpec d : ctx.devices()) {
            for (int g = 0; g <= MAX_GENERATION; g++) {
                if (ctx.holdsKeys(d.name(), g)) {
                    rings.add(new KeyRingAt(d.name(), ctx.compromisedKeys(d.name()).orElseThrow(), g));
                }
            }
        }
        for (KeyRingAt r : rings) {
            Optional<byte[]> plain = setup.trialDecrypt(r.owner(), r.ring(), r.generation(), ciphertext);
            if (plain.isPresent() && password == null && plain.get().length != SESSION_KEY_BYTES) {
                // bytesync encrypts with RSA PKCS#1 v1.5: under a key that is not the recipient's, about one trial
                // in 2^16 still passes the padding check and yields random bytes of a random length. Those are
                // not the session key, and the attacker has learned nothing (found by a 100,000-run campaign).
                continue;
            }
            if (plain.isPresent()) {
                // A password is low-entropy: named by its session, never fingerprinted (a dictionary inverts that).
                return List.of(password == null ? new LearnedSecret("session-key", Bytes.fingerprint(plain.get()))
                        : LearnedSecret.lowEntropy("session-password", "session " + password));
            }
        }
        return List.of();
    }

    /** A key ring the attacker holds, its owner (null: the attacker's own) and the generation it may use. */
    private record KeyRingAt(String owner, KeyRing ring, int generation) {}

    /** The compromised key's fingerprint and client id, as audits name them, so invariants can match them. */
    @Override
    public Map<String, String> compromisedKeyFacts(String device, int generation, BindingContext ctx) {
        if (ctx.device(device).isEmpty()) {
            return Map.of();
        }
        AutoJoinSetup setup = SETUPS.of(ctx);
        return Map.of("key-fingerprint", setup.identity(device, generation).fingerprint(), "client",
                setup.identity(device, 0).clientId().value());
    }

    @Override
    public List<Map<String, Object>> forgeryMenu() {
        return List.of(
                ProtocolBinding.forgery("type", "challenge-response", "sign-with", "attacker"),
                ProtocolBinding.forgery("type", "challenge-response", "signature-from", "last-response"),
                ProtocolBinding.forgery("type", "ask-auto-join", "key", "attacker"),
                ProtocolBinding.forgery("type", "give-exchange-key", "key", "attacker"),
                ProtocolBinding.forgery("type", "validate-join", "sign-with", "attacker"),
                ProtocolBinding.forgery("type", "finalize-join", "confirmation-from", "last"),
                ProtocolBinding.forgery("type", "rejected", "reason", "CHALLENGE_EXPIRED"),
                ProtocolBinding.forgery("type", "ask-exchange-key", "key", "attacker"),
                ProtocolBinding.forgery("type", "ask-join", "sign-with", "attacker"));
    }

    /** What each message says on the wire, for the invariants that judge a device by what it sent or received. */
    @Override
    public Map<String, String> wireFacts(AutoJoinMessage message) {
        return AutoJoinWire.facts(message);
    }

    // ---- forging helpers -------------------------------------------------------------------------------------

    static Purpose purpose(ConfigView m) {
        String p = m.string("purpose", "auto-join");
        return Purpose.fromWire(p).orElseThrow(() -> m.error("purpose",
                "purpose must be auto-join, auto-inventory or auto-synchronize, not '" + p + "'"));
    }

    static String deviceOrFirst(ConfigView m, String key, String role,
            AttackerContext<AutoJoinMessage> ctx) {
        if (m.has(key)) {
            String name = m.string(key);
            if (ctx.binding().device(name).isEmpty()) {
                throw m.error(key, "unknown device '" + name + "'");
            }
            return name;
        }
        return ctx.devices().stream().filter(d -> d.role().equals(role)).map(DeviceSpec::name).findFirst()
                .orElseThrow(() -> m.error(key, "no " + role + " in the scenario"));
    }

    static String firstSession(AutoJoinSetup setup) {
        return setup.sessions.keySet().stream().findFirst().orElse("S1");
    }

    /** {@code attacker}: the attacker's own key; {@code device[@g]}: that device's public key (public knowledge). */
    static byte[] publicKey(String who, AutoJoinSetup setup, AttackerContext<AutoJoinMessage> ctx) {
        if (who.equals("attacker")) {
            return setup.profile.publicKey(ctx.attackerKeys(), 0);
        }
        String[] parts = who.split("@", 2);
        return setup.identity(parts[0], parts.length == 2 ? Integer.parseInt(parts[1]) : 0).publicKey();
    }

    /**
     * Signs with the attacker's own key, or with a device's key the attacker holds now. Never with its own in a
     * device's stead: a scenario would then pass because the verifier refused the wrong key, not for its reason.
     */
    static byte[] sign(String who, byte[] input, AutoJoinSetup setup, AttackerContext<AutoJoinMessage> ctx) {
        if (who.equals("attacker")) {
            return setup.profile.sign(ctx.attackerKeys(), 0, input, ctx.random());
        }
        String[] parts = who.split("@", 2);
        int g = parts.length == 2 ? Integer.parseInt(parts[1]) : 0;
        ForgeryRefused.unlessHeld(ctx, parts[0], g);
        return setup.profile.sign(ctx.compromisedKeys(parts[0]).orElseThrow(), g, input, ctx.random());
    }

    /** {@code last}: the latest observed challenge; {@code for:<instance>}: the latest one for that joiner. */
    private static Optional<AutoJoinChallenge> challenge(String selector, AttackerContext<AutoJoinMessage> ctx) {
        String forInstance = selector.startsWith("for:") ? selector.substring(4) : null;
        List<ObservedMessage<AutoJoinMessage>> seen = ctx.observed();
        for (int i = seen.size() - 1; i >= 0; i--) {
            if (seen.get(i).message() instanceof AutoJoinChallenge c
                    && (forInstance == null || c.joinerInstanceId().equals(forInstance))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static Optional<AutoJoinChallengeResponse> lastResponse(AttackerContext<AutoJoinMessage> ctx) {
        List<ObservedMessage<AutoJoinMessage>> seen = ctx.observed();
        for (int i = seen.size() - 1; i >= 0; i--) {
            if (seen.get(i).message() instanceof AutoJoinChallengeResponse r) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** With nothing observed, a made-up challenge: what an attacker guessing blindly can send. */
    private static Challenge guessed(AutoJoinSetup setup, AttackerContext<AutoJoinMessage> ctx) {
        String requester = ctx.devices().stream().filter(d -> d.role().equals("requester")).map(DeviceSpec::name)
                .findFirst().orElse("attacker");
        String validator = ctx.devices().stream().filter(d -> d.role().equals("validator")).map(DeviceSpec::name)
                .findFirst().orElse("attacker");
        return new Challenge(firstSession(setup), setup.identity(requester, 0).clientId(),
                setup.identity(validator, 0).clientId(), ctx.now(), ctx.now().plusSeconds(30), Purpose.AUTO_JOIN,
                ctx.random().bytes(Challenge.NONCE_LENGTH), 0);
    }
}
