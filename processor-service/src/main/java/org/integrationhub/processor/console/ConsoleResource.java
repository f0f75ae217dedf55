package org.integrationhub.processor.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

/**
 * The operator console's frame: login, logout, the language switcher and the overview. Pages are Qute
 * templates under {@code templates/console/}; every word comes from {@link ConsoleMessages}.
 */
@Path(ConsoleResource.ROOT)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({OperatorAccount.VIEWER, OperatorAccount.OPERATOR})
public class ConsoleResource {

    public static final String ROOT = "/console";
    /**
     * The console's stylesheet, script and icon (META-INF/resources/console-assets). Outside {@link #ROOT}, so the
     * browser does not send the session cookie (its path is /console) with them: nothing reads the account to serve
     * them, and while the database is down the outage page keeps its style.
     */
    public static final String ASSETS = "/console-assets";

    /** Whether a request's raw path is the console's: {@link #ROOT} or under it. */
    static boolean serves(String path) {
        return path != null && path.startsWith(ROOT) && (path.length() == ROOT.length() || path.charAt(ROOT.length()) == '/');
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance login(Chrome chrome, boolean failed, Long waitSeconds);

        static native TemplateInstance overview(Chrome chrome, Overview overview, long refreshSeconds, long idleSeconds);
    }

    @Inject
    SecurityIdentity identity;
    @Inject
    Pages pages;
    @Inject
    ConsoleReads reads;
    @Inject
    ConsoleConfig config;
    /** A session ends after this long without a request; the overview stops refreshing after as long idle. */
    @ConfigProperty(name = "quarkus.http.auth.form.timeout")
    Duration sessionTimeout;

    @GET
    @Path("/login")
    @PermitAll
    public TemplateInstance login(@QueryParam("error") String error, @QueryParam("wait") String wait) {
        Chrome chrome = pages.anonymous("login");
        return Templates.login(chrome, error != null, seconds(wait)).setLocale(chrome.locale());
    }

    @GET
    public Uni<TemplateInstance> overview() {
        Chrome chrome = pages.chrome("overview");
        return reads.overview().map(overview -> Templates.overview(chrome, overview, config.refresh().toSeconds(),
                sessionTimeout.toSeconds()).setLocale(chrome.locale()));
    }

    /** Ends the session (the form login's cookie) and goes back to the login page. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/logout")
    public Response logout() {
        FormAuthenticationMechanism.logout(identity);
        return Response.seeOther(URI.create(ROOT + "/login")).build();
    }

    /** The language switcher: remembers the choice for a year and returns to the page it was used on. */
    @GET
    @Path("/lang/{tag}")
    @PermitAll
    public Response language(@PathParam("tag") String tag, @QueryParam("back") String back) {
        Locale locale = ConsoleLocale.supported(tag);
        Response.ResponseBuilder redirect = Response.seeOther(withinConsole(back));
        if (locale != null) {
            redirect.cookie(new NewCookie.Builder(ConsoleLocale.COOKIE).value(locale.getLanguage()).path(ROOT)
                    .maxAge(365 * 24 * 3600).sameSite(NewCookie.SameSite.STRICT)
                    .secure(pages.secure()).build());
        }
        return redirect.build();
    }

    /** {@code back} when it is a path of the console, else the console's root: the switcher redirects nowhere else. */
    static URI withinConsole(String back) {
        if (back != null && (back.equals(ROOT) || back.startsWith(ROOT + "/") || back.startsWith(ROOT + "?"))) {
            try {
                URI uri = new URI(back);
                if (uri.getScheme() == null && uri.getAuthority() == null) {
                    return uri;
                }
            } catch (URISyntaxException e) {
                // not a path: the root will do
            }
        }
        return URI.create(ROOT);
    }


    /** The seconds a refused address must wait ({@link LoginGuard}), when the link says a sensible number. */
    private static Long seconds(String wait) {
        return wait != null && wait.matches("[1-9][0-9]{0,4}") ? Long.valueOf(wait) : null;
    }
}
