package org.trustlab.simulator.relay;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.crypto.Bytes;
import org.trustlab.reference.crypto.DeterministicRandom;
import org.trustlab.reference.crypto.Ed25519KeyPair;
import org.trustlab.reference.relay.Agent;
import org.trustlab.reference.relay.Base58;
import org.trustlab.reference.relay.Client;
import org.trustlab.reference.relay.ProofStore;
import org.trustlab.reference.relay.RegistrationAuthorization;
import org.trustlab.reference.relay.RelayConfig;
import org.trustlab.reference.relay.RelayMode;
import org.trustlab.reference.relay.RelayMutant;
import org.trustlab.reference.relay.SlotId;
import org.trustlab.simulator.protocol.BindingContext;
import org.trustlab.simulator.protocol.ConfigView;
import org.trustlab.simulator.protocol.DeviceSpec;
import org.trustlab.simulator.protocol.ScenarioException;

/**
 * A relay scenario's {@code setup:} and agents, parsed once.
 *
 * <p>{@code setup:} {@code profile} (the relay's mode: {@code tofu}, the default, {@code owner-authorized} or
 * {@code tofu+alerts}), {@code proof-store-cap} (65536), {@code max-agents} (10000), {@code rate-limit} (30
 * registrations per source per {@code rate-window}, 1m), {@code accept-latency} (40ms, the await point between
 * the two proof checks), {@code flap-threshold} (3).
 *
 * <p>Agent {@code config:} {@code owner} (the owner's device, whose Ed25519 key in base58 is the owner_id) or
 * {@code owner-id} (a literal owner id, which need not be a key), {@code machine} (the machine_id), {@code relay}
 * (default: the scenario's relay device), {@code paired} (default true: the owner signed the agent's authorization
 * at pairing; the authorization is handed over with the agent's configuration, as the pairing flow would),
 * {@code timeout} (10s). The agent's registration_secret is 32 bytes drawn from the run's key seed for that device,
 * so the world knows who holds which secret without asking the agent.
 */
final class RelaySetup {
    static final List<String> ROLES = List.of("relay", "agent", "owner", "client");
    static final String SECRET_STREAM = "relay/registration-secret/";

    /** An honest agent as the world knows it. */
    record AgentFacts(String device, SlotId slot, String secret, boolean authorized, byte[] authorization,
            DeviceId relay, Duration timeout) {}

    final RelayConfig config;
    final Map<String, AgentFacts> agents = new LinkedHashMap<>();
    final Map<String, String> ownerIds = new LinkedHashMap<>();
    /** Each client device and the agent it paired with. */
    final Map<String, String> clients = new LinkedHashMap<>();
    private final Map<String, Duration> clientTimeouts = new LinkedHashMap<>();
    private final BindingContext ctx;

    RelaySetup(BindingContext ctx) {
        this.ctx = ctx;
        ConfigView s = ctx.setupView().onlyKeys("profile", "proof-store-cap", "max-agents", "rate-limit",
                "rate-window", "accept-latency", "flap-threshold");
        String profile = s.string("profile", RelayMode.TOFU.code());
        RelayMode mode = RelayMode.parse(profile).orElseThrow(() -> s.error("profile",
                "profile must be tofu, owner-authorized or tofu+alerts, not '" + profile + "'"));
        RelayConfig d = RelayConfig.defaults(mode);
        EnumSet<RelayMutant> mutants = EnumSet.noneOf(RelayMutant.class);
        ctx.mutant().ifPresent(m -> mutants.add(mutant(m)));
        config = new RelayConfig(mode, positive(s, "proof-store-cap", d.proofStoreCap()),
                positive(s, "max-agents", d.maxAgents()), positive(s, "rate-limit", d.rateLimit()),
                s.duration("rate-window", d.rateWindow()), s.duration("accept-latency", d.acceptLatency()),
                positive(s, "flap-threshold", d.flapThreshold()), mutants);
        String relay = ctx.devices().stream().filter(x -> x.role().equals("relay")).map(DeviceSpec::name)
                .findFirst().orElse("relay");
        for (DeviceSpec dev : ctx.devices()) {
            if (dev.role().equals("owner")) {
                ownerIds.put(dev.name(), ownerId(ctx, dev.name()));
            }
        }
        for (DeviceSpec dev : ctx.devices()) {
            if (dev.role().equals("agent")) {
                agents.put(dev.name(), agent(dev, ctx, relay));
            }
        }
        for (DeviceSpec dev : ctx.devices()) {
            if (dev.role().equals("client")) {
                ConfigView c = dev.configView().onlyKeys("agent", "timeout");
                String agent = c.string("agent");
                if (!agents.containsKey(agent)) {
                    throw c.error("agent", "'agent' must name a device of role agent, not '" + agent + "'");
                }
                clients.put(dev.name(), agent);
                clientTimeouts.put(dev.name(), c.duration("timeout", Duration.ofSeconds(10)));
            }
        }
    }

    /** The client's pairing: the agent's slot and static key, pinned (unless the mutant takes the slot's word). */
    Client.Pairing pairing(String client) {
        AgentFacts a = agents.get(clients.get(client));
        return new Client.Pairing(a.relay(), a.slot(), staticKey(a.device()), clientTimeouts.get(client),
                config.has(RelayMutant.KK_WITHOUT_PINNING));
    }

    /** A device's data-plane static key (X25519, generation 0). */
    byte[] staticKey(String device) {
        return ctx.keysOf(device).x25519(0).publicKey();
    }

    private static RelayMutant mutant(String name) {
        for (RelayMutant m : RelayMutant.values()) {
            if (m.qualifiedName().equals(name)) {
                return m;
            }
        }
        throw new ScenarioException("unknown relay mutant '" + name + "'", "/mutant");
    }

    private static int positive(ConfigView s, String key, int fallback) {
        long v = s.integer(key, fallback);
        if (v < 1 || v > Integer.MAX_VALUE) {
            throw s.error(key, "'" + key + "' must be a positive integer");
        }
        return (int) v;
    }

    static String ownerId(BindingContext ctx, String owner) {
        return Base58.encode(ctx.keysOf(owner).ed25519(0).publicKey());
    }

    private AgentFacts agent(DeviceSpec dev, BindingContext ctx, String relay) {
        ConfigView c = dev.configView().onlyKeys("owner", "owner-id", "machine", "relay", "paired", "timeout");
        String ownerId;
        Optional<Ed25519KeyPair> ownerKey = Optional.empty();
        if (c.has("owner")) {
            String owner = c.string("owner");
            if (!ownerIds.containsKey(owner)) {
                throw c.error("owner", "'owner' must name a device of role owner, not '" + owner + "'");
            }
            ownerId = ownerIds.get(owner);
            ownerKey = Optional.of(ctx.keysOf(owner).ed25519(0));
        } else {
            ownerId = c.string("owner-id");
        }
        String machine = c.string("machine", dev.name());
        SlotId slot = new SlotId(ownerId, machine);
        String secret = secret(ctx.keySeed(), dev.name());
        boolean paired = c.flag("paired", true) && ownerKey.isPresent();
        byte[] authorization = paired ? RegistrationAuthorization.sign(ownerKey.get(), machine,
                RegistrationAuthorization.commitment(secret)) : new byte[0];
        return new AgentFacts(dev.name(), slot, secret, paired, authorization,
                DeviceId.of(c.string("relay", relay)), c.duration("timeout", Duration.ofSeconds(10)));
    }

    /** 32 random bytes as 64 hex characters, from the run's key seed for this device. */
    static String secret(long keySeed, String device) {
        return Bytes.hex(new DeterministicRandom(keySeed, SECRET_STREAM + device).bytes(32));
    }

    Agent.Identity identity(String device) {
        AgentFacts a = agents.get(device);
        Map<String, byte[]> pinned = new LinkedHashMap<>();
        clients.forEach((client, agent) -> {
            if (agent.equals(device)) {
                pinned.put(client, staticKey(client));
            }
        });
        return new Agent.Identity(a.relay(), a.slot(), a.secret(), a.authorization(), a.timeout(), pinned);
    }

    static int maxProofBytes() {
        return ProofStore.MAX_PROOF_BYTES;
    }
}
