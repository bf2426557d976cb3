package org.trustlab.reference.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a role does by default, and how outputs combine: the contract every protocol's roles build on. */
class RoleDefaultsAndOutputsTest {

    /** A role that overrides nothing it need not. */
    private static final class Bare implements Role<String> {
        @Override
        public Outputs<String> onMessage(DeviceId from, String message, Env env) {
            return Outputs.none();
        }

        @Override
        public Outputs<String> onTimer(TimerId timer, Env env) {
            return Outputs.none();
        }

        @Override
        public void onCrash() {}
    }

    @Test
    void byDefaultComingOnlineOrRestartingDoesNothing() {
        Bare role = new Bare();
        assertThat(role.onOnline(null).isEmpty()).isTrue();
        assertThat(role.onRestart(null).isEmpty()).isTrue();
    }

    @Test
    void byDefaultUndecodableBytesAndUnknownActionsAreRejectionsOnTheRecord() {
        Bare role = new Bare();
        Outputs<String> malformed = role.onMalformed(DeviceId.of("mallory"), "TRUNCATED", "3 bytes", null);
        assertThat(malformed.sends()).isEmpty();
        assertThat(malformed.audit()).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo("message-rejected");
            assertThat(a.reason()).isEqualTo("MALFORMED");
            assertThat(a.fields()).containsEntry("from", "mallory").containsEntry("decode-error", "TRUNCATED");
        });
        Outputs<String> unknown = role.onUserAction(UserAction.of("dance"), null);
        assertThat(unknown.audit()).singleElement().satisfies(a -> {
            assertThat(a.reason()).isEqualTo(CoreReason.UNKNOWN_ACTION.code()).isEqualTo("UNKNOWN_ACTION");
            assertThat(a.fields()).containsEntry("action", "dance");
        });
    }

    @Test
    void aUserActionOfANameHasNoArguments() {
        UserAction a = UserAction.of("confirm");
        assertThat(a.name()).isEqualTo("confirm");
        assertThat(a.args()).isEmpty();
    }

    @Test
    void aDeviceIdPrintsAsItsName() {
        assertThat(DeviceId.of("phone")).hasToString("phone");
    }

    @Test
    void outputsAreEmptyOnlyWithoutSendsTimersAuditAndOutcomes() {
        assertThat(Outputs.<String>none().isEmpty()).isTrue();
        assertThat(Outputs.<String>builder().build().isEmpty()).isTrue();
        DeviceId to = DeviceId.of("b");
        assertThat(Outputs.<String>builder().send(to, "m").build().isEmpty()).isFalse();
        assertThat(Outputs.<String>builder().cancelTimer(new TimerId("t")).build().isEmpty()).isFalse();
        assertThat(Outputs.<String>builder().audit(AuditEvent.of("x", Map.of())).build().isEmpty()).isFalse();
        Outputs<String> rejected = new Bare().onMalformed(to, "EMPTY", "", null);
        assertThat(new Outputs<String>(List.of(), List.of(), List.of(), List.of(Outcome.rejected("k",
                CoreReason.MALFORMED, Map.of()))).isEmpty()).isFalse();
        assertThat(rejected.isEmpty()).isFalse();
    }

    @Test
    void timersChainAndAndThenKeepsEachListInOrder() {
        TimerId t = new TimerId("t");
        Outputs<String> first = Outputs.<String>builder().setTimer(t, Duration.ofSeconds(5)).cancelTimer(t)
                .send(DeviceId.of("a"), "1").build();
        Outputs<String> second = Outputs.<String>builder().send(DeviceId.of("b"), "2").build();
        Outputs<String> both = first.andThen(second);
        assertThat(both.timers()).containsExactly(new Outputs.SetTimer(t, Duration.ofSeconds(5)),
                new Outputs.CancelTimer(t));
        assertThat(both.sends()).extracting(Outputs.Send::message).containsExactly("1", "2");
    }
}
