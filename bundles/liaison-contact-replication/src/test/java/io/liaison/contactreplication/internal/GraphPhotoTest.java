package io.liaison.contactreplication.internal;

/**
 * Photos over the Graph connector. A groupware photo over 4 MB has no Graph case: Graph (and the emulator) refuse
 * to store one (413 {@code ErrorRequestEntityTooLarge}); a CRM photo over 4 MB is covered by the shared cases.
 */
class GraphPhotoTest extends PhotoCases {

    @Override
    ContactFlow.Backend backend() {
        return ContactFlow.Backend.GRAPH;
    }
}
