package org.trustlab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProtocolModelsTest {
    @Test
    void knowsEveryModelByName() {
        assertThat(ProtocolModels.all()).extracting(ProtocolModel::name)
                .containsExactly("autojoin", "vouch", "vouch-spacedrive", "needham-schroeder",
                        "needham-schroeder-lowe");
        assertThat(ProtocolModels.byName("autojoin").orElseThrow().mutants())
                .containsExactly("no-nonce", "nonce-not-bound-to-session", "no-expiry", "no-grant-recheck",
                        "grant-scope-ignored", "session-key-to-presented-key", "requester-signs-any-challenge",
                        "grants-never-found");
        assertThat(ProtocolModels.byName("vouch").orElseThrow().mutants())
                .containsExactly("no-timestamp", "signature-without-target", "proxied-may-vouch",
                        "vouchee-key-not-signed");
        assertThat(ProtocolModels.byName("relay")).isEmpty();
    }

    @Test
    void buildsMutantsByNameAndRefusesUnknownOnesAndBadBounds() {
        ProtocolModel autojoin = ProtocolModels.byName("autojoin").orElseThrow();
        assertThat(autojoin.build(1, "no-expiry").name()).isEqualTo("autojoin/no-expiry");
        assertThat(autojoin.build(2, null).name()).isEqualTo("autojoin");
        assertThat(autojoin.breaks("no-nonce")).isEqualTo("injective-agreement(auto-join)");
        assertThatThrownBy(() -> autojoin.build(1, "no-such")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> autojoin.build(0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> autojoin.breaks("no-such")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProtocolModels.byName("needham-schroeder").orElseThrow().build(1, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
