package io.liaison.sync.engine;

import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.Link;
import io.liaison.api.runtime.LinkStore;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.RunJournal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Applies a {@link Plan} through the two sides, one item at a time, saving the link after each item, so that a
 * crash between any two writes is repaired by the next run: a create is looked up by its idempotency key before
 * it is made again, and unlinked pairs are matched again by the ids they name. A failing item is journaled with
 * its reason and the others go on.
 *
 * @param <C> the CRM content type
 * @param <G> the groupware content type
 */
public final class Reconciler<C, G> {

    private final AccountId account;
    private final String scope;
    private final SyncArea area;
    private final LinkStore links;
    private final RunJournal journal;
    private final SideStore<C, G> crm;
    private final SideStore<G, C> groupware;
    private final Clock clock;
    private final SyncRules rules;

    /**
     * @param account   the account
     * @param scope     the link store scope of this area
     * @param area      the area, for the journal
     * @param links     the link store
     * @param journal   the run's journal
     * @param crm       the CRM side
     * @param groupware the groupware side
     * @param clock     for the links' time stamps
     */
    public Reconciler(AccountId account, String scope, SyncArea area, LinkStore links, RunJournal journal,
                      SideStore<C, G> crm, SideStore<G, C> groupware, Clock clock) {
        this(account, scope, area, links, journal, crm, groupware, clock, SyncRules.DEFAULT);
    }

    /**
     * As {@link #Reconciler(AccountId, String, SyncArea, LinkStore, RunJournal, SideStore, SideStore, Clock)}, with
     * the consumer's rules (the planner must have planned with the same rules).
     */
    public Reconciler(AccountId account, String scope, SyncArea area, LinkStore links, RunJournal journal,
                      SideStore<C, G> crm, SideStore<G, C> groupware, Clock clock, SyncRules rules) {
        this.rules = java.util.Objects.requireNonNull(rules, "rules");
        this.account = account;
        this.scope = scope;
        this.area = area;
        this.links = links;
        this.journal = journal;
        this.crm = crm;
        this.groupware = groupware;
        this.clock = clock;
    }

    /**
     * How applying a plan went.
     *
     * @param applied   steps applied
     * @param failed    steps that failed (journaled with the reason)
     * @param deferred  steps not chosen, left for the next run after a change meanwhile, or not reached before a
     *                  cancel
     * @param left      pairs left alone because an item of theirs cannot be read now
     * @param unapplied every step that was planned but not applied (failed, deferred, left alone, stopped by the
     *                  mass-delete guard): what the next run must be offered again
     */
    public record Result(int applied, int failed, int deferred, int left, List<Step<?, ?>> unapplied) {
        public Result {
            unapplied = List.copyOf(unapplied);
        }

        /** A result without the steps themselves. */
        public Result(int applied, int failed, int deferred) {
            this(applied, failed, deferred, 0, List.of());
        }

        /** Whether every planned step was applied and every item could be read. */
        public boolean clean() {
            return failed == 0 && deferred == 0 && left == 0;
        }
    }

    /** Journals a remark about the run as a whole (not about one item). */
    public void note(String item, String message) {
        journal.record(area, item, Outcome.UNCHANGED, message, Optional.empty());
    }

    /** Applies the chosen steps of a plan; stops between items when {@code cancelled} says so. */
    public Result apply(Plan<C, G> plan, Predicate<Step<C, G>> chosen, BooleanSupplier cancelled) {
        if (plan.crmDeletesStopped() > 0) {
            journal.record(area, "mass-delete guard", Outcome.WARNING, "mass-delete guard: the CRM reports "
                    + plan.crmDeletesStopped() + " of " + plan.linkCount() + " linked items gone in one run; taken for "
                    + "an outage, their groupware copies are kept and the deletes wait until the CRM is checked and "
                    + "an administrator acknowledges them for one run", Optional.empty());
        }
        if (plan.groupwareDeletesStopped() > 0) {
            journal.record(area, "mass-delete guard", Outcome.WARNING, "mass-delete guard: the groupware reports "
                    + plan.groupwareDeletesStopped() + " of " + plan.linkCount() + " linked items gone in one run; "
                    + "taken for an outage, their CRM copies are kept and the deletes wait until the groupware is "
                    + "checked and an administrator acknowledges them for one run", Optional.empty());
        }
        List<Step<?, ?>> unapplied = new ArrayList<>();
        plan.steps().stream().filter(s -> s.kind() == Step.Kind.DELETE_STOPPED).forEach(unapplied::add);
        for (Step<C, G> step : plan.leftAlone()) {
            journal.record(area, step.label(), Outcome.WARNING, step.reason(), step.crmId());
            unapplied.add(step);
        }
        int applied = 0;
        int failed = 0;
        int deferred = 0;
        for (Step<C, G> step : plan.actions()) {
            if (!chosen.test(step) || cancelled.getAsBoolean()) {
                deferred++;
                unapplied.add(step);
                continue;
            }
            try {
                apply(step);
                applied++;
            } catch (ItemChangedException e) {
                // a person changed it after this run read it: the next run's feed has that change
                journal.record(area, step.label(), Outcome.WARNING, "left for the next run: " + e.getMessage(),
                        step.crmId());
                deferred++;
                unapplied.add(step);
            } catch (ItemUnreadableException e) {
                // it could be read when planned and cannot now (a file being written): not gone, tried again
                journal.record(area, step.label(), Outcome.WARNING, "left for the next run, the item cannot be read: "
                        + e.getMessage(), step.crmId());
                deferred++;
                unapplied.add(step);
            } catch (RuntimeException e) {
                journal.record(area, step.label(), Outcome.FAILED, step.action().toLowerCase(java.util.Locale.ROOT)
                        + " " + step.direction() + " failed (" + step.reason() + "): " + describe(e), step.crmId());
                failed++;
                unapplied.add(step);
            }
        }
        return new Result(applied, failed, deferred, plan.leftAlone().size(), unapplied);
    }

    private void apply(Step<C, G> step) {
        switch (step.kind()) {
            case CREATE_IN_GROUPWARE -> createInGroupware(step, step.crm().orElseThrow());
            case CREATE_IN_CRM -> createInCrm(step, step.groupware().orElseThrow());
            case UPDATE_GROUPWARE -> updateGroupware(step, step.link().orElseThrow(), step.crm().orElseThrow(),
                    step.groupware().map(SideItem::version).orElse(step.link().orElseThrow().groupwareVersion()),
                    Outcome.UPDATED, step.reason());
            case UPDATE_CRM -> updateCrm(step, step.link().orElseThrow(), step.groupware().orElseThrow(),
                    step.crm().map(SideItem::version).orElse(step.link().orElseThrow().crmVersion()),
                    Outcome.UPDATED, step.reason());
            case DELETE_IN_GROUPWARE -> deleteInGroupware(step, step.link().orElseThrow());
            case DELETE_IN_CRM -> deleteInCrm(step, step.link().orElseThrow());
            case CONFLICT -> conflict(step);
            case RELINK -> relink(step, step.crm().orElseThrow(), step.groupware().orElseThrow());
            case FOLLOW_SURVIVOR -> followSurvivor(step, step.link().orElseThrow(), step.crm().orElseThrow());
            case REFRESH_LINK -> {
                refresh(step.link().orElseThrow(), step);
                if (rules.journalRefreshes()) {
                    journal.record(area, step.label(), Outcome.UNCHANGED, step.reason(), step.crmId());
                }
            }
            case CRM_ITEM_LEFT -> leave(step, step.link().orElseThrow(), true);
            case GROUPWARE_ITEM_LEFT -> leave(step, step.link().orElseThrow(), false);
            case UNLINK_KEEP_CRM -> unlink(step, step.link().orElseThrow(), true);
            case UNLINK_KEEP_GROUPWARE -> unlink(step, step.link().orElseThrow(), false);
            case DROP_LINK -> {
                links.delete(account, scope, step.link().orElseThrow().crmId());
                journal.record(area, step.label(), Outcome.DELETED, "link removed: " + step.reason(), step.crmId());
            }
            case DELETE_STOPPED, LEFT_ALONE -> {
                // journaled in apply, before the steps
            }
        }
    }

    private void createInGroupware(Step<C, G> step, SideItem<C> c) {
        boolean again = step.link().isPresent();
        step.link().ifPresent(stale -> links.delete(account, scope, stale.crmId()));
        CreateReason reason = again ? CreateReason.RECREATE : CreateReason.NEW;
        Optional<SideItem<G>> existing = step.lookUpFirst() || c.partnerId().isPresent()
                ? groupware.findCreated(c, reason) : Optional.empty();
        SideItem<G> g = existing.orElseGet(() -> groupware.create(c, reason));
        boolean keptAsIs = existing.isPresent() && !sameContent(c, g) && groupware.readOnly(g).isPresent();
        if (existing.isPresent() && !sameContent(c, g) && !keptAsIs) {
            g = groupware.update(g.id(), g.version(), c);
        }
        g = linkBack(g, c);
        save(c, g, keptAsIs ? g.contentHash() : c.contentHash());
        journal.record(area, step.label(), existing.isPresent() ? Outcome.LINKED : Outcome.CREATED,
                existing.isPresent() ? "created in the groupware by an interrupted run before; linked" : step.reason(),
                Optional.of(c.id()));
    }

    private void createInCrm(Step<C, G> step, SideItem<G> g) {
        boolean again = step.link().isPresent();
        step.link().ifPresent(stale -> links.delete(account, scope, stale.crmId()));
        CreateReason reason = again ? CreateReason.RECREATE : CreateReason.NEW;
        Optional<SideItem<C>> existing = crm.findCreated(g, reason);
        if (existing.isEmpty() && !again && g.partnerId().isPresent()
                && links.byCrmId(account, scope, g.partnerId().get()).isEmpty()) {
            // carries the id of an unlinked CRM item: its own copy, created by a run that stopped before the link
            existing = crm.get(g.partnerId().get());
        }
        SideItem<C> c = existing.orElseGet(() -> crm.create(g, reason));
        if (existing.isPresent() && !sameContent(c, g)) {
            c = crm.update(c.id(), c.version(), g);
        }
        SideItem<G> written = linkBack(g, c);
        save(c, written, g.contentHash());
        journal.record(area, step.label(), existing.isPresent() ? Outcome.LINKED : Outcome.CREATED,
                existing.isPresent() ? "created in the CRM by an interrupted run before; linked" : step.reason(),
                Optional.of(c.id()));
    }

    private void updateGroupware(Step<C, G> step, Link link, SideItem<C> c, String expectedGwVersion,
                                 Outcome outcome, String message) {
        SideItem<G> g;
        try {
            g = groupware.update(link.groupwareId(), expectedGwVersion, c);
        } catch (ItemReadOnlyException e) {
            keptAsIs(step, c, e.item(), e.getMessage());
            return;
        } catch (ItemGoneException e) {
            if (rules.whenGroupwareDeletes() != DeletionRule.DELETE_ELSE_RECREATE) {
                // deleted in the groupware after this run read it: the next run sees the deletion and its rule
                throw new ItemChangedException("deleted in the groupware meanwhile", e);
            }
            // deleted in the groupware after this run read it: the CRM's edit brings it back
            createInGroupware(new Step<>(Step.Kind.CREATE_IN_GROUPWARE, Optional.of(link), Optional.of(c),
                    Optional.empty(), Optional.empty(), true, "gone from the groupware while changed in the CRM"), c);
            return;
        }
        g = linkBack(g, c);
        save(c, g, c.contentHash());
        journal.record(area, step.label(), outcome, message, Optional.of(c.id()));
    }

    /**
     * The groupware keeps its item as it is: the CRM's edit stays in the CRM. The link takes the CRM's version and the
     * groupware's content hash, so the edit is neither retried nor a conflict in the next run, and a later change of
     * the groupware item (its organizer's) still reaches the CRM.
     */
    private void keptAsIs(Step<C, G> step, SideItem<C> c, SideItem<G> g, String why) {
        save(c, g, g.contentHash());
        journal.record(area, step.label(), Outcome.SKIPPED, why, Optional.of(c.id()));
    }

    private void updateCrm(Step<C, G> step, Link link, SideItem<G> g, String expectedCrmVersion, Outcome outcome,
                           String message) {
        SideItem<C> c;
        try {
            c = crm.update(link.crmId(), expectedCrmVersion, g);
        } catch (ItemGoneException e) {
            if (rules.whenCrmDeletes() != DeletionRule.DELETE_ELSE_RECREATE) {
                throw new ItemChangedException("deleted in the CRM meanwhile", e);
            }
            createInCrm(new Step<>(Step.Kind.CREATE_IN_CRM, Optional.of(link), Optional.empty(), Optional.of(g),
                    Optional.empty(), false, "gone from the CRM while changed in the groupware"), g);
            return;
        }
        SideItem<G> written = linkBack(g, c);
        save(c, written, g.contentHash());
        journal.record(area, step.label(), outcome, message, Optional.of(c.id()));
    }

    private void deleteInGroupware(Step<C, G> step, Link link) {
        Optional<String> told = Optional.empty();
        try {
            told = groupware.deleteAndTell(link.groupwareId(),
                    step.groupware().map(SideItem::version).orElse(link.groupwareVersion()));
        } catch (ItemGoneException e) {
            // gone already: nothing left to delete
        }
        links.delete(account, scope, link.crmId());
        journal.record(area, step.label(), Outcome.DELETED, step.reason() + "; deleted in the groupware"
                + told.map(t -> "; " + t).orElse(""), Optional.of(link.crmId()));
    }

    private void deleteInCrm(Step<C, G> step, Link link) {
        try {
            crm.delete(link.crmId(), step.crm().map(SideItem::version).orElse(link.crmVersion()));
        } catch (ItemGoneException e) {
            // gone already
        }
        links.delete(account, scope, link.crmId());
        journal.record(area, step.label(), Outcome.DELETED, step.reason() + "; deleted in the CRM",
                Optional.of(link.crmId()));
    }

    private void conflict(Step<C, G> step) {
        Link link = step.link().orElseThrow();
        SideItem<C> c = step.crm().orElseThrow();
        SideItem<G> g = step.groupware().orElseThrow();
        Optional<String> kept = groupware.readOnly(g);
        if (kept.isPresent()) {
            // the groupware's edit is the only one that can hold for both sides: no conflict to resolve
            updateCrm(step, link, g, c.version(), Outcome.UPDATED, kept.get() + "; the groupware's change is "
                    + "written to the CRM");
            return;
        }
        switch (step.resolution().orElseThrow()) {
            case CRM_WINS -> updateGroupware(step, link, c, g.version(), Outcome.CONFLICT, step.reason());
            case GROUPWARE_WINS -> updateCrm(step, link, g, c.version(), Outcome.CONFLICT, step.reason());
            case KEEP_BOTH -> {
                SideItem<C> copy = crm.findCreated(g, CreateReason.CONFLICT_COPY)
                        .orElseGet(() -> crm.create(g, CreateReason.CONFLICT_COPY));
                updateGroupware(step, link, c, g.version(), Outcome.CONFLICT, step.reason() + " (CRM item "
                        + copy.id() + "; it reaches the groupware as an item of its own)");
            }
            case KEEP_BOTH_AS_GROUPWARE_COPY -> {
                // the copy first: keyed by the item's version, so a crash before the update makes no second copy
                SideItem<G> copy = groupware.keepCopy(g);
                updateGroupware(step, link, c, g.version(), Outcome.CONFLICT, step.reason() + " (groupware item "
                        + copy.id() + ")");
            }
        }
    }

    /**
     * The item went on one side and stays on the other: the kept item is detached from the deleted one and the
     * link goes. An edit since the last run makes it a conflict in the journal.
     */
    private void unlink(Step<C, G> step, Link link, boolean crmKept) {
        boolean edited;
        try {
            if (crmKept) {
                crm.detach(link.crmId());
            } else {
                groupware.detach(link.groupwareId());
            }
        } catch (ItemGoneException e) {
            // gone meanwhile as well: nothing left to detach, the link goes all the same
        }
        if (crmKept) {
            edited = step.crm().map(i -> !i.version().equals(link.crmVersion())).orElse(false);
        } else {
            edited = step.groupware().map(i -> !i.version().equals(link.groupwareVersion())).orElse(false);
        }
        links.delete(account, scope, link.crmId());
        journal.record(area, step.label(), edited ? Outcome.CONFLICT : Outcome.DELETED, step.reason(),
                Optional.of(link.crmId()));
    }

    /**
     * One side's item left this sync: the other side keeps its item as its {@link SideStore#partnerLeft} says and the
     * link goes; both items stay, nothing is deleted.
     */
    private void leave(Step<C, G> step, Link link, boolean crmLeft) {
        try {
            if (crmLeft) {
                groupware.partnerLeft(link.groupwareId(), link.crmId());
            } else {
                crm.partnerLeft(link.crmId(), link.groupwareId());
            }
        } catch (ItemGoneException e) {
            // gone meanwhile: nothing to detach, the link goes all the same
        }
        links.delete(account, scope, link.crmId());
        journal.record(area, step.label(), Outcome.SKIPPED, step.reason(), Optional.of(link.crmId()));
    }

    private void relink(Step<C, G> step, SideItem<C> c, SideItem<G> g) {
        SideItem<G> target = g;
        SideItem<C> kept = c;
        if (!sameContent(c, g) && groupware.readOnly(g).isPresent()) {
            // the groupware keeps its item as it is: the CRM takes its content
            kept = crm.update(c.id(), c.version(), g);
        } else if (!sameContent(c, g)) {
            // no common base to tell who changed: the CRM, the system of record, is kept
            target = groupware.update(g.id(), g.version(), c);
        }
        target = linkBack(target, kept);
        save(kept, target, kept == c ? c.contentHash() : g.contentHash());
        journal.record(area, step.label(), Outcome.LINKED, step.reason(), Optional.of(c.id()));
    }

    /**
     * The linked CRM item was merged into {@code survivor}: the groupware item takes the survivor's content and link
     * (saving the survivor's link replaces the merged item's, which names the same groupware item), as a relink does.
     */
    private void followSurvivor(Step<C, G> step, Link link, SideItem<C> survivor) {
        SideItem<G> g = step.groupware().or(() -> groupware.get(link.groupwareId())).orElseThrow(
                () -> new ItemGoneException("groupware item " + link.groupwareId() + " is gone", null));
        relink(step, survivor, g);
    }

    private void refresh(Link link, Step<C, G> step) {
        String crmVersion = step.crm().map(SideItem::version).orElse(link.crmVersion());
        String gwVersion = step.groupware().map(SideItem::version).orElse(link.groupwareVersion());
        // both sides hold the same content (the same edit on both, or a write whose link a crash lost): the link
        // takes that content's hash, so that a later edit is compared with what both sides hold now
        String hash = step.crm().isPresent() && step.groupware().isPresent()
                && sameContent(step.crm().get(), step.groupware().get())
                ? step.crm().get().contentHash() : link.contentHash();
        links.save(new Link(account, scope, link.crmId(), crmVersion, link.groupwareId(), gwVersion, hash,
                clock.instant()));
    }

    /** Writes the link back when it is missing; a person's edit in between leaves it for the next run. */
    private SideItem<G> linkBack(SideItem<G> g, SideItem<C> c) {
        try {
            return groupware.ensureLinkTo(g, c).orElse(g);
        } catch (ItemChangedException | ItemGoneException e) {
            return g;
        }
    }

    private void save(SideItem<C> c, SideItem<G> g, String hash) {
        links.save(new Link(account, scope, c.id(), c.version(), g.id(), g.version(), hash, clock.instant()));
    }

    private static boolean sameContent(SideItem<?> a, SideItem<?> b) {
        return !a.contentHash().isEmpty() && a.contentHash().equals(b.contentHash());
    }

    private static String describe(RuntimeException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
