package io.liaison.mailimport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.AccountRequest;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25, point 3: the mail import keeps no links and no feed tokens; what it keeps per account, the counts of
 * failed reads of a message, is forgotten when mails are switched off, so that switched on again every message is
 * tried afresh. The other accounts' counts stay.
 */
class MailAreaOffAndOnTest {
    @TempDir
    Path dir;

    private static AccountRequest withAreas(GroupwareAccount a, Set<SyncArea> areas) {
        return new AccountRequest(a.employee(), a.connectorType(), a.settings(), a.autoSync(), a.interval(), areas,
                a.conflictPolicy());
    }

    @Test
    void mailsSwitchedOffForgetTheCountsOfFailedReads() {
        MailFlow flow = new MailFlow(dir);
        GroupwareAccount colleague = flow.colleague(io.liaison.api.domain.EmployeeId.of("colleague"),
                dir.resolve("colleague"));
        FailedAttempts attempts = new FailedAttempts(flow.tokens, flow.account.id());
        FailedAttempts theirs = new FailedAttempts(flow.tokens, colleague.id());
        attempts.failed("Inbox/Import folder/a.eml");
        assertThat(attempts.failed("Inbox/Import folder/a.eml")).isEqualTo(2);
        attempts.failed("Inbox/Import folder/b.eml");
        theirs.failed("Inbox/Import folder/a.eml");

        GroupwareAccount account = flow.accounts.get(flow.account.id()).orElseThrow();
        flow.accounts.update(account.id(), withAreas(account, Set.of(SyncArea.CONTACTS)));
        flow.accounts.update(account.id(), withAreas(account, Set.of(SyncArea.MAILS)));

        assertThat(attempts.failed("Inbox/Import folder/a.eml")).as("counted afresh").isEqualTo(1);
        assertThat(attempts.failed("Inbox/Import folder/b.eml")).isEqualTo(1);
        assertThat(theirs.failed("Inbox/Import folder/a.eml")).as("another account's count stays").isEqualTo(2);
    }
}
