package org.trustlab.reference.vouch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.trustlab.reference.core.AuditEvent;
import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.vouch.VouchMessage.ProxyPairingRequest;
import org.trustlab.reference.vouch.VouchMessage.ProxyPairingResponse;

/** The voucher's flow, the queue, completion, cleanup and revocation, end to end over the test network. */
class VoucherFlowTest {

    private static TestNet net(VouchConfig cfg, VouchMutant... mutants) {
        TestNet net = new TestNet();
        for (String d : List.of("V", "E", "R1", "R2")) {
            net.add(d, cfg, mutants);
        }
        net.pair("V", "E");
        net.pair("V", "R1");
        net.pair("V", "R2");
        return net;
    }

    private static Set<String> holders(TestNet net) {
        return net.audit.stream().filter(a -> a.event().type().equals(VouchAudit.HOLDS_PROXIED_KEY))
                .map(TestNet.Audit::node).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    @Test
    void happyPathAllOnline() {
        TestNet net = net(VouchConfig.defaults());
        net.action("V", VouchAudit.ACTION_VOUCH, "vouchee", "E", "targets", "R1,R2");
        net.run(Duration.ofSeconds(5));
        assertThat(net.statuses("V", "R1")).containsExactly("Selected", "Waiting", "Accepted");
        assertThat(net.sessionStates("V")).containsExactly("Pending", "InProgress", "Completed");
        assertThat(net.accepted("V", VouchAudit.OUTCOME_VOUCH)).isEqualTo(2);
        assertThat(net.accepted("E", VouchAudit.OUTCOME_PROXIED_PAIRING)).isEqualTo(2);
        for (String r : List.of("R1", "R2")) {
            PairingRecord onR = net.role(r).pairing(DeviceId.of("E")).orElseThrow();
            PairingRecord onE = net.role("E").pairing(DeviceId.of(r)).orElseThrow();
            assertThat(onR.type()).isEqualTo(PairingType.PROXIED);
            assertThat(onE.type()).isEqualTo(PairingType.PROXIED);
            assertThat(onR.keys().send()).isEqualTo(onE.keys().receive());
            assertThat(onR.keys().receive()).isEqualTo(onE.keys().send());
            assertThat(onE.chainText()).isEqualTo("E>V>" + r);
        }
        // Spacedrive: the voucher derived every proxied key too.
        assertThat(holders(net)).containsExactly("E", "R1", "R2", "V");
        // Cleanup one hour after completion.
        assertThat(net.role("V").sessions()).hasSize(1);
        net.run(Duration.ofMinutes(61));
        assertThat(net.role("V").sessions()).isEmpty();
        assertThat(net.audits("V", VouchAudit.SESSION_REMOVED)).hasSize(1);
    }

    @Test
    void hardenedVoucherNeverHoldsAProxiedKey() {
        TestNet net = net(VouchConfig.builder().profile(VouchProfile.HARDENED).build());
        net.action("V", VouchAudit.ACTION_VOUCH, "vouchee", "E", "targets", "all");
        net.run(Duration.ofSeconds(5));
        assertThat(net.accepted("E", VouchAudit.OUTCOME_PROXIED_PAIRING)).isEqualTo(2);
        assertThat(holders(net)).containsExactly("E", "R1", "R2");
        PairingRecord onR = net.role("R1").pairing(DeviceId.of("E")).orElseThrow();
        PairingRecord onE = net.role("E").pairing(DeviceId.of("R1")).orElseThrow();
        assertThat(onR.keys().send()).isEqualTo(onE.keys().receive());
        ProxyPairingRequest req = (ProxyPairingRequest) net.sent(VouchCodec.PROXY_PAIRING_REQUEST).get(0).message();
        assertThat(req.proxiedSessionKeys()).isEmpty();

        TestNet leaky = net(VouchConfig.builder().profile(VouchProfile.HARDENED).build(),
                VouchMutant.VOUCHER_KEEPS_KEYS);
        leaky.action("V", VouchAudit.ACTION_VOUCH, "vouchee", "E", "targets", "all");
        leaky.run(Duration.ofSeconds(5));
        assertThat(leaky.accepted("E", VouchAudit.OUTCOME_PROXIED_PAIRING)).isEqualTo(2);
        assertThat(holders(leaky)).contains("V");
    }

    @Test
    void anOfflineTargetIsQueuedAndServedWhenItComesBack() {
        TestNet net = net(VouchConfig.defaults());
        net.offline("R2");
        net.action("V", VouchAudit.ACTION_VOUCH, "vouchee", "E", "targets", "R1,R2");
        net.run(Duration.ofSeconds(10));
        assertThat(net.statuses("V", "R2")).containsExactly("Selected", "Queued");
        AuditEvent queued = net.audits("V", VouchAudit.VOUCH_QUEUED).get(0);
        assertThat(java.time.Instant.parse(queued.field(VouchAudit.EXPIRES_AT)))
                .isEqualTo(java.time.Instant.parse(queued.field(VouchAudit.QUEUED_AT)).plus(Duration.ofDays(7)));
        assertThat(net.role("V").queue().size()).isEqualTo(1);
        net.run(Duration.ofHours(1));
        // Nothing was sent to R2 while it stayed offline: the worker waits for the transport to see it.
        assertThat(net.sent(VouchCodec.PROXY_PAIRING_REQUEST).stream().filter(w -> w.to().equals("R2"))).hasSize(1);
        net.online("R2");
        net.run(Duration.ofSeconds(15));
        assertThat(net.statuses("V", "R2")).containsExactly("Selected", "Queued", "Waiting", "Accepted");
        assertThat(net.role("V").queue().isEmpty()).isTrue();
        assertThat(net.audits("V", VouchAudit.VOUCH_DEQUEUED).get(0).field(VouchAudit.DEQUEUE_REASON))
                .isEqualTo("DELIVERED");
        assertThat(net.sessionStates("V")).endsWith("Completed");
        assertThat(net.accepted("E", VouchAudit.OUTCOME_PROXIED_PAIRING)).isEqualTo(2);
        // The queued vouch was signed when sent, so it was fresh on arrival.
        assertThat(net.accepted("R2", VouchAudit.OUTCOME_PROXY_PAIRING)).isEqualTo(1);
    }

    @Test
    void aTargetThatNeverAnnouncesItselfIsProbedWithBackoff() {
        TestNet net = net(VouchConfig.defaults());
        // A partition: R2 stays "online" (no transition to announce) but nothing gets through for ten minutes.
        net.drop = w -> w.to().equals("R2") || w.from().equals("R2");
        net.action("V", VouchAudit.ACTION_VOUCH, "vouchee", "E", "targets", "R2");
        net.run(Duration.ofMinutes(10));
        long probes = net.sent(VouchCodec.PRESENCE).stream().filter(w -> w.to().equals("R2")).count();
        // 10 s, 20 s, 40 s, ... : a handful in ten minutes, not one per poll.
        assertThat(probes).isBetween(3L, 7L);
        net.drop = w -> false;
        net.run(Duration.ofHours(1));
        assertThat(net.accepted("R2", VouchAudit.OUTCOME_PROXY_PAIRING)).isEqualTo(1);
        assertThat(net.statuses("V", "R2")).endsWith("Accepted");
    }

    @Test
    void aQueuedVouchExpiresAfterSevenDays() {
        TestNet net = net(VouchConfig.builder().queuePollInterval(Duration.ofMinutes(10)).build());
        net.offline("R2");
        net.action("V", VouchAudit.ACTION_VOUCH, "vouchee", "E", "targets", "R1,R2");
        net.run(Duration.ofDays(7).plusMinutes(11));
        assertThat(net.statuses("V", "R2")).endsWith("Unreachable");
        assertThat(net.rejections("V", VouchAudit.OUTCOME_VOUCH)).containsExactly("QUEUE_EXPIRED");
        assertThat(net.role("V").queue().isEmpty()).isTrue();
        assertThat(net.sessionStates("V")).endsWith("Completed");
        net.online("R2");
        net.run(Duration.ofMinutes(30));
        assertThat(net.outcomes("R2", VouchAudit.OUTCOME_PROXY_PAIRING)).isEmpty();
    }

    @Test
    void withTheExpiryMutantTheStaleVouchStillGoesOut() {
        TestNet net = net(VouchConfig.builder().queuePollInterval(Duration.ofMinutes(10)).build(),
                VouchMutant.QUEUE_IGNORES_EXPIRY);
        net.offline("R2");
        net.action("V", VouchAudit.ACTION_VOUCH, "vouchee", "E", "targets", "R2");
        net.run(Duration.ofDays(8));
        net.online("R2");
        net.run(Duration.ofMinutes(11));
        assertThat(net.accepted("R2", VouchAudit.OUTCOME_PROXY_PAIRING)).isEqualTo(1);
    }

    @Test
    void aTargetWithoutProxyPairingIsRecordedAsRejectedAfterTheResponseTimeout() {
        TestNet net = new TestNet();
        net.add("V", VouchConfig.defaults());
        net.add("E", VouchConfig.defaults());
        net.add("OLD", VouchConfig.builder().proxyPairingSupported(false).build());
        net.pair("V", "E");
        net.pair("V", "OLD");
        net.action("V", VouchAudit.ACTION_VOUCH, "vouchee", "E", "targets", "OLD");
        net.run(Duration.ofSeconds(29));
        assertThat(net.statuses("V", "OLD")).containsExactly("Selected", "Waiting");
        net.run(Duration.ofSeconds(2));
        assertThat(net.rejections("V", VouchAudit.OUTCOME_VOUCH)).containsExactly("NO_RESPONSE");
        assertThat(net.sessionStates("V")).endsWith("Completed");
        // Existing direct pairings remain unchanged.
        assertThat(net.role("OLD").pairing(DeviceId.of("V")).orElseThrow().type()).isEqualTo(PairingType.DIRECT);
    }

    @Test
    void retriesAreCountedAndExhausted() {
        TestNet net = net(VouchConfig.builder().queueMaxRetries(2).build());
        net.offline("R2");
        net.action("V", VouchAudit.ACTION_VOUCH, "vouchee", "E", "targets", "R2");
        net.run(Duration.ofSeconds(10));
        // R2 announces itself but its transport loses every request: each attempt times out.
        net.drop = w -> w.to().equals("R2") && w.message() instanceof ProxyPairingRequest;
        for (int i = 0; i < 3; i++) {
            net.online("R2");
            net.run(Duration.ofSeconds(20));
        }
        assertThat(net.audits("V", VouchAudit.VOUCH_SENT)).hasSize(3);
        assertThat(net.rejections("V", VouchAudit.OUTCOME_VOUCH)).containsExactly("QUEUE_RETRIES_EXHAUSTED");
        assertThat(net.statuses("V", "R2")).endsWith("Unreachable");
    }

    @Test
    void theQueueSurvivesACrashUnlessItIsVolatile() {
        for (boolean volatileQueue : new boolean[] {false, true}) {
            TestNet net = volatileQueue ? net(VouchConfig.defaults(), VouchMutant.VOLATILE_QUEUE)
                    : net(VouchConfig.defaults());
            net.offline("R2");
            net.action("V", VouchAudit.ACTION_VOUCH, "vouchee", "E", "targets", "R2");
            net.run(Duration.ofSeconds(10));
            net.crash("V");
            net.run(Duration.ofMinutes(5));
            net.restart("V");
            net.online("R2");
            net.run(Duration.ofSeconds(30));
            assertThat(net.accepted("R2", VouchAudit.OUTCOME_PROXY_PAIRING)).as("volatile=" + volatileQueue)
                    .isEqualTo(volatileQueue ? 0 : 1);
        }
    }

    @Test
    void theQueueIsUniqueOnSessionAndTarget() {
        TestNet net = net(VouchConfig.defaults());
        net.offline("R2");
        net.action("V", VouchAudit.ACTION_VOUCH, "vouchee", "E", "targets", "R2,R2");
        net.action("V", VouchAudit.ACTION_VOUCH, "vouchee", "E", "targets", "R2");
        net.run(Duration.ofSeconds(10));
        assertThat(net.role("V").queue().size()).isEqualTo(1);
        assertThat(net.audits("V", VouchAudit.VOUCH_QUEUED)).hasSize(1);
    }

    @Test
    void theVoucherRefusesTargetsAndVoucheesThatWouldMakeASecondHop() {
        TestNet net = net(VouchConfig.defaults());
        net.add("P", VouchConfig.defaults());
        net.add("X", VouchConfig.defaults());
        net.pairProxied("V", "P", "R1");
        net.action("V", VouchAudit.ACTION_VOUCH, "vouchee", "E", "targets", "P,E,X,V");
        assertThat(net.rejections("V", VouchAudit.OUTCOME_VOUCH)).containsExactly("TARGET_NOT_DIRECT",
                "TARGET_IS_VOUCHEE", "TARGET_NOT_PAIRED", "TARGET_NOT_PAIRED");
        net.action("V", VouchAudit.ACTION_VOUCH, "vouchee", "P", "targets", "R1");
        net.action("V", VouchAudit.ACTION_VOUCH, "vouchee", "X", "targets", "R1");
        assertThat(net.rejections("V", VouchAudit.OUTCOME_VOUCH)).endsWith("VOUCHEE_NOT_DIRECT", "VOUCHEE_NOT_PAIRED");
        assertThat(net.sent(VouchCodec.PROXY_PAIRING_REQUEST)).isEmpty();
    }

    @Test
    void propagationNeedsTheUserOrTheConfiguredSwitch() {
        for (VouchConfig cfg : List.of(VouchConfig.defaults(), VouchConfig.builder().autoVouchToAll(true).build())) {
            TestNet net = new TestNet();
            for (String d : List.of("V", "E", "R1")) {
                net.add(d, cfg);
            }
            net.pair("V", "R1");
            net.action("E", VouchAudit.ACTION_PAIR_REQUEST, "device", "V");
            net.settle();
            net.action("V", VouchAudit.ACTION_PAIR_CONFIRM, "device", "E", "code",
                    net.audits("E", VouchAudit.PAIRING_CODE_SHOWN).get(0).field(VouchAudit.CODE));
            net.run(Duration.ofSeconds(5));
            assertThat(net.accepted("R1", VouchAudit.OUTCOME_PROXY_PAIRING)).as("auto=" + cfg.autoVouchToAll())
                    .isEqualTo(cfg.autoVouchToAll() ? 1 : 0);
            if (cfg.autoVouchToAll()) {
                assertThat(net.audits("V", VouchAudit.SESSION_STARTED).get(0).field(VouchAudit.TRIGGER))
                        .isEqualTo(VouchAudit.TRIGGER_AUTO);
            }
        }
        TestNet rogue = new TestNet();
        for (String d : List.of("V", "E", "R1")) {
            rogue.add(d, VouchConfig.defaults(), VouchMutant.AUTO_PROPAGATE);
        }
        rogue.pair("V", "R1");
        rogue.action("E", VouchAudit.ACTION_PAIR_REQUEST, "device", "V");
        rogue.settle();
        rogue.action("V", VouchAudit.ACTION_PAIR_CONFIRM, "device", "E", "code",
                rogue.audits("E", VouchAudit.PAIRING_CODE_SHOWN).get(0).field(VouchAudit.CODE));
        rogue.run(Duration.ofSeconds(5));
        assertThat(rogue.accepted("R1", VouchAudit.OUTCOME_PROXY_PAIRING)).isEqualTo(1);
    }

    @Test
    void badAndUnexpectedResponsesAreIgnored() {
        TestNet net = net(VouchConfig.defaults());
        net.offline("R1");
        net.action("V", VouchAudit.ACTION_VOUCH, "vouchee", "E", "targets", "R1");
        String session = net.role("V").sessions().keySet().iterator().next();
        net.inject("R1", "V", new ProxyPairingResponse(session, DeviceId.of("R1"), true, "", new byte[0],
                new byte[64]));
        net.inject("R1", "V", new ProxyPairingResponse("s-nope", DeviceId.of("R1"), true, "", new byte[0],
                new byte[64]));
        List<String> reasons = net.audits("V", VouchAudit.RESPONSE_IGNORED).stream().map(AuditEvent::reason).toList();
        assertThat(reasons).containsExactly("RESPONSE_SIGNATURE_INVALID", "RESPONSE_UNEXPECTED");
        assertThat(net.statuses("V", "R1")).containsExactly("Selected");
    }

    @Test
    void neverCompletesMutantLeavesTheSessionInProgress() {
        TestNet net = net(VouchConfig.defaults(), VouchMutant.NEVER_COMPLETES);
        net.action("V", VouchAudit.ACTION_VOUCH, "vouchee", "E", "targets", "R1");
        net.run(Duration.ofSeconds(5));
        assertThat(net.statuses("V", "R1")).endsWith("Accepted");
        assertThat(net.sessionStates("V")).doesNotContain("Completed");
        assertThat(net.sent(VouchCodec.PROXY_PAIRING_COMPLETE)).isEmpty();
    }

    @Test
    void unpairingTheVoucherRevokesQueuedVouchesAndFlagsAcceptedOnes() {
        TestNet net = net(VouchConfig.defaults());
        net.offline("R2");
        net.action("V", VouchAudit.ACTION_VOUCH, "vouchee", "E", "targets", "R1,R2");
        net.run(Duration.ofSeconds(10));
        assertThat(net.role("R1").pairing(DeviceId.of("E"))).isPresent();
        // R1 has accepted; R2 is still queued. The user now unpairs the voucher on the vouchee.
        net.action("E", VouchAudit.ACTION_UNPAIR, "device", "V");
        net.run(Duration.ofSeconds(1));
        assertThat(net.rejections("V", VouchAudit.OUTCOME_VOUCH)).containsExactly("VOUCH_REVOKED");
        assertThat(net.role("V").queue().isEmpty()).isTrue();
        assertThat(net.sessionStates("V")).endsWith("Completed");
        assertThat(net.sent(VouchCodec.PROXY_PAIRING_COMPLETE)).isEmpty();
        // And R1, whose proxied pairing rests on V, unpairs V too: the pairing stays, flagged for review.
        net.action("R1", VouchAudit.ACTION_UNPAIR, "device", "V");
        assertThat(net.role("R1").pairing(DeviceId.of("E")).orElseThrow().flagged()).isTrue();
        assertThat(net.audits("R1", VouchAudit.PROXIED_PAIRING_FLAGGED).get(0).reason()).isEqualTo("VOUCHER_UNPAIRED");
        net.online("R2");
        net.run(Duration.ofSeconds(30));
        assertThat(net.outcomes("R2", VouchAudit.OUTCOME_PROXY_PAIRING)).isEmpty();
    }

    @Test
    void unpairNoticesMustBeSignedByAPairedDevice() {
        TestNet net = net(VouchConfig.defaults());
        net.inject("R1", "V", new VouchMessage.Unpair(DeviceId.of("R1"), DeviceId.of("V"), 0, new byte[64]));
        net.inject("X", "V", new VouchMessage.Unpair(DeviceId.of("X"), DeviceId.of("V"), 0, new byte[64]));
        List<String> reasons = net.audits("V", VouchAudit.UNPAIR_REJECTED).stream().map(AuditEvent::reason).toList();
        assertThat(reasons).containsExactly("UNPAIR_SIGNATURE_INVALID", "UNPAIR_UNKNOWN_DEVICE");
        assertThat(net.role("V").pairing(DeviceId.of("R1"))).isPresent();
        net.action("V", VouchAudit.ACTION_UNPAIR, "device", "R1");
        net.settle();
        assertThat(net.role("R1").pairing(DeviceId.of("V"))).isEmpty();
    }

    @Test
    void aVouchWithdrawnInFlightIsRevokedAndTheRacingAcceptanceFlagged() {
        TestNet net = net(VouchConfig.defaults());
        // The vouch and the vouchee's Unpair leave at the same instant: R1 accepts before V can tell it.
        net.action("V", VouchAudit.ACTION_VOUCH, "vouchee", "E", "targets", "R1");
        net.action("E", VouchAudit.ACTION_UNPAIR, "device", "V");
        net.run(Duration.ofSeconds(5));
        assertThat(net.rejections("V", VouchAudit.OUTCOME_VOUCH)).containsExactly("VOUCH_REVOKED");
        assertThat(net.accepted("R1", VouchAudit.OUTCOME_PROXY_PAIRING)).isEqualTo(1);
        // Sent on withdrawal (the request was in flight) and again on R1's accepting answer.
        assertThat(net.audits("V", VouchAudit.REVOCATION_SENT)).extracting(a -> a.fields().get("why"))
                .containsExactly("withdrawn", "accepted-after-withdrawal");
        assertThat(net.sent(VouchCodec.PROXY_PAIRING_REVOKED)).hasSize(2);
        assertThat(net.role("R1").pairing(DeviceId.of("E")).orElseThrow().flagged()).isTrue();
        assertThat(net.audits("R1", VouchAudit.PROXIED_PAIRING_FLAGGED)).extracting(AuditEvent::reason)
                .containsExactly("VOUCH_REVOKED");
        assertThat(net.audits("R1", VouchAudit.REVOCATION_REJECTED)).isEmpty();
    }

    @Test
    void noRevocationNoticeMutantLeavesTheRacingAcceptanceUnflagged() {
        TestNet net = net(VouchConfig.defaults(), VouchMutant.NO_REVOCATION_NOTICE);
        net.action("V", VouchAudit.ACTION_VOUCH, "vouchee", "E", "targets", "R1");
        net.action("E", VouchAudit.ACTION_UNPAIR, "device", "V");
        net.run(Duration.ofSeconds(5));
        assertThat(net.sent(VouchCodec.PROXY_PAIRING_REVOKED)).isEmpty();
        assertThat(net.role("R1").pairing(DeviceId.of("E")).orElseThrow().flagged()).isFalse();
    }

    @Test
    void aRevocationDropsThePendingPrompt() {
        TestNet net = net(VouchConfig.builder().autoAcceptVouched(false).build());
        net.action("V", VouchAudit.ACTION_VOUCH, "vouchee", "E", "targets", "R1");
        net.run(Duration.ofSeconds(1));
        assertThat(net.audits("R1", VouchAudit.CONFIRMATION_REQUIRED)).hasSize(1);
        net.action("E", VouchAudit.ACTION_UNPAIR, "device", "V");
        net.run(Duration.ofSeconds(1));
        assertThat(net.rejections("R1", VouchAudit.OUTCOME_PROXY_PAIRING)).containsExactly("VOUCH_REVOKED");
        net.action("R1", VouchAudit.ACTION_PROXY_ACCEPT, "vouchee", "E");
        assertThat(net.rejections("R1", VouchAudit.OUTCOME_PROXY_PAIRING))
                .containsExactly("VOUCH_REVOKED", "NO_PENDING_PROMPT");
        assertThat(net.role("R1").pairing(DeviceId.of("E"))).isEmpty();
    }

    @Test
    void revocationsMustComeSignedFromADirectlyPairedVoucher() {
        TestNet net = net(VouchConfig.defaults());
        net.add("X", VouchConfig.defaults());
        net.pairProxied("R1", "X", "R2");
        DeviceId v = DeviceId.of("V");
        DeviceId e = DeviceId.of("E");
        DeviceId r1 = DeviceId.of("R1");
        String why = "VOUCH_REVOKED";
        byte[] byV = net.node("V").keys.ed25519(0).sign(VouchPayloads.revoked("s-x", v, e, why, r1));
        // Bad signature; signed by V for another target (redirected); a voucher R1 is not paired with; a voucher R1
        // knows only as Proxied; and a valid one for a vouch that left nothing at R1.
        net.inject("V", "R1", new VouchMessage.ProxyPairingRevoked("s-x", v, e, why, new byte[64]));
        net.inject("V", "R1", new VouchMessage.ProxyPairingRevoked("s-x", v, e, why,
                net.node("V").keys.ed25519(0).sign(VouchPayloads.revoked("s-x", v, e, why, DeviceId.of("R2")))));
        net.inject("Z", "R1", new VouchMessage.ProxyPairingRevoked("s-x", DeviceId.of("Z"), e, why, byV));
        net.inject("X", "R1", new VouchMessage.ProxyPairingRevoked("s-x", DeviceId.of("X"), e, why, byV));
        net.inject("V", "R1", new VouchMessage.ProxyPairingRevoked("s-x", v, e, why, byV));
        assertThat(net.audits("R1", VouchAudit.REVOCATION_REJECTED)).extracting(AuditEvent::reason).containsExactly(
                "REVOCATION_SIGNATURE_INVALID", "REVOCATION_SIGNATURE_INVALID", "REVOCATION_VOUCHER_NOT_PAIRED",
                "REVOCATION_VOUCHER_NOT_DIRECT", "REVOCATION_UNMATCHED");
        assertThat(net.audits("R1", VouchAudit.PROXIED_PAIRING_FLAGGED)).isEmpty();
    }

    @Test
    void aForgedRevocationLeavesAnAcceptedPairingAlone() {
        TestNet net = net(VouchConfig.defaults());
        net.action("V", VouchAudit.ACTION_VOUCH, "vouchee", "E", "targets", "R1");
        net.run(Duration.ofSeconds(5));
        String session = net.role("R1").pairing(DeviceId.of("E")).orElseThrow().sessionId();
        net.inject("V", "R1", new VouchMessage.ProxyPairingRevoked(session, DeviceId.of("V"), DeviceId.of("E"),
                "VOUCH_REVOKED", new byte[64]));
        assertThat(net.role("R1").pairing(DeviceId.of("E")).orElseThrow().flagged()).isFalse();
        assertThat(net.audits("R1", VouchAudit.REVOCATION_REJECTED)).extracting(AuditEvent::reason)
                .containsExactly("REVOCATION_SIGNATURE_INVALID");
    }

    @Test
    void aTrustChangeIsAudited() {
        TestNet net = net(VouchConfig.defaults());
        net.action("R1", VouchAudit.ACTION_TRUST, "device", "V", "level", "blocked");
        assertThat(net.role("R1").pairing(DeviceId.of("V")).orElseThrow().trust()).isEqualTo(TrustLevel.BLOCKED);
        net.action("V", VouchAudit.ACTION_VOUCH, "vouchee", "E", "targets", "R1");
        net.run(Duration.ofSeconds(2));
        assertThat(net.rejections("R1", VouchAudit.OUTCOME_PROXY_PAIRING)).containsExactly("VOUCHER_BLOCKED");
        assertThat(net.rejections("V", VouchAudit.OUTCOME_VOUCH)).containsExactly("VOUCHER_BLOCKED");
    }
}
