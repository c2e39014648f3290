package io.liaison.crm.tck;

import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.EmployeeId;
import org.junit.jupiter.api.Nested;

/**
 * The whole host-CRM contract. A CRM vendor extends this class in their own test sources, returns their
 * {@link HostCrm} from {@link #crm()} and a known employee from {@link #employee()}, and runs it with JUnit 5:
 * <pre>{@code
 * class AcmeCrmContractTest extends HostCrmContractTest {
 *     static final HostCrm CRM = AcmeCrm.connect(...);
 *     protected HostCrm crm() { return CRM; }
 *     protected EmployeeId employee() { return EmployeeId.of("jdoe"); }
 * }
 * }</pre>
 * The tests share the CRM (one instance for the class, set up in a {@code @BeforeAll} or a static field) and do not
 * need it empty: they make their own items with unique names and look only at those. Each area is a nested class,
 * so a report shows which part of the contract fails.
 */
public abstract class HostCrmContractTest implements CrmFixture {

    @Override
    public abstract HostCrm crm();

    @Override
    public abstract EmployeeId employee();

    /** Status keys and activity types. */
    @Nested
    class Catalog extends CatalogContract {
        @Override
        protected CrmFixture fixture() {
            return HostCrmContractTest.this;
        }
    }

    /** Employees. */
    @Nested
    class Employees extends EmployeeDirectoryContract {
        @Override
        protected CrmFixture fixture() {
            return HostCrmContractTest.this;
        }
    }

    /** Create, read, update, delete and search activities. */
    @Nested
    class Activities extends ActivityStoreContract {
        @Override
        protected CrmFixture fixture() {
            return HostCrmContractTest.this;
        }
    }

    /** An activity with its documents in one call. */
    @Nested
    class ActivityCreations extends ActivityCreationContract {
        @Override
        protected CrmFixture fixture() {
            return HostCrmContractTest.this;
        }
    }

    /** The spec's three quicksearches for imported mails. */
    @Nested
    class Quicksearches extends QuicksearchContract {
        @Override
        protected CrmFixture fixture() {
            return HostCrmContractTest.this;
        }
    }

    /** One activity per imported mail for the whole CRM, or per owner. */
    @Nested
    class SharedMails extends SharedMailContract {
        @Override
        protected CrmFixture fixture() {
            return HostCrmContractTest.this;
        }
    }

    /** Relations between activities (a reply and the mail it answers). */
    @Nested
    class Relations extends RelationContract {
        @Override
        protected CrmFixture fixture() {
            return HostCrmContractTest.this;
        }
    }

    /** Appointments found by the iCalendar UID of their event. */
    @Nested
    class CalendarUids extends CalendarUidContract {
        @Override
        protected CrmFixture fixture() {
            return HostCrmContractTest.this;
        }
    }

    /** The activity change feed. */
    @Nested
    class ActivityChanges extends ActivityChangeFeedContract {
        @Override
        protected CrmFixture fixture() {
            return HostCrmContractTest.this;
        }
    }

    /** Documents attached to activities. */
    @Nested
    class Documents extends DocumentStoreContract {
        @Override
        protected CrmFixture fixture() {
            return HostCrmContractTest.this;
        }
    }

    /** Contact persons, communications, photos. */
    @Nested
    class ContactPersons extends ContactPersonDirectoryContract {
        @Override
        protected CrmFixture fixture() {
            return HostCrmContractTest.this;
        }
    }

    /** The contact person change feed. */
    @Nested
    class ContactChanges extends ContactChangeFeedContract {
        @Override
        protected CrmFixture fixture() {
            return HostCrmContractTest.this;
        }
    }

    /** Business partners and the search by e-mail domain. */
    @Nested
    class BusinessPartners extends BusinessPartnerDirectoryContract {
        @Override
        protected CrmFixture fixture() {
            return HostCrmContractTest.this;
        }
    }
}
