package dev.strangler.monolith.member;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/members}. The grade is optional: new members start as BRONZE. */
record MemberRegistration(
        @NotBlank @Size(min = 4, max = 30)
        @Pattern(regexp = "[a-z0-9._-]*", message = "may contain only lower-case letters, digits, '.', '_' and '-'")
        String loginId,
        @NotBlank @Size(max = 50) String name,
        @NotBlank @Email @Size(max = 100) String email,
        @Pattern(regexp = MemberUpdate.PHONE, message = "must be 7-20 digits, spaces, '+', '-' or parentheses")
        String phone,
        @Pattern(regexp = MemberGrade.NAMES, message = "must be one of BRONZE, SILVER, GOLD, VIP") String grade) {

    MemberGrade gradeOrDefault() {
        return grade == null ? MemberGrade.BRONZE : MemberGrade.valueOf(grade);
    }
}
