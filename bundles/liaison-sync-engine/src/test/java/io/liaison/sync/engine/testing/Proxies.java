package io.liaison.sync.engine.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/** Dynamic proxies over the real stores of a test flow, for counting, faults and replaced answers. */
public final class Proxies {
    /** What a {@link Replacement} returns to let the real target answer. */
    public static final Object NO_REPLACEMENT = new Object();

    private Proxies() {
    }

    /** Decides a call: a replaced answer, or {@link #NO_REPLACEMENT}; may also throw (a fault) or count. */
    @FunctionalInterface
    public interface Replacement {
        Object replace(Method method, Object[] args) throws Throwable;
    }

    /** A proxy of {@code target} that asks {@code replacement} first about every call. */
    @SuppressWarnings("unchecked")
    public static <T> T proxy(Class<T> type, T target, Replacement replacement) {
        InvocationHandler handler = (p, m, args) -> {
            Object replaced = replacement.replace(m, args);
            if (replaced != NO_REPLACEMENT) {
                return replaced;
            }
            try {
                return m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
