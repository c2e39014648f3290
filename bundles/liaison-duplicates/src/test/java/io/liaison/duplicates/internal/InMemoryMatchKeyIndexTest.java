package io.liaison.duplicates.internal;

class InMemoryMatchKeyIndexTest extends MatchKeyIndexContract {
    @Override
    MatchKeyIndex index() {
        return new InMemoryMatchKeyIndex();
    }
}
