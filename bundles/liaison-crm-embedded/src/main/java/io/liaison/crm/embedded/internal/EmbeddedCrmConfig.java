package io.liaison.crm.embedded.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The configuration of the embedded host CRM (PID {@code io.liaison.crm.embedded}). */
@ObjectClassDefinition(name = "Liaison embedded CRM",
        description = "The reference host CRM: where its data lives and which status keys and activity types it knows.")
public @interface EmbeddedCrmConfig {

    @AttributeDefinition(name = "Data source",
            description = "LDAP filter that selects the javax.sql.DataSource service holding the CRM's tables.")
    String dataSource_target() default "(dataSourceName=liaison-crm)";

    @AttributeDefinition(name = "Status keys",
            description = "Status keys as KEY=Label, e.g. I=Imported or E=Done; added, or relabelled if known, on start. "
                    + "X=Cancelled is the activity sync's default key of cancelled appointments (its cancelledStatus).")
    String[] statusKeys() default {"I=Imported", "O=Open", "E=Done", "X=Cancelled"};

    @AttributeDefinition(name = "Activity types",
            description = "Activity types as KEY=Label, e.g. CALL=Phone call; added, or relabelled if known, on start.")
    String[] activityTypes() default {"MAILOUT=Outgoing mail"};
}
