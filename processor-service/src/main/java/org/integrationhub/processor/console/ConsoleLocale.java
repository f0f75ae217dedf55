package org.integrationhub.processor.console;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import io.vertx.ext.web.LanguageHeader;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.HttpHeaders;

import java.util.Locale;
import java.util.stream.Stream;

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
        return of(headers.getCookies().get(COOKIE), headers.getAcceptableLanguages().stream().map(Locale::toLanguageTag));
    }

    public static Locale of(ContainerRequestContext request) {
        return of(request.getCookies().get(COOKIE), request.getAcceptableLanguages().stream().map(Locale::toLanguageTag));
    }

    /** For an answer made by the HTTP layer, before Quarkus REST ({@link ConsoleProblemPages}). */
    public static Locale of(RoutingContext ctx) {
        io.vertx.core.http.Cookie chosen = ctx.request().getCookie(COOKIE);
        return of(chosen == null ? null : chosen.getValue(), ctx.acceptableLanguages().stream().map(LanguageHeader::value));
    }

    private static Locale of(Cookie chosen, Stream<String> accepted) {
        return of(chosen == null ? null : chosen.getValue(), accepted);
    }

    private static Locale of(String chosen, Stream<String> accepted) {
        Locale locale = supported(chosen);
        if (locale != null) {
            return locale;
        }
        return accepted.map(ConsoleLocale::supported).filter(java.util.Objects::nonNull).findFirst().orElse(ENGLISH);
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
