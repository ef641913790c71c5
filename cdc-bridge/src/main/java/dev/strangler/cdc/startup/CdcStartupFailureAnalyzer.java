package dev.strangler.cdc.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a failed preflight as one problem and one action, instead of a stack trace. */
class CdcStartupFailureAnalyzer extends AbstractFailureAnalyzer<CdcStartupException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, CdcStartupException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), null);
    }
}
