package io.liaison.shell.internal;

import io.liaison.api.crm.ActivityQuery;
import io.liaison.api.crm.ActivityStore;
import io.liaison.api.crm.BusinessPartnerDirectory;
import io.liaison.api.crm.ContactPersonDirectory;
import io.liaison.api.crm.ContactSearch;
import io.liaison.api.crm.CrmCatalog;
import io.liaison.api.crm.CrmChangePage;
import io.liaison.api.crm.CrmNotFoundException;
import io.liaison.api.crm.CrmStaleVersionException;
import io.liaison.api.crm.CrmToken;
import io.liaison.api.crm.DocumentStore;
import io.liaison.api.crm.EmployeeDirectory;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.crm.Quicksearch;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.ActivityId;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.BusinessPartnerId;
import io.liaison.api.domain.Communication;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonData;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.Employee;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.Photo;
import io.liaison.api.domain.StatusKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A small host CRM in memory for the shell's tests: employees, business partners, contact persons and
 * activities with the quicksearches. Documents, photos and change feeds are not needed by the shell.
 */
public final class InMemoryCrm implements HostCrm {
    public final Map<String, Employee> employees = new LinkedHashMap<>();
    public final Map<String, BusinessPartner> partners = new LinkedHashMap<>();
    public final Map<String, ContactPerson> contacts = new LinkedHashMap<>();
    public final Map<String, Activity> activities = new LinkedHashMap<>();
    private int next = 1;

    public InMemoryCrm() {
        employees.put("demo", new Employee(EmployeeId.of("demo"), "demo", "Demo User", "demo@example.com"));
    }

    private String nextId(String prefix) {
        return prefix + next++;
    }

    /** Adds an activity as a mail import would. */
    public Activity addActivity(ActivityData data, Optional<String> sourceKey) {
        Activity a = new Activity(ActivityId.of(nextId("a")), 1, Instant.now(), Instant.now(), sourceKey, data);
        activities.put(a.id().value(), a);
        return a;
    }

    @Override
    public ActivityStore activities() {
        return new ActivityStore() {
            @Override
            public Activity create(EmployeeId actor, ActivityData data, Optional<String> key) {
                return addActivity(data, key);
            }

            @Override
            public Optional<Activity> get(EmployeeId actor, ActivityId id) {
                return Optional.ofNullable(activities.get(id.value()));
            }

            @Override
            public Optional<Activity> findBySourceKey(EmployeeId actor, String key) {
                return activities.values().stream().filter(a -> a.sourceKey().equals(Optional.of(key))).findFirst();
            }

            @Override
            public Activity update(EmployeeId actor, ActivityId id, long expectedVersion, ActivityData data) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void delete(EmployeeId actor, ActivityId id, long expectedVersion) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<Activity> search(EmployeeId actor, ActivityQuery query) {
                return own(actor).filter(a -> query.ids().isEmpty() || query.ids().contains(a.id()))
                        .limit(query.limit()).toList();
            }

            @Override
            public List<Activity> quicksearch(EmployeeId actor, Quicksearch q, int limit) {
                return own(actor).filter(a -> a.data().type().equals(ActivityType.MAIL_IN) && a.sourceKey().isPresent())
                        .filter(a -> switch (q) {
                            case IMPORTED_MAILS -> a.data().status().equals(StatusKey.IMPORTED);
                            case NOT_ASSIGNED_IMPORTED_MAILS -> a.data().isUnassigned();
                            case ALL_IMPORTED_MAILS -> true;
                        }).limit(limit).toList();
            }

            @Override
            public CrmChangePage<Activity, ActivityId> changesSince(EmployeeId actor, Optional<CrmToken> since, int max) {
                throw new UnsupportedOperationException();
            }

            private Stream<Activity> own(EmployeeId actor) {
                return activities.values().stream().filter(a -> a.data().owner().equals(actor))
                        .sorted(Comparator.comparing(Activity::createdAt).reversed());
            }
        };
    }

    @Override
    public DocumentStore documents() {
        throw new UnsupportedOperationException("not needed by the shell");
    }

    @Override
    public ContactPersonDirectory contactPersons() {
        return new ContactPersonDirectory() {
            @Override
            public ContactPerson create(EmployeeId actor, ContactPersonData data, Optional<String> externalKey) {
                if (externalKey.isPresent()) {
                    Optional<ContactPerson> existing = findByExternalKey(actor, externalKey.get());
                    if (existing.isPresent()) {
                        return existing.get();
                    }
                }
                ContactPerson p = new ContactPerson(new ContactPersonId(nextId("c")), 1, Instant.now(), externalKey, data);
                contacts.put(p.id().value(), p);
                return p;
            }

            @Override
            public Optional<ContactPerson> get(EmployeeId actor, ContactPersonId id) {
                return Optional.ofNullable(contacts.get(id.value()));
            }

            @Override
            public Optional<ContactPerson> findByExternalKey(EmployeeId actor, String externalKey) {
                return contacts.values().stream().filter(c -> c.externalKey().equals(Optional.of(externalKey)))
                        .findFirst();
            }

            @Override
            public ContactPerson update(EmployeeId actor, ContactPersonId id, long expectedVersion,
                                        ContactPersonData data) {
                ContactPerson p = get(actor, id).orElseThrow(() -> new CrmNotFoundException("no contact " + id));
                if (p.version() != expectedVersion) {
                    throw new CrmStaleVersionException("contact " + id + " changed");
                }
                ContactPerson updated = new ContactPerson(p.id(), p.version() + 1, Instant.now(), p.externalKey(), data);
                contacts.put(id.value(), updated);
                return updated;
            }

            @Override
            public void delete(EmployeeId actor, ContactPersonId id, long expectedVersion) {
                contacts.remove(id.value());
            }

            @Override
            public ContactPerson addCommunication(EmployeeId actor, ContactPersonId id, Communication c) {
                ContactPerson p = contacts.get(id.value());
                return update(actor, id, p.version(), p.data().withCommunication(c));
            }

            @Override
            public List<ContactPerson> findByEmail(EmployeeId actor, String address) {
                return contacts.values().stream().filter(c -> c.data().communications().stream()
                        .anyMatch(m -> m.value().equalsIgnoreCase(address))).toList();
            }

            @Override
            public List<ContactPerson> search(EmployeeId actor, ContactSearch criteria) {
                return contacts.values().stream().limit(criteria.limit()).toList();
            }

            @Override
            public Optional<Photo> photo(EmployeeId actor, ContactPersonId id) {
                return Optional.empty();
            }

            @Override
            public ContactPerson setPhoto(EmployeeId actor, ContactPersonId id, Optional<Photo> photo) {
                throw new UnsupportedOperationException();
            }

            @Override
            public CrmChangePage<ContactPerson, ContactPersonId> changesSince(EmployeeId actor,
                                                                             Optional<CrmToken> since, int max) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Override
    public BusinessPartnerDirectory businessPartners() {
        return new BusinessPartnerDirectory() {
            @Override
            public Optional<BusinessPartner> get(EmployeeId actor, BusinessPartnerId id) {
                return Optional.ofNullable(partners.get(id.value()));
            }

            @Override
            public BusinessPartner create(EmployeeId actor, String name, List<String> emailDomains) {
                BusinessPartner bp = new BusinessPartner(new BusinessPartnerId(nextId("bp")), name,
                        emailDomains.stream().map(d -> d.toLowerCase(Locale.ROOT)).distinct().toList());
                partners.put(bp.id().value(), bp);
                return bp;
            }

            @Override
            public BusinessPartner addEmailDomains(EmployeeId actor, BusinessPartnerId id, List<String> domains) {
                BusinessPartner bp = partners.get(id.value());
                List<String> all = new ArrayList<>(bp.emailDomains());
                domains.stream().map(d -> d.toLowerCase(Locale.ROOT)).filter(d -> !all.contains(d)).forEach(all::add);
                BusinessPartner updated = new BusinessPartner(bp.id(), bp.name(), all);
                partners.put(id.value(), updated);
                return updated;
            }

            @Override
            public List<BusinessPartner> search(EmployeeId actor, String name, int limit) {
                return partners.values().stream()
                        .filter(b -> b.name().toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT)))
                        .limit(limit).toList();
            }

            @Override
            public List<BusinessPartner> findByName(EmployeeId actor, String name) {
                return partners.values().stream().filter(b -> b.name().equalsIgnoreCase(name)).toList();
            }

            @Override
            public List<BusinessPartner> findByEmailDomain(EmployeeId actor, String domain) {
                return partners.values().stream().filter(b -> b.emailDomains().contains(domain.toLowerCase(Locale.ROOT)))
                        .toList();
            }
        };
    }

    @Override
    public EmployeeDirectory employees() {
        return new EmployeeDirectory() {
            @Override
            public List<Employee> list() {
                return List.copyOf(employees.values());
            }

            @Override
            public Optional<Employee> get(EmployeeId id) {
                return Optional.ofNullable(employees.get(id.value()));
            }

            @Override
            public Optional<Employee> findByLogin(String login) {
                return employees.values().stream().filter(e -> e.login().equals(login)).findFirst();
            }
        };
    }

    @Override
    public CrmCatalog catalog() {
        throw new UnsupportedOperationException("not needed by the shell");
    }
}
