package org.trustlab.properties.autojoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trustlab.properties.autojoin.AutoJoinFixtures.world;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.trustlab.properties.invariant.Invariant;
import org.trustlab.properties.invariant.SyntheticTrace;
import org.trustlab.properties.invariant.Violation;
import org.trustlab.simulator.trace.Trace;

/**
 * Freshness and grant validity on hand-built traces: each fires on the world's facts even when the validator's
 * own audit says everything was fine, and each exemption excuses only what it names.
 */
class AutoJoinWorldInvariantsTest {
    private static SyntheticTrace issued(SyntheticTrace b, String at) {
        return b.audit("laptop", AutoJoinTrace.ISSUED, "nonce", "n1", "session", "S1", "requester", "C-phone",
                "target", "C-laptop", "purpose", "auto-join", "issued-at", at,
                // The validator's own word, which the invariants must not believe: a twenty-fold lifetime.
                "expires-at", "1970-01-01T00:10:00Z", "local-time", at);
    }

    private static SyntheticTrace accepted(SyntheticTrace b, String at, String verifiedKey) {
        return b.audit("laptop", AutoJoinTrace.ACCEPTED, "nonce", "n1", "session", "S1", "requester", "C-phone",
                "target", "C-laptop", "purpose", "auto-join", "verified-key-fingerprint", verifiedKey,
                // The validator's audit claims a ten-minute tolerance and a fine grant: neither may excuse anything.
                "skew-tolerance", "PT10M", "grant-present", "true", "grant-expires", "2000-01-01T00:00:00Z",
                "local-time", at);
    }

    private static List<Violation> check(Invariant i, Trace t) {
        return i.check(t);
    }

    @Nested
    class Freshness {
        private final Invariant freshness = new AutoJoinInvariants.Freshness();

        @Test
        void firesPastTheConfiguredLifetimeAndToleranceWhateverTheValidatorSigned() {
            Trace t = accepted(issued(world(), "1970-01-01T00:00:01Z"), "1970-01-01T00:01:00Z", "pk0").build();
            assertThat(check(freshness, t)).singleElement().satisfies(v ->
                    assertThat(v.message()).contains("configured lifetime PT30S").contains("PT2S"));
        }

        @Test
        void holdsUpToTheLastInstantOfTheToleranceAndNotOneMillisecondAfter() {
            Trace edge = accepted(issued(world(), "1970-01-01T00:00:01Z"), "1970-01-01T00:00:33Z", "pk0").build();
            assertThat(check(freshness, edge)).isEmpty();
            Trace past = accepted(issued(world(), "1970-01-01T00:00:01Z"), "1970-01-01T00:00:33.001Z", "pk0")
                    .build();
            assertThat(check(freshness, past)).hasSize(1);
        }

        @Test
        void firesOnAChallengeTheValidatorNeverIssuedAndWithoutConfiguredLimits() {
            Trace never = accepted(world(), "1970-01-01T00:00:02Z", "pk0").build();
            assertThat(check(freshness, never)).singleElement().satisfies(v ->
                    assertThat(v.message()).contains("never issued"));
            SyntheticTrace noLimits = new SyntheticTrace();
            Trace unconfigured = accepted(issued(noLimits, "1970-01-01T00:00:01Z"), "1970-01-01T00:00:02Z", "pk0")
                    .build();
            assertThat(check(freshness, unconfigured)).singleElement().satisfies(v ->
                    assertThat(v.message()).contains("without configured limits"));
        }
    }

    @Nested
    class GrantValidity {
        private final Invariant validity = new AutoJoinInvariants.GrantValidity();

        private Trace acceptAfter(SyntheticTrace b) {
            return accepted(issued(b, "1970-01-01T00:00:01Z"), "1970-01-01T00:00:02Z", "pk0").build();
        }

        @Test
        void holdsUnderAStandingGrantForTheVerifiedKey() {
            assertThat(check(validity, acceptAfter(world()))).isEmpty();
        }

        @Test
        void firesAfterTheValidatorRotatedItsOwnKey() {
            Trace t = acceptAfter(world().fact("key-rotated", "device", "laptop", "key-generation", "1",
                    "key-fingerprint", "lk1"));
            assertThat(check(validity, t)).singleElement().satisfies(v ->
                    assertThat(v.message()).contains("made under key lk0").contains("now lk1"));
        }

        @Test
        void aRotationOfAnotherDeviceDoesNotVoidTheGrant() {
            Trace t = acceptAfter(world().fact("key-rotated", "device", "desktop", "key-generation", "1",
                    "key-fingerprint", "dk1"));
            assertThat(check(validity, t)).isEmpty();
        }

        @Test
        void firesAfterTheUserRevokedTheGrantOrForgotTheKeyButNotForAnotherClient() {
            assertThat(check(validity, acceptAfter(world().fact("grant-revoked", "owner", "laptop",
                    "trusted-client", "C-phone")))).singleElement().satisfies(v ->
                            assertThat(v.message()).contains("revoked"));
            assertThat(check(validity, acceptAfter(world().fact("trusted-key-forgotten", "owner", "laptop",
                    "trusted-client", "C-phone")))).hasSize(1);
            assertThat(check(validity, acceptAfter(world().fact("grant-revoked", "owner", "laptop",
                    "trusted-client", "C-tablet")))).isEmpty();
        }

        @Test
        void aGrantMadeAgainAfterARevocationStandsAgain() {
            SyntheticTrace b = world().fact("grant-revoked", "owner", "laptop", "trusted-client", "C-phone")
                    .audit("laptop", AutoJoinTrace.GRANT_CREATED, "grant-trusted-client", "C-phone",
                            "grant-owner-key-fingerprint", "lk0", "grant-key-fingerprint", "pk0",
                            "grant-scope", "AutoJoin", "grant-expires", "1970-01-31T00:00:00Z");
            assertThat(check(validity, acceptAfter(b))).isEmpty();
        }

        @Test
        void firesWithoutAnyGrantWhateverTheValidatorsAuditSays() {
            SyntheticTrace b = new SyntheticTrace()
                    .fact("identity", "device", "laptop", "role", "validator", "client", "C-laptop",
                            "key-generation", "0", "key-fingerprint", "lk0");
            assertThat(check(validity, acceptAfter(b))).singleElement().satisfies(v ->
                    assertThat(v.message()).endsWith("no grant"));
        }

        @Test
        void firesForAnExpiredGrantANarrowScopeAndAnotherVerifiedKey() {
            SyntheticTrace expired = new SyntheticTrace().fact("identity", "device", "laptop", "role", "validator",
                    "client", "C-laptop", "key-generation", "0", "key-fingerprint", "lk0")
                    .fact("grant", "owner", "laptop", "owner-client", "C-laptop", "owner-key-fingerprint", "lk0",
                            "trusted-client", "C-phone", "trusted-key-fingerprint", "pk0", "scope", "AutoJoin",
                            "created", "1969-12-31T00:00:00Z", "expires", "1970-01-01T00:00:02Z", "revoked",
                            "false");
            assertThat(check(validity, acceptAfter(expired))).singleElement().satisfies(v ->
                    assertThat(v.message()).contains("expired"));
            Trace otherKey = accepted(issued(world(), "1970-01-01T00:00:01Z"), "1970-01-01T00:00:02Z", "mallory")
                    .build();
            assertThat(check(validity, otherKey)).singleElement().satisfies(v ->
                    assertThat(v.message()).contains("the grant binds pk0"));
            Trace synchronize = world().audit("laptop", AutoJoinTrace.ACCEPTED, "nonce", "n1", "session", "S1",
                    "requester", "C-phone", "purpose", "auto-synchronize", "verified-key-fingerprint", "pk0",
                    "local-time", "1970-01-01T00:00:02Z").build();
            assertThat(check(validity, synchronize)).singleElement().satisfies(v ->
                    assertThat(v.message()).contains("does not cover auto-synchronize"));
        }
    }

    @Nested
    class PasswordSecrecy {
        private final Invariant secrecy = new AutoJoinInvariants.PasswordSecrecy();

        /** S1's members by the world: the laptop alone. */
        private SyntheticTrace session() {
            return world().fact("session", "session", "S1", "members", "laptop");
        }

        private SyntheticTrace learned(SyntheticTrace b, String msgId) {
            return b.attacker("learned", "kind", "session-password", "about", "session S1", "msg-id", msgId);
        }

        /** {@code node} sends the manual join's password message {@code msgId}. */
        private SyntheticTrace sent(SyntheticTrace b, String node, String msgId) {
            return b.add(node, org.trustlab.simulator.trace.TraceEvent.Kind.SEND,
                    "trustlab/autojoin/AskJoinCloudSessionParameters/v1", "to", "server", "msg-id", msgId);
        }

        @Test
        void firesWhenTheAttackerLearnsThePasswordFromAnHonestRequestersMessageAndNamesTheMembers() {
            assertThat(check(secrecy, learned(sent(session(), "phone", "m1"), "m1").build())).singleElement()
                    .satisfies(v -> assertThat(v.message()).contains("password of session S1")
                            .contains("members: laptop"));
        }

        @Test
        void holdsWhenNothingIsLearnedAndJudgesOnlyThePasswordKind() {
            assertThat(check(secrecy, sent(session(), "phone", "m1").build())).isEmpty();
            assertThat(check(secrecy, sent(session(), "phone", "m1").attacker("learned", "kind", "session-key",
                    "fingerprint", "sk1", "msg-id", "m1").build())).isEmpty();
        }

        @Test
        void aMembersKeysHeldBeforehandExcuseTheLeakButNotAfterwardsOrANonMembersKeys() {
            SyntheticTrace member = session().attacker("compromise", "device", "laptop", "generation", "0");
            assertThat(check(secrecy, learned(sent(member, "phone", "m1"), "m1").build())).isEmpty();
            SyntheticTrace late = learned(sent(session(), "phone", "m1"), "m1").attacker("compromise", "device",
                    "laptop", "generation", "0");
            assertThat(check(secrecy, late.build())).hasSize(1);
            SyntheticTrace nonMember = session().attacker("compromise", "device", "phone", "generation", "0");
            assertThat(check(secrecy, learned(sent(nonMember, "phone", "m1"), "m1").build())).hasSize(1);
        }

        @Test
        void aPasswordTypedOnADeviceTheAttackerControlsIsItsOwnButOnlyForThatMessage() {
            SyntheticTrace typed = session().attacker("controls", "device", "mallory");
            assertThat(check(secrecy, learned(sent(typed, "mallory", "m1"), "m1").build())).isEmpty();
            SyntheticTrace other = sent(session().attacker("controls", "device", "mallory"), "mallory", "m1");
            assertThat(check(secrecy, learned(sent(other, "phone", "m2"), "m2").build())).hasSize(1);
        }
    }
}
