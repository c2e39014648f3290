package io.liaison.contactreplication.internal;

import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.IdempotencyKey;
import io.liaison.api.connector.ItemNotFoundException;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.VersionConflictException;
import io.liaison.api.connector.item.ContactData;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.RunJournal;
import io.liaison.sync.engine.CreateReason;
import io.liaison.sync.engine.GroupwareLookups;
import io.liaison.sync.engine.ItemChangedException;
import io.liaison.sync.engine.ItemGoneException;
import io.liaison.sync.engine.Presence;
import io.liaison.sync.engine.SideItem;
import io.liaison.sync.engine.SideStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The groupware side of contact replication for the engine: the account's contacts. Every contact written carries
 * its contact person's CRM id; a create's idempotency key names the account and the contact person (the export's
 * key), so a repeated create finds the first contact. A contact detached from a deleted contact person loses its
 * CRM id (and is offered by the import); the groupware's edit of a keep-both conflict is kept as a separate contact
 * without CRM id.
 */
final class GroupwareContactSide implements SideStore<ContactData, ContactPerson> {

    private final ItemStore<ContactData> store;
    private final AccountId account;
    private final PairWriter writer;
    private final PhotoModes modes;
    private final RunJournal journal;

    GroupwareContactSide(ItemStore<ContactData> store, AccountId account, PairWriter writer, PhotoModes modes,
                         RunJournal journal) {
        this.store = store;
        this.account = account;
        this.writer = writer;
        this.modes = modes;
        this.journal = journal;
    }

    /** The engine's view of a groupware contact. */
    SideItem<ContactData> item(GroupwareItem<ContactData> g) {
        boolean photos = modes.ofGroupware(g.id(), g.crmId());
        return new SideItem<>(g.id(), g.version(),
                ReplicationKeys.linkHash(photos, ContactMapping.sharedHash(g.data(), photos)), g.crmId(),
                g.modifiedAt(), "contact " + ContactMapping.name(g.data()), g.data());
    }

    @Override
    public Optional<SideItem<ContactData>> get(String id) {
        return GroupwareLookups.get(store, id, this::item);
    }

    @Override
    public Map<String, Presence<ContactData>> lookUp(Collection<String> ids) {
        return GroupwareLookups.lookUp(store, ids, this::item);
    }

    @Override
    public Optional<SideItem<ContactData>> findCreated(SideItem<ContactPerson> source, CreateReason reason) {
        List<GroupwareItem<ContactData>> found = store.findAllByCrmId(source.id());
        if (found.size() > 1) {
            throw new IllegalStateException(PairWriter.copies(found.size(), source.id()));
        }
        return found.stream().findFirst().map(this::item);
    }

    @Override
    public SideItem<ContactData> create(SideItem<ContactPerson> source, CreateReason reason) {
        ContactPerson person = source.data();
        IdempotencyKey key = reason == CreateReason.NEW ? ReplicationKeys.exportKey(account, person.id())
                : ReplicationKeys.recreateKey(account, person.id(), source.version());
        ContactData content = withWarnings(source, w -> writer.groupwareContent(person, modes.ofCrm(source.id()),
                Optional.empty(), w));
        return item(store.create(content, Optional.of(source.id()), key));
    }

    @Override
    public SideItem<ContactData> update(String id, String expectedVersion, SideItem<ContactPerson> source) {
        return translated(id, () -> {
            GroupwareItem<ContactData> current = store.get(id).orElseThrow(() -> new ItemNotFoundException(id + " is gone"));
            ContactData content = withWarnings(source, w -> writer.groupwareContent(source.data(),
                    modes.ofCrm(source.id()), Optional.of(current.data()), w));
            if (content.equals(current.data()) && current.crmId().equals(Optional.of(source.id()))) {
                return item(current);
            }
            GroupwareItem<ContactData> written = store.update(id, expectedVersion, content, Optional.of(source.id()));
            PairWriter.photoKept(content, written).ifPresent(w -> journal.record(SyncArea.CONTACTS, source.label(),
                    Outcome.WARNING, w, Optional.of(source.id())));
            return item(written);
        });
    }

    @Override
    public void delete(String id, String expectedVersion) {
        translated(id, () -> {
            store.delete(id, expectedVersion);
            return null;
        });
    }

    @Override
    public Optional<SideItem<ContactData>> ensureLinkTo(SideItem<ContactData> item, SideItem<ContactPerson> other) {
        if (item.partnerId().equals(Optional.of(other.id()))) {
            return Optional.empty();
        }
        return Optional.of(translated(item.id(), () ->
                item(store.update(item.id(), item.version(), item.data(), Optional.of(other.id())))));
    }

    /** Takes the CRM id off the contact: it stays in the groupware, no longer replicated, offered by the import. */
    @Override
    public Optional<SideItem<ContactData>> detach(String id) {
        Optional<GroupwareItem<ContactData>> current = store.get(id);
        if (current.isEmpty() || current.get().crmId().isEmpty()) {
            return Optional.empty();
        }
        GroupwareItem<ContactData> g = current.get();
        return Optional.of(translated(id, () -> item(store.update(id, g.version(), g.data(), Optional.empty()))));
    }

    /** A separate contact without CRM id with the content of this version of the contact (once per version). */
    @Override
    public SideItem<ContactData> keepCopy(SideItem<ContactData> item) {
        return item(store.create(item.data(), Optional.empty(), ReplicationKeys.conflictCopyKey(item.id(), item.version())));
    }

    /** Photo problems of the write are journaled for the contact; the contact is written without the photo. */
    private ContactData withWarnings(SideItem<ContactPerson> source,
                                     java.util.function.Function<List<String>, ContactData> content) {
        List<String> warnings = new ArrayList<>();
        ContactData data = content.apply(warnings);
        warnings.forEach(w -> journal.record(SyncArea.CONTACTS, source.label(), Outcome.WARNING, w,
                Optional.of(source.id())));
        return data;
    }

    private static <R> R translated(String id, Supplier<R> write) {
        try {
            return write.get();
        } catch (ItemNotFoundException e) {
            throw new ItemGoneException("groupware contact " + id + " is gone", e);
        } catch (VersionConflictException e) {
            throw new ItemChangedException(e.getMessage(), e);
        }
    }
}
