package org.trustlab.reference.autojoin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.trustlab.reference.autojoin.AutoJoinMessage.AskPasswordExchangeKey;
import org.trustlab.reference.autojoin.AutoJoinMessage.AutoJoinRejected;
import org.trustlab.reference.autojoin.AutoJoinMessage.FinalizeJoinCloudSessionParameters;
import org.trustlab.reference.autojoin.AutoJoinMessage.ValidateJoinCloudSessionParameters;
import org.trustlab.reference.core.AuditEvent;
import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.core.Env;
import org.trustlab.reference.core.Outputs;
import org.trustlab.reference.core.Role;
import org.trustlab.reference.core.TimerId;
import org.trustlab.reference.crypto.Bytes;

/**
 * ByteSync's cloud session server, reduced to what the join needs: it relays messages between the joiner and the
 * validating member, picks a member for a manual join, hands out the finalization password with the validator's
 * answer, and adds the joiner to the session when it comes back with it. It makes no trust decision: a relay is
 * exactly what a network attacker can impersonate, so every check that matters is the validator's.
 *
 * <p>State: the session membership and the outstanding finalization passwords are persistent (a database).
 */
public final class CloudSessionServer implements Role<AutoJoinMessage> {
    private final String instanceId;
    private final TreeMap<String, List<String>> members = new TreeMap<>();
    private final TreeMap<String, String> finalizationPasswords = new TreeMap<>();
    private final TreeMap<String, TreeSet<String>> joined = new TreeMap<>();

    /** @param sessions the members of each session, in the order the server asks them to validate */
    public CloudSessionServer(String instanceId, Map<String, List<String>> sessions) {
        this.instanceId = instanceId;
        sessions.forEach((s, m) -> members.put(s, List.copyOf(m)));
    }

    public boolean isMember(String sessionId, String instance) {
        return joined.getOrDefault(sessionId, new TreeSet<>()).contains(instance)
                || members.getOrDefault(sessionId, List.of()).contains(instance);
    }

    @Override
    public Outputs<AutoJoinMessage> onMessage(DeviceId from, AutoJoinMessage message, Env env) {
        if (message instanceof AskPasswordExchangeKey m) {
            Optional<String> validator = members.getOrDefault(m.sessionId(), List.of()).stream()
                    .filter(v -> !v.equals(m.joinerInstanceId())).findFirst();
            if (validator.isEmpty()) {
                return Outputs.<AutoJoinMessage>builder()
                        .audit(AuditEvent.rejection("relay-refused", AutoJoinReason.WRONG_SESSION, Map.of(
                                "session", m.sessionId(), "requester-instance", m.joinerInstanceId())))
                        .send(DeviceId.of(m.joinerInstanceId()), new AutoJoinRejected(m.sessionId(),
                                m.joinerInstanceId(), instanceId, AutoJoinMessage.MANUAL_JOIN,
                                AutoJoinReason.WRONG_SESSION.code()))
                        .build();
            }
            return relay(m, validator.get());
        }
        if (message instanceof ValidateJoinCloudSessionParameters m) {
            String password = Bytes.hex(env.random().bytes(16));
            finalizationPasswords.put(key(m.sessionId(), m.joinerInstanceId()), password);
            return relay(m.withFinalizationPassword(password), m.joinerInstanceId());
        }
        if (message instanceof FinalizeJoinCloudSessionParameters m) {
            String expected = finalizationPasswords.get(key(m.sessionId(), m.joinerInstanceId()));
            if (expected == null || !Bytes.constantTimeEquals(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    m.finalizationPassword().getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                return Outputs.<AutoJoinMessage>builder()
                        .audit(AuditEvent.rejection("finalization-refused", AutoJoinReason.WRONG_PASSWORD,
                                Map.of("session", m.sessionId(), "requester-instance", m.joinerInstanceId())))
                        .build();
            }
            finalizationPasswords.remove(key(m.sessionId(), m.joinerInstanceId()));
            joined.computeIfAbsent(m.sessionId(), s -> new TreeSet<>()).add(m.joinerInstanceId());
            return Outputs.<AutoJoinMessage>builder()
                    .audit(AuditEvent.of("session-member-added", Map.of("session", m.sessionId(),
                            "member-instance", m.joinerInstanceId(), "flow", m.flow())))
                    .addAll(relay(m, m.validatorInstanceId()))
                    .build();
        }
        return relay(message, message.toValidator() ? message.validatorInstanceId() : message.joinerInstanceId());
    }

    private Outputs<AutoJoinMessage> relay(AutoJoinMessage m, String to) {
        return Outputs.<AutoJoinMessage>builder().send(DeviceId.of(to), m).build();
    }

    private static String key(String sessionId, String joiner) {
        return sessionId + "\u0000" + joiner;
    }

    @Override
    public Outputs<AutoJoinMessage> onTimer(TimerId timer, Env env) {
        return Outputs.none();
    }

    @Override
    public Outputs<AutoJoinMessage> onMalformed(DeviceId from, String reason, String detail, Env env) {
        return AutoJoinValidator.malformed(from, reason, detail);
    }

    @Override
    public void onCrash() {
        // Everything the server keeps is persistent.
    }
}
