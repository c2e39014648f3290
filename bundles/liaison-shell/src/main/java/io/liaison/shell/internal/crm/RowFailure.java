package io.liaison.shell.internal.crm;

/**
 * A line of a contact CSV file that could not be loaded.
 *
 * @param line   the line number, counting from 1 (the header)
 * @param id     the line's id column, or empty when it has none or could not be read
 * @param reason why, naming the column and value
 */
public record RowFailure(int line, String id, String reason) {
    public RowFailure {
        id = id == null ? "" : id;
    }

    /** {@code line 4 (id c4): last_name is empty}. */
    @Override
    public String toString() {
        return "line " + line + (id.isEmpty() ? "" : " (id " + id + ")") + ": " + reason;
    }
}
