package io.liaison.contactreplication.internal;

/** The real-world contact cases over the Graph connector and the Graph emulator, which keeps Graph's limits. */
class GraphRealWorldTest extends RealWorldCases {

    @Override
    ContactFlow.Backend backend() {
        return ContactFlow.Backend.GRAPH;
    }
}
