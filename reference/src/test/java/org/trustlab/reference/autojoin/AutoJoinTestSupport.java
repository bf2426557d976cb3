package org.trustlab.reference.autojoin;

import static org.assertj.core.api.Assertions.assertThat;

import org.trustlab.reference.autojoin.AutoJoinMessage.AutoJoinChallengeResponse;
import org.trustlab.reference.core.Outcome;
import org.trustlab.reference.crypto.DeterministicKeys;
import org.trustlab.reference.crypto.DeterministicRandom;

/** Assertions and attacker moves shared by the autojoin tests. */
final class AutoJoinTestSupport {
    private AutoJoinTestSupport() {}

    static void assertRejected(TestNet.Node node, String kind, AutoJoinReason reason) {
        Outcome o = node.lastOutcome(kind);
        assertThat(o).as("last %s outcome on %s", kind, node.name).isInstanceOf(Outcome.Rejected.class);
        assertThat(((Outcome.Rejected) o).reason()).as("reason on %s", node.name).isEqualTo(reason.code());
        assertThat(node.audit).as("audit on %s", node.name)
                .anyMatch(a -> reason.code().equals(a.reason()));
    }

    static Outcome.Accepted assertAccepted(TestNet.Node node, String kind) {
        Outcome o = node.lastOutcome(kind);
        assertThat(o).as("last %s outcome on %s: %s", kind, node.name, o).isInstanceOf(Outcome.Accepted.class);
        return (Outcome.Accepted) o;
    }

    static long accepted(TestNet.Node node, String kind) {
        return node.outcomes(kind).stream().filter(o -> o instanceof Outcome.Accepted).count();
    }

    /** A challenge with one binding replaced, as an attacker splicing fields would build it. */
    static Challenge withSession(Challenge c, String session) {
        return new Challenge(session, c.requester(), c.target(), c.issuedAt(), c.expiresAt(), c.purpose(), c.nonce(),
                c.epoch());
    }

    static Challenge withRequester(Challenge c, ClientId requester) {
        return new Challenge(c.sessionId(), requester, c.target(), c.issuedAt(), c.expiresAt(), c.purpose(),
                c.nonce(), c.epoch());
    }

    static Challenge withPurpose(Challenge c, Purpose purpose) {
        return new Challenge(c.sessionId(), c.requester(), c.target(), c.issuedAt(), c.expiresAt(), purpose,
                c.nonce(), c.epoch());
    }

    static Challenge withNonce(Challenge c, byte[] nonce) {
        return new Challenge(c.sessionId(), c.requester(), c.target(), c.issuedAt(), c.expiresAt(), c.purpose(),
                nonce, c.epoch());
    }

    /** A signature by {@code device}'s key (what a device, or an attacker holding its key, can make). */
    static byte[] sign(CryptoProfile profile, String device, int generation, byte[] input) {
        return profile.sign(DeterministicKeys.ring(TestNet.KEY_SEED, device), generation, input,
                new DeterministicRandom(99, "test-signer"));
    }

    static AutoJoinChallengeResponse response(AutoJoinChallengeResponse original, Challenge challenge,
            byte[] signature) {
        return new AutoJoinChallengeResponse(original.joinerInstanceId(), original.validatorInstanceId(), challenge,
                signature);
    }
}
