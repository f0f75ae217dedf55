package org.integrationhub.processor.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every word the console shows, in English here and in Chinese in {@code messages/msg_zh.properties}; Qute
 * checks at build time that each template uses only these keys and that the Chinese file has no others.
 */
@MessageBundle(value = "msg", locale = "en")
public interface ConsoleMessages {

    @Message("Integration Hub")
    String product();

    @Message("Operator console")
    String console();

    @Message("Overview")
    String overview();

    @Message("Records")
    String records();

    @Message("Schedules")
    String schedules();

    @Message("Business records")
    String business();

    @Message("Audit log")
    String audit();

    @Message("Log in")
    String login();

    @Message("Log out")
    String logout();

    @Message("Username")
    String username();

    @Message("Password")
    String password();

    @Message("Wrong username or password.")
    String loginFailed();

    @Message("Too many failed logins from this address. Try again in {seconds} s.")
    String loginWait(long seconds);

    @Message("Signed in as {user} ({role})")
    String signedInAs(String user, String role);

    @Message("Language")
    String language();

    @Message("{#if role == 'operator'}operator{#else}viewer{/if}")
    String role(String role);

    // ---- statuses, as the seed's operators name them ----
    @Message("Pending")
    String status_PENDING();

    @Message("Processing")
    String status_PROCESSING();

    @Message("Processed")
    String status_PROCESSED();

    @Message("Failed")
    String status_FAILED();

    @Message("Skipped")
    String status_SKIPPED();

    // ---- overview ----
    @Message("Interface")
    String interfaceName();

    @Message("Oldest pending")
    String oldestPending();

    @Message("Processed, last hour")
    String processedLastHour();

    @Message("Processed, last day")
    String processedLastDay();

    @Message("Failed, last day")
    String failedLastDay();

    @Message("Jobs")
    String jobs();

    @Message("Job")
    String job();

    @Message("Last run")
    String lastRun();

    @Message("Next run")
    String nextRun();

    @Message("Outcome")
    String outcome();

    @Message("Enabled")
    String enabled();

    @Message("Disabled")
    String disabled();

    @Message("never")
    String never();

    @Message("none")
    String none();

    /** An age, {@link Age#of} rounded to a whole number of seconds, minutes, hours or days. */
    @Message("{value} {#if unit == 's'}s{#else if unit == 'min'}min{#else if unit == 'h'}h{#else}d{/if}")
    String age(long value, String unit);

    @Message("Processed and failed per minute, last 3 hours")
    String perMinute();

    @Message("Failing jobs")
    String failingJobs();

    @Message("Refreshes every {seconds} s")
    String refreshes(long seconds);

    @Message("Refreshing paused: no one has used this page for a while. Move the pointer or press a key to resume.")
    String refreshPaused();

    // ---- records ----
    @Message("Status")
    String status();

    @Message("All")
    String all();

    @Message("Source system")
    String sourceSystem();

    @Message("Error class")
    String errorClass();

    @Message("Received from")
    String receivedFrom();

    @Message("Received before")
    String receivedTo();

    @Message("Search")
    String search();

    @Message("receipt id, external id or code")
    String searchHint();

    @Message("Apply")
    String apply();

    @Message("Clear")
    String clear();

    @Message("Left out of the filter, not understood")
    String filterDropped();

    @Message("Received")
    String receivedAt();

    @Message("External id")
    String externalId();

    @Message("Operation")
    String operation();

    @Message("Error")
    String error();

    @Message("Attempts")
    String attempts();

    @Message("No rows match.")
    String noRows();

    @Message("Newest")
    String newest();

    @Message("Older →")
    String older();

    @Message("Retry the failed rows of this filter…")
    String bulkRetry();

    @Message("{#if count == 1}1 failed row matches{#else}{count} failed rows match{/if} this filter.")
    String bulkRetryCount(long count);

    @Message("{#if count == 1}Retry this row{#else}Retry these {count} rows{/if}")
    String bulkRetryConfirm(long count);

    @Message("{#if count == 1}1 failed row went{#else}{count} failed rows went{/if} back to pending.")
    String bulkRetried(long count);

    @Message("Cancel")
    String cancel();

    @Message("Retry")
    String retry();

    @Message("Re-apply")
    String reapply();

    @Message("The row is pending again and will be applied shortly.")
    String rowRetried();

    @Message("The row is pending again and will be applied on purpose, moving the record's fence back to its sentAt.")
    String rowReapplied();

    @Message("Row")
    String row();

    @Message("Receipt id")
    String receiptId();

    @Message("Sent")
    String sentAt();

    @Message("Outcome at")
    String processedAt();

    @Message("Worker")
    String worker();

    @Message("Payload (data as received)")
    String payload();

    @Message("History")
    String history();

    @Message("received from {source}")
    String receivedFrom_(String source);

    @Message("waited for a referenced record still in staging")
    String attemptWaited();

    @Message("failed, to be tried again")
    String attemptRetry();

    @Message("The record's receipts")
    String otherReceipts();

    // ---- schedules ----
    @Message("Target")
    String target();

    @Message("Interval")
    String interval();

    @Message("Priority")
    String priority();

    @Message("Remaining runs")
    String remainingRuns();

    @Message("Remaining runs (-1: unlimited)")
    String remainingRunsHint();

    @Message("unlimited")
    String unlimited();

    @Message("Next run (ISO instant, UTC)")
    String nextRunHint();

    @Message("Arguments (JSON)")
    String args();

    @Message("seconds")
    String unit_seconds();

    @Message("minutes")
    String unit_minutes();

    @Message("hours")
    String unit_hours();

    @Message("days")
    String unit_days();

    @Message("weeks")
    String unit_weeks();

    @Message("months")
    String unit_months();

    @Message("Settings")
    String settings();

    @Message("Save")
    String save();

    @Message("Run now")
    String runNow();

    @Message("The job was changed.")
    String jobChanged();

    @Message("The job ran; its run is listed below.")
    String jobRan();

    @Message("Nothing was saved: a field breaks a rule (see beside it).")
    String formHasErrors();

    @Message("A whole number from 1 to {max}; the interval as a whole at most a year.")
    String ruleIntervalNumber(int max);

    @Message("One of the listed units; the interval as a whole at most a year.")
    String ruleIntervalType();

    @Message("A whole number from -{max} to {max}.")
    String rulePriority(int max);

    @Message("-1 (unlimited) or a whole number from 0 to {max}.")
    String ruleRemainingRuns(int max);

    @Message("An ISO instant from 2000 to a year from now, such as 2026-12-01T08:00:00Z.")
    String ruleNextRun();

    @Message("{detail}")
    String ruleOther(String detail);

    @Message("{#if trigger == 'SCHEDULE'}schedule{#else if trigger == 'MANUAL'}run now{#else if trigger == 'SIGNAL'}new rows"
            + "{#else}{trigger}{/if}")
    String runTrigger(String trigger);

    @Message("{#if outcome == 'SUCCEEDED'}succeeded{#else if outcome == 'FAILED'}failed{#else}{outcome}{/if}")
    String runOutcome(String outcome);

    @Message("{#if c == 'VALIDATION'}invalid data{#else if c == 'REFERENCE'}missing reference{#else if c == 'CONFLICT'}conflict"
            + "{#else if c == 'TRANSIENT'}passing fault{#else if c == 'INTERNAL'}internal error{#else}{c}{/if}")
    String errorClassName(String c);

    @Message("{#if c == 'VALIDATION'}The data breaks a rule of the interface: the sending system must correct and resend "
            + "it; a retry alone fails again."
            + "{#else if c == 'REFERENCE'}A record it refers to is missing, archived or failed: send or repair that record "
            + "first, then retry this row."
            + "{#else if c == 'CONFLICT'}It clashes with existing data (a code taken, or active records depend on it): "
            + "resolve the clash, then retry."
            + "{#else if c == 'TRANSIENT'}A passing fault (a lost connection, a deadlock) outlasted its retries: retry it."
            + "{#else if c == 'INTERNAL'}A defect in the hub: report the receipt id to whoever runs it.{/if}")
    String errorClassHint(String c);

    @Message("Recent runs")
    String recentRuns();

    @Message("Started")
    String startedAt();

    @Message("Trigger")
    String trigger();

    @Message("Duration")
    String duration();

    @Message("Rows")
    String rowsHandled();

    // ---- audit ----
    @Message("Who")
    String actor();

    @Message("Action")
    String action();

    @Message("When")
    String when();

    @Message("Detail")
    String detail();

    // ---- business records ----
    @Message("State")
    String state();

    @Message("Active")
    String activeOnly();

    @Message("Archived")
    String archivedOnly();

    @Message("archived")
    String archived();

    @Message("{#if total == 1}1 record{#else}{total} records{/if}")
    String total(long total);

    @Message("← Previous")
    String previous();

    @Message("Next →")
    String next();

    @Message("Changed")
    String updatedAt();

    @Message("Below it")
    String below();

    @Message("Lineage: the receipts that made it")
    String lineage();

    // ---- operators' actions, as the audit log names them ----
    @Message("signed in")
    String action_login();

    @Message("retried the row")
    String action_record_retry();

    @Message("retried failed rows in bulk")
    String action_records_retry();

    @Message("re-applied the row")
    String action_record_reapply();

    @Message("changed the job")
    String action_job_change();

    @Message("ran the job now")
    String action_job_run();

    @Message("failed to sign in")
    String action_login_failed();

    // ---- a page that could not be answered ----
    @Message("{#if kind == 'forbidden'}Not allowed{#else if kind == 'notFound'}Not found"
            + "{#else if kind == 'form'}The form has expired"
            + "{#else if kind == 'unavailable'}The database is unavailable{#else if kind == 'failed'}Something went wrong"
            + "{#else}The request was not understood{/if}")
    String errorTitle(String kind);

    @Message("{#if kind == 'forbidden'}Your account may read everything but change nothing: retrying, re-applying, "
            + "editing schedules and running jobs need the operator role."
            + "{#else if kind == 'notFound'}There is no such page or record. The link may be mistyped, or the record "
            + "was never here."
            + "{#else if kind == 'form'}The form was older than your session, or was not sent from this console. "
            + "Nothing was changed. Open the page again and repeat the action."
            + "{#else if kind == 'unavailable'}The hub cannot reach its database just now. Nothing was changed; "
            + "try again in a few seconds."
            + "{#else if kind == 'failed'}The hub failed to answer this page. Nothing was changed. If it happens "
            + "again, give the reference below to whoever runs the hub."
            + "{#else}The address or a value in it is not one the console takes.{/if}")
    String errorExplain(String kind);

    @Message("Reference: {correlationId}")
    String errorCorrelation(String correlationId);
}
