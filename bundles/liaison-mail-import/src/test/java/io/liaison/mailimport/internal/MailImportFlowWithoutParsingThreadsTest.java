package io.liaison.mailimport.internal;

/** The mail import's flows with everything on the run's thread ({@code parsingThreads=0}). */
class MailImportFlowWithoutParsingThreadsTest extends MailImportFlowTest {
    @Override
    int parsingThreads() {
        return 0;
    }
}
