package io.liaison.connector.local.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * Runs ical4j inside the bundle. ical4j finds its configuration ({@code ical4j.properties}: no time zone
 * updates from the network, a plain map cache) and its time zone definitions through the thread's context
 * class loader first; every call here sets it to this bundle's class loader, which sees both.
 */
final class Ical4j {

    /** What Liaison writes as PRODID. */
    static final String PRODUCT = "-//Liaison//Liaison local connector//EN";

    private Ical4j() {
    }

    /** Work that uses ical4j. */
    @FunctionalInterface
    interface Work<R> {
        R run() throws IOException, ParserException, ValidationException, BrokenItemException;
    }

    /** Runs ical4j work with the bundle's class loader as the context class loader. */
    static <R> R call(Work<R> work) throws BrokenItemException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Ical4j.class.getClassLoader());
        try {
            return work.run();
        } catch (ParserException e) {
            throw new BrokenItemException("not valid iCalendar: " + e.getMessage(), e);
        } catch (ValidationException e) {
            throw new BrokenItemException("not valid iCalendar: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BrokenItemException("cannot be read as iCalendar: " + e, e);
        } catch (RuntimeException e) {
            // ical4j reports bad values (a date that is no date, an RRULE that is no rule) as runtime exceptions
            throw new BrokenItemException("not valid iCalendar: " + e, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** A time zone registry with ical4j's bundled definitions. */
    static TimeZoneRegistry registry() {
        return TimeZoneRegistryFactory.getInstance().createRegistry();
    }

    static Calendar parse(byte[] content) throws IOException, ParserException {
        return new CalendarBuilder().build(new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8));
    }

    static byte[] write(Calendar calendar) throws IOException, ValidationException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CalendarOutputter(false).output(calendar, out);
        return out.toByteArray();
    }

    /** A new, empty VCALENDAR with Liaison's PRODID. */
    static Calendar newCalendar() {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add((CalScale) ImmutableCalScale.GREGORIAN);
        return calendar;
    }
}
