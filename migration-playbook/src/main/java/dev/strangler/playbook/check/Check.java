package dev.strangler.playbook.check;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.strangler.playbook.plan.Playbook;
import java.time.Duration;
import java.util.List;

/**
 * A measured condition of a playbook step: a gate before its actions, or a verification after them. Each kind is
 * its own type, named by {@code type} in the playbook file; each validates and describes itself and knows how to
 * measure the live system. A check never passes on nothing: a check of traffic demands a minimum sample.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ReconciliationCheck.class, name = "reconciliation"),
        @JsonSubTypes.Type(value = CdcLagCheck.class, name = "cdc-lag"),
        @JsonSubTypes.Type(value = ShadowParityCheck.class, name = "shadow-parity"),
        @JsonSubTypes.Type(value = ErrorRateCheck.class, name = "error-rate"),
        @JsonSubTypes.Type(value = RouteModeCheck.class, name = "route-mode"),
        @JsonSubTypes.Type(value = OwnershipCheck.class, name = "ownership"),
        @JsonSubTypes.Type(value = ScenarioSuiteCheck.class, name = "scenario-suite")})
public sealed interface Check permits ReconciliationCheck, CdcLagCheck, ShadowParityCheck, ErrorRateCheck,
        RouteModeCheck, OwnershipCheck, ScenarioSuiteCheck {

    /** What the check demands, for people (plan, journal). */
    String describe();

    /** What is wrong with the check in this playbook (a missing field, an unknown service), each in a sentence. */
    List<String> problems(Playbook playbook);

    /** How long to keep measuring until the check holds (zero: once). */
    Duration timeLimit();

    /** Begins measuring: takes what a window of traffic starts from. */
    Measurement begin(Probes probes);
}
