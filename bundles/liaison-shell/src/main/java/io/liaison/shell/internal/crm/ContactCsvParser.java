package io.liaison.shell.internal.crm;

import io.liaison.shell.internal.UserInputException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a contact CSV file ({@code id,business_partner,bp_email_domain,title,first_name,last_name,email,phone,
 * mobile}, columns in any order, comma- or semicolon-separated, UTF-8) line by line into {@link ContactRow}s
 * and {@link RowFailure}s.
 *
 * <p>Each physical line is one record, parsed by Commons CSV (RFC 4180 quoting). None of these columns holds a
 * line break, and keeping records to one line means an unbalanced quote costs that line only, instead of
 * swallowing the rest of the file into one field. Lines are bounded in length.
 */
final class ContactCsvParser {
    /** The columns, as the header names them. */
    static final List<String> COLUMNS = List.of("id", "business_partner", "bp_email_domain", "title", "first_name",
            "last_name", "email", "phone", "mobile");
    static final int MAX_LINE_LENGTH = 10_000;

    private static final Pattern DOMAIN = Pattern.compile(
            "[\\p{L}\\p{N}]([\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?(\\.[\\p{L}\\p{N}]([\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?)+");
    private static final Pattern PHONE = Pattern.compile("[0-9+()./\\- ]*[0-9][0-9+()./\\- ]*");

    /** What one data line turned into. */
    sealed interface Parsed permits Row, Failed {
    }

    /** A valid line. */
    record Row(ContactRow row) implements Parsed {
    }

    /** A line that cannot be loaded. */
    record Failed(RowFailure failure) implements Parsed {
    }

    private ContactCsvParser() {
    }

    /**
     * Reads every line, handing each data line's result to {@code sink} in file order.
     *
     * @throws UserInputException when the file is empty or its header is not the expected one
     */
    static void parse(Reader reader, Consumer<Parsed> sink) throws IOException {
        BoundedLineReader lines = new BoundedLineReader(reader, MAX_LINE_LENGTH);
        String header = null;
        while (header == null) {
            String line = lines.next();
            if (line == null) {
                throw new UserInputException("the file is empty: expected the header " + String.join(",", COLUMNS));
            }
            if (!line.isBlank()) {
                header = line.startsWith("\uFEFF") ? line.substring(1) : line;
                if (lines.wasCut()) {
                    throw new UserInputException("line " + lines.number() + ": the header is longer than "
                            + MAX_LINE_LENGTH + " characters");
                }
            }
        }
        char delimiter = header.indexOf(',') < 0 && header.indexOf(';') >= 0 ? ';' : ',';
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).build();
        int[] index = columnIndex(lines.number(), header, format);
        Map<String, Integer> seenIds = new HashMap<>();
        String line;
        while ((line = lines.next()) != null) {
            if (line.isBlank()) {
                continue;
            }
            int number = lines.number();
            if (lines.wasCut()) {
                sink.accept(new Failed(new RowFailure(number, "", "the line is longer than " + MAX_LINE_LENGTH
                        + " characters")));
                continue;
            }
            sink.accept(row(number, line, format, index, seenIds));
        }
    }

    private static int[] columnIndex(int lineNumber, String header, CSVFormat format) {
        List<String> names;
        try {
            names = fields(header, format).stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).toList();
        } catch (MalformedLineException e) {
            throw new UserInputException("line " + lineNumber + ": the header has " + e.getMessage());
        }
        Set<String> missing = new LinkedHashSet<>(COLUMNS);
        missing.removeAll(names);
        List<String> unknown = names.stream().filter(n -> !COLUMNS.contains(n)).toList();
        if (!missing.isEmpty() || !unknown.isEmpty() || names.size() != COLUMNS.size()) {
            throw new UserInputException("line " + lineNumber + ": the header must be " + String.join(",", COLUMNS)
                    + " (any order)" + (missing.isEmpty() ? "" : "; missing " + String.join(", ", missing))
                    + (unknown.isEmpty() ? "" : "; unknown " + String.join(", ", unknown))
                    + (missing.isEmpty() && unknown.isEmpty() ? "; a column is named twice" : ""));
        }
        int[] index = new int[COLUMNS.size()];
        for (int i = 0; i < COLUMNS.size(); i++) {
            index[i] = names.indexOf(COLUMNS.get(i));
        }
        return index;
    }

    private static Parsed row(int number, String line, CSVFormat format, int[] index, Map<String, Integer> seenIds) {
        List<String> values;
        try {
            values = fields(line, format);
        } catch (MalformedLineException e) {
            return new Failed(new RowFailure(number, "", e.getMessage()));
        }
        if (values.size() != COLUMNS.size()) {
            return new Failed(new RowFailure(number, "", "expected " + COLUMNS.size() + " values, found "
                    + values.size()));
        }
        String[] v = new String[COLUMNS.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(index[i]).strip();
        }
        String id = v[0];
        if (line.indexOf('\uFFFD') >= 0) {
            return failed(number, id, "not valid UTF-8 (save the file as UTF-8)");
        }
        if (id.isEmpty()) {
            return failed(number, id, "id is empty");
        }
        Integer earlier = seenIds.putIfAbsent(id, number);
        if (earlier != null) {
            return failed(number, id, "id '" + id + "' was already used on line " + earlier);
        }
        if (v[1].isEmpty()) {
            return failed(number, id, "business_partner is empty");
        }
        List<String> domains = new ArrayList<>();
        for (String d : v[2].split("[;\\s]+")) {
            String domain = d.startsWith("@") ? d.substring(1) : d;
            if (domain.isEmpty()) {
                continue;
            }
            if (!DOMAIN.matcher(domain).matches()) {
                return failed(number, id, "bp_email_domain '" + d + "' is not a domain");
            }
            domains.add(domain.toLowerCase(Locale.ROOT));
        }
        if (v[5].isEmpty()) {
            return failed(number, id, "last_name is empty");
        }
        String email = v[6];
        if (!email.isEmpty()) {
            int at = email.indexOf('@');
            if (at < 0) {
                return failed(number, id, "email '" + email + "' has no '@'");
            }
            if (at == 0 || at == email.length() - 1 || email.indexOf('@', at + 1) >= 0
                    || email.chars().anyMatch(Character::isWhitespace)) {
                return failed(number, id, "email '" + email + "' is not an e-mail address");
            }
        }
        if (!v[7].isEmpty() && !PHONE.matcher(v[7]).matches()) {
            return failed(number, id, "phone '" + v[7] + "' is not a phone number");
        }
        if (!v[8].isEmpty() && !PHONE.matcher(v[8]).matches()) {
            return failed(number, id, "mobile '" + v[8] + "' is not a phone number");
        }
        return new Row(new ContactRow(number, id, v[1], domains, v[3], v[4], v[5], email, v[7], v[8]));
    }

    private static Failed failed(int line, String id, String reason) {
        return new Failed(new RowFailure(line, id, reason));
    }

    /** The fields of one line, by Commons CSV. */
    private static List<String> fields(String line, CSVFormat format) throws MalformedLineException {
        try (CSVParser parser = CSVParser.parse(line, format)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new MalformedLineException("no values");
            }
            return records.get(0).toList();
        } catch (IOException | UncheckedIOException e) {
            String message = String.valueOf(e.getMessage());
            throw new MalformedLineException(message.contains("EOF reached before encapsulated token finished")
                    ? "unbalanced quotes" : "misplaced quotes (a quoted value must be followed by a delimiter)");
        }
    }

    /** A line Commons CSV cannot split into fields. */
    private static final class MalformedLineException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedLineException(String message) {
            super(message);
        }
    }
}
