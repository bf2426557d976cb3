package org.trustlab.reference.autojoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trustlab.reference.autojoin.AutoJoinTestSupport.accepted;
import static org.trustlab.reference.autojoin.AutoJoinTestSupport.assertAccepted;
import static org.trustlab.reference.autojoin.AutoJoinTestSupport.assertRejected;
import static org.trustlab.reference.autojoin.AutoJoinTestSupport.response;
import static org.trustlab.reference.autojoin.AutoJoinTestSupport.sign;
import static org.trustlab.reference.autojoin.AutoJoinTestSupport.withNonce;
import static org.trustlab.reference.autojoin.AutoJoinTestSupport.withPurpose;
import static org.trustlab.reference.autojoin.AutoJoinTestSupport.withRequester;
import static org.trustlab.reference.autojoin.AutoJoinTestSupport.withSession;
import static org.trustlab.reference.autojoin.TestNet.carrying;
import static org.trustlab.reference.autojoin.World.DESKTOP;
import static org.trustlab.reference.autojoin.World.LAPTOP;
import static org.trustlab.reference.autojoin.World.PHONE;
import static org.trustlab.reference.autojoin.World.SERVER;
import static org.trustlab.reference.autojoin.World.TABLET;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.trustlab.reference.autojoin.AutoJoinMessage.AskAutoJoin;
import org.trustlab.reference.autojoin.AutoJoinMessage.AutoJoinChallenge;
import org.trustlab.reference.autojoin.AutoJoinMessage.AutoJoinChallengeResponse;
import org.trustlab.reference.autojoin.AutoJoinMessage.AutoJoinRejected;
import org.trustlab.reference.autojoin.AutoJoinMessage.FinalizeJoinCloudSessionParameters;
import org.trustlab.reference.autojoin.AutoJoinMessage.ValidateJoinCloudSessionParameters;
import org.trustlab.reference.core.Outcome;
import org.trustlab.reference.crypto.Bytes;
import org.trustlab.reference.crypto.DeterministicKeys;
import org.trustlab.reference.crypto.DeterministicRandom;

/** The automatic join on the pure roles: the source's eight cases, then every other reason code. */
class AutoJoinValidatorTest {
    private static final String AUTO = AutoJoinMessage.AUTO_JOIN;

    private static TestNet.Envelope responseToLaptop(TestNet net) {
        return net.runUntil(carrying(AutoJoinChallengeResponse.class, LAPTOP));
    }

    private static AutoJoinChallengeResponse asResponse(TestNet.Envelope e) {
        return (AutoJoinChallengeResponse) e.message();
    }

    @Nested
    class SourceCases {
        @Test
        void happyPathAcceptsAndDeliversTheSessionKeyToTheTrustedKeyOnly() {
            World w = new World();
            TestNet net = w.build();
            w.autoJoin(PHONE, "S1", LAPTOP);
            net.run();

            Outcome.Accepted v = assertAccepted(net.node(LAPTOP), AUTO);
            assertThat(v.fields()).containsEntry("session", "S1")
                    .containsEntry("requester", w.id(PHONE).clientId().value())
                    .containsEntry("target", w.id(LAPTOP).clientId().value())
                    .containsEntry("purpose", "auto-join")
                    .containsEntry("grant-key-fingerprint", w.id(PHONE).fingerprint())
                    .containsEntry("verified-key-fingerprint", w.id(PHONE).fingerprint())
                    .containsKeys("nonce", "expires-at", "verifier-time");
            assertAccepted(net.node(PHONE), AUTO);
            byte[] expected = new byte[32];
            expected[0] = 1;
            assertThat(w.phone().sessionKey("S1")).hasValueSatisfying(k -> assertThat(k).isEqualTo(expected));
            assertThat(net.node(LAPTOP).audits("session-key-confirmed")).hasSize(1);
            assertThat(net.node(SERVER).audits("session-member-added")).hasSize(1);
            assertThat(net.node(PHONE).audits("challenge-signed")).singleElement()
                    .satisfies(a -> assertThat(a.field("nonce")).isEqualTo(v.fields().get("nonce")));
        }

        @Test
        void invalidSignatureIsRejected() {
            World w = new World();
            TestNet net = w.build();
            w.autoJoin(PHONE, "S1", LAPTOP);
            AutoJoinChallengeResponse r = asResponse(responseToLaptop(net));
            byte[] sig = r.signature();
            sig[5] ^= 1;
            net.inject(SERVER, LAPTOP, response(r, r.challenge(), sig));
            net.run();
            assertRejected(net.node(LAPTOP), AUTO, AutoJoinReason.SIGNATURE_INVALID);
            // Anyone can send a response that does not verify: the laptop does not let it end the phone's join.
            assertThat(net.node(LAPTOP).audits("rejection-withheld")).singleElement()
                    .satisfies(a -> assertThat(a.fields()).containsEntry("why", "the response is not the requester's"));
            assertThat(net.node(PHONE).outcomes(AUTO)).isEmpty();
            assertThat(net.node(LAPTOP).audits("session-key-delivered")).isEmpty();
            // ByteSync's flow answers it, and that unauthenticated answer ends the phone's join.
            World b = new World();
            b.profile = CryptoProfile.BYTESYNC;
            TestNet bnet = b.build();
            b.autoJoin(PHONE, "S1", LAPTOP);
            AutoJoinChallengeResponse br = asResponse(responseToLaptop(bnet));
            byte[] bsig = br.signature();
            bsig[5] ^= 1;
            bnet.inject(SERVER, LAPTOP, response(br, br.challenge(), bsig));
            bnet.run();
            assertRejected(bnet.node(PHONE), AUTO, AutoJoinReason.SIGNATURE_INVALID);
        }

        @Test
        void replayInTheSameSessionIsRejected() {
            World w = new World();
            TestNet net = w.build();
            w.autoJoin(PHONE, "S1", LAPTOP);
            TestNet.Envelope captured = responseToLaptop(net);
            net.deliver(captured);
            net.run();
            net.deliver(captured);
            assertRejected(net.node(LAPTOP), AUTO, AutoJoinReason.CHALLENGE_REPLAYED);
            assertThat(accepted(net.node(LAPTOP), AUTO)).isEqualTo(1);
        }

        @Test
        void expiredChallengeIsRejectedOnTheVerifiersClock() {
            World w = new World();
            TestNet net = w.build();
            w.autoJoin(PHONE, "S1", LAPTOP);
            TestNet.Envelope held = responseToLaptop(net);
            net.advance(Duration.ofSeconds(33)); // 30 s TTL + 2 s tolerance, then one more
            net.deliver(held);
            assertRejected(net.node(LAPTOP), AUTO, AutoJoinReason.CHALLENGE_EXPIRED);
        }

        @Test
        void wrongClientIsRejected() {
            // Another trusted client (tablet, which has its own grant) answers phone's challenge as itself.
            World w = new World();
            TestNet net = w.build();
            w.autoJoin(PHONE, "S1", LAPTOP);
            AutoJoinChallengeResponse r = asResponse(responseToLaptop(net));
            Challenge stolen = withRequester(r.challenge(), w.id(TABLET).clientId());
            net.inject(SERVER, LAPTOP, response(r, stolen, sign(w.profile, TABLET, 0, stolen.signingInput())));
            net.run();
            assertRejected(net.node(LAPTOP), AUTO, AutoJoinReason.WRONG_REQUESTER);
        }

        @Test
        void wrongSessionIsRejected() {
            World w = new World();
            TestNet net = w.build();
            w.autoJoin(PHONE, "S1", LAPTOP);
            AutoJoinChallengeResponse r = asResponse(responseToLaptop(net));
            net.inject(SERVER, LAPTOP, response(r, withSession(r.challenge(), "S2"), r.signature()));
            net.run();
            assertRejected(net.node(LAPTOP), AUTO, AutoJoinReason.WRONG_SESSION);
        }

        @Test
        void revokedGrantIsRejected() {
            World w = new World();
            w.phoneGrantRevoked = true;
            TestNet net = w.build();
            w.autoJoin(PHONE, "S1", LAPTOP);
            net.run();
            assertRejected(net.node(LAPTOP), AUTO, AutoJoinReason.GRANT_REVOKED);
            assertThat(net.node(LAPTOP).audits("challenge-issued")).isEmpty();
        }

        @Test
        void revocationWhileTheChallengeIsOutstandingIsRejected() {
            World w = new World();
            TestNet net = w.build();
            w.autoJoin(PHONE, "S1", LAPTOP);
            TestNet.Envelope held = responseToLaptop(net);
            net.act(LAPTOP, "revoke-grant", Map.of("client", PHONE));
            net.deliver(held);
            assertRejected(net.node(LAPTOP), AUTO, AutoJoinReason.GRANT_REVOKED);
        }

        @Test
        void aRefusedChallengeStaysRefusedWhenTheGrantComesBack() {
            // A copy of the response is refused under the revoked grant; a manual join then grants again. The held
            // original names a challenge already decided: refused as a replay, never accepted.
            World w = new World();
            TestNet net = w.build();
            w.autoJoin(PHONE, "S1", LAPTOP);
            TestNet.Envelope held = responseToLaptop(net);
            net.act(LAPTOP, "revoke-grant", Map.of("client", PHONE));
            net.deliver(held);
            assertRejected(net.node(LAPTOP), AUTO, AutoJoinReason.GRANT_REVOKED);
            net.act(PHONE, "join", Map.of("session", "S1", "password", World.PASSWORD));
            net.run();
            assertThat(net.node(LAPTOP).audits("grant-created")).hasSize(1);
            net.deliver(held);
            assertRejected(net.node(LAPTOP), AUTO, AutoJoinReason.CHALLENGE_REPLAYED);
            assertThat(accepted(net.node(LAPTOP), AUTO)).isZero();
        }

        @Test
        void keyMismatchAfterTheRequesterRotatedItsKey() {
            World w = new World();
            w.phoneKeyGeneration = 1;
            TestNet net = w.build();
            w.autoJoin(PHONE, "S1", LAPTOP);
            net.run();
            assertRejected(net.node(LAPTOP), AUTO, AutoJoinReason.KEY_MISMATCH);
            assertRejected(net.node(PHONE), AUTO, AutoJoinReason.KEY_MISMATCH);
        }
    }

    @Nested
    class OtherReasons {
        @Test
        void grantMissing() {
            World w = new World();
            w.phoneGrant = false;
            TestNet net = w.build();
            w.autoJoin(PHONE, "S1", LAPTOP);
            net.run();
            assertRejected(net.node(LAPTOP), AUTO, AutoJoinReason.GRANT_MISSING);
        }

        @Test
        void grantExpiredBeforeTheRequest() {
            World w = new World();
            w.phoneGrantExpiresIn = Duration.ofHours(-1);
            TestNet net = w.build();
            w.autoJoin(PHONE, "S1", LAPTOP);
            net.run();
            assertRejected(net.node(LAPTOP), AUTO, AutoJoinReason.GRANT_EXPIRED);
        }

        @Test
        void grantExpiringWhileTheChallengeIsOutstanding() {
            World w = new World();
            w.phoneGrantExpiresIn = Duration.ofSeconds(10);
            TestNet net = w.build();
            w.autoJoin(PHONE, "S1", LAPTOP);
            TestNet.Envelope held = responseToLaptop(net);
            net.advance(Duration.ofSeconds(15));
            net.deliver(held);
            assertRejected(net.node(LAPTOP), AUTO, AutoJoinReason.GRANT_EXPIRED);
        }

        @Test
        void validatorNoLongerTrustingTheKeyIsNotMutualTrust() {
            World w = new World();
            w.laptopTrustsPhone = false;
            TestNet net = w.build();
            w.autoJoin(PHONE, "S1", LAPTOP);
            net.run();
            assertRejected(net.node(LAPTOP), AUTO, AutoJoinReason.NOT_MUTUALLY_TRUSTED);
        }

        @Test
        void requesterNotTrustingTheValidatorRefusesToSign() {
            World w = new World();
            w.phoneTrustsLaptop = false;
            TestNet net = w.build();
            w.autoJoin(PHONE, "S1", LAPTOP);
            net.run();
            assertRejected(net.node(PHONE), AUTO, AutoJoinReason.NOT_MUTUALLY_TRUSTED);
            assertThat(net.node(PHONE).audits("challenge-signed")).isEmpty();
        }

        @Test
        void fabricatedChallengeIsUnknown() {
            World w = new World();
            TestNet net = w.build();
            w.autoJoin(PHONE, "S1", LAPTOP);
            AutoJoinChallengeResponse r = asResponse(responseToLaptop(net));
            Challenge made = withNonce(r.challenge(), new DeterministicRandom(5, "x").bytes(32));
            net.inject(SERVER, LAPTOP, response(r, made, sign(w.profile, PHONE, 0, made.signingInput())));
            net.run();
            assertRejected(net.node(LAPTOP), AUTO, AutoJoinReason.CHALLENGE_UNKNOWN);
        }

        @Test
        void restartBetweenChallengeAndResponseLeavesTheChallengeUnknown() {
            World w = new World();
            TestNet net = w.build();
            w.autoJoin(PHONE, "S1", LAPTOP);
            TestNet.Envelope held = responseToLaptop(net);
            net.crash(LAPTOP);
            net.restart(LAPTOP);
            net.deliver(held);
            assertRejected(net.node(LAPTOP), AUTO, AutoJoinReason.CHALLENGE_UNKNOWN);
            assertThat(w.laptop().epoch()).isEqualTo(1);
        }

        @Test
        void responseRelayedToAnotherMemberNamesTheWrongTarget() {
            World w = new World();
            TestNet net = w.build();
            w.autoJoin(PHONE, "S1", LAPTOP);
            AutoJoinChallengeResponse r = asResponse(responseToLaptop(net));
            net.inject(SERVER, DESKTOP, new AutoJoinChallengeResponse(r.joinerInstanceId(), DESKTOP, r.challenge(),
                    r.signature()));
            net.run();
            assertRejected(net.node(DESKTOP), AUTO, AutoJoinReason.WRONG_TARGET);
        }

        @Test
        void requestForAnotherMemberNamesTheWrongTarget() {
            World w = new World();
            TestNet net = w.build();
            net.inject(SERVER, LAPTOP, new AskAutoJoin("S1", PHONE, DESKTOP, w.id(PHONE).publicKeyInfo(),
                    Purpose.AUTO_JOIN));
            net.run();
            assertRejected(net.node(LAPTOP), AUTO, AutoJoinReason.WRONG_TARGET);
        }

        @Test
        void sessionTheValidatorIsNotInIsTheWrongSession() {
            World w = new World();
            TestNet net = w.build();
            w.autoJoin(PHONE, "S2", DESKTOP);
            net.run();
            assertRejected(net.node(DESKTOP), AUTO, AutoJoinReason.WRONG_SESSION);
        }

        @Test
        void grantScopeTooLowForThePurpose() {
            World w = new World();
            TestNet net = w.build();
            w.autoJoin(PHONE, "S1", LAPTOP, "auto-synchronize");
            net.run();
            assertRejected(net.node(LAPTOP), AUTO, AutoJoinReason.WRONG_PURPOSE);
            // A higher grant covers the lower purposes.
            w.autoJoin(TABLET, "S1", LAPTOP, "auto-inventory");
            net.run();
            assertAccepted(net.node(LAPTOP), AUTO);
        }

        @Test
        void purposeSwappedInTheResponseIsTheWrongPurpose() {
            World w = new World();
            TestNet net = w.build();
            w.autoJoin(PHONE, "S1", LAPTOP);
            AutoJoinChallengeResponse r = asResponse(responseToLaptop(net));
            Challenge widened = withPurpose(r.challenge(), Purpose.AUTO_INVENTORY);
            net.inject(SERVER, LAPTOP, response(r, widened, sign(w.profile, PHONE, 0, widened.signingInput())));
            net.run();
            assertRejected(net.node(LAPTOP), AUTO, AutoJoinReason.WRONG_PURPOSE);
        }

        @Test
        void undecodableBytesAreMalformedNeverAnException() {
            World w = new World();
            TestNet net = w.build();
            w.autoJoin(PHONE, "S1", LAPTOP);
            TestNet.Envelope r = responseToLaptop(net);
            byte[] cut = java.util.Arrays.copyOf(r.bytes(), r.bytes().length - 3);
            net.deliver(new TestNet.Envelope(SERVER, LAPTOP, cut));
            assertRejected(net.node(LAPTOP), "message", AutoJoinReason.MALFORMED);
            net.deliver(new TestNet.Envelope(SERVER, PHONE, new byte[] {0, 3, 'a', 'b', 'c', 0, 0}));
            assertRejected(net.node(PHONE), "message", AutoJoinReason.MALFORMED);
        }

        @Test
        void keyConfirmationThatDoesNotMatchTheDeliveredKeyFails() {
            World w = new World();
            TestNet net = w.build();
            w.autoJoin(PHONE, "S1", LAPTOP);
            FinalizeJoinCloudSessionParameters fin = (FinalizeJoinCloudSessionParameters) net
                    .runUntil(carrying(FinalizeJoinCloudSessionParameters.class, LAPTOP)).message();
            byte[] bad = fin.keyConfirmation();
            bad[0] ^= 1;
            net.inject(SERVER, LAPTOP, new FinalizeJoinCloudSessionParameters(fin.sessionId(), fin.joinerInstanceId(),
                    fin.validatorInstanceId(), fin.flow(), fin.finalizationPassword(), bad));
            net.run();
            assertThat(net.node(LAPTOP).audits("session-key-confirmation-failed")).singleElement()
                    .satisfies(a -> assertThat(a.reason()).isEqualTo("KEY_CONFIRMATION_FAILED"));
            assertThat(net.node(LAPTOP).audits("session-key-confirmed")).isEmpty();
        }

        @Test
        void requesterRefusesUnsolicitedOrMismatchedChallenges() {
            World w = new World();
            TestNet net = w.build();
            Challenge c = new Challenge("S1", w.id(PHONE).clientId(), w.id(LAPTOP).clientId(), TestNet.T0,
                    TestNet.T0.plusSeconds(30), Purpose.AUTO_JOIN, new byte[32], 0);
            net.inject(SERVER, PHONE, new AutoJoinChallenge(PHONE, LAPTOP, c));
            net.run();
            assertRejected(net.node(PHONE), AUTO, AutoJoinReason.CHALLENGE_UNKNOWN);

            w.autoJoin(PHONE, "S1", LAPTOP);
            AutoJoinChallenge real = (AutoJoinChallenge) net.runUntil(carrying(AutoJoinChallenge.class, PHONE))
                    .message();
            net.inject(SERVER, PHONE, new AutoJoinChallenge(PHONE, LAPTOP,
                    withRequester(real.challenge(), w.id(TABLET).clientId())));
            net.run();
            assertIgnoredAndStillOpen(net.node(PHONE), AutoJoinReason.WRONG_REQUESTER);
            net.inject(SERVER, PHONE, real);
            net.run();
            // The mismatched challenge (it carries no authentication) did not end the join: the real one completes.
            assertAccepted(net.node(PHONE), AUTO);
            assertThat(net.node(PHONE).audits("challenge-signed")).singleElement()
                    .satisfies(a -> assertThat(a.fields().get("requester")).isEqualTo(w.id(PHONE).clientId()
                            .value()));
        }

        @Test
        void bytesyncRequesterGivesUpOnAMismatchedChallenge() {
            World w = new World();
            w.profile = CryptoProfile.BYTESYNC;
            TestNet net = w.build();
            w.autoJoin(PHONE, "S1", LAPTOP);
            AutoJoinChallenge real = (AutoJoinChallenge) net.runUntil(carrying(AutoJoinChallenge.class, PHONE))
                    .message();
            net.inject(SERVER, PHONE, new AutoJoinChallenge(PHONE, LAPTOP,
                    withRequester(real.challenge(), w.id(TABLET).clientId())));
            net.run();
            // ByteSync's flow: the forged challenge ends the join (the denial the bytesync FINDING reports).
            assertThat(net.node(PHONE).outcomes(AUTO)).first().satisfies(o -> assertThat(o)
                    .isInstanceOf(Outcome.Rejected.class));
            assertThat(w.phone().sessionKey("S1")).isEmpty();
        }

        @Test
        void unsignedRejectionDoesNotEndAHardenedJoin() {
            World w = new World();
            TestNet net = w.build();
            w.autoJoin(PHONE, "S1", LAPTOP);
            AutoJoinChallenge real = (AutoJoinChallenge) net.runUntil(carrying(AutoJoinChallenge.class, PHONE))
                    .message();
            net.inject(SERVER, PHONE, new AutoJoinRejected("S1", PHONE, LAPTOP, AUTO, "GRANT_REVOKED"));
            net.run();
            assertIgnoredAndStillOpen(net.node(PHONE), AutoJoinReason.DECISION_UNAUTHENTICATED);
            net.inject(SERVER, PHONE, real);
            net.run();
            assertAccepted(net.node(PHONE), AUTO);
        }

        @Test
        void rejectionSignedByAnotherMemberDoesNotEndAHardenedJoin() {
            World w = new World();
            TestNet net = w.build();
            w.autoJoin(PHONE, "S1", LAPTOP);
            AutoJoinChallenge real = (AutoJoinChallenge) net.runUntil(carrying(AutoJoinChallenge.class, PHONE))
                    .message();
            byte[] nonce = real.challenge().nonce();
            byte[] bySomeoneElse = sign(w.profile, DESKTOP, 0, Transcripts.rejection("S1", w.id(DESKTOP).clientId(),
                    PHONE, AUTO, "WRONG_TARGET", nonce, w.id(PHONE).fingerprint(), Purpose.AUTO_JOIN));
            net.inject(SERVER, PHONE, real);
            AutoJoinChallengeResponse signed = (AutoJoinChallengeResponse) net
                    .runUntil(carrying(AutoJoinChallengeResponse.class, LAPTOP)).message();
            net.inject(SERVER, PHONE, new AutoJoinRejected("S1", PHONE, DESKTOP, AUTO, "WRONG_TARGET", nonce,
                    bySomeoneElse));
            net.run();
            assertThat(net.node(PHONE).outcomes(AUTO)).isEmpty();
            net.inject(SERVER, LAPTOP, signed);
            net.run();
            assertIgnoredAndStillOpen(net.node(PHONE), AutoJoinReason.DECISION_UNAUTHENTICATED);
            assertAccepted(net.node(PHONE), AUTO);
        }

        @Test
        void signedRejectionOfTheSignedChallengeEndsAHardenedJoin() {
            World w = new World();
            w.phoneGrant = false;
            TestNet net = w.build();
            w.autoJoin(PHONE, "S1", LAPTOP);
            net.run();
            // The validator's own refusal (no grant), signed and naming no challenge yet: it ends the join.
            assertRejected(net.node(PHONE), AUTO, AutoJoinReason.GRANT_MISSING);
        }

        @Test
        void hardenedValidatorWithholdsTheRefusalOfAConsumedChallenge() {
            World w = new World();
            TestNet net = w.build();
            w.autoJoin(PHONE, "S1", LAPTOP);
            AutoJoinChallengeResponse response = (AutoJoinChallengeResponse) net
                    .runUntil(carrying(AutoJoinChallengeResponse.class, LAPTOP)).message();
            net.inject(SERVER, LAPTOP, response);
            net.run();
            net.inject(SERVER, LAPTOP, response);
            net.run();
            assertRejected(net.node(LAPTOP), AUTO, AutoJoinReason.CHALLENGE_REPLAYED);
            assertThat(net.node(LAPTOP).audits("rejection-withheld")).hasSize(1);
            assertAccepted(net.node(PHONE), AUTO);
        }

        @Test
        void sessionKeyNotSignedByTheTrustedValidatorIsRefused() {
            World w = new World();
            TestNet net = w.build();
            w.autoJoin(PHONE, "S1", LAPTOP);
            ValidateJoinCloudSessionParameters v = (ValidateJoinCloudSessionParameters) net
                    .runUntil(carrying(ValidateJoinCloudSessionParameters.class, PHONE)).message();
            ValidateJoinCloudSessionParameters genuine = new ValidateJoinCloudSessionParameters(v.sessionId(),
                    v.joinerInstanceId(), v.validatorInstanceId(), v.flow(), v.encryptedAesKey(), v.challengeNonce(),
                    v.validatorSignature().clone(), v.finalizationPassword());
            byte[] sig = v.validatorSignature();
            sig[0] ^= 1;
            net.inject(SERVER, PHONE, new ValidateJoinCloudSessionParameters(v.sessionId(), v.joinerInstanceId(),
                    v.validatorInstanceId(), v.flow(), v.encryptedAesKey(), v.challengeNonce(), sig,
                    v.finalizationPassword()));
            net.run();
            assertIgnoredAndStillOpen(net.node(PHONE), AutoJoinReason.SIGNATURE_INVALID);
            assertThat(w.phone().sessionKey("S1")).isEmpty();
            // A forgery cannot end the join: the validator's own message still completes it.
            net.inject(SERVER, PHONE, genuine);
            net.run();
            assertAccepted(net.node(PHONE), AUTO);
        }

        private static void assertIgnoredAndStillOpen(TestNet.Node node, AutoJoinReason reason) {
            assertThat(node.audits("auto-join-message-ignored")).as("ignored on %s", node.name)
                    .anyMatch(a -> reason.code().equals(a.reason()) && "still-open".equals(a.fields().get("join")));
        }

        @Test
        void aGenuineSessionKeyForAnEarlierChallengeIsIgnored() {
            World w = new World();
            TestNet net = w.build();
            w.autoJoin(PHONE, "S1", LAPTOP);
            ValidateJoinCloudSessionParameters first = (ValidateJoinCloudSessionParameters) net
                    .runUntil(carrying(ValidateJoinCloudSessionParameters.class, PHONE)).message();
            // The phone asks again and signs a new challenge; the laptop's answer to it is withheld, the first replayed.
            w.autoJoin(PHONE, "S1", LAPTOP);
            ValidateJoinCloudSessionParameters second = (ValidateJoinCloudSessionParameters) net
                    .runUntil(carrying(ValidateJoinCloudSessionParameters.class, PHONE)).message();
            assertThat(second.challengeNonce()).isNotEqualTo(first.challengeNonce());
            net.inject(SERVER, PHONE, first);
            net.run();
            assertThat(w.phone().sessionKey("S1")).isEmpty();
            assertThat(net.node(PHONE).audits("message-ignored")).isNotEmpty();
            // The answer to the challenge it signed is taken.
            net.inject(SERVER, PHONE, second);
            net.run();
            assertThat(w.phone().sessionKey("S1")).isPresent();
        }
    }

    @Nested
    class ClockSkew {
        @Test
        void requesterClockSkewedEitherWayDoesNotMatter() {
            for (Duration skew : new Duration[] {Duration.ofHours(1), Duration.ofHours(-1)}) {
                World w = new World();
                TestNet net = w.build();
                net.node(PHONE).skew = skew;
                w.autoJoin(PHONE, "S1", LAPTOP);
                net.run();
                assertAccepted(net.node(LAPTOP), AUTO);

                w.autoJoin(PHONE, "S2", LAPTOP);
                TestNet.Envelope held = responseToLaptop(net);
                net.advance(Duration.ofSeconds(40));
                net.deliver(held);
                assertRejected(net.node(LAPTOP), AUTO, AutoJoinReason.CHALLENGE_EXPIRED);
            }
        }

        @Test
        void responseWithinTheSkewToleranceIsStillFresh() {
            World w = new World();
            TestNet net = w.build();
            w.autoJoin(PHONE, "S1", LAPTOP);
            TestNet.Envelope held = responseToLaptop(net);
            net.advance(Duration.ofSeconds(31)); // past the TTL, inside the 2 s tolerance
            net.deliver(held);
            assertAccepted(net.node(LAPTOP), AUTO);
        }
    }

    @Nested
    class Mutants {
        @Test
        void noReplayCacheAcceptsAReplay() {
            World w = new World();
            w.mutants.add(AutoJoinMutant.NO_REPLAY_CACHE);
            TestNet net = w.build();
            w.autoJoin(PHONE, "S1", LAPTOP);
            TestNet.Envelope captured = responseToLaptop(net);
            net.deliver(captured);
            net.deliver(captured);
            assertThat(accepted(net.node(LAPTOP), AUTO)).isEqualTo(2);
        }

        @Test
        void noRestartEpochAcceptsAReplayAfterARestart() {
            for (boolean broken : new boolean[] {false, true}) {
                World w = new World();
                if (broken) {
                    w.mutants.add(AutoJoinMutant.NO_RESTART_EPOCH);
                }
                TestNet net = w.build();
                w.autoJoin(PHONE, "S1", LAPTOP);
                TestNet.Envelope captured = responseToLaptop(net);
                net.deliver(captured);
                net.crash(LAPTOP);
                net.restart(LAPTOP);
                net.deliver(captured);
                assertThat(accepted(net.node(LAPTOP), AUTO)).as("broken=%s", broken).isEqualTo(broken ? 2 : 1);
            }
        }

        @Test
        void noExpiryCheckAcceptsALateResponse() {
            World w = new World();
            w.mutants.add(AutoJoinMutant.NO_EXPIRY_CHECK);
            TestNet net = w.build();
            w.autoJoin(PHONE, "S1", LAPTOP);
            TestNet.Envelope held = responseToLaptop(net);
            net.advance(Duration.ofMinutes(5));
            net.deliver(held);
            assertAccepted(net.node(LAPTOP), AUTO);
        }

        @Test
        void revocationCheckedAtChallengeOnlyAcceptsUnderARevokedGrant() {
            World w = new World();
            w.mutants.add(AutoJoinMutant.REVOCATION_CHECKED_AT_CHALLENGE_ONLY);
            TestNet net = w.build();
            w.autoJoin(PHONE, "S1", LAPTOP);
            TestNet.Envelope held = responseToLaptop(net);
            net.act(LAPTOP, "revoke-grant", Map.of("client", PHONE));
            net.deliver(held);
            Outcome.Accepted a = assertAccepted(net.node(LAPTOP), AUTO);
            assertThat(a.fields()).containsEntry("grant-revoked", "true");
        }

        @Test
        void skipBindingCheckAdmitsASignedAnswerIntoAnotherSession() {
            for (boolean broken : new boolean[] {false, true}) {
                World w = new World();
                if (broken) {
                    w.mutants.add(AutoJoinMutant.SKIP_BINDING_CHECK);
                }
                TestNet net = w.build();
                w.autoJoin(PHONE, "S1", LAPTOP);
                AutoJoinChallengeResponse r = asResponse(responseToLaptop(net));
                net.inject(SERVER, LAPTOP, response(r, withSession(r.challenge(), "S2"), r.signature()));
                net.run();
                if (broken) {
                    assertThat(assertAccepted(net.node(LAPTOP), AUTO).fields()).containsEntry("session", "S2");
                } else {
                    assertRejected(net.node(LAPTOP), AUTO, AutoJoinReason.WRONG_SESSION);
                }
            }
        }

        @Test
        void keyFromRequestLetsAnAttackerKeyIn() {
            for (boolean broken : new boolean[] {false, true}) {
                World w = new World();
                if (broken) {
                    w.mutants.add(AutoJoinMutant.KEY_FROM_REQUEST);
                }
                TestNet net = w.build();
                // mallory claims phone's client id with its own key.
                DeviceIdentity mallory = w.id("mallory");
                PublicKeyInfo claim = new PublicKeyInfo(w.id(PHONE).clientId(), mallory.publicKey());
                net.inject(SERVER, LAPTOP, new AskAutoJoin("S1", "mallory", LAPTOP, claim, Purpose.AUTO_JOIN));
                if (!broken) {
                    net.run();
                    assertRejected(net.node(LAPTOP), AUTO, AutoJoinReason.KEY_MISMATCH);
                    continue;
                }
                AutoJoinChallenge c = (AutoJoinChallenge) net.runUntil(carrying(AutoJoinChallenge.class, "mallory"))
                        .message();
                net.inject(SERVER, LAPTOP, new AutoJoinChallengeResponse("mallory", LAPTOP, c.challenge(),
                        sign(w.profile, "mallory", 0, c.challenge().signingInput())));
                ValidateJoinCloudSessionParameters v = (ValidateJoinCloudSessionParameters) net
                        .runUntil(carrying(ValidateJoinCloudSessionParameters.class, "mallory")).message();
                assertAccepted(net.node(LAPTOP), AUTO);
                // The session key went to mallory's key: mallory can read it.
                assertThat(w.profile.decrypt(DeterministicKeys.ring(TestNet.KEY_SEED, "mallory"), 0,
                        v.encryptedAesKey())).isPresent();
            }
        }

        @Test
        void signatureOverTheNonceOnlyLetsAnAttackerSpliceASignatureIntoAnotherSession() {
            for (boolean broken : new boolean[] {false, true}) {
                World w = new World();
                if (broken) {
                    w.mutants.add(AutoJoinMutant.SIGNATURE_OVER_NONCE_ONLY);
                }
                TestNet net = w.build();
                // 1. mallory asks laptop to auto-join S1 in phone's name and gets challenge C1.
                net.inject(SERVER, LAPTOP, new AskAutoJoin("S1", "mallory", LAPTOP, w.id(PHONE).publicKeyInfo(),
                        Purpose.AUTO_JOIN));
                Challenge c1 = ((AutoJoinChallenge) net.runUntil(carrying(AutoJoinChallenge.class, "mallory"))
                        .message()).challenge();
                // 2. phone itself asks to join S2; mallory swaps C1's nonce into phone's challenge C2.
                w.autoJoin(PHONE, "S2", LAPTOP);
                AutoJoinChallenge c2 = (AutoJoinChallenge) net.runUntil(carrying(AutoJoinChallenge.class, PHONE))
                        .message();
                net.inject(SERVER, PHONE, new AutoJoinChallenge(PHONE, LAPTOP, withNonce(c2.challenge(),
                        c1.nonce())));
                AutoJoinChallengeResponse signed = asResponse(net.runUntil(carrying(AutoJoinChallengeResponse.class)));
                // 3. mallory answers C1 with phone's signature.
                net.inject(SERVER, LAPTOP, new AutoJoinChallengeResponse("mallory", LAPTOP, c1, signed.signature()));
                if (broken) {
                    net.runUntil(e -> e.to().equals("mallory"));
                } else {
                    // A response whose signature does not verify gets no refusal (anyone can send one): none to wait for.
                    net.run();
                }
                if (broken) {
                    Outcome.Accepted a = assertAccepted(net.node(LAPTOP), AUTO);
                    assertThat(a.fields()).containsEntry("session", "S1");
                } else {
                    assertRejected(net.node(LAPTOP), AUTO, AutoJoinReason.SIGNATURE_INVALID);
                }
            }
        }
    }

    @Test
    void fingerprintsInTheAuditAreNotTheKeys() {
        World w = new World();
        TestNet net = w.build();
        w.autoJoin(PHONE, "S1", LAPTOP);
        net.run();
        String key = Bytes.hex(new byte[] {1, 0, 0, 0});
        assertThat(net.node(LAPTOP).audits("session-key-delivered")).singleElement()
                .satisfies(a -> assertThat(a.field("session-key-fingerprint")).doesNotStartWith(key).hasSize(16));
    }
}
