package org.trustlab.model.attacker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trustlab.model.term.Terms.aenc;
import static org.trustlab.model.term.Terms.agent;
import static org.trustlab.model.term.Terms.pk;
import static org.trustlab.model.term.Terms.sign;
import static org.trustlab.model.term.Terms.sk;
import static org.trustlab.model.term.Terms.tuple;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trustlab.model.term.Agent;
import org.trustlab.model.term.Nonce;
import org.trustlab.model.term.SymKey;
import org.trustlab.model.term.Term;
import org.trustlab.model.term.Var;

class MatcherTest {
    private static final Agent A = agent("A");
    private static final Agent B = agent("B");
    private static final Agent I = agent("I");
    private static final Var X = Var.agent("X");
    private static final Var NV = Var.nonce("N");
    private static final Var KV = Var.key("K");
    private static final Map<Var, Integer> SLOTS = Map.of(X, 0, NV, 1, KV, 2);
    private static final Matcher.Universe AGENTS = v -> List.of(A, B, I);

    private static List<List<Term>> matches(Knowledge k, Term pattern, Matcher.Filter filter) {
        Pattern p = Pattern.compile(pattern, SLOTS::get);
        List<List<Term>> out = new ArrayList<>();
        new Matcher(k, AGENTS, filter).match(p, new Term[3], 0L, (env, bound) -> {
            assertThat(bound & p.mask()).isEqualTo(p.mask());
            out.add(Arrays.asList(env.clone()));
        });
        return out;
    }

    @Test
    void composesFromKnownPartsOverTheUniverse() {
        Knowledge k = Knowledge.of(List.of(new Nonce("n1")));
        List<List<Term>> m = matches(k, aenc(pk(B), tuple(NV, X)), Matcher.Filter.NONE);
        assertThat(m).hasSize(3);
        assertThat(m).allSatisfy(env -> assertThat(env.get(1)).isEqualTo(new Nonce("n1")));
    }

    @Test
    void replaysStoredTermsItCannotBuild() {
        Nonce secret = new Nonce("secret");
        Knowledge k = Knowledge.empty().learn(aenc(pk(A), tuple(secret, B)));
        List<List<Term>> m = matches(k, aenc(pk(A), tuple(NV, X)), Matcher.Filter.NONE);
        assertThat(m).containsExactly(Arrays.asList(B, secret, null));
    }

    @Test
    void neverForgesASignature() {
        Knowledge k = Knowledge.of(List.of(sk(I), new Nonce("n1")));
        assertThat(matches(k, sign(sk(A), NV), Matcher.Filter.NONE)).isEmpty();
        assertThat(matches(k, sign(sk(X), NV), Matcher.Filter.NONE))
                .containsExactly(Arrays.asList(I, new Nonce("n1"), null));
    }

    @Test
    void producesNoSubstitutionTwiceWhenAStoredTermCouldAlsoBeBuilt() {
        SymKey key = new SymKey("k");
        Knowledge k = Knowledge.empty().learn(aenc(pk(A), key)).learn(sk(A));
        List<List<Term>> m = matches(k, aenc(pk(A), KV), Matcher.Filter.NONE);
        assertThat(m).containsExactly(Arrays.asList(null, null, key));
    }

    @Test
    void filterPrunesBranchesAsSoonAsTheirVariablesAreBound() {
        Knowledge k = Knowledge.of(List.of(new Nonce("n1"), new Nonce("n2")));
        List<List<Term>> all = matches(k, tuple(X, NV), Matcher.Filter.NONE);
        List<List<Term>> onlyB = matches(k, tuple(X, NV), (env, before, after) -> (after & 1L) == 0
                || env[0].equals(B));
        assertThat(all).hasSize(6);
        assertThat(onlyB).hasSize(2).allSatisfy(env -> assertThat(env.get(0)).isEqualTo(B));
    }

    @Test
    void groundPatternsAreADerivabilityCheck() {
        Knowledge k = Knowledge.empty().learn(sign(sk(A), new Nonce("n")));
        assertThat(matches(k, sign(sk(A), new Nonce("n")), Matcher.Filter.NONE)).hasSize(1);
        assertThat(matches(k, sign(sk(A), new Nonce("m")), Matcher.Filter.NONE)).isEmpty();
    }
}
