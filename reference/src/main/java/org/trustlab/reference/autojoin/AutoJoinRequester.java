package org.trustlab.reference.autojoin;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.trustlab.reference.autojoin.AutoJoinMessage.AskAutoJoin;
import org.trustlab.reference.autojoin.AutoJoinMessage.AskJoinCloudSessionParameters;
import org.trustlab.reference.autojoin.AutoJoinMessage.AskPasswordExchangeKey;
import org.trustlab.reference.autojoin.AutoJoinMessage.AutoJoinChallenge;
import org.trustlab.reference.autojoin.AutoJoinMessage.AutoJoinChallengeResponse;
import org.trustlab.reference.autojoin.AutoJoinMessage.AutoJoinRejected;
import org.trustlab.reference.autojoin.AutoJoinMessage.FinalizeJoinCloudSessionParameters;
import org.trustlab.reference.autojoin.AutoJoinMessage.GiveCloudSessionPasswordExchangeKeyParameters;
import org.trustlab.reference.autojoin.AutoJoinMessage.ValidateJoinCloudSessionParameters;
import org.trustlab.reference.core.AuditEvent;
import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.core.Env;
import org.trustlab.reference.core.Outcome;
import org.trustlab.reference.core.Outputs;
import org.trustlab.reference.core.ReasonCode;
import org.trustlab.reference.core.Role;
import org.trustlab.reference.core.TimerId;
import org.trustlab.reference.core.UserAction;
import org.trustlab.reference.crypto.Bytes;
import org.trustlab.reference.crypto.Hmac;

/**
 * The device that joins a session: manually with the session password, or automatically by signing the
 * validator's challenge with its device key.
 *
 * <p>It signs only a challenge that answers a request it made: same session, itself as requester, the member it
 * asked as target, the purpose it asked for, and from a member whose key it trusts. Otherwise it would be a
 * signing oracle for whoever can put a challenge in front of it. Expiry is not judged here: only the verifier's
 * clock counts, and this device's clock may be skewed either way.
 *
 * <p>State. Persistent: trusted keys, key generation, the session keys it obtained. Volatile: joins in progress.
 */
public final class AutoJoinRequester implements Role<AutoJoinMessage> {
    private final RequesterConfig config;

    // Persistent state.
    private final TrustedPublicKeys trusted = new TrustedPublicKeys();
    private final TreeMap<String, byte[]> sessionKeys = new TreeMap<>();
    private int keyGeneration;

    // Volatile state: joins in progress, by session id.
    private final TreeMap<String, PendingManual> manual = new TreeMap<>();
    private final TreeMap<String, PendingAuto> auto = new TreeMap<>();

    private record PendingManual(String password, PublicKeyInfo validator) {}

    /**
     * An automatic join in progress; {@code signedNonce} (hex) names the challenge it answered, null until then: the
     * session key must come for that very challenge, not for an earlier exchange of the same session.
     */
    private record PendingAuto(String validatorInstanceId, ClientId target, Purpose purpose, String signedNonce) {
        boolean signed() {
            return signedNonce != null;
        }

        /** The challenge it signed, in hex; empty before it signed one. */
        String nonceHex() {
            return signed() ? signedNonce : "";
        }
    }

    public AutoJoinRequester(RequesterConfig config) {
        this.config = config;
        this.keyGeneration = config.keyGeneration();
        config.trustedKeys().forEach(trusted::trust);
    }

    public DeviceIdentity identity(Env env) {
        return DeviceIdentity.of(env.keys(), config.installationId(), config.profile(), keyGeneration);
    }

    public Optional<byte[]> sessionKey(String sessionId) {
        return Optional.ofNullable(sessionKeys.get(sessionId)).map(byte[]::clone);
    }

    private boolean mutant(AutoJoinMutant m) {
        return config.mutants().contains(m);
    }

    @Override
    public Outputs<AutoJoinMessage> onUserAction(UserAction action, Env env) {
        switch (action.name()) {
            case "join":
                return startManual(action, env);
            case "auto-join":
                return startAuto(action, env);
            case "rotate-key": {
                String g = action.arg("generation");
                keyGeneration = g == null ? keyGeneration + 1 : Integer.parseInt(g);
                return Outputs.<AutoJoinMessage>builder()
                        .audit(AuditEvent.of("key-rotated", AuditFields.create().put("generation", keyGeneration)
                                .put("key-fingerprint", identity(env).fingerprint()).build()))
                        .build();
            }
            default:
                return Role.super.onUserAction(action, env);
        }
    }

    private Outputs<AutoJoinMessage> startManual(UserAction action, Env env) {
        String session = action.arg("session");
        String password = action.arg("password");
        if (session == null || password == null) {
            return localReject(AutoJoinMessage.MANUAL_JOIN, AutoJoinReason.MALFORMED, AuditFields.create()
                    .put("detail", "join needs session and password"));
        }
        String via = config.server().orElse(action.arg("validator"));
        if (via == null) {
            return localReject(AutoJoinMessage.MANUAL_JOIN, AutoJoinReason.MALFORMED, AuditFields.create()
                    .put("detail", "join needs a validator when there is no session server"));
        }
        manual.put(session, new PendingManual(password, null));
        DeviceIdentity me = identity(env);
        return Outputs.<AutoJoinMessage>builder()
                // The key and its generation let a trace tell whose key a later session-key delivery went to.
                .audit(AuditEvent.of("manual-join-requested", AuditFields.create().put("session", session)
                        .put("requester", me.clientId()).put("key-fingerprint", me.fingerprint())
                        .put("key-generation", keyGeneration).build()))
                .send(DeviceId.of(via), new AskPasswordExchangeKey(session, config.instanceId(),
                        me.publicKeyInfo()))
                .build();
    }

    private Outputs<AutoJoinMessage> startAuto(UserAction action, Env env) {
        String session = action.arg("session");
        String validator = action.arg("validator");
        Optional<Purpose> purpose = Purpose.fromWire(action.arg("purpose") == null ? "auto-join"
                : action.arg("purpose"));
        ClientId target = validator == null ? null : config.directory().get(validator);
        if (session == null || target == null || purpose.isEmpty()) {
            return localReject(AutoJoinMessage.AUTO_JOIN, AutoJoinReason.MALFORMED, AuditFields.create()
                    .put("detail", "auto-join needs a session, a known validator and a known purpose"));
        }
        auto.put(session, new PendingAuto(validator, target, purpose.get(), null));
        DeviceIdentity me = identity(env);
        return Outputs.<AutoJoinMessage>builder()
                .audit(AuditEvent.of("auto-join-requested", AuditFields.create().put("session", session)
                        .put("requester", me.clientId()).put("target", target)
                        .put("purpose", purpose.get().wireName()).put("key-fingerprint", me.fingerprint())
                        .put("key-generation", keyGeneration).build()))
                .send(route(validator), new AskAutoJoin(session, config.instanceId(), validator,
                        me.publicKeyInfo(), purpose.get()))
                .build();
    }

    @Override
    public Outputs<AutoJoinMessage> onMessage(DeviceId from, AutoJoinMessage message, Env env) {
        if (message instanceof GiveCloudSessionPasswordExchangeKeyParameters m) {
            return onGive(m, env);
        } else if (message instanceof AutoJoinChallenge m) {
            return onChallenge(m, env);
        } else if (message instanceof ValidateJoinCloudSessionParameters m) {
            return onValidate(m, env);
        } else if (message instanceof AutoJoinRejected m) {
            return onRejected(m, env);
        }
        return Outputs.<AutoJoinMessage>builder()
                .audit(AuditEvent.of("message-ignored", AuditFields.create()
                        .put("message", AutoJoinCodec.tagOf(message)).put("from", from.value()).build()))
                .build();
    }

    private Outputs<AutoJoinMessage> onGive(GiveCloudSessionPasswordExchangeKeyParameters m, Env env) {
        PendingManual pending = manual.get(m.sessionId());
        if (pending == null || pending.validator() != null) {
            return ignored(m, "no manual join waiting for an exchange key");
        }
        PublicKeyInfo validator = m.validatorPublicKeyInfo();
        // ByteSync's CloudSessionPasswordExchangeKeyGivenService: the password goes only to a trusted member.
        if (!mutant(AutoJoinMutant.PASSWORD_TO_UNTRUSTED_KEY) && !trusted.isTrusted(validator)) {
            if (hardened() && trusted.newest(validator.clientId()).isPresent()) {
                // The answer carries no authentication: anyone can offer a key in a member's name. Refusing a key
                // other than the one we trust for that member must not end the join, or a forged answer denies the
                // member's own, which may still come. A member we trust no key for can never complete it.
                return ignoredDecision(AutoJoinMessage.MANUAL_JOIN, AutoJoinReason.NOT_MUTUALLY_TRUSTED,
                        AuditFields.create().put("session", m.sessionId()).put("target", validator.clientId())
                                .put("presented-key-fingerprint", validator.fingerprint()));
            }
            manual.remove(m.sessionId());
            return localReject(AutoJoinMessage.MANUAL_JOIN, AutoJoinReason.NOT_MUTUALLY_TRUSTED, AuditFields.create()
                    .put("session", m.sessionId()).put("target", validator.clientId())
                    .put("presented-key-fingerprint", validator.fingerprint()));
        }
        DeviceIdentity me = identity(env);
        byte[] plain = new ExchangePassword(m.sessionId(), config.instanceId(), pending.password()).data()
                .getBytes(StandardCharsets.UTF_8);
        Optional<byte[]> encrypted = config.profile().encrypt(validator.publicKey(), plain, env.random());
        if (encrypted.isEmpty()) {
            manual.remove(m.sessionId());
            return localReject(AutoJoinMessage.MANUAL_JOIN, AutoJoinReason.MALFORMED, AuditFields.create()
                    .put("session", m.sessionId()).put("detail", "validator key cannot encrypt"));
        }
        byte[] signature = config.profile().sign(env.keys(), keyGeneration, Transcripts.digitalSignature(
                m.sessionId(), me.clientId(), me.publicKey(), validator.clientId(), encrypted.get(), new byte[0]),
                env.random());
        manual.put(m.sessionId(), new PendingManual(pending.password(), validator));
        return Outputs.<AutoJoinMessage>builder()
                .send(route(m.validatorInstanceId()), new AskJoinCloudSessionParameters(m.sessionId(),
                        config.instanceId(), m.validatorInstanceId(), encrypted.get(), signature))
                .build();
    }

    private Outputs<AutoJoinMessage> onChallenge(AutoJoinChallenge m, Env env) {
        Challenge c = m.challenge();
        DeviceIdentity me = identity(env);
        AuditFields f = AuditFields.create().challenge(c).put("validator-instance", m.validatorInstanceId());
        PendingAuto pending = auto.get(c.sessionId());
        if (mutant(AutoJoinMutant.REQUESTER_SIGNS_ANY_CHALLENGE)) {
            return sign(m, pending, env);
        }
        if (pending != null && pending.signed() && hardened()) {
            // A second challenge for a join we already answered (a replayed request): never sign it, and do not
            // let it end the join either.
            return ignoredDecision(AutoJoinMessage.AUTO_JOIN, AutoJoinReason.CHALLENGE_UNKNOWN, f);
        }
        if (pending == null || pending.signed()) {
            // Not an answer to a request of ours (or a second challenge for one): never sign it.
            return localReject(AutoJoinMessage.AUTO_JOIN, auto.isEmpty() || (pending != null && pending.signed())
                    ? AutoJoinReason.CHALLENGE_UNKNOWN : AutoJoinReason.WRONG_SESSION, f);
        }
        ReasonCode problem = null;
        if (!c.requester().equals(me.clientId())) {
            problem = AutoJoinReason.WRONG_REQUESTER;
        } else if (!c.target().equals(pending.target()) || !m.validatorInstanceId()
                .equals(pending.validatorInstanceId())) {
            problem = AutoJoinReason.WRONG_TARGET;
        } else if (c.purpose() != pending.purpose()) {
            problem = AutoJoinReason.WRONG_PURPOSE;
        } else if (trusted.newest(c.target()).isEmpty()) {
            // Automatic join is only for mutually trusted clients: we must trust the member we join through.
            problem = AutoJoinReason.NOT_MUTUALLY_TRUSTED;
        }
        if (problem != null) {
            // Not trusting the member is our own fact, not the message's claim: that join can never complete.
            if (hardened() && problem != AutoJoinReason.NOT_MUTUALLY_TRUSTED) {
                // The challenge carries no authentication: anyone can put one in front of us. Refusing to sign it
                // must not end the join we asked for, or a forged challenge denies it.
                return ignoredDecision(AutoJoinMessage.AUTO_JOIN, problem, f);
            }
            auto.remove(c.sessionId());
            return localReject(AutoJoinMessage.AUTO_JOIN, problem, f);
        }
        return sign(m, pending, env);
    }

    /** Signs the challenge and answers it; {@code pending} (null only in a mutant) records which one it was. */
    private Outputs<AutoJoinMessage> sign(AutoJoinChallenge m, PendingAuto pending, Env env) {
        Challenge c = m.challenge();
        DeviceIdentity me = identity(env);
        AuditFields f = AuditFields.create().challenge(c).put("validator-instance", m.validatorInstanceId());
        byte[] input = mutant(AutoJoinMutant.SIGNATURE_OVER_NONCE_ONLY) ? c.nonceOnlySigningInput()
                : mutant(AutoJoinMutant.SIGNATURE_OMITS_PURPOSE) ? c.signingInputWithoutPurpose()
                : c.signingInput();
        byte[] signature = config.profile().sign(env.keys(), keyGeneration, input, env.random());
        if (pending != null) {
            auto.put(c.sessionId(), new PendingAuto(pending.validatorInstanceId(), pending.target(),
                    pending.purpose(), c.nonceHex()));
        }
        // What this device says it signed, and with which key (the refinement's requester step).
        return Outputs.<AutoJoinMessage>builder()
                .audit(AuditEvent.of("challenge-signed", f.put("key-fingerprint", me.fingerprint())
                        .put("key-generation", keyGeneration)
                        .put("signer-time", env.now()).build()))
                .send(route(m.validatorInstanceId()), new AutoJoinChallengeResponse(config.instanceId(),
                        m.validatorInstanceId(), c, signature))
                .build();
    }

    private Outputs<AutoJoinMessage> onValidate(ValidateJoinCloudSessionParameters m, Env env) {
        DeviceIdentity me = identity(env);
        String flow = m.flow();
        AuditFields f = AuditFields.create().put("session", m.sessionId()).put("flow", flow)
                .put("validator-instance", m.validatorInstanceId());
        Optional<PublicKeyInfo> validatorKey = expectedValidatorKey(m);
        if (validatorKey.isEmpty()) {
            return ignored(m, "no " + flow + " waiting for this session key");
        }
        PublicKeyInfo validator = validatorKey.get();
        f.put("target", validator.clientId());
        byte[] signed = Transcripts.digitalSignature(m.sessionId(), validator.clientId(), validator.publicKey(),
                me.clientId(), m.encryptedAesKey(), m.challengeNonce());
        if (!mutant(AutoJoinMutant.SESSION_KEY_SIGNATURE_UNCHECKED)
                && !config.profile().verify(validator.publicKey(), signed, m.validatorSignature())) {
            if (hardened() && flow.equals(AutoJoinMessage.AUTO_JOIN)) {
                // Not the validator's word: a forgery must not end the join the validator may still accept.
                return ignoredDecision(AutoJoinMessage.AUTO_JOIN, AutoJoinReason.SIGNATURE_INVALID, f);
            }
            clearPending(m.sessionId(), flow);
            return localReject(flow, AutoJoinReason.SIGNATURE_INVALID, f);
        }
        Optional<byte[]> sessionKey = config.profile().decrypt(env.keys(), keyGeneration, m.encryptedAesKey());
        if (sessionKey.isEmpty()) {
            clearPending(m.sessionId(), flow);
            return localReject(flow, AutoJoinReason.MALFORMED, f.put("detail", "session key does not decrypt"));
        }
        clearPending(m.sessionId(), flow);
        sessionKeys.put(m.sessionId(), sessionKey.get());
        byte[] confirmation = Hmac.sha256(sessionKey.get(), Transcripts.keyConfirmation(m.sessionId(),
                me.clientId(), validator.clientId(), flow, m.challengeNonce()));
        Map<String, String> accepted = f.put("requester", me.clientId())
                .put("session-key-fingerprint", Bytes.fingerprint(sessionKey.get()))
                .put("nonce", m.challengeNonce().length == 0 ? null : Bytes.hex(m.challengeNonce())).build();
        return Outputs.<AutoJoinMessage>builder()
                .audit(AuditEvent.of("session-key-received", accepted))
                .outcome(Outcome.accepted(flow, accepted))
                .send(route(m.validatorInstanceId()), new FinalizeJoinCloudSessionParameters(m.sessionId(),
                        config.instanceId(), m.validatorInstanceId(), flow, m.finalizationPassword(), confirmation))
                .build();
    }

    /** The validator key a session key must be signed with: the one we trusted when the join started. */
    private Optional<PublicKeyInfo> expectedValidatorKey(ValidateJoinCloudSessionParameters m) {
        if (m.flow().equals(AutoJoinMessage.MANUAL_JOIN)) {
            PendingManual p = manual.get(m.sessionId());
            return p == null ? Optional.empty() : Optional.ofNullable(p.validator());
        }
        PendingAuto p = auto.get(m.sessionId());
        // A session key for another challenge of this session (a delivery of an earlier exchange, replayed) is not
        // the answer to the one we signed.
        if (p == null || !p.signed() || !p.validatorInstanceId().equals(m.validatorInstanceId())
                || !p.signedNonce().equals(Bytes.hex(m.challengeNonce()))) {
            return Optional.empty();
        }
        return trusted.newest(p.target()).map(t -> new PublicKeyInfo(t.clientId(), t.publicKey()));
    }

    private Outputs<AutoJoinMessage> onRejected(AutoJoinRejected m, Env env) {
        boolean waiting = m.flow().equals(AutoJoinMessage.MANUAL_JOIN) ? manual.containsKey(m.sessionId())
                : auto.containsKey(m.sessionId());
        if (!waiting) {
            return ignored(m, "no join waiting for this rejection");
        }
        if (hardened() && m.flow().equals(AutoJoinMessage.AUTO_JOIN) && !fromTheValidatorAsked(m, env)) {
            return ignoredDecision(AutoJoinMessage.AUTO_JOIN, AutoJoinReason.DECISION_UNAUTHENTICATED, AuditFields.create()
                    .put("session", m.sessionId()).put("validator-instance", m.validatorInstanceId())
                    .put("claimed-reason", m.reason()));
        }
        clearPending(m.sessionId(), m.flow());
        ReasonCode reason = AutoJoinReason.fromCode(m.reason()).map(r -> (ReasonCode) r)
                .orElse(AutoJoinReason.MALFORMED);
        Map<String, String> f = AuditFields.create().put("session", m.sessionId()).put("flow", m.flow())
                .put("validator-instance", m.validatorInstanceId()).put("reported-by", "validator").build();
        return Outputs.<AutoJoinMessage>builder()
                .audit(AuditEvent.rejection("join-rejected-by-validator", reason, f))
                .outcome(Outcome.rejected(m.flow(), reason, f))
                .build();
    }

    private boolean hardened() {
        return config.profile().authenticatedDecisions();
    }

    /**
     * Whether a refusal of an automatic join is the word of the validator it was asked of, about this join: signed
     * by the member's key we trust, naming the challenge we signed (none before we signed one).
     */
    private boolean fromTheValidatorAsked(AutoJoinRejected m, Env env) {
        if (mutant(AutoJoinMutant.REQUESTER_TRUSTS_UNSIGNED_REJECTION)) {
            return true;
        }
        PendingAuto p = auto.get(m.sessionId());
        Optional<TrustedPublicKey> key = trusted.newest(p.target());
        if (key.isEmpty() || !p.validatorInstanceId().equals(m.validatorInstanceId())
                || !p.nonceHex().equals(Bytes.hex(m.nonce()))) {
            return false;
        }
        return config.profile().verify(key.get().publicKey(), Transcripts.rejection(m.sessionId(), p.target(),
                m.joinerInstanceId(), m.flow(), m.reason(), m.nonce(), identity(env).fingerprint(), p.purpose()),
                m.signature());
    }

    /** Hardened profile: a message that cannot end the join is on the record, and the join stays open. */
    private Outputs<AutoJoinMessage> ignoredDecision(String flow, ReasonCode reason, AuditFields fields) {
        return Outputs.<AutoJoinMessage>builder()
                .audit(AuditEvent.rejection(flow + "-message-ignored", reason, fields.put("flow", flow)
                        .put("reported-by", "requester").put("join", "still-open").build()))
                .build();
    }

    private void clearPending(String sessionId, String flow) {
        if (flow.equals(AutoJoinMessage.MANUAL_JOIN)) {
            manual.remove(sessionId);
        } else {
            auto.remove(sessionId);
        }
    }

    private Outputs<AutoJoinMessage> localReject(String flow, ReasonCode reason, AuditFields fields) {
        Map<String, String> f = fields.put("flow", flow).put("reported-by", "requester").build();
        return Outputs.<AutoJoinMessage>builder()
                .audit(AuditEvent.rejection(flow + "-refused", reason, f))
                .outcome(Outcome.rejected(flow, reason, f))
                .build();
    }

    private Outputs<AutoJoinMessage> ignored(AutoJoinMessage m, String why) {
        return Outputs.<AutoJoinMessage>builder()
                .audit(AuditEvent.of("message-ignored", AuditFields.create()
                        .put("message", AutoJoinCodec.tagOf(m)).put("session", m.sessionId()).put("why", why)
                        .build()))
                .build();
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
        manual.clear();
        auto.clear();
    }

    private DeviceId route(String validatorInstanceId) {
        return DeviceId.of(config.server().orElse(validatorInstanceId));
    }
}
