package dev.strangler.service.backfill;

import jakarta.validation.constraints.NotBlank;

/** {@code POST /admin/backfills}: the legacy table to copy, e.g. {@code TB_MEMBER}. */
record BackfillRequest(@NotBlank String table) {
}
