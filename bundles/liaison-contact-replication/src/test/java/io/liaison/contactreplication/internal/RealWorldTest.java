package io.liaison.contactreplication.internal;

/** The real-world contact cases over the local connector (vCard files). */
class RealWorldTest extends RealWorldCases {

    @Override
    ContactFlow.Backend backend() {
        return ContactFlow.Backend.LOCAL;
    }
}
