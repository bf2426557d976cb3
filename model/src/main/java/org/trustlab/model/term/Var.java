package org.trustlab.model.term;

import java.util.Objects;

/**
 * A typed pattern variable. Roles are written with variables; a run binds them as it executes (parameters at
 * creation, fresh values when generated, received values when a message matches).
 */
public final class Var implements Term {
    private final String name;
    private final Sort sort;
    private final String nameKind;
    private final long hash;

    private Var(String name, Sort sort, String nameKind) {
        this.name = Objects.requireNonNull(name, "name");
        this.sort = Objects.requireNonNull(sort, "sort");
        this.nameKind = nameKind;
        this.hash = Hashing.tagged(Hashing.VAR, Hashing.of(name), sort.ordinal(), nameKind == null ? 0 : Hashing.of(nameKind));
    }

    public static Var agent(String name) {
        return new Var(name, Sort.AGENT, null);
    }

    public static Var nonce(String name) {
        return new Var(name, Sort.NONCE, null);
    }

    public static Var key(String name) {
        return new Var(name, Sort.SYMKEY, null);
    }

    /** A message a role forwards without opening: binds any term. */
    public static Var msg(String name) {
        return new Var(name, Sort.MSG, null);
    }

    public static Var time(String name) {
        return new Var(name, Sort.TIME, null);
    }

    /** A variable over the public names of one kind (e.g. {@code session}). */
    public static Var name(String name, String kind) {
        return new Var(name, Sort.NAME, Objects.requireNonNull(kind, "kind"));
    }

    public String name() {
        return name;
    }

    public Sort sort() {
        return sort;
    }

    /** For {@link Sort#NAME} variables, the kind of name; otherwise null. */
    public String nameKind() {
        return nameKind;
    }

    public boolean admits(Term t) {
        return sort.admits(t, nameKind);
    }

    @Override
    public long hash64() {
        return hash;
    }

    @Override
    public boolean ground() {
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Var v && v.hash == hash && v.name.equals(name) && v.sort == sort
                && Objects.equals(v.nameKind, nameKind));
    }

    @Override
    public int hashCode() {
        return (int) hash;
    }

    @Override
    public String toString() {
        return "?" + name;
    }
}
