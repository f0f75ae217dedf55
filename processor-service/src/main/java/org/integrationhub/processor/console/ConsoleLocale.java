package org.integrationhub.processor.console;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;

import java.util.Locale;

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
        Cookie chosen = headers.getCookies().get(COOKIE);
        if (chosen != null) {
            Locale locale = supported(chosen.getValue());
            if (locale != null) {
                return locale;
            }
        }
        for (Locale accepted : headers.getAcceptableLanguages()) {
            Locale locale = supported(accepted.getLanguage());
            if (locale != null) {
                return locale;
            }
        }
        return ENGLISH;
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
