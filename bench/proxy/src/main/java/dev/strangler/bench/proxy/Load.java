package dev.strangler.bench.proxy;

import java.time.Duration;

/** HTTP load against one base URL: open-loop at a fixed rate, or closed-loop with a number of requests in flight. */
interface Load {

    LoadGenerator.Result fixedRate(String baseUrl, int perSecond, Duration duration) throws InterruptedException;

    LoadGenerator.Result closedLoop(String baseUrl, int inFlight, Duration duration) throws InterruptedException;
}
