package org.trustlab.reference.vouch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.trustlab.reference.core.AuditEvent;
import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.vouch.VouchMessage.PairingChallenge;
import org.trustlab.reference.vouch.VouchMessage.PairingConfirm;
import org.trustlab.reference.vouch.VouchMessage.PairingRequest;

class DirectPairingTest {

    private static TestNet net(VouchConfig cfg) {
        TestNet net = new TestNet();
        net.add("V", cfg);
        net.add("E", cfg);
        return net;
    }

    /** E asks V to pair; the attacker (M) swaps E's agreement key for its own on the way to V. */
    private static TestNet substitutedKey() {
        TestNet net = net(VouchConfig.defaults());
        net.add("M", VouchConfig.defaults());
        net.drop = w -> w.to().equals("V") && w.message() instanceof PairingRequest;
        net.action("E", VouchAudit.ACTION_PAIR_REQUEST, "device", "V");
        net.settle();
        PairingRequest orig = (PairingRequest) net.sent(VouchCodec.PAIRING_REQUEST).get(0).message();
        net.inject("E", "V", new PairingRequest(orig.pairingId(), new DeviceInfo(DeviceId.of("E"), "phone",
                net.node("M").keys.x25519(0).publicKey()), orig.publicKey(), orig.nonce()));
        net.settle();
        return net;
    }

    private static String code(TestNet net, String node, String type) {
        return net.audits(node, type).get(0).field(VouchAudit.CODE);
    }

    @Test
    void confirmedPairingStoresTheSameKeysOnBothSidesAndOpensAVouchingSession() {
        TestNet net = net(VouchConfig.defaults());
        net.action("E", VouchAudit.ACTION_PAIR_REQUEST, "device", "V");
        net.settle();
        String shownOnV = code(net, "V", VouchAudit.PAIRING_CONFIRMATION_REQUIRED);
        String shownOnE = code(net, "E", VouchAudit.PAIRING_CODE_SHOWN);
        assertThat(shownOnV).hasSize(6).isEqualTo(shownOnE);
        AuditEvent prompt = net.audits("V", VouchAudit.PAIRING_CONFIRMATION_REQUIRED).get(0);
        assertThat(prompt.field(VouchAudit.GUESS_PROBABILITY)).isEqualTo("1/1000000");
        assertThat(prompt.field(VouchAudit.CODE_DIGITS)).isEqualTo("6");

        net.action("V", VouchAudit.ACTION_PAIR_CONFIRM, "device", "E", "code", shownOnE);
        net.settle();
        PairingRecord onV = net.role("V").pairing(DeviceId.of("E")).orElseThrow();
        PairingRecord onE = net.role("E").pairing(DeviceId.of("V")).orElseThrow();
        assertThat(onV.type()).isEqualTo(PairingType.DIRECT);
        assertThat(onE.type()).isEqualTo(PairingType.DIRECT);
        assertThat(onV.keys().send()).isEqualTo(onE.keys().receive());
        assertThat(onV.keys().receive()).isEqualTo(onE.keys().send());
        assertThat(onV.keys().distinct()).isTrue();
        assertThat(net.accepted("V", VouchAudit.OUTCOME_DIRECT_PAIRING)).isEqualTo(1);
        assertThat(net.accepted("E", VouchAudit.OUTCOME_DIRECT_PAIRING)).isEqualTo(1);
        assertThat(net.audits("V", VouchAudit.PAIRING_STORED).get(0).field(VouchAudit.CHAIN)).isEqualTo("V>E");
        // Vouching starts only after the direct pairing is confirmed, with a Pending session and the prompt event.
        assertThat(net.sessionStates("V")).containsExactly("Pending");
        assertThat(net.audits("V", VouchAudit.VOUCHING_READY)).hasSize(1);
        assertThat(net.role("E").sessions()).isEmpty();
    }

    @Test
    void theCodeLengthIsConfigurableAndItsGuessProbabilityAudited() {
        TestNet net = net(VouchConfig.builder().confirmationCodeDigits(4).build());
        net.action("E", VouchAudit.ACTION_PAIR_REQUEST, "device", "V");
        net.settle();
        AuditEvent prompt = net.audits("V", VouchAudit.PAIRING_CONFIRMATION_REQUIRED).get(0);
        assertThat(prompt.field(VouchAudit.CODE)).hasSize(4);
        assertThat(prompt.field(VouchAudit.GUESS_PROBABILITY)).isEqualTo("1/10000");
    }

    @Test
    void aMismatchedCodeRejectsOnBothSides() {
        TestNet net = net(VouchConfig.defaults());
        net.action("E", VouchAudit.ACTION_PAIR_REQUEST, "device", "V");
        net.settle();
        String real = code(net, "V", VouchAudit.PAIRING_CONFIRMATION_REQUIRED);
        String wrong = real.equals("000000") ? "000001" : "000000";
        net.action("V", VouchAudit.ACTION_PAIR_CONFIRM, "device", "E", "code", wrong);
        net.settle();
        assertThat(net.rejections("V", VouchAudit.OUTCOME_DIRECT_PAIRING)).containsExactly("CONFIRMATION_CODE_MISMATCH");
        assertThat(net.rejections("E", VouchAudit.OUTCOME_DIRECT_PAIRING)).containsExactly("CONFIRMATION_CODE_MISMATCH");
        assertThat(net.role("V").pairings()).isEmpty();
        assertThat(net.role("E").pairings()).isEmpty();
    }

    @Test
    void aSubstitutedKeyMakesTheCodesDiffer() {
        TestNet net = substitutedKey();
        assertThat(code(net, "V", VouchAudit.PAIRING_CONFIRMATION_REQUIRED))
                .isNotEqualTo(code(net, "E", VouchAudit.PAIRING_CODE_SHOWN));
        // The user who compares reads E's code, which is not V's: refused on both sides.
        net.action("V", VouchAudit.ACTION_PAIR_CONFIRM, "device", "E", "code",
                code(net, "E", VouchAudit.PAIRING_CODE_SHOWN));
        net.settle();
        assertThat(net.rejections("V", VouchAudit.OUTCOME_DIRECT_PAIRING)).containsExactly("CONFIRMATION_CODE_MISMATCH");
        assertThat(net.role("V").pairings()).isEmpty();
    }

    /** The device cannot tell a careless user from a careful one: it pairs with the attacker's key. */
    @Test
    void aUserWhoConfirmsWithoutComparingPairsWithASubstitutedKey() {
        TestNet net = substitutedKey();
        net.action("V", VouchAudit.ACTION_PAIR_CONFIRM, "device", "E", "compare", "flase");
        assertThat(net.audits("V", VouchAudit.ACTION_REJECTED).get(0).reason()).isEqualTo("BAD_ACTION_ARGUMENTS");
        assertThat(net.audits("V", VouchAudit.ACTION_REJECTED).get(0).field("invalid")).isEqualTo("compare");
        net.action("V", VouchAudit.ACTION_PAIR_CONFIRM, "device", "E", "compare", "false");
        net.settle();
        assertThat(net.role("V").pairing(DeviceId.of("E")).orElseThrow().info().agreementKey())
                .isEqualTo(net.node("M").keys.x25519(0).publicKey());
        assertThat(net.role("E").pairings()).isEmpty();
    }

    /** A user who compares but finds no code on the new device's screen does not confirm a match. */
    @Test
    void aConfirmationWithoutACodeIsAMismatch() {
        TestNet net = net(VouchConfig.defaults());
        net.action("E", VouchAudit.ACTION_PAIR_REQUEST, "device", "V");
        net.settle();
        net.action("V", VouchAudit.ACTION_PAIR_CONFIRM, "device", "E");
        net.settle();
        assertThat(net.rejections("V", VouchAudit.OUTCOME_DIRECT_PAIRING)).containsExactly("CONFIRMATION_CODE_MISMATCH");
        assertThat(net.rejections("E", VouchAudit.OUTCOME_DIRECT_PAIRING)).containsExactly("CONFIRMATION_CODE_MISMATCH");
        assertThat(net.role("V").pairings()).isEmpty();
        assertThat(net.role("E").pairings()).isEmpty();
    }

    @Test
    void silenceBeyondTheConfirmationTimeoutRejects() {
        TestNet net = net(VouchConfig.defaults());
        net.action("E", VouchAudit.ACTION_PAIR_REQUEST, "device", "V");
        net.run(Duration.ofSeconds(121));
        assertThat(net.rejections("V", VouchAudit.OUTCOME_DIRECT_PAIRING)).containsExactly("CONFIRMATION_TIMEOUT");
        assertThat(net.rejections("E", VouchAudit.OUTCOME_DIRECT_PAIRING)).containsExactly("CONFIRMATION_TIMEOUT");
        net.action("V", VouchAudit.ACTION_PAIR_CONFIRM, "device", "E");
        assertThat(net.rejections("V", VouchAudit.OUTCOME_DIRECT_PAIRING)).endsWith("PAIRING_UNKNOWN");
        assertThat(net.role("V").pairings()).isEmpty();
    }

    @Test
    void theUserCanDecline() {
        TestNet net = net(VouchConfig.defaults());
        net.action("E", VouchAudit.ACTION_PAIR_REQUEST, "device", "V");
        net.settle();
        net.action("V", VouchAudit.ACTION_PAIR_REJECT, "device", "E");
        net.settle();
        assertThat(net.rejections("V", VouchAudit.OUTCOME_DIRECT_PAIRING)).containsExactly("USER_REJECTED");
        assertThat(net.rejections("E", VouchAudit.OUTCOME_DIRECT_PAIRING)).containsExactly("USER_REJECTED");
    }

    @Test
    void aForgedConfirmationFailsItsMacAndDoesNotCancelTheRealOne() {
        TestNet net = net(VouchConfig.defaults());
        net.action("E", VouchAudit.ACTION_PAIR_REQUEST, "device", "V");
        net.settle();
        PairingChallenge ch = (PairingChallenge) net.sent(VouchCodec.PAIRING_CHALLENGE).get(0).message();
        net.inject("V", "E", new PairingConfirm(ch.pairingId(), true, "", new byte[32]));
        assertThat(net.audits("E", VouchAudit.PAIRING_REJECTED).get(0).reason()).isEqualTo("PAIRING_MAC_INVALID");
        net.action("V", VouchAudit.ACTION_PAIR_CONFIRM, "device", "E", "code",
                code(net, "E", VouchAudit.PAIRING_CODE_SHOWN));
        net.settle();
        assertThat(net.role("E").pairing(DeviceId.of("V"))).isPresent();
    }

    @Test
    void alreadyPairedAndUnknownPairingsAreRefused() {
        TestNet net = net(VouchConfig.defaults());
        net.pair("V", "E");
        net.action("E", VouchAudit.ACTION_PAIR_REQUEST, "device", "V");
        assertThat(net.rejections("E", VouchAudit.OUTCOME_DIRECT_PAIRING)).containsExactly("ALREADY_PAIRED");
        net.inject("E", "V", new PairingRequest("p-x", net.node("E").info(),
                net.node("E").keys.ed25519(0).publicKey(), new byte[16]));
        assertThat(net.rejections("V", VouchAudit.OUTCOME_DIRECT_PAIRING)).containsExactly("ALREADY_PAIRED");
        net.inject("V", "E", new PairingChallenge("p-unknown", net.node("V").info(),
                net.node("V").keys.ed25519(0).publicKey(), new byte[16]));
        assertThat(net.audits("E", VouchAudit.PAIRING_REJECTED).get(1).reason()).isEqualTo("PAIRING_UNKNOWN");
        net.action("V", VouchAudit.ACTION_PAIR_CONFIRM);
        assertThat(net.audits("V", VouchAudit.ACTION_REJECTED).get(0).reason()).isEqualTo("BAD_ACTION_ARGUMENTS");
    }

    @Test
    void aSmallOrderAgreementKeyIsRefused() {
        TestNet net = net(VouchConfig.defaults());
        net.inject("E", "V", new PairingRequest("p-1", new DeviceInfo(DeviceId.of("E"), "e", new byte[32]),
                net.node("E").keys.ed25519(0).publicKey(), new byte[16]));
        assertThat(net.rejections("V", VouchAudit.OUTCOME_DIRECT_PAIRING)).containsExactly("PAIRING_KEY_INVALID");
    }
}
