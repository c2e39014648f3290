package io.liaison.shell.internal;

import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.runtime.GroupwarePreferences;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.SyncRun;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON shape of Liaison's values in the commands' {@code --json} output. Ids are strings, times ISO-8601,
 * enums by name; an account's settings whose name suggests a secret are masked.
 */
public final class JsonViews {
    /** Shown in place of a setting value whose key looks like a secret. */
    public static final String MASK = "******";

    private JsonViews() {
    }

    public static Map<String, Object> preferences(EmployeeId employee, GroupwarePreferences p, boolean syncOnOpenActive) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("employee", employee.value());
        m.put("wizardAreas", p.wizardAreas().stream().sorted().toList());
        m.put("onlyCurrentImport", p.onlyCurrentImport());
        m.put("syncOnOpen", p.syncOnOpen());
        m.put("syncOnOpenActive", syncOnOpenActive);
        return m;
    }

    public static Map<String, Object> account(GroupwareAccount a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id().value());
        m.put("employee", a.employee().value());
        m.put("connectorType", a.connectorType());
        m.put("settings", maskedSettings(a));
        m.put("autoSync", a.autoSync());
        m.put("intervalMinutes", a.interval().toMinutes());
        m.put("areas", a.areas().stream().sorted().toList());
        m.put("conflictPolicy", a.conflictPolicy());
        m.put("state", a.state());
        m.put("stateReason", a.stateReason());
        return m;
    }

    /**
     * The settings, sorted by key. Settings the account's connector declares secret come from the runtime masked
     * already; names that look secret are masked as well, for accounts whose connector is not installed to declare.
     */
    public static Map<String, String> maskedSettings(GroupwareAccount a) {
        Map<String, String> settings = new TreeMap<>();
        a.settings().forEach((k, v) -> settings.put(k, Arguments.looksLikeSecret(k) ? MASK : v));
        return settings;
    }

    public static Map<String, Object> run(SyncRun r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("account", r.account().value());
        m.put("areas", r.areas().stream().sorted().toList());
        m.put("trigger", r.trigger());
        m.put("status", r.status());
        m.put("startedAt", r.startedAt());
        m.put("endedAt", r.endedAt());
        m.put("durationMillis", r.endedAt().map(e -> Duration.between(r.startedAt(), e).toMillis()));
        Map<String, Object> counts = new LinkedHashMap<>();
        for (Outcome o : Outcome.values()) {
            counts.put(o.name(), r.count(o));
        }
        m.put("counts", counts);
        m.put("createdActivities", r.createdActivities());
        m.put("error", r.error());
        return m;
    }

    public static Map<String, Object> entry(JournalEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", e.at());
        m.put("area", e.area());
        m.put("item", e.item());
        m.put("outcome", e.outcome());
        m.put("message", e.message());
        m.put("crmId", e.crmId());
        return m;
    }

    public static List<Map<String, Object>> entries(List<JournalEntry> entries) {
        return entries.stream().map(JsonViews::entry).toList();
    }

    /** An activity without its body: the listing says what it is, the CRM shows the content. */
    public static Map<String, Object> activity(Activity a) {
        ActivityData d = a.data();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id().value());
        m.put("version", a.version());
        m.put("type", d.type().key());
        m.put("status", d.status().key());
        m.put("subject", d.subject());
        m.put("start", d.start());
        m.put("owner", d.owner().value());
        m.put("businessPartner", d.businessPartner().map(b -> b.value()));
        m.put("contactPerson", d.contactPerson().map(c -> c.value()));
        m.put("from", d.mail().map(mail -> mail.from()));
        m.put("sourceKey", a.sourceKey());
        m.put("createdAt", a.createdAt());
        return m;
    }
}
