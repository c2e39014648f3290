package io.liaison.shell.internal.duplicates;

import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.duplicates.ContactFileEntry;
import io.liaison.api.duplicates.ContactFileReader;
import io.liaison.api.duplicates.DuplicateCheck;
import io.liaison.api.duplicates.DuplicateMatch;
import io.liaison.api.duplicates.DuplicateResult;
import io.liaison.api.duplicates.DuplicateStatus;
import io.liaison.shell.internal.Actors;
import io.liaison.shell.internal.LiaisonAction;
import io.liaison.shell.internal.Text;
import io.liaison.shell.internal.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;

/**
 * {@code liaison:duplicates-check}: checks every contact of a vCard or CSV file against the CRM's contact persons
 * and prints, per contact, the status, the matched contact persons and the reasons. A contact that cannot be read
 * or checked gets its own error line; the others are still checked.
 */
@Command(scope = "liaison", name = "duplicates-check", description = "Checks the contacts of a vCard (.vcf) or CSV "
        + "file (header first_name,last_name,email,phone,mobile,company) for duplicates among the CRM's contact persons")
@Service
public class DuplicatesCheckCommand extends LiaisonAction {
    static final String DUPLICATES = "the duplicate check (feature liaison-duplicates)";

    @Reference(optional = true)
    DuplicateCheck check;

    @Reference(optional = true)
    ContactFileReader reader;

    @Reference(optional = true)
    HostCrm crm;

    @Argument(index = 0, name = "file", required = true, description = "The .vcf or .csv file (UTF-8)")
    @Completion(FileCompleter.class)
    String file;

    @Option(name = "--employee", aliases = "-e", description = "The employee whose view of the CRM is checked "
            + "(CRM id or login; default: the CRM's first employee)")
    String employee;

    @Override
    protected void run() throws IOException {
        DuplicateCheck check = require(this.check, DuplicateCheck.class, DUPLICATES);
        ContactFileReader reader = require(this.reader, ContactFileReader.class, DUPLICATES);
        Path path = Path.of(file).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new UserInputException("cannot read file '" + path + "': no such file");
        }
        EmployeeId actor = Actors.resolve(crm, employee);
        List<ContactFileEntry> entries = reader.read(path);
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<DuplicateStatus, Integer> counts = new EnumMap<>(DuplicateStatus.class);
        int errors = 0;
        for (ContactFileEntry entry : entries) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("number", entry.number());
            row.put("label", entry.label());
            String error = entry.problem().orElse(null);
            if (error == null) {
                try {
                    DuplicateResult result = check.check(actor, entry.candidate().orElseThrow());
                    counts.merge(result.status(), 1, Integer::sum);
                    row.put("status", result.status());
                    row.put("matches", result.matches().stream().map(DuplicatesCheckCommand::match).toList());
                    if (!result.notes().isEmpty()) {
                        // values the check could not read and left out: the rest was checked
                        row.put("notes", result.notes());
                    }
                } catch (IllegalArgumentException e) {
                    error = e.getMessage();
                }
            }
            if (error != null) {
                errors++;
                row.put("error", error);
            }
            if (!entry.extra().isEmpty()) {
                row.put("extra", entry.extra());
            }
            rows.add(row);
        }
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("file", path.toString());
            out.put("employee", actor.value());
            out.put("contacts", rows);
            out.put("summary", summary(counts, errors, entries.size()));
            printJson(out);
            return;
        }
        for (Map<String, Object> row : rows) {
            print(row);
        }
        out().println(String.format(Locale.ROOT, "%d contacts checked as employee %s: %d certain, %d possible, %d no duplicate, %d errors",
                entries.size(), actor, counts.getOrDefault(DuplicateStatus.CERTAIN, 0),
                counts.getOrDefault(DuplicateStatus.POSSIBLE, 0), counts.getOrDefault(DuplicateStatus.NONE, 0), errors));
    }

    private static Map<String, Object> match(DuplicateMatch m) {
        Map<String, Object> match = new LinkedHashMap<>();
        match.put("contactPerson", m.contactPerson().value());
        match.put("status", m.status());
        match.put("reasons", m.reasons());
        return match;
    }

    private static Map<String, Object> summary(Map<DuplicateStatus, Integer> counts, int errors, int total) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("contacts", total);
        for (DuplicateStatus s : DuplicateStatus.values()) {
            summary.put(s.name().toLowerCase(Locale.ROOT), counts.getOrDefault(s, 0));
        }
        summary.put("errors", errors);
        return summary;
    }

    @SuppressWarnings("unchecked")
    private void print(Map<String, Object> row) {
        String head = "#" + row.get("number") + " " + Text.truncate((String) row.get("label"), 60) + ": ";
        if (row.containsKey("error")) {
            out().println(head + "ERROR " + Text.oneLine(Text.truncate((String) row.get("error"), 200)));
            return;
        }
        List<Map<String, Object>> matches = (List<Map<String, Object>>) row.get("matches");
        out().println(head + row.get("status") + (matches.isEmpty() ? "" : " " + String.join(", ",
                matches.stream().map(m -> (String) m.get("contactPerson")).toList())));
        for (Map<String, Object> m : matches) {
            out().println("    " + m.get("contactPerson") + " " + m.get("status") + ": "
                    + Text.oneLine(String.join("; ", (List<String>) m.get("reasons"))));
        }
        for (String note : (List<String>) row.getOrDefault("notes", List.of())) {
            out().println("    note: " + Text.oneLine(note));
        }
    }
}
