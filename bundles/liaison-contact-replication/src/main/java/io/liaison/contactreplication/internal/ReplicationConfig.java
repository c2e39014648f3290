package io.liaison.contactreplication.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of contact replication (PID {@code io.liaison.contactreplication}). */
@ObjectClassDefinition(name = "Liaison contact replication",
        description = "Export, import and continuous replication of contact persons with the groupware.")
public @interface ReplicationConfig {

    @AttributeDefinition(name = "Mass-delete guard: share of linked contacts (percent)",
            description = "When one side reports more than this share of the linked contacts gone in one run, it is "
                    + "taken for an outage: nothing is deleted or unlinked, the run reports it and reads again next time.")
    int massDeletePercent() default 50;

    @AttributeDefinition(name = "Mass-delete guard: minimum count",
            description = "The guard trips only from this many deletions in one run.")
    int massDeleteMinimum() default 5;

    @AttributeDefinition(name = "CRM change feed page size")
    int crmPageSize() default 500;
}
