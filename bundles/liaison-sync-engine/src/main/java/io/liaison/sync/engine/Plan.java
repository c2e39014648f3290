package io.liaison.sync.engine;

import java.util.List;

/**
 * What a run will do, before it does it.
 *
 * @param steps               one step per item or pair that needs anything
 * @param unchanged           how many linked pairs need nothing (echoes of our own writes among them)
 * @param crmDeletesStopped   how many links the CRM reported gone while the mass-delete guard stopped them
 * @param groupwareDeletesStopped how many links the groupware reported gone while the guard stopped them
 * @param linkCount           how many links there were
 * @param <C>                 the CRM content type
 * @param <G>                 the groupware content type
 */
public record Plan<C, G>(List<Step<C, G>> steps, int unchanged, int crmDeletesStopped, int groupwareDeletesStopped,
                         int linkCount) {
    public Plan {
        steps = List.copyOf(steps);
    }

    /** The steps that write something (everything but stopped deletes and items left alone). */
    public List<Step<C, G>> actions() {
        return steps.stream().filter(s -> s.kind() != Step.Kind.DELETE_STOPPED && s.kind() != Step.Kind.LEFT_ALONE)
                .toList();
    }

    /** The pairs left alone because an item of theirs cannot be read now. */
    public List<Step<C, G>> leftAlone() {
        return steps.stream().filter(s -> s.kind() == Step.Kind.LEFT_ALONE).toList();
    }
}
