package org.trustlab.simulator.relay;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.trustlab.reference.core.Role;
import org.trustlab.reference.core.WireCodec;
import org.trustlab.reference.crypto.Bytes;
import org.trustlab.reference.crypto.Ed25519KeyPair;
import org.trustlab.reference.relay.Agent;
import org.trustlab.reference.relay.Base58;
import org.trustlab.reference.relay.Client;
import org.trustlab.reference.relay.Owner;
import org.trustlab.reference.relay.RegistrationAuthorization;
import org.trustlab.reference.relay.Relay;
import org.trustlab.reference.relay.RelayCodec;
import org.trustlab.reference.relay.RelayMessage;
import org.trustlab.reference.relay.RelayMessage.Register;
import org.trustlab.simulator.protocol.AttackerContext;
import org.trustlab.simulator.protocol.BindingContext;
import org.trustlab.simulator.protocol.ConfigView;
import org.trustlab.simulator.protocol.DeviceSpec;
import org.trustlab.simulator.protocol.ForgeryRefused;
import org.trustlab.simulator.protocol.ObservedMessage;
import org.trustlab.simulator.protocol.ProtocolBinding;
import org.trustlab.simulator.protocol.ScenarioException;
import org.trustlab.simulator.protocol.SetupCache;
import org.trustlab.simulator.protocol.Users;
import org.trustlab.simulator.protocol.Vocabulary;
import org.trustlab.simulator.protocol.WorldFacts;

/**
 * Hosts the signaling relay's TOFU registration slots ({@code protocol: relay}). Roles: {@code relay} (the
 * server, {@link Relay}, measured by {@link ProbedRelay}), {@code agent} ({@link Agent}), {@code owner}
 * ({@link Owner}, whose key is an owner_id). Set-up and agent configuration: {@link RelaySetup}. User actions:
 * {@code relay.register} on an agent, {@code relay.revoke} ({@code owner}, {@code machine}) on the relay.
 */
public final class RelayBinding implements ProtocolBinding<RelayMessage> {
    public static final String NAME = "relay";
    /** The registration_secret's length on the wire: proofs at least this long are named by fingerprint. */
    static final int SECRET_HEX_CHARS = 64;
    private static final RelayCodec CODEC = new RelayCodec();
    static final SetupCache<RelaySetup> SETUPS = new SetupCache<>(RelaySetup::new);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public WireCodec<RelayMessage> codec() {
        return CODEC;
    }

    @Override
    public Vocabulary vocabulary() {
        return RelayWords.VOCABULARY;
    }

    @Override
    public WorldFacts worldFacts(BindingContext ctx) {
        return new RelayWorldFacts(SETUPS.of(ctx), ctx);
    }

    @Override
    public Users users(BindingContext ctx) {
        return new RelayUsers(SETUPS.of(ctx).ownerIds);
    }

    @Override
    public Role<RelayMessage> createRole(DeviceSpec device, BindingContext ctx) {
        if (!RelaySetup.ROLES.contains(device.role())) {
            throw new ScenarioException("relay devices have role " + String.join(", ", RelaySetup.ROLES) + ", not '"
                    + device.role() + "'", "role");
        }
        RelaySetup setup = SETUPS.of(ctx);
        return switch (device.role()) {
            case "relay" -> {
                device.configView().onlyKeys();
                yield new ProbedRelay(new Relay(setup.config));
            }
            case "agent" -> new Agent(setup.identity(device.name()));
            case "client" -> new Client(setup.pairing(device.name()));
            default -> {
                device.configView().onlyKeys();
                yield new Owner();
            }
        };
    }

    /**
     * {@code message:} for {@code inject} steps; a slot is named by {@code owner} (an owner device) or
     * {@code owner-id}, and {@code machine}:
     * <ul>
     *   <li>{@code squat}: a registration with a secret of the attacker's own, signed for the slot's owner with
     *       {@code sign-with} (a key the attacker must hold) or unsigned;</li>
     *   <li>{@code guess}: a registration with {@code length} random hex characters (default 64);</li>
     *   <li>{@code replace}: the latest observed registration of the slot with the attacker's own secret in place of
     *       the agent's, the owner's authorization kept (a squat when none was observed);</li>
     *   <li>{@code kk-response}: the squatter's answer to {@code client}'s data-plane handshake that the relay
     *       forwarded to it, made with the attacker's own static key (random bytes when it cannot read the
     *       client's first message, which a client that pinned the agent's key makes to that key);</li>
     *   <li>{@code flood}: a registration of the attacker's own slot {@code flood-<index>} (default a random index),
     *       authorized with its own key, which fills the proof store.</li>
     * </ul>
     */
    @Override
    public RelayMessage forge(Map<String, Object> spec, AttackerContext<RelayMessage> ctx) {
        ConfigView m = new ConfigView(spec, "message");
        String type = m.string("type");
        switch (type) {
            case "squat" -> {
                m.onlyKeys("type", "owner", "owner-id", "machine", "sign-with");
                String owner = ownerId(m, ctx);
                String machine = m.string("machine");
                String secret = Bytes.hex(ctx.random().bytes(32));
                byte[] auth = new byte[0];
                if (m.has("sign-with")) {
                    String signer = m.string("sign-with");
                    ForgeryRefused.unlessHeld(ctx, signer, 0);
                    auth = RegistrationAuthorization.sign(ctx.compromisedKeys(signer).orElseThrow().ed25519(0),
                            machine, RegistrationAuthorization.commitment(secret));
                }
                return new Register(owner, machine, secret, auth, attackerStatic(ctx));
            }
            case "guess" -> {
                m.onlyKeys("type", "owner", "owner-id", "machine", "length");
                long length = m.integer("length", SECRET_HEX_CHARS);
                if (length < 1 || length > 4096) {
                    throw m.error("length", "'length' must be between 1 and 4096");
                }
                String hex = Bytes.hex(ctx.random().bytes((int) (length + 1) / 2)).substring(0, (int) length);
                return new Register(ownerId(m, ctx), m.string("machine"), hex, new byte[0], attackerStatic(ctx));
            }
            case "replace" -> {
                m.onlyKeys("type", "owner", "owner-id", "machine");
                String owner = ownerId(m, ctx);
                String machine = m.string("machine");
                String secret = Bytes.hex(ctx.random().bytes(32));
                byte[] auth = latestRegister(ctx, owner, machine).map(Register::authorization).orElse(new byte[0]);
                return new Register(owner, machine, secret, auth, attackerStatic(ctx));
            }
            case "flood" -> {
                m.onlyKeys("type", "index");
                long index = m.has("index") ? m.integer("index", 0) : ctx.random().nextLong(1_000_000);
                // The attacker is an owner too: it signs its own slots, so the fix does not stop a flood.
                Ed25519KeyPair own = ctx.attackerKeys().ed25519(0);
                String machine = "flood-" + index;
                String secret = Bytes.hex(ctx.random().bytes(32));
                return new Register(Base58.encode(own.publicKey()), machine, secret,
                        RegistrationAuthorization.sign(own, machine, RegistrationAuthorization.commitment(secret)),
                        attackerStatic(ctx));
            }
            case "kk-response" -> {
                m.onlyKeys("type", "owner", "owner-id", "machine", "client");
                return KkResponse.forge(ownerId(m, ctx), m.string("machine"), m.string("client"), ctx);
            }
            default -> throw m.error("type", "message type must be squat, guess, replace, flood or kk-response, not '"
                    + type + "'");
        }
    }

    /** The attacker announces its own data-plane key with every registration it makes. */
    private static byte[] attackerStatic(AttackerContext<RelayMessage> ctx) {
        return ctx.attackerKeys().x25519(0).publicKey();
    }

    private static String ownerId(ConfigView m, AttackerContext<RelayMessage> ctx) {
        if (m.has("owner")) {
            String owner = m.string("owner");
            if (ctx.binding().device(owner).filter(d -> d.role().equals("owner")).isEmpty()) {
                throw m.error("owner", "'owner' must name a device of role owner, not '" + owner + "'");
            }
            // Public knowledge: the owner id is the owner's public key.
            return Base58.encode(ctx.ed25519PublicKey(owner, 0));
        }
        return m.string("owner-id");
    }

    private static Optional<Register> latestRegister(AttackerContext<RelayMessage> ctx, String owner, String machine) {
        List<ObservedMessage<RelayMessage>> seen = ctx.observed();
        for (int i = seen.size() - 1; i >= 0; i--) {
            if (seen.get(i).message() instanceof Register r && r.ownerId().equals(owner)
                    && r.machineId().equals(machine)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /**
     * The slot every message names, and for a registration the presented proof by fingerprint (a proof shorter than
     * a registration_secret only by its length, so that a short guess is never printed in a form that reveals it)
     * and whether it carries an authorization; for a refusal its reason.
     */
    @Override
    public Map<String, String> wireFacts(RelayMessage message) {
        Map<String, String> f = new TreeMap<>();
        f.put("wire-owner-id", message.ownerId());
        f.put("wire-machine-id", message.machineId());
        if (message instanceof Register r) {
            byte[] proof = r.registrationSecret().getBytes(StandardCharsets.UTF_8);
            f.put("wire-proof-bytes", Integer.toString(proof.length));
            if (proof.length >= SECRET_HEX_CHARS) {
                f.put("wire-proof-fp", Bytes.fingerprint(proof));
            }
            f.put("wire-authorized", Boolean.toString(r.authorization().length > 0));
        } else if (message instanceof RelayMessage.Refused r) {
            f.put("wire-reason", r.reason());
        } else if (message instanceof RelayMessage.Rendezvous r) {
            f.put("wire-peer", r.peer());
            f.put("wire-handshake-fp", Bytes.fingerprint(r.handshake()));
        } else if (message instanceof RelayMessage.SlotKey k) {
            f.put("wire-announced-key", Bytes.fingerprint(k.announcedStatic()));
        }
        return f;
    }

    @Override
    public List<Map<String, Object>> forgeryMenu() {
        return List.of(ProtocolBinding.forgery("type", "flood"));
    }
}
