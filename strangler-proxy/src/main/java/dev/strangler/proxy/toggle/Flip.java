package dev.strangler.proxy.toggle;

import dev.strangler.proxy.route.Mode;
import java.time.Instant;

/**
 * One entry of a route's audit history: who changed what, when, why, and on which proxy instance.
 *
 * @param version     the route's toggle version this flip produced (1 for the first flip)
 * @param at          when the flip was written
 * @param by          who asked for it: the name of the control token the admin API granted (for a correction, the
 *                    proxy itself)
 * @param reason      why, in the requester's words
 * @param fromMode    mode before the flip
 * @param fromPercent canary percentage before the flip
 * @param toMode      mode after the flip
 * @param toPercent   canary percentage after the flip
 * @param instance    the proxy instance that accepted the flip
 * @param holdWrites  whether the flip held the route's writes (any later flip releases them)
 * @param statedBy    who the caller said it was for, in the request's free-text {@code by} (a person, a ticket, a
 *                    playbook step): its word, not checked; null when not given or for flips before tokens had names
 */
public record Flip(long version, Instant at, String by, String reason, Mode fromMode, double fromPercent,
                   Mode toMode, double toPercent, String instance, boolean holdWrites, String statedBy) {
}
