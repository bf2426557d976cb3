package org.trustlab.model.term;

/**
 * The type of a pattern variable. The model is typed: a nonce variable binds only nonces, so type-flaw attacks
 * (a nonce accepted as an agent name) are outside the model; ByteSync's and Spacedrive's canonical, tagged
 * encodings are what make that assumption hold for the real protocols.
 */
public enum Sort {
    AGENT(true), NONCE(false), SYMKEY(false), NAME(true), TIME(true),
    /**
     * Any message: the variable of a role that forwards what it receives without opening it (Otway-Rees' ticket
     * for the other party). It ranges over what the attacker holds as is, see {@code Matcher}.
     */
    MSG(false);

    private final boolean isPublic;

    Sort(boolean isPublic) {
        this.isPublic = isPublic;
    }

    /** Public sorts range over the model's declared universe; secret sorts over what the attacker has learned. */
    public boolean isPublic() {
        return isPublic;
    }

    public boolean admits(Term t, String nameKind) {
        return switch (this) {
            case AGENT -> t instanceof Agent;
            case NONCE -> t instanceof Nonce;
            case SYMKEY -> t instanceof SymKey;
            case NAME -> t instanceof Name n && n.kind().equals(nameKind);
            case TIME -> t instanceof Timestamp;
            case MSG -> t.ground();
        };
    }
}
