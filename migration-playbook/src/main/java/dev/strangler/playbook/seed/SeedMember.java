package dev.strangler.playbook.seed;

import java.time.LocalDateTime;

/** One TB_MEMBER row to insert, in the legacy column formats (one-letter grade, Y/N delete flag). */
record SeedMember(long id, String loginId, String name, String email, String phone, String gradeCode,
                  LocalDateTime joinedAt, LocalDateTime updatedAt, boolean deleted) {
}
