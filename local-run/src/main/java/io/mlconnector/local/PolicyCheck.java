package io.mlconnector.local;

import io.mlconnector.bc.BcAccount;
import io.mlconnector.bc.BcClient;
import io.mlconnector.bc.BcDimension;
import io.mlconnector.tenant.PostingPolicy;
import io.mlconnector.tenant.Tenant;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The part of {@code ping} that checks a tenant's posting policy against its BC company, before anything posts:
 * every configured policy account exists, is a Posting account, is not blocked and allows direct posting (what BC
 * demands of an account a document line posts to; Microsoft Learn, "G/L Account Card" / "Direct Posting"), the
 * journal batch exists when a document type posts journals, and the dimension codes exist. Two reads of accounts
 * and dimensions and one of the batch, whatever the size of the chart.
 */
final class PolicyCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final BcClient bc;
    private final PostingPolicy policy;
    private final String company;
    private final PrintStream out;

    PolicyCheck(BcClient bc, Tenant tenant, String company, PrintStream out) {
        this.bc = bc;
        this.policy = tenant.postingPolicy();
        this.company = company;
        this.out = out;
    }

    boolean passes() {
        if (!policy.postsAnything()) {
            out.println("  ok    posting policy: every document type is \"do not post\"; no accounts to check");
            return true;
        }
        boolean ok = accounts();
        ok &= journalBatch();
        ok &= dimensionCodes();
        return ok;
    }

    private boolean accounts() {
        Map<String, BcAccount> chart = new LinkedHashMap<>();
        bc.accounts().collectList().block(TIMEOUT).forEach(a -> chart.put(a.number(), a));
        boolean ok = true;
        for (Map.Entry<String, String> setting : policy.accounts().configured().entrySet()) {
            String name = "postingPolicy." + setting.getKey() + " " + setting.getValue();
            BcAccount account = chart.get(setting.getValue());
            Optional<String> problem = problem(account, setting.getValue());
            if (problem.isPresent()) {
                out.println("  FAIL  " + name + ": " + problem.get());
                ok = false;
            } else {
                out.println("  ok    " + name + " '" + account.displayName() + "'");
            }
        }
        return ok;
    }

    private Optional<String> problem(BcAccount account, String number) {
        if (account == null) {
            return Optional.of("company '" + company + "' has no G/L account " + number
                    + "; set the number of an account in its chart of accounts");
        }
        if (!"Posting".equals(account.accountType())) {
            return Optional.of("'" + account.displayName() + "' is a " + account.accountType()
                    + " account, and documents post only to Posting accounts; choose a Posting account");
        }
        if (account.blocked()) {
            return Optional.of("'" + account.displayName() + "' is blocked in Business Central; unblock it on the"
                    + " G/L account card or choose another account");
        }
        if (!account.directPosting()) {
            return Optional.of("'" + account.displayName() + "' does not allow direct posting; turn on Direct"
                    + " Posting on its G/L account card or choose another account");
        }
        return Optional.empty();
    }

    private boolean journalBatch() {
        if (!policy.postsJournals()) {
            return true;
        }
        String batch = policy.journalBatch();
        if (bc.journal(batch).blockOptional(TIMEOUT).isEmpty()) {
            out.println("  FAIL  postingPolicy.journalBatch " + batch + ": company '" + company + "' has no general"
                    + " journal batch " + batch + "; create it (General Journals, template GENERAL) or name an existing one");
            return false;
        }
        out.println("  ok    postingPolicy.journalBatch " + batch + " exists");
        return true;
    }

    private boolean dimensionCodes() {
        List<String> codes = bc.dimensions().map(BcDimension::code)
                .map(code -> code.toUpperCase(Locale.ROOT)).collectList().block(TIMEOUT);
        boolean ok = true;
        var configured = new LinkedHashMap<String, String>();
        configured.put("project", policy.dimensionCodes().project());
        configured.put("costCode", policy.dimensionCodes().costCode());
        configured.put("costType", policy.dimensionCodes().costType());
        for (Map.Entry<String, String> code : configured.entrySet()) {
            if (code.getValue() == null) {
                continue;
            }
            String name = "postingPolicy.dimensionCodes." + code.getKey() + " " + code.getValue();
            if (codes.contains(code.getValue())) {
                out.println("  ok    " + name + " exists");
            } else {
                out.println("  FAIL  " + name + ": company '" + company + "' has no dimension " + code.getValue()
                        + "; it has " + codes);
                ok = false;
            }
        }
        return ok;
    }
}
