package io.liaison.shell.internal.sync;

import io.liaison.api.activitysync.ActivitySyncService;
import io.liaison.shell.internal.FakeRuntime;
import java.time.ZoneOffset;

/** Lets tests of other packages set up {@link SyncCommand}, whose injected fields are package-private. */
public final class SyncCommandAccess {
    private SyncCommandAccess() {
    }

    public static SyncCommand sync(FakeRuntime runtime, ActivitySyncService activitySync, String account) {
        SyncCommand c = new SyncCommand();
        c.accounts = runtime;
        c.sync = runtime;
        c.activitySync = activitySync;
        c.account = account;
        c.zone = ZoneOffset.UTC;
        return c;
    }

    public static void only(SyncCommand c, String keys) {
        c.only = keys;
    }
}
