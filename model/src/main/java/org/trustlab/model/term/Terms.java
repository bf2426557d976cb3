package org.trustlab.model.term;

/** Short constructors so that models read like the protocol notation: {@code aenc(pk(B), tuple(Na, A))}. */
public final class Terms {
    private Terms() {
    }

    public static Agent agent(String name) {
        return new Agent(name);
    }

    public static Name name(String kind, String value) {
        return new Name(kind, value);
    }

    /** A message tag: a public constant that makes each message type distinct (domain separation). */
    public static Name tag(String value) {
        return new Name("tag", value);
    }

    public static PublicKey pk(Term owner) {
        return new PublicKey(owner);
    }

    public static PrivateKey sk(Term owner) {
        return new PrivateKey(owner);
    }

    /** The long-term key {@code a} and {@code b} share, {@code k(A,S)}. */
    public static SharedKey k(Term a, Term b) {
        return new SharedKey(a, b);
    }

    public static Sign sign(Term key, Term body) {
        return new Sign(key, body);
    }

    public static AEnc aenc(Term key, Term body) {
        return new AEnc(key, body);
    }

    public static SEnc senc(Term key, Term body) {
        return new SEnc(key, body);
    }

    public static Hash hash(Term body) {
        return new Hash(body);
    }

    public static Mac mac(Term key, Term body) {
        return new Mac(key, body);
    }

    public static Tuple tuple(Term... items) {
        return new Tuple(items);
    }

    public static Timestamp time(int ticks) {
        return Timestamp.of(ticks);
    }
}
