package org.trustlab.simulator.echo;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.trustlab.reference.core.AuditEvent;
import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.core.Env;
import org.trustlab.reference.core.Outcome;
import org.trustlab.reference.core.Outputs;
import org.trustlab.reference.core.ReasonCode;
import org.trustlab.reference.core.Role;
import org.trustlab.reference.core.TimerId;
import org.trustlab.reference.core.UserAction;
import org.trustlab.reference.core.WireCodec;
import org.trustlab.reference.crypto.Canonical;
import org.trustlab.reference.crypto.DecodeResult;
import org.trustlab.simulator.protocol.AttackerContext;
import org.trustlab.simulator.protocol.BindingContext;
import org.trustlab.simulator.protocol.DeviceSpec;
import org.trustlab.simulator.protocol.ProtocolBinding;
import org.trustlab.simulator.protocol.ProtocolBindings;
import org.trustlab.simulator.protocol.ScenarioException;
import org.trustlab.simulator.protocol.Vocabulary;
import org.trustlab.reference.core.CoreReason;
import org.trustlab.reference.crypto.DecodeReason;

/**
 * A test protocol with no cryptography. User action {@code send {to, count, gap}} sends {@code count} numbered
 * notes, one every {@code gap} (default: all at once); a receiver audits {@code echo-received} (seq, from) and
 * replies; the reply yields the outcome {@code echo-returned}. A repeated seq is refused with {@code DUPLICATE_SEQ}
 * while the receiver remembers it (volatile memory, lost on a crash). Role {@code throwing} throws on every
 * message, to test how the simulator treats a defective role.
 */
public final class EchoBinding implements ProtocolBinding<EchoMessage> {
    public static final String TAG = "trustlab/test/echo/v1";

    enum Reason implements ReasonCode {
        DUPLICATE_SEQ;

        @Override
        public String code() {
            return name();
        }
    }

    public static ProtocolBindings bindings() {
        return ProtocolBindings.standard().with(new EchoBinding());
    }

    private static final WireCodec<EchoMessage> CODEC = new WireCodec<>() {
        @Override
        public byte[] encode(EchoMessage m) {
            return Canonical.writer(TAG).u64(m.seq()).bool(m.reply()).string(m.body()).toBytes();
        }

        @Override
        public Decoded<EchoMessage> decode(byte[] bytes) {
            DecodeResult<EchoMessage> r = Canonical.decode(bytes, List.of(TAG), rec -> {
                Canonical.Reader in = rec.reader(3);
                return new EchoMessage(in.u64(), in.bool(), in.string());
            });
            if (r instanceof DecodeResult.Ok<EchoMessage> ok) {
                return new Decoded.Ok<>(ok.value());
            }
            DecodeResult.Failure<EchoMessage> f = (DecodeResult.Failure<EchoMessage>) r;
            return new Decoded.Malformed<>(f.reason().code(), f.detail());
        }
    };

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public WireCodec<EchoMessage> codec() {
        return CODEC;
    }

    /** {@code demo.*} invariants are answered by the tests' own oracles; {@code demo.nothing} by none. */
    static final Vocabulary VOCABULARY = Vocabulary.builder()
            .action("send", "to", "count", "gap")
            .outcomes(Vocabulary.words("echo-returned"))
            .audits(Vocabulary.words("echo-received", "echo-refused", "user-action-ignored"))
            .reasons(Vocabulary.codes(Reason.class, CoreReason.class, DecodeReason.class))
            .fields(Vocabulary.words("seq", "from", "body"))
            .matchField("peer", "from")
            .invariants(Vocabulary.words("demo.holds", "demo.nothing"))
            .messages(Vocabulary.words("echo"))
            .build();

    @Override
    public Vocabulary vocabulary() {
        return VOCABULARY;
    }

    @Override
    public Role<EchoMessage> createRole(DeviceSpec device, BindingContext ctx) {
        if (device.role().equals("throwing")) {
            return new Throwing();
        }
        if (!device.role().equals("echo")) {
            throw new ScenarioException("echo devices have role 'echo' or 'throwing'", "role");
        }
        device.configView().onlyKeys("body");
        return new Echo(device.configView().string("body", "hello"));
    }

    @Override
    public EchoMessage forge(Map<String, Object> spec, AttackerContext<EchoMessage> ctx) {
        var m = new org.trustlab.simulator.protocol.ConfigView(spec, "message").onlyKeys("seq", "body", "reply");
        return new EchoMessage(m.integer("seq", 0), m.flag("reply", false), m.string("body", "forged"));
    }

    @Override
    public List<Map<String, Object>> forgeryMenu() {
        return List.of(Map.of("seq", 999, "body", "forged"));
    }

    static final class Echo implements Role<EchoMessage> {
        private final String body;
        private final TreeSet<String> seen = new TreeSet<>();
        private DeviceId target;
        private long remaining;
        private long gapNanos;
        private long nextSeq;

        Echo(String body) {
            this.body = body;
        }

        @Override
        public Outputs<EchoMessage> onMessage(DeviceId from, EchoMessage m, Env env) {
            Map<String, String> f = Map.of("seq", Long.toString(m.seq()), "from", from.value(), "body", m.body());
            if (m.reply()) {
                return Outputs.<EchoMessage>builder().outcome(Outcome.accepted("echo-returned", f)).build();
            }
            if (!seen.add(from.value() + "/" + m.seq())) {
                return Outputs.<EchoMessage>builder()
                        .audit(AuditEvent.rejection("echo-refused", Reason.DUPLICATE_SEQ, f)).build();
            }
            return Outputs.<EchoMessage>builder().audit(AuditEvent.of("echo-received", f))
                    .send(from, new EchoMessage(m.seq(), true, m.body())).build();
        }

        @Override
        public Outputs<EchoMessage> onTimer(TimerId timer, Env env) {
            return next();
        }

        @Override
        public Outputs<EchoMessage> onUserAction(UserAction action, Env env) {
            if (!action.name().equals("send")) {
                return Role.super.onUserAction(action, env);
            }
            target = DeviceId.of(action.arg("to"));
            remaining = Long.parseLong(action.args().getOrDefault("count", "1"));
            gapNanos = org.trustlab.simulator.protocol.Durations.parse(action.args().getOrDefault("gap", "0s"))
                    .orElseThrow().toNanos();
            Outputs.Builder<EchoMessage> out = Outputs.builder();
            if (gapNanos == 0) {
                while (remaining > 0) {
                    out.addAll(next());
                }
                return out.build();
            }
            return next();
        }

        private Outputs<EchoMessage> next() {
            if (remaining <= 0) {
                return Outputs.none();
            }
            remaining--;
            Outputs.Builder<EchoMessage> out = Outputs.<EchoMessage>builder()
                    .send(target, new EchoMessage(nextSeq++, false, body));
            if (remaining > 0 && gapNanos > 0) {
                out.setTimer(new TimerId("next"), java.time.Duration.ofNanos(gapNanos));
            }
            return out.build();
        }

        @Override
        public void onCrash() {
            seen.clear();
            remaining = 0;
        }
    }

    static final class Throwing implements Role<EchoMessage> {
        @Override
        public Outputs<EchoMessage> onMessage(DeviceId from, EchoMessage message, Env env) {
            throw new IllegalStateException("defective role");
        }

        @Override
        public Outputs<EchoMessage> onTimer(TimerId timer, Env env) {
            return Outputs.none();
        }

        @Override
        public void onCrash() {
            // nothing to lose
        }
    }
}
