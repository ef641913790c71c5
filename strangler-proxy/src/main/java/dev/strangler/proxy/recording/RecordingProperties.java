package dev.strangler.proxy.recording;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Traffic recording: a bounded sample of a route's real requests and the answers its clients got, one JSON line
 * each, for {@code kit compare http --recorded}. Off unless {@code routes} names a route.
 *
 * @param routes        names of the routes (of {@code strangler.proxy.routes}) that record; empty: none
 * @param maxExchanges  the most lines a route's file holds; a restart continues filling it, a full file stops the
 *                      route's recording (delete the file for a fresh sample)
 * @param every         records every n-th request of the route (1: every one) until the file is full
 * @param directory     where the files go, one {@code <route>.jsonl} per route
 * @param redactHeaders request and response headers whose values are written as {@code [redacted]}
 * @param redactFields  JSON fields of request and response bodies written as {@code [redacted]}, in the diff rules'
 *                      path syntax: {@code $.password}, {@code $..token} (any depth), {@code $.cards[*].number}
 * @param maxBody       largest body kept; a larger request or answer is recorded without it (the line says so)
 * @param queueCapacity exchanges waiting to be written; when full, a new one is dropped and counted
 */
@Validated
@ConfigurationProperties("strangler.proxy.recording")
public record RecordingProperties(
        @DefaultValue List<@NotBlank String> routes,
        @DefaultValue("200") @Min(1) int maxExchanges,
        @DefaultValue("1") @Min(1) int every,
        @DefaultValue(".kit/recordings") @NotNull Path directory,
        @DefaultValue({"Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie"})
        List<@NotBlank String> redactHeaders,
        @DefaultValue List<@Pattern(regexp = "\\$.*", message = "must be a JSON path starting with $") String>
        redactFields,
        @DefaultValue("64KB") @NotNull DataSize maxBody,
        @DefaultValue("1000") @Min(1) int queueCapacity) {
}
