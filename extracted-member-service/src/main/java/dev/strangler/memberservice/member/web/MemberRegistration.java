package dev.strangler.memberservice.member.web;

import dev.strangler.memberservice.member.Grade;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/members}, with the monolith's rules and messages. New members start as BRONZE. */
record MemberRegistration(
        @NotBlank @Size(min = 4, max = 30)
        @Pattern(regexp = "[a-z0-9._-]*", message = "may contain only lower-case letters, digits, '.', '_' and '-'")
        String loginId,
        @NotBlank @Size(max = 50) String name,
        @NotBlank @Email @Size(max = 100) String email,
        @Pattern(regexp = MemberUpdate.PHONE, message = "must be 7-20 digits, spaces, '+', '-' or parentheses")
        String phone,
        @Pattern(regexp = Grade.NAMES, message = "must be one of BRONZE, SILVER, GOLD, VIP") String grade) {

    Grade gradeOrDefault() {
        return grade == null ? Grade.BRONZE : Grade.valueOf(grade);
    }
}
