package org.trustlab.model.dsl;

/** A check a role makes before it goes on; when it fails, the run does not take the step (the input is dropped). */
@FunctionalInterface
public interface Guard {
    boolean test(Bindings b);
}
