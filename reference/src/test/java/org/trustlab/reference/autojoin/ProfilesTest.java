package org.trustlab.reference.autojoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trustlab.reference.autojoin.AutoJoinTestSupport.assertAccepted;
import static org.trustlab.reference.autojoin.AutoJoinTestSupport.assertRejected;
import static org.trustlab.reference.autojoin.World.LAPTOP;
import static org.trustlab.reference.autojoin.World.PHONE;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.trustlab.reference.autojoin.AutoJoinMessage.AutoJoinChallengeResponse;
import org.trustlab.reference.crypto.DeterministicKeys;
import org.trustlab.reference.crypto.DeterministicRandom;

/** Each crypto profile carries a whole automatic join, and a signature made under one does not verify under another. */
class ProfilesTest {
    @ParameterizedTest
    @EnumSource(CryptoProfile.class)
    void automaticJoinWorksInEveryProfile(CryptoProfile profile) {
        World w = new World();
        w.profile = profile;
        TestNet net = w.build();
        w.autoJoin(PHONE, "S1", LAPTOP);
        net.run();
        assertAccepted(net.node(LAPTOP), AutoJoinMessage.AUTO_JOIN);
        assertAccepted(net.node(PHONE), AutoJoinMessage.AUTO_JOIN);

        // A PKCS#1 v1.5 signature is no PSS signature, and the other way round.
        if (profile != CryptoProfile.ED25519) {
            w.autoJoin(PHONE, "S2", LAPTOP);
            AutoJoinChallengeResponse r = (AutoJoinChallengeResponse) net
                    .runUntil(TestNet.carrying(AutoJoinChallengeResponse.class, LAPTOP)).message();
            CryptoProfile other = profile == CryptoProfile.BYTESYNC ? CryptoProfile.HARDENED : CryptoProfile.BYTESYNC;
            int bits = profile == CryptoProfile.BYTESYNC ? 2048 : 3072;
            byte[] wrongScheme = DeterministicKeys.ring(TestNet.KEY_SEED, PHONE).rsa(bits, 0).sign(
                    other == CryptoProfile.HARDENED ? org.trustlab.reference.crypto.RsaProfile.PSS_OAEP
                            : org.trustlab.reference.crypto.RsaProfile.PKCS1_V15,
                    r.challenge().signingInput(), new DeterministicRandom(1, "s"));
            net.inject(World.SERVER, LAPTOP, AutoJoinTestSupport.response(r, r.challenge(), wrongScheme));
            net.run();
            assertRejected(net.node(LAPTOP), AutoJoinMessage.AUTO_JOIN, AutoJoinReason.SIGNATURE_INVALID);
        }
    }

    @ParameterizedTest
    @EnumSource(CryptoProfile.class)
    void encryptionRoundTripsAndRefusesTampering(CryptoProfile profile) {
        var ring = DeterministicKeys.ring(TestNet.KEY_SEED, PHONE);
        DeterministicRandom r = new DeterministicRandom(2, "enc");
        byte[] secret = r.bytes(32);
        byte[] ct = profile.encrypt(profile.publicKey(ring, 0), secret, r).orElseThrow();
        assertThat(profile.decrypt(ring, 0, ct)).hasValueSatisfying(p -> assertThat(p).isEqualTo(secret));
        ct[ct.length - 1] ^= 1;
        assertThat(profile.decrypt(ring, 0, ct)).isEmpty();
        assertThat(profile.encrypt(new byte[] {1, 2}, secret, r)).isEmpty();
    }
}
