/**
 * The runtime's implementation: JDBC storage of accounts, credentials, journal, links and tokens, the
 * credentials vault, the sync service and the scheduling of automatic runs. Not exported.
 */
package io.liaison.runtime.internal;
