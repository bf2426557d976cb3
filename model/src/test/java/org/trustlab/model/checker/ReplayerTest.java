package org.trustlab.model.checker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trustlab.model.autojoin.AutoJoinModel.EXPIRES_AT;
import static org.trustlab.model.autojoin.AutoJoinModel.ISSUED_AT;
import static org.trustlab.model.autojoin.AutoJoinModel.N;
import static org.trustlab.model.autojoin.AutoJoinModel.PURPOSE;
import static org.trustlab.model.autojoin.AutoJoinModel.R;
import static org.trustlab.model.autojoin.AutoJoinModel.SESSION;
import static org.trustlab.model.autojoin.AutoJoinModel.V;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trustlab.model.autojoin.AutoJoinModel;
import org.trustlab.model.dsl.Model;
import org.trustlab.model.dsl.Run;
import org.trustlab.model.term.Agent;
import org.trustlab.model.term.Name;
import org.trustlab.model.term.Nonce;
import org.trustlab.model.term.PrivateKey;
import org.trustlab.model.term.Term;
import org.trustlab.model.term.Timestamp;
import org.trustlab.model.term.Var;

class ReplayerTest {
    private static final Agent A = AutoJoinModel.REQUESTER;
    private static final Agent VAL = AutoJoinModel.VALIDATOR;
    private static final Name S1 = AutoJoinModel.session(1);
    private static final Name JOIN = AutoJoinModel.AUTO_JOIN;
    private static final Nonce ISSUED_NONCE = new Nonce("N#2");

    /** One requester run (run 0) and one validator run (run 1); challenges valid 10 ticks, no skew. */
    private static Replayer replayer() {
        AutoJoinModel.Roles roles = AutoJoinModel.roles(null, AutoJoinModel.Timing.fixed(10, 0),
                (v, r, p, now) -> v.equals(VAL) && r.equals(A));
        Model m = Model.builder("autojoin-replay").honest(A, VAL).dishonest(AutoJoinModel.INTRUDER)
                .names(S1, JOIN).time(0, 100)
                .run(Run.of(roles.requester(), A).with(V, VAL).with(SESSION, S1).with(PURPOSE, JOIN))
                .run(Run.of(roles.validator(), VAL))
                .build();
        return new Replayer(m);
    }

    private static Map<Var, Term> challenge() {
        Map<Var, Term> v = new LinkedHashMap<>();
        v.put(SESSION, S1);
        v.put(R, A);
        v.put(PURPOSE, JOIN);
        v.put(ISSUED_AT, Timestamp.of(0));
        v.put(EXPIRES_AT, Timestamp.of(10));
        v.put(N, ISSUED_NONCE);
        return v;
    }

    /** Request, challenge, signature, then the validator's acceptance at {@code time}. */
    private static Replayer.Result signedThenAcceptedAt(Replayer rp, int time) {
        assertThat(rp.step(0, Map.of()).taken()).isTrue();
        assertThat(rp.step(1, challenge()).taken()).isTrue();
        assertThat(rp.step(0, challenge()).taken()).isTrue();
        rp.clock(time);
        return rp.step(1, Map.of());
    }

    @Test
    void followsAnHonestJoinAndRefusesItsReplay() {
        Replayer rp = replayer();
        Replayer.Result accepted = signedThenAcceptedAt(rp, 5);
        assertThat(accepted.taken()).isTrue();
        assertThat(accepted.step().emitted()).isTrue();
        Replayer.Result replay = rp.step(1, Map.of());
        assertThat(replay.taken()).isFalse();
        assertThat(replay.refusals()).singleElement().asString().contains("has finished its role");
    }

    @Test
    void refusesAnAcceptanceAfterExpiryOnTheVerifiersClock() {
        Replayer.Result late = signedThenAcceptedAt(replayer(), 11);
        assertThat(late.taken()).isFalse();
        assertThat(late.refusals()).anySatisfy(r -> assertThat(r).contains("check CHALLENGE_EXPIRED fails at t11"));
    }

    @Test
    void refusesValuesTheModelWouldNotComputeOrHold() {
        Replayer rp = replayer();
        rp.step(0, Map.of());
        Map<Var, Term> wrongExpiry = challenge();
        wrongExpiry.put(EXPIRES_AT, Timestamp.of(99));
        assertThat(rp.step(1, wrongExpiry).refusals()).anySatisfy(r -> assertThat(r).contains("computes expiresAt"));
        assertThat(rp.position(1)).as("a refused step changes nothing").isZero();
        rp.step(1, challenge());
        Map<Var, Term> otherSession = challenge();
        otherSession.put(SESSION, AutoJoinModel.session(2));
        assertThat(rp.step(0, otherSession).refusals()).anySatisfy(r -> assertThat(r).contains("has session = s1"));
    }

    @Test
    void aResponseNobodySignedIsNotDerivableUnlessTheKeyIsCompromised() {
        Replayer rp = replayer();
        rp.step(0, Map.of());
        rp.step(1, challenge());
        // The requester never signed: the attacker cannot make the response...
        Replayer.Result forged = rp.step(1, Map.of());
        assertThat(forged.taken()).isFalse();
        assertThat(forged.refusals()).anySatisfy(r -> assertThat(r).contains("the attacker cannot derive")
                .contains("sign(sk(A)"));
        // ... until it holds A's private key.
        rp.attackerLearns(new PrivateKey(A));
        assertThat(rp.step(1, Map.of()).taken()).isTrue();
        assertThat(rp.value(1, N)).isEqualTo(ISSUED_NONCE);
    }
}
