package dev.strangler.service.backfill;

import dev.strangler.control.ControlTokens;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code POST /admin/backfills} starts a bulk backfill (202, the run as recorded, its snapshot position included);
 * {@code GET /admin/backfills[/{table}]} follows it. Behind the service's admin token, like the ownership API.
 */
@RestController
@RequestMapping("/admin/backfills")
class BulkBackfillController {

    private final BulkBackfill backfill;

    BulkBackfillController(BulkBackfill backfill) {
        this.backfill = backfill;
    }

    @PostMapping
    ResponseEntity<BulkBackfillRun> start(@Valid @RequestBody BackfillRequest request,
                                          @RequestAttribute(ControlTokens.NAME_ATTRIBUTE) String by,
                                          UriComponentsBuilder uri) {
        BulkBackfillRun run = backfill.start(request.table().trim(), by);
        return ResponseEntity.accepted()
                .location(uri.path("/admin/backfills/{table}").buildAndExpand(run.table()).toUri()).body(run);
    }

    @GetMapping
    List<BulkBackfillRun> all() {
        return backfill.runs();
    }

    @GetMapping("/{table}")
    BulkBackfillRun one(@PathVariable String table) {
        return backfill.run(table);
    }
}
