package org.trustlab.reference.autojoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trustlab.reference.autojoin.AutoJoinTestSupport.assertRejected;
import static org.trustlab.reference.autojoin.World.LAPTOP;
import static org.trustlab.reference.autojoin.World.PHONE;
import static org.trustlab.reference.autojoin.World.TABLET;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trustlab.reference.core.AuditEvent;
import org.trustlab.reference.core.CoreReason;

/** What a user does on a device: revoke a grant, forget a key, rotate the device key; and what a role refuses. */
class UserActionsTest {
    private static final String AUTO = AutoJoinMessage.AUTO_JOIN;
    private static final String MANUAL = AutoJoinMessage.MANUAL_JOIN;

    @Test
    void revokingAGrantByDeviceNameMarksItRevokedAndTheNextAutoJoinIsRefused() {
        World w = new World();
        TestNet net = w.build();
        net.act(LAPTOP, "revoke-grant", Map.of("client", PHONE));

        AuditEvent revoked = net.node(LAPTOP).audits("grant-revoked").get(0);
        assertThat(revoked.fields()).containsEntry("grant-trusted-client", w.id(PHONE).clientId().value())
                .containsEntry("grant-revoked", "true")
                .containsEntry("revoked-at", TestNet.T0.toString());
        assertThat(w.laptop().grants().forClient(w.id(PHONE).clientId())).get()
                .extracting(TrustedDeviceGrant::revoked).isEqualTo(true);

        w.autoJoin(PHONE, "S1", LAPTOP);
        net.run();
        assertRejected(net.node(LAPTOP), AUTO, AutoJoinReason.GRANT_REVOKED);
    }

    @Test
    void revokingAGrantByClientIdWorksLikeByName() {
        World w = new World();
        TestNet net = w.build();
        net.act(LAPTOP, "revoke-grant", Map.of("client", w.id(PHONE).clientId().value()));
        assertThat(net.node(LAPTOP).audits("grant-revoked")).hasSize(1);
        assertThat(w.laptop().grants().forClient(w.id(PHONE).clientId()).orElseThrow().revoked()).isTrue();
    }

    @Test
    void revokingAGrantThatDoesNotExistIsRefusedAsMissing() {
        World w = new World();
        w.phoneGrant = false;
        TestNet net = w.build();
        net.act(LAPTOP, "revoke-grant", Map.of("client", PHONE));
        net.act(LAPTOP, "revoke-grant", Map.of("client", "nobody"));
        net.act(LAPTOP, "revoke-grant", Map.of());

        assertThat(net.node(LAPTOP).audits("grant-revoked")).isEmpty();
        assertThat(net.node(LAPTOP).audits("grant-revocation-failed")).hasSize(3)
                .allMatch(a -> AutoJoinReason.GRANT_MISSING.code().equals(a.reason()));
        assertThat(net.node(LAPTOP).audits("grant-revocation-failed").get(0).fields())
                .containsEntry("client", PHONE);
    }

    @Test
    void forgettingAKeyForgetsThatClientOnlyAndEndsMutualTrust() {
        World w = new World();
        TestNet net = w.build();
        net.act(LAPTOP, "forget-key", Map.of("client", PHONE));

        assertThat(net.node(LAPTOP).audits("trusted-key-forgotten").get(0).fields())
                .containsEntry("client", w.id(PHONE).clientId().value());
        assertThat(w.laptop().trustedKeys().newest(w.id(PHONE).clientId())).isEmpty();
        assertThat(w.laptop().trustedKeys().newest(w.id(TABLET).clientId())).isPresent();

        w.autoJoin(PHONE, "S1", LAPTOP);
        net.run();
        assertRejected(net.node(LAPTOP), AUTO, AutoJoinReason.NOT_MUTUALLY_TRUSTED);
        w.autoJoin(TABLET, "S1", LAPTOP, "auto-synchronize");
        net.run();
        AutoJoinTestSupport.assertAccepted(net.node(LAPTOP), AUTO);
    }

    @Test
    void forgettingAnUnknownNameForgetsNothingAndSaysWhatWasAskedFor() {
        World w = new World();
        TestNet net = w.build();
        net.act(LAPTOP, "forget-key", Map.of("client", "nobody"));
        assertThat(net.node(LAPTOP).audits("trusted-key-forgotten").get(0).fields()).containsEntry("client", "nobody");
        assertThat(w.laptop().trustedKeys().all()).hasSize(2);
    }

    @Test
    void validatorKeyRotationStepsTheGenerationOrSetsTheOneAskedFor() {
        World w = new World();
        TestNet net = w.build();
        net.act(LAPTOP, "rotate-key", Map.of());
        assertThat(net.node(LAPTOP).audits("key-rotated").get(0).fields()).containsEntry("generation", "1")
                .containsEntry("key-fingerprint", w.id(LAPTOP, 1).fingerprint());
        net.act(LAPTOP, "rotate-key", Map.of("generation", "5"));
        assertThat(net.node(LAPTOP).audits("key-rotated").get(1).fields()).containsEntry("generation", "5")
                .containsEntry("key-fingerprint", w.id(LAPTOP, 5).fingerprint());
        assertThat(w.laptop().identity(net.node(LAPTOP)).keyGeneration()).isEqualTo(5);
    }

    @Test
    void requesterKeyRotationStepsTheGenerationOrSetsTheOneAskedFor() {
        World w = new World();
        TestNet net = w.build();
        net.act(PHONE, "rotate-key", Map.of());
        assertThat(net.node(PHONE).audits("key-rotated").get(0).fields()).containsEntry("generation", "1")
                .containsEntry("key-fingerprint", w.id(PHONE, 1).fingerprint());
        net.act(PHONE, "rotate-key", Map.of("generation", "3"));
        assertThat(net.node(PHONE).audits("key-rotated").get(1).fields()).containsEntry("generation", "3");
        assertThat(w.phone().identity(net.node(PHONE)).keyGeneration()).isEqualTo(3);
    }

    @Test
    void actionsARoleDoesNotKnowAreRefusedByName() {
        World w = new World();
        TestNet net = w.build();
        net.act(LAPTOP, "auto-join", Map.of("session", "S1"));
        net.act(PHONE, "revoke-grant", Map.of("client", LAPTOP));
        for (String device : new String[] {LAPTOP, PHONE}) {
            assertThat(net.node(device).audits("user-action-ignored")).singleElement()
                    .matches(a -> CoreReason.UNKNOWN_ACTION.code().equals(a.reason()));
        }
        assertThat(net.inflight).isEmpty();
    }

    @Test
    void aJoinWithoutSessionOrPasswordIsRefusedLocallyAndSendsNothing() {
        World w = new World();
        TestNet net = w.build();
        net.act(PHONE, "join", Map.of("session", "S1"));
        assertRejected(net.node(PHONE), MANUAL, AutoJoinReason.MALFORMED);
        net.act(PHONE, "join", Map.of("password", World.PASSWORD));
        assertThat(net.node(PHONE).outcomes(MANUAL)).hasSize(2);
        assertThat(net.inflight).isEmpty();
    }

    @Test
    void aJoinWithNeitherServerNorValidatorIsRefusedLocally() {
        World w = new World();
        TestNet net = new TestNet();
        net.add(PHONE, new AutoJoinRequester(w.requester(PHONE).withServer(Optional.empty())));
        net.act(PHONE, "join", Map.of("session", "S1", "password", World.PASSWORD));
        assertRejected(net.node(PHONE), MANUAL, AutoJoinReason.MALFORMED);
        assertThat(net.inflight).isEmpty();

        net.act(PHONE, "join", Map.of("session", "S1", "password", World.PASSWORD, "validator", LAPTOP));
        assertThat(net.inflight).singleElement().matches(e -> e.to().equals(LAPTOP));
    }

    @Test
    void anAutoJoinNamingAnUnknownValidatorOrPurposeIsRefusedLocally() {
        World w = new World();
        TestNet net = w.build();
        w.autoJoin(PHONE, "S1", "nobody");
        w.autoJoin(PHONE, "S1", LAPTOP, "take-over");
        net.act(PHONE, "auto-join", Map.of("validator", LAPTOP));
        assertThat(net.node(PHONE).outcomes(AUTO)).hasSize(3)
                .allMatch(o -> o instanceof org.trustlab.reference.core.Outcome.Rejected r
                        && r.reason().equals(AutoJoinReason.MALFORMED.code()));
        assertThat(net.inflight).isEmpty();
    }
}
