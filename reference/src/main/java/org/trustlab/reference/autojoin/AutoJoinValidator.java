package org.trustlab.reference.autojoin;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
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
import org.trustlab.reference.core.Role;
import org.trustlab.reference.core.TimerId;
import org.trustlab.reference.core.UserAction;
import org.trustlab.reference.crypto.Bytes;
import org.trustlab.reference.crypto.Hmac;

/**
 * The session member that validates joins: the manual, password-based join (where trust and grants come from)
 * and the automatic join by signed challenge.
 *
 * <p>State. Persistent (survives a crash, as ByteSync's settings file and session store do): the trusted public
 * keys, the grants, the sessions and their keys, the key generation, and the restart {@code epoch}. Volatile
 * (lost on a crash): issued challenges, consumed-challenge marks, and joins in progress.
 *
 * <p>Restarts. A challenge carries the epoch it was issued in; the epoch is persisted and advanced on every
 * restart, and a response is only accepted for a challenge of the current epoch that this process issued. We
 * chose this over persisting the consumed set because it costs one durable write per restart instead of one per
 * join, keeps the consumed set in memory (pruned once its challenges expire), and closes the replay window a
 * restart would otherwise open wholesale: nothing issued before the crash can be redeemed after it. The price is
 * that a join in flight across a restart fails with {@code CHALLENGE_UNKNOWN} and is retried.
 */
public final class AutoJoinValidator implements Role<AutoJoinMessage> {
    /** Issued challenges are kept this long past their expiry, so a late or replayed response is named as such. */
    private static final java.time.Duration RETENTION = java.time.Duration.ofMinutes(10);

    private final ValidatorConfig config;

    // Persistent state.
    private final TrustedPublicKeys trusted = new TrustedPublicKeys();
    private final TrustedDeviceGrants grants = new TrustedDeviceGrants();
    private final TreeMap<String, byte[]> sessionKeys = new TreeMap<>();
    private int keyGeneration;
    private long epoch;

    // Volatile state.
    private final TreeMap<String, Issued> issued = new TreeMap<>();
    private final TreeSet<String> consumed = new TreeSet<>();
    private final TreeMap<String, PublicKeyInfo> manualJoins = new TreeMap<>();
    private final TreeMap<String, PendingConfirmation> confirmations = new TreeMap<>();
    /** Mutant {@code consumed-marked-after-await} only: acceptances awaiting their consumed mark, by timer. */
    private final TreeMap<TimerId, AwaitingMark> awaitingMarks = new TreeMap<>();
    private long awaitedMarks;

    /** What the validator remembers about a challenge it issued. */
    private record Issued(Challenge challenge, String joinerInstanceId, PublicKeyInfo presentedKey,
            TrustedDeviceGrant grantAtIssue) {}

    /** An acceptance the mutant {@code consumed-marked-after-await} completes when its await ends. */
    private record AwaitingMark(Challenge stored, Challenge effective, String joinerInstanceId,
            PublicKeyInfo verificationKey, Map<String, String> accepted) {}

    /** How long the mutant {@code consumed-marked-after-await} awaits between its check and its mark. */
    private static final Duration MARK_AWAIT = Duration.ofMillis(50);

    /** A delivered session key awaiting the joiner's confirmation. */
    private record PendingConfirmation(String flow, PublicKeyInfo joiner, byte[] expectedConfirmation) {}

    public AutoJoinValidator(ValidatorConfig config) {
        this.config = config;
        this.keyGeneration = config.keyGeneration();
        config.trustedKeys().forEach(trusted::trust);
        config.grants().forEach(grants::put);
        config.sessions().forEach((id, secret) -> secret.aesKey().ifPresent(k -> sessionKeys.put(id, k)));
    }

    public ValidatorConfig config() {
        return config;
    }

    public DeviceIdentity identity(Env env) {
        return DeviceIdentity.of(env.keys(), config.installationId(), config.profile(), keyGeneration);
    }

    public long epoch() {
        return epoch;
    }

    public TrustedDeviceGrants grants() {
        return grants;
    }

    public TrustedPublicKeys trustedKeys() {
        return trusted;
    }

    private boolean mutant(AutoJoinMutant m) {
        return config.mutants().contains(m);
    }

    @Override
    public Outputs<AutoJoinMessage> onMessage(DeviceId from, AutoJoinMessage message, Env env) {
        prune(env.now());
        if (message instanceof AskPasswordExchangeKey m) {
            return onAskPasswordExchangeKey(m, env);
        } else if (message instanceof AskJoinCloudSessionParameters m) {
            return onAskJoin(m, env);
        } else if (message instanceof FinalizeJoinCloudSessionParameters m) {
            return onFinalize(m, env);
        } else if (message instanceof AskAutoJoin m) {
            return signRejections(onAskAutoJoin(m, env), new byte[0], m.joinerPublicKeyInfo().fingerprint(),
                    m.purpose(), false, env);
        } else if (message instanceof AutoJoinChallengeResponse m) {
            // Looked up before the response is judged: the refusal is bound to the request the challenge answered.
            Issued asked = issued.get(m.challenge().nonceHex());
            return signRejections(onResponse(m, env), m.challenge().nonce(), asked == null ? ""
                    : asked.presentedKey().fingerprint(), asked == null ? m.challenge().purpose()
                    : asked.challenge().purpose(), true, env);
        }
        // Messages meant for joiners reach a validator only if someone misroutes or injects them.
        return Outputs.<AutoJoinMessage>builder()
                .audit(AuditEvent.of("message-ignored", AuditFields.create()
                        .put("message", AutoJoinCodec.tagOf(message)).put("from", from.value()).build()))
                .build();
    }

    // ---- manual join -------------------------------------------------------------------------------------

    private Outputs<AutoJoinMessage> onAskPasswordExchangeKey(AskPasswordExchangeKey m, Env env) {
        AuditFields f = AuditFields.create().put("session", m.sessionId())
                .put("requester", m.publicKeyInfo().clientId()).put("requester-instance", m.joinerInstanceId())
                .put("presented-key-fingerprint", m.publicKeyInfo().fingerprint());
        if (!config.sessions().containsKey(m.sessionId())) {
            return reject(AutoJoinMessage.MANUAL_JOIN, AutoJoinReason.WRONG_SESSION, f, m.sessionId(),
                    m.joinerInstanceId());
        }
        // ByteSync's CloudSessionPasswordExchangeKeyAskedService: only a trusted joiner gets our key.
        if (!trusted.isTrusted(m.publicKeyInfo())) {
            return reject(AutoJoinMessage.MANUAL_JOIN, AutoJoinReason.NOT_MUTUALLY_TRUSTED, f, m.sessionId(),
                    m.joinerInstanceId());
        }
        manualJoins.put(joinKey(m.sessionId(), m.joinerInstanceId()), m.publicKeyInfo());
        DeviceIdentity me = identity(env);
        return Outputs.<AutoJoinMessage>builder()
                .audit(AuditEvent.of("password-exchange-key-given", f.put("validator", me.clientId()).build()))
                .send(route(m.joinerInstanceId()), new GiveCloudSessionPasswordExchangeKeyParameters(m.sessionId(),
                        m.joinerInstanceId(), config.instanceId(), me.publicKeyInfo()))
                .build();
    }

    private Outputs<AutoJoinMessage> onAskJoin(AskJoinCloudSessionParameters m, Env env) {
        DeviceIdentity me = identity(env);
        String flow = AutoJoinMessage.MANUAL_JOIN;
        AuditFields f = AuditFields.create().put("session", m.sessionId()).put("requester-instance",
                m.joinerInstanceId()).put("target", me.clientId());
        if (!m.validatorInstanceId().equals(config.instanceId())) {
            return reject(flow, AutoJoinReason.WRONG_TARGET, f, m.sessionId(), m.joinerInstanceId());
        }
        ValidatorConfig.SessionSecret session = config.sessions().get(m.sessionId());
        if (session == null) {
            return reject(flow, AutoJoinReason.WRONG_SESSION, f, m.sessionId(), m.joinerInstanceId());
        }
        PublicKeyInfo joiner = manualJoins.get(joinKey(m.sessionId(), m.joinerInstanceId()));
        // ByteSync re-checks trust here: the key may have been distrusted since the exchange key was given.
        if (joiner == null || !trusted.isTrusted(joiner)) {
            return reject(flow, AutoJoinReason.NOT_MUTUALLY_TRUSTED, f, m.sessionId(), m.joinerInstanceId());
        }
        f.put("requester", joiner.clientId()).put("requester-key-fingerprint", joiner.fingerprint());
        byte[] signed = Transcripts.digitalSignature(m.sessionId(), joiner.clientId(), joiner.publicKey(),
                me.clientId(), m.encryptedPassword(), new byte[0]);
        if (!config.profile().verify(joiner.publicKey(), signed, m.joinerSignature())) {
            return reject(flow, AutoJoinReason.SIGNATURE_INVALID, f, m.sessionId(), m.joinerInstanceId());
        }
        Optional<ExchangePassword> received = config.profile()
                .decrypt(env.keys(), keyGeneration, m.encryptedPassword())
                .flatMap(AutoJoinValidator::utf8)
                .flatMap(ExchangePassword::parse);
        if (received.isEmpty()) {
            return reject(flow, AutoJoinReason.MALFORMED, f.put("detail", "password does not decrypt or parse"),
                    m.sessionId(), m.joinerInstanceId());
        }
        ExchangePassword p = received.get();
        if (!p.isMatch(m.sessionId(), m.joinerInstanceId(), session.password(), config.profile())) {
            manualJoins.remove(joinKey(m.sessionId(), m.joinerInstanceId()));
            return reject(flow, AutoJoinReason.WRONG_PASSWORD, f, m.sessionId(), m.joinerInstanceId());
        }
        Outputs.Builder<AutoJoinMessage> out = Outputs.builder();
        boolean exact = p.sessionId().equals(m.sessionId()) && p.joinerId().equals(m.joinerInstanceId())
                && p.password().equals(session.password());
        if (!exact) {
            // The finding: ByteSync accepts a password that differs from the session's in letter case.
            out.audit(AuditEvent.of("password-compared-case-insensitively", AuditFields.create()
                    .put("session", m.sessionId()).put("requester", joiner.clientId())
                    .put("profile", config.profile().profileName()).build()));
        }
        manualJoins.remove(joinKey(m.sessionId(), m.joinerInstanceId()));
        Map<String, String> accepted = f.put("profile", config.profile().profileName()).build();
        out.audit(AuditEvent.of("manual-join-validated", accepted))
                .outcome(Outcome.accepted(AutoJoinMessage.MANUAL_JOIN, accepted));
        return out.addAll(deliverSessionKey(flow, m.sessionId(), m.joinerInstanceId(), joiner, new byte[0], env))
                .build();
    }

    private Outputs<AutoJoinMessage> onFinalize(FinalizeJoinCloudSessionParameters m, Env env) {
        DeviceIdentity me = identity(env);
        AuditFields f = AuditFields.create().put("session", m.sessionId()).put("requester-instance",
                m.joinerInstanceId()).put("flow", m.flow());
        PendingConfirmation pending = confirmations.get(joinKey(m.sessionId(), m.joinerInstanceId()));
        if (pending == null || !pending.flow().equals(m.flow())
                || !Bytes.constantTimeEquals(pending.expectedConfirmation(), m.keyConfirmation())) {
            return Outputs.<AutoJoinMessage>builder()
                    .audit(AuditEvent.rejection("session-key-confirmation-failed",
                            AutoJoinReason.KEY_CONFIRMATION_FAILED, f.build()))
                    .build();
        }
        confirmations.remove(joinKey(m.sessionId(), m.joinerInstanceId()));
        f.put("requester", pending.joiner().clientId());
        Outputs.Builder<AutoJoinMessage> out = Outputs.<AutoJoinMessage>builder()
                .audit(AuditEvent.of("session-key-confirmed", f.build()));
        if (m.flow().equals(AutoJoinMessage.MANUAL_JOIN)) {
            // Both sides have now verified each other's signature with a key they trust, and the joiner proved it
            // holds the session key: the mutual trust a grant requires.
            Instant now = env.now().truncatedTo(ChronoUnit.MILLIS);
            TrustedDeviceGrant grant = new TrustedDeviceGrant(me.clientId(), me.fingerprint(),
                    pending.joiner().clientId(), pending.joiner().fingerprint(), now,
                    now.plus(config.grantValidity()), false, config.grantScope());
            grants.put(grant);
            out.audit(AuditEvent.of("grant-created", AuditFields.create().put("session", m.sessionId())
                    .grant(grant).build()));
        }
        return out.build();
    }

    // ---- automatic join ----------------------------------------------------------------------------------

    private Outputs<AutoJoinMessage> onAskAutoJoin(AskAutoJoin m, Env env) {
        DeviceIdentity me = identity(env);
        PublicKeyInfo presented = m.joinerPublicKeyInfo();
        String flow = AutoJoinMessage.AUTO_JOIN;
        AuditFields f = AuditFields.create().put("session", m.sessionId()).put("requester", presented.clientId())
                .put("requester-instance", m.joinerInstanceId()).put("target", me.clientId())
                .put("purpose", m.purpose().wireName()).put("presented-key-fingerprint", presented.fingerprint());
        if (!m.validatorInstanceId().equals(config.instanceId())) {
            return reject(flow, AutoJoinReason.WRONG_TARGET, f, m.sessionId(), m.joinerInstanceId());
        }
        if (!config.sessions().containsKey(m.sessionId())) {
            return reject(flow, AutoJoinReason.WRONG_SESSION, f, m.sessionId(), m.joinerInstanceId());
        }
        TrustedDeviceGrant grant = grants.forClient(presented.clientId()).orElse(null);
        Optional<AutoJoinReason> grantProblem = grantProblem(grant, presented.clientId(), m.purpose(), me,
                env.now());
        if (grantProblem.isPresent()) {
            return reject(flow, grantProblem.get(), f.grant(grant), m.sessionId(), m.joinerInstanceId());
        }
        // The key the request carries is only a claim; it must be the key the grant was made for.
        if (!mutant(AutoJoinMutant.KEY_FROM_REQUEST)
                && !presented.fingerprint().equals(grant.trustedKeyFingerprint())) {
            return reject(flow, AutoJoinReason.KEY_MISMATCH, f.grant(grant), m.sessionId(), m.joinerInstanceId());
        }
        Instant issuedAt = env.now().truncatedTo(ChronoUnit.MILLIS);
        Challenge challenge = new Challenge(m.sessionId(), presented.clientId(), me.clientId(), issuedAt,
                issuedAt.plus(challengeTtl()), m.purpose(), env.random().bytes(Challenge.NONCE_LENGTH), epoch);
        issued.put(challenge.nonceHex(), new Issued(challenge, m.joinerInstanceId(), presented, grant));
        return Outputs.<AutoJoinMessage>builder()
                .audit(AuditEvent.of("challenge-issued", AuditFields.create().challenge(challenge)
                        .put("requester-instance", m.joinerInstanceId()).grant(grant).build()))
                .send(route(m.joinerInstanceId()), new AutoJoinChallenge(m.joinerInstanceId(), config.instanceId(),
                        challenge))
                .build();
    }

    private Outputs<AutoJoinMessage> onResponse(AutoJoinChallengeResponse m, Env env) {
        DeviceIdentity me = identity(env);
        Challenge presented = m.challenge();
        Instant now = env.now();
        String flow = AutoJoinMessage.AUTO_JOIN;
        AuditFields f = AuditFields.create().challenge(presented).put("requester-instance", m.joinerInstanceId())
                .put("verifier-time", now);
        // A response relayed to another member names that member neither as instance nor as target.
        if (!m.validatorInstanceId().equals(config.instanceId()) || !presented.target().equals(me.clientId())) {
            return reject(flow, AutoJoinReason.WRONG_TARGET, f, presented.sessionId(), m.joinerInstanceId());
        }
        Issued record = issued.get(presented.nonceHex());
        if (record == null) {
            return reject(flow, AutoJoinReason.CHALLENGE_UNKNOWN, f.put("current-epoch", epoch),
                    presented.sessionId(), m.joinerInstanceId());
        }
        if (!mutant(AutoJoinMutant.NO_RESTART_EPOCH) && record.challenge().epoch() != epoch) {
            return reject(flow, AutoJoinReason.CHALLENGE_UNKNOWN, f.put("current-epoch", epoch),
                    presented.sessionId(), m.joinerInstanceId());
        }
        // Every binding is judged against what we issued, never against what the response claims.
        Challenge stored = record.challenge();
        if (mutant(AutoJoinMutant.BURNS_CHALLENGE_BEFORE_CHECKING) && !consumed.add(stored.nonceHex())) {
            return reject(flow, AutoJoinReason.CHALLENGE_REPLAYED, f, presented.sessionId(), m.joinerInstanceId());
        }
        if (!mutant(AutoJoinMutant.SKIP_BINDING_CHECK)) {
            if (!stored.sessionId().equals(presented.sessionId())) {
                return reject(flow, AutoJoinReason.WRONG_SESSION, f.put("issued-session", stored.sessionId()),
                        presented.sessionId(), m.joinerInstanceId());
            }
            if (!stored.requester().equals(presented.requester())
                    || !record.joinerInstanceId().equals(m.joinerInstanceId())) {
                return reject(flow, AutoJoinReason.WRONG_REQUESTER, f.put("issued-requester", stored.requester()),
                        presented.sessionId(), m.joinerInstanceId());
            }
            if (stored.purpose() != presented.purpose()) {
                return reject(flow, AutoJoinReason.WRONG_PURPOSE, f.put("issued-purpose", stored.purpose()),
                        presented.sessionId(), m.joinerInstanceId());
            }
        }
        Challenge effective = mutant(AutoJoinMutant.SKIP_BINDING_CHECK) ? presented : stored;
        f = AuditFields.create().challenge(effective).put("requester-instance", m.joinerInstanceId())
                .put("verifier-time", now).put("skew-tolerance", skewTolerance());
        if (!mutant(AutoJoinMutant.BURNS_CHALLENGE_BEFORE_CHECKING) && consumed.contains(stored.nonceHex())) {
            return reject(flow, AutoJoinReason.CHALLENGE_REPLAYED, f, effective.sessionId(), m.joinerInstanceId());
        }
        // Freshness on our own clock: the requester's clock never enters the decision.
        if (!mutant(AutoJoinMutant.NO_EXPIRY_CHECK)
                && (now.isAfter(stored.expiresAt().plus(skewTolerance()))
                        || now.isBefore(stored.issuedAt().minus(skewTolerance())))) {
            return refuseForGood(stored, reject(flow, AutoJoinReason.CHALLENGE_EXPIRED, f, effective.sessionId(),
                    m.joinerInstanceId()));
        }
        // The grant is judged again now: it may have been revoked or have expired while the challenge was out.
        TrustedDeviceGrant current = grants.forClient(effective.requester()).orElse(null);
        TrustedDeviceGrant judged = mutant(AutoJoinMutant.REVOCATION_CHECKED_AT_CHALLENGE_ONLY)
                ? record.grantAtIssue() : current;
        f.grant(current);
        Optional<AutoJoinReason> grantProblem = grantProblem(judged, effective.requester(), effective.purpose(), me,
                mutant(AutoJoinMutant.GRANT_EXPIRY_AT_CHALLENGE_TIME) ? stored.issuedAt() : now);
        if (grantProblem.isPresent()) {
            return refuseForGood(stored, reject(flow, grantProblem.get(), f, effective.sessionId(),
                    m.joinerInstanceId()));
        }
        PublicKeyInfo verificationKey = mutant(AutoJoinMutant.KEY_FROM_REQUEST)
                ? record.presentedKey()
                : new PublicKeyInfo(effective.requester(), trusted.newest(effective.requester()).orElseThrow()
                        .publicKey());
        f.put("verified-key-fingerprint", verificationKey.fingerprint())
                .put("trusted-key-fingerprint", trusted.newest(effective.requester())
                        .map(TrustedPublicKey::publicKeyHash).orElse("none"));
        // The signature is checked over the challenge we issued; what the response claims only names it.
        byte[] signed = mutant(AutoJoinMutant.SIGNATURE_OVER_NONCE_ONLY) ? stored.nonceOnlySigningInput()
                : mutant(AutoJoinMutant.SIGNATURE_OMITS_PURPOSE) ? stored.signingInputWithoutPurpose()
                : stored.signingInput();
        if (!config.profile().verify(verificationKey.publicKey(), signed, m.signature())) {
            return reject(flow, AutoJoinReason.SIGNATURE_INVALID, f, effective.sessionId(), m.joinerInstanceId());
        }
        Map<String, String> accepted = f.build();
        if (mutant(AutoJoinMutant.CONSUMED_MARKED_AFTER_AWAIT)) {
            TimerId await = new TimerId("consumed-mark-" + awaitedMarks++);
            awaitingMarks.put(await, new AwaitingMark(stored, effective, m.joinerInstanceId(), verificationKey,
                    accepted));
            return Outputs.<AutoJoinMessage>builder().setTimer(await, MARK_AWAIT).build();
        }
        return accept(stored, effective, m.joinerInstanceId(), verificationKey, accepted, env);
    }

    private Outputs<AutoJoinMessage> accept(Challenge stored, Challenge effective, String joinerInstanceId,
            PublicKeyInfo verificationKey, Map<String, String> accepted, Env env) {
        if (!mutant(AutoJoinMutant.NO_REPLAY_CACHE)) {
            consumed.add(stored.nonceHex());
        }
        return Outputs.<AutoJoinMessage>builder()
                .audit(AuditEvent.of("auto-join-accepted", accepted))
                .outcome(Outcome.accepted(AutoJoinMessage.AUTO_JOIN, accepted))
                .addAll(deliverSessionKey(AutoJoinMessage.AUTO_JOIN, effective.sessionId(), joinerInstanceId,
                        verificationKey, effective.nonce(), env))
                .build();
    }

    /**
     * A refusal for what we know (the challenge's age on our clock, the grant as it stands now) decides the join the
     * challenge belongs to, and the requester ends it on our word: the challenge is consumed as an acceptance
     * consumes it. Otherwise a copy of the same response arriving after the user granted again (a manual join
     * creates the grant anew) would be accepted, and we would have said both no and yes to one challenge.
     */
    private Outputs<AutoJoinMessage> refuseForGood(Challenge stored, Outputs<AutoJoinMessage> refusal) {
        if (!mutant(AutoJoinMutant.NO_REPLAY_CACHE)) {
            consumed.add(stored.nonceHex());
        }
        return refusal;
    }

    /**
     * Why a grant does not allow this purpose now, if it does not: missing, revoked, expired, too narrow, made
     * under our previous key, or no longer matching the key we trust for the client (a rotation on either side
     * invalidates it).
     */
    private Optional<AutoJoinReason> grantProblem(TrustedDeviceGrant grant, ClientId client, Purpose purpose,
            DeviceIdentity me, Instant now) {
        if (grant == null) {
            return Optional.of(AutoJoinReason.GRANT_MISSING);
        }
        if (grant.revoked()) {
            return Optional.of(AutoJoinReason.GRANT_REVOKED);
        }
        if (grant.expiredAt(now)) {
            return Optional.of(AutoJoinReason.GRANT_EXPIRED);
        }
        if (!grant.scope().covers(purpose)) {
            return Optional.of(AutoJoinReason.WRONG_PURPOSE);
        }
        if (mutant(AutoJoinMutant.KEY_FROM_REQUEST)) {
            return Optional.empty();
        }
        Optional<TrustedPublicKey> trustedKey = trusted.newest(client);
        if (trustedKey.isEmpty()) {
            return Optional.of(AutoJoinReason.NOT_MUTUALLY_TRUSTED);
        }
        if (!trustedKey.get().publicKeyHash().equals(grant.trustedKeyFingerprint())
                || (!mutant(AutoJoinMutant.GRANT_IGNORES_OWNER_ROTATION)
                        && !grant.ownerKeyFingerprint().equals(me.fingerprint()))) {
            return Optional.of(AutoJoinReason.KEY_MISMATCH);
        }
        return Optional.empty();
    }

    private Duration challengeTtl() {
        return mutant(AutoJoinMutant.LONG_CHALLENGE_LIFETIME) ? config.challengeTtl().multipliedBy(20)
                : config.challengeTtl();
    }

    private Duration skewTolerance() {
        return mutant(AutoJoinMutant.WIDE_SKEW_TOLERANCE) ? Duration.ofMinutes(10) : config.skewTolerance();
    }

    /** The session AES key, encrypted to the joiner's key, signed by us, via the server (ByteSync's Validate). */
    private Outputs<AutoJoinMessage> deliverSessionKey(String flow, String sessionId, String joinerInstanceId,
            PublicKeyInfo recipient, byte[] nonce, Env env) {
        DeviceIdentity me = identity(env);
        byte[] sessionKey = sessionKeys.computeIfAbsent(sessionId, s -> env.random().bytes(32));
        Optional<byte[]> encrypted = config.profile().encrypt(recipient.publicKey(), sessionKey, env.random());
        if (encrypted.isEmpty()) {
            return reject(flow, AutoJoinReason.MALFORMED, AuditFields.create().put("session", sessionId)
                    .put("requester", recipient.clientId()).put("detail", "recipient key cannot encrypt"),
                    sessionId, joinerInstanceId);
        }
        byte[] signature = config.profile().sign(env.keys(), keyGeneration, Transcripts.digitalSignature(sessionId,
                me.clientId(), me.publicKey(), recipient.clientId(), encrypted.get(), nonce), env.random());
        byte[] confirmation = Hmac.sha256(sessionKey, Transcripts.keyConfirmation(sessionId, recipient.clientId(),
                me.clientId(), flow, nonce));
        confirmations.put(joinKey(sessionId, joinerInstanceId), new PendingConfirmation(flow, recipient,
                confirmation));
        return Outputs.<AutoJoinMessage>builder()
                .audit(AuditEvent.of("session-key-delivered", AuditFields.create().put("session", sessionId)
                        .put("flow", flow).put("recipient", recipient.clientId())
                        .put("recipient-instance", joinerInstanceId)
                        .put("recipient-key-fingerprint", recipient.fingerprint())
                        .put("session-key-fingerprint", Bytes.fingerprint(sessionKey))
                        .put("nonce", nonce.length == 0 ? null : Bytes.hex(nonce)).build()))
                .send(route(joinerInstanceId), new ValidateJoinCloudSessionParameters(sessionId, joinerInstanceId,
                        config.instanceId(), flow, encrypted.get(), nonce, signature, ""))
                .build();
    }

    /**
     * Hardened profile: every automatic-join refusal this step sends names the challenge it refuses and is signed
     * over the request it answers (the key and purpose the requester asked with), so that only this validator can
     * end a join asked of it, and only the join it refuses. A response refused for what the response itself claims
     * (no such challenge, other bindings, a signature that does not verify) gets no answer at all: anyone can send
     * such a response, and the requester's own may still come. Nor does a response for a challenge already consumed:
     * the join it belongs to is decided, and a refusal reaching the requester before our session key would make it
     * give up a join we accepted.
     */
    private Outputs<AutoJoinMessage> signRejections(Outputs<AutoJoinMessage> out, byte[] nonce,
            String requesterKeyFingerprint, Purpose purpose, boolean response, Env env) {
        if (!config.profile().authenticatedDecisions() || out.sends().stream()
                .noneMatch(s -> s.message() instanceof AutoJoinRejected)) {
            return out;
        }
        Outputs.Builder<AutoJoinMessage> b = Outputs.builder();
        out.audit().forEach(b::audit);
        out.outcomes().forEach(b::outcome);
        for (Outputs.TimerOp t : out.timers()) {
            if (t instanceof Outputs.SetTimer s) {
                b.setTimer(s.id(), s.after());
            } else {
                b.cancelTimer(t.id());
            }
        }
        for (Outputs.Send<AutoJoinMessage> s : out.sends()) {
            if (!(s.message() instanceof AutoJoinRejected r)) {
                b.send(s.to(), s.message());
            } else if (response && r.reason().equals(AutoJoinReason.CHALLENGE_REPLAYED.code())
                    && !mutant(AutoJoinMutant.ANSWERS_CONSUMED_CHALLENGE)) {
                b.audit(AuditEvent.of("rejection-withheld", AuditFields.create().put("session", r.sessionId())
                        .put("nonce", Bytes.hex(nonce)).put("why", "challenge already decided").build()));
            } else if (response && NOT_THE_REQUESTERS_WORD.contains(r.reason())) {
                b.audit(AuditEvent.of("rejection-withheld", AuditFields.create().put("session", r.sessionId())
                        .put("nonce", Bytes.hex(nonce)).put("why", "the response is not the requester's").build()));
            } else {
                byte[] signature = config.profile().sign(env.keys(), keyGeneration, Transcripts.rejection(
                        r.sessionId(), identity(env).clientId(), r.joinerInstanceId(), r.flow(), r.reason(), nonce,
                        requesterKeyFingerprint, purpose), env.random());
                b.send(s.to(), new AutoJoinRejected(r.sessionId(), r.joinerInstanceId(), r.validatorInstanceId(),
                        r.flow(), r.reason(), nonce.clone(), signature));
            }
        }
        return b.build();
    }

    /** Refusals of a response for what the response claims, which anyone on the network can make it claim. */
    private static final java.util.Set<String> NOT_THE_REQUESTERS_WORD = java.util.Set.of(
            AutoJoinReason.SIGNATURE_INVALID.code(), AutoJoinReason.CHALLENGE_UNKNOWN.code(),
            AutoJoinReason.WRONG_TARGET.code(), AutoJoinReason.WRONG_SESSION.code(),
            AutoJoinReason.WRONG_REQUESTER.code(), AutoJoinReason.WRONG_PURPOSE.code());

    private Outputs<AutoJoinMessage> reject(String flow, AutoJoinReason reason, AuditFields fields, String sessionId,
            String joinerInstanceId) {
        Map<String, String> f = fields.put("flow", flow).build();
        return Outputs.<AutoJoinMessage>builder()
                .audit(AuditEvent.rejection(flow + "-rejected", reason, f))
                .outcome(Outcome.rejected(flow, reason, f))
                .send(route(joinerInstanceId), new AutoJoinRejected(sessionId, joinerInstanceId, config.instanceId(),
                        flow, reason.code()))
                .build();
    }

    // ---- user actions, timers, crashes -------------------------------------------------------------------

    @Override
    public Outputs<AutoJoinMessage> onUserAction(UserAction action, Env env) {
        switch (action.name()) {
            case "revoke-grant": {
                Optional<ClientId> client = resolve(action.arg("client"));
                Optional<TrustedDeviceGrant> revoked = client.flatMap(grants::revoke);
                if (revoked.isEmpty()) {
                    return Outputs.<AutoJoinMessage>builder()
                            .audit(AuditEvent.rejection("grant-revocation-failed", AutoJoinReason.GRANT_MISSING,
                                    AuditFields.create().put("client", action.arg("client")).build()))
                            .build();
                }
                return Outputs.<AutoJoinMessage>builder()
                        .audit(AuditEvent.of("grant-revoked", AuditFields.create().grant(revoked.get())
                                .put("revoked-at", env.now()).build()))
                        .build();
            }
            case "forget-key": {
                Optional<ClientId> client = resolve(action.arg("client"));
                client.ifPresent(trusted::forget);
                return Outputs.<AutoJoinMessage>builder()
                        .audit(AuditEvent.of("trusted-key-forgotten", AuditFields.create()
                                .put("client", client.map(ClientId::value).orElse(action.arg("client"))).build()))
                        .build();
            }
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

    private Optional<ClientId> resolve(String nameOrClientId) {
        if (nameOrClientId == null) {
            return Optional.empty();
        }
        if (ClientId.isWellFormed(nameOrClientId)) {
            return Optional.of(new ClientId(nameOrClientId));
        }
        return Optional.ofNullable(config.directory().get(nameOrClientId));
    }

    @Override
    public Outputs<AutoJoinMessage> onTimer(TimerId timer, Env env) {
        AwaitingMark a = awaitingMarks.remove(timer);
        return a == null ? Outputs.none()
                : accept(a.stored(), a.effective(), a.joinerInstanceId(), a.verificationKey(), a.accepted(), env);
    }

    @Override
    public Outputs<AutoJoinMessage> onMalformed(DeviceId from, String reason, String detail, Env env) {
        return malformed(from, reason, detail);
    }

    static Outputs<AutoJoinMessage> malformed(DeviceId from, String reason, String detail) {
        Map<String, String> f = AuditFields.create().put("from", from.value()).put("decode-error", reason)
                .put("detail", detail).build();
        return Outputs.<AutoJoinMessage>builder()
                .audit(AuditEvent.rejection("message-rejected", AutoJoinReason.MALFORMED, f))
                .outcome(Outcome.rejected("message", AutoJoinReason.MALFORMED, f))
                .build();
    }

    @Override
    public void onCrash() {
        consumed.clear();
        manualJoins.clear();
        confirmations.clear();
        awaitingMarks.clear();
        if (!mutant(AutoJoinMutant.NO_RESTART_EPOCH)) {
            issued.clear();
        }
    }

    @Override
    public Outputs<AutoJoinMessage> onRestart(Env env) {
        if (!mutant(AutoJoinMutant.NO_RESTART_EPOCH)) {
            epoch++;
        }
        return Outputs.<AutoJoinMessage>builder()
                .audit(AuditEvent.of("validator-restarted", AuditFields.create().put("epoch", epoch).build()))
                .build();
    }

    private void prune(Instant now) {
        Instant horizon = now.minus(config.skewTolerance()).minus(RETENTION);
        issued.entrySet().removeIf(e -> {
            boolean old = e.getValue().challenge().expiresAt().isBefore(horizon);
            if (old) {
                consumed.remove(e.getKey());
            }
            return old;
        });
    }

    private DeviceId route(String joinerInstanceId) {
        return DeviceId.of(config.server().orElse(joinerInstanceId));
    }

    private static String joinKey(String sessionId, String joinerInstanceId) {
        return sessionId + "\u0000" + joinerInstanceId;
    }

    private static Optional<String> utf8(byte[] b) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b)).toString());
        } catch (java.nio.charset.CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** For tests: whether a challenge with this nonce is currently remembered. */
    boolean remembers(byte[] nonce) {
        return issued.containsKey(Bytes.hex(nonce));
    }
}
