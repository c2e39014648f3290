package io.liaison.duplicates.internal;

/** The duplicate check's tests with look-ups in the tables ({@code lookupsInMemory=false}). */
class DuplicateCheckWithTableLookupsTest extends DuplicateCheckComponentTest {
    @Override
    boolean lookupsInMemory() {
        return false;
    }
}
