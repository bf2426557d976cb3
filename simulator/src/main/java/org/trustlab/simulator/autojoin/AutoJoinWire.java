package org.trustlab.simulator.autojoin;

import java.util.LinkedHashMap;
import java.util.Map;
import org.trustlab.reference.autojoin.AutoJoinMessage;
import org.trustlab.reference.autojoin.AutoJoinMessage.AskAutoJoin;
import org.trustlab.reference.autojoin.AutoJoinMessage.AskPasswordExchangeKey;
import org.trustlab.reference.autojoin.AutoJoinMessage.AutoJoinChallenge;
import org.trustlab.reference.autojoin.AutoJoinMessage.AutoJoinChallengeResponse;
import org.trustlab.reference.autojoin.AutoJoinMessage.AutoJoinRejected;
import org.trustlab.reference.autojoin.AutoJoinMessage.FinalizeJoinCloudSessionParameters;
import org.trustlab.reference.autojoin.AutoJoinMessage.GiveCloudSessionPasswordExchangeKeyParameters;
import org.trustlab.reference.autojoin.AutoJoinMessage.ValidateJoinCloudSessionParameters;
import org.trustlab.reference.autojoin.Challenge;
import org.trustlab.reference.crypto.Bytes;

/**
 * What an autojoin message says on the wire, as SEND / DELIVER trace fields: the routing names, the challenge's
 * bindings, and hashes of the ciphertexts and signatures (public bytes). Invariants compare a device's claims with
 * these, e.g. "the challenge the requester signed is one it asked for", "the session key it took is one the
 * validator sent". Never the session password or a plaintext key: the attacker's analysis alone opens those.
 */
final class AutoJoinWire {
    static final String SESSION = "wire-session";
    static final String JOINER = "wire-joiner-instance";
    static final String VALIDATOR = "wire-validator-instance";

    private AutoJoinWire() {}

    static Map<String, String> facts(AutoJoinMessage message) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put(SESSION, message.sessionId());
        f.put(JOINER, message.joinerInstanceId());
        if (!message.validatorInstanceId().isEmpty()) {
            f.put(VALIDATOR, message.validatorInstanceId());
        }
        if (message instanceof AskAutoJoin m) {
            f.put("wire-requester", m.joinerPublicKeyInfo().clientId().value());
            f.put("wire-key-fingerprint", m.joinerPublicKeyInfo().fingerprint());
            f.put("wire-purpose", m.purpose().wireName());
        } else if (message instanceof AutoJoinChallenge m) {
            challenge(f, m.challenge());
        } else if (message instanceof AutoJoinChallengeResponse m) {
            challenge(f, m.challenge());
            f.put("wire-signature-fingerprint", Bytes.fingerprint(m.signature()));
        } else if (message instanceof ValidateJoinCloudSessionParameters m) {
            f.put("wire-flow", m.flow());
            if (m.challengeNonce().length > 0) {
                f.put("wire-nonce", Bytes.hex(m.challengeNonce()));
            }
            f.put("wire-payload-fingerprint", Bytes.fingerprint(m.encryptedAesKey()));
            f.put("wire-signature-fingerprint", Bytes.fingerprint(m.validatorSignature()));
        } else if (message instanceof FinalizeJoinCloudSessionParameters m) {
            f.put("wire-flow", m.flow());
        } else if (message instanceof AutoJoinRejected m) {
            f.put("wire-flow", m.flow());
            f.put("wire-reason", m.reason());
        } else if (message instanceof AskPasswordExchangeKey m) {
            f.put("wire-requester", m.publicKeyInfo().clientId().value());
            f.put("wire-key-fingerprint", m.publicKeyInfo().fingerprint());
        } else if (message instanceof GiveCloudSessionPasswordExchangeKeyParameters m) {
            f.put("wire-target", m.validatorPublicKeyInfo().clientId().value());
            f.put("wire-key-fingerprint", m.validatorPublicKeyInfo().fingerprint());
        }
        return f;
    }

    private static void challenge(Map<String, String> f, Challenge c) {
        f.put("wire-requester", c.requester().value());
        f.put("wire-target", c.target().value());
        f.put("wire-purpose", c.purpose().wireName());
        f.put("wire-nonce", c.nonceHex());
        f.put("wire-expires-at", c.expiresAt().toString());
    }
}
