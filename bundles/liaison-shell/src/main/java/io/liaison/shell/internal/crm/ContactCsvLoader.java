package io.liaison.shell.internal.crm;

import io.liaison.api.crm.BusinessPartnerDirectory;
import io.liaison.api.crm.ContactPersonDirectory;
import io.liaison.api.crm.CrmException;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.BusinessPartnerId;
import io.liaison.api.domain.Communication;
import io.liaison.api.domain.CommunicationType;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonData;
import io.liaison.api.domain.EmployeeId;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads contact persons from a CSV file into any {@link HostCrm}: the demo and test data loader behind
 * {@code liaison:crm-import-contacts}.
 *
 * <ul>
 *   <li>One business partner per distinct {@code business_partner} name: found by name (ignoring case) or
 *       created; the line's {@code bp_email_domain} values are added to it when it lacks them.</li>
 *   <li>The {@code id} column is the contact person's external key, so loading a file again finds the contact
 *       persons it created: unchanged ones are left alone, changed ones are updated, none is duplicated.</li>
 *   <li>The file owns the contact person's partner, title, names and its e-mail, phone and mobile
 *       communications; other fields (salutation, position, fax, …) entered in the CRM are kept.</li>
 *   <li>A line that is malformed or that the CRM refuses is reported with its number and reason, and the rest of
 *       the file is still loaded.</li>
 * </ul>
 */
public final class ContactCsvLoader {
    private static final Set<CommunicationType> OWNED = EnumSet.of(CommunicationType.EMAIL,
            CommunicationType.PHONE, CommunicationType.MOBILE);

    private final HostCrm crm;

    public ContactCsvLoader(HostCrm crm) {
        this.crm = crm;
    }

    /**
     * Loads a file.
     *
     * @param actor  the employee the CRM calls act for
     * @param reader the file's text; not closed
     * @throws io.liaison.shell.internal.UserInputException when the file is empty or its header is wrong
     */
    public ContactCsvReport load(EmployeeId actor, Reader reader) throws IOException {
        Run run = new Run(actor);
        ContactCsvParser.parse(reader, parsed -> {
            if (parsed instanceof ContactCsvParser.Failed f) {
                run.failures.add(f.failure());
            } else if (parsed instanceof ContactCsvParser.Row r) {
                run.apply(r.row());
            }
        });
        return new ContactCsvReport(run.created, run.updated, run.unchanged, run.failures, run.partnersCreated);
    }

    /** The state of one load: counts, failures, and the business partners found so far by name. */
    private final class Run {
        private final EmployeeId actor;
        private final Map<String, BusinessPartner> partners = new HashMap<>();
        private final List<RowFailure> failures = new ArrayList<>();
        private final List<String> partnersCreated = new ArrayList<>();
        private int created;
        private int updated;
        private int unchanged;

        Run(EmployeeId actor) {
            this.actor = actor;
        }

        void apply(ContactRow row) {
            try {
                BusinessPartner partner = partner(row);
                ContactPersonDirectory contacts = crm.contactPersons();
                Optional<ContactPerson> existing = contacts.findByExternalKey(actor, row.id());
                if (existing.isEmpty()) {
                    contacts.create(actor, data(row, partner.id(), Optional.empty()), Optional.of(row.id()));
                    created++;
                } else if (matches(existing.get().data(), row, partner.id())) {
                    unchanged++;
                } else {
                    ContactPerson person = existing.get();
                    contacts.update(actor, person.id(), person.version(),
                            data(row, partner.id(), Optional.of(person.data())));
                    updated++;
                }
            } catch (CrmException | IllegalArgumentException e) {
                failures.add(new RowFailure(row.line(), row.id(), "the CRM refused it: " + e.getMessage()));
            } catch (RowRejected e) {
                failures.add(new RowFailure(row.line(), row.id(), e.getMessage()));
            }
        }

        private BusinessPartner partner(ContactRow row) {
            String key = row.businessPartner().toLowerCase(Locale.ROOT);
            BusinessPartnerDirectory directory = crm.businessPartners();
            BusinessPartner partner = partners.get(key);
            if (partner == null) {
                List<BusinessPartner> found = directory.findByName(actor, row.businessPartner());
                if (found.size() > 1) {
                    throw new RowRejected("business partner name '" + row.businessPartner() + "' matches "
                            + found.size() + " partners in the CRM");
                }
                if (found.isEmpty()) {
                    partner = directory.create(actor, row.businessPartner(), row.domains());
                    partnersCreated.add(partner.name());
                } else {
                    partner = found.get(0);
                }
            }
            Set<String> has = partner.emailDomains().stream().map(d -> d.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toSet());
            List<String> missing = row.domains().stream().filter(d -> !has.contains(d)).distinct().toList();
            if (!missing.isEmpty()) {
                partner = directory.addEmailDomains(actor, partner.id(), missing);
            }
            partners.put(key, partner);
            return partner;
        }
    }

    /** The contact person's data from the line, keeping what the file does not own from {@code before}. */
    static ContactPersonData data(ContactRow row, BusinessPartnerId partner, Optional<ContactPersonData> before) {
        List<Communication> communications = new ArrayList<>();
        before.ifPresent(b -> b.communications().stream().filter(c -> !OWNED.contains(c.type()))
                .forEach(communications::add));
        communications.addAll(owned(row));
        return new ContactPersonData(Optional.of(partner),
                before.map(ContactPersonData::salutation).orElse(""), row.title(), row.firstName(), row.lastName(),
                before.map(ContactPersonData::position).orElse(""),
                before.map(ContactPersonData::department).orElse(""), communications,
                before.map(ContactPersonData::country).orElse(""));
    }

    /** Whether the stored data already says what the line says. */
    static boolean matches(ContactPersonData stored, ContactRow row, BusinessPartnerId partner) {
        return stored.businessPartner().equals(Optional.of(partner))
                && stored.title().equals(row.title())
                && stored.firstName().equals(row.firstName())
                && stored.lastName().equals(row.lastName())
                && comparable(stored.communications().stream().filter(c -> OWNED.contains(c.type())).toList())
                        .equals(comparable(owned(row)));
    }

    private static List<Communication> owned(ContactRow row) {
        List<Communication> owned = new ArrayList<>();
        if (!row.email().isEmpty()) {
            owned.add(new Communication(CommunicationType.EMAIL, row.email(), true));
        }
        if (!row.phone().isEmpty()) {
            owned.add(new Communication(CommunicationType.PHONE, row.phone(), true));
        }
        if (!row.mobile().isEmpty()) {
            owned.add(new Communication(CommunicationType.MOBILE, row.mobile(), true));
        }
        return owned;
    }

    /** Type and value, e-mail addresses ignoring case; order and the primary flag do not count. */
    private static Set<String> comparable(List<Communication> communications) {
        Set<String> keys = new HashSet<>();
        for (Communication c : communications) {
            String value = c.value().strip();
            keys.add(c.type() + ":" + (c.type() == CommunicationType.EMAIL ? value.toLowerCase(Locale.ROOT) : value));
        }
        return keys;
    }

    /** A line the loader cannot apply, for a reason of its own (not the CRM's). */
    private static final class RowRejected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RowRejected(String message) {
            super(message);
        }
    }
}
