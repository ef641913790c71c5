package dev.strangler.memberservice.member.web;

import dev.strangler.memberservice.member.Grade;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /api/members/{id}}: replaces the editable fields. A {@code loginId} in the body is ignored,
 * as the monolith always did.
 */
record MemberUpdate(
        @NotBlank @Size(max = 50) String name,
        @NotBlank @Email @Size(max = 100) String email,
        @Pattern(regexp = PHONE, message = "must be 7-20 digits, spaces, '+', '-' or parentheses") String phone,
        @NotNull @Pattern(regexp = Grade.NAMES, message = "must be one of BRONZE, SILVER, GOLD, VIP") String grade) {

    static final String PHONE = "[0-9+() -]{7,20}";
}
