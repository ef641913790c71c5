package dev.strangler.proxy.admin;

import dev.strangler.proxy.toggle.Flip;

/**
 * A flip with the route it belongs to, for the history across all routes.
 *
 * @param route the route's name
 * @param flip  the flip
 */
record RouteFlip(String route, Flip flip) {
}
