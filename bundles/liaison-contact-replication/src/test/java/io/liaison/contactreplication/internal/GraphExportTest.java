package io.liaison.contactreplication.internal;

/** {@link ExportCases} over the Graph connector and the Graph emulator. */
class GraphExportTest extends ExportCases {

    @Override
    ContactFlow.Backend backend() {
        return ContactFlow.Backend.GRAPH;
    }
}
