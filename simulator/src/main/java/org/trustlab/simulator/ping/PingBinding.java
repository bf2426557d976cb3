package org.trustlab.simulator.ping;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trustlab.reference.core.Role;
import org.trustlab.reference.core.WireCodec;
import org.trustlab.reference.crypto.Bytes;
import org.trustlab.reference.crypto.Ed25519KeyPair;
import org.trustlab.simulator.protocol.AttackerContext;
import org.trustlab.simulator.protocol.BindingContext;
import org.trustlab.simulator.protocol.ConfigView;
import org.trustlab.simulator.protocol.DeviceSpec;
import org.trustlab.simulator.protocol.ForgeryRefused;
import org.trustlab.simulator.protocol.LearnedSecret;
import org.trustlab.simulator.protocol.ObservedMessage;
import org.trustlab.simulator.protocol.ProtocolBinding;
import org.trustlab.simulator.protocol.ScenarioException;
import org.trustlab.simulator.protocol.Vocabulary;

/**
 * The ping demo protocol, shipped so that the example scenarios replay through the CLI before any trust protocol
 * exists and so that the simulator's own tests have a protocol with timers, nonces, timestamps and signatures.
 *
 * <p>Device config: {@code sign} (sign pings with the device's Ed25519 key), {@code require-signature} (refuse
 * pings whose signature does not verify), {@code max-age} (refuse pings older or newer than this on the local
 * clock), {@code timeout} (default 10s). Role: {@code node}. Mutant {@code ping.accept-any-pong} accepts pongs
 * that answer no outstanding ping (so duplicates and replays are accepted; the invariant
 * {@code ping.pong-answers-ping} catches it).
 */
public final class PingBinding implements ProtocolBinding<PingMessage> {
    public static final String NAME = "ping";
    public static final String MUTANT_ACCEPT_ANY_PONG = "ping.accept-any-pong";

    private static final PingCodec CODEC = new PingCodec();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Vocabulary vocabulary() {
        return PingWords.VOCABULARY;
    }

    @Override
    public WireCodec<PingMessage> codec() {
        return CODEC;
    }

    @Override
    public Role<PingMessage> createRole(DeviceSpec device, BindingContext ctx) {
        if (!device.role().equals("node")) {
            throw new ScenarioException("ping devices have role 'node', not '" + device.role() + "'", "role");
        }
        ctx.mutant().filter(m -> !m.equals(MUTANT_ACCEPT_ANY_PONG)).ifPresent(m -> {
            throw new ScenarioException("unknown ping mutant '" + m + "' (known: " + MUTANT_ACCEPT_ANY_PONG + ")",
                    "/mutant");
        });
        ConfigView cfg = device.configView().onlyKeys("sign", "require-signature", "max-age", "timeout");
        PingRole.Settings settings = new PingRole.Settings(
                cfg.flag("sign", false),
                cfg.flag("require-signature", false),
                cfg.optionalDuration("max-age"),
                cfg.duration("timeout", Duration.ofSeconds(10)),
                ctx.mutant(MUTANT_ACCEPT_ANY_PONG));
        Map<String, byte[]> directory = new TreeMap<>();
        if (settings.requireSignature()) {
            for (DeviceSpec d : ctx.devices()) {
                directory.put(d.name(), ctx.keysOf(d.name()).ed25519(0).publicKey());
            }
        }
        return new PingRole(device.id(), settings, directory);
    }

    /**
     * {@code message:} keys: {@code type} ({@code ping} or {@code pong}), {@code sender} (default
     * {@code attacker}), {@code seq} (default 0), {@code nonce} ({@code fresh}: from the attacker's stream,
     * {@code last-ping}: the nonce of the last observed ping, or hex), {@code age} (a ping dated this long before
     * now), {@code sign-as} (sign a ping with this device's key, which the attacker must hold, or {@code attacker}).
     */
    @Override
    public PingMessage forge(Map<String, Object> spec, AttackerContext<PingMessage> ctx) {
        ConfigView m = new ConfigView(spec, "message").onlyKeys("type", "sender", "seq", "nonce", "age", "sign-as");
        String type = m.string("type");
        String sender = m.string("sender", "attacker");
        long seq = m.integer("seq", 0);
        byte[] nonce = nonce(m, ctx);
        long sentAt = ctx.now().minus(m.duration("age", Duration.ZERO)).toEpochMilli();
        if (type.equals("pong")) {
            return new PingMessage.Pong(sender, seq, nonce, sentAt);
        }
        if (!type.equals("ping")) {
            throw m.error("type", "message type must be 'ping' or 'pong', not '" + type + "'");
        }
        byte[] signature = new byte[0];
        if (m.has("sign-as")) {
            String signer = m.string("sign-as");
            Ed25519KeyPair key;
            if (signer.equals("attacker")) {
                key = ctx.attackerKeys().ed25519(0);
            } else {
                ForgeryRefused.unlessHeld(ctx, signer, 0);
                key = ctx.compromisedKeys(signer).orElseThrow().ed25519(0);
            }
            signature = key.sign(PingCodec.signedPart(sender, seq, nonce, sentAt));
        }
        return new PingMessage.Ping(sender, seq, nonce, sentAt, signature);
    }

    private static byte[] nonce(ConfigView m, AttackerContext<PingMessage> ctx) {
        String nonce = m.string("nonce", "fresh");
        if (nonce.equals("fresh")) {
            return ctx.random().bytes(PingRole.NONCE_BYTES);
        }
        if (nonce.equals("last-ping")) {
            List<ObservedMessage<PingMessage>> seen = ctx.observed();
            for (int i = seen.size() - 1; i >= 0; i--) {
                if (seen.get(i).message() instanceof PingMessage.Ping p) {
                    return p.nonce();
                }
            }
            return ctx.random().bytes(PingRole.NONCE_BYTES);
        }
        if (!nonce.matches("([0-9a-f]{2})+")) {
            throw m.error("nonce", "nonce must be 'fresh', 'last-ping' or lower-case hex");
        }
        return Bytes.fromHex(nonce);
    }

    /** Ping nonces are not secret, but recording them exercises the attacker's knowledge bookkeeping. */
    @Override
    public List<LearnedSecret> analyze(PingMessage message, AttackerContext<PingMessage> ctx) {
        return List.of(new LearnedSecret("ping-nonce", Bytes.fingerprint(message.nonce())));
    }

    @Override
    public List<Map<String, Object>> forgeryMenu() {
        List<Map<String, Object>> menu = new ArrayList<>();
        menu.add(ProtocolBinding.forgery("type", "pong", "nonce", "last-ping"));
        menu.add(ProtocolBinding.forgery("type", "ping", "nonce", "fresh"));
        return List.copyOf(menu);
    }
}
