package dev.strangler.cdc.operations;

import dev.strangler.control.ControlTokens;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The forward path's operations. {@code by} is the control token's name the interceptor granted, for the audit.
 */
@RestController
@RequestMapping("/cdc")
class CaptureOperationsController {

    private final CaptureOperations operations;

    CaptureOperationsController(CaptureOperations operations) {
        this.operations = operations;
    }

    /** @param table the captured table, as database.table; @param keys primary keys to re-read, or none for all */
    record SnapshotRequest(@NotBlank String table, List<Object> keys) {
    }

    record SnapshotAccepted(String signalId, String table) {
    }

    @GetMapping("/status")
    CaptureStatus status() {
        return operations.status();
    }

    @PostMapping("/pause")
    CaptureStatus pause(@RequestAttribute(ControlTokens.NAME_ATTRIBUTE) String by) {
        return operations.pause(by);
    }

    @PostMapping("/resume")
    CaptureStatus resume(@RequestAttribute(ControlTokens.NAME_ATTRIBUTE) String by) {
        return operations.resume(by);
    }

    /** Starts again what stopped on its own, snapshotting where the position is gone: {@code kit cdc resnapshot}. */
    @PostMapping("/recovery")
    CaptureOperations.Recovery recover(@RequestAttribute(ControlTokens.NAME_ATTRIBUTE) String by) {
        return operations.recover(by);
    }

    @PostMapping("/snapshots")
    @ResponseStatus(HttpStatus.ACCEPTED)
    SnapshotAccepted snapshot(@Valid @RequestBody SnapshotRequest request,
                              @RequestAttribute(ControlTokens.NAME_ATTRIBUTE) String by) {
        return new SnapshotAccepted(operations.snapshot(request.table(), request.keys(), by), request.table());
    }
}
