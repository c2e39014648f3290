package io.liaison.content.internal;

import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One categorisation rule per factory configuration {@code io.liaison.content.rule}; the categoriser tracks
 * them all. Once any exists, the built-in rules ({@link CategoryRules#DEFAULTS}) are no longer used.
 */
@Component(service = ConfiguredCategoryRule.class, configurationPid = ConfiguredCategoryRule.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ConfiguredCategoryRule.Config.class, factory = true)
public final class ConfiguredCategoryRule {
    static final String PID = "io.liaison.content.rule";

    /** A rule: every criterion set must match; the first matching rule by priority gives the category. */
    @ObjectClassDefinition(name = "Liaison document category rule",
            description = "Gives documents that match a category and keywords.")
    public @interface Config {
        @AttributeDefinition(name = "Name")
        String name();

        @AttributeDefinition(name = "Media types", description = "Patterns such as image/* or application/pdf; any may match.",
                required = false)
        String[] mediaTypes() default {};

        @AttributeDefinition(name = "File name pattern", description = "A glob such as *.ics, or regex:<expression>; case-insensitive.",
                required = false)
        String fileNamePattern() default "";

        @AttributeDefinition(name = "Words", description = "Any of these must occur as a whole word, case-insensitive.",
                required = false)
        String[] words() default {};

        @AttributeDefinition(name = "Category")
        String category();

        @AttributeDefinition(name = "Keywords", required = false)
        String[] keywords() default {};

        @AttributeDefinition(name = "Priority", description = "Higher runs first.")
        int priority() default 0;
    }

    private final CategoryRule rule;

    @Activate
    public ConfiguredCategoryRule(Config config) {
        this.rule = new CategoryRule(config.name(), List.of(config.mediaTypes()), config.fileNamePattern(),
                List.of(config.words()), config.category(), List.of(config.keywords()), config.priority());
    }

    CategoryRule rule() {
        return rule;
    }
}
