package io.liaison.contactreplication.internal;

/** {@link ExportCases} over the local connector. */
class ExportTest extends ExportCases {

    @Override
    ContactFlow.Backend backend() {
        return ContactFlow.Backend.LOCAL;
    }
}
