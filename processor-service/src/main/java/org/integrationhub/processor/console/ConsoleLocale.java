package org.integrationhub.processor.console;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The console's language: the one the operator chose with the switcher (a cookie), else the first of the
 * browser's Accept-Language that the console speaks, else English.
 */
public final class ConsoleLocale {

    /** The switcher's cookie. */
    public static final String COOKIE = "hub-lang";
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.forLanguageTag("zh");

    private ConsoleLocale() {
    }

    public static Locale of(HttpHeaders headers) {
        return of(headers.getCookies(), headers.getAcceptableLanguages());
    }

    public static Locale of(ContainerRequestContext request) {
        return of(request.getCookies(), request.getAcceptableLanguages());
    }

    private static Locale of(Map<String, Cookie> cookies, List<Locale> accepted) {
        Cookie chosen = cookies.get(COOKIE);
        if (chosen != null) {
            Locale locale = supported(chosen.getValue());
            if (locale != null) {
                return locale;
            }
        }
        for (Locale language : accepted) {
            Locale locale = supported(language.getLanguage());
            if (locale != null) {
                return locale;
            }
        }
        return ENGLISH;
    }

    /** The console's words in {@code locale}, for text made in Java (templates say {@code msg:} and get theirs). */
    public static ConsoleMessages messages(Locale locale) {
        return locale.getLanguage().equals(CHINESE.getLanguage())
                ? MessageBundles.get(ConsoleMessages.class, Localized.Literal.of(CHINESE.toLanguageTag()))
                : MessageBundles.get(ConsoleMessages.class);
    }

    /** The console's locale for a language tag ({@code zh-CN}, {@code en}), or null when it does not speak it. */
    public static Locale supported(String tag) {
        if (tag == null) {
            return null;
        }
        String language = Locale.forLanguageTag(tag.strip()).getLanguage();
        if (language.equals(CHINESE.getLanguage())) {
            return CHINESE;
        }
        return language.equals(ENGLISH.getLanguage()) ? ENGLISH : null;
    }
}
