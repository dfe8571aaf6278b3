package io.mlconnector.local.snapshot;

import io.mlconnector.bc.BcApiException;
import io.mlconnector.oauth.TokenRequestException;
import io.mlconnector.procore.ProcoreApiException;
import io.mlconnector.tenant.Tenant;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.TimeoutException;

/** Turns a failed read into one line for a person: which side, what it answered, and what to do about it. */
final class ApiFailures {

    private ApiFailures() {
    }

    /**
     * @param side "Procore" or "Business Central": which API the failed read went to
     */
    static String explain(Throwable failure, String side, Tenant tenant) {
        Throwable e = unwrap(failure);
        boolean procore = side.equals("Procore");
        String settings = procore ? "procore.clientId / procore.clientSecret" : "bc.clientId / bc.clientSecret / bc.aadTenantId";
        String ping = " (bin/ml-connector ping --tenant FILE tells more)";
        if (e instanceof SnapshotFailure f) {
            return f.getMessage();
        }
        if (isUnreachable(e)) {
            return "cannot reach " + side + " at " + (procore ? tenant.procore().apiBase() : tenant.bc().apiBase())
                    + " (" + rootMessage(e) + "): check the network connection and, if the tenant file sets one, "
                    + (procore ? "procore.apiBase" : "bc.apiBase");
        }
        if (e instanceof TokenRequestException t) {
            return side + " refused the app's sign-in (HTTP " + t.status() + (t.error() == null ? "" : " " + t.error())
                    + "): check " + settings + " in the tenant file" + ping;
        }
        if (e instanceof ProcoreApiException p) {
            if (p.status() == 401) {
                return "Procore refused the app's token (HTTP 401) on " + p.path() + ": check procore.clientId /"
                        + " procore.clientSecret and that they belong to this Procore environment" + ping;
            }
            if (p.forbidden()) {
                return "Procore refused to let the app read " + p.path() + " (HTTP 403): the company's Procore"
                        + " administrator must install the app in company " + tenant.procore().companyId()
                        + " and give it read access to the projects and their financial tools" + ping;
            }
            return "Procore answered HTTP " + p.status() + " on " + p.path() + ": " + p.getMessage()
                    + "; try again later, or give Procore support the x-request-id";
        }
        if (e instanceof BcApiException b) {
            if (b.status() == 401) {
                return "Business Central refused the app (HTTP 401 " + b.code() + "): add the app on BC's 'Microsoft"
                        + " Entra Applications' page of environment " + tenant.bc().environment() + " with permission"
                        + " sets that can read the company" + ping;
            }
            if (b.status() == 403) {
                return "Business Central refused a read (HTTP 403 " + b.code() + "): give the app's Entra"
                        + " application in BC permission sets that can read G/L accounts, dimensions, vendors,"
                        + " journals and purchase documents" + ping;
            }
            return "Business Central answered HTTP " + b.status() + " " + b.code() + ": " + b.bcMessage()
                    + (b.correlationId() == null ? "" : " (correlation id " + b.correlationId() + " for Microsoft support)")
                    + "; try again later";
        }
        return side + " read failed: " + rootMessage(e) + "; try again, and if it keeps failing run bin/ml-connector"
                + " ping --tenant FILE";
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof SnapshotFailure || t instanceof TokenRequestException
                || t instanceof ProcoreApiException || t instanceof BcApiException)) {
            t = t.getCause();
        }
        return t;
    }

    /** No answer at all: a refused or failed connection, an unknown host, a time-out (the clients report status 0). */
    private static boolean isUnreachable(Throwable e) {
        if ((e instanceof ProcoreApiException p && p.status() == 0) || (e instanceof BcApiException b && b.status() == 0)) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof UnresolvedAddressException || t instanceof TimeoutException
                    || t.getClass().getName().startsWith("org.springframework.web.reactive.function.client.WebClientRequestException")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? "no further detail" : root.getMessage();
    }
}
