package io.liaison.contactreplication.internal;

/** {@link FaultInjectionCases} over the Graph connector and the Graph emulator. */
class GraphFaultInjectionTest extends FaultInjectionCases {

    @Override
    ContactFlow.Backend backend() {
        return ContactFlow.Backend.GRAPH;
    }
}
