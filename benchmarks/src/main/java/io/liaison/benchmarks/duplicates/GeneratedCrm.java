package io.liaison.benchmarks.duplicates;

import io.liaison.api.crm.ActivityStore;
import io.liaison.api.crm.BusinessPartnerDirectory;
import io.liaison.api.crm.ContactPersonDirectory;
import io.liaison.api.crm.ContactSearch;
import io.liaison.api.crm.CrmCatalog;
import io.liaison.api.crm.CrmChangePage;
import io.liaison.api.crm.CrmToken;
import io.liaison.api.crm.DocumentStore;
import io.liaison.api.crm.EmployeeDirectory;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.Communication;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonData;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.Employee;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.Photo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A read-only host CRM over generated contacts held in memory, so that the benchmark measures the duplicate check
 * and not a CRM: the contact change feed (token = position), {@code get} and one employee. Everything else is
 * refused: the duplicate check never calls it.
 */
final class GeneratedCrm implements HostCrm {
    static final EmployeeId EMPLOYEE = EmployeeId.of("bench");
    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private final List<ContactPersonData> contacts;

    GeneratedCrm(List<ContactPersonData> contacts) {
        this.contacts = contacts;
    }

    private ContactPerson person(int index) {
        return new ContactPerson(ContactPersonId.of(Integer.toString(index)), 1, CREATED, Optional.empty(), contacts.get(index));
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("the benchmark's CRM only serves the contact change feed and get");
    }

    @Override
    public ContactPersonDirectory contactPersons() {
        return new ContactPersonDirectory() {
            @Override
            public CrmChangePage<ContactPerson, ContactPersonId> changesSince(EmployeeId actor, Optional<CrmToken> since, int max) {
                int from = since.map(t -> Integer.parseInt(t.value())).orElse(0);
                int to = Math.min(contacts.size(), from + max);
                List<ContactPerson> page = new java.util.ArrayList<>(to - from);
                for (int i = from; i < to; i++) {
                    page.add(person(i));
                }
                return new CrmChangePage<>(page, List.of(), new CrmToken(Integer.toString(to)), to < contacts.size());
            }

            @Override
            public Optional<ContactPerson> get(EmployeeId actor, ContactPersonId id) {
                int index = Integer.parseInt(id.value());
                return index < contacts.size() ? Optional.of(person(index)) : Optional.empty();
            }

            @Override
            public ContactPerson create(EmployeeId actor, ContactPersonData data, Optional<String> externalKey) {
                throw readOnly();
            }

            @Override
            public Optional<ContactPerson> findByExternalKey(EmployeeId actor, String externalKey) {
                throw readOnly();
            }

            @Override
            public ContactPerson update(EmployeeId actor, ContactPersonId id, long expectedVersion, ContactPersonData data) {
                throw readOnly();
            }

            @Override
            public void delete(EmployeeId actor, ContactPersonId id, long expectedVersion) {
                throw readOnly();
            }

            @Override
            public ContactPerson addCommunication(EmployeeId actor, ContactPersonId id, Communication communication) {
                throw readOnly();
            }

            @Override
            public List<ContactPerson> findByEmail(EmployeeId actor, String address) {
                throw readOnly();
            }

            @Override
            public List<ContactPerson> search(EmployeeId actor, ContactSearch criteria) {
                throw readOnly();
            }

            @Override
            public Optional<Photo> photo(EmployeeId actor, ContactPersonId id) {
                throw readOnly();
            }

            @Override
            public ContactPerson setPhoto(EmployeeId actor, ContactPersonId id, Optional<Photo> photo) {
                throw readOnly();
            }
        };
    }

    @Override
    public EmployeeDirectory employees() {
        Employee bench = new Employee(EMPLOYEE, "bench", "Benchmark", "");
        return new EmployeeDirectory() {
            @Override
            public List<Employee> list() {
                return List.of(bench);
            }

            @Override
            public Optional<Employee> get(EmployeeId id) {
                return id.equals(EMPLOYEE) ? Optional.of(bench) : Optional.empty();
            }

            @Override
            public Optional<Employee> findByLogin(String login) {
                return login.equals("bench") ? Optional.of(bench) : Optional.empty();
            }
        };
    }

    @Override
    public ActivityStore activities() {
        throw readOnly();
    }

    @Override
    public DocumentStore documents() {
        throw readOnly();
    }

    @Override
    public BusinessPartnerDirectory businessPartners() {
        throw readOnly();
    }

    @Override
    public CrmCatalog catalog() {
        throw readOnly();
    }
}
