package io.liaison.contactreplication.internal;

/** {@link FaultInjectionCases} over the local connector. */
class FaultInjectionTest extends FaultInjectionCases {

    @Override
    ContactFlow.Backend backend() {
        return ContactFlow.Backend.LOCAL;
    }
}
