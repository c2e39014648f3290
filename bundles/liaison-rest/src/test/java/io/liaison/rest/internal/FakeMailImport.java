package io.liaison.rest.internal;

import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.liaison.api.crm.CrmNotFoundException;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityId;
import io.liaison.api.domain.Document;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.mailimport.ImportCandidate;
import io.liaison.api.mailimport.ImportSelection;
import io.liaison.api.mailimport.MailImportService;
import io.liaison.api.mailimport.MessageInspection;
import io.liaison.api.runtime.RunStatus;
import io.liaison.api.runtime.SyncRun;
import io.liaison.api.runtime.SyncTrigger;

/**
 * The mail import with the messages waiting per account set by the test, recording the selections it was asked to
 * import; the stored original is looked up in the real CRM as liaison-mail-import does (the first document of an
 * imported mail, hidden for another employee's private activity).
 */
final class FakeMailImport implements MailImportService {
    private static final Set<String> ORIGINAL_TYPES = Set.of("message/rfc822", "application/vnd.ms-outlook");
    final Map<AccountId, List<ImportCandidate>> waiting = new LinkedHashMap<>();
    final Map<AccountId, ImportSelection> imported = new LinkedHashMap<>();
    boolean editDocumentStep = true;
    private final HostCrm crm;
    private int runs;

    FakeMailImport(HostCrm crm) {
        this.crm = crm;
    }

    @Override
    public List<ImportCandidate> preview(AccountId account) {
        return waiting.getOrDefault(account, List.of());
    }

    @Override
    public SyncRun importMessages(AccountId account, ImportSelection selection) {
        imported.put(account, selection);
        Instant now = Instant.now();
        return new SyncRun("mail-run-" + ++runs, account, Set.of(SyncArea.MAILS), SyncTrigger.MANUAL, now,
                Optional.of(now), RunStatus.SUCCEEDED, Map.of(), List.of(), Optional.empty());
    }

    @Override
    public MessageInspection inspect(EmployeeId actor, InputStream raw, String mediaType, String name) {
        throw new UnsupportedOperationException("not part of the API");
    }

    @Override
    public Optional<Document> original(EmployeeId actor, ActivityId id) {
        Activity activity = crm.activities().get(actor, id)
                .orElseThrow(() -> new CrmNotFoundException("activity " + id.value() + " does not exist"));
        boolean hidden = activity.data().privateActivity() && !activity.data().owner().equals(actor);
        if (hidden || activity.data().mail().isEmpty()) {
            return Optional.empty();
        }
        return crm.documents().list(actor, id).stream().findFirst().filter(d -> ORIGINAL_TYPES.contains(d.mediaType()));
    }

    @Override
    public boolean isEditDocumentStepEnabled() {
        return editDocumentStep;
    }
}
