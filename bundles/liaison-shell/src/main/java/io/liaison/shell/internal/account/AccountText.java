package io.liaison.shell.internal.account;

import io.liaison.api.domain.GroupwareAccount;
import io.liaison.shell.internal.JsonViews;
import io.liaison.shell.internal.TextTable;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How accounts look in the text output of the account commands. */
final class AccountText {
    private AccountText() {
    }

    /** {@code mails, tasks} in the enum's order. */
    static String areas(GroupwareAccount a) {
        return a.areas().stream().sorted().map(x -> x.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(","));
    }

    /** {@code key=value, ...}, secret-looking values masked. */
    static String settings(GroupwareAccount a) {
        Map<String, String> s = JsonViews.maskedSettings(a);
        return s.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    /** One account described in one line. */
    static String describe(GroupwareAccount a) {
        return "account " + a.id() + " of employee " + a.employee() + ": connector " + a.connectorType()
                + ", auto-sync " + (a.autoSync() ? "on every " + a.interval().toMinutes() + " min" : "off")
                + ", areas " + areas(a) + ", conflict policy " + a.conflictPolicy() + ", state " + a.state()
                + a.stateReason().map(r -> " (" + r + ")").orElse("");
    }

    static void table(List<GroupwareAccount> accounts, PrintStream out) {
        TextTable table = new TextTable(60, "ID", "EMPLOYEE", "CONNECTOR", "STATE", "AUTO-SYNC", "AREAS",
                "CONFLICT", "SETTINGS", "REASON");
        for (GroupwareAccount a : accounts) {
            table.row(a.id(), a.employee(), a.connectorType(), a.state(),
                    a.autoSync() ? "every " + a.interval().toMinutes() + " min" : "off", areas(a),
                    a.conflictPolicy(), settings(a), a.stateReason().orElse(""));
        }
        table.print(out);
    }
}
