package org.trustlab.simulator.ping;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.trustlab.reference.core.AuditEvent;
import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.core.Env;
import org.trustlab.reference.core.Outcome;
import org.trustlab.reference.core.Outputs;
import org.trustlab.reference.core.Role;
import org.trustlab.reference.core.TimerId;
import org.trustlab.reference.core.UserAction;
import org.trustlab.reference.crypto.Bytes;
import org.trustlab.reference.crypto.Ed25519KeyPair;

/**
 * A ping node: answers every acceptable ping with a pong, and on the user action {@code ping} sends pings and
 * records the outcome {@code pong-received} (accepted when the pong answers an outstanding ping, rejected with
 * {@link PingReason#UNKNOWN_PING} or {@link PingReason#PONG_TIMEOUT} otherwise).
 *
 * <p>State: the outstanding pings and a running series are volatile (lost on a crash, so a pong arriving after a
 * restart is unknown); the sequence counter and the count of pongs received are persistent.
 */
public final class PingRole implements Role<PingMessage> {
    static final int NONCE_BYTES = 16;
    static final TimerId NEXT_PING = new TimerId("ping-next");
    private static final String TIMEOUT_PREFIX = "timeout/";

    /** The node's settings from its {@code config:} map. */
    public record Settings(boolean sign, boolean requireSignature, Optional<Duration> maxAge, Duration timeout,
            boolean acceptAnyPong) {}

    private record Pending(DeviceId peer, long seq) {}

    private record Series(DeviceId to, long remaining, Duration interval) {}

    private final DeviceId self;
    private final Settings settings;
    /** Ed25519 public keys (generation 0) of every scenario device, by name: the node's trust store. */
    private final Map<String, byte[]> directory;

    // volatile
    private final TreeMap<String, Pending> outstanding = new TreeMap<>();
    private Series series;
    // persistent
    private long nextSeq;
    private long pongsReceived;

    public PingRole(DeviceId self, Settings settings, Map<String, byte[]> directory) {
        this.self = self;
        this.settings = settings;
        this.directory = new TreeMap<>(directory);
    }

    @Override
    public Outputs<PingMessage> onMessage(DeviceId from, PingMessage message, Env env) {
        if (message instanceof PingMessage.Ping ping) {
            return onPing(from, ping, env);
        }
        return onPong(from, (PingMessage.Pong) message);
    }

    private Outputs<PingMessage> onPing(DeviceId from, PingMessage.Ping ping, Env env) {
        Map<String, String> fields = new TreeMap<>();
        fields.put("from", from.value());
        fields.put("sender", ping.sender());
        fields.put("seq", Long.toString(ping.seq()));
        fields.put("nonce", Bytes.hex(ping.nonce()));
        if (settings.requireSignature()) {
            byte[] key = directory.get(ping.sender());
            if (key == null) {
                return refusePing(PingReason.UNKNOWN_SENDER, fields);
            }
            byte[] signed = PingCodec.signedPart(ping.sender(), ping.seq(), ping.nonce(), ping.sentAtMillis());
            if (!Ed25519KeyPair.verify(key, signed, ping.signature())) {
                return refusePing(PingReason.BAD_SIGNATURE, fields);
            }
        }
        if (settings.maxAge().isPresent()) {
            // Judged on this node's clock: a skewed responder sees honest pings as stale or from the future.
            long age = env.now().toEpochMilli() - ping.sentAtMillis();
            long max = settings.maxAge().get().toMillis();
            if (age > max) {
                return refusePing(PingReason.PING_EXPIRED, fields);
            }
            if (-age > max) {
                return refusePing(PingReason.PING_FROM_FUTURE, fields);
            }
        }
        return Outputs.<PingMessage>builder()
                .audit(AuditEvent.of("ping-answered", fields))
                .send(from, new PingMessage.Pong(self.value(), ping.seq(), ping.nonce(), env.now().toEpochMilli()))
                .build();
    }

    private static Outputs<PingMessage> refusePing(PingReason reason, Map<String, String> fields) {
        return Outputs.<PingMessage>builder().audit(AuditEvent.rejection("ping-rejected", reason, fields)).build();
    }

    private Outputs<PingMessage> onPong(DeviceId from, PingMessage.Pong pong) {
        String nonce = Bytes.hex(pong.nonce());
        Map<String, String> fields = new TreeMap<>();
        fields.put("peer", from.value());
        fields.put("seq", Long.toString(pong.seq()));
        fields.put("nonce", nonce);
        Pending pending = outstanding.remove(nonce);
        if (pending == null && !settings.acceptAnyPong()) {
            return Outputs.<PingMessage>builder()
                    .audit(AuditEvent.rejection("pong-rejected", PingReason.UNKNOWN_PING, fields))
                    .outcome(Outcome.rejected("pong-received", PingReason.UNKNOWN_PING, fields))
                    .build();
        }
        pongsReceived++;
        Outputs.Builder<PingMessage> out = Outputs.builder();
        if (pending != null) {
            out.cancelTimer(new TimerId(TIMEOUT_PREFIX + nonce));
        }
        return out.audit(AuditEvent.of("pong-accepted", fields))
                .outcome(Outcome.accepted("pong-received", fields))
                .build();
    }

    @Override
    public Outputs<PingMessage> onTimer(TimerId timer, Env env) {
        if (timer.equals(NEXT_PING)) {
            return nextOfSeries(env);
        }
        if (timer.name().startsWith(TIMEOUT_PREFIX)) {
            String nonce = timer.name().substring(TIMEOUT_PREFIX.length());
            Pending pending = outstanding.remove(nonce);
            if (pending == null) {
                return Outputs.none();
            }
            Map<String, String> fields = Map.of("peer", pending.peer().value(), "seq", Long.toString(pending.seq()),
                    "nonce", nonce);
            return Outputs.<PingMessage>builder()
                    .audit(AuditEvent.rejection("pong-missing", PingReason.PONG_TIMEOUT, fields))
                    .outcome(Outcome.rejected("pong-received", PingReason.PONG_TIMEOUT, fields))
                    .build();
        }
        return Outputs.none();
    }

    @Override
    public Outputs<PingMessage> onUserAction(UserAction action, Env env) {
        if (!action.name().equals("ping")) {
            return Role.super.onUserAction(action, env);
        }
        String to = action.arg("to");
        long count;
        Duration interval;
        try {
            count = Long.parseLong(action.args().getOrDefault("count", "1"));
            interval = org.trustlab.simulator.protocol.Durations.parse(action.args().getOrDefault("interval", "1s"))
                    .orElseThrow(IllegalArgumentException::new);
        } catch (IllegalArgumentException e) {
            count = -1;
            interval = Duration.ZERO;
        }
        if (to == null || count < 1) {
            return Outputs.<PingMessage>builder()
                    .audit(AuditEvent.rejection("user-action-ignored", PingReason.BAD_ACTION,
                            Map.of("action", action.name())))
                    .build();
        }
        series = new Series(DeviceId.of(to), count, interval);
        return nextOfSeries(env);
    }

    private Outputs<PingMessage> nextOfSeries(Env env) {
        if (series == null || series.remaining() <= 0) {
            return Outputs.none();
        }
        long seq = nextSeq++;
        byte[] nonce = env.random().bytes(NONCE_BYTES);
        long sentAt = env.now().toEpochMilli();
        byte[] signature = settings.sign()
                ? env.keys().ed25519(0).sign(PingCodec.signedPart(self.value(), seq, nonce, sentAt))
                : new byte[0];
        String nonceHex = Bytes.hex(nonce);
        outstanding.put(nonceHex, new Pending(series.to(), seq));
        Outputs.Builder<PingMessage> out = Outputs.<PingMessage>builder()
                .audit(AuditEvent.of("ping-sent", Map.of("to", series.to().value(), "seq", Long.toString(seq),
                        "nonce", nonceHex)))
                .send(series.to(), new PingMessage.Ping(self.value(), seq, nonce, sentAt, signature))
                .setTimer(new TimerId(TIMEOUT_PREFIX + nonceHex), settings.timeout());
        series = new Series(series.to(), series.remaining() - 1, series.interval());
        if (series.remaining() > 0) {
            out.setTimer(NEXT_PING, series.interval());
        }
        return out.build();
    }

    @Override
    public Outputs<PingMessage> onOnline(Env env) {
        return Outputs.<PingMessage>builder()
                .audit(AuditEvent.of("came-online", Map.of("pongs-received", Long.toString(pongsReceived))))
                .build();
    }

    @Override
    public void onCrash() {
        outstanding.clear();
        series = null;
    }

    @Override
    public Outputs<PingMessage> onRestart(Env env) {
        return Outputs.<PingMessage>builder()
                .audit(AuditEvent.of("restarted", Map.of("pongs-received", Long.toString(pongsReceived),
                        "next-seq", Long.toString(nextSeq))))
                .build();
    }

    /** For tests: how many pings await a pong. */
    public int outstandingCount() {
        return outstanding.size();
    }
}
