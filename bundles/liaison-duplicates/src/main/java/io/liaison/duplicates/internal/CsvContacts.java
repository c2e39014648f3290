package io.liaison.duplicates.internal;

import io.liaison.api.duplicates.ContactCandidate;
import io.liaison.api.duplicates.ContactFileEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads contacts from CSV text (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes) with the
 * header {@code first_name,last_name,email,phone,mobile,company} (and optionally {@code title}), comma or
 * semicolon separated; other columns are passed through. A row with the wrong number of fields is reported and
 * the rest are read.
 */
final class CsvContacts {
    private static final List<String> KNOWN = List.of("title", "first_name", "last_name", "email", "phone", "mobile", "company",
            "country");

    private CsvContacts() {
    }

    static List<ContactFileEntry> read(String text, int maxEntries) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        char separator = separator(body);
        List<List<String>> rows = parse(body, separator);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("the CSV file is empty: expected the header first_name,last_name,email,phone,mobile,company");
        }
        List<String> header = rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        if (!header.contains("first_name") || !header.contains("last_name")) {
            throw new IllegalArgumentException("the CSV header has no first_name and last_name columns (it reads '"
                    + ContactNormalizer.shorten(String.join(String.valueOf(separator), header))
                    + "'; expected first_name,last_name,email,phone,mobile,company)");
        }
        if (rows.size() - 1 > maxEntries) {
            throw new IllegalArgumentException("the CSV file has " + (rows.size() - 1) + " rows, at most " + maxEntries + " allowed");
        }
        List<ContactFileEntry> entries = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            int number = entries.size() + 1;
            if (row.size() != header.size()) {
                entries.add(new ContactFileEntry(number, "row " + (i + 1), Optional.empty(),
                        Optional.of("row " + (i + 1) + " has " + row.size() + " fields, the header " + header.size()),
                        Map.of()));
                continue;
            }
            Map<String, String> known = new LinkedHashMap<>();
            Map<String, String> extra = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                String value = row.get(c).strip();
                if (KNOWN.contains(header.get(c))) {
                    known.put(header.get(c), value);
                } else {
                    extra.put(rows.get(0).get(c).strip(), value);
                }
            }
            ContactCandidate candidate = new ContactCandidate(known.get("title"), known.get("first_name"),
                    known.get("last_name"), values(known.get("email")), values(known.get("phone")),
                    values(known.get("mobile")), known.get("company"), known.get("country"));
            entries.add(new ContactFileEntry(number, VCardContacts.label(candidate), Optional.of(candidate),
                    Optional.empty(), extra));
        }
        return entries;
    }

    private static List<String> values(String cell) {
        return cell == null || cell.isBlank() ? List.of() : List.of(cell);
    }

    private static char separator(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        return first.indexOf(';') >= 0 && first.indexOf(',') < 0 ? ';' : ',';
    }

    /** RFC 4180 parsing, tolerant of bare LF line ends. */
    static List<List<String>> parse(String text, char separator) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            any = true;
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == '"' && field.length() == 0) {
                quoted = true;
            } else if (ch == separator) {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                any = false;
            } else {
                field.append(ch);
            }
        }
        if (any || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
