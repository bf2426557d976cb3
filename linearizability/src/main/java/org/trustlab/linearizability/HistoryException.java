package org.trustlab.linearizability;

/** A history that cannot be read or is malformed: the reason with the line and column it was found at (0 if none). */
public final class HistoryException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;
    private final String reason;

    public HistoryException(int line, int column, String reason) {
        super((line > 0 ? line + ":" + column + ": " : "") + reason);
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String reason() {
        return reason;
    }
}
