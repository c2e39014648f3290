package io.liaison.crm.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.crm.CrmCatalog;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.StatusKey;
import org.junit.jupiter.api.Test;

/** The catalog: the status keys the spec needs and the activity types Liaison treats specially. */
public abstract class CatalogContract extends ContractSupport {

    @Test
    void knowsTheImportedAndDoneStatusKeysWithLabels() {
        var keys = crm().catalog().statusKeys();
        assertThat(keys).extracting(CrmCatalog.StatusDefinition::key).contains(StatusKey.IMPORTED, StatusKey.DONE);
        assertThat(keys).allSatisfy(d -> assertThat(d.label()).isNotBlank());
        assertThat(keys).extracting(CrmCatalog.StatusDefinition::key).doesNotHaveDuplicates();
    }

    @Test
    void isKnownAgreesWithTheList() {
        assertThat(crm().catalog().isKnown(StatusKey.IMPORTED)).isTrue();
        assertThat(crm().catalog().isKnown(StatusKey.DONE)).isTrue();
        assertThat(crm().catalog().isKnown(new StatusKey(CrmTestData.unique("nope")))).isFalse();
        for (CrmCatalog.StatusDefinition d : crm().catalog().statusKeys()) {
            assertThat(crm().catalog().isKnown(d.key())).as("isKnown(%s)", d.key()).isTrue();
        }
    }

    @Test
    void knowsTheActivityTypesLiaisonSynchronises() {
        var types = crm().catalog().activityTypes();
        assertThat(types).extracting(CrmCatalog.ActivityTypeDefinition::type).contains(ActivityType.APPOINTMENT,
                ActivityType.MEETING, ActivityType.FOLLOW_UP, ActivityType.TASK, ActivityType.MAIL_IN);
        assertThat(types).allSatisfy(d -> assertThat(d.label()).isNotBlank());
        assertThat(types).extracting(CrmCatalog.ActivityTypeDefinition::type).doesNotHaveDuplicates();
    }

    @Test
    void theMailInTypeIsKeyedMailin() {
        assertThat(crm().catalog().activityTypes()).extracting(d -> d.type().key()).contains("MAILIN");
    }
}
