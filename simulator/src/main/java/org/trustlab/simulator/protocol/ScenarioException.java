package org.trustlab.simulator.protocol;

import java.util.Objects;
import java.util.Optional;

/**
 * A scenario that cannot be run as written: bad YAML, an unknown key, a wrong type, an unknown device, a bad
 * duration, or protocol config a binding refuses. It carries what is wrong, where in the document (a JSON pointer
 * such as {@code /devices/1/config/grant}) and, once the loader has resolved the pointer against the file, the
 * {@code file:line:column} a user can jump to. {@link #getMessage()} is what a user sees:
 * {@code file:line:column: what is wrong} once located, {@code what is wrong} before.
 *
 * <p>Bindings throw it with a pointer relative to the device ({@code config/grant}) or absolute
 * ({@code /setup/grants/0}); the loader resolves both.
 */
public final class ScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Where in a file: 1-based line and column, as editors count. */
    public record Location(String file, int line, int column) {
        public Location {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public String toString() {
            return file + ":" + line + ":" + column;
        }
    }

    private final String what;
    private final String path;
    private final transient Location location;

    public ScenarioException(String what) {
        this(what, null, null, null);
    }

    public ScenarioException(String what, String path) {
        this(what, path, null, null);
    }

    public ScenarioException(String what, String path, Location location, Throwable cause) {
        super(render(what, location), cause);
        this.what = Objects.requireNonNull(what, "what");
        this.path = path;
        this.location = location;
    }

    private static String render(String what, Location location) {
        return location == null ? what : location + ": " + what;
    }

    /** What is wrong, without the location. */
    public String what() {
        return what;
    }

    /** The JSON pointer of the offending node, if known; relative pointers are relative to the device entry. */
    public Optional<String> path() {
        return Optional.ofNullable(path);
    }

    public Optional<Location> location() {
        return Optional.ofNullable(location);
    }

    public ScenarioException withPath(String newPath) {
        return new ScenarioException(what, newPath, location, getCause());
    }

    public ScenarioException withLocation(Location newLocation) {
        return new ScenarioException(what, path, newLocation, getCause());
    }
}
