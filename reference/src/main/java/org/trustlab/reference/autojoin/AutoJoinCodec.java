package org.trustlab.reference.autojoin;

import java.util.List;
import org.trustlab.reference.autojoin.AutoJoinMessage.AskAutoJoin;
import org.trustlab.reference.autojoin.AutoJoinMessage.AskJoinCloudSessionParameters;
import org.trustlab.reference.autojoin.AutoJoinMessage.AskPasswordExchangeKey;
import org.trustlab.reference.autojoin.AutoJoinMessage.AutoJoinChallenge;
import org.trustlab.reference.autojoin.AutoJoinMessage.AutoJoinChallengeResponse;
import org.trustlab.reference.autojoin.AutoJoinMessage.AutoJoinRejected;
import org.trustlab.reference.autojoin.AutoJoinMessage.FinalizeJoinCloudSessionParameters;
import org.trustlab.reference.autojoin.AutoJoinMessage.GiveCloudSessionPasswordExchangeKeyParameters;
import org.trustlab.reference.autojoin.AutoJoinMessage.ValidateJoinCloudSessionParameters;
import org.trustlab.reference.core.WireCodec;
import org.trustlab.reference.crypto.Canonical;
import org.trustlab.reference.crypto.DecodeReason;
import org.trustlab.reference.crypto.DecodeResult;

/**
 * The wire form of {@link AutoJoinMessage}: one canonical record per message, tagged
 * {@code trustlab/autojoin/<MessageName>/v1}, fields in declaration order. Decoding checks every field's shape
 * (client id format, nonce length, known purpose and flow) so a role only ever sees well-formed messages; anything
 * else is a {@link WireCodec.Decoded.Malformed} with the canonical decoder's reason.
 */
public final class AutoJoinCodec implements WireCodec<AutoJoinMessage> {
    public static final String PREFIX = "trustlab/autojoin/";
    public static final String ASK_PASSWORD_EXCHANGE_KEY = tag("AskPasswordExchangeKey");
    public static final String GIVE_PASSWORD_EXCHANGE_KEY = tag("GiveCloudSessionPasswordExchangeKeyParameters");
    public static final String ASK_JOIN = tag("AskJoinCloudSessionParameters");
    public static final String VALIDATE_JOIN = tag("ValidateJoinCloudSessionParameters");
    public static final String FINALIZE_JOIN = tag("FinalizeJoinCloudSessionParameters");
    public static final String ASK_AUTO_JOIN = tag("AskAutoJoin");
    public static final String AUTO_JOIN_CHALLENGE = tag("AutoJoinChallenge");
    public static final String AUTO_JOIN_CHALLENGE_RESPONSE = tag("AutoJoinChallengeResponse");
    public static final String AUTO_JOIN_REJECTED = tag("AutoJoinRejected");
    public static final List<String> TAGS = List.of(ASK_PASSWORD_EXCHANGE_KEY, GIVE_PASSWORD_EXCHANGE_KEY, ASK_JOIN,
            VALIDATE_JOIN, FINALIZE_JOIN, ASK_AUTO_JOIN, AUTO_JOIN_CHALLENGE, AUTO_JOIN_CHALLENGE_RESPONSE,
            AUTO_JOIN_REJECTED);

    private static String tag(String name) {
        return PREFIX + name + "/v1";
    }

    /** The tag a message goes on the wire with (the trace's SEND/DELIVER type). */
    public static String tagOf(AutoJoinMessage message) {
        if (message instanceof AskPasswordExchangeKey) {
            return ASK_PASSWORD_EXCHANGE_KEY;
        } else if (message instanceof GiveCloudSessionPasswordExchangeKeyParameters) {
            return GIVE_PASSWORD_EXCHANGE_KEY;
        } else if (message instanceof AskJoinCloudSessionParameters) {
            return ASK_JOIN;
        } else if (message instanceof ValidateJoinCloudSessionParameters) {
            return VALIDATE_JOIN;
        } else if (message instanceof FinalizeJoinCloudSessionParameters) {
            return FINALIZE_JOIN;
        } else if (message instanceof AskAutoJoin) {
            return ASK_AUTO_JOIN;
        } else if (message instanceof AutoJoinChallenge) {
            return AUTO_JOIN_CHALLENGE;
        } else if (message instanceof AutoJoinChallengeResponse) {
            return AUTO_JOIN_CHALLENGE_RESPONSE;
        } else {
            return AUTO_JOIN_REJECTED;
        }
    }

    @Override
    public byte[] encode(AutoJoinMessage message) {
        Canonical.Writer w = Canonical.writer(tagOf(message));
        if (message instanceof AskPasswordExchangeKey m) {
            w.string(m.sessionId()).string(m.joinerInstanceId());
            keyInfo(w, m.publicKeyInfo());
        } else if (message instanceof GiveCloudSessionPasswordExchangeKeyParameters m) {
            w.string(m.sessionId()).string(m.joinerInstanceId()).string(m.validatorInstanceId());
            keyInfo(w, m.validatorPublicKeyInfo());
        } else if (message instanceof AskJoinCloudSessionParameters m) {
            w.string(m.sessionId()).string(m.joinerInstanceId()).string(m.validatorInstanceId())
                    .bytes(m.encryptedPassword()).bytes(m.joinerSignature());
        } else if (message instanceof ValidateJoinCloudSessionParameters m) {
            w.string(m.sessionId()).string(m.joinerInstanceId()).string(m.validatorInstanceId()).string(m.flow())
                    .bytes(m.encryptedAesKey()).bytes(m.challengeNonce()).bytes(m.validatorSignature())
                    .string(m.finalizationPassword());
        } else if (message instanceof FinalizeJoinCloudSessionParameters m) {
            w.string(m.sessionId()).string(m.joinerInstanceId()).string(m.validatorInstanceId()).string(m.flow())
                    .string(m.finalizationPassword()).bytes(m.keyConfirmation());
        } else if (message instanceof AskAutoJoin m) {
            w.string(m.sessionId()).string(m.joinerInstanceId()).string(m.validatorInstanceId());
            keyInfo(w, m.joinerPublicKeyInfo());
            w.string(m.purpose().wireName());
        } else if (message instanceof AutoJoinChallenge m) {
            w.string(m.joinerInstanceId()).string(m.validatorInstanceId()).bytes(m.challenge().encode());
        } else if (message instanceof AutoJoinChallengeResponse m) {
            w.string(m.joinerInstanceId()).string(m.validatorInstanceId()).bytes(m.challenge().encode())
                    .bytes(m.signature());
        } else if (message instanceof AutoJoinRejected m) {
            w.string(m.sessionId()).string(m.joinerInstanceId()).string(m.validatorInstanceId()).string(m.flow())
                    .string(m.reason()).bytes(m.nonce()).bytes(m.signature());
        }
        return w.toBytes();
    }

    @Override
    public Decoded<AutoJoinMessage> decode(byte[] bytes) {
        DecodeResult<AutoJoinMessage> r = Canonical.decode(bytes, TAGS, AutoJoinCodec::read);
        if (r instanceof DecodeResult.Ok<AutoJoinMessage> ok) {
            return new Decoded.Ok<>(ok.value());
        }
        DecodeResult.Failure<AutoJoinMessage> f = (DecodeResult.Failure<AutoJoinMessage>) r;
        return new Decoded.Malformed<>(f.reason().code(), f.detail());
    }

    private static AutoJoinMessage read(Canonical.Record r) {
        String tag = r.tag();
        if (tag.equals(ASK_PASSWORD_EXCHANGE_KEY)) {
            Canonical.Reader in = r.reader(4);
            return new AskPasswordExchangeKey(nonEmpty(in.string(), "session id"), instance(in.string()),
                    keyInfo(in));
        } else if (tag.equals(GIVE_PASSWORD_EXCHANGE_KEY)) {
            Canonical.Reader in = r.reader(5);
            return new GiveCloudSessionPasswordExchangeKeyParameters(nonEmpty(in.string(), "session id"),
                    instance(in.string()), instance(in.string()), keyInfo(in));
        } else if (tag.equals(ASK_JOIN)) {
            Canonical.Reader in = r.reader(5);
            return new AskJoinCloudSessionParameters(nonEmpty(in.string(), "session id"), instance(in.string()),
                    instance(in.string()), nonEmptyBytes(in.bytes(), "encrypted password"),
                    nonEmptyBytes(in.bytes(), "joiner signature"));
        } else if (tag.equals(VALIDATE_JOIN)) {
            Canonical.Reader in = r.reader(8);
            String session = nonEmpty(in.string(), "session id");
            String joiner = instance(in.string());
            String validator = instance(in.string());
            String flow = flow(in.string());
            byte[] key = nonEmptyBytes(in.bytes(), "encrypted AES key");
            byte[] nonce = in.bytes();
            if (nonce.length != 0 && nonce.length != Challenge.NONCE_LENGTH) {
                throw bad("challenge nonce must be empty or 32 bytes");
            }
            return new ValidateJoinCloudSessionParameters(session, joiner, validator, flow, key, nonce,
                    nonEmptyBytes(in.bytes(), "validator signature"), in.string());
        } else if (tag.equals(FINALIZE_JOIN)) {
            Canonical.Reader in = r.reader(6);
            return new FinalizeJoinCloudSessionParameters(nonEmpty(in.string(), "session id"), instance(in.string()),
                    instance(in.string()), flow(in.string()), in.string(),
                    nonEmptyBytes(in.bytes(), "key confirmation"));
        } else if (tag.equals(ASK_AUTO_JOIN)) {
            Canonical.Reader in = r.reader(6);
            return new AskAutoJoin(nonEmpty(in.string(), "session id"), instance(in.string()), instance(in.string()),
                    keyInfo(in), purpose(in.string()));
        } else if (tag.equals(AUTO_JOIN_CHALLENGE)) {
            Canonical.Reader in = r.reader(3);
            return new AutoJoinChallenge(instance(in.string()), instance(in.string()), Challenge.read(in.bytes()));
        } else if (tag.equals(AUTO_JOIN_CHALLENGE_RESPONSE)) {
            Canonical.Reader in = r.reader(4);
            return new AutoJoinChallengeResponse(instance(in.string()), instance(in.string()),
                    Challenge.read(in.bytes()), nonEmptyBytes(in.bytes(), "signature"));
        } else {
            Canonical.Reader in = r.reader(7);
            return new AutoJoinRejected(nonEmpty(in.string(), "session id"), instance(in.string()),
                    instance(in.string()), flow(in.string()), nonEmpty(in.string(), "reason"), in.bytes(),
                    in.bytes());
        }
    }

    private static void keyInfo(Canonical.Writer w, PublicKeyInfo info) {
        w.string(info.clientId().value()).bytes(info.publicKey());
    }

    private static PublicKeyInfo keyInfo(Canonical.Reader in) {
        ClientId id = clientId(in.string());
        return new PublicKeyInfo(id, nonEmptyBytes(in.bytes(), "public key"));
    }

    static String nonEmpty(String s, String what) {
        if (s.isEmpty()) {
            throw bad(what + " is empty");
        }
        return s;
    }

    private static String instance(String s) {
        return nonEmpty(s, "instance id");
    }

    private static byte[] nonEmptyBytes(byte[] b, String what) {
        if (b.length == 0) {
            throw bad(what + " is empty");
        }
        return b;
    }

    static ClientId clientId(String s) {
        if (!ClientId.isWellFormed(s)) {
            throw bad("client id '" + s + "' is not of the form XXXX-XXX-XXX");
        }
        return new ClientId(s);
    }

    static Purpose purpose(String s) {
        return Purpose.fromWire(s).orElseThrow(() -> bad("unknown purpose '" + s + "'"));
    }

    private static String flow(String s) {
        if (!s.equals(AutoJoinMessage.MANUAL_JOIN) && !s.equals(AutoJoinMessage.AUTO_JOIN)) {
            throw bad("unknown flow '" + s + "'");
        }
        return s;
    }

    private static Canonical.DecodeException bad(String detail) {
        return new Canonical.DecodeException(DecodeReason.BAD_FIELD, detail);
    }
}
