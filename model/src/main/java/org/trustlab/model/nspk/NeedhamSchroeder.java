package org.trustlab.model.nspk;

import static org.trustlab.model.term.Terms.aenc;
import static org.trustlab.model.term.Terms.pk;
import static org.trustlab.model.term.Terms.tuple;

import org.trustlab.model.dsl.Model;
import org.trustlab.model.dsl.Property;
import org.trustlab.model.dsl.Role;
import org.trustlab.model.dsl.Run;
import org.trustlab.model.term.Agent;
import org.trustlab.model.term.Term;
import org.trustlab.model.term.Var;

/**
 * The Needham-Schroeder public-key protocol (1978) and Lowe's fix (1995), the checker's proof that it finds
 * attacks:
 *
 * <pre>
 *   1. A -> B : {Na, A}pk(B)
 *   2. B -> A : {Na, Nb}pk(A)        NSL: {Na, Nb, B}pk(A)
 *   3. A -> B : {Nb}pk(B)
 * </pre>
 *
 * With an initiator A who also talks to the dishonest I, the attacker re-encrypts A's first message for B and
 * passes B's answer to A, who decrypts Nb for it: B believes it talks to A (agreement fails) and Nb leaks
 * (secrecy fails). In NSL, message 2 names B, so A refuses it when it expected I.
 */
public final class NeedhamSchroeder {
    public static final Agent ALICE = new Agent("A");
    public static final Agent BOB = new Agent("B");
    public static final Agent INTRUDER = new Agent("I");

    /** B's authentication of the initiator (Lowe's attack breaks it in NS). */
    public static final String AUTH_INITIATOR = "auth-initiator";
    /** The initiator's authentication of B. */
    public static final String AUTH_RESPONDER = "auth-responder";
    public static final String SECRET_NA = "na";
    public static final String SECRET_NB = "nb";

    private static final Var A = Var.agent("A");
    private static final Var B = Var.agent("B");
    private static final Var NA = Var.nonce("Na");
    private static final Var NB = Var.nonce("Nb");

    private NeedhamSchroeder() {
    }

    /** NS ({@code lowe} false) or NSL, with {@code sessions} initiator runs of A and responder runs of B. */
    public static Model model(boolean lowe, int sessions) {
        Term msg2 = lowe ? tuple(NA, NB, B) : tuple(NA, NB);
        Role initiator = Role.named("Initiator", A)
                .choose(B, b -> !b.get(B).equals(b.get(A)))
                .fresh(NA)
                .send("msg1", aenc(pk(B), tuple(NA, A)))
                .recv("msg2", aenc(pk(A), msg2))
                .commit(AUTH_RESPONDER, A, B, tuple(NA, NB))
                .running(AUTH_INITIATOR, A, B, tuple(NA, NB))
                .send("msg3", aenc(pk(B), NB))
                .secret(SECRET_NA, NA, A, B)
                .secret(SECRET_NB, NB, A, B)
                .build();
        Role responder = Role.named("Responder", B)
                .recv("msg1", aenc(pk(B), tuple(NA, A)))
                .fresh(NB)
                .running(AUTH_RESPONDER, B, A, tuple(NA, NB))
                .send("msg2", aenc(pk(A), msg2))
                .recv("msg3", aenc(pk(B), NB))
                .commit(AUTH_INITIATOR, B, A, tuple(NA, NB))
                .secret(SECRET_NA, NA, B, A)
                .secret(SECRET_NB, NB, B, A)
                .build();
        Model.Builder m = Model.builder(lowe ? "nsl" : "ns")
                .honest(ALICE, BOB)
                .dishonest(INTRUDER);
        for (int i = 0; i < sessions; i++) {
            m.run(Run.of(initiator, ALICE));
        }
        for (int i = 0; i < sessions; i++) {
            m.run(Run.of(responder, BOB));
        }
        return m.property(Property.secrecy(SECRET_NA))
                .property(Property.secrecy(SECRET_NB))
                .property(Property.agreement(AUTH_INITIATOR))
                .property(Property.injectiveAgreement(AUTH_INITIATOR))
                .property(Property.agreement(AUTH_RESPONDER))
                .property(Property.injectiveAgreement(AUTH_RESPONDER))
                .build();
    }
}
