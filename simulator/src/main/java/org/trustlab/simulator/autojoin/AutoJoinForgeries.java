package org.trustlab.simulator.autojoin;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.trustlab.reference.autojoin.AutoJoinMessage;
import org.trustlab.reference.autojoin.AutoJoinMessage.AskJoinCloudSessionParameters;
import org.trustlab.reference.autojoin.AutoJoinMessage.AskPasswordExchangeKey;
import org.trustlab.reference.autojoin.AutoJoinMessage.AutoJoinChallenge;
import org.trustlab.reference.autojoin.AutoJoinMessage.AutoJoinRejected;
import org.trustlab.reference.autojoin.AutoJoinMessage.FinalizeJoinCloudSessionParameters;
import org.trustlab.reference.autojoin.AutoJoinMessage.ValidateJoinCloudSessionParameters;
import org.trustlab.reference.autojoin.AutoJoinReason;
import org.trustlab.reference.autojoin.Challenge;
import org.trustlab.reference.autojoin.ClientId;
import org.trustlab.reference.autojoin.ExchangePassword;
import org.trustlab.reference.autojoin.PublicKeyInfo;
import org.trustlab.reference.autojoin.Transcripts;
import org.trustlab.simulator.protocol.AttackerContext;
import org.trustlab.simulator.protocol.ConfigView;
import org.trustlab.simulator.protocol.ObservedMessage;

/**
 * The forgeries of the messages that answer or finish a join ({@code validate-join}, {@code finalize-join},
 * {@code rejected}) and of the manual join's requests ({@code ask-exchange-key}, {@code ask-join}), and the
 * re-addressed challenge. Each is made from what the attacker holds: public keys, what it observed, its own keys and
 * keys it compromised. A signature needs a key the attacker holds (else the step is refused and nothing is sent); a
 * MAC under a session key it does not know is random bytes or a copy, never a computed one.
 */
final class AutoJoinForgeries {
    static final List<String> TYPES = List.of("validate-join", "finalize-join", "rejected", "ask-exchange-key",
            "ask-join");

    private AutoJoinForgeries() {}

    static AutoJoinMessage forge(String type, ConfigView m, AutoJoinSetup setup,
            AttackerContext<AutoJoinMessage> ctx) {
        switch (type) {
            case "validate-join":
                return validateJoin(m, setup, ctx);
            case "finalize-join": {
                m.onlyKeys("type", "session", "requester", "validator", "flow", "confirmation-from");
                String requester = AutoJoinBinding.deviceOrFirst(m, "requester", "requester", ctx);
                String flow = flow(m);
                // The key confirmation is an HMAC under the session key: copied from an observed one, or made up.
                byte[] confirmation = m.string("confirmation-from", "random").equals("last")
                        ? last(ctx, FinalizeJoinCloudSessionParameters.class)
                                .map(FinalizeJoinCloudSessionParameters::keyConfirmation)
                                .orElseGet(() -> ctx.random().bytes(32))
                        : ctx.random().bytes(32);
                return new FinalizeJoinCloudSessionParameters(m.string("session", AutoJoinBinding.firstSession(setup)),
                        requester, AutoJoinBinding.deviceOrFirst(m, "validator", "validator", ctx), flow, "",
                        confirmation);
            }
            case "rejected": {
                // Unauthenticated in the source system: anyone on the path can say "rejected".
                m.onlyKeys("type", "session", "requester", "validator", "flow", "reason");
                String reason = m.string("reason", AutoJoinReason.CHALLENGE_EXPIRED.code());
                if (AutoJoinReason.fromCode(reason).isEmpty()) {
                    throw m.error("reason", "unknown autojoin reason '" + reason + "'");
                }
                return new AutoJoinRejected(m.string("session", AutoJoinBinding.firstSession(setup)),
                        setup.installationId(AutoJoinBinding.deviceOrFirst(m, "requester", "requester", ctx)),
                        AutoJoinBinding.deviceOrFirst(m, "validator", "validator", ctx), flow(m), reason);
            }
            case "ask-exchange-key": {
                m.onlyKeys("type", "session", "claim", "key", "instance");
                String claim = AutoJoinBinding.deviceOrFirst(m, "claim", "requester", ctx);
                PublicKeyInfo info = new PublicKeyInfo(setup.identity(claim, 0).clientId(),
                        AutoJoinBinding.publicKey(m.string("key", "attacker"), setup, ctx));
                return new AskPasswordExchangeKey(m.string("session", AutoJoinBinding.firstSession(setup)),
                        m.string("instance", "attacker"), info);
            }
            case "ask-join":
                return askJoin(m, setup, ctx);
            default:
                throw new IllegalArgumentException(type);
        }
    }

    /**
     * A session key for {@code requester}: a key the attacker makes up, encrypted to the requester's public key
     * ({@code recipient-key}, public knowledge), bound to the nonce of the last challenge observed for it, and
     * signed as {@code validator} with {@code sign-with} (the attacker's key, or a device key it holds) or with a
     * copied signature ({@code signature-from: last}).
     */
    private static AutoJoinMessage validateJoin(ConfigView m, AutoJoinSetup setup,
            AttackerContext<AutoJoinMessage> ctx) {
        m.onlyKeys("type", "session", "requester", "validator", "flow", "recipient-key", "sign-with",
                "signature-from");
        String requester = AutoJoinBinding.deviceOrFirst(m, "requester", "requester", ctx);
        String validator = AutoJoinBinding.deviceOrFirst(m, "validator", "validator", ctx);
        String session = m.string("session", AutoJoinBinding.firstSession(setup));
        String flow = flow(m);
        byte[] nonce = flow.equals(AutoJoinMessage.MANUAL_JOIN) ? new byte[0]
                : lastChallengeFor(requester, ctx).map(c -> c.challenge().nonce())
                        .orElseGet(() -> ctx.random().bytes(Challenge.NONCE_LENGTH));
        byte[] recipientKey = AutoJoinBinding.publicKey(m.string("recipient-key", requester), setup, ctx);
        byte[] encrypted = setup.profile.encrypt(recipientKey, ctx.random().bytes(32), ctx.random())
                .orElseThrow(() -> m.error("recipient-key", "the key cannot be encrypted to"));
        ClientId recipient = setup.identity(requester, 0).clientId();
        byte[] signature;
        if (m.has("signature-from")) {
            signature = last(ctx, ValidateJoinCloudSessionParameters.class)
                    .map(ValidateJoinCloudSessionParameters::validatorSignature)
                    .orElseGet(() -> ctx.random().bytes(64));
        } else {
            String signer = m.string("sign-with", "attacker");
            PublicKeyInfo issuer = new PublicKeyInfo(setup.identity(validator, 0).clientId(),
                    AutoJoinBinding.publicKey(signer, setup, ctx));
            signature = AutoJoinBinding.sign(signer, Transcripts.digitalSignature(session, issuer.clientId(),
                    issuer.publicKey(), recipient, encrypted, nonce), setup, ctx);
        }
        return new ValidateJoinCloudSessionParameters(session, requester, validator, flow, encrypted, nonce,
                signature, "");
    }

    /** A manual join's password message: a guessed password, encrypted to the member's public key, signed. */
    private static AutoJoinMessage askJoin(ConfigView m, AutoJoinSetup setup, AttackerContext<AutoJoinMessage> ctx) {
        m.onlyKeys("type", "session", "claim", "validator", "instance", "password", "sign-with");
        String claim = AutoJoinBinding.deviceOrFirst(m, "claim", "requester", ctx);
        String validator = AutoJoinBinding.deviceOrFirst(m, "validator", "validator", ctx);
        String session = m.string("session", AutoJoinBinding.firstSession(setup));
        String instance = m.string("instance", "attacker");
        byte[] plain = new ExchangePassword(session, instance, m.string("password", "guessed-password")).data()
                .getBytes(StandardCharsets.UTF_8);
        byte[] encrypted = setup.profile.encrypt(setup.identity(validator, 0).publicKey(), plain, ctx.random())
                .orElseThrow(() -> m.error("validator", "the member's key cannot be encrypted to"));
        String signer = m.string("sign-with", "attacker");
        byte[] signerKey = AutoJoinBinding.publicKey(signer, setup, ctx);
        byte[] signature = AutoJoinBinding.sign(signer, Transcripts.digitalSignature(session,
                setup.identity(claim, 0).clientId(), signerKey, setup.identity(validator, 0).clientId(), encrypted,
                new byte[0]), setup, ctx);
        return new AskJoinCloudSessionParameters(session, instance, validator, encrypted, signature);
    }

    /**
     * A challenge for a requester, built from an observed one ({@code challenge}) with {@code nonce-from} another,
     * and optionally re-addressed ({@code to}: the requester device it goes to; {@code validator}: the member it
     * names) and rewritten ({@code session}, {@code requester}, {@code target}: devices; {@code purpose}).
     * Challenges carry no signature: the attacker can write any it likes.
     */
    static AutoJoinChallenge challenge(ConfigView m, AutoJoinSetup setup, AttackerContext<AutoJoinMessage> ctx,
            AutoJoinChallenge base, byte[] nonce) {
        Challenge b = base.challenge();
        String to = m.optionalString("to").map(d -> device(m, "to", ctx)).orElse(base.joinerInstanceId());
        String validator = m.optionalString("validator").map(d -> device(m, "validator", ctx))
                .orElse(base.validatorInstanceId());
        ClientId requester = m.optionalString("requester").map(d -> setup.identity(device(m, "requester", ctx), 0)
                .clientId()).orElse(b.requester());
        ClientId target = m.optionalString("target").map(d -> setup.identity(device(m, "target", ctx), 0)
                .clientId()).orElse(b.target());
        return new AutoJoinChallenge(to, validator, new Challenge(m.string("session", b.sessionId()), requester,
                target, b.issuedAt(), b.expiresAt(), m.has("purpose") ? AutoJoinBinding.purpose(m) : b.purpose(),
                nonce, b.epoch()));
    }

    private static String device(ConfigView m, String key, AttackerContext<AutoJoinMessage> ctx) {
        String name = m.string(key);
        if (ctx.binding().device(name).isEmpty()) {
            throw m.error(key, "unknown device '" + name + "'");
        }
        return name;
    }

    private static String flow(ConfigView m) {
        String flow = m.string("flow", AutoJoinMessage.AUTO_JOIN);
        if (!flow.equals(AutoJoinMessage.AUTO_JOIN) && !flow.equals(AutoJoinMessage.MANUAL_JOIN)) {
            throw m.error("flow", "flow must be auto-join or manual-join, not '" + flow + "'");
        }
        return flow;
    }

    private static Optional<AutoJoinChallenge> lastChallengeFor(String requester,
            AttackerContext<AutoJoinMessage> ctx) {
        List<ObservedMessage<AutoJoinMessage>> seen = ctx.observed();
        for (int i = seen.size() - 1; i >= 0; i--) {
            if (seen.get(i).message() instanceof AutoJoinChallenge c && c.joinerInstanceId().equals(requester)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static <T extends AutoJoinMessage> Optional<T> last(AttackerContext<AutoJoinMessage> ctx, Class<T> type) {
        List<ObservedMessage<AutoJoinMessage>> seen = ctx.observed();
        for (int i = seen.size() - 1; i >= 0; i--) {
            if (type.isInstance(seen.get(i).message())) {
                return Optional.of(type.cast(seen.get(i).message()));
            }
        }
        return Optional.empty();
    }
}
