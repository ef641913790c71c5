package dev.strangler.service.backfill;

import dev.strangler.web.problem.ConflictException;
import dev.strangler.web.problem.ProblemTypes;

/** 409: a bulk backfill cannot start now (none configured, one running, the legacy binlog off); nothing was changed. */
class BulkBackfillRefusedException extends ConflictException {

    BulkBackfillRefusedException(String detail) {
        super(ProblemTypes.BULK_BACKFILL_REFUSED, "Bulk backfill refused", detail);
    }
}
