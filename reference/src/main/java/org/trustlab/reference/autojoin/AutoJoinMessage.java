package org.trustlab.reference.autojoin;

import java.util.Objects;

/**
 * The messages of ByteSync's cloud-session join, relayed by the session server between the joiner and the
 * validating member. The manual join keeps ByteSync's names ({@code AskPasswordExchangeKey} ...
 * {@code FinalizeJoinCloudSessionParameters}); the automatic join adds {@link AskAutoJoin}, {@link AutoJoinChallenge}
 * and {@link AutoJoinChallengeResponse}, then reuses {@link ValidateJoinCloudSessionParameters} and
 * {@link FinalizeJoinCloudSessionParameters} so the session key travels exactly as it does today.
 *
 * <p>Instance ids are routing names (the device a message is for); client ids inside keys, challenges and
 * signatures are identities.
 */
public sealed interface AutoJoinMessage permits AutoJoinMessage.AskPasswordExchangeKey,
        AutoJoinMessage.GiveCloudSessionPasswordExchangeKeyParameters, AutoJoinMessage.AskJoinCloudSessionParameters,
        AutoJoinMessage.ValidateJoinCloudSessionParameters, AutoJoinMessage.FinalizeJoinCloudSessionParameters,
        AutoJoinMessage.AskAutoJoin, AutoJoinMessage.AutoJoinChallenge, AutoJoinMessage.AutoJoinChallengeResponse,
        AutoJoinMessage.AutoJoinRejected {

    String MANUAL_JOIN = "manual-join";
    String AUTO_JOIN = "auto-join";

    String sessionId();

    String joinerInstanceId();

    /** The member that validates; empty in {@link AskPasswordExchangeKey}, where the server picks one. */
    String validatorInstanceId();

    /** True for messages the server forwards to the validator, false for those it forwards to the joiner. */
    boolean toValidator();

    /** Joiner -> server: "I want to join this session; here is my key" (ByteSync: AskCloudSessionPasswordExchangeKey). */
    record AskPasswordExchangeKey(String sessionId, String joinerInstanceId, PublicKeyInfo publicKeyInfo)
            implements AutoJoinMessage {
        public AskPasswordExchangeKey {
            Objects.requireNonNull(publicKeyInfo, "publicKeyInfo");
        }

        @Override
        public String validatorInstanceId() {
            return "";
        }

        @Override
        public boolean toValidator() {
            return true;
        }
    }

    /** Validator -> joiner: the validator's key, sent only if the joiner's key is trusted. */
    record GiveCloudSessionPasswordExchangeKeyParameters(String sessionId, String joinerInstanceId,
            String validatorInstanceId, PublicKeyInfo validatorPublicKeyInfo) implements AutoJoinMessage {
        @Override
        public boolean toValidator() {
            return false;
        }
    }

    /** Joiner -> validator: the {@link ExchangePassword} encrypted to the validator, and the joiner's signature. */
    record AskJoinCloudSessionParameters(String sessionId, String joinerInstanceId, String validatorInstanceId,
            byte[] encryptedPassword, byte[] joinerSignature) implements AutoJoinMessage {
        @Override
        public boolean toValidator() {
            return true;
        }
    }

    /**
     * Validator -> joiner: the session AES key encrypted to the joiner's trusted key, signed by the validator.
     * {@code challengeNonce} is empty after a manual join and names the consumed challenge after an automatic
     * one; {@code finalizationPassword} is filled in by the server.
     */
    record ValidateJoinCloudSessionParameters(String sessionId, String joinerInstanceId, String validatorInstanceId,
            String flow, byte[] encryptedAesKey, byte[] challengeNonce, byte[] validatorSignature,
            String finalizationPassword) implements AutoJoinMessage {
        @Override
        public boolean toValidator() {
            return false;
        }

        public ValidateJoinCloudSessionParameters withFinalizationPassword(String password) {
            return new ValidateJoinCloudSessionParameters(sessionId, joinerInstanceId, validatorInstanceId, flow,
                    encryptedAesKey, challengeNonce, validatorSignature, password);
        }
    }

    /** Joiner -> server (-> validator): the server's finalization password and the joiner's key confirmation. */
    record FinalizeJoinCloudSessionParameters(String sessionId, String joinerInstanceId, String validatorInstanceId,
            String flow, String finalizationPassword, byte[] keyConfirmation) implements AutoJoinMessage {
        @Override
        public boolean toValidator() {
            return true;
        }
    }

    /** Joiner -> validator: join automatically, for this purpose, as this (already trusted) client. */
    record AskAutoJoin(String sessionId, String joinerInstanceId, String validatorInstanceId,
            PublicKeyInfo joinerPublicKeyInfo, Purpose purpose) implements AutoJoinMessage {
        @Override
        public boolean toValidator() {
            return true;
        }
    }

    /** Validator -> joiner: the challenge to sign. */
    record AutoJoinChallenge(String joinerInstanceId, String validatorInstanceId, Challenge challenge)
            implements AutoJoinMessage {
        @Override
        public String sessionId() {
            return challenge.sessionId();
        }

        @Override
        public boolean toValidator() {
            return false;
        }
    }

    /** Joiner -> validator: the challenge as the joiner saw it, and its signature with the device key. */
    record AutoJoinChallengeResponse(String joinerInstanceId, String validatorInstanceId, Challenge challenge,
            byte[] signature) implements AutoJoinMessage {
        @Override
        public String sessionId() {
            return challenge.sessionId();
        }

        @Override
        public boolean toValidator() {
            return true;
        }
    }

    /**
     * Validator -> joiner: a refusal with its stable reason code. In ByteSync's flow it is advisory and carries no
     * authentication ({@code nonce} and {@code signature} empty); in the hardened profile the validator names the
     * challenge it refuses (empty before one was issued) and signs the refusal ({@link Transcripts#rejection}).
     */
    record AutoJoinRejected(String sessionId, String joinerInstanceId, String validatorInstanceId, String flow,
            String reason, byte[] nonce, byte[] signature) implements AutoJoinMessage {
        public AutoJoinRejected {
            Objects.requireNonNull(nonce, "nonce");
            Objects.requireNonNull(signature, "signature");
        }

        /** An unauthenticated refusal, as ByteSync sends it. */
        public AutoJoinRejected(String sessionId, String joinerInstanceId, String validatorInstanceId, String flow,
                String reason) {
            this(sessionId, joinerInstanceId, validatorInstanceId, flow, reason, new byte[0], new byte[0]);
        }

        @Override
        public boolean toValidator() {
            return false;
        }
    }
}
