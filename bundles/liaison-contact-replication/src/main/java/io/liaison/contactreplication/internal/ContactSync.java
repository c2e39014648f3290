package io.liaison.contactreplication.internal;

import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.item.ContactData;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.Link;
import io.liaison.api.runtime.LinkStore;
import io.liaison.api.runtime.RunJournal;
import io.liaison.api.runtime.SyncContext;
import io.liaison.api.runtime.SyncTrigger;
import io.liaison.api.runtime.TokenStore;
import io.liaison.sync.engine.DeletionRule;
import io.liaison.sync.engine.MassDeleteGuard;
import io.liaison.sync.engine.Reconciler;
import io.liaison.sync.engine.Synchronization;
import io.liaison.sync.engine.SyncRules;
import java.time.Clock;
import java.util.List;

/**
 * One continuous replication run of the linked contacts of an account, on the sync engine (the activity sync's):
 * the engine reads both feeds from the stored tokens, tells real changes from echoes of our own writes by the
 * versions in the links (and from changes to unshared fields by the content hash, which carries the pair's photo
 * mode), writes each change to the other side, settles changes on both sides by the account's conflict policy,
 * guards against mass deletions, and advances the tokens after every run: what it did not apply (a failed item, a
 * pair left alone, deletes the guard stopped) is offered to the next run from the link store. The contact
 * rules: a contact person deleted for good in the CRM is deleted in the groupware unless it was changed there (then
 * it stays, without CRM id); one merged into another follows the survivor, and one gone for a reason the CRM does not
 * tell, or no longer visible, stays without CRM id ({@link CrmContactSide}); one deleted in the groupware only
 * loses its link; a keep-both conflict keeps the groupware's edit as a separate groupware contact; a groupware
 * contact carrying the CRM id of an unlinked contact person (an export interrupted before its link) is linked again.
 */
final class ContactSync {

    /** The contact module's rules for the engine. */
    static final SyncRules RULES = new SyncRules(DeletionRule.DELETE_ELSE_DETACH, DeletionRule.UNLINK,
            SyncRules.KeepBoth.GROUPWARE_COPY, true, true);

    private final HostCrm crm;
    private final LinkStore links;
    private final TokenStore tokens;
    private final ReplicationConfig config;
    private final Clock clock;

    ContactSync(HostCrm crm, LinkStore links, TokenStore tokens, ReplicationConfig config, Clock clock) {
        this.crm = crm;
        this.links = links;
        this.tokens = tokens;
        this.config = config;
        this.clock = clock;
    }

    void run(SyncContext context) {
        GroupwareAccount account = context.account();
        ItemStore<ContactData> store = context.session().contacts().orElseThrow(() -> new IllegalStateException(
                "the connector of groupware account " + account.id() + " has no contacts"));
        RunJournal journal = context.journal();
        List<Link> linked = links.list(account.id(), ReplicationKeys.SCOPE);
        PhotoModes modes = new PhotoModes(linked);
        PairWriter writer = new PairWriter(crm, links, account.id(), account.employee(), store,
                context.session().contactLimits(), clock);
        CrmContactSide crmSide = new CrmContactSide(crm, account.employee(), account.id(), writer, modes, journal);
        GroupwareContactSide groupwareSide = new GroupwareContactSide(store, account.id(), writer, modes, journal);
        ContactFeeds feeds = new ContactFeeds(crm, account.employee(), config.crmPageSize(), linked, crmSide,
                groupwareSide, store, journal);
        Synchronization<ContactPerson, ContactData> synchronization = new Synchronization<>(account.id(),
                ReplicationKeys.SCOPE, ReplicationKeys.CRM_TOKEN, ReplicationKeys.GROUPWARE_TOKEN, links, tokens,
                feeds.crm(), feeds.groupware(), crmSide, groupwareSide, clock);
        Reconciler<ContactPerson, ContactData> reconciler = new Reconciler<>(account.id(), ReplicationKeys.SCOPE,
                SyncArea.CONTACTS, links, journal, crmSide, groupwareSide, clock, RULES);
        MassDeleteGuard guard = context.trigger() == SyncTrigger.ACCEPT_DELETES ? guard(config).acknowledge()
                : guard(config);
        synchronization.run(reconciler, account.conflictPolicy(), guard, RULES, step -> true,
                context::isCancelled);
    }

    /** More than the configured share of the linked contacts, and at least the configured number, gone at once. */
    static MassDeleteGuard guard(ReplicationConfig config) {
        double share = Math.min(100, Math.max(0, config.massDeletePercent())) / 100.0;
        return new MassDeleteGuard(share, 0, Math.max(1, config.massDeleteMinimum()));
    }
}
