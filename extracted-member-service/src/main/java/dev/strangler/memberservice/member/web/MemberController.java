package dev.strangler.memberservice.member.web;

import dev.strangler.memberservice.member.Email;
import dev.strangler.memberservice.member.Grade;
import dev.strangler.memberservice.member.MemberQuery;
import dev.strangler.memberservice.member.internal.MemberService;
import dev.strangler.web.problem.PageResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/members/**} with the monolith's contract ({@code /api/members/{id}/orders} is the order service's). */
@RestController
@RequestMapping("/api/members")
class MemberController {

    private final MemberService members;

    MemberController(MemberService members) {
        this.members = members;
    }

    @PostMapping
    ResponseEntity<MemberResponse> register(@Valid @RequestBody MemberRegistration body) {
        MemberResponse member = MemberResponse.from(members.register(body.loginId(), body.name(),
                new Email(body.email()), body.phone(), body.gradeOrDefault()));
        return ResponseEntity.created(URI.create("/api/members/" + member.id())).body(member);
    }

    @GetMapping("/{id}")
    MemberResponse get(@PathVariable long id) {
        return MemberResponse.from(members.get(id));
    }

    @GetMapping
    PageResponse<MemberResponse> search(
            @RequestParam(required = false)
            @Pattern(regexp = Grade.NAMES, message = "must be one of BRONZE, SILVER, GOLD, VIP") String grade,
            @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        MemberQuery query = new MemberQuery(grade == null ? null : Grade.valueOf(grade),
                q == null || q.isBlank() ? null : q.trim(), page, size);
        return members.search(query).map(MemberResponse::from);
    }

    @PutMapping("/{id}")
    MemberResponse update(@PathVariable long id, @Valid @RequestBody MemberUpdate body) {
        return MemberResponse.from(members.update(id, body.name(), new Email(body.email()), body.phone(),
                Grade.valueOf(body.grade())));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        members.delete(id);
        return ResponseEntity.noContent().build();
    }
}
