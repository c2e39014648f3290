package io.liaison.contactreplication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.AccountRequest;
import io.liaison.api.runtime.Outcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25, point 3: contacts switched off forget their links and tokens; switched on again the area starts clean,
 * pairs the contact by the CRM id it carries, and writes no second copy on either side.
 */
class ContactAreaOffAndOnTest {
    @TempDir
    Path dir;

    private static AccountRequest withAreas(GroupwareAccount a, Set<SyncArea> areas) {
        return new AccountRequest(a.employee(), a.connectorType(), a.settings(), a.autoSync(), a.interval(), areas,
                a.conflictPolicy());
    }

    @Test
    void contactsSwitchedOffAndOnAgainStartCleanAndPairByTheCrmIdTheyCarry() {
        ContactFlow flow = new ContactFlow(dir, ConflictPolicy.CRM_WINS);
        BusinessPartner firma = flow.partner("Firma GmbH", "firma.de");
        ContactPerson anna = flow.person(firma, "Anna", "Alt", "anna@firma.de", null);
        flow.replication.export(flow.account.id(), List.of(anna.id()), true);
        flow.run();
        assertThat(flow.link(anna)).isPresent();
        GroupwareAccount account = flow.accounts.get(flow.account.id()).orElseThrow();

        flow.accounts.update(account.id(), withAreas(account, Set.of(SyncArea.MAILS)));

        assertThat(flow.links.list(account.id(), ReplicationKeys.SCOPE)).as("links forgotten").isEmpty();

        flow.accounts.update(account.id(), withAreas(account, Set.of(SyncArea.CONTACTS)));
        var run = flow.run();

        assertThat(flow.contactCount()).as("no second copy in the groupware").isEqualTo(1);
        assertThat(flow.crm.contactPersons().search(ContactFlow.DEMO,
                io.liaison.api.crm.ContactSearch.all(100))).as("no second copy in the CRM").hasSize(1);
        assertThat(flow.link(anna)).as("paired again by the CRM id the contact carries").isPresent();
        assertThat(flow.entries(run)).noneMatch(e -> e.outcome() == Outcome.FAILED || e.outcome() == Outcome.DELETED);
    }
}
