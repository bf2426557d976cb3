package org.trustlab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.trustlab.model.autojoin.AutoJoinModel;
import org.trustlab.model.autojoin.AutoJoinModelMutant;

class ProtocolModelsTest {
    @Test
    void knowsTheTextbookModelsByName() {
        assertThat(ProtocolModels.textbook()).extracting(ProtocolModel::name)
                .containsExactly("needham-schroeder", "needham-schroeder-lowe");
        assertThat(ProtocolModels.textbook().get(0).mutants()).isEmpty();
    }

    @Test
    void buildsMutantsByNameAndRefusesUnknownOnesAndBadBounds() {
        ProtocolModel autojoin = ProtocolModels.of("autojoin", "test", AutoJoinModel.DEFAULT_SESSIONS,
                AutoJoinModelMutant.class, AutoJoinModel::model);
        assertThat(autojoin.mutants()).containsExactly("no-nonce", "nonce-not-bound-to-session", "no-expiry",
                "no-grant-recheck", "grant-scope-ignored", "session-key-to-presented-key",
                "requester-signs-any-challenge", "grants-never-found");
        assertThat(autojoin.build(1, "no-expiry").name()).isEqualTo("autojoin/no-expiry");
        assertThat(autojoin.build(2, null).name()).isEqualTo("autojoin");
        assertThat(autojoin.breaks("no-nonce")).isEqualTo("injective-agreement(auto-join)");
        assertThatThrownBy(() -> autojoin.build(1, "no-such")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> autojoin.build(0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> autojoin.breaks("no-such")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProtocolModels.textbook().get(0).build(1, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
