package org.trustlab.model.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.trustlab.model.term.Terms.aenc;
import static org.trustlab.model.term.Terms.pk;
import static org.trustlab.model.term.Terms.tuple;

import org.junit.jupiter.api.Test;
import org.trustlab.model.term.Agent;
import org.trustlab.model.term.Nonce;
import org.trustlab.model.term.Var;

class RoleTest {
    private static final Var A = Var.agent("A");
    private static final Var B = Var.agent("B");
    private static final Var N = Var.nonce("N");

    @Test
    void refusesToSendOrClaimWhatIsNotBoundYet() {
        assertThatThrownBy(() -> Role.named("R", A).send("m", aenc(pk(B), N)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("?B");
        assertThatThrownBy(() -> Role.named("R", A).commit("c", A, B, N))
                .isInstanceOf(IllegalStateException.class);
        Role ok = Role.named("R", A).recv("m", aenc(pk(A), tuple(N, B))).commit("c", A, B, N).build();
        assertThat(ok.actions()).hasSize(2);
    }

    @Test
    void freshAndChooseAreTyped() {
        assertThatThrownBy(() -> Role.named("R", A).fresh(B)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Role.named("R", A).choose(N, b -> true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Role.named("R", A).require("x", b -> true, N))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown");
    }

    @Test
    void runsMustBindEveryParameterWithAValueOfItsSort() {
        Role r = Role.named("R", A, B).fresh(N).send("m", aenc(pk(B), tuple(N, A))).build();
        Run partial = Run.of(r, new Agent("x"));
        assertThat(partial.complete()).isFalse();
        assertThatThrownBy(() -> Model.builder("m").run(partial)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> partial.with(B, new Nonce("n"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(partial.with(B, new Agent("y")).complete()).isTrue();
    }

    @Test
    void aRoleStopsMatteringAfterItsLastSendOrClaim() {
        Role r = Role.named("R", A).recv("m1", aenc(pk(A), N)).send("m2", N).recv("m3", aenc(pk(A), N)).build();
        assertThat(r.effectiveFrom(0)).isTrue();
        assertThat(r.effectiveFrom(1)).isTrue();
        assertThat(r.effectiveFrom(2)).isFalse();
    }
}
