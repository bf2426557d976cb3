package org.trustlab.model.attacker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trustlab.model.term.Terms.aenc;
import static org.trustlab.model.term.Terms.agent;
import static org.trustlab.model.term.Terms.hash;
import static org.trustlab.model.term.Terms.mac;
import static org.trustlab.model.term.Terms.pk;
import static org.trustlab.model.term.Terms.senc;
import static org.trustlab.model.term.Terms.sign;
import static org.trustlab.model.term.Terms.sk;
import static org.trustlab.model.term.Terms.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustlab.model.term.Agent;
import org.trustlab.model.term.Name;
import org.trustlab.model.term.Nonce;
import org.trustlab.model.term.SymKey;
import org.trustlab.model.term.Timestamp;

class KnowledgeTest {
    private static final Agent A = agent("A");
    private static final Agent I = agent("I");
    private static final Nonce N = new Nonce("N");
    private static final Nonce M = new Nonce("M");
    private static final SymKey K = new SymKey("K");

    @Test
    void publicTermsAreAlwaysDerivable() {
        Knowledge k = Knowledge.empty();
        assertThat(k.derives(A)).isTrue();
        assertThat(k.derives(pk(A))).isTrue();
        assertThat(k.derives(new Name("session", "s1"))).isTrue();
        assertThat(k.derives(Timestamp.of(7))).isTrue();
        assertThat(k.derives(N)).isFalse();
        assertThat(k.derives(sk(A))).isFalse();
    }

    @Test
    void tuplesAreSplitAndNotStored() {
        Knowledge k = Knowledge.empty().learn(tuple(N, tuple(M, A)));
        assertThat(k.derives(N)).isTrue();
        assertThat(k.derives(M)).isTrue();
        assertThat(k.terms()).containsExactlyInAnyOrder(N, M);
        assertThat(k.derives(tuple(M, N, A))).isTrue();
    }

    @Test
    void ciphertextOpensOnlyWithTheKey() {
        Knowledge k = Knowledge.empty().learn(aenc(pk(A), N));
        assertThat(k.derives(N)).as("no sk(A)").isFalse();
        assertThat(k.derives(aenc(pk(A), N))).as("replay").isTrue();
        assertThat(k.contains(aenc(pk(A), N))).isTrue();
        Knowledge own = Knowledge.of(List.of(sk(I))).learn(aenc(pk(I), N));
        assertThat(own.derives(N)).isTrue();
    }

    @Test
    void aKeyLearnedLaterOpensWhatWasStoredEarlier() {
        Knowledge k = Knowledge.empty().learn(senc(K, tuple(N, M))).learn(aenc(pk(A), K));
        assertThat(k.derives(N)).isFalse();
        k = k.learn(sk(A));
        assertThat(k.derives(K)).isTrue();
        assertThat(k.derives(N)).isTrue();
        assertThat(k.derives(M)).isTrue();
    }

    @Test
    void signaturesGiveUpTheirBodyButCannotBeForged() {
        Knowledge k = Knowledge.empty().learn(sign(sk(A), tuple(N, A)));
        assertThat(k.derives(N)).isTrue();
        assertThat(k.derives(sign(sk(A), tuple(N, A)))).isTrue();
        assertThat(k.derives(sign(sk(A), tuple(N, I)))).isFalse();
        assertThat(k.composes(sign(sk(A), tuple(N, A)))).isFalse();
        Knowledge withKey = k.learn(sk(A));
        assertThat(withKey.derives(sign(sk(A), tuple(N, I)))).isTrue();
        assertThat(withKey.composes(sign(sk(A), tuple(N, A)))).isTrue();
    }

    @Test
    void hashesAndMacsAreOneWay() {
        Knowledge k = Knowledge.empty().learn(hash(N)).learn(mac(K, M));
        assertThat(k.derives(N)).isFalse();
        assertThat(k.derives(M)).isFalse();
        assertThat(k.derives(hash(N))).isTrue();
        assertThat(k.derives(mac(K, N))).isFalse();
        Knowledge more = k.learn(N).learn(K);
        assertThat(more.derives(mac(K, N))).isTrue();
        assertThat(more.derives(hash(tuple(N, K)))).isTrue();
    }

    @Test
    void learningWhatIsDerivableChangesNothing() {
        Knowledge k = Knowledge.empty().learn(N);
        assertThat(k.learn(tuple(N, A))).isSameAs(k);
        assertThat(k.learn(aenc(pk(A), N))).as("the attacker can build it").isSameAs(k);
        assertThat(k.learnAll(List.of(N, A, pk(I)))).isSameAs(k);
    }

    @Test
    void storedOrderIsByStructuralHashWhateverTheLearningOrder() {
        Knowledge a = Knowledge.empty().learn(N).learn(M).learn(K);
        Knowledge b = Knowledge.empty().learn(K).learn(N).learn(M);
        assertThat(a.terms()).containsExactlyElementsOf(b.terms());
    }
}
