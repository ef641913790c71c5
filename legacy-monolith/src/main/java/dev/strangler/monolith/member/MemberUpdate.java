package dev.strangler.monolith.member;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /api/members/{id}}: replaces the editable fields. The login id never changes, so it is not
 * part of the body (an included {@code loginId} is ignored, as the old system always did).
 */
record MemberUpdate(
        @NotBlank @Size(max = 50) String name,
        @NotBlank @Email @Size(max = 100) String email,
        @Pattern(regexp = PHONE, message = "must be 7-20 digits, spaces, '+', '-' or parentheses") String phone,
        @NotNull @Pattern(regexp = MemberGrade.NAMES, message = "must be one of BRONZE, SILVER, GOLD, VIP")
        String grade) {

    static final String PHONE = "[0-9+() -]{7,20}";
}
