package io.liaison.shell.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table for the commands' listings: a header, a rule, left-aligned columns two spaces apart.
 * Cells are cleaned of control characters and cut at a maximum width.
 */
public final class TextTable {
    private final String[] headers;
    private final int maxWidth;
    private final List<String[]> rows = new ArrayList<>();

    /** A table with these column headers whose cells are cut at {@code maxWidth} characters. */
    public TextTable(int maxWidth, String... headers) {
        this.headers = headers.clone();
        this.maxWidth = maxWidth;
    }

    /** Adds a row; it must have one value per column. */
    public TextTable row(Object... values) {
        if (values.length != headers.length) {
            throw new IllegalArgumentException("row has " + values.length + " cells, table " + headers.length);
        }
        rows.add(Arrays.stream(values).map(v -> Text.truncate(v == null ? "" : String.valueOf(v), maxWidth))
                .toArray(String[]::new));
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Prints the table. */
    public void print(PrintStream out) {
        int[] widths = new int[headers.length];
        for (int i = 0; i < headers.length; i++) {
            widths[i] = headers[i].length();
        }
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        out.println(line(headers, widths));
        String[] rule = new String[headers.length];
        for (int i = 0; i < rule.length; i++) {
            rule[i] = "-".repeat(widths[i]);
        }
        out.println(line(rule, widths));
        for (String[] row : rows) {
            out.println(line(row, widths));
        }
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append("  ");
            }
            sb.append(cells[i]);
            if (i < cells.length - 1) {
                sb.append(" ".repeat(widths[i] - cells[i].length()));
            }
        }
        return sb.toString().stripTrailing();
    }
}
