package io.liaison.runtime.internal;

import java.io.Serializable;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.karaf.scheduler.ScheduleOptions;
import org.apache.karaf.scheduler.Scheduler;
import org.apache.karaf.scheduler.SchedulerError;

/**
 * A test double of the Karaf scheduler (a boundary the runtime does not own): keeps the jobs by name and
 * fires one when a test calls {@link #trigger}; never fires on its own.
 */
final class FakeScheduler implements Scheduler {
    final Map<String, Job> jobs = new ConcurrentHashMap<>();
    final AtomicInteger scheduleCalls = new AtomicInteger();
    volatile boolean failing;

    record Job(Object job, Options options) {
    }

    /** The options as the runtime set them. */
    static final class Options implements ScheduleOptions {
        private static final long serialVersionUID = 1L;
        final Date at;
        final int times;
        final long periodSeconds;
        final String expression;
        String name;
        boolean concurrent = true;

        Options(Date at, int times, long periodSeconds, String expression) {
            this.at = at;
            this.times = times;
            this.periodSeconds = periodSeconds;
            this.expression = expression;
        }

        @Override
        public ScheduleOptions config(Map<String, Serializable> config) {
            return this;
        }

        @Override
        public ScheduleOptions name(String name) {
            this.name = name;
            return this;
        }

        @Override
        public ScheduleOptions canRunConcurrently(boolean flag) {
            this.concurrent = flag;
            return this;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean canRunConcurrently() {
            return concurrent;
        }

        @Override
        public String schedule() {
            return expression != null ? "cron(" + expression + ")" : "at(" + at + ", " + times + ", " + periodSeconds + ")";
        }
    }

    @Override
    public void schedule(Object job, ScheduleOptions options) throws SchedulerError {
        scheduleCalls.incrementAndGet();
        if (failing) {
            throw new SchedulerError("scheduler is shutting down");
        }
        if (!(job instanceof Runnable) || !(options instanceof Options own)) {
            throw new IllegalArgumentException("job must be a Runnable and options come from this scheduler");
        }
        jobs.put(own.name(), new Job(job, own));
    }

    @Override
    public void reschedule(String jobName, ScheduleOptions options) {
        Job job = jobs.get(jobName);
        if (job != null) {
            jobs.put(jobName, new Job(job.job(), (Options) options));
        }
    }

    @Override
    public boolean unschedule(String jobName) {
        return jobs.remove(jobName) != null;
    }

    @Override
    public Map<String, ScheduleOptions> getJobs() {
        Map<String, ScheduleOptions> all = new ConcurrentHashMap<>();
        jobs.forEach((name, job) -> all.put(name, job.options()));
        return all;
    }

    @Override
    public boolean trigger(String jobName) {
        Job job = jobs.get(jobName);
        if (job == null) {
            return false;
        }
        ((Runnable) job.job()).run();
        return true;
    }

    @Override
    public ScheduleOptions NOW() {
        return new Options(new Date(), 1, 0, null);
    }

    @Override
    public ScheduleOptions NOW(int times, long period) {
        return new Options(new Date(), times, period, null);
    }

    @Override
    public ScheduleOptions AT(Date date) {
        return new Options(date, 1, 0, null);
    }

    @Override
    public ScheduleOptions AT(Date date, int times, long period) {
        return new Options(date, times, period, null);
    }

    @Override
    public ScheduleOptions EXPR(String expression) {
        return new Options(null, -1, 0, expression);
    }
}
