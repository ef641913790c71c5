package dev.strangler.service.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refused default password as the problem and the variable to set, instead of a stack trace. */
class DefaultPasswordFailureAnalyzer extends AbstractFailureAnalyzer<DefaultPasswordException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DefaultPasswordException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), null);
    }
}
