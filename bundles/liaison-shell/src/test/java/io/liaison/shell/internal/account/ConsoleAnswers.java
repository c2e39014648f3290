package io.liaison.shell.internal.account;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.karaf.shell.api.console.Session;

/**
 * A Karaf console session that answers {@code readLine(prompt, mask)} from a script, so a test can play the
 * administrator at the keyboard. A prompt with a different mask than scripted (e.g. a secret asked for with
 * echo) fails the test; so does any other use of the session.
 */
final class ConsoleAnswers {
    private final Map<String, Object[]> answers = new LinkedHashMap<>();
    final List<String> prompts = new ArrayList<>();

    ConsoleAnswers answer(String prompt, Character mask, String typed) {
        answers.put(prompt, new Object[] {mask, typed});
        return this;
    }

    Session session() {
        return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("readLine") || args == null || args.length != 2) {
                        throw new AssertionError("unexpected use of the console: " + method);
                    }
                    String prompt = (String) args[0];
                    prompts.add(prompt);
                    Object[] answer = answers.get(prompt);
                    if (answer == null) {
                        throw new AssertionError("unexpected prompt: " + prompt);
                    }
                    if (!Objects.equals(answer[0], args[1])) {
                        throw new AssertionError("prompt '" + prompt + "' with mask " + args[1] + ", expected "
                                + answer[0]);
                    }
                    return answer[1];
                });
    }
}
