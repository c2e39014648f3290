package io.liaison.duplicates.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the duplicate check (PID {@code io.liaison.duplicates}). */
@ObjectClassDefinition(name = "Liaison duplicate check",
        description = "Certain / possible / no duplicate of a CRM contact person, over a match-key index.")
public @interface DuplicateCheckConfig {

    @AttributeDefinition(name = "Default phone region",
            description = "ISO 3166 region in which numbers without a country code are read, e.g. DE.")
    String defaultRegion() default "DE";

    @AttributeDefinition(name = "Name similarity",
            description = "Jaro-Winkler similarity (0-1) from which two first or two last names count as similar.")
    double nameSimilarity() default 0.90;

    @AttributeDefinition(name = "Phonetic name similarity",
            description = "The lower Jaro-Winkler similarity that suffices when two names share their Kölner Phonetik code.")
    double phoneticSimilarity() default 0.75;

    @AttributeDefinition(name = "Shared mailboxes",
            description = "Extra local parts of role addresses (besides info, office, kontakt, vertrieb, ...) that several "
                    + "people share: the same such address with a clearly different name is only a possible duplicate.")
    String[] sharedMailboxNames() default {};

    @AttributeDefinition(name = "Index employee",
            description = "Login or id of the employee in whose name the index reads the CRM's contact persons; "
                    + "empty for the first employee the CRM lists. Choose one who sees every contact person.")
    String indexEmployee() default "";

    @AttributeDefinition(name = "Maximum staleness (seconds)",
            description = "A check first reads the CRM's contact changes when the index is older than this "
                    + "(a CRM change event makes it read them at once).")
    int maxStalenessSeconds() default 30;

    @AttributeDefinition(name = "Change feed page size")
    int pageSize() default 1000;

    @AttributeDefinition(name = "Maximum candidates", description = "The most candidates one check scores per kind of key.")
    int maxCandidates() default 2000;

    @AttributeDefinition(name = "Maximum matches", description = "The most matches one result lists, strongest first.")
    int maxMatches() default 50;

    @AttributeDefinition(name = "Look-ups in memory",
            description = "Answer look-ups from a copy of the index in memory (loaded from Liaison's tables at the "
                    + "first check, about 1 KB of heap per contact person); off: every look-up queries the tables, "
                    + "which needs no heap but makes a check some 50 times slower at a million contacts.")
    boolean lookupsInMemory() default true;

    @AttributeDefinition(name = "DataSource filter", description = "The database of Liaison's own tables.")
    String dataSource_target() default "(dataSourceName=liaison)";
}
