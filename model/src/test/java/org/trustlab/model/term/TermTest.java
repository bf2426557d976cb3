package org.trustlab.model.term;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.trustlab.model.term.Terms.aenc;
import static org.trustlab.model.term.Terms.agent;
import static org.trustlab.model.term.Terms.pk;
import static org.trustlab.model.term.Terms.sign;
import static org.trustlab.model.term.Terms.sk;
import static org.trustlab.model.term.Terms.tuple;

import org.junit.jupiter.api.Test;

class TermTest {
    @Test
    void equalTermsHaveEqualStructuralHashesWhoeverBuiltThem() {
        Term a = sign(sk(agent("A")), tuple(new Nonce("N"), agent("B")));
        Term b = sign(sk(agent("A")), tuple(new Nonce("N"), agent("B")));
        assertThat(a).isNotSameAs(b).isEqualTo(b);
        assertThat(a.hash64()).isEqualTo(b.hash64());
        assertThat(a.hashCode()).isEqualTo(b.hashCode());
    }

    @Test
    void hashesSeparateConstructorsAndFieldOrder() {
        Agent a = agent("A");
        Nonce n = new Nonce("A");
        assertThat(a.hash64()).isNotEqualTo(n.hash64());
        assertThat((Term) a).isNotEqualTo(n);
        assertThat(tuple(a, n)).isNotEqualTo(tuple(n, a));
        assertThat(pk(a)).isNotEqualTo(sk(a));
        assertThat(new AEnc(pk(a), n)).isNotEqualTo(new Sign(pk(a), n));
        assertThat(new Name("session", "s1")).isNotEqualTo(new Name("purpose", "s1"));
    }

    @Test
    void prettyPrintsInProtocolNotation() {
        Term t = aenc(pk(agent("B")), tuple(new Nonce("Na#1"), agent("A"), Timestamp.of(3)));
        assertThat(t).hasToString("aenc(pk(B), <Na#1, A, t3>)");
    }

    @Test
    void patternsAreNotGround() {
        Var x = Var.nonce("X");
        assertThat(tuple(x, agent("A")).ground()).isFalse();
        assertThat(tuple(new Nonce("X"), agent("A")).ground()).isTrue();
        assertThat(x.admits(new Nonce("n"))).isTrue();
        assertThat(x.admits(agent("n"))).isFalse();
        assertThat(Var.name("s", "session").admits(new Name("session", "s1"))).isTrue();
        assertThat(Var.name("s", "session").admits(new Name("purpose", "auto-join"))).isFalse();
    }

    @Test
    void rejectsMalformedTerms() {
        assertThatThrownBy(() -> tuple(agent("A"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Timestamp.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
